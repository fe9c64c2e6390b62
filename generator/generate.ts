/** The pipeline behind the CLI and the API: catalog → model → every emitter → files in memory. */
import type { Catalog } from './catalog.js';
import { emitDocs } from './emit/docs.js';
import type { GeneratedFile } from './emit/files.js';
import { emitOpenApi } from './emit/openapi.js';
import { emitManifest } from './manifest.js';
import { buildModel } from './model.js';
import { GENERATOR_VERSION } from './version.js';

export type OutputKind = 'openapi' | 'typescript' | 'docs';

export const OUTPUT_KINDS: readonly OutputKind[] = ['openapi', 'typescript', 'docs'];

export interface GenerateOptions {
  /** Which outputs to build; all of them by default. */
  readonly outputs?: readonly OutputKind[];
}

/**
 * Builds every output file of a catalog in memory, sorted by path, with the manifest. Writes nothing: hand the
 * result to `writeAtomically`, or compare it with `checkOutput`.
 */
export async function generate(catalog: Catalog, options: GenerateOptions = {}): Promise<GeneratedFile[]> {
  const outputs = new Set(options.outputs ?? OUTPUT_KINDS);
  const model = buildModel(catalog);
  const files: GeneratedFile[] = [];
  if (outputs.has('openapi')) files.push(...emitOpenApi(model));
  if (outputs.has('docs')) files.push(...emitDocs(model));
  if (outputs.has('typescript')) {
    // Loaded only when asked for: ts-morph and prettier are most of the start-up cost.
    const { emitTypeScript } = await import('./emit/typescript.js');
    files.push(...(await emitTypeScript(model)));
  }
  files.push(emitManifest(files, { generatorVersion: GENERATOR_VERSION, catalog: model.sourceName }));
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
