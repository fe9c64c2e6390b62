/**
 * Table-driven tests in the style of openapi-typescript's transform tests: each case is
 * `[name, { given, want }]`, and a describe loops over its table. Also: generating catalogs
 * with the real CLI, several at once.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI } from './helpers.js';

/** One row of a table: a name, what the function is given, what it must give back. */
export type TestCase<Given, Want> = [name: string, { given: Given; want: Want }];

/**
 * Runs the built CLI (dist/cli.js) as `generate --catalog <catalog> --out <outDir>` in a child
 * process, without blocking (so that several catalogs generate at once); rejects with its
 * stderr when it fails. Returns the folder of the TypeScript output.
 */
export function generateCatalog(catalog: string, outDir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'generate', '--catalog', catalog, '--out', outDir], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(join(outDir, 'ts')) : reject(new Error(`generate ${catalog} exited ${code}:\n${stderr}`)),
    );
  });
}

/** Imports a generated TypeScript folder's index.ts as vitest compiles it (no tsc). */
export async function importGenerated<T>(tsDir: string): Promise<T> {
  return (await import(pathToFileURL(join(tsDir, 'index.ts')).href)) as T;
}
