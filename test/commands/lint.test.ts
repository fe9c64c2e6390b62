/** generator/commands/lint.ts in-process: runLint on real catalog files in a temp folder. */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatFinding, runLint, type Finding } from '../../generator/commands/lint.js';
import { UsageError } from '../../generator/commands/shared.js';
import { CatalogError } from '../../generator/util/diagnostics.js';
import { ROOT, writeFile, inTempWorkingFolder } from '../harness/helpers.js';
import type { TestCase } from '../harness/cases.js';
import { everyRuleLines } from '../harness/lint-expected.js';
import { lines, runCommand, type Ran } from '../harness/cli.js';

const run = (argv: readonly string[]): Promise<Ran> => runCommand(runLint, argv);

const EVERY_RULE = 'every-rule.yaml';

/** What lint prints for the fixture that breaks every rule once, in file order. */
const EVERY_RULE_LINES = everyRuleLines(EVERY_RULE);

/** A catalog that passes every rule. */
const CLEAN = `service: Clean
errorBody:
  codeField: error_code
statuses:
  - status: 400
    name: BadRequest
    message: Bad Request
    description: Malformed.
  - status: 404
    name: NotFound
    message: Not Found
    description: Nothing here.
`;

/** Extends every-rule.yaml: fixes 404's phrase, and breaks 401 again in a file of its own. */
const CHILD = `extends: ./every-rule.yaml
service: Child
statuses:
  - status: 404
    name: NotFound
    message: Not Found
    description: Fixed here.
  - status: 401
    name: Unauthorized
    message: Unauthorized
    description: Still no WWW-Authenticate.
`;

/** Valid, with a catalog warning (a code on a non-error status) and no lint finding. */
const WARNS = `service: Warns
errorBody:
  codePattern: '^W\\.[0-9]{4}$'
statuses:
  - status: 200
    name: Ok
    message: OK
    description: Fine.
  - status: 400
    name: BadRequest
    message: Bad Request
    description: Malformed.
errors:
  - code: W.0001
    status: 200
    message: Odd.
`;

let work: string;
inTempWorkingFolder((dir) => {
  work = dir;
  copyFileSync(join(ROOT, 'test', 'fixtures', 'lint', EVERY_RULE), join(work, EVERY_RULE));
  writeFile(join(work, 'clean.yaml'), CLEAN);
  writeFile(join(work, 'child.yaml'), CHILD);
  writeFile(join(work, 'warns.yaml'), WARNS);
});
describe('runLint', () => {
  const tests: TestCase<string[], { code: number; stdout: string[]; stderr: string[] }>[] = [
    [
      'every rule broken: one located line each, in file order; exit 1 for the errors',
      {
        given: ['lint', '--catalog', EVERY_RULE],
        want: {
          code: 1,
          stdout: EVERY_RULE_LINES,
          stderr: [`status-catalog: lint ${EVERY_RULE}: 3 error(s), 7 warning(s), 1 info(s)`],
        },
      },
    ],
    [
      'a clean catalog: nothing printed but the summary, exit 0',
      {
        given: ['lint', '--catalog', 'clean.yaml'],
        want: { code: 0, stdout: [], stderr: ['status-catalog: lint clean.yaml: 0 error(s), 0 warning(s), 0 info(s)'] },
      },
    ],
    [
      'a clean catalog under --strict: still exit 0',
      {
        given: ['lint', '--strict', '--catalog', 'clean.yaml'],
        want: { code: 0, stdout: [], stderr: ['status-catalog: lint clean.yaml: 0 error(s), 0 warning(s), 0 info(s)'] },
      },
    ],
    [
      'catalog warnings are printed but do not fail without --strict',
      {
        given: ['lint', '--catalog', 'warns.yaml'],
        want: {
          code: 0,
          stdout: [],
          stderr: [
            'warns.yaml:15:13: warning: errors[0].status: error code W.0001 on the non-error status 200',
            "status-catalog: lint warns.yaml: 0 error(s), 1 warning(s) (1 from the catalog's checks), 0 info(s)",
          ],
        },
      },
    ],
    [
      'catalog warnings fail under --strict, and the summary says why',
      {
        given: ['lint', '--catalog', 'warns.yaml', '--strict'],
        want: {
          code: 1,
          stdout: [],
          stderr: [
            'warns.yaml:15:13: warning: errors[0].status: error code W.0001 on the non-error status 200',
            "status-catalog: lint warns.yaml: 0 error(s), 1 warning(s) (1 from the catalog's checks), 0 info(s) and --strict",
          ],
        },
      },
    ],
    [
      'an extending catalog: each status located in the last file that lists it, base file first',
      {
        given: ['lint', '--catalog', 'child.yaml'],
        want: {
          code: 1,
          stdout: [
            ...EVERY_RULE_LINES.filter((line) => !/ (www-authenticate-on-401|reason-phrase) /.test(line)),
            `child.yaml:8:5: error www-authenticate-on-401 (RFC 9110 §15.5.2): status 401 does not list WWW-Authenticate: a 401 response MUST send it`,
          ].map((line) => line.replace(/^every-rule\.yaml/, `<work>/${EVERY_RULE}`)),
          stderr: ['status-catalog: lint child.yaml: 3 error(s), 7 warning(s), 0 info(s)'],
        },
      },
    ],
  ];
  test.each(tests)('%s', async (_name, { given, want }) => {
    const result = await run(given);
    expect(result.error).toBeUndefined();
    const at = (text: string): string[] => lines(text.replaceAll(work, '<work>'));
    expect({ code: result.code, stdout: at(result.stdout), stderr: at(result.stderr) }).toEqual(want);
  });

  test('only warnings (no error) fail under --strict, not without', async () => {
    const relaxed = await run(['lint', '--catalog', EVERY_RULE.replace('every-rule', 'clean')]);
    expect(relaxed.code).toBe(0);
    writeFile(join(work, 'deprecated.yaml'), CLEAN.replace('status: 404', 'status: 305').replace(/NotFound|Not Found/g, 'UseProxy'));
    const plain = await run(['lint', '--catalog', 'deprecated.yaml']);
    const strict = await run(['lint', '--catalog', 'deprecated.yaml', '--strict']);
    expect(plain.code).toBe(0);
    expect(strict.code).toBe(1);
    expect(lines(strict.stderr)).toEqual(['status-catalog: lint deprecated.yaml: 0 error(s), 1 warning(s), 1 info(s) and --strict']);
    expect(lines(plain.stderr)).toEqual(['status-catalog: lint deprecated.yaml: 0 error(s), 1 warning(s), 1 info(s)']);
  });

  test('two findings at one place: ordered by rule name', async () => {
    writeFile(
      join(work, 'tie.yaml'),
      `service: Tie
errorBody:
  codeField: error_code
statuses:
  - status: 401
    name: Unauthorized
    message: Unauthorized
    description: Retry later, and no WWW-Authenticate.
    retry: retry-after
`,
    );
    const result = await run(['lint', '--catalog', 'tie.yaml']);
    expect(result.code).toBe(1);
    expect(lines(result.stdout)).toEqual([
      'tie.yaml:5:5: warning retry-after-listed (RFC 9110 §10.2.3): status 401 says to retry after Retry-After (retry: retry-after) but does not list the Retry-After header',
      'tie.yaml:5:5: error www-authenticate-on-401 (RFC 9110 §15.5.2): status 401 does not list WWW-Authenticate: a 401 response MUST send it',
    ]);
  });

  test('--json prints the findings as an array, with the field of each, and the same exit code', async () => {
    const result = await run(['lint', '--catalog', EVERY_RULE, '--json']);
    expect(result.code).toBe(1);
    const findings = JSON.parse(result.stdout) as Finding[];
    expect(findings.map(formatFinding)).toEqual(EVERY_RULE_LINES);
    expect(findings[0]).toEqual({
      file: EVERY_RULE,
      line: 10,
      column: 5,
      field: 'statuses[0].headers',
      severity: 'warning',
      rule: 'content-range-on-206',
      reference: 'RFC 9110 §15.3.7',
      message: 'status 206 does not list Content-Range: a 206 response with a single part MUST send it',
    });
    expect(lines(result.stderr)).toEqual([`status-catalog: lint ${EVERY_RULE}: 3 error(s), 7 warning(s), 1 info(s)`]);
  });

  test('--json on a clean catalog prints an empty array', async () => {
    const result = await run(['lint', '--json', '--catalog', 'clean.yaml']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
  });

  test('the shipped catalog: no error, warnings only fail under --strict', async () => {
    const catalog = join(ROOT, 'data', 'status-codes.yaml');
    const plain = await run(['lint', '--catalog', catalog]);
    const strict = await run(['lint', '--catalog', catalog, '--strict']);
    expect(plain.code).toBe(0);
    expect(strict.code).toBe(1);
    expect(lines(plain.stdout)).toEqual(lines(strict.stdout));
    expect(lines(plain.stdout).every((line) => line.startsWith(`${catalog}:`))).toBe(true);
    expect(lines(plain.stdout).filter((line) => / error /.test(line))).toEqual([]);
    expect(lines(strict.stderr).at(-1)).toMatch(/: 0 error\(s\), [1-9]\d* warning\(s\), \d+ info\(s\) and --strict$/);
  });

  const failures: TestCase<string[], { error: new (...args: never[]) => Error; message: string | RegExp }>[] = [
    ['an unexpected argument', { given: ['lint', 'extra'], want: { error: UsageError, message: 'unexpected argument "extra"' } }],
    [
      'an unknown option',
      {
        given: ['lint', '--catalog', 'clean.yaml', '--frobnicate'],
        want: { error: UsageError, message: /^Unknown option '--frobnicate'\. [^\n]*$/ },
      },
    ],
    ['an empty --catalog', { given: ['lint', '--catalog', ''], want: { error: UsageError, message: '--catalog needs a file' } }],
    [
      'a missing catalog',
      {
        given: ['lint', '--catalog', 'nope.yaml'],
        want: {
          error: CatalogError,
          message: 'nope.yaml: (catalog): cannot read catalog: no such file; create it with "status-catalog init --catalog nope.yaml"',
        },
      },
    ],
    [
      'no catalog named and none at the default path',
      {
        given: ['lint'],
        want: {
          error: CatalogError,
          message:
            'data/status-codes.yaml: (catalog): cannot read catalog: no such file; create one with "status-catalog init", or name yours with --catalog FILE',
        },
      },
    ],
  ];
  test.each(failures)('throws on %s', async (_name, { given, want }) => {
    const result = await run(given);
    expect(result.code).toBeUndefined();
    expect(result.error).toBeInstanceOf(want.error);
    if (want.message instanceof RegExp) expect((result.error as Error).message).toMatch(want.message);
    else expect((result.error as Error).message).toBe(want.message);
    expect(result.stdout).toBe('');
  });

  test('an invalid catalog is a CatalogError with its located problems, and nothing printed', async () => {
    writeFile(join(work, 'dup.yaml'), CLEAN.replace('status: 404', 'status: 400'));
    const result = await run(['lint', '--catalog', 'dup.yaml']);
    expect(result.error).toBeInstanceOf(CatalogError);
    const diagnostics = (result.error as CatalogError).diagnostics;
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => d.file === 'dup.yaml' && d.line > 0)).toBe(true);
    expect(result.stdout).toBe('');
  });
});
