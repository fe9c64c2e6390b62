/**
 * `status-catalog diff OLD NEW`: what changed between two catalogs (generator/diff/diff.ts), as a
 * Markdown changelog, or with --json as {"level", "changes"}. Either may be `REV:PATH`, the
 * catalog in a git revision (generator/catalog/git-revision.ts). Exit 0 whatever changed; with
 * `--fail-on LEVEL`, exit 1 when the changes reach that level (a CI gate on breaking changes).
 */
import { basename } from 'node:path';
import type { Change, CatalogDiff, ChangeLevel } from '../diff/diff.js';
import { markdownCell } from '../util/escape.js';
import { acceptWarnings, catalogPathOf, noMoreArguments, parse, say, UsageError } from './shared.js';

export const DIFF_OPTIONS = {
  json: { type: 'boolean', default: false },
  'fail-on': { type: 'string' },
  strict: { type: 'boolean', default: false },
  debug: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const FAIL_LEVELS = ['patch', 'minor', 'major'] as const;

export async function runDiff(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse(argv, DIFF_OPTIONS);
  const [oldPath, newPath] = positionals.slice(1);
  if (oldPath === undefined || newPath === undefined) throw new UsageError('diff needs two catalogs: status-catalog diff OLD NEW');
  noMoreArguments(positionals, 3);
  const failOn = values['fail-on'];
  if (failOn !== undefined && !(FAIL_LEVELS as readonly string[]).includes(failOn)) {
    throw new UsageError(`--fail-on: "${failOn}" is not a level; choose ${FAIL_LEVELS.join(', ')}`);
  }
  const [{ readCatalogChain }, { validateCatalog }, { buildModel }, { diffModels, levelRank }, { revisionCatalog }] = await Promise.all([
    import('../catalog/read.js'),
    import('../catalog/validate.js'),
    import('../model/model.js'),
    import('../diff/diff.js'),
    import('../catalog/git-revision.js'),
  ]);
  // A catalog is a file, or REV:PATH in the git repository of the current folder, extends and all.
  const load = (argument: string) => {
    const revision = revisionCatalog(argument);
    const chain =
      revision === undefined ? readCatalogChain(catalogPathOf(argument)) : readCatalogChain(revision.file, undefined, revision.source);
    const catalog = acceptWarnings(validateCatalog(chain), values.strict);
    return catalog === undefined ? undefined : buildModel(catalog);
  };
  const before = load(oldPath);
  const after = load(newPath);
  if (before === undefined || after === undefined) return 1;
  const diff = diffModels(before, after);
  if (values.json) process.stdout.write(`${JSON.stringify(diff, null, 2)}\n`);
  else process.stdout.write(changelog(diff, oldPath, newPath));
  if (failOn !== undefined && levelRank(diff.level) >= levelRank(failOn as ChangeLevel)) {
    say(process.stderr, `status-catalog: diff: ${diff.level} changes, and --fail-on ${failOn}`);
    return 1;
  }
  return 0;
}

const HEADINGS: Readonly<Record<ChangeLevel, string>> = {
  major: 'Major: breaking changes',
  minor: 'Minor: additions',
  patch: 'Patch: wording',
};

const AREAS: Readonly<Record<Change['area'], string>> = {
  status: 'Status',
  code: 'Error code',
  body: 'Error body',
  header: 'Header',
  catalog: 'Catalog',
};

/** The diff as a Markdown changelog, most severe changes first; catalog text escaped. */
export function changelog(diff: CatalogDiff, oldPath: string, newPath: string): string {
  const lines = [
    `# Catalog changes: ${diff.level}`,
    '',
    `From ${markdownCell(basename(oldPath))} to ${markdownCell(basename(newPath))}.`,
    '',
  ];
  if (diff.changes.length === 0) lines.push('No changes.', '');
  for (const level of ['major', 'minor', 'patch'] as const) {
    const changes = diff.changes.filter((change) => change.level === level);
    if (changes.length === 0) continue;
    lines.push(`## ${HEADINGS[level]}`, '', ...changes.map((change) => `- ${describe(change)}`), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function describe(change: Change): string {
  const what = `${AREAS[change.area]} ${markdownCell(change.subject)}`;
  if (change.change === 'added') return `${what} added${change.after === undefined ? '' : ` (${value(change.after)})`}.`;
  if (change.change === 'removed') return `${what} removed${change.before === undefined ? '' : ` (was ${value(change.before)})`}.`;
  const before = value(change.before);
  const after = value(change.after);
  // Long texts (descriptions) are named, not quoted: the changelog says where to look.
  if (before.length + after.length > 120) return `${what}: ${change.field} changed.`;
  return `${what}: ${change.field} changed from ${before} to ${after}.`;
}

/** A value as the changelog shows it: JSON (strings quoted, none as "none"), escaped for Markdown. */
function value(item: unknown): string {
  return item === undefined ? 'none' : markdownCell(JSON.stringify(item));
}
