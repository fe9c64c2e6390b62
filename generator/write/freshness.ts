/**
 * The quick answer to `--check`: whether an output folder is exactly what generating from a
 * catalog would write, decided from hashes alone. A full generation records, outside the
 * output folder, a hash of the inputs (generator code, catalog name, each catalog file) and of
 * every file it produced; when the inputs hash to the same and every file still matches,
 * nothing needs generating. Anything else ("no" or "cannot tell") sends the caller to the full
 * check, which regenerates and compares.
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
import { listFiles } from './output-folder.js';

/**
 * The catalog files a catalog reads, found without parsing: a top-level `extends:` line (YAML)
 * or `"extends": "…"` (JSON). A wrong guess cannot make stale output look fresh: the files'
 * hashes would not be the ones the manifest recorded.
 */
function catalogFileHashes(catalogPath: string): string[] {
  const hashes: string[] = [];
  let current = catalogPath;
  let total = 0;
  for (let depth = 0; depth < MAX_EXTENDS_DEPTH; depth += 1) {
    // Read as the full generation reads it (a regular file within the limit; the chain within
    // it in all): anything else throws, and the full generation says what is wrong.
    const bytes = readRegularFile(current, { maxBytes: MAX_CATALOG_BYTES - total, what: 'catalog' });
    total += bytes.length;
    const text = bytes.toString('utf8');
    hashes.unshift(sha256(text));
    const base =
      /^extends:[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^\s#'"][^\n#]*?))[ \t]*(?:#.*)?$/m.exec(text) ??
      /^\s*\{[\s\S]*?"extends"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(text);
    const target = base?.slice(1).find((group) => group !== undefined);
    if (target === undefined) return hashes;
    current = resolve(dirname(current), target);
  }
  return hashes;
}

/**
 * Where the fast path keeps what the last full generation wrote: outside the folder it
 * checks, so that nothing in that folder can vouch for itself (a file edited along with its
 * hash in the manifest). Under node_modules/.cache, as other build tools do; a fresh clone (CI)
 * has none, and so always gets the full check.
 */
function cacheFile(inputs: string): string {
  return join(resolve('node_modules', '.cache', 'status-catalog'), `${inputs.replace(/[^A-Za-z0-9-]/g, '_')}.json`);
}

function inputsOf(catalogPath: string): string {
  return inputsHash({
    generatorVersion: GENERATOR_VERSION,
    generatorFingerprint: generatorFingerprint(),
    catalog: catalogName(catalogPath),
    catalogFiles: catalogFileHashes(catalogPath),
  });
}

/** What the fast path expects of each file: its hash, and its size, so that a file of another size is never read. */
type Expected = Readonly<Record<string, { readonly sha256: string; readonly size: number }>>;

/**
 * Records the hash and size of every file a full generation produced (the manifest's record,
 * and the manifest itself), for the fast path. Best effort: without node_modules, or on any
 * failure, nothing is recorded and the next check is a full one.
 */
export function recordGeneratedOutput(files: readonly GeneratedFile[]): void {
  let temporary: string | undefined;
  try {
    const manifestFile = files.find((file) => file.path === MANIFEST_PATH);
    const manifest = manifestFile === undefined ? undefined : parseManifest(manifestFile.contents);
    if (manifest === undefined || !existsSync('node_modules')) return;
    const expected: Record<string, { sha256: string; size: number }> = {};
    for (const file of files) {
      if (file.path !== MANIFEST_PATH && manifest.files[file.path] === undefined) return;
      expected[file.path] = { sha256: sha256(file.contents), size: Buffer.byteLength(file.contents) };
    }
    const path = cacheFile(manifest.inputs);
    mkdirSync(dirname(path), { recursive: true });
    temporary = `${path}.tmp-${randomBytes(6).toString('hex')}`;
    // 'wx': a new file, never written through whatever sits at that name.
    writeFileSync(temporary, JSON.stringify(expected), { flag: 'wx' });
    renameSync(temporary, path);
    temporary = undefined;
  } catch {
    // A cache: without it the check is slower, never wrong.
  } finally {
    if (temporary !== undefined) rmSync(temporary, { force: true });
  }
}

/**
 * Whether `outDir` holds exactly what the last full generation from these inputs wrote, by the
 * hashes recorded then (see recordGeneratedOutput), never by anything in `outDir`. Only regular
 * files of the recorded size count: a symlink, a pipe, a device or a file of another size is
 * never read, and makes the answer no; so is a record that is not a regular file within
 * MAX_MANIFEST_BYTES.
 */
export function outputLooksFresh(catalogPath: string, outDir: string): boolean {
  try {
    const record = readRegularFile(cacheFile(inputsOf(catalogPath)), { maxBytes: MAX_MANIFEST_BYTES, followSymlinks: false });
    const expected = JSON.parse(record.toString('utf8')) as Expected;
    const listed = Object.keys(expected).sort();
    const present = listFiles(resolve(outDir)).sort();
    if (present.length !== listed.length || present.some((path, index) => path !== listed[index])) return false;
    return listed.every((path) => {
      const file = join(outDir, ...path.split('/'));
      const { sha256: hash, size } = expected[path]!;
      const stat = lstatSync(file);
      if (!stat.isFile() || stat.size !== size || typeof hash !== 'string') return false;
      return sha256(readRegularFile(file, { maxBytes: size, followSymlinks: false })) === hash;
    });
  } catch {
    return false;
  }
}
