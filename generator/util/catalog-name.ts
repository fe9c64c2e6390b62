import { basename } from 'node:path';

/** The catalog's name as outputs and the manifest show it: its base name, reduced to safe characters. */
export function catalogName(file: string): string {
  return basename(file).replace(/[^A-Za-z0-9._-]/g, '_');
}
