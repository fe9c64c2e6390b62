/**
 * Whether an output folder may be replaced. Replacing deletes it, so it is refused unless
 * everything in it is status-catalog's own: a folder that exists and is not empty must hold a
 * valid manifest that lists every file in it, and none of the catalog files the output was
 * made from may be inside it.
 */
import * as nodeFs from 'node:fs';
import { relative } from 'node:path';
import { displayPath } from '../util/display-path.js';
import { isWithin, realPathOf } from '../util/real-path.js';
import { MANIFEST_PATH } from './manifest.js';
import { isMountPoint, mountPointError } from './mount-point.js';
import { listFiles, readOwnManifest, type OutputFolderFileSystem } from './output-folder.js';
import { WriteError } from './write-error.js';

/** The file-system calls the ownership check makes. */
export type OwnershipFileSystem = OutputFolderFileSystem &
  Pick<typeof nodeFs, 'existsSync' | 'readFileSync' | 'readlinkSync' | 'realpathSync' | 'statSync'>;

/**
 * Whether writeAtomically would refuse `outDir` (a folder that is not status-catalog's, or one
 * holding a catalog file), checked without writing: a run that writes several folders checks
 * every one of them first, so that a refusal leaves all of them as they were.
 */
export function assertWritableOutput(outDir: string, keep: readonly string[] = [], fs: OwnershipFileSystem = nodeFs): void {
  const target = realPathOf(outDir, fs);
  assertHoldsNoCatalog(outDir, target, keep, fs);
  assertReplaceable(outDir, target, fs);
}

/** Compared by real paths: a catalog reached through a symlinked folder is still inside. */
export function assertHoldsNoCatalog(outDir: string, target: string, keep: readonly string[], fs: OwnershipFileSystem): void {
  const kept = keep.find((path) => isWithin(realPathOf(path, fs), target));
  if (kept !== undefined) {
    throw new WriteError(
      `${displayPath(outDir)}: refusing to write over a folder that holds the catalog ${displayPath(relative('.', kept) || kept)}; choose another output folder`,
    );
  }
}

/** Refuses `target` (the real path of `outDir`) unless it is absent, or a folder of status-catalog's own that can be renamed. */
export function assertReplaceable(outDir: string, target: string, fs: OwnershipFileSystem): void {
  if (!fs.existsSync(target)) return;
  if (!fs.statSync(target).isDirectory()) throw new WriteError(`${displayPath(outDir)}: exists and is not a folder`);
  // A mount point (a container volume) cannot be renamed, and the new output, written beside
  // it on another file system, could not be renamed into it: refused before anything is written.
  if (isMountPoint(target, fs)) throw mountPointError(outDir);
  assertOwnOutput(outDir, target, fs);
}

/**
 * Refuses a non-empty folder unless its manifest is valid and lists every file in it: any other
 * file there is someone else's, and replacing the folder would delete it.
 */
function assertOwnOutput(outDir: string, target: string, fs: OutputFolderFileSystem): void {
  let present: string[];
  try {
    present = listFiles(target, fs, 'throw');
  } catch (error) {
    // A folder that cannot be listed may hold anything: taken for empty, it would be deleted unseen.
    throw new WriteError(
      `${displayPath(outDir)}: refusing to replace it: could not see everything it holds (${(error as Error).message}); nothing was changed`,
      { cause: error },
    );
  }
  if (present.length === 0) return;
  const manifest = readOwnManifest(target, fs);
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
