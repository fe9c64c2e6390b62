#!/usr/bin/env node
/**
 * Command line: argument parsing, exit codes and messages. Exit 0 on success, 1 on invalid
 * input, stale output or a failed write, 2 on a usage error, 70 on an internal error. User
 * errors are one line each, never a stack trace (unless --debug).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Catalog } from './catalog.js';
import { CatalogError, formatDiagnostic } from './diagnostics.js';
import { outputLooksFresh, recordGeneratedOutput } from './freshness.js';
import { Timings } from './timings.js';
import { GENERATOR_VERSION } from './version.js';
import { checkOutput, isFresh, listFiles, writeAtomically, writeFileAtomically, WriteError } from './write.js';
import { MANIFEST_PATH, parseManifest } from './manifest.js';
import { MAX_SPEC_BYTES } from './limits.js';

// The YAML parsers, the validator and the emitters are loaded when a command needs them, so
// that `--check` on fresh output and `--help` start in a few tens of milliseconds.
const pipeline = async () => {
  const [index, load, validate, generate, emitter, merge, model] = await Promise.all([
    import('./index.js'),
    import('./load.js'),
    import('./validate.js'),
    import('./generate.js'),
    import('./typescript-emitter.js'),
    import('./merge.js'),
    import('./model.js'),
  ]);
  return {
    loadCatalog: index.loadCatalog,
    readCatalogChain: load.readCatalogChain,
    validateCatalog: validate.validateCatalog,
    generate: generate.generate,
    startTypeScriptEmitter: emitter.startTypeScriptEmitter,
    mergeSpec: merge.mergeSpec,
    buildModel: model.buildModel,
    decodeUtf8: load.decodeUtf8,
  };
};

/**
 * Writes one line of a message. User-given names (file paths, folders) are in these lines, and
 * CI systems read lines: a control character or line break in a name is shown escaped, so a
 * message is always one line and no name can start a line of its own (`::warning` in a CI log).
 */
function say(stream: NodeJS.WriteStream, text: string): void {
  stream.write(`${text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`);
}

const DEFAULT_CATALOG = 'data/status-codes.yaml';
const DEFAULT_OUT = 'output';

const HELP = `status-catalog ${GENERATOR_VERSION}
Generates an OpenAPI components fragment, TypeScript and a Markdown reference from one catalog of
HTTP statuses and service error codes, and merges the fragment into OpenAPI specs.

Usage:
  status-catalog generate [--catalog FILE] [--out DIR] [--check] [--strict]
  status-catalog merge SPEC [--catalog FILE] [--out FILE | --in-place] [--attach 400,404,500]
                            [--attach-default] [--attach-webhooks] [--only-used] [--prefix P]
                            [--check] [--strict]
  status-catalog --help | --version

generate:
  --catalog FILE    catalog to read, YAML or JSON (default: ${DEFAULT_CATALOG})
  --out DIR         folder the generator owns and replaces as a whole (default: ${DEFAULT_OUT})
  --check           write nothing; exit 1 and name each stale, missing or extra file
  --strict          treat warnings (suspicious catalog entries) as errors
  --timings         print how long each stage took, as one JSON line on standard error

merge SPEC (an OpenAPI 3.0.x or 3.1.x file, YAML or JSON):
  --catalog FILE    catalog to read (default: ${DEFAULT_CATALOG})
  --out FILE        write the merged spec there (default: standard output)
  --in-place        replace SPEC with the merged spec
  --attach CODES    comma-separated statuses: every operation that does not answer one gets
                    a $ref to the catalog's response for it
  --attach-default  every operation without a default response gets the catalog's DefaultError
  --attach-webhooks attach to the operations under webhooks (3.1) too; by default only paths
  --only-used       add only the components the spec's responses reference
  --prefix P        prepend P to the name of every component the catalog adds
  --check           write nothing; exit 1 when merging would change the target file, printing
                    the command that brings it up to date
  --strict          treat catalog warnings as errors

  --debug           show stack traces of unexpected errors
  -h, --help        show this help
  -v, --version     show the version

Exit codes: 0 done, 1 invalid catalog or spec (or warnings with --strict), stale output or write
failure, 2 usage error, 70 internal error (a bug: please report it with --debug output).
`;

class UsageError extends Error {}

const COMMON = {
  catalog: { type: 'string' },
  check: { type: 'boolean', default: false },
  strict: { type: 'boolean', default: false },
  debug: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const satisfies ParseArgsConfig['options'];

const COMMANDS = {
  generate: { ...COMMON, out: { type: 'string' }, timings: { type: 'boolean', default: false } },
  merge: {
    ...COMMON,
    out: { type: 'string' },
    'in-place': { type: 'boolean', default: false },
    attach: { type: 'string' },
    'attach-default': { type: 'boolean', default: false },
    'attach-webhooks': { type: 'boolean', default: false },
    'only-used': { type: 'boolean', default: false },
    prefix: { type: 'string' },
  },
} as const satisfies Record<string, ParseArgsConfig['options']>;

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...args], allowPositionals: true, strict: true, options });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n', 1)[0]);
  }
}

async function main(argv: readonly string[]): Promise<number> {
  // The command comes first: `status-catalog merge spec.yaml --in-place`.
  const command = argv[0] !== undefined && !argv[0].startsWith('-') ? argv[0] : undefined;
  if (command === undefined || !(command in COMMANDS)) {
    const { values } = parse(argv, COMMON);
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (values.version) {
      process.stdout.write(`${GENERATOR_VERSION}\n`);
      return 0;
    }
    if (command === undefined) throw new UsageError('missing command: "generate" or "merge"');
    throw new UsageError(`unknown command "${command}": the commands are "generate" and "merge"`);
  }
  return command === 'generate' ? runGenerate(argv) : runMerge(argv);
}

/** Loads the catalog, prints its warnings, and refuses them under --strict. */
function loadForCommand(loadCatalog: (path: string) => Catalog, path: string, strict: boolean): Catalog | undefined {
  const catalog = loadCatalog(path);
  for (const warning of catalog.warnings) say(process.stderr, `${formatDiagnostic(warning)}`);
  if (strict && catalog.warnings.length > 0) {
    say(process.stderr, `status-catalog: ${catalog.warnings.length} warning(s) and --strict: nothing done`);
    return undefined;
  }
  return catalog;
}

async function runGenerate(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse(argv, COMMANDS.generate);
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
  if (values.catalog === '') throw new UsageError('--catalog needs a file');
  if (values.out === '') throw new UsageError('--out needs a folder');
  const catalogPath = values.catalog ?? DEFAULT_CATALOG;
  const outDir = values.out ?? DEFAULT_OUT;
  if (values.check && !values.strict && outputLooksFresh(catalogPath, outDir)) {
    say(process.stdout, `status-catalog: ${outDir} is up to date (hashes match the last full generation)`);
    return 0;
  }
  if (values.check && !isStatusCatalogOutput(outDir)) {
    say(process.stderr, `status-catalog: ${outDir} is not an output of status-catalog (it has files and no valid ${MANIFEST_PATH}); nothing to check against`);
    return 1;
  }
  const timings = new Timings();
  // Started before anything else is imported: the worker loads ts-morph (the TypeScript
  // compiler, the slowest import by far) while this thread imports the rest, reads and checks
  // the catalog.
  const typescript = (await import('./typescript-emitter.js')).startTypeScriptEmitter();
  const { readCatalogChain, validateCatalog, generate } = await pipeline();
  let files;
  let catalog;
  try {
    const load = (path: string): Catalog => {
      const chain = timings.measure('load', () => readCatalogChain(path));
      return timings.measure('validate', () => validateCatalog(chain));
    };
    catalog = loadForCommand(load, catalogPath, values.strict);
    if (catalog === undefined) return 1;
    files = await generate(catalog, { typescript, timings });
  } finally {
    await typescript.close();
  }
  if (values.check) {
    const result = checkOutput(outDir, files);
    if (isFresh(result)) {
      recordGeneratedOutput(files);
      say(process.stdout, `status-catalog: ${outDir} is up to date (${files.length} files)`);
      return 0;
    }
    const show = (path: string): string => relative('.', `${outDir}/${path}`) || path;
    for (const path of result.stale) say(process.stderr, `stale: ${show(path)}`);
    for (const path of result.missing) say(process.stderr, `missing: ${show(path)}`);
    for (const path of result.extra) say(process.stderr, `extra: ${show(path)}`);
    say(process.stderr, `status-catalog: ${outDir} does not match ${catalogPath}; run status-catalog generate`);
    return 1;
  }
  const report = timings.measure('write', () => writeAtomically(outDir, files, undefined, catalog.files));
  for (const warning of report.warnings) say(process.stderr, `status-catalog: warning: ${warning}`);
  recordGeneratedOutput(files);
  say(
    process.stdout,
    `status-catalog: wrote ${files.length} files to ${outDir} (${catalog.data.service}, ${catalog.data.statuses.length} statuses, ${catalog.data.errors?.length ?? 0} error codes)`,
  );
  if (values.timings) say(process.stderr, `timings ${JSON.stringify(timings)}`);
  return 0;
}

/** A spec's text, or undefined after saying in one line why it cannot be read. */
function readSpec(spec: string, decodeUtf8: (bytes: Buffer, file: string, what: 'spec') => string): string | undefined {
  let problem: string;
  try {
    const stat = statSync(spec);
    // Like catalogs: only a regular file, not a folder, a pipe or a device that never ends,
    // of a bounded size, in UTF-8 (an invalid byte is a located error).
    if (stat.isFile() && stat.size > MAX_SPEC_BYTES) {
      throw new CatalogError([{ file: spec, line: 0, column: 0, path: '(spec)', message: `file is ${stat.size} bytes; specs are limited to ${MAX_SPEC_BYTES} bytes` }]);
    }
    if (stat.isFile()) return decodeUtf8(readFileSync(spec), spec, 'spec');
    problem = stat.isDirectory() ? 'is a folder, not a spec' : 'is not a regular file';
  } catch (error) {
    if (error instanceof CatalogError) throw error;
    problem = `cannot read it: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
  }
  say(process.stderr, `status-catalog: ${spec}: ${problem}`);
  return undefined;
}

/** Whether a folder is missing, empty, or holds a valid manifest: something --check may compare. */
function isStatusCatalogOutput(outDir: string): boolean {
  if (listFiles(resolve(outDir)).length === 0) return true;
  try {
    return parseManifest(readFileSync(join(outDir, MANIFEST_PATH), 'utf8')) !== undefined;
  } catch {
    return false;
  }
}

function parseStatuses(value: string): number[] {
  return value.split(',').map((part) => {
    const text = part.trim();
    if (!/^[1-5]\d\d$/.test(text)) throw new UsageError(`--attach: "${text}" is not a status (100-599)`);
    return Number(text);
  });
}

/**
 * The command that brings the target up to date: this run's flags without --check, paths
 * shell-quoted; a --check of SPEC alone becomes --in-place (standard output updates nothing).
 */
function mergeCommand(spec: string, values: ReturnType<typeof parse<typeof COMMANDS.merge>>['values']): string {
  const words = ['status-catalog', 'merge', spec];
  if (values.catalog !== undefined) words.push('--catalog', values.catalog);
  if (values.attach !== undefined) words.push('--attach', values.attach);
  if (values['attach-default']) words.push('--attach-default');
  if (values['attach-webhooks']) words.push('--attach-webhooks');
  if (values['only-used']) words.push('--only-used');
  if (values.prefix !== undefined) words.push('--prefix', values.prefix);
  if (values.strict) words.push('--strict');
  if (values.out !== undefined) words.push('--out', values.out);
  else words.push('--in-place');
  return words.map(shellQuote).join(' ');
}

/** A word as a POSIX shell reads it back: as is when it is plain, else single-quoted. */
function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

async function runMerge(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse(argv, COMMANDS.merge);
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const spec = positionals[1];
  if (spec === undefined) throw new UsageError('merge needs the spec file: status-catalog merge SPEC');
  if (positionals.length > 2) throw new UsageError(`unexpected argument "${positionals[2]}"`);
  if (values.out !== undefined && values['in-place']) throw new UsageError('--out and --in-place exclude each other');
  if (values.out === '') throw new UsageError('--out needs a file');
  const attach = values.attach === undefined ? [] : parseStatuses(values.attach);
  if (!existsSync(spec)) throw new CatalogError([{ file: spec, line: 0, column: 0, path: '(spec)', message: 'no such file' }]);

  const { loadCatalog, mergeSpec, buildModel, decodeUtf8 } = await pipeline();
  const catalog = loadForCommand(loadCatalog, values.catalog ?? DEFAULT_CATALOG, values.strict);
  if (catalog === undefined) return 1;
  for (const status of attach) {
    if (!catalog.data.statuses.some((s) => s.status === status)) throw new UsageError(`--attach: the catalog has no status ${status}`);
  }
  const input = readSpec(spec, decodeUtf8);
  if (input === undefined) return 1;
  const result = mergeSpec(input, spec, buildModel(catalog), {
    attach,
    attachDefault: values['attach-default'],
    attachWebhooks: values['attach-webhooks'],
    onlyUsed: values['only-used'],
    ...(values.prefix === undefined ? {} : { prefix: values.prefix }),
  });
  // $ref'd operations get no siblings: each is named, with where to attach by hand.
  for (const { pointer, ref } of result.skipped) say(process.stderr, `status-catalog: ${spec}: ${pointer} is a $ref to ${ref}: left as it is; attach there`);
  const target = values['in-place'] ? spec : values.out;
  if (values.check) {
    const current = target === undefined ? input : existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    if (current === result.text) {
      say(process.stdout, `status-catalog: ${target ?? spec} already has the catalog merged`);
      return 0;
    }
    say(
      process.stderr,
      `status-catalog: merging would change ${target ?? spec} (${result.added.length} components, ${result.attached} responses); run: ${mergeCommand(spec, values)}`,
    );
    return 1;
  }
  if (target === undefined) {
    process.stdout.write(result.text);
    return 0;
  }
  writeFileAtomically(target, result.text);
  say(
    process.stderr,
    `status-catalog: ${result.changed || target !== spec ? 'wrote' : 'left'} ${target} (OpenAPI ${result.version}: ${result.added.length} components added, ${result.attached} responses attached)`,
  );
  return 0;
}

const debug = process.argv.includes('--debug');
// A reader that stops early (`status-catalog merge spec.yaml | head`) closes the pipe: that is
// the reader's choice, not a failure to report with a stack trace. Anything else on standard
// output (a full disk) is one line and exit 1.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') say(process.stderr, `status-catalog: cannot write to standard output: ${error.message}`);
  process.exit(error.code === 'EPIPE' ? 0 : 1);
});
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      say(process.stderr, `status-catalog: ${error.message}`);
      say(process.stderr, 'Run status-catalog --help for usage.');
      process.exitCode = 2;
    } else if (error instanceof CatalogError) {
      for (const diagnostic of error.diagnostics) say(process.stderr, `${formatDiagnostic(diagnostic)}`);
      process.exitCode = 1;
    } else if (error instanceof WriteError) {
      say(process.stderr, `status-catalog: ${error.message}`);
      if (debug) process.stderr.write(`${String((error.cause as Error | undefined)?.stack ?? error.stack)}\n`);
      process.exitCode = 1;
    } else {
      const message = error instanceof Error ? error.message : String(error);
      say(process.stderr, `status-catalog: internal error: ${message.split('\n', 1)[0]}${debug ? '' : ' (run with --debug for details)'}`);
      if (debug && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
      process.exitCode = 70;
    }
  },
);
