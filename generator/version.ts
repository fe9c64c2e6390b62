/** Which generator this is: its version, and a fingerprint of its own code. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** From package.json, present both in the repository and in the installed package. */
export const GENERATOR_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

let fingerprint: string | undefined;

/**
 * A hash of the generator's code (the modules beside this one) and of the catalog schema.
 * Output written by other code is not fresh even when the version number is the same, which
 * is what `--check` must know between releases, while the generator itself is being changed.
 */
export function generatorFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const here = fileURLToPath(import.meta.url);
  const root = dirname(here);
  const ending = extname(here);
  const hash = createHash('sha256');
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]))
      .filter((path) => path.endsWith(ending) && !path.endsWith(`.d${ending}`));
  for (const path of walk(root).map((p) => relative(root, p).split('\\').join('/')).sort()) {
    hash.update(`${path}\n`).update(readFileSync(join(root, path)));
  }
  hash.update(readFileSync(new URL('../data/catalog.schema.json', import.meta.url)));
  fingerprint = `sha256-${hash.update(GENERATOR_VERSION).digest('hex')}`;
  return fingerprint;
}
