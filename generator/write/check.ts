/**
 * `--check`: compares generated files with what an output folder holds; reads only regular
 * files, writes nothing.
 */
import * as nodeFs from 'node:fs';
import { join, resolve } from 'node:path';
import type { GeneratedFile } from '../targets/target.js';
import { readRegularFile } from '../util/read-file.js';
import { listFiles } from './output-folder.js';

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

export function isFresh(result: CheckResult): boolean {
  return result.stale.length === 0 && result.missing.length === 0 && result.extra.length === 0;
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
