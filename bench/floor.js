// The generation floor: the least any generator of these files has to do in a fresh node
// process — parse the catalog (js-yaml, following `extends`) and write the output bytes. The
// bytes are those of an output folder the real generator already wrote, read into memory
// before the clock starts: producing them is the generator's work, reading them back is not.
// run.js measures this process like the CLI (whole-process wall time, peak RSS through
// peak-rss.js) and subtracts the time to read the folder, which it reports on stderr.
// Usage: node bench/floor.js CATALOG FROM_DIR OUT_DIR   (OUT_DIR must not exist yet)
// Also exports readCatalog, the js-yaml catalog reader the yardstick uses.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';

/**
 * A catalog file and, through `extends`, what it builds on, merged the simple way: the file's
 * fields override its base's, its statuses and errors are added after the base's. No
 * validation, no cycle check: the benchmark only reads catalogs the generator accepted.
 */
export function readCatalog(path) {
  const data = load(readFileSync(path, 'utf8')) ?? {};
  if (typeof data.extends !== 'string') return { ...data, statuses: data.statuses ?? [], errors: data.errors ?? [] };
  const base = readCatalog(resolve(dirname(path), data.extends));
  return {
    ...base,
    ...data,
    statuses: [...base.statuses, ...(data.statuses ?? [])],
    errors: [...base.errors, ...(data.errors ?? [])],
  };
}

/** Every file under `dir` as [relative path, bytes]. */
function readTree(dir, prefix = '') {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = join(prefix, entry.name);
    return entry.isDirectory() ? readTree(dir, path) : [[path, readFileSync(join(dir, path))]];
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [catalog, from, out] = process.argv.slice(2);
  const setupStart = process.hrtime.bigint();
  const files = readTree(from);
  process.stderr.write(`bench:setupMs=${Number(process.hrtime.bigint() - setupStart) / 1e6}\n`);
  // Timed from here (the rest of the process): parse, then write every file into a fresh folder.
  const data = readCatalog(catalog);
  if (data.statuses.length === 0) throw new Error(`${catalog}: no statuses`);
  for (const [path, bytes] of files) {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), bytes);
  }
}
