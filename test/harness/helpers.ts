/** Shared test plumbing: temp folders, the default catalog, and compiling generated TypeScript with tsc. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, type RunResult } from './cli.js';
import { afterEach, beforeEach } from 'vitest';
import { parse } from 'yaml';
import { buildBodyDescriptor } from '../../generator/body/descriptor.js';
import type { CatalogData } from '../../generator/catalog/types.js';
import { CatalogError, formatDiagnostic } from '../../generator/util/diagnostics.js';
import { parseCatalog } from '../../generator/index.js';

// The CLI's runners live in cli.ts, the one harness that runs it; re-exported for the suites that import them here.
export { CLI, ROOT, runCli, type RunResult } from './cli.js';

/** An enum declaration (`enum X`, `export const enum X`, `declare enum X`); catalog text that says "enum" is not one. */
export const ENUM_DECLARATION = /^\s*(?:export\s+)?(?:declare\s+)?(?:const\s+)?enum\s+[\w$]+\s*\{/m;
/** TypeScript 7, the native compiler (the `typescript` package is 5.x, which openapi-typescript needs). */
export const TSC = join(ROOT, 'node_modules', 'typescript-native', 'bin', 'tsc');
export const DEFAULT_CATALOG = join(ROOT, 'data', 'status-codes.yaml');
export const OUTPUT = join(ROOT, 'output');

/** The default catalog as data, for tests that loop over it. */
export const seedCatalog = parse(readFileSync(DEFAULT_CATALOG, 'utf8')) as CatalogData;

/** Its error body with the defaults of its shape applied. */
export const seedBody = buildBodyDescriptor(seedCatalog.errorBody);

export function tempDir(prefix = 'status-catalog-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Each test of the calling file runs in a fresh temp folder that is also the working folder,
 * and is removed afterwards. `enter` is told the folder before each test (to keep it, and to
 * put files there).
 */
export function inTempWorkingFolder(enter: (dir: string) => void): void {
  let dir = '';
  let previous = '';
  beforeEach(() => {
    dir = tempDir();
    previous = process.cwd();
    process.chdir(dir);
    enter(dir);
  });
  afterEach(() => {
    process.chdir(previous);
    removeDir(dir);
  });
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function writeFile(path: string, contents: string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, contents, 'utf8');
  return path;
}

/** Compiler options every generated module must pass. */
export const STRICT_OPTIONS = {
  target: 'ES2022',
  lib: ['ES2022'],
  types: [],
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  isolatedModules: true,
  noImplicitOverride: true,
  verbatimModuleSyntax: true,
  skipLibCheck: false,
} as const;

/**
 * The strict options plus the ones single-file transpilers need (Node's type stripping,
 * esbuild, swc): only erasable syntax (no enum, no namespace with values, no parameter
 * properties) and imports that say whether they are types. The generated code promises both.
 */
export const ERASABLE_OPTIONS = {
  ...STRICT_OPTIONS,
  erasableSyntaxOnly: true,
  verbatimModuleSyntax: true,
} as const;

/**
 * Compiles a folder of generated TypeScript with the real `tsc` under the strict options (or
 * the `compilerOptions` given, such as ERASABLE_OPTIONS), emitting JavaScript into `outDir`.
 * Returns tsc's exit status and output.
 */
export function compileTypeScript(
  sourceDir: string,
  outDir: string,
  compilerOptions: Readonly<Record<string, unknown>> = STRICT_OPTIONS,
): RunResult {
  // A private copy of the sources under a {"type":"module"} package.json: NodeNext reads the
  // module format of .ts files from the nearest package.json, as it will in a user's project.
  const work = mkdtempSync(join(tmpdir(), 'status-catalog-tsc-'));
  try {
    const source = join(work, 'src');
    cpSync(sourceDir, source, { recursive: true });
    writeFileSync(join(work, 'package.json'), '{"type":"module"}\n');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'package.json'), '{"type":"module"}\n');
    const config = join(work, 'tsconfig.json');
    writeFileSync(
      config,
      JSON.stringify({
        compilerOptions: { ...compilerOptions, outDir, rootDir: source, declaration: true },
        include: ['src/**/*.ts'],
      }),
    );
    const result = spawnSync(process.execPath, [TSC, '-p', config], { encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Imports a compiled module by file path. */
export async function importFile<T>(path: string): Promise<T> {
  return (await import(pathToFileURL(path).href)) as T;
}

/** Every problem parseCatalog finds in `text`, as the CLI prints them (warnings among them when there are errors); none when it is accepted. */
export function problemsOf(text: string, file = 'cat.yaml'): string[] {
  try {
    parseCatalog(text, file);
  } catch (error) {
    if (error instanceof CatalogError) return error.diagnostics.map(formatDiagnostic);
    throw error;
  }
  return [];
}
