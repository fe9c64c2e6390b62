/** `status-catalog merge SPEC`: the catalog's components merged into an existing OpenAPI spec. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { CatalogError } from '../diagnostics.js';
import { MAX_SPEC_BYTES } from '../limits.js';
import { writeFileAtomically } from '../write.js';
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

/** A spec's text, or undefined after saying in one line why it cannot be read. */
function readSpec(spec: string, decodeUtf8: (bytes: Buffer, file: string, what: 'spec') => string): string | undefined {
  let problem: string;
  try {
    const stat = statSync(spec);
    // Like catalogs: only a regular file, not a folder, a pipe or a device that never ends,
    // of a bounded size, in UTF-8 (an invalid byte is a located error).
    if (stat.isFile() && stat.size > MAX_SPEC_BYTES) {
      throw new CatalogError([
        {
          file: spec,
          line: 0,
          column: 0,
          path: '(spec)',
          message: `file is ${stat.size} bytes; specs are limited to ${MAX_SPEC_BYTES} bytes`,
        },
      ]);
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
function mergeCommand(spec: string, values: ReturnType<typeof parse<typeof MERGE_OPTIONS>>['values']): string {
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

export async function runMerge(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse(argv, MERGE_OPTIONS);
  const spec = positionals[1];
  if (spec === undefined) throw new UsageError('merge needs the spec file: status-catalog merge SPEC');
  noMoreArguments(positionals, 2);
  if (values.out !== undefined && values['in-place']) throw new UsageError('--out and --in-place exclude each other');
  if (values.out === '') throw new UsageError('--out needs a file');
  const attach = values.attach === undefined ? [] : parseStatuses(values.attach);
  if (!existsSync(spec)) throw new CatalogError([{ file: spec, line: 0, column: 0, path: '(spec)', message: 'no such file' }]);
  const catalogPath = catalogPathOf(values.catalog);

  const [{ loadCatalog }, { mergeSpec }, { buildModel }, { decodeUtf8 }] = await Promise.all([
    import('../index.js'),
    import('../merge.js'),
    import('../model.js'),
    import('../load.js'),
  ]);
  const catalog = acceptWarnings(loadCatalog(catalogPath), values.strict);
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
  for (const { pointer, ref } of result.skipped)
    say(process.stderr, `status-catalog: ${spec}: ${pointer} is a $ref to ${ref}: left as it is; attach there`);
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
