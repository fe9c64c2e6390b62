/**
 * `--check`: compares generated files with what an output folder holds; reads only regular
 * files, writes nothing.
 */
import * as nodeFs from 'node:fs';
import { join, resolve } from 'node:path';
import type { GeneratedFile } from '../targets/target.js';
import { readRegularFile } from '../util/read-file.js';
import { listFiles, type OutputFolderFileSystem } from './output-folder.js';

/** The file-system calls the check makes; tests pass a copy that fails on purpose. */
export type CheckFileSystem = OutputFolderFileSystem & Pick<typeof nodeFs, 'lstatSync'>;

export interface CheckResult {
  readonly stale: readonly string[];
  readonly missing: readonly string[];
  readonly extra: readonly string[];
}

/**
 * Compares `files` with what `outDir` holds; reads only regular files, writes nothing. Paths are
 * POSIX, relative to `outDir`.
 */
export function checkOutput(outDir: string, files: readonly GeneratedFile[], fs: CheckFileSystem = nodeFs): CheckResult {
  const target = resolve(outDir);
  const onDisk = new Set(listFiles(target, fs));
  const stale: string[] = [];
  const missing: string[] = [];
  for (const file of files) {
    if (!onDisk.has(file.path)) missing.push(file.path);
    else if (!holdsExactly(join(target, ...file.path.split('/')), file.contents, fs)) stale.push(file.path);
    onDisk.delete(file.path);
  }
  return { stale, missing, extra: [...onDisk].sort() };
}

export function isFresh(result: CheckResult): boolean {
  return result.stale.length === 0 && result.missing.length === 0 && result.extra.length === 0;
}

/**
 * Whether `path` holds exactly `contents`. Only a regular file of the same size is read, and no
 * further than that size: anything else in its place is stale, unread (a pipe would hang the
 * check, /dev/zero would fill memory, a 2 GB file would not fit in a string). A symlink is
 * stale too: the generator never writes one.
 */
function holdsExactly(path: string, contents: string, fs: CheckFileSystem): boolean {
  const expected = Buffer.from(contents, 'utf8');
  try {
    const stat = fs.lstatSync(path);
    if (!stat.isFile() || stat.size !== expected.length) return false;
    return readRegularFile(path, { maxBytes: expected.length, followSymlinks: false, fs }).equals(expected);
  } catch {
    // Gone since it was listed, or unreadable: not what generating would write.
    return false;
  }
}
