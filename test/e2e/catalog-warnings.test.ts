/**
 * The default code listed under one status (a warning), and headers a catalog must not
 * promise: hop-by-hop and entity headers, names that differ only in case (errors). Each
 * problem is located at the field that has it, in whichever file of an `extends` chain wrote it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogError, formatDiagnostic, loadCatalog, parseCatalog } from '../../generator/index.js';
import { catalogWith } from '../harness/catalog-lines.js';
import { runInProcess } from '../harness/cli.js';
import { DEFAULT_CATALOG, removeDir, ROOT, tempDir, writeFile } from '../harness/helpers.js';

/** Every problem of a catalog as the CLI prints it: errors and warnings, in file order. */
function problemsOf(text: string, file = 'cat.yaml'): string[] {
  try {
    return parseCatalog(text, file).warnings.map(formatDiagnostic);
  } catch (error) {
    if (error instanceof CatalogError) return error.diagnostics.map(formatDiagnostic);
    throw error;
  }
}

const SENT_ON_EVERY_STATUS = 'it is sent on errors of every status raised without a code';
const unsendable = (name: string): string => `${name} is a hop-by-hop or entity header that the generated code never sends; remove it`;

/** Status 500 after line 19 (lines 20-23). */
const STATUS_500 =
  '    retry: retry-after\n  - status: 500\n    name: InternalServerError\n    message: Internal Server Error\n    description: Failed.';
/** A second header declared after line 8 (lines 9-11). */
const declare = (name: string): string =>
  `    schema: { type: integer, minimum: 0 }\n  ${name}:\n    description: Something.\n    schema: { type: integer }`;

describe('errorBody.defaultCode listed under errors', () => {
  const cases: [string, string, string[]][] = [
    [
      'the default code listed under 500',
      catalogWith({ 19: STATUS_500 }, [
        'errors:',
        '  - code: T1.0000',
        '    status: 500',
        '    message: Internal server error.',
        '    name: Unexpected',
      ]),
      [`cat.yaml:4:16: warning: errorBody.defaultCode: default code T1.0000 is listed under status 500 (line 25); ${SENT_ON_EVERY_STATUS}`],
    ],
    [
      'the default code listed under a status the catalog lacks, with that warning too',
      catalogWith({}, ['errors:', '  - code: T1.0000', '    status: 500', '    message: Internal server error.']),
      [
        `cat.yaml:4:16: warning: errorBody.defaultCode: default code T1.0000 is listed under status 500 (line 21); ${SENT_ON_EVERY_STATUS}`,
        'cat.yaml:22:13: warning: errors[0].status: status 500 has no entry under statuses',
      ],
    ],
    [
      'the default code listed as a number, leading zeros and all',
      catalogWith({ 3: "  codePattern: '^[0-9]{4}$'", 4: '  defaultCode: "0000"' }, [
        'errors:',
        '  - code: 0000',
        '    status: 404',
        '    message: Something failed.',
      ]),
      [`cat.yaml:4:16: warning: errorBody.defaultCode: default code 0000 is listed under status 404 (line 21); ${SENT_ON_EVERY_STATUS}`],
    ],
    [
      'the default code in a problem body with other fields around it',
      catalogWith({ 2: 'errorBody:\n  shape: problem', 4: '  defaultCode: T1.0000\n  problemTypeBase: https://errors.example/' }, [
        'errors:',
        '  - code: T1.0001',
        '    status: 404',
        '    message: No such thing.',
        '  - code: T1.0000',
        '    status: 429',
        '    message: Slow down.',
      ]),
      [`cat.yaml:5:16: warning: errorBody.defaultCode: default code T1.0000 is listed under status 429 (line 26); ${SENT_ON_EVERY_STATUS}`],
    ],
    ['other codes only', catalogWith({}, ['errors:', '  - code: T1.0001', '    status: 404', '    message: No such thing.']), []],
    [
      'a code and no default code',
      catalogWith({ 4: null }, ['errors:', '  - code: T1.0000', '    status: 404', '    message: No such thing.']),
      [],
    ],
  ];
  for (const [name, text, expected] of cases) {
    it(`warns for ${name}`, () => {
      expect(problemsOf(text)).toEqual(expected);
    });
  }

  it('locates the warning in a JSON catalog', () => {
    const json = [
      '{',
      '  "service": "T1",',
      '  "errorBody": { "defaultCode": "T1.0000" },',
      '  "statuses": [{ "status": 500, "name": "Internal", "message": "Internal", "description": "Failed." }],',
      '  "errors": [',
      '    { "code": "T1.0000", "status": 500, "message": "Internal server error." }',
      '  ]',
      '}',
    ].join('\n');
    expect(problemsOf(json, 'cat.json')).toEqual([
      `cat.json:3:33: warning: errorBody.defaultCode: default code T1.0000 is listed under status 500 (line 6); ${SENT_ON_EVERY_STATUS}`,
    ]);
  });
});

describe('headers a catalog must not promise', () => {
  // Written in assorted cases: the check ignores case, the message keeps the name as written.
  const NAMES = [
    'Connection',
    'keep-alive',
    'TRANSFER-ENCODING',
    'Content-Length',
    'content-encoding',
    'Date',
    'te',
    'Trailer',
    'UPGRADE',
    'Proxy-Connection',
  ];
  for (const name of NAMES) {
    it(`refuses ${name} declared under headers`, () => {
      expect(problemsOf(catalogWith({ 8: declare(name) }))).toEqual([`cat.yaml:9:3: headers.${name}: ${unsendable(name)}`]);
    });
  }

  const cases: [string, string, string[]][] = [
    [
      'one declared and listed, at both places',
      catalogWith({ 8: declare('Content-Length'), 18: '    headers: [Retry-After, Content-Length]' }),
      [
        `cat.yaml:9:3: headers.Content-Length: ${unsendable('Content-Length')}`,
        `cat.yaml:21:28: statuses[1].headers[1]: ${unsendable('Content-Length')}`,
      ],
    ],
    // Not "declare it under the top-level headers": declaring it would be refused too.
    [
      'one listed but not declared',
      catalogWith({ 18: '    headers: [Retry-After, date]' }),
      [`cat.yaml:18:28: statuses[1].headers[1]: ${unsendable('date')}`],
    ],
    [
      'a name declared twice in different cases, naming the first',
      catalogWith({ 8: declare('retry-after') }),
      [
        'cat.yaml:9:3: headers.retry-after: header "retry-after" is already declared as "Retry-After" (line 6); header names are case-insensitive: declare it once',
      ],
    ],
    [
      'a flow-style declaration repeated in another case',
      catalogWith({
        6: '  Retry-After: { description: Wait this long., schema: { type: integer } }',
        7: '  RETRY-AFTER:\n    description: Again.',
      }),
      [
        'cat.yaml:7:3: headers.RETRY-AFTER: header "RETRY-AFTER" is already declared as "Retry-After" (line 6); header names are case-insensitive: declare it once',
      ],
    ],
    [
      'a listed name that differs from the declared one in case',
      catalogWith({ 18: '    headers: [retry-after]' }),
      ['cat.yaml:18:15: statuses[1].headers[0]: unknown header "retry-after": did you mean Retry-After?'],
    ],
    [
      'everything at once, with the other problems, in file order',
      catalogWith({ 8: declare('TE'), 14: '  - status: 404', 18: '    headers: [RETRY-AFTER, Upgrade]' }),
      [
        `cat.yaml:9:3: headers.TE: ${unsendable('TE')}`,
        'cat.yaml:17:13: statuses[1].status: duplicate status 404 (first at line 13)',
        'cat.yaml:21:15: statuses[1].headers[0]: unknown header "RETRY-AFTER": did you mean Retry-After?',
        `cat.yaml:21:28: statuses[1].headers[1]: ${unsendable('Upgrade')}`,
      ],
    ],
  ];
  for (const [name, text, expected] of cases) {
    it(`reports ${name}`, () => {
      expect(problemsOf(text)).toEqual(expected);
    });
  }

  it('accepts the headers that look alike but may be sent', () => {
    for (const name of ['Content-Range', 'Content-Language', 'Dated', 'Connection-Id', 'X-Upgrade']) {
      expect(problemsOf(catalogWith({ 8: declare(name) })), name).toEqual([]);
    }
  });

  it('locates the error at the key in a JSON catalog', () => {
    const json =
      '{\n  "service": "T1",\n  "errorBody": {},\n  "headers": {\n    "Keep-Alive": { "description": "x", "schema": { "type": "string" } }\n  },\n  "statuses": [{ "status": 500, "name": "Internal", "message": "Internal", "description": "Failed." }]\n}\n';
    expect(problemsOf(json, 'cat.json')).toEqual([`cat.json:5:5: headers.Keep-Alive: ${unsendable('Keep-Alive')}`]);
  });
});

/**
 * "Did you mean": a header a status lists that is not declared, and the status of a code that
 * the catalog does not list, name the closest match: equal but for case first, then a small
 * edit distance. Header names still match only as written: the hint is the fix.
 */
describe('did you mean', () => {
  const unknown = (header: string, line: number, column: number, hint: string): string =>
    `cat.yaml:${line}:${column}: statuses[1].headers[0]: unknown header ${JSON.stringify(header)}: ${hint}`;
  const code = (status: number): string[] => ['errors:', `  - { code: T1.0001, status: ${status}, message: Something. }`];
  const noEntry = (status: number, hint: string): string =>
    `cat.yaml:21:30: warning: errors[0].status: status ${status} has no entry under statuses${hint}`;
  const cases: [string, string, string[]][] = [
    [
      'a header in another case',
      catalogWith({ 18: '    headers: [retry-after]' }),
      [unknown('retry-after', 18, 15, 'did you mean Retry-After?')],
    ],
    [
      'a header with a letter missing',
      catalogWith({ 18: '    headers: [Retry-Afer]' }),
      [unknown('Retry-Afer', 18, 15, 'did you mean Retry-After?')],
    ],
    [
      'a header with two letters swapped, in another case',
      catalogWith({ 18: '    headers: [rerty-after]' }),
      [unknown('rerty-after', 18, 15, 'did you mean Retry-After?')],
    ],
    [
      'a header like no declared one',
      catalogWith({ 18: '    headers: [X-Nope]' }),
      [unknown('X-Nope', 18, 15, 'declare it under the top-level headers')],
    ],
    [
      'a header as close to two declared ones: the first declared',
      catalogWith({
        8: `${declare('X-Rate-A')}\n  X-Rate-B:\n    description: B.\n    schema: { type: integer }`,
        18: '    headers: [X-Rate-C]',
      }),
      ['cat.yaml:24:15: statuses[1].headers[0]: unknown header "X-Rate-C": did you mean X-Rate-A?'],
    ],
    [
      'a header equal but for case beats one closer as written',
      catalogWith({ 8: declare('Retry-Aftex'), 18: '    headers: [retry-after]' }),
      ['cat.yaml:21:15: statuses[1].headers[0]: unknown header "retry-after": did you mean Retry-After?'],
    ],
    [
      'a header whose declaration the schema refuses is still suggested',
      catalogWith({ 8: '    schema: { type: float }', 18: '    headers: [retry-after]' }),
      [
        'cat.yaml:8:21: headers.Retry-After.schema.type: must be one of: string, integer',
        unknown('retry-after', 18, 15, 'did you mean Retry-After?'),
      ],
    ],
    ['a code on a status one digit off', catalogWith({}, code(428)), [noEntry(428, ': did you mean 429?')]],
    ['a code on a status with two digits swapped', catalogWith({}, code(492)), [noEntry(492, ': did you mean 429?')]],
    [
      'a code on a status as close to two: the nearer in value',
      catalogWith({ 9: 'statuses:\n  - { status: 400, name: BadRequest, message: Bad Request, description: Bad. }' }, code(403)),
      ['cat.yaml:22:30: warning: errors[0].status: status 403 has no entry under statuses: did you mean 404?'],
    ],
    [
      'a code on a status of another class: no hint',
      catalogWith({}, code(200)),
      [noEntry(200, ''), 'cat.yaml:21:30: warning: errors[0].status: error code T1.0001 on the non-error status 200'],
    ],
    ['a code on a status far from any', catalogWith({}, code(451)), [noEntry(451, '')]],
  ];
  for (const [name, text, expected] of cases) {
    it(`hints for ${name}`, () => {
      expect(problemsOf(text)).toEqual(expected);
    });
  }
});

describe('through extends', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });
  afterAll(() => removeDir(dir));

  /** Writes the base, checks the extending catalog, and gives its problems with paths relative to the folder. */
  function chainProblems(base: string, extending: string): string[] {
    writeFile(join(dir, 'base.yaml'), base);
    return problemsOf(extending, join(dir, 'ext.yaml')).map((line) => line.split(`${dir}/`).join(''));
  }

  const fallback = (code: string): string[] => ['errors:', `  - code: ${code}`, '    status: 404', '    message: Fallback.'];

  it('locates the default code where the base sets it, naming the listing in the extending file', () => {
    expect(chainProblems(catalogWith({}), ['extends: base.yaml', ...fallback('T1.0000')].join('\n'))).toEqual([
      `base.yaml:4:16: warning: errorBody.defaultCode: default code T1.0000 is listed under status 404 (ext.yaml:3); ${SENT_ON_EVERY_STATUS}`,
    ]);
  });

  it('locates the default code where the extending file overrides it', () => {
    const extending = ['extends: base.yaml', 'errorBody:', '  defaultCode: T1.0001', ...fallback('T1.0001')].join('\n');
    expect(chainProblems(catalogWith({}), extending)).toEqual([
      `ext.yaml:3:16: warning: errorBody.defaultCode: default code T1.0001 is listed under status 404 (line 5); ${SENT_ON_EVERY_STATUS}`,
    ]);
  });

  it('names a listing in the base from the extending file', () => {
    const extending = ['extends: base.yaml', 'errorBody:', '  defaultCode: T1.0002'].join('\n');
    expect(chainProblems(catalogWith({}, fallback('T1.0002')), extending)).toEqual([
      `ext.yaml:3:16: warning: errorBody.defaultCode: default code T1.0002 is listed under status 404 (base.yaml:21); ${SENT_ON_EVERY_STATUS}`,
    ]);
  });

  it('says nothing once the extending file picks a default code nobody lists', () => {
    const extending = ['extends: base.yaml', 'errorBody:', '  defaultCode: T1.0009'].join('\n');
    expect(chainProblems(catalogWith({}, fallback('T1.0000')), extending)).toEqual([]);
  });

  it('refuses a header the base declares in another case, naming the base', () => {
    const extending = ['extends: base.yaml', 'headers:', '  retry-after:', '    description: Again.', '    schema: { type: integer }'].join(
      '\n',
    );
    expect(chainProblems(catalogWith({}), extending)).toEqual([
      'ext.yaml:3:3: headers.retry-after: header "retry-after" is already declared as "Retry-After" (base.yaml:6); header names are case-insensitive: declare it once',
    ]);
  });

  it('reports a hop-by-hop header in the base that declares it', () => {
    expect(chainProblems(catalogWith({ 8: declare('Transfer-Encoding') }), 'extends: base.yaml\ntitle: T1 errors')).toEqual([
      `base.yaml:9:3: headers.Transfer-Encoding: ${unsendable('Transfer-Encoding')}`,
    ]);
  });

  it('refuses the warning under generate --strict, writing nothing', async () => {
    const catalog = writeFile(join(dir, 'strict.yaml'), catalogWith({}, fallback('T1.0000')));
    const out = join(dir, 'out');
    const result = await runInProcess(['generate', '--catalog', catalog, '--out', out, '--strict']);
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n')).toEqual([
      `${catalog}:4:16: warning: errorBody.defaultCode: default code T1.0000 is listed under status 404 (line 21); ${SENT_ON_EVERY_STATUS}`,
      'status-catalog: 1 warning(s) and --strict: nothing done',
      '',
    ]);
    expect(existsSync(out)).toBe(false);
  });
});

describe('controls', () => {
  it('the default catalog loads with no warnings', () => {
    expect(loadCatalog(DEFAULT_CATALOG).warnings.map(formatDiagnostic)).toEqual([]);
  });

  it('the fixture catalogs give none of these problems', () => {
    for (const file of ['storage.yaml', 'billing.json', 'identity.yaml']) {
      const lines = loadCatalog(join(ROOT, 'test', 'fixtures', 'catalogs', file)).warnings.map(formatDiagnostic);
      expect(
        lines.filter((line) => /default code|hop-by-hop|case-insensitive|did you mean/.test(line)),
        file,
      ).toEqual([]);
    }
  });
});
