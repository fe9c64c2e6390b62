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
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { catalogName, inputsHash, MANIFEST_PATH, parseManifest, sha256 } from './manifest.js';
import { MAX_CATALOG_BYTES, MAX_EXTENDS_DEPTH } from './limits.js';
import { GENERATOR_VERSION, generatorFingerprint } from './version.js';
import type { GeneratedFile } from './emit/files.js';
import { listFiles } from './write.js';

/**
 * The catalog files a catalog reads, found without parsing: a top-level `extends:` line (YAML)
 * or `"extends": "…"` (JSON). A wrong guess cannot make stale output look fresh: the files'
 * hashes would not be the ones the manifest recorded.
 */
function catalogFileHashes(catalogPath: string): string[] {
  const hashes: string[] = [];
  let current = catalogPath;
  for (let depth = 0; depth < MAX_EXTENDS_DEPTH; depth += 1) {
    const stat = statSync(current);
    if (!stat.isFile() || stat.size > MAX_CATALOG_BYTES) throw new Error('not a catalog the generator would read');
    const text = readFileSync(current, 'utf8');
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

/**
 * Records the hash of every file a full generation produced (the manifest's record, and the
 * manifest itself), for the fast path. Best effort: without node_modules, or on any failure,
 * nothing is recorded and the next check is a full one.
 */
export function recordGeneratedOutput(files: readonly GeneratedFile[]): void {
  try {
    const manifestFile = files.find((file) => file.path === MANIFEST_PATH);
    const manifest = manifestFile === undefined ? undefined : parseManifest(manifestFile.contents);
    if (manifestFile === undefined || manifest === undefined || !existsSync('node_modules')) return;
    const expected = { ...manifest.files, [MANIFEST_PATH]: sha256(manifestFile.contents) };
    const path = cacheFile(manifest.inputs);
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.tmp-${process.pid}`;
    writeFileSync(temporary, JSON.stringify(expected));
    renameSync(temporary, path);
  } catch {
    // A cache: without it the check is slower, never wrong.
  }
}

/**
 * Whether `outDir` holds exactly what the last full generation from these inputs wrote, by the
 * hashes recorded then (see recordGeneratedOutput), never by anything in `outDir`. Only regular
 * files count: a symlink, a pipe or a device is never read, and makes the answer no.
 */
export function outputLooksFresh(catalogPath: string, outDir: string): boolean {
  try {
    const expected = JSON.parse(readFileSync(cacheFile(inputsOf(catalogPath)), 'utf8')) as Record<string, unknown>;
    const listed = Object.keys(expected).sort();
    const present = listFiles(resolve(outDir)).sort();
    if (present.length !== listed.length || present.some((path, index) => path !== listed[index])) return false;
    return listed.every((path) => {
      const file = join(outDir, ...path.split('/'));
      return lstatSync(file).isFile() && sha256(readFileSync(file)) === expected[path];
    });
  } catch {
    return false;
  }
}
