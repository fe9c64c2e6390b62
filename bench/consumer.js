// What users of the generated TypeScript pay, measured against a yardstick: the same catalog
// data as a plain typed table. Measurement functions only, no printing: run.js prints the
// figures, and tests can import bundleSize to assert bundle sizes.
//
//   writeYardstick(catalogPath, outDir)      -> path of outDir/index.ts, the yardstick
//   measureTscCpu(dir)                       -> { cpuMs, userMs, systemMs, maxRssMiB, errors, firstError }
//   bundleSize(entryDir, importerSource)     -> { bytes, gzipBytes }
//   bundle(entryDir, importerSource)         -> the minified bundle's text
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';
import { readCatalog } from './floor.js';

const TSC_CPU = join(dirname(fileURLToPath(import.meta.url)), 'tsc-cpu.js');

/** The compiler options of the consumer project the issue describes (a strict NodeNext app). */
const TSCONFIG = {
  compilerOptions: {
    strict: true,
    target: 'ES2022',
    lib: ['ES2022'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    noEmit: true,
    types: [],
    skipLibCheck: true,
  },
  include: ['src/**/*.ts'],
};

/**
 * A name for an error without one, close to the generator's rule (PascalCase words of the
 * message, about 48 characters of whole words, `E` before a leading digit) so the yardstick's
 * names are about as long as the output's; reserved words are not handled, catalogs here have none.
 */
function deriveName(message) {
  let name = '';
  for (const word of message
    .replace(/['\u2019`]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)) {
    const next = name + word[0].toUpperCase() + word.slice(1);
    if (name !== '' && next.length > 48) break;
    name = next;
  }
  return /^[0-9]/.test(name) ? `E${name}` : name;
}

/**
 * Writes the yardstick for a catalog: one index.ts holding the catalog's statuses and errors as
 * `as const` name -> code objects and typed arrays, no enums, classes or functions — what a
 * hand-written table of the same data would cost. Returns the file's path.
 */
export function writeYardstick(catalogPath, outDir) {
  const { statuses, errors } = readCatalog(catalogPath);
  const taken = new Set(statuses.map((s) => s.name));
  const named = errors.map((e) => {
    const code = String(e.code);
    let name = e.name ?? deriveName(e.message);
    // A name already taken gets the code's letters and digits appended, as in the generator
    // (which renames every entry of a clash; the yardstick only needs unique names).
    if (taken.has(name)) name = `${name}_${code.replace(/[^A-Za-z0-9]/g, '')}`;
    taken.add(name);
    return { ...e, code, name };
  });
  const str = (value) => JSON.stringify(value);
  // One object literal per entry, optional fields only when the catalog has them.
  const entry = (fields) =>
    `  { ${Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}: ${str(v)}`)
      .join(', ')} },`;
  const lines = [
    '// Yardstick: the catalog as a plain typed table (bench/consumer.js).',
    'export interface StatusInfo {',
    '  readonly code: number;',
    '  readonly name: string;',
    '  readonly message: string;',
    '  readonly description: string;',
    '}',
    'export interface ErrorInfo {',
    '  readonly code: string;',
    '  readonly name: string;',
    '  readonly status: number;',
    '  readonly message: string;',
    '  readonly description?: string;',
    '  readonly measure?: string;',
    '}',
    'export const StatusCode = {',
    ...statuses.map((s) => `  ${s.name}: ${s.status},`),
    '} as const;',
    'export type StatusCode = (typeof StatusCode)[keyof typeof StatusCode];',
    'export const ErrorCode = {',
    ...named.map((e) => `  ${e.name}: ${str(e.code)},`),
    '} as const;',
    'export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];',
    'export const STATUSES: readonly StatusInfo[] = [',
    ...statuses.map((s) => entry({ code: s.status, name: s.name, message: s.message, description: s.description })),
    '];',
    'export const ERRORS: readonly ErrorInfo[] = [',
    ...named.map((e) =>
      entry({ code: e.code, name: e.name, status: e.status, message: e.message, description: e.description, measure: e.measure }),
    ),
    '];',
  ];
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'index.ts');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/**
 * Type-checks the .ts files of `dir` as a consumer project would (TSCONFIG, next to a
 * package.json {"type":"module"}, `dir` copied in as src/), in a fresh node process running
 * TypeScript 5.9's API (tsc-cpu.js). Returns that process's CPU time (user + system, starting
 * node and loading typescript included: subtract an empty project's), its peak RSS, and the
 * number of errors with the first one as tsc prints it (null when none).
 */
export function measureTscCpu(dir) {
  const project = mkdtempSync(join(tmpdir(), 'status-catalog-tsc-'));
  try {
    cpSync(dir, join(project, 'src'), { recursive: true });
    writeFileSync(join(project, 'tsconfig.json'), `${JSON.stringify(TSCONFIG, null, 2)}\n`);
    writeFileSync(join(project, 'package.json'), '{ "type": "module" }\n');
    const result = spawnSync(process.execPath, [TSC_CPU, project], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`tsc-cpu.js ${dir} exited ${result.status}:\n${result.stderr}`);
    const { userMs, systemMs, maxRssKiB, errors, firstError } = JSON.parse(result.stdout);
    return { cpuMs: userMs + systemMs, userMs, systemMs, maxRssMiB: maxRssKiB / 1024, errors, firstError };
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

/**
 * Size of what a bundler ships for `importerSource`, an ES module whose relative imports are
 * resolved from `entryDir` (e.g. `import { StatusCode } from "./index.ts"; console.log(StatusCode);`):
 * esbuild --bundle --minify --format=esm --platform=neutral, kept in memory. Returns the bytes
 * of the bundle and of its gzip (zlib's default level).
 */
export function bundleSize(entryDir, importerSource) {
  const text = Buffer.from(bundle(entryDir, importerSource));
  return { bytes: text.length, gzipBytes: gzipSync(text).length };
}

/** The minified bundle itself, as text (see bundleSize). */
export function bundle(entryDir, importerSource) {
  const result = buildSync({
    stdin: { contents: importerSource, resolveDir: resolve(entryDir), sourcefile: 'importer.js', loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}
