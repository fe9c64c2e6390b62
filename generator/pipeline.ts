/** The pipeline behind the CLI and the API: catalog → model → every emitter → files in memory. */
import type { Catalog } from './catalog/types.js';
import { emitDocs } from './targets/docs/docs.js';
import type { GeneratedFile } from './targets/target.js';
import { emitOpenApi } from './targets/openapi/openapi.js';
import { catalogName, emitManifest, type ManifestInputs } from './write/manifest.js';
import { buildModel } from './model/model.js';
import { startTypeScriptEmitter, type TypeScriptEmitter } from './targets/typescript/emitter.js';
import { Timings } from './util/timings.js';
import { GENERATOR_VERSION, generatorFingerprint } from './util/version.js';

export type OutputKind = 'openapi' | 'typescript' | 'docs';

export const OUTPUT_KINDS: readonly OutputKind[] = ['openapi', 'typescript', 'docs'];

export interface GenerateOptions {
  /** Which outputs to build; all of them by default. */
  readonly outputs?: readonly OutputKind[];
  /**
   * The TypeScript emitter to use, for a caller that started it early (see
   * startTypeScriptEmitter); by default one is started and stopped within the call.
   */
  readonly typescript?: TypeScriptEmitter;
  /** Where to record how long each stage took. */
  readonly timings?: Timings;
}

/** What the manifest records the outputs of a catalog were made from. */
export function manifestInputsOf(catalog: Catalog): ManifestInputs {
  return {
    generatorVersion: GENERATOR_VERSION,
    generatorFingerprint: generatorFingerprint(),
    catalog: catalogName(catalog.file),
    catalogFiles: catalog.fileHashes,
  };
}

/**
 * Builds every output file of a catalog in memory, sorted by path, with the manifest. Writes nothing: hand the
 * result to `writeAtomically`, or compare it with `checkOutput`.
 */
export async function generate(catalog: Catalog, options: GenerateOptions = {}): Promise<GeneratedFile[]> {
  const outputs = new Set(options.outputs ?? OUTPUT_KINDS);
  const wantsTypeScript = outputs.has('typescript');
  const own = wantsTypeScript && options.typescript === undefined ? startTypeScriptEmitter() : undefined;
  try {
    const timings = options.timings ?? new Timings();
    const model = timings.measure('model', () => buildModel(catalog));
    // The TypeScript is written on the emitter's thread while this one does the rest.
    const started = performance.now();
    const typescript = wantsTypeScript ? (options.typescript ?? own)!.emit(model) : Promise.resolve([]);
    const files: GeneratedFile[] = [];
    if (outputs.has('openapi')) files.push(...timings.measure('openapi', () => emitOpenApi(model)));
    if (outputs.has('docs')) files.push(...timings.measure('docs', () => emitDocs(model)));
    files.push(...(await typescript));
    // Wall time from handing over the model to having the files, overlapping the stages above.
    if (wantsTypeScript) timings.add('typescript', performance.now() - started);
    files.push(emitManifest(files, manifestInputsOf(catalog)));
    return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  } finally {
    await own?.close();
  }
}
