/**
 * The one way the tool reads a file it did not just write: catalogs, extends bases, specs,
 * manifests, merge targets and output files under `--check`. A path can name a pipe that
 * never ends, a device that never stops (`/dev/zero`), or a file far larger than anything
 * the tool writes, and a repository can carry a symlink to any of them; so the file is opened
 * without blocking, checked on the open descriptor (no window between the check and the read)
 * and read no further than its limit.
 */
import * as nodeFs from 'node:fs';

/** The file-system calls a read makes; a caller that injects a file system passes its own. */
export type ReadFileSystem = Pick<typeof nodeFs, 'closeSync' | 'fstatSync' | 'openSync' | 'readSync'>;

/** Why a file was not read, in words that follow its name: `output/x.json: is not a regular file`. */
export class UnreadableFileError extends Error {
  readonly file: string;
  readonly reason: string;
  /** The errno code when the system refused (ENOENT, EACCES, ELOOP, …). */
  readonly code: string | undefined;

  constructor(file: string, reason: string, code?: string) {
    super(`${file}: ${reason}`);
    this.name = 'UnreadableFileError';
    this.file = file;
    this.reason = reason;
    this.code = code;
  }
}

export interface ReadOptions {
  /** The most bytes the file may hold; past it nothing is read. */
  readonly maxBytes: number;
  /** What the file is, for the limit's message: `catalogs are limited to …`. */
  readonly what?: string;
  /**
   * False to refuse a symlink in the last component (O_NOFOLLOW): for files the tool wrote
   * itself, which are never links, so a planted one is refused unread.
   */
  readonly followSymlinks?: boolean;
  /** Node's file system unless given. */
  readonly fs?: ReadFileSystem;
}

const ERRNO_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a folder',
  ENOTDIR: 'a component of the path is not a folder',
  ELOOP: 'is a symbolic link',
  ENAMETOOLONG: 'the name is too long',
  ENXIO: 'is not a regular file',
};

/** The file's bytes, or an UnreadableFileError that says why not. Never blocks, never reads past `maxBytes`. */
export function readRegularFile(file: string, options: ReadOptions): Buffer {
  const { O_RDONLY, O_NONBLOCK, O_NOCTTY, O_NOFOLLOW } = nodeFs.constants;
  const flags = O_RDONLY | O_NONBLOCK | O_NOCTTY | (options.followSymlinks === false ? O_NOFOLLOW : 0);
  const fs = options.fs ?? nodeFs;
  let fd: number;
  try {
    fd = fs.openSync(file, flags);
  } catch (error) {
    throw fromErrno(file, error);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw new UnreadableFileError(file, 'is a folder', 'EISDIR');
    if (!stat.isFile()) throw new UnreadableFileError(file, `is not a regular file (${kindOf(stat)})`);
    if (stat.size > options.maxBytes) throw tooLarge(file, `is ${stat.size} bytes`, options);
    // Read one byte past the limit: a file that grows while it is read is caught too.
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, options.maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > options.maxBytes) throw tooLarge(file, `grew past ${options.maxBytes} bytes while read`, options);
        break;
      }
      const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return buffer.subarray(0, length);
  } catch (error) {
    throw error instanceof UnreadableFileError ? error : fromErrno(file, error);
  } finally {
    fs.closeSync(fd);
  }
}

/** Same as readRegularFile, decoded as UTF-8 (for files the tool wrote itself; user input goes through decodeUtf8). */
export function readRegularText(file: string, options: ReadOptions): string {
  return readRegularFile(file, options).toString('utf8');
}

function tooLarge(file: string, size: string, options: ReadOptions): UnreadableFileError {
  const what = options.what ?? 'file';
  return new UnreadableFileError(file, `${size}; ${what}s are limited to ${options.maxBytes} bytes`, 'EFBIG');
}

function fromErrno(file: string, error: unknown): UnreadableFileError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason = (code === undefined ? undefined : ERRNO_REASONS[code]) ?? (error instanceof Error ? error.message : String(error));
  return new UnreadableFileError(file, reason, code);
}

function kindOf(stat: import('node:fs').Stats): string {
  if (stat.isFIFO()) return 'a pipe';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}
