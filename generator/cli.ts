#!/usr/bin/env node
/**
 * Command line: argument parsing, exit codes and messages. Exit 0 on success, 1 on invalid
 * input or stale output, 2 on a usage error. User errors are one line each, never a stack
 * trace (unless --debug).
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { CatalogError, formatDiagnostic } from './diagnostics.js';
import { generate } from './generate.js';
import { loadCatalog } from './index.js';
import { GENERATOR_VERSION } from './version.js';
import { checkOutput, isFresh, writeAtomically, WriteError } from './write.js';

const DEFAULT_CATALOG = 'data/status-codes.yaml';
const DEFAULT_OUT = 'output';

const HELP = `status-catalog ${GENERATOR_VERSION}
Generates an OpenAPI components fragment, TypeScript and a Markdown reference from one catalog of HTTP statuses.

Usage:
  status-catalog generate [--catalog FILE] [--out DIR] [--check] [--strict]
  status-catalog --help | --version

Options:
  --catalog FILE  catalog to read, YAML or JSON (default: ${DEFAULT_CATALOG})
  --out DIR       folder the generator owns and replaces as a whole (default: ${DEFAULT_OUT})
  --check         write nothing; exit 1 and name each stale, missing or extra file
  --strict        treat warnings (suspicious catalog entries) as errors
  --debug         show stack traces of unexpected errors
  -h, --help      show this help
  -v, --version   show the version

Exit codes: 0 done, 1 invalid catalog (or warnings with --strict), stale output or write failure,
2 usage error, 70 internal error (a bug: please report it with --debug output).
`;

class UsageError extends Error {}

async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        catalog: { type: 'string' },
        out: { type: 'string' },
        check: { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        debug: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n', 1)[0]);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${GENERATOR_VERSION}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (command === undefined) throw new UsageError('missing command; the only command is "generate"');
  if (command !== 'generate') throw new UsageError(`unknown command "${command}"; the only command is "generate"`);
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
  if (values.catalog === '') throw new UsageError('--catalog needs a file');
  if (values.out === '') throw new UsageError('--out needs a folder');

  const catalogPath = values.catalog ?? DEFAULT_CATALOG;
  const outDir = values.out ?? DEFAULT_OUT;
  const catalog = loadCatalog(catalogPath);
  for (const warning of catalog.warnings) process.stderr.write(`${formatDiagnostic(warning)}\n`);
  if (values.strict && catalog.warnings.length > 0) {
    process.stderr.write(`status-catalog: ${catalog.warnings.length} warning(s) and --strict: nothing generated\n`);
    return 1;
  }
  const files = await generate(catalog);
  if (values.check) {
    const result = checkOutput(outDir, files);
    if (isFresh(result)) {
      process.stdout.write(`status-catalog: ${outDir} is up to date (${files.length} files)\n`);
      return 0;
    }
    const show = (path: string): string => relative('.', `${outDir}/${path}`) || path;
    for (const path of result.stale) process.stderr.write(`stale: ${show(path)}\n`);
    for (const path of result.missing) process.stderr.write(`missing: ${show(path)}\n`);
    for (const path of result.extra) process.stderr.write(`extra: ${show(path)}\n`);
    process.stderr.write(`status-catalog: ${outDir} does not match ${catalogPath}; run status-catalog generate\n`);
    return 1;
  }
  writeAtomically(outDir, files);
  process.stdout.write(
    `status-catalog: wrote ${files.length} files to ${outDir} (${catalog.data.service}, ${catalog.data.statuses.length} statuses, ${catalog.data.errors?.length ?? 0} error codes)\n`,
  );
  return 0;
}

const debug = process.argv.includes('--debug');
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`status-catalog: ${error.message}\nRun status-catalog --help for usage.\n`);
      process.exitCode = 2;
    } else if (error instanceof CatalogError) {
      for (const diagnostic of error.diagnostics) process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
      process.exitCode = 1;
    } else if (error instanceof WriteError) {
      process.stderr.write(`status-catalog: ${error.message}\n`);
      if (debug) process.stderr.write(`${String((error.cause as Error | undefined)?.stack ?? error.stack)}\n`);
      process.exitCode = 1;
    } else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`status-catalog: internal error: ${message.split('\n', 1)[0]}${debug ? '' : ' (run with --debug for details)'}\n`);
      if (debug && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
      process.exitCode = 70;
    }
  },
);
