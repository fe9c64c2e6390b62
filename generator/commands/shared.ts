/**
 * What every command shares: one-line messages, usage errors, argument parsing, loading the
 * catalog with its warnings. Commands print and return an exit code; cli.ts only dispatches.
 */
import { existsSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Catalog } from '../catalog/types.js';
import { CatalogError, formatDiagnostic } from '../util/diagnostics.js';

export const DEFAULT_CATALOG = 'data/status-codes.yaml';
export const DEFAULT_OUT = 'output';

/** A mistake in the command line: exit 2, with a pointer to --help. */
export class UsageError extends Error {}

// Control characters are the point here: each is shown escaped.
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_A_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * Writes one line of a message. User-given names (file paths, folders) are in these lines, and
 * CI systems read lines: a control character or line break in a name is shown escaped, so a
 * message is always one line and no name can start a line of its own (`::warning` in a CI log).
 */
export function say(stream: NodeJS.WriteStream, text: string): void {
  stream.write(`${text.replace(UNSAFE_IN_A_LINE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`);
}

export const COMMON_OPTIONS = {
  catalog: { type: 'string' },
  strict: { type: 'boolean', default: false },
  debug: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const satisfies ParseArgsConfig['options'];

/** What parse returns for a command's options: the values typed by them, and the positionals. */
export type Parsed<O extends NonNullable<ParseArgsConfig['options']>> = ReturnType<
  typeof parseArgs<{ args: string[]; allowPositionals: true; strict: true; options: O }>
>;

export function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], options: O): Parsed<O> {
  try {
    return parseArgs({ args: [...args], allowPositionals: true, strict: true, options });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n', 1)[0]);
  }
}

/** Refuses positionals beyond the `expected` ones (the command name counts as one). */
export function noMoreArguments(positionals: readonly string[], expected: number): void {
  if (positionals.length > expected) throw new UsageError(`unexpected argument "${positionals[expected]}"`);
}

/**
 * The catalog a command reads: `--catalog` or the default. A missing one is an error that says
 * what to do, since a first run in a new project has none yet.
 */
export function catalogPathOf(value: string | undefined): string {
  if (value === '') throw new UsageError('--catalog needs a file');
  const path = value ?? DEFAULT_CATALOG;
  if (!existsSync(path)) {
    throw new CatalogError([
      {
        file: path,
        line: 0,
        column: 0,
        path: '(catalog)',
        message:
          value === undefined
            ? 'cannot read catalog: no such file; create one with "status-catalog init", or name yours with --catalog FILE'
            : `cannot read catalog: no such file; create it with "status-catalog init --catalog ${value}"`,
      },
    ]);
  }
  return path;
}

/** Prints a loaded catalog's warnings; under --strict they stop the command (undefined). */
export function acceptWarnings(catalog: Catalog, strict: boolean): Catalog | undefined {
  for (const warning of catalog.warnings) say(process.stderr, formatDiagnostic(warning));
  if (strict && catalog.warnings.length > 0) {
    say(process.stderr, `status-catalog: ${catalog.warnings.length} warning(s) and --strict: nothing done`);
    return undefined;
  }
  return catalog;
}
