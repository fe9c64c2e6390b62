/**
 * The folder swap: puts generated files on disk all-or-nothing. Everything is written to a
 * temporary folder beside the output, then swapped in by rename, under a lock, so a failure at
 * any point leaves the previous output whole and no temporary files behind. Never builds
 * content.
 */
import * as nodeFs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { displayPath } from '../util/display-path.js';
import { realPathOf } from '../util/real-path.js';
import type { GeneratedFile } from '../targets/target.js';
import { withFileLock, type LockFileSystem } from './lock.js';
import { mountPointError } from './mount-point.js';
import { assertHoldsNoCatalog, assertReplaceable, type OwnershipFileSystem } from './ownership.js';
import { holdEndingSignals } from './signals.js';
import { WriteError } from './write-error.js';

/**
 * The file-system calls the writer makes, the lock's and the ownership check's among them;
 * tests pass a copy that fails on purpose.
 */
export type WriterFileSystem = LockFileSystem &
  OwnershipFileSystem &
  Pick<
    typeof nodeFs,
    'chmodSync' | 'existsSync' | 'mkdirSync' | 'mkdtempSync' | 'readdirSync' | 'renameSync' | 'rmSync' | 'statSync' | 'writeFileSync'
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

function assertInside(target: string, path: string): void {
  const full = resolve(target, ...path.split('/'));
  if (path === '' || path.startsWith('/') || !full.startsWith(target + sep)) {
    throw new WriteError(`refusing to write ${JSON.stringify(path)}: outside the output folder`);
  }
}
