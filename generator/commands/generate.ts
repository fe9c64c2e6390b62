/**
 * `status-catalog generate`: catalog → every output, written atomically into folders the
 * generator owns, or (`--check`) compared with what they hold.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { TARGETS } from '../targets/index.js';
import type { Catalog } from '../catalog/types.js';
import { outputLooksFresh, recordGeneratedOutput } from '../write/freshness.js';
import {
  OUTPUT_TARGETS,
  splitIntoFolders,
  TARGET_OPTION,
  type OutputFolder,
  type OutputLayout,
  type OutputTarget,
} from '../write/layout.js';
import { MANIFEST_PATH } from '../write/manifest.js';
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
  timings: { type: 'boolean', default: false },
} as const;

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
  const catalogPath = catalogPathOf(values.catalog);
  const outDir = values.out ?? DEFAULT_OUT;
  // The fast path knows one folder only; it never vouches for a catalog that names its own
  // folders either, since only single-folder runs record what they wrote.
  if (values.check && !values.strict && Object.keys(flags).length === 0 && outputLooksFresh(catalogPath, outDir)) {
    say(process.stdout, `status-catalog: ${displayPath(outDir)} is up to date (hashes match the last full generation)`);
    return 0;
  }
  const timings = new Timings();
  // Started before anything else is imported: the TypeScript target's worker loads ts-morph
  // (the TypeScript compiler, the slowest import by far) while this thread imports the rest,
  // reads and checks the catalog.
  const emitters = Object.fromEntries(TARGETS.map((target) => [target.name, target.start()]));
  const [{ readCatalogChain }, { validateCatalog }, { generate, manifestInputsOf }] = await Promise.all([
    import('../catalog/read.js'),
    import('../catalog/validate.js'),
    import('../pipeline.js'),
  ]);
  let catalog: Catalog | undefined;
  let folders: OutputFolder[];
  try {
    const chain = timings.measure('load', () => readCatalogChain(catalogPath));
    catalog = acceptWarnings(
      timings.measure('validate', () => validateCatalog(chain)),
      values.strict,
    );
    if (catalog === undefined) return 1;
    const layout = layoutOf(outDir, flags, catalog);
    const files = await generate(catalog, { emitters, timings });
    folders = splitIntoFolders(files, layout, manifestInputsOf(catalog), (target) =>
      flags[target] !== undefined ? TARGET_OPTION[target] : `output.${target}`,
    );
  } finally {
    await Promise.all(Object.values(emitters).map((emitter) => emitter.close()));
  }
  if (values.check) return checkFolders(folders, catalogPath);
  // Every folder is checked before any is written: a refusal leaves all of them as they were.
  for (const folder of folders) assertWritableOutput(folder.dir, catalog.files);
  for (const folder of folders) {
    const report = timings.measure('write', () => writeAtomically(folder.dir, folder.files, undefined, catalog.files));
    for (const warning of report.warnings) say(process.stderr, `status-catalog: warning: ${warning}`);
  }
  if (folders.length === 1) recordGeneratedOutput(folders[0]!.files);
  const where = folders.map((folder) => `${folder.files.length} files to ${shown(folder.dir)}`).join(', ');
  say(
    process.stdout,
    `status-catalog: wrote ${where} (${catalog.data.service}, ${catalog.data.statuses.length} statuses, ${catalog.data.errors?.length ?? 0} error codes)`,
  );
  if (values.timings) say(process.stderr, `timings ${JSON.stringify(timings)}`);
  return 0;
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
function shown(dir: string): string {
  if (!isAbsolute(dir)) return displayPath(dir);
  const rel = relative('.', dir);
  return displayPath(rel !== '' && rel.length < dir.length ? rel : dir);
}

function checkFolders(folders: readonly OutputFolder[], catalogPath: string): number {
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
      `status-catalog: ${names} ${folders.length === 1 ? 'does' : 'do'} not match ${displayPath(catalogPath)}; run status-catalog generate`,
    );
    return 1;
  }
  if (folders.length === 1) recordGeneratedOutput(folders[0]!.files);
  const count = folders.reduce((sum, folder) => sum + folder.files.length, 0);
  say(process.stdout, `status-catalog: ${names} ${folders.length === 1 ? 'is' : 'are'} up to date (${count} files)`);
  return 0;
}

/** Whether a folder is missing, empty, or holds a valid manifest: something --check may compare. */
function isStatusCatalogOutput(outDir: string): boolean {
  return listFiles(resolve(outDir)).length === 0 || readOwnManifest(outDir) !== undefined;
}
