/**
 * Locks that make runs writing the same thing take turns: a folder beside what is written,
 * holding an owner record that says which process holds it. Works on any local file system
 * and needs no daemon or native module.
 *
 * A lock never exists without its complete record: the record is written into a temporary
 * folder, which is then renamed into place (a rename onto a folder that holds something fails,
 * so only one run gets it). A failed acquisition (a full disk, a read-only folder) leaves
 * nothing behind. A lock is taken over when its holder is provably gone, whatever the lock
 * holds: on this machine's current boot and in this pid namespace, its pid is dead or belongs
 * to a process started at another time (a pid reused, pid 1 of an earlier container run); a
 * lock from an earlier boot, or without a valid record, is abandoned. A lock from another host
 * or pid namespace cannot be checked, and is taken over once older than FOREIGN_LOCK_AGE_MS.
 *
 * Not a heartbeat lock (mtime refreshed by a timer, as proper-lockfile does): the writer is
 * synchronous, so no timer fires while it writes, and a long write would look abandoned.
 */
import * as nodeFs from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { displayPath } from '../util/display-path.js';
import { readRegularFile, type ReadFileSystem } from '../util/read-file.js';
import { WriteError } from './write-error.js';

/** The file-system calls a lock makes; tests pass a copy that fails on purpose. */
export type LockFileSystem = ReadFileSystem &
  Pick<
    typeof nodeFs,
    'lstatSync' | 'mkdtempSync' | 'readdirSync' | 'readFileSync' | 'readlinkSync' | 'renameSync' | 'rmSync' | 'writeFileSync'
  >;

export interface LockOptions {
  readonly fs?: LockFileSystem;
  /** How long to wait for a live holder before giving up; LOCK_WAIT_MS by default. */
  readonly waitMs?: number;
}

/** How long a run waits for another run holding the same lock. */
export const LOCK_WAIT_MS = 60_000;

/** A lock from another host or pid namespace, whose holder cannot be checked, is taken over past this age. */
export const FOREIGN_LOCK_AGE_MS = 10 * 60_000;

/** Leftovers of a run killed while it took or gave up a lock are removed past this age (a live one is milliseconds old). */
const LEFTOVER_AGE_MS = 60_000;

/** What a lock's `owner.json` says of the process that holds it. */
export interface OwnerRecord {
  readonly pid: number;
  /** Field 22 of /proc/PID/stat: when the process started, in clock ticks since boot; null where there is no /proc. */
  readonly start: string | null;
  /** /proc/sys/kernel/random/boot_id: which boot of the machine. */
  readonly boot: string | null;
  /** readlink /proc/self/ns/pid: which pid namespace the pid belongs to. */
  readonly pidNamespace: string | null;
  readonly host: string;
  /** When the lock was taken (ms since the epoch). */
  readonly created: number;
}

const RECORD = 'owner.json';
const MAX_RECORD_BYTES = 4096;

/**
 * Runs `fn` holding the lock folder `lockPath`, waiting (up to `waitMs`) while a live run holds
 * it. `label` names what the lock guards in messages (`output: another status-catalog run …`).
 * Throws WriteError when the lock cannot be taken.
 */
export function withFileLock<T>(lockPath: string, label: string, fn: () => T, options: LockOptions = {}): T {
  const fs = options.fs ?? nodeFs;
  const held = acquire(lockPath, label, fs, options.waitMs ?? LOCK_WAIT_MS);
  try {
    return fn();
  } finally {
    release(lockPath, held, fs);
  }
}

/** The identity of the lock folder this run put in place: only that folder is ever released. */
interface Held {
  readonly dev: number;
  readonly ino: number;
}

function acquire(lock: string, label: string, fs: LockFileSystem, waitMs: number): Held {
  const shown = displayPath(label);
  const deadline = Date.now() + waitMs;
  let record: OwnerRecord | undefined;
  for (;;) {
    record ??= ownRecord(fs);
    const held = tryToCreate(lock, shown, record, fs);
    if (held !== undefined) {
      removeLeftovers(lock, fs);
      return held;
    }
    const found = inspect(lock, fs);
    // Gone between the attempt and the look: try again at once.
    if (found === undefined) continue;
    const verdict = judge(found.record, ownRecord(fs), Date.now(), fs);
    if (verdict.gone && takeOver(lock, found, fs)) continue;
    if (Date.now() > deadline) {
      throw new WriteError(
        verdict.gone
          ? `${shown}: its lock is abandoned (${verdict.why}) but could not be removed; remove the folder ${displayPath(lock)}`
          : `${shown}: another status-catalog run (${verdict.holder}) has held its lock for more than ${waitMs / 1000} s; try again when it is done, or, if no run is going, remove the folder ${displayPath(lock)}`,
      );
    }
    sleep(50);
  }
}

/** Puts a lock with `record` in place; undefined when a lock is there already. */
function tryToCreate(lock: string, shown: string, record: OwnerRecord, fs: LockFileSystem): Held | undefined {
  let temporary: string | undefined;
  try {
    temporary = fs.mkdtempSync(`${lock}.tmp-`);
    fs.writeFileSync(join(temporary, RECORD), `${JSON.stringify(record)}\n`);
    const stat = fs.lstatSync(temporary);
    try {
      fs.renameSync(temporary, lock);
    } catch (error) {
      // ENOTEMPTY or EEXIST for a lock folder, ENOTDIR for a file in its place (the lock may
      // be gone again by now: try again), other codes on some systems when a lock is there.
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOTDIR' || exists(lock, fs)) return undefined;
      throw error;
    }
    temporary = undefined;
    return { dev: stat.dev, ino: stat.ino };
  } catch (error) {
    throw new WriteError(`${shown}: could not lock it for writing: ${describeLockFailure(lock, error)}`, { cause: error });
  } finally {
    if (temporary !== undefined) {
      try {
        fs.rmSync(temporary, { recursive: true, force: true });
      } catch {
        // Nothing more can be done here; the next holder removes it (removeLeftovers).
      }
    }
  }
}

function describeLockFailure(lock: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return `the folder it is in (${displayPath(dirname(lock))}) is not writable (${code}); status-catalog writes beside it (a lock, then the new version, swapped in by rename), so that folder must be writable`;
  }
  if (code === 'ENOSPC' || code === 'EDQUOT') return `no space left on the device (${code}); nothing was changed`;
  return message;
}

function exists(path: string, fs: LockFileSystem): boolean {
  try {
    fs.lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

interface Found {
  readonly dev: number;
  readonly ino: number;
  /** The parsed record, or undefined when the lock has none that is valid (empty, garbage, a file or a link in its place). */
  readonly record: OwnerRecord | undefined;
}

function inspect(lock: string, fs: LockFileSystem): Found | undefined {
  let stat: nodeFs.Stats;
  try {
    stat = fs.lstatSync(lock);
  } catch {
    return undefined;
  }
  let record: OwnerRecord | undefined;
  if (stat.isDirectory()) {
    try {
      record = parseRecord(readRegularFile(join(lock, RECORD), { maxBytes: MAX_RECORD_BYTES, followSymlinks: false, fs }).toString('utf8'));
    } catch {
      record = undefined;
    }
  }
  return { dev: stat.dev, ino: stat.ino, record };
}

export function parseRecord(text: string): OwnerRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const nullableString = (x: unknown): boolean => x === null || typeof x === 'string';
  if (
    typeof record.pid !== 'number' ||
    !Number.isSafeInteger(record.pid) ||
    record.pid <= 0 ||
    !nullableString(record.start) ||
    !nullableString(record.boot) ||
    !nullableString(record.pidNamespace) ||
    typeof record.host !== 'string' ||
    typeof record.created !== 'number' ||
    !Number.isFinite(record.created)
  ) {
    return undefined;
  }
  return record as unknown as OwnerRecord;
}

export type Verdict = { readonly gone: true; readonly why: string } | { readonly gone: false; readonly holder: string };

/** Whether the holder a lock's record names is provably gone, seen from `self` at `now`, through `fs`'s /proc. */
export function judge(
  record: OwnerRecord | undefined,
  self: OwnerRecord,
  now: number,
  fs: Pick<LockFileSystem, 'readFileSync'> = nodeFs,
): Verdict {
  if (record === undefined) return { gone: true, why: 'it has no valid owner record' };
  const holder = `pid ${record.pid}${record.host === self.host ? '' : ` on ${record.host}`}`;
  const checkable = record.host === self.host && record.pidNamespace === self.pidNamespace;
  if (record.host === self.host && record.boot !== null && self.boot !== null && record.boot !== self.boot) {
    return { gone: true, why: 'it was taken before the machine last started' };
  }
  if (checkable) {
    if (!processExists(record.pid)) return { gone: true, why: `pid ${record.pid} is not running` };
    const start = startTimeOf(record.pid, fs);
    if (start !== null && record.start !== null) {
      return start === record.start ? { gone: false, holder } : { gone: true, why: `pid ${record.pid} is another process now` };
    }
  }
  // Another host or pid namespace, or no /proc to tell a reused pid: the holder cannot be checked.
  if (now - record.created > FOREIGN_LOCK_AGE_MS) return { gone: true, why: 'its holder cannot be checked and it is old' };
  return { gone: false, holder };
}

/**
 * Removes a lock found abandoned. It is renamed aside first (one step: there is never a moment
 * when another run could find it half removed); if what was renamed is not the lock that was
 * judged (another run took that one over and put its own in place in between), it is put
 * back. False when the lock could not be moved at all (no right to).
 */
function takeOver(lock: string, found: Found, fs: LockFileSystem): boolean {
  const aside = `${lock}.gone-${randomBytes(6).toString('hex')}`;
  try {
    fs.renameSync(lock, aside);
  } catch {
    // Gone already (another run took it over first): look again. Still there: it cannot be moved.
    return !exists(lock, fs);
  }
  let moved: nodeFs.Stats | undefined;
  try {
    moved = fs.lstatSync(aside);
  } catch {
    moved = undefined;
  }
  if (moved !== undefined && (moved.dev !== found.dev || moved.ino !== found.ino)) {
    try {
      fs.renameSync(aside, lock);
    } catch {
      // A third lock is in place already; this one is left for the next holder to remove.
    }
    return true;
  }
  try {
    fs.rmSync(aside, { recursive: true, force: true });
  } catch {
    // Left for the next holder to remove (removeLeftovers).
  }
  return true;
}

/** Gives the lock up, if it is still the one this run put in place; renamed aside first, as in takeOver. */
function release(lock: string, held: Held, fs: LockFileSystem): void {
  try {
    const stat = fs.lstatSync(lock);
    if (stat.dev !== held.dev || stat.ino !== held.ino) return;
    const aside = `${lock}.gone-${randomBytes(6).toString('hex')}`;
    fs.renameSync(lock, aside);
    fs.rmSync(aside, { recursive: true, force: true });
  } catch {
    // A lock that cannot be removed is taken over by the next run: its holder is gone by then.
  }
}

/** Temporary and renamed-aside lock folders that a killed run left, old enough to be nobody's. */
function removeLeftovers(lock: string, fs: LockFileSystem): void {
  const parent = dirname(lock);
  const prefix = `${basename(lock)}.`;
  let entries: string[];
  try {
    entries = fs.readdirSync(parent).filter((entry) => entry.startsWith(`${prefix}tmp-`) || entry.startsWith(`${prefix}gone-`));
  } catch {
    return;
  }
  for (const entry of entries) {
    try {
      const path = join(parent, entry);
      if (Date.now() - fs.lstatSync(path).mtimeMs > LEFTOVER_AGE_MS) fs.rmSync(path, { recursive: true, force: true });
    } catch {
      // Someone else's, or gone already.
    }
  }
}

/** This process as each file system shows it: read once per file system, as it does not change. */
const selves = new WeakMap<Pick<LockFileSystem, 'readFileSync' | 'readlinkSync'>, Omit<OwnerRecord, 'created'>>();

/** This process's record, as a lock it takes now holds it. */
export function ownRecord(fs: Pick<LockFileSystem, 'readFileSync' | 'readlinkSync'> = nodeFs): OwnerRecord {
  let self = selves.get(fs);
  if (self === undefined) {
    self = {
      pid: process.pid,
      start: startTimeOf(process.pid, fs),
      boot: readProc('/proc/sys/kernel/random/boot_id', fs),
      pidNamespace: readLink('/proc/self/ns/pid', fs),
      host: hostname(),
    };
    selves.set(fs, self);
  }
  return { ...self, created: Date.now() };
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, and belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Field 22 of /proc/PID/stat (after the command name, which is in parentheses and may hold anything). */
export function startTimeOf(pid: number, fs: Pick<LockFileSystem, 'readFileSync'> = nodeFs): string | null {
  const stat = readProc(`/proc/${pid}/stat`, fs);
  if (stat === null) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 3 onwards follow the name: field 22 is the 20th of them.
  return fields[19] ?? null;
}

/** A /proc file (its reported size is 0, so it is read as a stream would be); null where there is none. */
function readProc(path: string, fs: Pick<LockFileSystem, 'readFileSync'>): string | null {
  try {
    return fs.readFileSync(path, 'utf8').trim() || null;
  } catch {
    return null;
  }
}

function readLink(path: string, fs: Pick<LockFileSystem, 'readlinkSync'>): string | null {
  try {
    return fs.readlinkSync(path);
  } catch {
    return null;
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
