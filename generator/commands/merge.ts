/** `status-catalog merge SPEC`: the catalog's components merged into an existing OpenAPI spec. */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { displayPath } from '../util/display-path.js';
import { UNSAFE_CHARACTER } from '../util/escape.js';
import { CatalogError } from '../util/diagnostics.js';
import { MAX_SPEC_BYTES } from '../util/limits.js';
import type { MergeResult } from '../merge/merge.js';
import { withFileLock } from '../write/lock.js';
import { readRegularFile, UnreadableFileError } from '../util/read-file.js';
import { realPathOf } from '../util/real-path.js';
import { descriptorNamed, writeFileAtomically } from '../write/write-file.js';
import { acceptWarnings, catalogPathOf, COMMON_OPTIONS, noMoreArguments, parse, say, UsageError } from './shared.js';

export const MERGE_OPTIONS = {
  ...COMMON_OPTIONS,
  out: { type: 'string' },
  'in-place': { type: 'boolean', default: false },
  attach: { type: 'string' },
  'attach-default': { type: 'boolean', default: false },
  'attach-webhooks': { type: 'boolean', default: false },
  'only-used': { type: 'boolean', default: false },
  prefix: { type: 'string' },
  check: { type: 'boolean', default: false },
} as const;

type Values = ReturnType<typeof parse<typeof MERGE_OPTIONS>>['values'];
type Decode = (bytes: Buffer, file: string, what: 'spec') => string;

// Characters a terminal does not show as themselves: controls, and the invisible ones (bidi
// controls that reorder what follows, zero-width spaces and joiners, tag characters, …).
/** Why a file cannot be read, as one line to print: the reason readRegularFile gives, or the error's. */
function unreadable(file: string, error: unknown): string {
  let reason = error instanceof UnreadableFileError ? error.reason : `cannot read it: ${(error as Error).message}`;
  if (error instanceof UnreadableFileError && error.code === 'EISDIR') reason = 'is a folder, not a spec';
  return `status-catalog: ${displayPath(file)}: ${reason}`;
}

/**
 * A spec's text, or undefined after saying in one line why it cannot be read. Like catalogs:
 * only a regular file (not a folder, a pipe or a device that never ends), of at most
 * MAX_SPEC_BYTES (refused before it is read), in UTF-8 (an invalid byte is a located error).
 */
function readSpec(spec: string, decode: Decode): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(spec, { maxBytes: MAX_SPEC_BYTES, what: 'spec' });
  } catch (error) {
    if (error instanceof UnreadableFileError && error.code === 'EFBIG') {
      throw new CatalogError([{ file: displayPath(spec), line: 0, column: 0, path: '(spec)', message: `file ${error.reason}` }]);
    }
    say(process.stderr, unreadable(spec, error));
    return undefined;
  }
  return decode(bytes, displayPath(spec), 'spec');
}

/**
 * What a --check compares with: the target's text, undefined when there is none yet, or an
 * error line when it is there and cannot be read (a folder, a pipe, a device, no permission).
 */
function readTarget(target: string): { text: string | undefined } | { problem: string } {
  try {
    return { text: readRegularFile(target, { maxBytes: MAX_SPEC_BYTES, what: 'spec' }).toString('utf8') };
  } catch (error) {
    if (error instanceof UnreadableFileError && error.code === 'ENOENT') return { text: undefined };
    return { problem: `${unreadable(target, error)}; --check compares with a regular file` };
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
function mergeCommand(spec: string, values: Values): string {
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

/**
 * A word as a POSIX shell reads it back: as is when it is plain, else single-quoted; a word
 * with a control or invisible character in `$'…'` (bash, zsh, ksh and POSIX.1-2024 sh), where
 * each is an escape, so the line printed is one line and shows what it runs.
 */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  if (!new RegExp(UNSAFE_CHARACTER.source, 'u').test(word)) return `'${word.replace(/'/g, `'\\''`)}'`;
  const escaped = word
    .replace(/[\\']/g, (ch) => `\\${ch}`)
    .replace(UNSAFE_CHARACTER, (ch) => {
      const code = ch.codePointAt(0)!;
      const named: Record<number, string> = { 7: 'a', 8: 'b', 9: 't', 10: 'n', 11: 'v', 12: 'f', 13: 'r', 27: 'E' };
      if (named[code] !== undefined) return `\\${named[code]}`;
      if (code < 0x80) return `\\x${code.toString(16).padStart(2, '0')}`;
      return code > 0xffff ? `\\U${code.toString(16).padStart(8, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    });
  return `$'${escaped}'`;
}

/** What the in-place sequence did: the merge, and whether the spec was written. */
export interface InPlaceOutcome {
  readonly result: MergeResult;
  readonly written: boolean;
  readonly warnings: readonly string[];
}

/**
 * `--in-place`, from reading SPEC to writing it back, as one sequence: a lock on SPEC wraps
 * this call whole, so that no other run writes SPEC between the read and the write. A merge
 * with nothing to add writes nothing (the file keeps its inode and its time). Undefined when
 * SPEC cannot be read (said already).
 */
export function mergeInPlace(spec: string, decode: Decode, merge: (input: string) => MergeResult): InPlaceOutcome | undefined {
  // Read, merge and write under the spec's lock: two runs on one spec take turns, so each
  // merges into what the other wrote and neither update is lost. The lock sits beside the
  // file a symlink names, where the new text is written.
  const real = realPathOf(spec);
  return withFileLock(join(dirname(real), `.${basename(real)}.lock`), displayPath(spec), () => {
    const input = readSpec(spec, decode);
    if (input === undefined) return undefined;
    const result = merge(input);
    if (result.text === input) return { result, written: false, warnings: [] };
    return { result, written: true, warnings: writeFileAtomically(spec, result.text) };
  });
}

export async function runMerge(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse(argv, MERGE_OPTIONS);
  const spec = positionals[1];
  if (spec === undefined) throw new UsageError('merge needs the spec file: status-catalog merge SPEC');
  noMoreArguments(positionals, 2);
  if (values.out !== undefined && values['in-place']) throw new UsageError('--out and --in-place exclude each other');
  if (values.out === '') throw new UsageError('--out needs a file');
  const attach = values.attach === undefined ? [] : parseStatuses(values.attach);
  const shown = displayPath(spec);
  if (!existsSync(spec)) throw new CatalogError([{ file: shown, line: 0, column: 0, path: '(spec)', message: 'no such file' }]);
  const catalogPath = catalogPathOf(values.catalog);

  const [{ loadCatalog }, { mergeSpec }, { buildModel }, { decodeUtf8 }] = await Promise.all([
    import('../index.js'),
    import('../merge/merge.js'),
    import('../model/model.js'),
    import('../catalog/read.js'),
  ]);
  const catalog = acceptWarnings(loadCatalog(catalogPath), values.strict);
  if (catalog === undefined) return 1;
  for (const status of attach) {
    if (!catalog.data.statuses.some((s) => s.status === status)) throw new UsageError(`--attach: the catalog has no status ${status}`);
  }
  const model = buildModel(catalog);
  const merge = (input: string): MergeResult => {
    const result = mergeSpec(input, shown, model, {
      attach,
      attachDefault: values['attach-default'],
      attachWebhooks: values['attach-webhooks'],
      onlyUsed: values['only-used'],
      ...(values.prefix === undefined ? {} : { prefix: values.prefix }),
    });
    // $ref'd operations get no siblings: each is named, with where to attach by hand.
    for (const { pointer, ref } of result.skipped)
      say(process.stderr, `status-catalog: ${shown}: ${pointer} is a $ref to ${ref}: left as it is; attach there`);
    return result;
  };
  const summary = (result: MergeResult): string =>
    `(OpenAPI ${result.version}: ${result.added.length} components added, ${result.attached} responses attached)`;
  const target = values['in-place'] ? spec : values.out;

  if (values.check) {
    const input = readSpec(spec, decodeUtf8);
    if (input === undefined) return 1;
    const result = merge(input);
    const current = target === undefined || target === spec ? { text: input } : readTarget(target);
    if ('problem' in current) {
      say(process.stderr, current.problem);
      return 1;
    }
    const shownTarget = displayPath(target ?? spec);
    if (current.text === result.text) {
      say(process.stdout, `status-catalog: ${shownTarget} already has the catalog merged`);
      return 0;
    }
    say(
      process.stderr,
      `status-catalog: merging would change ${shownTarget} (${result.added.length} components, ${result.attached} responses); run: ${mergeCommand(spec, values)}`,
    );
    return 1;
  }

  if (values['in-place']) {
    const outcome = mergeInPlace(spec, decodeUtf8, merge);
    if (outcome === undefined) return 1;
    for (const warning of outcome.warnings) say(process.stderr, `status-catalog: warning: ${warning}`);
    say(
      process.stderr,
      outcome.written
        ? `status-catalog: wrote ${shown} ${summary(outcome.result)}`
        : `status-catalog: left ${shown} ${summary(outcome.result)}`,
    );
    return 0;
  }

  const input = readSpec(spec, decodeUtf8);
  if (input === undefined) return 1;
  const result = merge(input);
  // Standard output, or a name for it (`--out /dev/stdout`): the stream the process was given,
  // as it was opened (`>> build.log` appends), never the file behind it renamed over.
  if (target === undefined || descriptorNamed(target) === 1) {
    process.stdout.write(result.text);
    if (target !== undefined) say(process.stderr, `status-catalog: wrote ${displayPath(target)} ${summary(result)}`);
    return 0;
  }
  const shownTarget = displayPath(target);
  const current = readTarget(target);
  if ('text' in current && current.text === result.text) {
    say(process.stderr, `status-catalog: left ${shownTarget} as it was: it holds the merged spec already ${summary(result)}`);
    return 0;
  }
  for (const warning of writeFileAtomically(target, result.text)) say(process.stderr, `status-catalog: warning: ${warning}`);
  say(process.stderr, `status-catalog: wrote ${shownTarget} ${summary(result)}`);
  return 0;
}
