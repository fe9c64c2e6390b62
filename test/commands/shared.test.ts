/** generator/commands/shared.ts: messages, argument parsing, the catalog path and its warnings. */
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  acceptWarnings,
  catalogPathOf,
  COMMON_OPTIONS,
  DEFAULT_CATALOG,
  noMoreArguments,
  parse,
  say,
  UsageError,
} from '../../generator/commands/shared.js';
import { CatalogError } from '../../generator/util/diagnostics.js';
import { loadCatalog } from '../../generator/index.js';
import { writeFile, inTempWorkingFolder } from '../harness/helpers.js';
import type { TestCase } from '../harness/cases.js';

/** A stream that keeps what is written to it. */
function sink(): { stream: NodeJS.WriteStream; text: () => string } {
  let text = '';
  const stream = {
    write: (chunk: string) => {
      text += chunk;
      return true;
    },
  } as unknown as NodeJS.WriteStream;
  return { stream, text: () => text };
}

/** What `fn` throws, or undefined. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error;
  }
}

const CATALOG = `service: Shared
errorBody:
  codePattern: '^S\\.[0-9]{4}$'
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
  - code: S.0001
    status: 400
    message: Bad.
`;
/** Two codes on 200: two warnings. */
const WARNS = `${CATALOG}  - code: S.0002\n    status: 200\n    message: Odd.\n  - code: S.0003\n    status: 200\n    message: Odder.\n`;

let work: string;
inTempWorkingFolder((dir) => {
  work = dir;
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('say', () => {
  const tests: TestCase<string, string>[] = [
    ['a plain line, ended', { given: 'status-catalog: done', want: 'status-catalog: done\n' }],
    ['an empty line', { given: '', want: '\n' }],
    ['a line break in a name', { given: 'wrote a\nb', want: 'wrote a\\u000ab\n' }],
    ['a carriage return and a tab', { given: 'x\r\ty', want: 'x\\u000d\\u0009y\n' }],
    ['NUL, DEL and a C1 control', { given: '\u0000\u007f\u009b', want: '\\u0000\\u007f\\u009b\n' }],
    ['the Unicode line and paragraph separators', { given: 'a\u2028b\u2029c', want: 'a\\u2028b\\u2029c\n' }],
    ['a CI command cannot start a line', { given: 'out\n::warning::x', want: 'out\\u000a::warning::x\n' }],
    ['printable Unicode as it is', { given: 'café — 日本', want: 'café — 日本\n' }],
  ];
  test.each(tests)('%s', (_name, { given, want }) => {
    const { stream, text } = sink();
    say(stream, given);
    expect(text()).toBe(want);
  });
});

describe('parse', () => {
  test('typed values with their defaults, and the positionals (the command first)', () => {
    expect(parse(['lint', '--catalog', 'c.yaml', '-h', 'x'], COMMON_OPTIONS)).toEqual({
      values: { catalog: 'c.yaml', help: true, strict: false, debug: false, version: false },
      positionals: ['lint', 'x'],
    });
  });

  const failures: TestCase<string[], string>[] = [
    ['an unknown option', { given: ['--nope'], want: "Unknown option '--nope'" }],
    ['a string option without its value', { given: ['--catalog'], want: "Option '--catalog <value>' argument missing" }],
    ['a value given to a boolean', { given: ['--strict=yes'], want: "Option '--strict' does not take an argument" }],
  ];
  test.each(failures)('%s: a one-line UsageError', (_name, { given, want }) => {
    const error = thrown(() => parse(given, COMMON_OPTIONS));
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message.startsWith(want)).toBe(true);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('noMoreArguments', () => {
  const tests: TestCase<{ positionals: string[]; expected: number }, string | undefined>[] = [
    ['exactly the expected', { given: { positionals: ['merge', 'spec.yaml'], expected: 2 }, want: undefined }],
    ['fewer than expected', { given: { positionals: ['lint'], expected: 2 }, want: undefined }],
    ['one more: named', { given: { positionals: ['lint', 'x'], expected: 1 }, want: 'unexpected argument "x"' }],
    ['two more: the first named', { given: { positionals: ['diff', 'a', 'b', 'c', 'd'], expected: 3 }, want: 'unexpected argument "c"' }],
  ];
  test.each(tests)('%s', (_name, { given, want }) => {
    const error = thrown(() => noMoreArguments(given.positionals, given.expected));
    if (want === undefined) expect(error).toBeUndefined();
    else {
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toBe(want);
    }
  });
});

describe('catalogPathOf', () => {
  test('a catalog that exists: its path as given', () => {
    writeFile(join(work, 'mine.yaml'), CATALOG);
    expect(catalogPathOf('mine.yaml')).toBe('mine.yaml');
  });

  test('none given: the default, relative to the working folder', () => {
    writeFile(join(work, DEFAULT_CATALOG), CATALOG);
    expect(catalogPathOf(undefined)).toBe('data/status-codes.yaml');
  });

  const failures: TestCase<string | undefined, { error: new (...args: never[]) => Error; message: string }>[] = [
    ['an empty name', { given: '', want: { error: UsageError, message: '--catalog needs a file' } }],
    [
      'a named file that does not exist',
      {
        given: 'sub/gone.yaml',
        want: {
          error: CatalogError,
          message:
            'sub/gone.yaml: (catalog): cannot read catalog: no such file; create it with "status-catalog init --catalog sub/gone.yaml"',
        },
      },
    ],
    [
      'none given and none at the default path',
      {
        given: undefined,
        want: {
          error: CatalogError,
          message:
            'data/status-codes.yaml: (catalog): cannot read catalog: no such file; create one with "status-catalog init", or name yours with --catalog FILE',
        },
      },
    ],
  ];
  test.each(failures)('%s', (_name, { given, want }) => {
    const error = thrown(() => catalogPathOf(given));
    expect(error).toBeInstanceOf(want.error);
    expect((error as Error).message).toBe(want.message);
  });
});

describe('acceptWarnings', () => {
  const tests: TestCase<{ catalog: string; strict: boolean }, { accepted: boolean; stderr: string[] }>[] = [
    [
      'no warnings, --strict: accepted, nothing printed',
      { given: { catalog: CATALOG, strict: true }, want: { accepted: true, stderr: [] } },
    ],
    [
      'warnings without --strict: each printed, accepted',
      {
        given: { catalog: WARNS, strict: false },
        want: {
          accepted: true,
          stderr: [
            'c.yaml:18:13: warning: errors[1].status: error code S.0002 on the non-error status 200',
            'c.yaml:21:13: warning: errors[2].status: error code S.0003 on the non-error status 200',
          ],
        },
      },
    ],
    [
      'warnings under --strict: each printed, then refused with a count',
      {
        given: { catalog: WARNS, strict: true },
        want: {
          accepted: false,
          stderr: [
            'c.yaml:18:13: warning: errors[1].status: error code S.0002 on the non-error status 200',
            'c.yaml:21:13: warning: errors[2].status: error code S.0003 on the non-error status 200',
            'status-catalog: 2 warning(s) and --strict: nothing done',
          ],
        },
      },
    ],
  ];
  test.each(tests)('%s', (_name, { given, want }) => {
    writeFile(join(work, 'c.yaml'), given.catalog);
    const catalog = loadCatalog('c.yaml');
    let stderr = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
    const result = acceptWarnings(catalog, given.strict);
    vi.restoreAllMocks();
    expect(result).toBe(want.accepted ? catalog : undefined);
    expect(stderr === '' ? [] : stderr.replace(/\n$/, '').split('\n')).toEqual(want.stderr);
  });
});
