/**
 * The quick answer to `generate` and `--check`: whether the output folders of a run are exactly
 * what generating from its catalog would write, decided from hashes alone. A full generation
 * records, outside the output folders, a hash of the inputs (generator code, catalog name, each
 * catalog file), the catalog's warnings and the hash of every file it produced, in each folder;
 * when the inputs hash to the same and every file still matches, nothing needs generating.
 * Anything else ("no" or "cannot tell") sends the caller to the full generation, which
 * regenerates and compares.
 *
 * Light on purpose: it loads no YAML parser, validator or emitter.
 */
import { existsSync, lstatSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { catalogName } from '../util/catalog-name.js';
import { sha256 } from '../util/hash.js';
import { inputsHash, MANIFEST_PATH, parseManifest } from './manifest.js';
import { MAX_CATALOG_BYTES, MAX_EXTENDS_DEPTH, MAX_MANIFEST_BYTES } from '../util/limits.js';
import { readRegularFile } from '../util/read-file.js';
import { GENERATOR_VERSION, generatorFingerprint } from '../util/version.js';
import type { GeneratedFile } from '../targets/target.js';
import type { OutputTarget } from './layout.js';
import { listFiles } from './output-folder.js';

/**
 * How a run was asked for, besides its inputs: the catalog as named, the main output folder and
 * each target's own folder from the command line. With the working folder, they decide where
 * each output goes (the catalog's `output:` is resolved from the catalog's path) and how
 * messages name things; a run asked for otherwise has a record of its own.
 */
export interface Invocation {
  readonly catalogPath: string;
  readonly out: string;
  readonly flags: Readonly<Partial<Record<OutputTarget, string>>>;
}

/** One output folder a full generation wrote (or found as it would write it), with its manifest. */
export interface RecordedFolder {
  readonly dir: string;
  readonly files: readonly GeneratedFile[];
}

/** What the fast path found: every folder as the last full generation left it. */
export interface FreshOutput {
  /** The folders, as the generation that recorded them named them. */
  readonly folders: readonly string[];
  /** The catalog's warnings, as that generation printed them: a fresh run prints them again. */
  readonly warnings: readonly string[];
}

/** What the fast path expects of each file: its hash, and its size, so that a file of another size is never read. */
type Expected = Readonly<Record<string, { readonly sha256: string; readonly size: number }>>;

/** A record as written: the inputs it was made from, the warnings, and each folder's files. */
interface SavedRecord {
  readonly inputs: string;
  readonly warnings: readonly string[];
  readonly folders: readonly { readonly dir: string; readonly files: Expected }[];
}

/** The catalog files a chain names, found without parsing, and the hash of each (undefined when one cannot be read). */
interface ChainGuess {
  /** Absolute paths, the catalog first; the last one may be missing. */
  readonly files: readonly string[];
  /** The most basic first, as the manifest records them. */
  readonly hashes: readonly string[] | undefined;
}

/**
 * The catalog files a catalog reads, found without parsing: a top-level `extends:` line (YAML)
 * or `"extends": "…"` (JSON). A wrong guess cannot make stale output look fresh: the files'
 * hashes would not be the ones the full generation recorded.
 */
function guessChain(catalogPath: string): ChainGuess {
  const files: string[] = [];
  const hashes: string[] = [];
  let current = catalogPath;
  let total = 0;
  for (let depth = 0; depth < MAX_EXTENDS_DEPTH; depth += 1) {
    files.push(resolve(current));
    let text: string;
    try {
      // Read as the full generation reads it (a regular file within the limit; the chain within
      // it in all): anything else is "cannot tell", and the full generation says what is wrong.
      const bytes = readRegularFile(current, { maxBytes: MAX_CATALOG_BYTES - total, what: 'catalog' });
      total += bytes.length;
      text = bytes.toString('utf8');
    } catch {
      return { files, hashes: undefined };
    }
    hashes.unshift(sha256(text));
    const base =
      /^extends:[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^\s#'"][^\n#]*?))[ \t]*(?:#.*)?$/m.exec(text) ??
      /^\s*\{[\s\S]*?"extends"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(text);
    const target = base?.slice(1).find((group) => group !== undefined);
    if (target === undefined) return { files, hashes };
    current = resolve(dirname(current), target);
  }
  return { files, hashes };
}

/**
 * The files of a catalog's extends chain as far as they can be found without parsing: the
 * catalog itself first, then each base it names, the last of them possibly missing (a base
 * named before it is written). For `--watch`, which watches them whether the catalog is valid
 * or not.
 */
export function catalogChainFiles(catalogPath: string): string[] {
  return [...new Set(guessChain(catalogPath).files)];
}

/**
 * Where the fast path keeps what the last full generation of an invocation wrote: outside the
 * folders it checks, so that nothing in them can vouch for itself (a file edited along with its
 * hash in the manifest). Under node_modules/.cache, as other build tools do; a fresh clone (CI)
 * has none, and so always gets the full generation. One record per invocation, replaced by
 * each full generation: editing the catalog all day leaves one file.
 */
function recordFile(invocation: Invocation): string {
  const flags = Object.entries(invocation.flags)
    .filter(([, dir]) => dir !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const key = sha256(JSON.stringify([process.cwd(), invocation.catalogPath, invocation.out, flags]));
  return join(resolve('node_modules', '.cache', 'status-catalog'), `${key.replace(/[^A-Za-z0-9-]/g, '_')}.json`);
}

function inputsOf(catalogPath: string): string | undefined {
  const catalogFiles = guessChain(catalogPath).hashes;
  if (catalogFiles === undefined) return undefined;
  return inputsHash({
    generatorVersion: GENERATOR_VERSION,
    generatorFingerprint: generatorFingerprint(),
    catalog: catalogName(catalogPath),
    catalogFiles,
  });
}

/**
 * Records the hash and size of every file a full generation produced in each folder (the
 * manifest's record, and the manifest itself), and the catalog's warnings, for the fast path.
 * Best effort: without node_modules, or on any failure, nothing is recorded (any earlier record
 * of the invocation is removed) and the next run is a full one.
 */
export function recordGeneratedOutput(invocation: Invocation, folders: readonly RecordedFolder[], warnings: readonly string[] = []): void {
  let temporary: string | undefined;
  let path: string | undefined;
  try {
    if (!existsSync('node_modules')) return;
    path = recordFile(invocation);
    let inputs: string | undefined;
    const recorded: { dir: string; files: Expected }[] = [];
    for (const folder of folders) {
      const manifestFile = folder.files.find((file) => file.path === MANIFEST_PATH);
      const manifest = manifestFile === undefined ? undefined : parseManifest(manifestFile.contents);
      if (manifest === undefined || (inputs !== undefined && manifest.inputs !== inputs))
        throw new Error('no record without manifests of the same inputs');
      inputs = manifest.inputs;
      const expected: { [path: string]: { sha256: string; size: number } } = {};
      for (const file of folder.files) {
        if (file.path !== MANIFEST_PATH && manifest.files[file.path] === undefined) throw new Error('a file the manifest does not list');
        expected[file.path] = { sha256: sha256(file.contents), size: Buffer.byteLength(file.contents) };
      }
      recorded.push({ dir: folder.dir, files: expected });
    }
    if (inputs === undefined) throw new Error('no folder to record');
    const record: SavedRecord = { inputs, warnings: [...warnings], folders: recorded };
    mkdirSync(dirname(path), { recursive: true });
    temporary = `${path}.tmp-${randomBytes(6).toString('hex')}`;
    // 'wx': a new file, never written through whatever sits at that name.
    writeFileSync(temporary, JSON.stringify(record), { flag: 'wx' });
    renameSync(temporary, path);
    temporary = undefined;
  } catch {
    // A cache: without it the next run is slower, never wrong. A record that could not be
    // replaced must not answer for this generation either.
    try {
      if (path !== undefined) rmSync(path, { force: true });
    } catch {
      // Nothing more to do: the inputs it names are not these.
    }
  } finally {
    if (temporary !== undefined) rmSync(temporary, { force: true });
  }
}

/** A record as read back, or undefined for anything that is not one. */
function parseRecord(text: string): SavedRecord | undefined {
  const value = JSON.parse(text) as Partial<SavedRecord> | null;
  if (typeof value?.inputs !== 'string' || !Array.isArray(value.warnings) || !Array.isArray(value.folders)) return undefined;
  if (!value.warnings.every((line) => typeof line === 'string')) return undefined;
  const folderOk = (folder: unknown): boolean =>
    typeof folder === 'object' &&
    folder !== null &&
    typeof (folder as { dir?: unknown }).dir === 'string' &&
    typeof (folder as { files?: unknown }).files === 'object' &&
    (folder as { files?: unknown }).files !== null;
  return value.folders.length > 0 && value.folders.every(folderOk) ? (value as SavedRecord) : undefined;
}

/**
 * Whether every output folder of `invocation` holds exactly what its last full generation from
 * these inputs wrote, by the hashes recorded then (see recordGeneratedOutput), never by anything
 * in the folders: what they were, and the warnings to print again, or undefined. Only regular
 * files of the recorded size count: a symlink, a pipe, a device or a file of another size is
 * never read, and makes the answer no; so is a record that is not a regular file within
 * MAX_MANIFEST_BYTES.
 */
export function freshOutput(invocation: Invocation): FreshOutput | undefined {
  try {
    const bytes = readRegularFile(recordFile(invocation), { maxBytes: MAX_MANIFEST_BYTES, followSymlinks: false });
    const record = parseRecord(bytes.toString('utf8'));
    if (record === undefined || record.inputs !== inputsOf(invocation.catalogPath)) return undefined;
    const fresh = record.folders.every(({ dir, files }) => holdsExactly(dir, files));
    return fresh ? { folders: record.folders.map((folder) => folder.dir), warnings: record.warnings } : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `dir` holds exactly the files `expected` names, of their recorded sizes and hashes, and no other. */
function holdsExactly(dir: string, expected: Expected): boolean {
  const listed = Object.keys(expected).sort();
  const present = listFiles(resolve(dir)).sort();
  if (present.length !== listed.length || present.some((path, index) => path !== listed[index])) return false;
  return listed.every((path) => {
    const file = join(dir, ...path.split('/'));
    const { sha256: hash, size } = expected[path]!;
    const stat = lstatSync(file);
    if (!stat.isFile() || stat.size !== size || typeof hash !== 'string') return false;
    return sha256(readRegularFile(file, { maxBytes: size, followSymlinks: false })) === hash;
  });
}
