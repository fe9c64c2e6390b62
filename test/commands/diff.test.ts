/** generator/commands/diff.ts in-process: runDiff on two catalog files in a temp folder. */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { changelog, runDiff } from '../../generator/commands/diff.js';
import { UsageError } from '../../generator/commands/shared.js';
import { CatalogError } from '../../generator/util/diagnostics.js';
import type { CatalogDiff } from '../../generator/diff/diff.js';
import { writeFile, inTempWorkingFolder } from '../harness/helpers.js';
import type { TestCase } from '../harness/cases.js';
import { lines, runCommand, type Ran } from '../harness/cli.js';

const run = (argv: readonly string[]): Promise<Ran> => runCommand(runDiff, argv);

/** A small catalog: two statuses, two codes. */
const BASE = {
  service: 'Shop',
  title: 'Shop errors',
  version: '1.0.0',
  errorBody: { codeField: 'error_code', messageField: 'error_msg', description: 'The body.' },
  statuses: [
    { status: 400, name: 'BadRequest', message: 'Bad Request', description: 'Malformed.', retry: 'modify' },
    { status: 503, name: 'ServiceUnavailable', message: 'Service Unavailable', description: 'Down.' },
  ],
  errors: [
    { code: 'SHOP.0001', status: 400, name: 'InvalidParameter', message: 'Invalid parameter' },
    { code: 'SHOP.0002', status: 503, name: 'Maintenance', message: 'Under maintenance' },
  ],
};

type Data = typeof BASE & Record<string, unknown>;

/** Writes BASE, edited, as `name` in the work folder. */
function catalog(name: string, edit: (data: Data) => void = () => {}): string {
  const data = structuredClone(BASE) as Data;
  edit(data);
  return writeFile(join(work, name), JSON.stringify(data));
}

let work: string;
inTempWorkingFolder((dir) => {
  work = dir;
  catalog('old.json');
});
describe('runDiff', () => {
  const tests: TestCase<{ edit: (data: Data) => void; flags?: string[] }, { code: number; stdout: string[]; stderr: string[] }>[] = [
    [
      'the same catalog: a changelog saying so, exit 0',
      {
        given: { edit: () => {} },
        want: { code: 0, stdout: ['# Catalog changes: none', '', 'From old.json to new.json.', '', 'No changes.'], stderr: [] },
      },
    ],
    [
      'a reworded status: a patch section, values quoted',
      {
        given: { edit: (d) => (d.statuses[0]!.description = 'Badly formed.') },
        want: {
          code: 0,
          stdout: [
            '# Catalog changes: patch',
            '',
            'From old.json to new.json.',
            '',
            '## Patch: wording',
            '',
            '- Status 400: description changed from "Malformed." to "Badly formed.".',
          ],
          stderr: [],
        },
      },
    ],
    [
      'a long text is named, not quoted',
      {
        given: { edit: (d) => (d.statuses[0]!.description = 'x'.repeat(130)) },
        want: {
          code: 0,
          stdout: [
            '# Catalog changes: patch',
            '',
            'From old.json to new.json.',
            '',
            '## Patch: wording',
            '',
            '- Status 400: description changed.',
          ],
          stderr: [],
        },
      },
    ],
    [
      'an added code and a removed one: most severe first, each level under its heading',
      {
        given: {
          edit: (d) => {
            d.errors.pop();
            d.errors.push({ code: 'SHOP.0003', status: 400, name: 'TooBig', message: 'Too big' });
          },
        },
        want: {
          code: 0,
          stdout: [
            '# Catalog changes: major',
            '',
            'From old.json to new.json.',
            '',
            '## Major: breaking changes',
            '',
            '- Error code SHOP.0002 (503) removed (was "Maintenance").',
            '',
            '## Minor: additions',
            '',
            '- Error code SHOP.0003 (400) added ("TooBig").',
          ],
          stderr: [],
        },
      },
    ],
    [
      '--fail-on reached: the changelog, then one line on stderr and exit 1',
      {
        given: { edit: (d) => (d.title = 'Shop'), flags: ['--fail-on', 'patch'] },
        want: {
          code: 1,
          stdout: [
            '# Catalog changes: patch',
            '',
            'From old.json to new.json.',
            '',
            '## Patch: wording',
            '',
            '- Catalog title: title changed from "Shop errors" to "Shop".',
          ],
          stderr: ['status-catalog: diff: patch changes, and --fail-on patch'],
        },
      },
    ],
    [
      '--fail-on not reached: exit 0',
      {
        given: { edit: (d) => (d.title = 'Shop'), flags: ['--fail-on', 'minor'] },
        want: {
          code: 0,
          stdout: [
            '# Catalog changes: patch',
            '',
            'From old.json to new.json.',
            '',
            '## Patch: wording',
            '',
            '- Catalog title: title changed from "Shop errors" to "Shop".',
          ],
          stderr: [],
        },
      },
    ],
    [
      '--fail-on major on no change: exit 0',
      {
        given: { edit: () => {}, flags: ['--fail-on', 'major'] },
        want: { code: 0, stdout: ['# Catalog changes: none', '', 'From old.json to new.json.', '', 'No changes.'], stderr: [] },
      },
    ],
    [
      '--strict with a catalog warning: the warning, nothing printed, exit 1',
      {
        given: {
          edit: (d) => {
            d.statuses.push({ status: 200, name: 'Ok', message: 'OK', description: 'Fine.' });
            d.errors.push({ code: 'SHOP.0009', status: 200, name: 'Odd', message: 'Odd' });
          },
          flags: ['--strict'],
        },
        want: {
          code: 1,
          stdout: [],
          stderr: [
            'new.json:1:642: warning: errors[2].status: error code SHOP.0009 on the non-error status 200',
            'status-catalog: 1 warning(s) and --strict: nothing done',
          ],
        },
      },
    ],
  ];
  test.each(tests)('%s', async (_name, { given, want }) => {
    catalog('new.json', given.edit);
    const result = await run(['diff', 'old.json', 'new.json', ...(given.flags ?? [])]);
    expect(result.error).toBeUndefined();
    expect({ code: result.code, stdout: lines(result.stdout), stderr: lines(result.stderr) }).toEqual(want);
  });

  test('--json prints the level and the changes as JSON', async () => {
    catalog('new.json', (d) => {
      d.statuses[1]!.message = 'Unavailable';
      d.statuses.push({ status: 404, name: 'NotFound', message: 'Not Found', description: 'None.' });
    });
    const result = await run(['diff', '--json', 'old.json', 'new.json']);
    expect(result.code).toBe(0);
    const diff = JSON.parse(result.stdout) as CatalogDiff;
    expect(diff.level).toBe('minor');
    expect(diff.changes.map((c) => `${c.level} ${c.area} ${c.subject} ${c.change}`)).toEqual([
      'patch status 503 changed',
      'minor status 404 added',
    ]);
    expect(diff.changes[0]).toMatchObject({ field: 'message', before: 'Service Unavailable', after: 'Unavailable' });
  });

  test('without --strict a warning is printed and the diff still runs', async () => {
    catalog('new.json', (d) => {
      d.statuses.push({ status: 200, name: 'Ok', message: 'OK', description: 'Fine.' });
      d.errors.push({ code: 'SHOP.0009', status: 200, name: 'Odd', message: 'Odd' });
    });
    const result = await run(['diff', 'old.json', 'new.json', '--fail-on', 'minor']);
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual([
      'new.json:1:642: warning: errors[2].status: error code SHOP.0009 on the non-error status 200',
      'status-catalog: diff: minor changes, and --fail-on minor',
    ]);
    expect(lines(result.stdout)[0]).toBe('# Catalog changes: minor');
  });

  const failures: TestCase<string[], { error: new (...args: never[]) => Error; message: string | RegExp }>[] = [
    ['no catalogs', { given: ['diff'], want: { error: UsageError, message: 'diff needs two catalogs: status-catalog diff OLD NEW' } }],
    [
      'one catalog',
      { given: ['diff', 'old.json'], want: { error: UsageError, message: 'diff needs two catalogs: status-catalog diff OLD NEW' } },
    ],
    [
      'three catalogs',
      { given: ['diff', 'old.json', 'old.json', 'x.json'], want: { error: UsageError, message: 'unexpected argument "x.json"' } },
    ],
    [
      'an unknown --fail-on level',
      {
        given: ['diff', 'old.json', 'old.json', '--fail-on', 'none'],
        want: { error: UsageError, message: '--fail-on: "none" is not a level; choose patch, minor, major' },
      },
    ],
    [
      'an option diff does not take',
      {
        given: ['diff', 'old.json', 'old.json', '--catalog', 'x'],
        want: { error: UsageError, message: /^Unknown option '--catalog'/ },
      },
    ],
    [
      'a missing new catalog',
      {
        given: ['diff', 'old.json', 'gone.json'],
        want: {
          error: CatalogError,
          message: 'gone.json: (catalog): cannot read catalog: no such file; create it with "status-catalog init --catalog gone.json"',
        },
      },
    ],
  ];
  test.each(failures)('throws on %s, printing nothing', async (_name, { given, want }) => {
    const result = await run(given);
    expect(result.code).toBeUndefined();
    expect(result.error).toBeInstanceOf(want.error);
    if (want.message instanceof RegExp) expect((result.error as Error).message).toMatch(want.message);
    else expect((result.error as Error).message).toBe(want.message);
    expect(result.stdout).toBe('');
  });

  test('an invalid catalog is a CatalogError located in its file', async () => {
    writeFile(join(work, 'bad.json'), '{"service": 1}');
    const result = await run(['diff', 'old.json', 'bad.json']);
    expect(result.error).toBeInstanceOf(CatalogError);
    expect((result.error as CatalogError).diagnostics.every((d) => d.file === 'bad.json')).toBe(true);
    expect(result.stdout).toBe('');
  });
});

describe('changelog', () => {
  const diff = (changes: CatalogDiff['changes']): CatalogDiff => ({ level: changes[0]?.level ?? 'none', changes });
  const tests: TestCase<CatalogDiff['changes'][number], string>[] = [
    [
      'added without a value',
      { given: { level: 'minor', area: 'header', subject: 'X-Id', change: 'added' }, want: '- Header X-Id added.' },
    ],
    [
      'removed without a value',
      { given: { level: 'major', area: 'body', subject: 'part', change: 'removed' }, want: '- Error body part removed.' },
    ],
    [
      'changed to none',
      {
        given: { level: 'minor', area: 'status', subject: '404', change: 'changed', field: 'retry', before: 'modify' },
        want: '- Status 404: retry changed from "modify" to none.',
      },
    ],
    [
      'Markdown in a subject and a value is escaped',
      {
        given: { level: 'patch', area: 'code', subject: 'A|B', change: 'changed', field: 'message', before: 'a*b', after: '<c>' },
        want: '- Error code A\\|B: message changed from "a\\*b" to "\\<c\\>".',
      },
    ],
  ];
  test.each(tests)('%s', (_name, { given, want }) => {
    const text = changelog(diff([given]), 'dir/a|old.yaml', 'b.yaml');
    const [, , from, , , , item] = lines(text);
    expect(from).toBe('From a\\|old.yaml to b.yaml.');
    expect(item).toBe(want);
    expect(text.endsWith('.\n')).toBe(true);
  });
});
