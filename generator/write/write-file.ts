/**
 * Writing one file the user names (merge's `--out` and `--in-place`): a regular file is
 * replaced whole or not at all, anything else is written through, never renamed over.
 */
import * as nodeFs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { displayPath } from '../util/display-path.js';
import { WriteError } from './write-error.js';

/** The file-system calls writeFileAtomically makes; tests pass a copy that fails on purpose. */
export type FileWriterSystem = Pick<
  typeof nodeFs,
  | 'accessSync'
  | 'chmodSync'
  | 'chownSync'
  | 'closeSync'
  | 'copyFileSync'
  | 'ftruncateSync'
  | 'openSync'
  | 'realpathSync'
  | 'renameSync'
  | 'rmSync'
  | 'statSync'
  | 'writeFileSync'
  | 'writeSync'
>;

/** Copies the extended attributes of one file onto another; throws when it cannot. */
export type CopyAttributes = (from: string, to: string) => void;

/**
 * The descriptor a path names when it names one of this process's own (`/dev/stdout`,
 * `/dev/fd/3`, `/proc/self/fd/1`): written through as it is open, so that `>> build.log`
 * appends, where reopening the file would write over its start and renaming would replace it.
 */
export function descriptorNamed(path: string): number | undefined {
  const absolute = resolve(path);
  const standard = ['/dev/stdin', '/dev/stdout', '/dev/stderr'].indexOf(absolute);
  if (standard !== -1) return standard;
  const match = new RegExp(`^/(?:dev|proc/(?:self|thread-self|${process.pid}))/fd/(\\d+)$`).exec(absolute);
  return match === null ? undefined : Number(match[1]);
}

/**
 * Writes `text` to `path`.
 *
 * A regular file is replaced whole: the new text goes to a temporary file beside it, which is
 * renamed over it, so readers see the old file or the new one and never a half-written one.
 * What `path` names is kept what it is: a symlink is followed and the file it points to is
 * replaced (the link stays a link); the file keeps its owner (run as root), then its mode
 * (setuid and setgid bits included: chown clears them, so it comes first) and its extended
 * attributes (copied with GNU cp, where there is one; a warning where they could not be); a
 * file the user may not write is refused, not replaced.
 *
 * A file with other hard links is written in place, so that every link sees the new text.
 * That write cannot be atomic, so it is made safe first: the new text is written beside it in
 * full (a full disk stops there, the file untouched), and the file is copied beside it; only
 * then is it overwritten. Should that still fail, the error says the file is damaged and
 * names the intact copy.
 *
 * One of the process's descriptors (`/dev/stdout`), a device or a FIFO takes the text as it
 * comes: written through, never renamed over. Returns warnings that did not stop the write.
 */
export function writeFileAtomically(
  path: string,
  text: string,
  fs: FileWriterSystem = nodeFs,
  copyAttributes: CopyAttributes = copyExtendedAttributes,
): string[] {
  const descriptor = descriptorNamed(path);
  if (descriptor !== undefined) {
    writeThrough(path, () => writeAll(fs, descriptor, Buffer.from(text, 'utf8')));
    return [];
  }
  let stat: nodeFs.Stats | undefined;
  try {
    stat = fs.statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new WriteError(`${displayPath(path)}: could not write: ${(error as Error).message}`);
  }
  if (stat === undefined) return replace(path, resolve(path), text, undefined, fs, copyAttributes);
  if (stat.isDirectory()) throw new WriteError(`${displayPath(path)}: is a folder, not a file`);
  // Nothing to swap in: a device or a pipe takes the text as it comes. Opened by its own name:
  // a link to /dev/stdout resolves to a name (`pipe:[…]`) that cannot be opened.
  if (!stat.isFile()) {
    writeThrough(path, () => fs.writeFileSync(path, text, 'utf8'));
    return [];
  }
  const target = fs.realpathSync(path);
  // Read-only for this user, or for everyone (a 0444 file, which root could still write).
  let writable = (stat.mode & 0o222) !== 0;
  try {
    fs.accessSync(target, nodeFs.constants.W_OK);
  } catch {
    writable = false;
  }
  if (!writable) throw new WriteError(`${displayPath(path)}: is read-only; refusing to replace it (make it writable first)`);
  if (stat.nlink > 1) {
    writeInPlace(path, target, text, stat.nlink, fs);
    return [];
  }
  return replace(path, target, text, stat, fs, copyAttributes);
}

function writeThrough(path: string, write: () => void): void {
  try {
    write();
  } catch (error) {
    throw new WriteError(`${displayPath(path)}: could not write: ${(error as Error).message}`, { cause: error });
  }
}

/** All of `bytes` to an open descriptor, which may be a non-blocking pipe that is full for a moment. */
function writeAll(fs: FileWriterSystem, descriptor: number, bytes: Buffer): void {
  let written = 0;
  while (written < bytes.length) {
    try {
      written += fs.writeSync(descriptor, bytes, written, bytes.length - written);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

/** A name beside `target` that nothing else uses. */
function besideIt(target: string, kind: 'tmp' | 'orig'): string {
  return join(dirname(target), `.${basename(target)}.${kind}-${randomBytes(6).toString('hex')}`);
}

function removeQuietly(fs: FileWriterSystem, file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Nothing was made under a name the system refuses (ENAMETOOLONG): nothing to remove.
  }
}

/** A new file renamed over `target` (or into place, when there is none), with what `kept` had. */
function replace(
  path: string,
  target: string,
  text: string,
  kept: nodeFs.Stats | undefined,
  fs: FileWriterSystem,
  copyAttributes: CopyAttributes,
): string[] {
  const warnings: string[] = [];
  const temporary = besideIt(target, 'tmp');
  try {
    fs.writeFileSync(temporary, text, { encoding: 'utf8', flag: 'wx' });
    if (kept !== undefined) {
      // Only root can give a file away; anyone else writes a file of their own, as any editor
      // does. chown clears the setuid and setgid bits: the mode is set after it.
      if (process.getuid?.() === 0) fs.chownSync(temporary, kept.uid, kept.gid);
      fs.chmodSync(temporary, kept.mode & 0o7777);
      try {
        copyAttributes(target, temporary);
      } catch (error) {
        warnings.push(`${displayPath(path)}: written, but its extended attributes could not be kept: ${(error as Error).message}`);
      }
    }
    fs.renameSync(temporary, target);
  } catch (error) {
    removeQuietly(fs, temporary);
    throw new WriteError(`${displayPath(path)}: could not write, the file was left as it was: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return warnings;
}

/**
 * The new text written into `target` itself, for its other hard links to see. First the new
 * text in full beside it (the space it needs is there, or nothing is touched) and a copy of
 * the file as it is; then the first is removed, handing its space to the overwrite, and the
 * file overwritten and cut to length. The copy goes when that worked, and is named when not.
 */
function writeInPlace(path: string, target: string, text: string, links: number, fs: FileWriterSystem): void {
  const bytes = Buffer.from(text, 'utf8');
  const temporary = besideIt(target, 'tmp');
  const original = besideIt(target, 'orig');
  try {
    fs.writeFileSync(temporary, bytes, { flag: 'wx' });
    fs.copyFileSync(target, original, nodeFs.constants.COPYFILE_EXCL);
  } catch (error) {
    removeQuietly(fs, temporary);
    removeQuietly(fs, original);
    throw new WriteError(
      `${displayPath(path)}: could not write it (it has ${links} hard links, so it is written in place), the file was left as it was: ${(error as Error).message}`,
      { cause: error },
    );
  }
  removeQuietly(fs, temporary);
  let descriptor: number | undefined;
  try {
    descriptor = fs.openSync(target, nodeFs.constants.O_WRONLY);
    let written = 0;
    while (written < bytes.length) written += fs.writeSync(descriptor, bytes, written, bytes.length - written, written);
    fs.ftruncateSync(descriptor, bytes.length);
    fs.closeSync(descriptor);
    descriptor = undefined;
  } catch (error) {
    if (descriptor !== undefined) {
      try {
        fs.closeSync(descriptor);
      } catch {
        // The write failed already: that is the error to report.
      }
    }
    throw new WriteError(
      `${displayPath(path)}: could not write it in place (it has ${links} hard links): ${(error as Error).message}; the file may now be damaged: its previous text is in ${displayPath(original)}`,
      { cause: error },
    );
  }
  removeQuietly(fs, original);
}

/**
 * Node has no call for extended attributes (nor ACLs, SELinux labels); GNU cp copies them
 * without touching the data. Elsewhere (macOS, BusyBox) there is no such cp, and they are not
 * copied: nothing to copy is the common case, so that is not worth a warning.
 */
export function copyExtendedAttributes(from: string, to: string): void {
  if (process.platform !== 'linux') return;
  const result = spawnSync('cp', ['--attributes-only', '--preserve=xattr', '--', from, to], { encoding: 'utf8' });
  if (result.error !== undefined) {
    if ((result.error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw result.error;
  }
  if (result.status !== 0) {
    const message = result.stderr.trim().split('\n', 1)[0] ?? '';
    // Not GNU cp: it does not know the option. Nothing it could have done.
    if (/unrecognized option|invalid option|unknown option/i.test(message)) return;
    throw new Error(message === '' ? `cp exited ${result.status}` : message);
  }
}
