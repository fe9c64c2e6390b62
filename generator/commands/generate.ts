/**
 * `status-catalog generate`: catalog → every output, written atomically into folders the
 * generator owns. Nothing is written when the folders already hold what generating would
 * write: the record of the last full generation answers that without loading the emitters (the
 * fast path), or else the full generation compares before writing. `--check` compares only;
 * `--watch` (watch.ts) generates again on every change.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { TARGETS } from '../targets/index.js';
import type { TargetEmitter } from '../targets/target.js';
import type { Catalog } from '../catalog/types.js';
import { freshOutput, recordGeneratedOutput, type Invocation } from '../write/freshness.js';
import {
  OUTPUT_TARGETS,
  splitIntoFolders,
  TARGET_OPTION,
  type OutputFolder,
  type OutputLayout,
  type OutputTarget,
} from '../write/layout.js';
import { MANIFEST_PATH } from '../write/manifest.js';
import { formatDiagnostic } from '../util/diagnostics.js';
import { displayPath } from '../util/display-path.js';
import { Timings } from '../util/timings.js';
import { checkOutput, isFresh } from '../write/check.js';
import { writeAtomically } from '../write/folder-swap.js';
import { listFiles, readOwnManifest } from '../write/output-folder.js';
import { assertWritableOutput } from '../write/ownership.js';
import { acceptWarnings, catalogPathOf, COMMON_OPTIONS, DEFAULT_OUT, noMoreArguments, parse, say, UsageError } from './shared.js';

/** `--openapi-out`, `--ts-out`, …: one per target, named by the target. */
const TARGET_OPTIONS = Object.fromEntries(TARGETS.map((target) => [target.option.slice(2), { type: 'string' }])) as Readonly<
  Record<string, { readonly type: 'string' }>
>;

export const GENERATE_OPTIONS = {
  ...COMMON_OPTIONS,
  out: { type: 'string' },
  ...TARGET_OPTIONS,
  check: { type: 'boolean', default: false },
  force: { type: 'boolean', default: false },
  watch: { type: 'boolean', default: false },
  timings: { type: 'boolean', default: false },
} as const;

/** What a run of `generate` is asked for, from its command line. */
export interface GenerateRequest {
  readonly invocation: Invocation;
  readonly strict: boolean;
  /** `--force`: no answer from the record, and every folder written, even one that holds what is generated. */
  readonly force: boolean;
  /** `--timings`: one JSON line of stage times on standard error. */
  readonly timings: boolean;
  /** `--debug`: stack traces of unexpected errors (--watch prints them and goes on). */
  readonly debug: boolean;
}

/** Every target's emitter, by target name. */
export type Emitters = Readonly<Record<string, TargetEmitter>>;

export async function runGenerate(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse(argv, GENERATE_OPTIONS);
  noMoreArguments(positionals, 1);
  const flags: Partial<Record<OutputTarget, string>> = {};
  for (const target of OUTPUT_TARGETS) {
    const value = (values as Readonly<Record<string, unknown>>)[TARGET_OPTION[target].slice(2)] as string | undefined;
    if (value === '') throw new UsageError(`${TARGET_OPTION[target]} needs a folder`);
    if (value !== undefined) flags[target] = value;
  }
  if (values.out === '') throw new UsageError('--out needs a folder');
  if (values.watch && values.check)
    throw new UsageError('--watch and --check cannot be combined: --check writes nothing, --watch writes on every change');
  const request: GenerateRequest = {
    invocation: { catalogPath: catalogPathOf(values.catalog), out: values.out ?? DEFAULT_OUT, flags },
    strict: values.strict,
    force: values.force,
    timings: values.timings,
    debug: values.debug,
  };
  if (values.watch) return (await import('./watch.js')).watchGenerate(request);
  const timings = new Timings();
  if (!request.force && answeredFromRecord(request, timings)) return 0;
  // Started before anything else is imported: the TypeScript target's worker loads ts-morph
  // (the TypeScript compiler, the slowest import by far) while this thread imports the rest,
  // reads and checks the catalog.
  const emitters = startEmitters();
  try {
    if (values.check) return await checkRun(request, emitters, timings);
    return (await generateRun(request, emitters, timings)).code;
  } finally {
    await closeEmitters(emitters);
  }
}

/** A new emitter for every target (see Target.start: cheap; the TypeScript worker starts loading). */
export function startEmitters(): Emitters {
  return Object.fromEntries(TARGETS.map((target) => [target.name, target.start()]));
}

export async function closeEmitters(emitters: Emitters): Promise<void> {
  await Promise.all(Object.values(emitters).map((emitter) => emitter.close()));
}

/**
 * The fast path: when the record of the last full generation of this invocation says every
 * folder still holds what it wrote from these inputs, that is said (with the catalog's warnings
 * again) and nothing is loaded, generated or written. False when it cannot say so, or when
 * `--strict` would stop at the recorded warnings: the full run then decides.
 */
function answeredFromRecord(request: GenerateRequest, timings: Timings): boolean {
  const fresh = timings.measure('freshness', () => freshOutput(request.invocation));
  if (fresh === undefined || (request.strict && fresh.warnings.length > 0)) return false;
  for (const warning of fresh.warnings) say(process.stderr, warning);
  const names = fresh.folders.map(shown).join(', ');
  say(
    process.stdout,
    `status-catalog: ${names} ${fresh.folders.length === 1 ? 'is' : 'are'} up to date (hashes match the last full generation)`,
  );
  if (request.timings) say(process.stderr, `timings ${JSON.stringify(timings)}`);
  return true;
}

/** A catalog generated in memory, split into its folders, with its warnings as printed. */
interface Built {
  readonly catalog: Catalog;
  readonly folders: readonly OutputFolder[];
  readonly warnings: readonly string[];
}

/** Reads and validates the catalog and generates every output in memory; undefined when `--strict` stops at warnings. */
async function build(request: GenerateRequest, emitters: Emitters, timings: Timings): Promise<Built | undefined> {
  const [{ readCatalogChain }, { validateCatalog }, { generate, manifestInputsOf }] = await Promise.all([
    import('../catalog/read.js'),
    import('../catalog/validate.js'),
    import('../pipeline.js'),
  ]);
  const { catalogPath, out, flags } = request.invocation;
  const chain = timings.measure('load', () => readCatalogChain(catalogPath));
  const validated = timings.measure('validate', () => validateCatalog(chain));
  const catalog = acceptWarnings(validated, request.strict);
  if (catalog === undefined) return undefined;
  const files = await generate(catalog, { emitters, timings });
  const folders = splitIntoFolders(files, layoutOf(out, flags, catalog), manifestInputsOf(catalog), (target) =>
    flags[target] !== undefined ? TARGET_OPTION[target] : `output.${target}`,
  );
  return { catalog, folders, warnings: catalog.warnings.map(formatDiagnostic) };
}

/** How a generation ended: its exit code, and on success the catalog files it read (for --watch to watch). */
export interface GenerateResult {
  readonly code: number;
  readonly catalogFiles?: readonly string[];
}

/**
 * One full generation: generates in memory, then writes each folder that does not hold exactly
 * that already (every folder with `force`), and records what the folders hold for the fast
 * path. Nothing is written once `stop` is aborted (--watch ending while it generated).
 * Throws what the catalog or a write throws (a CatalogError, a WriteError).
 */
export async function generateRun(
  request: GenerateRequest,
  emitters: Emitters,
  timings: Timings,
  stop?: AbortSignal,
): Promise<GenerateResult> {
  const built = await build(request, emitters, timings);
  if (built === undefined) return { code: 1 };
  const { catalog, folders } = built;
  if (stop?.aborted === true) return { code: 0, catalogFiles: catalog.files };
  // Every folder is checked before any is written: a refusal leaves all of them as they were.
  for (const folder of folders) assertWritableOutput(folder.dir, catalog.files);
  // A folder that holds exactly what would be written is left untouched (its files keep their
  // times, so that whatever builds from them has nothing to redo).
  const written = folders.filter((folder) => request.force || !isFresh(checkOutput(folder.dir, folder.files)));
  for (const folder of written) {
    const report = timings.measure('write', () => writeAtomically(folder.dir, folder.files, undefined, catalog.files));
    for (const warning of report.warnings) say(process.stderr, `status-catalog: warning: ${warning}`);
  }
  recordGeneratedOutput(request.invocation, folders, built.warnings);
  const untouched = folders.filter((folder) => !written.includes(folder));
  const names = untouched.map((folder) => shown(folder.dir)).join(', ');
  if (written.length === 0) {
    const count = folders.reduce((sum, folder) => sum + folder.files.length, 0);
    say(process.stdout, `status-catalog: ${names} ${folders.length === 1 ? 'is' : 'are'} up to date (${count} files)`);
  } else {
    const where = written.map((folder) => `${folder.files.length} files to ${shown(folder.dir)}`).join(', ');
    say(
      process.stdout,
      `status-catalog: wrote ${where} (${catalog.data.service}, ${catalog.data.statuses.length} statuses, ${catalog.data.errors?.length ?? 0} error codes)${untouched.length > 0 ? `; ${names} up to date` : ''}`,
    );
  }
  if (request.timings) say(process.stderr, `timings ${JSON.stringify(timings)}`);
  return { code: 0, catalogFiles: catalog.files };
}

/** Flags first, then the catalog's `output:` (resolved from the catalog file when it was read). */
function layoutOf(out: string, flags: Partial<Record<OutputTarget, string>>, catalog: Catalog): OutputLayout {
  const own: Partial<Record<OutputTarget, string>> = {};
  for (const target of OUTPUT_TARGETS) {
    const dir = flags[target] ?? catalog.data.output?.[target];
    if (dir !== undefined) own[target] = dir;
  }
  return { out, own };
}

/**
 * A folder as messages show it: as the user wrote it; one the catalog names (absolute by then)
 * relative to the working folder; invisible characters escaped (displayPath).
 */
export function shown(dir: string): string {
  if (!isAbsolute(dir)) return displayPath(dir);
  const rel = relative('.', dir);
  return displayPath(rel !== '' && rel.length < dir.length ? rel : dir);
}

/** `--check` without an answer from the record: generates in memory and compares each folder. */
async function checkRun(request: GenerateRequest, emitters: Emitters, timings: Timings): Promise<number> {
  const built = await build(request, emitters, timings);
  if (built === undefined) return 1;
  const { folders } = built;
  let stale = 0;
  for (const folder of folders) {
    if (!isStatusCatalogOutput(folder.dir)) {
      say(
        process.stderr,
        `status-catalog: ${shown(folder.dir)} (${folder.namedBy}) is not an output of status-catalog (it has files and no valid ${MANIFEST_PATH}); nothing to check against`,
      );
      stale += 1;
      continue;
    }
    const result = checkOutput(folder.dir, folder.files);
    if (isFresh(result)) continue;
    stale += 1;
    const show = (path: string): string => displayPath(relative('.', `${folder.dir}/${path}`) || path);
    for (const path of result.stale) say(process.stderr, `stale: ${show(path)}`);
    for (const path of result.missing) say(process.stderr, `missing: ${show(path)}`);
    for (const path of result.extra) say(process.stderr, `extra: ${show(path)}`);
  }
  const names = folders.map((folder) => shown(folder.dir)).join(', ');
  if (stale > 0) {
    say(
      process.stderr,
      `status-catalog: ${names} ${folders.length === 1 ? 'does' : 'do'} not match ${displayPath(request.invocation.catalogPath)}; run status-catalog generate`,
    );
    return 1;
  }
  recordGeneratedOutput(request.invocation, folders, built.warnings);
  const count = folders.reduce((sum, folder) => sum + folder.files.length, 0);
  say(process.stdout, `status-catalog: ${names} ${folders.length === 1 ? 'is' : 'are'} up to date (${count} files)`);
  if (request.timings) say(process.stderr, `timings ${JSON.stringify(timings)}`);
  return 0;
}

/** Whether a folder is missing, empty, or holds a valid manifest: something --check may compare. */
function isStatusCatalogOutput(outDir: string): boolean {
  return listFiles(resolve(outDir)).length === 0 || readOwnManifest(outDir) !== undefined;
}
