/**
 * Programmatic API, for build tools:
 *
 *   const catalog = loadCatalog('data/status-codes.yaml');
 *   const files = await generate(catalog);          // [{ path, contents }], nothing written
 *   writeAtomically('output', files);               // or checkOutput('output', files)
 */
import type { Catalog } from './catalog/types.js';
import { parseCatalogText, readCatalogChain } from './catalog/read.js';
import { mergeSpec, type MergeOptions, type MergeResult } from './merge/merge.js';
import { buildModel } from './model/model.js';
import { validateCatalog } from './catalog/validate.js';

export type {
  Catalog,
  CatalogData,
  ErrorBodyShape,
  ErrorBodySpec,
  ErrorSpec,
  HeaderSpec,
  HeaderValueSchema,
  RetryPolicy,
  StatusSpec,
} from './catalog/types.js';
export { CatalogError, formatDiagnostic, type Diagnostic } from './util/diagnostics.js';
export type { GeneratedFile } from './targets/target.js';
export { generate, OUTPUT_KINDS, type GenerateOptions, type OutputKind } from './pipeline.js';
export { MANIFEST_PATH } from './write/manifest.js';
export type { MergeOptions, MergeResult } from './merge/merge.js';
export { checkOutput, isFresh, type CheckResult } from './write/check.js';
export { writeAtomically } from './write/folder-swap.js';
export { WriteError } from './write/write-error.js';
export { writeFileAtomically } from './write/write-file.js';

/**
 * Reads and validates a catalog file (YAML or JSON) and the catalogs it extends. Throws
 * CatalogError listing every problem, its warnings among them; a catalog without errors is
 * returned with its warnings in `catalog.warnings`.
 */
export function loadCatalog(path: string): Catalog {
  return validateCatalog(readCatalogChain(path));
}

/**
 * Validates catalog text held in memory. `file` names it in errors, picks JSON rules for
 * `.json`, and is where a relative `extends` is resolved from.
 */
export function parseCatalog(text: string, file: string): Catalog {
  return validateCatalog(readCatalogChain(file, parseCatalogText(text, file)));
}

/**
 * Merges a catalog into the text of an OpenAPI 3.0/3.1 spec (YAML or JSON; `file` names it in
 * errors and picks JSON for `.json`). Returns the merged text; writes nothing.
 */
export function mergeCatalog(catalog: Catalog, specText: string, file: string, options: MergeOptions = {}): MergeResult {
  return mergeSpec(specText, file, buildModel(catalog), options);
}
