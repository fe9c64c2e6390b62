/**
 * Mount points (a container volume): an output folder is replaced by renaming it, which a
 * mount point cannot be, and the new output, written beside it on another file system, could
 * not be renamed into it.
 */
import * as nodeFs from 'node:fs';
import { join } from 'node:path';
import { displayPath } from '../util/display-path.js';
import { WriteError } from './write-error.js';

/**
 * Whether a real path is a mount point, by the kernel's list (/proc/self/mountinfo). Not by
 * device numbers: a btrfs subvolume has a device of its own and renames like any folder.
 * False where there is no such list: a rename of a mount point then fails with EBUSY, which
 * the folder swap reports the same way.
 */
export function isMountPoint(realPath: string, fs: Pick<typeof nodeFs, 'readFileSync'> = nodeFs): boolean {
  let table: string;
  try {
    table = fs.readFileSync('/proc/self/mountinfo', 'utf8');
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

export function mountPointError(outDir: string, cause?: unknown): WriteError {
  const shown = displayPath(outDir);
  return new WriteError(
    `${shown}: is a mount point (a volume?), and status-catalog replaces an output folder by renaming it, which a mount point cannot be; name a folder inside it instead (such as ${displayPath(join(outDir, 'generated'))}); nothing was changed`,
    { cause },
  );
}
