#!/usr/bin/env node
/**
 * Command line: argument parsing, exit codes and messages. Exit 0 on success, 1 on invalid
 * input, stale output or a failed write, 2 on a usage error, 70 on an internal error. User
 * errors are one line each, never a stack trace (unless --debug).
 */
import { TARGETS } from './targets/index.js';
import { GENERATOR_VERSION } from './util/version.js';
import { reportFailure } from './commands/failure.js';
import { COMMON_OPTIONS, DEFAULT_CATALOG, DEFAULT_OUT, parse, say, UsageError } from './commands/shared.js';

/** One help line per target's own-folder option, from the registry. */
const TARGET_HELP = TARGETS.map((target) => `  ${`${target.option} DIR`.padEnd(18)}a folder of its own for ${target.summary}`).join('\n');

const HELP = `status-catalog ${GENERATOR_VERSION}
Generates an OpenAPI components fragment, TypeScript and a Markdown reference from one catalog of
HTTP statuses and service error codes, and merges the fragment into OpenAPI specs.

Usage:
  status-catalog init [--from iana|s3m] [--catalog FILE]
  status-catalog generate [--catalog FILE] [--out DIR] [--check | --watch] [--force] [--strict]
                          ${TARGETS.map((target) => `[${target.option} DIR]`).join(' ')}
  status-catalog lint [--catalog FILE] [--json] [--strict]
  status-catalog diff OLD NEW [--json] [--fail-on patch|minor|major]
  status-catalog merge SPEC [--catalog FILE] [--out FILE | --in-place] [--attach 400,404,500]
                            [--attach-default] [--attach-webhooks] [--only-used] [--prefix P]
                            [--check] [--strict]
  status-catalog --help | --version

init (writes a new catalog, never over an existing file):
  --from NAME       iana: the IANA status code registry with RFC 9110 reason phrases (default);
                    s3m: the S3M status code table
  --catalog FILE    where to write it, YAML or .json (default: ${DEFAULT_CATALOG})

generate:
  --catalog FILE    catalog to read, YAML or JSON (default: ${DEFAULT_CATALOG})
  --out DIR         folder the generator owns and replaces as a whole (default: ${DEFAULT_OUT})
${TARGET_HELP}
                    (each also set by the catalog's output section); owned and replaced
                    as a whole, with its own manifest
  --check           write nothing; exit 1 and name each stale, missing or extra file
  --watch           generate again whenever the catalog or a file it extends changes, until
                    Ctrl-C (exit 130) or SIGTERM (exit 143)
  --force           generate and write even when the output is up to date (by default a
                    folder that holds what generating would write is left untouched)
  --strict          treat warnings (suspicious catalog entries) as errors
  --timings         print how long each stage took, as one JSON line on standard error

lint (checks the catalog against RFC 9110; exit 1 on an error, or a warning with --strict):
  --catalog FILE    catalog to read (default: ${DEFAULT_CATALOG})
  --json            print the findings as a JSON array

diff OLD NEW (what changed between two catalogs, as a Markdown changelog; exit 0):
                    OLD and NEW are files, or REV:PATH in the git repository of the current
                    folder (origin/main:data/status-codes.yaml), extends read from REV too
  --json            print {"level": "none|patch|minor|major", "changes": [...]}
  --fail-on LEVEL   exit 1 when the changes reach LEVEL (patch, minor or major)

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

Exit codes: 0 done, 1 invalid catalog or spec (or warnings with --strict), lint errors, stale
output or write failure, 2 usage error, 70 internal error (a bug: please report it with --debug output).
`;

/** Each command's module, loaded when it runs, so that --help and --check on fresh output start fast. */
const COMMANDS: Readonly<Record<string, () => Promise<(argv: readonly string[]) => Promise<number>>>> = {
  init: async () => (await import('./commands/init.js')).runInit,
  generate: async () => (await import('./commands/generate.js')).runGenerate,
  lint: async () => (await import('./commands/lint.js')).runLint,
  diff: async () => (await import('./commands/diff.js')).runDiff,
  merge: async () => (await import('./commands/merge.js')).runMerge,
};

async function main(argv: readonly string[]): Promise<number> {
  // The command comes first: `status-catalog merge spec.yaml --in-place`.
  const command = argv[0] !== undefined && !argv[0].startsWith('-') ? argv[0] : undefined;
  const names = Object.keys(COMMANDS)
    .map((name) => `"${name}"`)
    .join(', ');
  // An unknown command is a usage error, whatever flags follow it (--help included).
  if (command !== undefined && !Object.hasOwn(COMMANDS, command))
    throw new UsageError(`unknown command "${command}": the commands are ${names}`);
  if (command === undefined) {
    const { values } = parse(argv, COMMON_OPTIONS);
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (values.version) {
      process.stdout.write(`${GENERATOR_VERSION}\n`);
      return 0;
    }
    throw new UsageError(`missing command: one of ${names}`);
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP);
    return 0;
  }
  return (await COMMANDS[command]!())(argv);
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
    process.exitCode = reportFailure(error, process.stderr, debug);
  },
);
