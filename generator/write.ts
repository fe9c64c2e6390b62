/**
 * Write stage: puts generated files on disk all-or-nothing, or compares them with what is
 * there. Never builds content.
 */
import * as nodeFs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { GeneratedFile } from './emit/files.js';
import { MANIFEST_PATH, parseManifest, type Manifest } from './manifest.js';

/** The file-system calls the writer makes; tests pass a copy that fails on purpose. */
export type WriterFileSystem = Pick<
  typeof nodeFs,
  | 'accessSync'
  | 'chmodSync'
  | 'chownSync'
  | 'existsSync'
  | 'mkdirSync'
  | 'mkdtempSync'
  | 'readdirSync'
  | 'realpathSync'
  | 'renameSync'
  | 'rmSync'
  | 'statSync'
  | 'writeFileSync'
>;

/** Raised when the output folder cannot be written; the previous output is left as it was. */
export class WriteError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WriteError';
  }
}

/**
 * Replaces `outDir` with exactly `files`. Everything is written to a temporary folder beside
 * it first, then swapped in by rename, so a failure at any point leaves the previous output
 * whole and no temporary files behind.
 *
 * Replacing deletes the folder, so it is refused unless everything in it is status-catalog's
 * own: a folder that exists and is not empty must hold a valid manifest that lists every file
 * in it, and none of `keep` (the catalog files the output was made from) may be inside it.
 * A symlink to a folder is followed: the link stays, the folder it names is replaced.
 */
export function writeAtomically(
  outDir: string,
  files: readonly GeneratedFile[],
  fs: WriterFileSystem = nodeFs,
  keep: readonly string[] = [],
): void {
  // A symlinked output folder stays a link: the folder it points to is the one replaced.
  const real = (path: string): string => (fs.existsSync(path) ? fs.realpathSync(path) : resolve(path));
  const target = real(resolve(outDir));
  for (const file of files) assertInside(target, file.path);
  const kept = keep.find((path) => real(path).startsWith(target + sep));
  if (kept !== undefined) {
    throw new WriteError(`${outDir}: refusing to write over a folder that holds the catalog ${relative('.', kept) || kept}; choose another --out`);
  }
  if (fs.existsSync(target)) {
    if (!fs.statSync(target).isDirectory()) throw new WriteError(`${outDir}: exists and is not a folder`);
    assertOwnOutput(outDir, target);
  }
  const parent = dirname(target);
  const name = basename(target);
  let staging: string | undefined;
  let previous: string | undefined;
  // Set once the new output is in place: only then may the previous one be deleted.
  let replaced = false;
  try {
    fs.mkdirSync(parent, { recursive: true });
    staging = fs.mkdtempSync(join(parent, `.${name}.tmp-`));
    // mkdtemp creates the folder private (0700); the output is an ordinary folder.
    fs.chmodSync(staging, 0o777 & ~process.umask());
    for (const file of files) {
      const path = join(staging, ...file.path.split('/'));
      fs.mkdirSync(dirname(path), { recursive: true });
      fs.writeFileSync(path, file.contents, 'utf8');
    }
    if (fs.existsSync(target)) {
      previous = join(parent, `.${name}.old-${randomBytes(6).toString('hex')}`);
      fs.renameSync(target, previous);
    }
    try {
      fs.renameSync(staging, target);
    } catch (error) {
      if (previous !== undefined) {
        try {
          fs.renameSync(previous, target);
        } catch {
          // The previous output cannot go back: it stays where it is, and the error says where.
          const kept = previous;
          previous = undefined;
          throw new WriteError(
            `${outDir}: could not write output, nor put the previous output back; it is in ${kept}: ${(error as Error).message}`,
            { cause: error },
          );
        }
        previous = undefined;
      }
      throw error;
    }
    staging = undefined;
    replaced = true;
  } catch (error) {
    if (error instanceof WriteError) throw error;
    throw new WriteError(`${outDir}: could not write output, previous output left as it was: ${(error as Error).message}`, {
      cause: error,
    });
  } finally {
    if (staging !== undefined) fs.rmSync(staging, { recursive: true, force: true });
    if (replaced && previous !== undefined) fs.rmSync(previous, { recursive: true, force: true });
  }
}

export interface CheckResult {
  readonly stale: readonly string[];
  readonly missing: readonly string[];
  readonly extra: readonly string[];
}

/**
 * Compares `files` with what `outDir` holds; reads only regular files, writes nothing. Paths are
 * POSIX, relative to `outDir`.
 */
export function checkOutput(outDir: string, files: readonly GeneratedFile[]): CheckResult {
  const target = resolve(outDir);
  const onDisk = new Set(listFiles(target));
  const stale: string[] = [];
  const missing: string[] = [];
  for (const file of files) {
    const path = join(target, ...file.path.split('/'));
    if (!onDisk.has(file.path)) missing.push(file.path);
    // Only a regular file is read: a symlink, pipe or device in its place is stale, unread
    // (a pipe would hang the check, /dev/zero would fill memory).
    else if (!nodeFs.lstatSync(path).isFile() || nodeFs.readFileSync(path, 'utf8') !== file.contents) stale.push(file.path);
    onDisk.delete(file.path);
  }
  return { stale, missing, extra: [...onDisk].sort() };
}

export function isFresh(result: CheckResult): boolean {
  return result.stale.length === 0 && result.missing.length === 0 && result.extra.length === 0;
}

/** Every file below `root`, as POSIX paths relative to it; none when it does not exist. */
export function listFiles(root: string, prefix = ''): string[] {
  let entries: nodeFs.Dirent[];
  try {
    entries = nodeFs.readdirSync(join(root, prefix), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    return entry.isDirectory() ? listFiles(root, path) : [path];
  });
}

/**
 * Refuses a non-empty folder unless its manifest is valid and lists every file in it: any other
 * file there is someone else's, and replacing the folder would delete it.
 */
function assertOwnOutput(outDir: string, target: string): void {
  const present = listFiles(target);
  if (present.length === 0) return;
  let manifest: Manifest | undefined;
  try {
    manifest = parseManifest(nodeFs.readFileSync(join(target, MANIFEST_PATH), 'utf8'));
  } catch {
    manifest = undefined;
  }
  if (manifest === undefined) {
    throw new WriteError(
      `${outDir}: refusing to replace a folder that status-catalog did not write (it has files and no valid ${MANIFEST_PATH}); choose another --out or empty it`,
    );
  }
  const listed = new Set([MANIFEST_PATH, ...Object.keys(manifest.files)]);
  const foreign = present.filter((path) => !listed.has(path)).sort();
  if (foreign.length > 0) {
    const shown = foreign.slice(0, 3).map((path) => JSON.stringify(path)).join(', ');
    throw new WriteError(
      `${outDir}: refusing to replace it: ${foreign.length} file${foreign.length === 1 ? '' : 's'} there ${foreign.length === 1 ? 'is' : 'are'} not status-catalog's (${shown}${foreign.length > 3 ? ', …' : ''}); move ${foreign.length === 1 ? 'it' : 'them'} out or choose another --out`,
    );
  }
}

function assertInside(target: string, path: string): void {
  const full = resolve(target, ...path.split('/'));
  if (path === '' || path.startsWith('/') || !full.startsWith(target + sep)) {
    throw new WriteError(`refusing to write ${JSON.stringify(path)}: outside the output folder`);
  }
}

/**
 * Replaces one file: the new text goes to a temporary file beside it, which is then renamed
 * over it, so readers see the old file or the new one and never a half-written one.
 *
 * What `path` names is kept what it is: a symlink is followed and the file it points to is
 * replaced (the link stays a link); the file keeps its mode (and, run as root, its owner); a file the user may not write is
 * refused, not replaced; a device or FIFO (`/dev/null`, `/dev/stdout`, a pipe) is written
 * through, never renamed over.
 */
export function writeFileAtomically(path: string, text: string, fs: WriterFileSystem = nodeFs): void {
  let target = resolve(path);
  let kept: { mode: number; uid: number; gid: number } | undefined;
  if (fs.existsSync(target)) {
    target = fs.realpathSync(target);
    const stat = fs.statSync(target);
    if (stat.isDirectory()) throw new WriteError(`${path}: is a folder, not a file`);
    if (!stat.isFile()) {
      // Nothing to swap in: a device or a pipe takes the text as it comes.
      try {
        fs.writeFileSync(target, text, 'utf8');
        return;
      } catch (error) {
        throw new WriteError(`${path}: could not write: ${(error as Error).message}`, { cause: error });
      }
    }
    // Read-only for this user, or for everyone (a 0444 file, which root could still write).
    let writable = (stat.mode & 0o222) !== 0;
    try {
      fs.accessSync(target, nodeFs.constants.W_OK);
    } catch {
      writable = false;
    }
    if (!writable) throw new WriteError(`${path}: is read-only; refusing to replace it (make it writable first)`);
    kept = { mode: stat.mode & 0o7777, uid: stat.uid, gid: stat.gid };
  }
  const temporary = join(dirname(target), `.${basename(target)}.tmp-${randomBytes(6).toString('hex')}`);
  try {
    fs.writeFileSync(temporary, text, 'utf8');
    if (kept !== undefined) {
      fs.chmodSync(temporary, kept.mode);
      // Only root can give a file away; anyone else writes a file of their own, as any editor does.
      if (process.getuid?.() === 0) fs.chownSync(temporary, kept.uid, kept.gid);
    }
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw new WriteError(`${path}: could not write, the file was left as it was: ${(error as Error).message}`, { cause: error });
  }
}
