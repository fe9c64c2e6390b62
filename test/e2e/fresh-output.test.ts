/**
 * `generate` when nothing changed, as a real process: the record of the last full generation
 * answers, and the run loads neither ts-morph nor prettier (nor the YAML parsers or the
 * validator) and touches no output file; any change to an input (a catalog of the extends
 * chain, the generator's own code, an output file) brings the full generation back. What each
 * run loads is seen through module hooks (test/harness/loaded-modules.js), on every thread.
 */
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { removeDir, ROOT, tempDir, writeFile } from '../harness/helpers.js';

const HOOK = pathToFileURL(join(ROOT, 'test', 'harness', 'loaded-modules.js')).href;
const CATALOG = readFileSync(join(ROOT, 'test', 'fixtures', 'catalogs', 'runtime.yaml'), 'utf8');
/** Modules only a full generation needs: the TypeScript emitter's, the formatter, the YAML parsers, the validator. */
const HEAVY = ['ts-morph', 'prettier', 'js-yaml', 'yaml', 'ajv'];

let work: string;
/** A copy of the built generator, whose code a test may change. */
let tool: string;
/** The project that runs it: a catalog extending a base, and node_modules for the record. */
let project: string;

beforeAll(() => {
  work = tempDir();
  tool = join(work, 'tool');
  cpSync(join(ROOT, 'dist'), join(tool, 'dist'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(tool, 'package.json'));
  cpSync(join(ROOT, 'data', 'catalog.schema.json'), join(tool, 'data', 'catalog.schema.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(tool, 'node_modules'));
  project = join(work, 'project');
  mkdirSync(join(project, 'node_modules'), { recursive: true });
  writeFile(join(project, 'base', 'runtime.yaml'), CATALOG);
  writeFile(join(project, 'catalog.yaml'), 'extends: base/runtime.yaml\nversion: "1.0.1"\n');
});
afterAll(() => removeDir(work));

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The package or file of every module the process loaded, main thread and workers. */
  readonly loaded: readonly string[];
}

function generate(...args: string[]): Run {
  const log = join(work, 'loaded.log');
  rmSync(log, { force: true });
  const result = spawnSync(
    process.execPath,
    ['--import', HOOK, join(tool, 'dist', 'cli.js'), 'generate', '--catalog', 'catalog.yaml', '--out', 'out', ...args],
    {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, LOADED_MODULES_LOG: log },
    },
  );
  const urls = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, loaded: urls.map(nameOf) };
}

/** A module's package name (`ts-morph`) when it is in node_modules, else its URL. */
function nameOf(url: string): string {
  const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  return match === null ? url : match[1]!;
}

/** Every output file's modification time and inode, and the folder's. */
function stamps(): Record<string, string> {
  const out = join(project, 'out');
  const entries: Record<string, string> = {};
  const walk = (dir: string): void => {
    const stat = statSync(dir, { bigint: true });
    entries[dir] = `${stat.ino}:${stat.mtimeNs}`;
    if (!stat.isDirectory()) return;
    for (const name of readdirSync(dir)) walk(join(dir, name));
  };
  walk(out);
  return entries;
}

const UP_TO_DATE = 'status-catalog: out is up to date (hashes match the last full generation)\n';

describe('generate with nothing to do', () => {
  test('the first run generates, with ts-morph and prettier; the next answers from the record, loading neither, touching nothing', () => {
    const first = generate();
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/^status-catalog: wrote 25 files to out /);
    expect(first.loaded).toEqual(expect.arrayContaining(['ts-morph', 'prettier']));
    const before = stamps();
    const again = generate();
    expect(again).toMatchObject({ status: 0, stdout: UP_TO_DATE, stderr: '' });
    for (const heavy of HEAVY) expect(again.loaded, `${heavy} loaded`).not.toContain(heavy);
    // The CLI's own modules were seen loading: the log is not empty for want of hooks.
    expect(again.loaded.some((url) => url.endsWith('/dist/commands/generate.js'))).toBe(true);
    expect(stamps()).toEqual(before);
    // --check answers the same way, as lightly.
    const check = generate('--check');
    expect(check).toMatchObject({ status: 0, stdout: UP_TO_DATE, stderr: '' });
    for (const heavy of HEAVY) expect(check.loaded).not.toContain(heavy);
  });

  test('--force generates anyway, and writes', () => {
    const before = stamps();
    const forced = generate('--force');
    expect(forced.status).toBe(0);
    expect(forced.stdout).toMatch(/^status-catalog: wrote 25 files to out /);
    expect(forced.loaded).toEqual(expect.arrayContaining(['ts-morph', 'prettier']));
    expect(stamps()).not.toEqual(before);
    expect(generate().stdout).toBe(UP_TO_DATE);
  });

  // Each starts from output the record answers for (the test before it ends so).
  const changes: [name: string, change: () => void][] = [
    ['a base of the extends chain edited', () => appendFileSync(join(project, 'base', 'runtime.yaml'), '# a comment\n')],
    ['the catalog edited', () => writeFileSync(join(project, 'catalog.yaml'), 'extends: base/runtime.yaml\nversion: "1.0.2"\n')],
    [
      'output files edited and deleted by hand',
      () => {
        writeFileSync(join(project, 'out', 'ts', 'errors.ts'), '// edited\n');
        rmSync(join(project, 'out', 'docs', 'status-codes.md'));
      },
    ],
    ["the generator's code changed", () => appendFileSync(join(tool, 'dist', 'targets', 'docs', 'docs.js'), '\n// a comment\n')],
  ];
  test.each(changes)('%s: the full generation runs and writes, then the record answers again', (_name, change) => {
    change();
    const full = generate();
    expect(full.status).toBe(0);
    // The manifest records the inputs: a comment in a catalog or in the generator's code is a new manifest.
    expect(full.stdout).toMatch(/^status-catalog: wrote 25 files to out /);
    expect(full.loaded).toEqual(expect.arrayContaining(['ts-morph', 'prettier']));
    expect(generate().stdout).toBe(UP_TO_DATE);
  });
});
