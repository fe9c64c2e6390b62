/**
 * The runtime every catalog shares: ordinary TypeScript modules in generator/runtime/,
 * type-checked and unit-tested with the project, copied verbatim into every generated module.
 * The build copies them beside the compiled generator (dist/runtime/), so the installed package
 * reads the same files.
 *
 * generator/runtime/ also holds the catalog modules the runtime imports (catalog.ts,
 * status-codes.ts, error-codes.ts, errors.ts): those are what the generator writes for the
 * fixture test/fixtures/catalogs/runtime.yaml, kept there so the runtime type-checks and its
 * tests run; they are never copied (each catalog gets its own).
 */
import { readFileSync } from 'node:fs';
import { adapterPath, ADAPTERS, SERVER_ADAPTER_SUPPORT } from './adapters.js';

/** The modules copied into every output, in file-name order. */
export const RUNTIME_MODULES: readonly string[] = [
  'api-error.ts',
  'connection-error.ts',
  'error-body.ts',
  'error-lookups.ts',
  'from-fetch.ts',
  'from-response.ts',
  'headers.ts',
  'retry-after.ts',
  'retry.ts',
  'status-lookups.ts',
  'to-api-error.ts',
  'types.ts',
];

/**
 * The adapters (see adapters.ts), by path under the runtime folder (`adapters/express.ts`):
 * copied into an output only when its catalog lists them (what the server ones share with the
 * first of them), never re-exported.
 */
export const ADAPTER_MODULES: readonly string[] = [...ADAPTERS.map((adapter) => adapterPath(adapter.name)), SERVER_ADAPTER_SUPPORT].sort();

/** The catalog modules the generator writes, which the runtime imports. */
export const CATALOG_MODULES: readonly string[] = ['catalog.ts', 'error-codes.ts', 'errors.ts', 'status-codes.ts'];

/** Source text of a runtime module, by file name (a path under the runtime folder for an adapter). */
export interface RuntimeSource {
  readonly name: string;
  readonly text: string;
}

/** Folder of the runtime sources beside this module (generator/runtime or dist/runtime). */
export const RUNTIME_DIR = new URL('./runtime/', import.meta.url);

/** Reads the runtime modules and the adapters (the load stage of the TypeScript output). */
export function loadRuntimeSources(): RuntimeSource[] {
  return [...RUNTIME_MODULES, ...ADAPTER_MODULES].map((name) => ({ name, text: readFileSync(new URL(name, RUNTIME_DIR), 'utf8') }));
}
