/** generator/write/check.ts: `--check` compares what generating would write with what a folder holds, reading only what it must. */
import * as fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkOutput, MANIFEST_PATH, writeAtomically, type GeneratedFile } from '../../generator/index.js';
import type { CheckFileSystem } from '../../generator/write/check.js';
import { removeDir, tempDir } from '../harness/helpers.js';

const NEW: GeneratedFile[] = [
  {
    path: MANIFEST_PATH,
    contents: `${JSON.stringify({ generator: 'status-catalog', inputs: 'new', files: { 'a/one.txt': 'sha256-new', 'b/two.txt': 'sha256-new' } })}\n`,
  },
  { path: 'a/one.txt', contents: 'new one\n' },
  { path: 'b/two.txt', contents: 'new two\n' },
];

let work: string;
let out: string;
beforeEach(() => {
  work = tempDir();
  out = join(work, 'output');
  writeAtomically(out, NEW);
});
afterEach(() => removeDir(work));

describe('checkOutput reads only regular files of the expected size', () => {
  const expected = (path: string): string => NEW.find((file) => file.path === path)!.contents;

  it('control: the output as written is fresh', () => {
    expect(checkOutput(out, NEW)).toEqual({ stale: [], missing: [], extra: [] });
  });

  const planted: [string, (path: string) => void][] = [
    ['a FIFO', (path) => execFileSync('mkfifo', [path])],
    ['a symlink to /dev/zero', (path) => fs.symlinkSync('/dev/zero', path)],
    [
      'a symlink to a file with the same contents',
      (path) => {
        fs.writeFileSync(join(work, 'same.txt'), expected('b/two.txt'));
        fs.symlinkSync(join(work, 'same.txt'), path);
      },
    ],
    // Sparse: no disk used. Read whole, it would not fit in a string.
    [
      'a sparse file of 3 GB',
      (path) => {
        fs.writeFileSync(path, '');
        fs.truncateSync(path, 3 * 1024 ** 3);
      },
    ],
    ['a file one byte longer', (path) => fs.writeFileSync(path, `${expected('b/two.txt')}x`)],
    ['a file of the same size with other bytes', (path) => fs.writeFileSync(path, expected('b/two.txt').toUpperCase())],
  ];
  for (const [name, plant] of planted) {
    it(`finds ${name} in place of an output file stale, at once`, () => {
      const path = join(out, 'b', 'two.txt');
      fs.rmSync(path);
      plant(path);
      expect(checkOutput(out, NEW)).toEqual({ stale: ['b/two.txt'], missing: [], extra: [] });
    });
  }
});

describe('checkOutput reads through the file system it is given', () => {
  /** The real file system, except that `call` fails with EIO whenever its first argument is `path`. */
  const failingAt = (call: 'openSync' | 'readdirSync', path: string): CheckFileSystem => ({
    ...fs,
    [call]: (...args: unknown[]) => {
      if (String(args[0]) === path) throw Object.assign(new Error(`EIO: injected ${call} failure`), { code: 'EIO' });
      return (fs[call] as (...a: unknown[]) => unknown)(...args);
    },
  });

  it('an output file it cannot read is stale', () => {
    expect(checkOutput(out, NEW, failingAt('openSync', join(out, 'b', 'two.txt')))).toEqual({
      stale: ['b/two.txt'],
      missing: [],
      extra: [],
    });
  });

  it('a folder it cannot list holds nothing: its files are missing', () => {
    expect(checkOutput(out, NEW, failingAt('readdirSync', join(out, 'b')))).toEqual({ stale: [], missing: ['b/two.txt'], extra: [] });
  });
});
