/**
 * The manifest written beside the outputs: which generator wrote them, from which catalog,
 * and a hash of every file. It marks a folder as status-catalog's own (the writer only ever
 * replaces such folders) and lets anyone verify the outputs were not edited by hand.
 */
import { createHash } from 'node:crypto';
import type { GeneratedFile } from './emit/files.js';

export const MANIFEST_PATH = '.status-catalog.json';

export function emitManifest(files: readonly GeneratedFile[], info: { generatorVersion: string; catalog: string }): GeneratedFile {
  const hashes: Record<string, string> = {};
  for (const file of files) {
    hashes[file.path] = `sha256-${createHash('sha256').update(file.contents, 'utf8').digest('hex')}`;
  }
  const manifest = {
    generator: 'status-catalog',
    generatorVersion: info.generatorVersion,
    catalog: info.catalog,
    files: hashes,
  };
  return { path: MANIFEST_PATH, contents: `${JSON.stringify(manifest, null, 2)}\n` };
}
