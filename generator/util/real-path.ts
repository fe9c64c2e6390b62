/**
 * Where a path really leads, for comparing folders: two names for one folder (a symlink, `..`
 * through a link) must compare equal, or a check that two output folders are separate, or
 * that an output folder holds no catalog, is defeated by a link.
 */
import * as nodeFs from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';

/**
 * The real path of `path`: the real path of its deepest ancestor that exists, followed by the
 * components that do not exist yet (the folder a run is about to create).
 */
export function realPathOf(path: string, fs: Pick<typeof nodeFs, 'readlinkSync' | 'realpathSync'> = nodeFs): string {
  const absolute = resolve(path);
  const missing: string[] = [];
  let current = absolute;
  // Bounded as the system bounds links followed in one path (40 on Linux): a loop ends.
  for (let links = 0; ;) {
    try {
      return join(fs.realpathSync(current), ...missing);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Anything but "not there (yet)" (a loop of links, a folder that may not be searched):
      // the path as written is the best there is, and the write itself will say what is wrong.
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return absolute;
    }
    // A symlink to what does not exist yet leads where it points, not where it is.
    let target: string | undefined;
    try {
      target = fs.readlinkSync(current);
    } catch {
      target = undefined;
    }
    if (target !== undefined && links < 40) {
      links += 1;
      current = resolve(dirname(current), target);
      continue;
    }
    const parent = dirname(current);
    if (parent === current) return absolute;
    missing.unshift(basename(current));
    current = parent;
  }
}

/** Whether real path `inner` is `outer` or inside it. */
export function isWithin(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);
}
