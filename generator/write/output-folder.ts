/**
 * What an output folder holds, as the generator sees it: the files in it, and the manifest it
 * wrote there, if any.
 */
import * as nodeFs from 'node:fs';
import { join } from 'node:path';
import { MAX_MANIFEST_BYTES } from '../util/limits.js';
import { readRegularFile, type ReadFileSystem } from '../util/read-file.js';
import { MANIFEST_PATH, parseManifest, type Manifest } from './manifest.js';

/** The file-system calls reading an output folder makes. */
export type OutputFolderFileSystem = ReadFileSystem & Pick<typeof nodeFs, 'readdirSync'>;

/**
 * The manifest of a folder the generator wrote, or undefined when it has none that is valid.
 * The generator writes it as a regular file: a symlink, a pipe, a device or a file past
 * MAX_MANIFEST_BYTES in its place is no manifest, and is never read.
 */
export function readOwnManifest(dir: string, fs: ReadFileSystem = nodeFs): Manifest | undefined {
  try {
    const text = readRegularFile(join(dir, MANIFEST_PATH), { maxBytes: MAX_MANIFEST_BYTES, followSymlinks: false, fs }).toString('utf8');
    return parseManifest(text);
  } catch {
    return undefined;
  }
}

/**
 * Every file below `root`, as POSIX paths relative to it; none when it does not exist. A folder
 * that cannot be read is skipped, as if empty, unless `unreadable` is 'throw': then only one
 * that is gone is (a folder about to be deleted must be seen whole).
 */
export function listFiles(
  root: string,
  fs: Pick<OutputFolderFileSystem, 'readdirSync'> = nodeFs,
  unreadable: 'skip' | 'throw' = 'skip',
): string[] {
  const below = (prefix: string): string[] => {
    let entries: nodeFs.Dirent[];
    try {
      entries = fs.readdirSync(join(root, prefix), { withFileTypes: true });
    } catch (error) {
      if (unreadable === 'throw' && (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      return [];
    }
    return entries.flatMap((entry) => {
      const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      return entry.isDirectory() ? below(path) : [path];
    });
  };
  return below('');
}
