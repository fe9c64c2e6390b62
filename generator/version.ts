/** The generator's own version, from package.json (present both in the repository and in the installed package). */
import { readFileSync } from 'node:fs';

export const GENERATOR_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
