/** generator/write/write-file.ts: one file the user names, replaced whole, written in place, or written through. */
import * as fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, test } from 'vitest';
import { WriteError } from '../../generator/write/write-error.js';
import { copyExtendedAttributes, descriptorNamed, writeFileAtomically, type FileWriterSystem } from '../../generator/write/write-file.js';
import { removeDir, tempDir } from '../harness/helpers.js';
import type { TestCase } from '../harness/cases.js';

type Call = 'writeFileSync' | 'renameSync' | 'copyFileSync' | 'writeSync' | 'chownSync';

/** The real file system, with the `nth` call of `call` failing with `code` (ENOSPC: a full disk). */
function failing(call: Call, nth: number, code = 'EIO'): FileWriterSystem {
  let count = 0;
  return {
    ...fs,
    [call]: (...args: unknown[]) => {
      count += 1;
      if (count === nth) throw Object.assign(new Error(`${code}: injected ${call} failure`), { code });
      return (fs[call] as (...a: unknown[]) => unknown)(...args);
    },
  };
}

let work: string;
beforeEach(() => {
  work = tempDir();
});
afterEach(() => removeDir(work));

describe('writeFileAtomically', () => {
  it('follows a symlink: the file it points to is replaced, the link stays a link', () => {
    const real = join(work, 'real.yaml');
    const link = join(work, 'link.yaml');
    fs.writeFileSync(real, 'old\n');
    fs.symlinkSync(real, link);
    writeFileAtomically(link, 'new\n');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, 'utf8')).toBe('new\n');
  });

  it('keeps a hard link: every name of the file has the new text, and it stays one file', () => {
    const file = join(work, 'spec.yaml');
    const other = join(work, 'also-spec.yaml');
    fs.writeFileSync(file, 'old\n');
    fs.linkSync(file, other);
    writeFileAtomically(file, 'new, and longer\n');
    expect(fs.readFileSync(other, 'utf8')).toBe('new, and longer\n');
    expect(fs.statSync(file).ino).toBe(fs.statSync(other).ino);
    expect(fs.statSync(file).nlink).toBe(2);
    expect(fs.readdirSync(work).filter((name) => name.includes('spec'))).toEqual(['also-spec.yaml', 'spec.yaml']);
  });

  it("keeps the file's mode and owner", () => {
    const file = join(work, 'private.yaml');
    fs.writeFileSync(file, 'old\n');
    fs.chmodSync(file, 0o600);
    const before = fs.statSync(file);
    writeFileAtomically(file, 'new\n');
    const after = fs.statSync(file);
    expect(after.mode & 0o7777).toBe(0o600);
    expect([after.uid, after.gid]).toEqual([before.uid, before.gid]);
    expect(fs.readFileSync(file, 'utf8')).toBe('new\n');
  });

  it('refuses a read-only file and leaves it as it was', () => {
    const file = join(work, 'locked.yaml');
    fs.writeFileSync(file, 'old\n');
    fs.chmodSync(file, 0o444);
    expect(() => writeFileAtomically(file, 'new\n')).toThrow(/read-only/);
    expect(fs.readFileSync(file, 'utf8')).toBe('old\n');
    expect(fs.statSync(file).mode & 0o7777).toBe(0o444);
  });

  it('writes through a device instead of renaming over it', () => {
    writeFileAtomically('/dev/null', 'anything\n');
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(fs.readdirSync('/dev').some((name) => name.startsWith('.null.tmp-'))).toBe(false);
  });

  it('refuses a folder', () => {
    expect(() => writeFileAtomically(work, 'x')).toThrow(/is a folder/);
  });

  it('replaces the file', () => {
    const file = join(work, 'spec.yaml');
    fs.writeFileSync(file, 'old\n');
    writeFileAtomically(file, 'new\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('new\n');
    expect(fs.readdirSync(work).sort()).toEqual(['spec.yaml']);
  });

  for (const [name, fileSystem] of [
    ['a write error', failing('writeFileSync', 1)],
    ['a rename failure', failing('renameSync', 1)],
  ] as const) {
    it(`keeps the old file and leaves nothing beside it on ${name}`, () => {
      const file = join(work, 'spec.yaml');
      fs.writeFileSync(file, 'old\n');
      expect(() => writeFileAtomically(file, 'new\n', fileSystem)).toThrow(WriteError);
      expect(fs.readFileSync(file, 'utf8')).toBe('old\n');
      expect(fs.readdirSync(work).sort()).toEqual(['spec.yaml']);
    });
  }
});

describe('writeFileAtomically: a file with other hard links', () => {
  let file: string;
  let other: string;
  beforeEach(() => {
    file = join(work, 'spec.yaml');
    other = join(work, 'also-spec.yaml');
    fs.writeFileSync(file, 'old text, longer than the new\n');
    fs.linkSync(file, other);
  });
  const beside = (): string[] => fs.readdirSync(work).filter((name) => name.startsWith('.'));

  it('a new text longer or shorter than the old: every link sees exactly it, nothing is left beside', () => {
    writeFileAtomically(file, 'short\n');
    expect(fs.readFileSync(other, 'utf8')).toBe('short\n');
    writeFileAtomically(other, 'a text longer than any before it\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('a text longer than any before it\n');
    expect(fs.statSync(file).ino).toBe(fs.statSync(other).ino);
    expect(beside()).toEqual([]);
  });

  for (const [stage, fileSystem] of [
    ['writing the new text beside it', failing('writeFileSync', 1, 'ENOSPC')],
    ['copying the file beside it', failing('copyFileSync', 1, 'ENOSPC')],
  ] as const) {
    it(`a full disk while ${stage}: the file untouched, nothing left beside it, and the error says so`, () => {
      expect(() => writeFileAtomically(file, 'new\n', fileSystem)).toThrow(
        /spec\.yaml: could not write it \(it has 2 hard links, so it is written in place\), the file was left as it was: ENOSPC/,
      );
      expect(fs.readFileSync(other, 'utf8')).toBe('old text, longer than the new\n');
      expect(beside()).toEqual([]);
    });
  }

  it('a failure while overwriting it: the error says it may be damaged and names the copy of its previous text', () => {
    let error: unknown;
    try {
      writeFileAtomically(file, 'new\n', failing('writeSync', 1, 'ENOSPC'));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(WriteError);
    const message = (error as Error).message;
    expect(message).toMatch(
      /could not write it in place \(it has 2 hard links\): ENOSPC.*; the file may now be damaged: its previous text is in \S+$/,
    );
    const copy = /its previous text is in (\S+)$/.exec(message)![1]!;
    expect(beside()).toEqual([copy.slice(work.length + 1)]);
    expect(fs.readFileSync(copy, 'utf8')).toBe('old text, longer than the new\n');
  });
});

describe('writeFileAtomically: what the file keeps', () => {
  it.runIf(process.getuid?.() === 0)('setuid and setgid bits, with its owner (as root: chown clears them, so it comes first)', () => {
    const file = join(work, 'tool.yaml');
    fs.writeFileSync(file, 'old\n');
    fs.chownSync(file, 1234, 1234);
    fs.chmodSync(file, 0o6755);
    writeFileAtomically(file, 'new\n');
    const after = fs.statSync(file);
    expect([after.mode & 0o7777, after.uid, after.gid]).toEqual([0o6755, 1234, 1234]);
  });

  // Node cannot set one; Python can, where it is installed and the file system takes user attributes.
  const python = spawnSync('python3', ['-c', 'import os'], { encoding: 'utf8' }).status === 0;
  it.runIf(python && process.platform === 'linux')('its extended attributes', () => {
    const file = join(work, 'labelled.yaml');
    fs.writeFileSync(file, 'old\n');
    const set = spawnSync('python3', ['-c', 'import os, sys; os.setxattr(sys.argv[1], "user.origin", b"hand-written")', file]);
    if (set.status !== 0) return;
    expect(writeFileAtomically(file, 'new\n')).toEqual([]);
    const got = spawnSync('python3', ['-c', 'import os, sys; print(os.getxattr(sys.argv[1], "user.origin").decode())', file], {
      encoding: 'utf8',
    });
    expect(got.stdout.trim()).toBe('hand-written');
    expect(fs.readFileSync(file, 'utf8')).toBe('new\n');
  });

  it('attributes that cannot be copied are a warning, not a failure', () => {
    const file = join(work, 'spec.yaml');
    fs.writeFileSync(file, 'old\n');
    const warnings = writeFileAtomically(file, 'new\n', fs, () => {
      throw new Error('Operation not supported');
    });
    expect(warnings).toEqual([`${file}: written, but its extended attributes could not be kept: Operation not supported`]);
    expect(fs.readFileSync(file, 'utf8')).toBe('new\n');
  });

  it('copyExtendedAttributes fails on a file that is not there, with cp’s words', () => {
    expect(() => copyExtendedAttributes(join(work, 'gone'), join(work, 'also-gone'))).toThrow(/gone/);
  });
});

describe('writeFileAtomically: written through', () => {
  it('a symlink to a device: the device written, the link left a link', () => {
    const link = join(work, 'null.yaml');
    fs.symlinkSync('/dev/null', link);
    writeFileAtomically(link, 'anything\n');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readdirSync(work)).toEqual(['null.yaml']);
  });

  it('one of the process’s descriptors, at its own offset and flags (appending stays appending)', () => {
    const log = join(work, 'build.log');
    fs.writeFileSync(log, 'earlier line\n');
    const descriptor = fs.openSync(log, 'a');
    try {
      writeFileAtomically(`/dev/fd/${descriptor}`, 'merged\n');
      writeFileAtomically(`/proc/self/fd/${descriptor}`, 'again\n');
    } finally {
      fs.closeSync(descriptor);
    }
    expect(fs.readFileSync(log, 'utf8')).toBe('earlier line\nmerged\nagain\n');
  });

  it('a descriptor that is full for a moment (EAGAIN) is waited on; one that fails is a WriteError', () => {
    let calls = 0;
    const written: string[] = [];
    const flaky: FileWriterSystem = {
      ...fs,
      writeSync: ((_fd: number, buffer: Buffer, offset: number, length: number) => {
        calls += 1;
        if (calls === 1) throw Object.assign(new Error('EAGAIN: resource temporarily unavailable'), { code: 'EAGAIN' });
        const part = Math.min(length, 3);
        written.push(buffer.subarray(offset, offset + part).toString());
        return part;
      }) as typeof fs.writeSync,
    };
    writeFileAtomically('/dev/fd/9', 'merged\n', flaky);
    expect(written.join('')).toBe('merged\n');
    expect(() => writeFileAtomically('/dev/fd/9', 'x', failing('writeSync', 1))).toThrow(/^\/dev\/fd\/9: could not write: EIO/);
  });
});

describe('descriptorNamed', () => {
  const tests: TestCase<string, number | undefined>[] = [
    ['/dev/stdout', { given: '/dev/stdout', want: 1 }],
    ['/dev/stderr', { given: '/dev/stderr', want: 2 }],
    ['/dev/stdin', { given: '/dev/stdin', want: 0 }],
    ['/dev/fd/N', { given: '/dev/fd/7', want: 7 }],
    ['/proc/self/fd/N', { given: '/proc/self/fd/1', want: 1 }],
    ['this process by its pid', { given: `/proc/${process.pid}/fd/2`, want: 2 }],
    ['another process', { given: `/proc/${process.pid + 1}/fd/2`, want: undefined }],
    ['a file', { given: 'out.yaml', want: undefined }],
    ['a device that is not a descriptor', { given: '/dev/null', want: undefined }],
  ];
  test.each(tests)('%s', (_name, { given, want }) => expect(descriptorNamed(given)).toBe(want));
});
