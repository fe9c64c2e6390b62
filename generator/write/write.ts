/**
 * Write stage: puts generated files on disk all-or-nothing, or compares them with what is
 * there. Never builds content.
 */
import * as nodeFs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { displayPath } from '../util/display-path.js';
import type { GeneratedFile } from '../targets/target.js';
import { MAX_MANIFEST_BYTES } from '../util/limits.js';
import { withFileLock } from './lock.js';
import { MANIFEST_PATH, parseManifest, type Manifest } from './manifest.js';
import { readRegularFile } from '../util/read-file.js';
import { isWithin, realPathOf } from '../util/real-path.js';
import { WriteError } from './write-error.js';

export { WriteError } from './write-error.js';

/** The file-system calls the writer makes; tests pass a copy that fails on purpose. */
export type WriterFileSystem = Pick<
  typeof nodeFs,
  | 'accessSync'
  | 'chmodSync'
  | 'chownSync'
  | 'existsSync'
  | 'lstatSync'
  | 'mkdirSync'
  | 'mkdtempSync'
  | 'readdirSync'
  | 'readlinkSync'
  | 'realpathSync'
  | 'renameSync'
  | 'rmSync'
  | 'statSync'
  | 'writeFileSync'
>;

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
): WriteReport {
  // A symlinked output folder stays a link: the folder it points to is the one replaced.
  const target = realPathOf(outDir, fs);
  for (const file of files) assertInside(target, file.path);
  assertHoldsNoCatalog(outDir, target, keep, fs);
  const parent = dirname(target);
  const name = basename(target);
  try {
    fs.mkdirSync(parent, { recursive: true });
  } catch (error) {
    throw new WriteError(`${displayPath(outDir)}: could not create its parent folder: ${(error as Error).message}`, { cause: error });
  }
  return withFileLock(
    join(parent, `.${name}.lock`),
    outDir,
    () => {
      const warnings = recoverInterruptedWrite(outDir, parent, name, fs);
      assertReplaceable(outDir, target, fs);
      swapIn(outDir, parent, name, files, fs, warnings);
      return { warnings };
    },
    { fs },
  );
}

/**
 * Whether writeAtomically would refuse `outDir` (a folder that is not status-catalog's, or one
 * holding a catalog file), checked without writing: a run that writes several folders checks
 * every one of them first, so that a refusal leaves all of them as they were.
 */
export function assertWritableOutput(outDir: string, keep: readonly string[] = [], fs: WriterFileSystem = nodeFs): void {
  const target = realPathOf(outDir, fs);
  assertHoldsNoCatalog(outDir, target, keep, fs);
  assertReplaceable(outDir, target, fs);
}

/** Compared by real paths: a catalog reached through a symlinked folder is still inside. */
function assertHoldsNoCatalog(outDir: string, target: string, keep: readonly string[], fs: WriterFileSystem): void {
  const kept = keep.find((path) => isWithin(realPathOf(path, fs), target));
  if (kept !== undefined) {
    throw new WriteError(
      `${displayPath(outDir)}: refusing to write over a folder that holds the catalog ${displayPath(relative('.', kept) || kept)}; choose another output folder`,
    );
  }
}

function assertReplaceable(outDir: string, target: string, fs: WriterFileSystem): void {
  if (!fs.existsSync(target)) return;
  if (!fs.statSync(target).isDirectory()) throw new WriteError(`${displayPath(outDir)}: exists and is not a folder`);
  // A mount point (a container volume) cannot be renamed, and the new output, written beside
  // it on another file system, could not be renamed into it: refused before anything is written.
  if (isMountPoint(target)) throw mountPointError(outDir);
  assertOwnOutput(outDir, target);
}

/**
 * Whether a real path is a mount point, by the kernel's list (/proc/self/mountinfo). Not by
 * device numbers: a btrfs subvolume has a device of its own and renames like any folder.
 * False where there is no such list: a rename of a mount point then fails with EBUSY, which
 * swapIn reports the same way.
 */
export function isMountPoint(realPath: string): boolean {
  let table: string;
  try {
    table = nodeFs.readFileSync('/proc/self/mountinfo', 'utf8');
  } catch {
    return false;
  }
  // Field 5 is the mount point, with space, tab, line feed and backslash written in octal.
  return table
    .split('\n')
    .some(
      (line) => line.split(' ')[4]?.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8))) === realPath,
    );
}

function mountPointError(outDir: string, cause?: unknown): WriteError {
  const shown = displayPath(outDir);
  return new WriteError(
    `${shown}: is a mount point (a volume?), and status-catalog replaces an output folder by renaming it, which a mount point cannot be; name a folder inside it instead (such as ${displayPath(join(outDir, 'generated'))}); nothing was changed`,
    { cause },
  );
}

/** What a write leaves to say: warnings that did not stop it. */
export interface WriteReport {
  readonly warnings: readonly string[];
}

/**
 * Puts right what an interrupted run left (a crash or a kill between its steps), under the
 * lock, so nothing else is writing: an output that was moved aside and never replaced is put
 * back, and temporary and old copies are removed.
 */
function recoverInterruptedWrite(outDir: string, parent: string, name: string, fs: WriterFileSystem): string[] {
  const warnings: string[] = [];
  const target = join(parent, name);
  const leftovers = fs.readdirSync(parent).filter((entry) => entry.startsWith(`.${name}.tmp-`) || entry.startsWith(`.${name}.old-`));
  // The newest copy moved aside is the output that was there last.
  const olds = leftovers
    .filter((entry) => entry.startsWith(`.${name}.old-`))
    .sort((a, b) => fs.statSync(join(parent, b)).mtimeMs - fs.statSync(join(parent, a)).mtimeMs);
  const restored = !fs.existsSync(target) && olds.length > 0 ? olds[0] : undefined;
  if (restored !== undefined) {
    fs.renameSync(join(parent, restored), target);
    warnings.push(`${displayPath(outDir)}: put back the output an interrupted run had moved aside`);
  }
  for (const entry of leftovers) {
    if (entry === restored) continue;
    try {
      fs.rmSync(join(parent, entry), { recursive: true, force: true });
    } catch (error) {
      warnings.push(
        `${displayPath(outDir)}: could not remove ${displayPath(entry)}, left by an interrupted run: ${(error as Error).message}`,
      );
    }
  }
  return warnings;
}

/** The signals whose default is to end the process at once. */
const ENDING_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * A write is synchronous, so no JavaScript runs until it ends; but a signal's default action
 * ends the process at once, mid-write, leaving a temporary folder or no output at all. With a
 * listener installed, a signal waits for the write to end (whole, cleaned up) and is then
 * raised again with its default action, unless the program has listeners of its own, which
 * then decide. Installed once, on the first write; each listener removes itself when it fires.
 */
function holdEndingSignals(): void {
  for (const signal of ENDING_SIGNALS) {
    if (process.listeners(signal).includes(raiseAgain)) continue;
    process.on(signal, raiseAgain);
  }
}

function raiseAgain(signal: NodeJS.Signals): void {
  process.removeListener(signal, raiseAgain);
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

/**
 * Writes `files` into a temporary folder beside the output and swaps it in by rename; on any
 * failure the previous output stays and nothing temporary is left, and a signal waits for the
 * write to end.
 */
function swapIn(
  outDir: string,
  parent: string,
  name: string,
  files: readonly GeneratedFile[],
  fs: WriterFileSystem,
  warnings: string[],
): void {
  const target = join(parent, name);
  let staging: string | undefined;
  let previous: string | undefined;
  // Set once the new output is in place: only then may the previous one be deleted.
  let replaced = false;
  holdEndingSignals();
  try {
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
            `${displayPath(outDir)}: could not write output, nor put the previous output back; it is in ${displayPath(kept)}: ${(error as Error).message}`,
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
    const code = (error as NodeJS.ErrnoException).code;
    // A bind mount on the same file system passes the device check, and fails here.
    if (code === 'EBUSY' || code === 'EXDEV') throw mountPointError(outDir, error);
    throw new WriteError(`${displayPath(outDir)}: could not write output, previous output left as it was: ${(error as Error).message}`, {
      cause: error,
    });
  } finally {
    if (staging !== undefined) fs.rmSync(staging, { recursive: true, force: true });
    if (replaced && previous !== undefined) {
      try {
        fs.rmSync(previous, { recursive: true, force: true });
      } catch (error) {
        // The new output is in place: a previous one that will not go is a leftover, not a failure.
        warnings.push(
          `${displayPath(outDir)}: written, but the previous output could not be removed (${displayPath(basename(previous))}): ${(error as Error).message}`,
        );
      }
    }
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
    if (!onDisk.has(file.path)) missing.push(file.path);
    else if (!holdsExactly(join(target, ...file.path.split('/')), file.contents)) stale.push(file.path);
    onDisk.delete(file.path);
  }
  return { stale, missing, extra: [...onDisk].sort() };
}

/**
 * Whether `path` holds exactly `contents`. Only a regular file of the same size is read, and no
 * further than that size: anything else in its place is stale, unread (a pipe would hang the
 * check, /dev/zero would fill memory, a 2 GB file would not fit in a string). A symlink is
 * stale too: the generator never writes one.
 */
function holdsExactly(path: string, contents: string): boolean {
  const expected = Buffer.from(contents, 'utf8');
  try {
    const stat = nodeFs.lstatSync(path);
    if (!stat.isFile() || stat.size !== expected.length) return false;
    return readRegularFile(path, { maxBytes: expected.length, followSymlinks: false }).equals(expected);
  } catch {
    // Gone since it was listed, or unreadable: not what generating would write.
    return false;
  }
}

/**
 * The manifest of a folder the generator wrote, or undefined when it has none that is valid.
 * The generator writes it as a regular file: a symlink, a pipe, a device or a file past
 * MAX_MANIFEST_BYTES in its place is no manifest, and is never read.
 */
export function readOwnManifest(dir: string): Manifest | undefined {
  try {
    const text = readRegularFile(join(dir, MANIFEST_PATH), { maxBytes: MAX_MANIFEST_BYTES, followSymlinks: false }).toString('utf8');
    return parseManifest(text);
  } catch {
    return undefined;
  }
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
  const manifest = readOwnManifest(target);
  if (manifest === undefined) {
    throw new WriteError(
      `${displayPath(outDir)}: refusing to replace a folder that status-catalog did not write (it has files and no valid ${MANIFEST_PATH}); choose another output folder or empty it`,
    );
  }
  const listed = new Set([MANIFEST_PATH, ...Object.keys(manifest.files)]);
  const foreign = present.filter((path) => !listed.has(path)).sort();
  if (foreign.length > 0) {
    const shown = foreign
      .slice(0, 3)
      .map((path) => displayPath(JSON.stringify(path)))
      .join(', ');
    throw new WriteError(
      `${displayPath(outDir)}: refusing to replace it: ${foreign.length} file${foreign.length === 1 ? '' : 's'} there ${foreign.length === 1 ? 'is' : 'are'} not status-catalog's (${shown}${foreign.length > 3 ? ', …' : ''}); move ${foreign.length === 1 ? 'it' : 'them'} out or choose another output folder`,
    );
  }
}

function assertInside(target: string, path: string): void {
  const full = resolve(target, ...path.split('/'));
  if (path === '' || path.startsWith('/') || !full.startsWith(target + sep)) {
    throw new WriteError(`refusing to write ${JSON.stringify(path)}: outside the output folder`);
  }
}
