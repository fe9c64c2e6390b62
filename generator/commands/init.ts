/**
 * `status-catalog init`: starts a project's catalog from one the package ships, so that the
 * next command, `status-catalog generate`, has something to read.
 */
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WriteError } from '../write/write-error.js';
import { DEFAULT_CATALOG, noMoreArguments, parse, say, UsageError } from './shared.js';

export const INIT_OPTIONS = {
  from: { type: 'string' },
  catalog: { type: 'string' },
  debug: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** The catalogs the package ships (data/, beside dist/), by the name `--from` takes. */
export const STARTERS = {
  iana: { file: 'iana.yaml', what: 'the IANA status code registry' },
  s3m: { file: 'status-codes.yaml', what: 'the S3M status code table' },
} as const;

type StarterName = keyof typeof STARTERS;

/** Where the package's data files are: data/ at the package root, two levels above dist/commands/. */
export function packageDataFile(name: string): string {
  return fileURLToPath(new URL(`../../data/${name}`, import.meta.url));
}

export async function runInit(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse(argv, INIT_OPTIONS);
  noMoreArguments(positionals, 1);
  const from = values.from ?? 'iana';
  if (!Object.hasOwn(STARTERS, from)) {
    throw new UsageError(
      `--from: "${from}" is not a starting catalog; choose ${Object.keys(STARTERS)
        .map((name) => `"${name}"`)
        .join(' or ')}`,
    );
  }
  if (values.catalog === '') throw new UsageError('--catalog needs a file');
  const target = values.catalog ?? DEFAULT_CATALOG;
  const starter = STARTERS[from as StarterName];
  const text = await catalogText(readFileSync(packageDataFile(starter.file), 'utf8'), target);
  createFile(target, text);
  const statuses = text.match(/^ {2}- status: /gm)?.length ?? (JSON.parse(text) as { statuses: unknown[] }).statuses.length;
  const next = values.catalog === undefined ? 'status-catalog generate' : `status-catalog generate --catalog ${target}`;
  say(process.stdout, `status-catalog: wrote ${target} from ${starter.what} (${statuses} statuses); edit it, then run: ${next}`);
  return 0;
}

/**
 * The starter's text for `target`: its schema comment pointing at the schema this package ships
 * (so editors check the new file), or for a `.json` target the same data as JSON with "$schema".
 */
async function catalogText(starter: string, target: string): Promise<string> {
  const schema = relative(dirname(resolve(target)), packageDataFile('catalog.schema.json'))
    .split('\\')
    .join('/');
  if (extname(target).toLowerCase() === '.json') {
    // JSON has no comments: what the YAML says in them (the source, the date) is in the data's title and version.
    // The starters are plain YAML 1.2 without aliases: js-yaml reads them as the generator does.
    const data = (await import('js-yaml')).load(starter) as Record<string, unknown>;
    return `${JSON.stringify({ $schema: schema, ...data }, null, 2)}\n`;
  }
  return starter.replace(/^# yaml-language-server: \$schema=.*$/m, `# yaml-language-server: $schema=${schema}`);
}

/**
 * Creates `path` with `text`, never over an existing file, and never half-written: the text goes
 * to a temporary file beside it, which is then hard-linked to the name (a link fails when the
 * name exists, atomically, where a rename would replace it).
 */
function createFile(path: string, text: string): void {
  const target = resolve(path);
  try {
    mkdirSync(dirname(target), { recursive: true });
  } catch (error) {
    throw new WriteError(`${path}: could not create its folder: ${(error as Error).message}`, { cause: error });
  }
  const temporary = join(dirname(target), `.${basename(target)}.tmp-${randomBytes(6).toString('hex')}`);
  try {
    writeFileSync(temporary, text, { encoding: 'utf8', flag: 'wx' });
    linkSync(temporary, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new WriteError(`${path}: exists; init never replaces a catalog (remove it first, or name another file with --catalog)`);
    }
    throw new WriteError(`${path}: could not write: ${(error as Error).message}`, { cause: error });
  } finally {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was made under a name the system refuses (ENAMETOOLONG): nothing to remove.
    }
  }
}
