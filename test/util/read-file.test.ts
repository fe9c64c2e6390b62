/** generator/util/read-file.ts: every file the tool reads is a regular file within its limit, read without blocking. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readRegularFile, UnreadableFileError } from '../../generator/util/read-file.js';

const dir = mkdtempSync(join(tmpdir(), 'read-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const at = (name: string): string => join(dir, name);
writeFileSync(at('small.txt'), 'hello\n');
writeFileSync(at('large.txt'), 'x'.repeat(100));
mkdirSync(at('folder'));
execFileSync('mkfifo', [at('fifo')]);
symlinkSync('/dev/zero', at('zero'));
symlinkSync(at('small.txt'), at('link'));

/** What reading `name` gives: its text, or the reason it was refused. */
function outcome(name: string, options: { maxBytes?: number; followSymlinks?: boolean } = {}): string {
  try {
    return readRegularFile(at(name), { maxBytes: 64, what: 'catalog', ...options }).toString('utf8');
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    return `refused: ${error.reason}`;
  }
}

describe('readRegularFile', () => {
  test.each<[string, { name: string; options?: { maxBytes?: number; followSymlinks?: boolean }; want: string }]>([
    ['a regular file is read whole', { name: 'small.txt', want: 'hello\n' }],
    ['a file exactly at the limit is read', { name: 'large.txt', options: { maxBytes: 100 }, want: 'x'.repeat(100) }],
    ['a file past the limit is refused unread', { name: 'large.txt', want: 'refused: is 100 bytes; catalogs are limited to 64 bytes' }],
    ['a FIFO is refused at once, never waited on', { name: 'fifo', want: 'refused: is not a regular file (a pipe)' }],
    ['a symlink to /dev/zero is refused, never read', { name: 'zero', want: 'refused: is not a regular file (a device)' }],
    ['a folder is refused', { name: 'folder', want: 'refused: is a folder' }],
    ['a missing file says so', { name: 'missing', want: 'refused: no such file' }],
    ['a symlink to a regular file is followed by default', { name: 'link', want: 'hello\n' }],
    [
      'a symlink is refused where links are not followed',
      { name: 'link', options: { followSymlinks: false }, want: 'refused: is a symbolic link' },
    ],
  ])('%s', (_, { name, options, want }) => {
    expect(outcome(name, options)).toBe(want);
  });

  test('the error names the file', () => {
    expect(() => readRegularFile(at('fifo'), { maxBytes: 10 })).toThrow(`${at('fifo')}: is not a regular file (a pipe)`);
  });
});
