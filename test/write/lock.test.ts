/**
 * generator/write/lock.ts on real folders: a lock is taken over when its holder is provably gone,
 * whatever the lock holds; a live holder is waited for; a failed acquisition leaves nothing.
 */
import * as fs from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  FOREIGN_LOCK_AGE_MS,
  judge,
  ownRecord,
  parseRecord,
  startTimeOf,
  withFileLock,
  type LockFileSystem,
  type OwnerRecord,
} from '../../generator/write/lock.js';
import { WriteError } from '../../generator/write/write-error.js';
import { removeDir, ROOT, tempDir } from '../harness/helpers.js';

let work: string;
let lock: string;
const children: ChildProcess[] = [];
beforeEach(() => {
  work = tempDir();
  lock = join(work, '.output.lock');
});
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  removeDir(work);
});

/** A lock folder as some run left it: `files` inside it, by name. */
function plant(files: Readonly<Record<string, string>>): void {
  fs.mkdirSync(lock);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(join(lock, name), text);
}

const record = (fields: Partial<OwnerRecord>): string => JSON.stringify({ ...ownRecord(), ...fields });

/** Takes the lock (waiting at most `waitMs`) and says what ran; throws what withFileLock throws. */
function take(waitMs = 2_000, fileSystem?: LockFileSystem): string {
  return withFileLock(lock, 'output', () => 'ran', fileSystem === undefined ? { waitMs } : { waitMs, fs: fileSystem });
}

/** A process that lives until killed, and its start time. */
async function sleeper(): Promise<ChildProcess & { pid: number }> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000); console.log("up")'], { stdio: ['ignore', 'pipe', 'ignore'] });
  children.push(child);
  await new Promise((resolvePromise) => child.stdout.once('data', resolvePromise));
  return child as ChildProcess & { pid: number };
}

describe('withFileLock takes over a lock whose holder is provably gone', () => {
  const planted: [string, () => void | Promise<void>][] = [
    ['an empty pid file (a full disk while it was taken)', () => plant({ pid: '' })],
    ['no pid file at all (an empty lock folder)', () => plant({})],
    ['pid 1 in a pid file (a container run before this one)', () => plant({ pid: '1' })],
    ['garbage for a record', () => plant({ 'owner.json': '\u0000\u00ff garbage {' })],
    ['a record that is JSON but not a record', () => plant({ 'owner.json': '{"pid": "1"}' })],
    ['a record whose pid is not running', () => plant({ 'owner.json': record({ pid: 4194305 }) })],
    ['a record of pid 1 with another start time', () => plant({ 'owner.json': record({ pid: 1, start: '1' }) })],
    [
      "a record of this test's parent process, with another start time (a pid reused)",
      () => plant({ 'owner.json': record({ pid: process.ppid, start: '1' }) }),
    ],
    [
      'a record of a live process that started at another time (a pid reused)',
      async () => {
        const child = await sleeper();
        expect(startTimeOf(child.pid)).toMatch(/^\d+$/);
        plant({ 'owner.json': record({ pid: child.pid, start: '0' }) });
      },
    ],
    [
      'a record from an earlier boot',
      () => plant({ 'owner.json': record({ pid: process.ppid, start: startTimeOf(process.ppid), boot: 'an-earlier-boot' }) }),
    ],
    [
      'a record from another host, older than the age past which such a lock is taken over',
      () => plant({ 'owner.json': record({ host: `not-${hostname()}`, created: Date.now() - FOREIGN_LOCK_AGE_MS - 1000 }) }),
    ],
    [
      'a file in place of the lock folder',
      () => {
        fs.writeFileSync(lock, '123');
      },
    ],
    [
      'a symlink in place of the lock folder',
      () => {
        fs.mkdirSync(join(work, 'elsewhere'));
        fs.writeFileSync(join(work, 'elsewhere', 'owner.json'), record({ pid: process.ppid, start: startTimeOf(process.ppid) }));
        fs.symlinkSync(join(work, 'elsewhere'), lock);
      },
    ],
  ];
  for (const [name, prepare] of planted) {
    test(name, async () => {
      await prepare();
      expect(take()).toBe('ran');
      expect(fs.readdirSync(work).filter((entry) => entry.startsWith('.output.lock'))).toEqual([]);
    });
  }
});

describe('withFileLock reads through the file system it is given', () => {
  test("a live holder's record that it cannot read (EIO) is no valid record: the lock is taken over", () => {
    // This process's own record: read through node's file system, its holder is live and is waited for.
    plant({ 'owner.json': record({}) });
    const fileSystem: LockFileSystem = {
      ...fs,
      openSync: (...args: Parameters<typeof fs.openSync>) => {
        if (String(args[0]) === join(lock, 'owner.json')) throw Object.assign(new Error('EIO: injected openSync failure'), { code: 'EIO' });
        return fs.openSync(...args);
      },
    };
    expect(take(200, fileSystem)).toBe('ran');
    expect(fs.readdirSync(work)).toEqual([]);
  });
});

describe('withFileLock waits for a live holder', () => {
  test('a lock held by a live run is not taken over: the wait ends in an error naming the holder and the folder to remove', async () => {
    const script = `import { withFileLock } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'write', 'lock.js')).href)};
withFileLock(${JSON.stringify(lock)}, 'output', () => { console.log('held'); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60000); });`;
    const holder = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(holder);
    await new Promise((resolvePromise) => holder.stdout.once('data', resolvePromise));
    const heldRecord = fs.readFileSync(join(lock, 'owner.json'), 'utf8');
    expect(() => take(300)).toThrow(
      new WriteError(
        `output: another status-catalog run (pid ${holder.pid}) has held its lock for more than 0.3 s; try again when it is done, or, if no run is going, remove the folder ${lock}`,
      ),
    );
    expect(fs.readFileSync(join(lock, 'owner.json'), 'utf8')).toBe(heldRecord);
    // Once the holder is killed (it never gave the lock up), the lock is taken over.
    holder.kill('SIGKILL');
    await new Promise((resolvePromise) => holder.once('exit', resolvePromise));
    expect(take()).toBe('ran');
  });

  test('a lock from another host, taken recently, is waited for: it cannot be checked', () => {
    plant({ 'owner.json': record({ host: 'build-7', created: Date.now() }) });
    expect(() => take(0)).toThrow(/^output: another status-catalog run \(pid \d+ on build-7\) has held its lock/);
    expect(fs.existsSync(join(lock, 'owner.json'))).toBe(true);
  });

  test('a lock from another pid namespace (another container), taken recently, is waited for', () => {
    plant({ 'owner.json': record({ pidNamespace: 'pid:[1]', created: Date.now() }) });
    expect(() => take(0)).toThrow(/another status-catalog run \(pid \d+\) has held its lock/);
  });

  test('a lock taken by this process (its own record) is a live holder', () => {
    expect(() => withFileLock(lock, 'output', () => take(0), { waitMs: 0 })).toThrow(/another status-catalog run/);
    expect(fs.readdirSync(work)).toEqual([]);
  });
});

describe('withFileLock leaves nothing behind', () => {
  test('gives the lock up when fn throws, and passes the error on', () => {
    expect(() =>
      withFileLock(lock, 'output', () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(fs.readdirSync(work)).toEqual([]);
  });

  /** The real file system, except that `call` fails with `code`. */
  const failing = (call: 'mkdtempSync' | 'writeFileSync' | 'renameSync', code: string): LockFileSystem => ({
    ...fs,
    [call]: () => {
      throw Object.assign(new Error(`${code}: injected ${call} failure`), { code });
    },
  });

  test.each<[string, LockFileSystem, RegExp]>([
    [
      'a full disk while the record is written',
      failing('writeFileSync', 'ENOSPC'),
      /^output: could not lock it for writing: no space left on the device \(ENOSPC\); nothing was changed$/,
    ],
    [
      'a folder it may not write in',
      failing('mkdtempSync', 'EACCES'),
      /^output: could not lock it for writing: the folder it is in \(.+\) is not writable \(EACCES\); status-catalog writes beside it \(a lock, then the new version, swapped in by rename\), so that folder must be writable$/,
    ],
    [
      'a failure putting the lock in place',
      failing('renameSync', 'EIO'),
      /^output: could not lock it for writing: EIO: injected renameSync failure$/,
    ],
  ])('%s: a one-line error, and no lock or temporary folder left', (_, fileSystem, message) => {
    expect(() => take(0, fileSystem)).toThrow(message);
    expect(fs.readdirSync(work)).toEqual([]);
    expect(take()).toBe('ran');
  });

  test('removes temporary and renamed-aside lock folders that a killed run left, once they are old', () => {
    const old = new Date(Date.now() - 120_000);
    for (const name of ['.output.lock.tmp-AAAAAA', '.output.lock.gone-0a0a0a0a0a0a']) {
      fs.mkdirSync(join(work, name));
      fs.utimesSync(join(work, name), old, old);
    }
    fs.mkdirSync(join(work, '.output.lock.tmp-BBBBBB'));
    expect(take()).toBe('ran');
    expect(fs.readdirSync(work)).toEqual(['.output.lock.tmp-BBBBBB']);
  });

  test('an abandoned lock that cannot be moved aside ends the wait with an error that says which folder to remove', () => {
    plant({ pid: '' });
    let renames = 0;
    const fileSystem: LockFileSystem = {
      ...fs,
      renameSync: (from: fs.PathLike, to: fs.PathLike) => {
        if (String(from) === lock) throw Object.assign(new Error('EPERM: injected'), { code: 'EPERM' });
        renames += 1;
        fs.renameSync(from, to);
      },
    };
    expect(() => take(200, fileSystem)).toThrow(
      new WriteError(`output: its lock is abandoned (it has no valid owner record) but could not be removed; remove the folder ${lock}`),
    );
    expect(renames).toBeGreaterThan(0);
    expect(fs.readdirSync(work)).toEqual(['.output.lock']);
  });

  test('names what it guards through displayPath', () => {
    plant({ 'owner.json': record({ host: 'build-7', created: Date.now() }) });
    expect(() => withFileLock(lock, 'out\u202Etxt', () => 0, { waitMs: 0 })).toThrow(/^out\\u202etxt: another status-catalog run/);
  });
});

describe('judge', () => {
  const self: OwnerRecord = ownRecord();
  const now = Date.now();
  test.each<[string, OwnerRecord | undefined, { gone: boolean }]>([
    ['no record: gone', undefined, { gone: true }],
    ['this very process: a live holder', self, { gone: false }],
    ['another host, recent: a live holder, unchecked', { ...self, host: 'elsewhere' }, { gone: false }],
    ['another host with another boot id: still unchecked, not gone', { ...self, host: 'elsewhere', boot: 'x' }, { gone: false }],
    ['another host, old: gone', { ...self, host: 'elsewhere', created: now - FOREIGN_LOCK_AGE_MS - 1 }, { gone: true }],
    ['no start time recorded (no /proc where it ran): a live pid is a live holder while recent', { ...self, start: null }, { gone: false }],
    ['no start time recorded, old: gone', { ...self, start: null, created: now - FOREIGN_LOCK_AGE_MS - 1 }, { gone: true }],
    ['a dead pid: gone', { ...self, pid: 4194305 }, { gone: true }],
  ])('%s', (_, given, want) => {
    expect(judge(given, self, now)).toMatchObject(want);
  });
});

describe('owner records', () => {
  test('ownRecord says which process, started when, on which boot, namespace and host', () => {
    const mine = ownRecord();
    expect(mine).toMatchObject({ pid: process.pid, host: hostname() });
    expect(mine.start).toBe(startTimeOf(process.pid));
    expect(mine.start).toMatch(/^\d+$/);
    expect(mine.boot).toMatch(/^[0-9a-f-]{36}$/);
    expect(mine.pidNamespace).toMatch(/^pid:\[\d+\]$/);
    expect(parseRecord(JSON.stringify(mine))).toEqual(mine);
  });

  test('startTimeOf a pid that does not exist is null', () => {
    expect(startTimeOf(4194305)).toBeNull();
  });

  test.each([
    'null',
    '[]',
    '{"pid": 0}',
    '{"pid": 1.5}',
    JSON.stringify({ ...ownRecord(), created: 'yesterday' }),
    JSON.stringify({ ...ownRecord(), boot: 7 }),
  ])('parseRecord refuses %s', (text) => {
    expect(parseRecord(text)).toBeUndefined();
  });
});
