/**
 * Invalid catalogs: every problem is reported at once, each as one line naming the file,
 * line, column and field: the schema's problems, those of the rules a schema cannot say and
 * the warnings, in one run, in file order.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ADAPTERS } from '../../generator/targets/typescript/adapters.js';
import { catalogWith } from '../harness/catalog-lines.js';
import { problemsOf, removeDir, runCli, tempDir, writeFile } from '../harness/helpers.js';

describe('catalog validation', () => {
  it('accepts the base catalog', () => {
    expect(problemsOf(catalogWith({}))).toEqual([]);
  });

  const cases: [string, string, string[]][] = [
    [
      'unknown field',
      catalogWith({ 13: '    description: Nothing here.\n    colour: red' }),
      ['cat.yaml:14:5: statuses[0].colour: unknown field "colour"'],
    ],
    ['missing field', catalogWith({ 11: null }), ['cat.yaml:10:5: statuses[0].name: missing required field "name"']],
    ['wrong type', catalogWith({ 10: '  - status: "404"' }), ['cat.yaml:10:13: statuses[0].status: must be an integer']],
    [
      'bad enum',
      catalogWith({ 19: '    retry: later' }),
      ['cat.yaml:19:12: statuses[1].retry: must be one of: modify, anytime, retry-after, if-retry-after'],
    ],
    ['empty string', catalogWith({ 12: "    message: ''" }), ['cat.yaml:12:14: statuses[0].message: must not be empty']],
    [
      'duplicate status',
      catalogWith({ 14: '  - status: 404' }),
      ['cat.yaml:14:13: statuses[1].status: duplicate status 404 (first at line 10)'],
    ],
    ['status out of range', catalogWith({ 10: '  - status: 600' }), ['cat.yaml:10:13: statuses[0].status: status 600 is outside 100-599']],
    ['status below range', catalogWith({ 10: '  - status: 99' }), ['cat.yaml:10:13: statuses[0].status: status 99 is outside 100-599']],
    [
      'identifier with a space',
      catalogWith({ 11: '    name: Not Found' }),
      [
        'cat.yaml:11:11: statuses[0].name: "Not Found" is not an identifier: use ASCII letters, digits and underscores, starting with a letter',
      ],
    ],
    [
      'identifier with a leading digit',
      catalogWith({ 11: '    name: 404NotFound' }),
      [
        'cat.yaml:11:11: statuses[0].name: "404NotFound" is not an identifier: use ASCII letters, digits and underscores, starting with a letter',
      ],
    ],
    ['reserved word', catalogWith({ 11: '    name: delete' }), ['cat.yaml:11:11: statuses[0].name: "delete" is a reserved word']],
    ...['toString', 'valueOf', 'hasOwnProperty'].map((name): [string, string, string[]] => [
      `a member of every object: ${name}`,
      catalogWith({ 11: `    name: ${name}` }),
      [
        `cat.yaml:11:11: statuses[0].name: "${name}" is a member of every JavaScript object, which a key of StatusCode or ErrorCode would hide`,
      ],
    ]),
    [
      'name that would shadow a generated class',
      catalogWith({ 11: '    name: Api' }),
      [
        'cat.yaml:11:11: statuses[0].name: "Api" would generate class ApiError, which the generated code or the JavaScript runtime already defines',
      ],
    ],
    [
      'an adapter the generator does not have',
      catalogWith({ 1: 'service: T1\ntypescript:\n  adapters: [axios, superagent]' }),
      [`cat.yaml:3:21: typescript.adapters[1]: must be one of: ${ADAPTERS.map((adapter) => adapter.name).join(', ')}`],
    ],
    [
      'name that would shadow the class of a request that got no response',
      catalogWith({ 11: '    name: Connection' }),
      [
        'cat.yaml:11:11: statuses[0].name: "Connection" would generate class ConnectionError, which the generated code or the JavaScript runtime already defines',
      ],
    ],
    [
      'name that would shadow a global',
      catalogWith({ 11: '    name: Type' }),
      [
        'cat.yaml:11:11: statuses[0].name: "Type" would generate class TypeError, which the generated code or the JavaScript runtime already defines',
      ],
    ],
    [
      'colliding names',
      catalogWith({ 15: '    name: NotFound' }),
      ['cat.yaml:15:11: statuses[1].name: name "NotFound" of status 429 collides with status 404 (line 11); give one a different name'],
    ],
    [
      'duplicate message',
      catalogWith({ 16: '    message: Not Found' }),
      ['cat.yaml:16:14: statuses[1].message: duplicate message "Not Found" (also status 404, line 12)'],
    ],
    [
      'unknown header',
      catalogWith({ 18: '    headers: [Retry-After, X-Nope]' }),
      ['cat.yaml:18:28: statuses[1].headers[1]: unknown header "X-Nope": declare it under the top-level headers'],
    ],
    [
      'body on a bodiless status',
      catalogWith({ 10: '  - status: 204', 13: '    description: Nothing here.\n    bodyAllowed: true' }),
      ['cat.yaml:14:18: statuses[0].bodyAllowed: a 204 response cannot carry content (RFC 9110)'],
    ],
    [
      'invalid code pattern',
      catalogWith({ 3: "  codePattern: '^T1\\.[0-9{4}$('" }),
      [
        'cat.yaml:3:16: errorBody.codePattern: not a valid regular expression: Invalid regular expression: /^T1\\.[0-9{4}$(/u: Unterminated character class',
      ],
    ],
    [
      'code pattern that can backtrack catastrophically',
      catalogWith({ 3: "  codePattern: '^([A-Z0-9]+\\.?)+[0-9]{4}$'" }),
      [
        'cat.yaml:3:16: errorBody.codePattern: may backtrack catastrophically: [A-Z0-9] (character 3 of the pattern) and [0-9] (character 17) can match the same characters, so a long code that almost matches is tried in very many ways; rewrite it so that each character can be matched one way only, e.g. ^[A-Z]+(?:\\.[A-Z]+)*$ rather than ^([A-Z]+\\.?)+$',
      ],
    ],
    [
      'default code not matching',
      catalogWith({ 4: '  defaultCode: T1.00' }),
      ['cat.yaml:4:16: errorBody.defaultCode: "T1.00" does not match codePattern ^T1\\.[0-9]{4}$'],
    ],
    // The declaration is left out of the other checks; Retry-After is then declared nowhere.
    [
      'bad header name',
      catalogWith({ 6: '  Retry After:' }),
      [
        'cat.yaml:6:3: headers["Retry After"]: invalid name "Retry After": use letters, digits and hyphens, starting with a letter',
        'cat.yaml:18:15: statuses[1].headers[0]: unknown header "Retry-After": declare it under the top-level headers',
      ],
    ],
    [
      'control character',
      catalogWith({ 13: '    description: "Nothing\\u0007 here."' }),
      ['cat.yaml:13:18: statuses[0].description: contains the control character U+0007 at offset 7'],
    ],
    [
      'duplicate key',
      catalogWith({ 12: '    message: Not Found\n    message: Gone' }),
      ['cat.yaml:13:5: (catalog): Map keys must be unique'],
    ],
    [
      'YAML syntax error',
      catalogWith({ 12: '    message: [Not Found' }),
      ['cat.yaml:13:5: (catalog): Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ],
    [
      'bad TypeScript options',
      catalogWith({}, ['typescript:', '  enums: native', '  emit: mjs', "  importExtension: '.mts'"]),
      [
        'cat.yaml:21:10: typescript.enums: must be one of: const, enum',
        'cat.yaml:22:9: typescript.emit: must be one of: ts, js',
        'cat.yaml:23:20: typescript.importExtension: must be one of: .js, .ts',
      ],
    ],
    [
      'TypeScript options that contradict each other',
      catalogWith({}, ['typescript:', '  emit: js', '  importExtension: .ts']),
      [
        'cat.yaml:22:20: typescript.importExtension: importExtension ".ts" needs emit "ts": the JavaScript of emit "js" (line 21) imports its modules by ".js"; leave importExtension out',
      ],
    ],
    ['TypeScript options that go together', catalogWith({}, ['typescript:', '  enums: enum', '  emit: js', '  importExtension: .js']), []],
    ['empty file', '', ['cat.yaml:1:1: (catalog): catalog is empty']],
    ['not a mapping', '- 1\n- 2\n', ['cat.yaml:1:1: (catalog): must be a mapping']],
  ];

  for (const [name, text, expected] of cases) {
    it(`reports ${name}`, () => {
      expect(problemsOf(text)).toEqual(expected);
    });
  }

  it('reports every problem at once, in file order', () => {
    const text = catalogWith({ 10: '  - status: 700', 11: '    name: Not Found', 16: '    message: Not Found', 19: '    retry: soon' });
    expect(problemsOf(text)).toEqual([
      'cat.yaml:10:13: statuses[0].status: status 700 is outside 100-599',
      'cat.yaml:11:11: statuses[0].name: "Not Found" is not an identifier: use ASCII letters, digits and underscores, starting with a letter',
      // statuses[1] has a schema problem: its own message is not compared with others.
      'cat.yaml:19:12: statuses[1].retry: must be one of: modify, anytime, retry-after, if-retry-after',
    ]);
  });

  it('locates errors in JSON catalogs too', () => {
    const json =
      '{\n  "service": "T1",\n  "errorBody": { "codePattern": "^T1$", "defaultCode": "T1" },\n  "statuses": [\n    { "status": 404, "name": "NotFound", "message": "x", "description": "y", "oops": 1 }\n  ]\n}\n';
    expect(problemsOf(json, 'cat.json')).toEqual(['cat.json:5:78: statuses[0].oops: unknown field "oops"']);
  });

  it('accepts a byte order mark and CRLF line ends', () => {
    expect(problemsOf(`\uFEFF${catalogWith({}).replace(/\n/g, '\r\n')}`)).toEqual([]);
  });

  it('the CLI refuses a code pattern that can backtrack catastrophically, at once, writing nothing', () => {
    const dir = tempDir();
    try {
      const catalog = writeFile(join(dir, 'cat.yaml'), catalogWith({ 3: "  codePattern: '^([A-Z0-9]+\\.?)+[0-9]{4}$'" }));
      const out = join(dir, 'out');
      const result = runCli(['generate', '--catalog', catalog, '--out', out]);
      expect(result.status).toBe(1);
      const [line, ...rest] = result.stderr.split('\n');
      expect(line).toMatch(/: errorBody\.codePattern: may backtrack catastrophically: /);
      expect(line?.startsWith(`${catalog}:3:16: `)).toBe(true);
      expect(rest).toEqual(['']);
      expect(existsSync(out)).toBe(false);
    } finally {
      removeDir(dir);
    }
  });

  it('refuses an alias bomb with a limit in the message', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    const [line, ...rest] = problemsOf(bomb);
    expect(rest).toEqual([]);
    expect(line).toMatch(/^cat\.yaml:1:1: \(catalog\): .*\(limit: 100 aliases\)$/);
  });
});

/**
 * One pass: a catalog with schema problems, problems of the rules and warnings gets them all
 * from one run, the rules running on every entry whose own shape is right.
 */
describe('one pass', () => {
  /** Error codes, at lines 22-27 of EVERYTHING (which adds a line after line 3 and one after line 13). */
  const ERRORS = [
    'errors:',
    '  - { code: T1.0001, status: 404, message: No such bucket. }',
    '  - { code: X1, status: 503, message: Down. }',
    '  - { code: T1.0003, status: "500", message: Down for now. }',
    '  - { code: T1.0004, status: 429, message: Slow down., extra: 1 }',
    '  - { code: T1.0001, status: 404, message: Again. }',
  ];
  const EVERYTHING = catalogWith(
    {
      3: "  codePattern: '^T1\\.[0-9]{4}$'\n  shape: flatt",
      13: '    description: Nothing here.\n    colour: red',
      18: '    headers: [Retry-After, X-Nope]',
    },
    ERRORS,
  );
  const EVERY_LINE = [
    'cat.yaml:4:10: errorBody.shape: must be one of: flat, nested, problem',
    'cat.yaml:15:5: statuses[0].colour: unknown field "colour"',
    'cat.yaml:20:28: statuses[1].headers[1]: unknown header "X-Nope": declare it under the top-level headers',
    'cat.yaml:24:13: warning: errors[1].code: code "X1" does not match codePattern ^T1\\.[0-9]{4}$',
    'cat.yaml:24:25: warning: errors[1].status: status 503 has no entry under statuses',
    'cat.yaml:25:30: errors[2].status: must be an integer',
    'cat.yaml:26:56: errors[3].extra: unknown field "extra"',
    'cat.yaml:27:13: errors[4].code: duplicate code T1.0001 under status 404 (first at line 23)',
  ];

  // statuses[0] (a schema problem) is left out of the rules, so a code on 404 is no warning.
  it('reports schema problems, rule problems and warnings together, in file order', () => {
    expect(problemsOf(EVERYTHING)).toEqual(EVERY_LINE);
  });

  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });
  afterAll(() => removeDir(dir));

  it('the CLI prints them all from one run, exit 1, writing nothing; --strict changes nothing there', () => {
    const catalog = writeFile(join(dir, 'cat.yaml'), EVERYTHING);
    for (const strict of [[], ['--strict']]) {
      const out = join(dir, `out${strict.length}`);
      const result = runCli(['generate', '--catalog', catalog, '--out', out, ...strict]);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(EVERY_LINE.map((line) => line.replace(/^cat\.yaml/, catalog)).join('\n') + '\n');
      expect(existsSync(out)).toBe(false);
    }
  });

  it('still generates with warnings alone, and --strict still refuses them', () => {
    const catalog = writeFile(join(dir, 'warn.yaml'), catalogWith({}, ['errors:', '  - { code: X1, status: 404, message: Gone. }']));
    const warning = `${catalog}:21:13: warning: errors[0].code: code "X1" does not match codePattern ^T1\\.[0-9]{4}$`;
    const loose = runCli(['generate', '--catalog', catalog, '--out', join(dir, 'warn-out')]);
    expect([loose.status, loose.stderr]).toEqual([0, `${warning}\n`]);
    const strict = runCli(['generate', '--catalog', catalog, '--out', join(dir, 'strict-out'), '--strict']);
    expect([strict.status, strict.stderr]).toEqual([1, `${warning}\nstatus-catalog: 1 warning(s) and --strict: nothing done\n`]);
  });

  // What the rules leave out is only what the schema faults: an entry, or a list or mapping
  // that is not one. Checks that refer to a left-out entry say nothing rather than something false.
  const cases: [string, string, string[]][] = [
    [
      'an entry after a broken one keeps its index',
      catalogWith({ 11: '    name: 5', 15: '    name: Bad Name' }),
      [
        'cat.yaml:11:11: statuses[0].name: must be a string',
        'cat.yaml:15:11: statuses[1].name: "Bad Name" is not an identifier: use ASCII letters, digits and underscores, starting with a letter',
      ],
    ],
    [
      'a code on a status whose entry is broken is not "missing" a status',
      catalogWith({ 19: '    retry: later' }, ['errors:', '  - { code: T1.0001, status: 429, message: Slow. }']),
      ['cat.yaml:19:12: statuses[1].retry: must be one of: modify, anytime, retry-after, if-retry-after'],
    ],
    [
      'nor one on any status when a status is not even a number',
      catalogWith({ 14: '  - status: "429"' }, ['errors:', '  - { code: T1.0001, status: 418, message: Tea. }']),
      ['cat.yaml:14:13: statuses[1].status: must be an integer'],
    ],
    [
      'a header whose declaration is broken is not unknown',
      catalogWith({ 8: '    schema: { type: float }' }),
      ['cat.yaml:8:21: headers.Retry-After.schema.type: must be one of: string, integer'],
    ],
    [
      'nor any header when headers is not a mapping',
      catalogWith({ 6: null, 7: null, 8: null, 5: 'headers: [Retry-After]' }),
      ['cat.yaml:5:10: headers: must be a mapping'],
    ],
    [
      'statuses that are all broken are not "no statuses"',
      catalogWith({ 10: '  - status: 404', 11: null, 15: null }),
      ['cat.yaml:10:5: statuses[0].name: missing required field "name"', 'cat.yaml:13:5: statuses[1].name: missing required field "name"'],
    ],
    [
      'a missing service once, not once by the schema and once by the rules',
      catalogWith({ 1: null }),
      ['cat.yaml:1:1: (catalog): must match "else" schema', 'cat.yaml:1:1: service: missing required field "service"'],
    ],
    [
      'an errorBody that is not a mapping, and a rule problem elsewhere',
      catalogWith({ 2: 'errorBody: flat', 3: null, 4: null, 16: '    message: Not Found' }),
      [
        'cat.yaml:2:12: errorBody: must be a mapping',
        'cat.yaml:14:14: statuses[1].message: duplicate message "Not Found" (also status 404, line 10)',
      ],
    ],
    ['a catalog that is not a mapping: nothing else to check', '"just text"\n', ['cat.yaml:1:1: (catalog): must be a mapping']],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      expect(problemsOf(text)).toEqual(expected);
    });
  }

  it('checks a catalog on a broken base, each file where it is at fault', () => {
    writeFile(join(dir, 'base.yaml'), catalogWith({ 12: '    message: [Not, Found]' }));
    const extending = [
      'extends: base.yaml',
      'statuses:',
      '  - { status: 410, name: TooManyRequests, message: Gone, description: Gone. }',
    ].join('\n');
    expect(problemsOf(extending, join(dir, 'ext.yaml')).map((line) => line.split(`${dir}/`).join(''))).toEqual([
      'base.yaml:12:14: statuses[0].message: must be a string',
      'ext.yaml:3:26: statuses[0].name: name "TooManyRequests" of status 410 collides with status 429 (base.yaml:15); give one a different name',
    ]);
  });

  it('never crashes on a damaged catalog: every problem is a located line', () => {
    const catalog = {
      service: 'T1',
      errorBody: { shape: 'flat', codePattern: '^T1\\.[0-9]{4}$', defaultCode: 'T1.0000', codeField: 'code', messageField: 'msg' },
      headers: {
        'Retry-After': {
          description: 'Wait.',
          schema: { type: 'integer', oneOf: [{ type: 'integer' }, { type: 'string', pattern: 'x' }] },
        },
      },
      statuses: [
        {
          status: 404,
          name: 'NotFound',
          message: 'Not Found',
          description: 'x',
          headers: ['Retry-After'],
          retry: 'modify',
          bodyAllowed: true,
        },
        { status: 429, name: 'TooMany', message: 'Too Many', description: 'y', headers: ['Retry-After'] },
      ],
      errors: [
        { code: 'T1.0001', status: 404, message: 'No such bucket.', name: 'NoBucket', description: 'd', measure: 'm', deprecated: false },
        { code: 1234, status: 429, message: 'Slow down please.' },
      ],
      typescript: { errorCodeClasses: true },
    };
    const paths = (value: unknown, path: (string | number)[] = []): (string | number)[][] =>
      value !== null && typeof value === 'object'
        ? [path, ...Object.entries(value).flatMap(([key, item]) => paths(item, [...path, Array.isArray(value) ? Number(key) : key]))]
        : [path];
    const places = paths(catalog).filter((path) => path.length > 0);
    const leaf = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.integer(),
      fc.double(),
      fc.string({ maxLength: 5 }),
      fc.constantFrom('__proto__', 'Retry-After', '404'),
    );
    const junk = fc.oneof(
      leaf,
      fc.array(leaf, { maxLength: 3 }),
      fc.dictionary(
        fc.constantFrom('status', 'name', 'code', 'message', 'description', 'schema', 'type', 'headers', '__proto__', 'x'),
        leaf,
        { maxKeys: 4 },
      ),
    );
    const damage = fc.array(fc.tuple(fc.nat(places.length - 1), junk, fc.boolean()), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(damage, fc.boolean(), (changes, json) => {
        const data = structuredClone(catalog) as Record<string | number, unknown>;
        for (const [place, value, remove] of changes) {
          const path = places[place]!;
          let node: unknown = data;
          for (const segment of path.slice(0, -1))
            node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[segment] : undefined;
          if (node === null || typeof node !== 'object') continue;
          if (remove && !Array.isArray(node)) delete (node as Record<string | number, unknown>)[path.at(-1)!];
          else Object.defineProperty(node, path.at(-1)!, { value, enumerable: true, writable: true, configurable: true });
        }
        const file = json ? 'cat.json' : 'cat.yaml';
        const lines = problemsOf(json ? JSON.stringify(data, null, 2) : stringify(data), file);
        for (const line of lines) expect(line).toMatch(new RegExp(`^${file.replace('.', '\\.')}:[1-9][0-9]*:[1-9][0-9]*: [^\\n]+$`));
      }),
      { numRuns: 500, seed: 20260511 },
    );
  });
});
