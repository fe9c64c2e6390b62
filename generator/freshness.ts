/**
 * The quick answer to `--check`: whether an output folder is exactly what generating from a
 * catalog would write, decided from hashes alone. The manifest records a hash of the inputs
 * (generator code, catalog name, each catalog file) and of every output; when both still
 * hold, nothing needs generating. Anything else ("no" or "cannot tell") sends the caller to
 * the full check, which regenerates and compares.
 *
 * Light on purpose: it loads no YAML parser, validator or emitter.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { catalogName, inputsHash, MANIFEST_PATH, parseManifest, sha256 } from './manifest.js';
import { MAX_CATALOG_BYTES, MAX_EXTENDS_DEPTH } from './limits.js';
import { GENERATOR_VERSION, generatorFingerprint } from './version.js';
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

export function outputLooksFresh(catalogPath: string, outDir: string): boolean {
  try {
    const manifest = parseManifest(readFileSync(join(outDir, MANIFEST_PATH), 'utf8'));
    if (manifest === undefined) return false;
    const expected = inputsHash({
      generatorVersion: GENERATOR_VERSION,
      generatorFingerprint: generatorFingerprint(),
      catalog: catalogName(catalogPath),
      catalogFiles: catalogFileHashes(catalogPath),
    });
    if (manifest.inputs !== expected) return false;
    const listed = Object.keys(manifest.files).sort();
    const present = listFiles(resolve(outDir)).filter((path) => path !== MANIFEST_PATH);
    if (present.length !== listed.length || present.sort().some((path, index) => path !== listed[index])) return false;
    return listed.every((path) => sha256(readFileSync(join(outDir, ...path.split('/')))) === manifest.files[path]);
  } catch {
    return false;
  }
}
