/** Which generator this is: its version, and a fingerprint of its own code. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
  dependencies?: Record<string, string>;
};

/** From package.json, present both in the repository and in the installed package. */
export const GENERATOR_VERSION: string = PACKAGE.version;

/** The version of an installed dependency, from the package.json above its entry point. */
function installedVersion(name: string): string {
  try {
    let dir = dirname(fileURLToPath(import.meta.resolve(name)));
    for (;;) {
      try {
        const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (manifest.name === name) return manifest.version ?? 'unknown';
      } catch {
        // No package.json here: keep climbing.
      }
      const parent = dirname(dir);
      if (parent === dir) return 'unknown';
      dir = parent;
    }
  } catch {
    return 'missing';
  }
}

let fingerprint: string | undefined;

/**
 * A hash of everything besides the catalog that the output depends on: the generator's code
 * (the modules beside this one), the catalog schema, the version of every runtime dependency
 * (js-yaml writes the YAML, prettier measures line widths…). Output written by anything else
 * is not fresh for `--check`, even when the version number is the same. Node's own version is
 * left out on purpose: the output must be the same on every machine.
 */
export function generatorFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const here = fileURLToPath(import.meta.url);
  // This module sits in util/: the generator's code is the folder above.
  const root = dirname(dirname(here));
  const ending = extname(here);
  const hash = createHash('sha256');
  /** The files under a folder ending in `end` (declarations left out), as sorted POSIX paths relative to it. */
  const walk = (dir: string, end: string): string[] => {
    const files = (at: string): string[] =>
      readdirSync(at, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? files(join(at, entry.name)) : [join(at, entry.name)],
      );
    return files(dir)
      .filter((path) => path.endsWith(end) && !path.endsWith(`.d${end}`))
      .map((path) => relative(dir, path).split('\\').join('/'))
      .sort();
  };
  for (const path of walk(root, ending)) hash.update(`${path}\n`).update(readFileSync(join(root, path)));
  // The runtime modules are copied into outputs as TypeScript, whatever this module's ending
  // (the adapters among them in runtime/adapters/).
  const runtime = join(root, 'targets', 'typescript', 'runtime');
  for (const name of walk(runtime, '.ts')) hash.update(`runtime/${name}\n`).update(readFileSync(join(runtime, name)));
  // So are the HTML reference's style and script, inlined into every page.
  const page = join(root, 'targets', 'docs', 'page');
  for (const name of readdirSync(page).sort()) hash.update(`page/${name}\n`).update(readFileSync(join(page, name)));
  hash.update(readFileSync(new URL('../../data/catalog.schema.json', import.meta.url)));
  for (const name of Object.keys(PACKAGE.dependencies ?? {}).sort()) hash.update(`\n${name}@${installedVersion(name)}`);
  fingerprint = `sha256-${hash.update(GENERATOR_VERSION).digest('hex')}`;
  return fingerprint;
}
