/**
 * `generate --watch` as a real process: it generates on each change with one TypeScript
 * worker, which loads ts-morph once (seen through module hooks, test/harness/loaded-modules.js),
 * and a real SIGINT or SIGTERM, even one sent while it generates, ends it with 130 or 143 and
 * leaves no lock, no temporary folder and a whole output. Each step waits for what the process
 * prints or writes.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { sha256 } from '../../generator/util/hash.js';
import { CLI, removeDir, ROOT, tempDir, writeFile } from '../harness/helpers.js';

const HOOK = pathToFileURL(join(ROOT, 'test', 'harness', 'loaded-modules.js')).href;
const CATALOG = readFileSync(join(ROOT, 'test', 'fixtures', 'catalogs', 'runtime.yaml'), 'utf8');
const WAIT_MS = 30_000;

let work: string;
let watcher: Watcher | undefined;
beforeEach(() => {
  work = tempDir();
  writeFile(join(work, 'catalog.yaml'), CATALOG);
});
afterEach(() => {
  watcher?.child.kill('SIGKILL');
  watcher = undefined;
  removeDir(work);
});

/** A watch process, what it printed so far, and a way to wait for what it prints. */
class Watcher {
  readonly child: ChildProcessWithoutNullStreams;
  stdout = '';
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  #waiters: (() => void)[] = [];

  constructor(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
    this.child = spawn(
      process.execPath,
      ['--import', HOOK, CLI, 'generate', '--watch', '--catalog', 'catalog.yaml', '--out', 'out', ...args],
      {
        cwd: work,
        env: { ...process.env, ...env },
      },
    );
    const wake = (): void => {
      for (const waiter of this.#waiters.splice(0)) waiter();
    };
    this.child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      this.stdout += chunk;
      wake();
    });
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr += chunk;
      wake();
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  /** Resolves once standard output, from `from` on, matches `pattern`. */
  async printed(pattern: RegExp, from = 0): Promise<void> {
    const deadline = Date.now() + WAIT_MS;
    while (!pattern.test(this.stdout.slice(from))) {
      if (Date.now() > deadline) throw new Error(`no ${String(pattern)} in:\n${this.stdout}\nstderr:\n${this.stderr}`);
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        setTimeout(resolve, 1000);
      });
    }
  }
}

function saveByRename(path: string, text: string): void {
  writeFileSync(`${path}.swp`, text);
  renameSync(`${path}.swp`, path);
}

/** What a write leaves beside the output while it runs: the lock, temporary and moved-aside folders. */
const leftovers = (): string[] => readdirSync(work).filter((name) => name.startsWith('.out.'));

/** Whether the output folder is whole: its manifest lists exactly the files in it, each with its hash. */
function outputIsWhole(): boolean {
  const manifest = JSON.parse(readFileSync(join(work, 'out', '.status-catalog.json'), 'utf8')) as { files: Record<string, string> };
  const present = (
    readdirSync(join(work, 'out'), { recursive: true, withFileTypes: true }) as { isFile(): boolean; parentPath: string; name: string }[]
  )
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(join(work, 'out').length + 1))
    .filter((path) => path !== '.status-catalog.json')
    .sort();
  return (
    JSON.stringify(present) === JSON.stringify(Object.keys(manifest.files).sort()) &&
    present.every((path) => sha256(readFileSync(join(work, 'out', path))) === manifest.files[path])
  );
}

const withVersion = (version: string): string => CATALOG.replace('version: "1.0.0"', `version: "${version}"`);

describe('generate --watch, a real process', () => {
  test('one worker for every run: ts-morph loaded once; Ctrl-C (SIGINT) ends it with 130, nothing left behind', async () => {
    const log = join(work, 'loaded.log');
    watcher = new Watcher([], { LOADED_MODULES_LOG: log });
    await watcher.printed(/^status-catalog: watching catalog\.yaml for changes \(Ctrl-C to stop\)$/m);
    expect(watcher.stdout).toMatch(/^status-catalog: wrote 25 files to out \(RT, 7 statuses, 6 error codes\)$/m);
    for (const version of ['1.0.1', '1.0.2', '1.0.3']) {
      const from = watcher.stdout.length;
      saveByRename(join(work, 'catalog.yaml'), withVersion(version));
      await watcher.printed(/^status-catalog: wrote 25 files to out /m, from);
      expect(readFileSync(join(work, 'out', 'openapi', 'components.yaml'), 'utf8')).toContain(`version: ${version}\n`);
    }
    watcher.child.kill('SIGINT');
    expect(await watcher.exited).toEqual({ code: 130, signal: null });
    expect(watcher.stderr).toBe('');
    expect(leftovers()).toEqual([]);
    expect(outputIsWhole()).toBe(true);
    const loads = readFileSync(log, 'utf8').split('\n');
    expect(loads.filter((url) => url.endsWith('/node_modules/ts-morph/dist/ts-morph.js'))).toHaveLength(1);
    // Every run ran on that worker: it loaded the TypeScript target's module once too.
    expect(loads.filter((url) => url.endsWith('/dist/targets/typescript/typescript.js'))).toHaveLength(1);
  });

  test('SIGTERM right after a change ends it with 143: the output whole, old or new, and nothing left behind', async () => {
    watcher = new Watcher([]);
    await watcher.printed(/^status-catalog: watching /m);
    saveByRename(join(work, 'catalog.yaml'), withVersion('2.0.0'));
    // Sent at once after the change: the watch is waiting out the quiet time or generating
    // then (a signal during the write itself waits for its end: test/write/folder-swap.test.ts).
    await new Promise((resolve) => setImmediate(resolve));
    watcher.child.kill('SIGTERM');
    expect(await watcher.exited).toEqual({ code: 143, signal: null });
    expect(leftovers()).toEqual([]);
    expect(existsSync(join(work, 'out'))).toBe(true);
    expect(outputIsWhole()).toBe(true);
  });
});
