/**
 * Catalogs of real error bodies: arrays of errors, integer codes, constants of any JSON value,
 * absent parts, the status echoed, errors on 2xx, names from codes, extra schemas, and a
 * catalog that extends another and lays its body out anew.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, test } from 'vitest';
import { deriveIdentifierFromCode } from '../../generator/catalog/identifiers.js';
import { CatalogError, formatDiagnostic, loadCatalog, parseCatalog } from '../../generator/index.js';
import { buildModel } from '../../generator/model/model.js';
import type { TestCase } from '../harness/cases.js';
import { problemsOf, removeDir, tempDir, writeFile } from '../harness/helpers.js';

const STATUSES = [
  'statuses:',
  '  - { status: 200, name: Ok, message: OK, description: Fine. }',
  '  - { status: 400, name: BadRequest, message: Bad Request, description: Bad. }',
  '  - { status: 429, name: TooManyRequests, message: Too Many Requests, description: Slow down. }',
];

/** A catalog of service T with this errorBody (lines under `errorBody:`) and these error entries. */
function catalogText(body: string[], errors: string[] = [], top: string[] = []): string {
  const listed = errors.length === 0 ? [] : ['errors:', ...errors];
  return ['service: T', ...top, 'errorBody:', ...(body.length === 0 ? ['  {}'] : body), ...STATUSES, ...listed, ''].join('\n');
}

function warningsOf(text: string): string[] {
  return parseCatalog(text, 'cat.yaml').warnings.map(formatDiagnostic);
}

describe('the README bodies are accepted as written', () => {
  const cloudflare = catalogText(
    [
      '  fields: { code: /errors/0/code, message: /errors/0/message, requestId: null }',
      '  codeType: integer',
      '  constants: { /success: false, /messages: [], /result: null }',
    ],
    ['  - { code: 7003, status: 400, message: No route for the URI }'],
  );
  const slack = catalogText(
    ['  fields: { code: /error, message: null, requestId: null }', '  constants: { /ok: false }'],
    ['  - { code: invalid_auth, status: 200, message: Some aspect of authentication cannot be validated. }'],
    ['errorNames: code'],
  );
  const google = catalogText(
    [
      '  fields: { code: /error/status, message: /error/message, status: /error/code, requestId: null }',
      '  statusType: integer',
      '  extra: { /error/details: { schema: { type: array, items: { type: object } }, description: Details. } }',
    ],
    ['  - { code: RESOURCE_EXHAUSTED, status: 429, message: Quota exceeded. }'],
    ['errorNames: code'],
  );

  it('Cloudflare: a list of errors, integer codes, constants null and []', () => {
    const model = buildModel(parseCatalog(cloudflare, 'cat.yaml'));
    expect(model.errorBody.codeType).toBe('integer');
    expect(model.errorBody.members.map((m) => [m.kind, m.path, m.kind === 'constant' ? m.value : undefined])).toEqual([
      ['part', ['errors', 0, 'code'], undefined],
      ['part', ['errors', 0, 'message'], undefined],
      ['constant', ['success'], false],
      ['constant', ['messages'], []],
      ['constant', ['result'], null],
    ]);
    expect(model.errors.map((e) => e.code)).toEqual(['7003']);
  });

  it('Slack: no message member, codes on 200 without a warning, names from codes', () => {
    expect(warningsOf(slack)).toEqual([]);
    const model = buildModel(parseCatalog(slack, 'cat.yaml'));
    expect(model.errorBody.members.map((m) => m.pointer)).toEqual(['/error', '/ok']);
    expect(model.errorBody.identifiedByConstants).toBe(true);
    expect(model.errors.map((e) => e.className)).toEqual(['InvalidAuthError']);
    expect(model.statuses.map((s) => [s.status, s.errorOnSuccess])).toEqual([
      [200, true],
      [400, false],
      [429, false],
    ]);
  });

  it('Google: the status echoed, an extra list of objects', () => {
    const model = buildModel(parseCatalog(google, 'cat.yaml'));
    expect(model.errorBody.members.map((m) => `${m.kind === 'part' ? m.part : m.kind}@${m.pointer}`)).toEqual([
      'code@/error/status',
      'message@/error/message',
      'status@/error/code',
      'extra@/error/details',
    ]);
    expect(model.errorBody.statusType).toBe('integer');
    expect(model.errors.map((e) => e.name)).toEqual(['ResourceExhausted']);
  });
});

describe('located errors for pointers the body cannot honour', () => {
  const tests: TestCase<string[], string[]>[] = [
    [
      'two parts in different items of one list',
      {
        given: ['  fields: { code: /errors/0/code, message: /errors/1/message }'],
        want: [
          "cat.yaml:3:44: errorBody.fields.message: /errors/1/message puts the message member in item 1 of the list /errors, but the code member (/errors/0/code) is in item 0: an error's members go in one item; give the message member a member of its own",
        ],
      },
    ],
    [
      'the "-" token',
      {
        given: ['  fields: { code: /errors/-/code }'],
        want: [
          'cat.yaml:3:19: errorBody.fields.code: "/errors/-/code": "-" names the item after the end of an array (RFC 6901), which no body holds; give the index of the item',
        ],
      },
    ],
    [
      'a part inside a constant',
      {
        given: ['  fields: { code: /messages/0/code }', '  constants: { /messages: [] }'],
        want: [
          'cat.yaml:4:27: errorBody.constants["/messages"]: /messages holds /messages/0/code, the code member, so it cannot be a value itself; give the constant a member of its own',
        ],
      },
    ],
    [
      'a member both an array and an object',
      {
        given: ['  fields: { code: /errors/0/code, message: /errors/message }'],
        want: [
          'cat.yaml:3:44: errorBody.fields.message: /errors/message makes /errors both an array and an object: the code member (/errors/0/code) indexes it, it names a member of it; give the message member a member of its own',
        ],
      },
    ],
    [
      "the problem preset's message left out",
      {
        given: ['  shape: problem', '  fields: { message: null }'],
        want: [
          'cat.yaml:4:22: errorBody.fields.message: the problem preset fixes the message member at /detail: a body of it cannot leave it out',
        ],
      },
    ],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => expect(problemsOf(catalogText(given))).toEqual(want));
  }
});

describe('codeType integer', () => {
  const tests: TestCase<{ body?: string[]; errors: string[]; statuses?: string[] }, string[]>[] = [
    [
      'codes written as numbers or as strings of digits',
      { given: { errors: ['  - { code: 7003, status: 400, message: A }', '  - { code: "10000", status: 429, message: B }'] }, want: [] },
    ],
    [
      'a code with a leading zero',
      {
        given: { errors: ['  - { code: 0042, status: 400, message: A }'] },
        want: ['cat.yaml:9:13: errors[0].code: code 0042 has a leading zero, which a JSON integer cannot keep (codeType is integer)'],
      },
    ],
    [
      'a code that is not digits',
      {
        given: { errors: ['  - { code: T.1, status: 400, message: A }'] },
        want: ['cat.yaml:9:13: errors[0].code: code "T.1" is not an integer, and codeType is integer: write it in digits'],
      },
    ],
    [
      'a code past 2^53 - 1',
      {
        given: { errors: ['  - { code: "9007199254740993", status: 400, message: A }'] },
        want: ['cat.yaml:9:13: errors[0].code: code 9007199254740993 is larger than a JSON integer holds exactly (2^53 - 1)'],
      },
    ],
    [
      'a default code that is not digits',
      {
        given: { body: ['  defaultCode: internal'], errors: [] },
        want: [
          'cat.yaml:4:16: errorBody.defaultCode: default code "internal" is not an integer, and codeType is integer: write it in digits',
        ],
      },
    ],
    ['a default code written as a number', { given: { body: ['  defaultCode: 1000'], errors: [] }, want: [] }],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      expect(problemsOf(catalogText(['  codeType: integer', ...(given.body ?? [])], given.errors))).toEqual(want);
    });
  }

  it("keeps a default code written as a number as written, the body's and a status's", () => {
    const text = catalogText(['  defaultCode: 0042'], []).replace('description: Bad. }', 'description: Bad., defaultCode: 0040 }');
    const model = buildModel(parseCatalog(text, 'cat.yaml'));
    expect(model.errorBody.defaultCode).toBe('0042');
    expect(model.statuses.find((s) => s.status === 400)!.defaultCode).toBe('0040');
  });

  it("refuses a status's default code with a leading zero", () => {
    const text = catalogText(['  codeType: integer'], []).replace('description: Bad. }', 'description: Bad., defaultCode: 0040 }');
    expect(problemsOf(text)).toEqual([
      'cat.yaml:6:92: statuses[1].defaultCode: default code 0040 has a leading zero, which a JSON integer cannot keep (codeType is integer)',
    ]);
  });
});

describe('codes on a 2xx status', () => {
  const code = ['  - { code: not_ok, status: 200, message: Not OK. }'];
  it('are a warning when no constant tells an error body from a success', () => {
    expect(warningsOf(catalogText([], code))).toEqual([
      'cat.yaml:9:29: warning: errors[0].status: error code not_ok on the non-error status 200',
    ]);
  });
  it('are expected when the body has constants', () => {
    expect(warningsOf(catalogText(['  constants: { /ok: false }'], code))).toEqual([]);
  });
  it('on a 3xx are still a warning with constants', () => {
    const text = catalogText(['  constants: { /ok: false }'], ['  - { code: moved, status: 301, message: Gone away. }']).replace(
      'statuses:',
      'statuses:\n  - { status: 301, name: Moved, message: Moved Permanently, description: Moved. }',
    );
    expect(warningsOf(text)).toEqual(['cat.yaml:10:28: warning: errors[0].status: error code moved on the non-error status 301']);
  });
});

describe('constants of any JSON value', () => {
  it('keeps null, [], {} and nested values', () => {
    const text = catalogText(['  constants: { /a: null, /b: [], /c: {}, /d: { x: [1, { y: true }] } }']);
    const constants = buildModel(parseCatalog(text, 'cat.yaml')).errorBody.members.filter((m) => m.kind === 'constant');
    expect(constants.map((m) => m.value)).toEqual([null, [], {}, { x: [1, { y: true }] }]);
  });
});

describe('errorNames: code', () => {
  const derivations: [code: string, name: string][] = [
    ['invalid_auth', 'InvalidAuth'],
    ['TOO-MANY', 'TooMany'],
    ['SCREAMING_CODE', 'ScreamingCode'],
    ['RESOURCE_EXHAUSTED', 'ResourceExhausted'],
    ['NoSuchKey', 'NoSuchKey'],
    ['camelCase.code', 'CamelCaseCode'],
    ['S3M.0001', 'S3M0001'],
    ['v2_invalid', 'V2Invalid'],
    ['4xx_quota', 'E4xxQuota'],
    ['type', 'TypeCode'],
    ['not_authed', 'NotAuthed'],
    [`${'long_'.repeat(12)}end`, 'LongLongLongLongLongLongLongLongLongLongLongLong'],
  ];
  for (const [code, name] of derivations) {
    test(`${code} → ${name}`, () => expect(deriveIdentifierFromCode(code)).toBe(name));
  }

  const names = (errors: string[]): string[] =>
    parseCatalog(catalogText([], errors, ['errorNames: code']), 'cat.yaml').data.errors!.map((e) => e.name!);

  it('derives from the code, keeps the message rule for a code without letters, and a given name', () => {
    expect(
      names([
        '  - { code: invalid_auth, status: 400, message: Invalid auth. }',
        '  - { code: 1100, status: 400, message: Account is locked. }',
        '  - { code: ratelimited, status: 429, message: Slow down., name: RateLimited }',
      ]),
    ).toEqual(['InvalidAuth', 'AccountIsLocked', 'RateLimited']);
  });

  it('suffixes codes that give one name, with a warning naming the other', () => {
    const text = catalogText(
      [],
      ['  - { code: not_found, status: 400, message: A. }', '  - { code: NOT-FOUND, status: 400, message: B. }'],
      ['errorNames: code'],
    );
    expect(parseCatalog(text, 'cat.yaml').data.errors!.map((e) => e.name)).toEqual(['NotFound_notfound', 'NotFound_NOTFOUND']);
    expect(warningsOf(text)).toEqual([
      'cat.yaml:10:13: warning: errors[0].code: name NotFound_notfound is derived from a code that differs from code NOT-FOUND (line 11) only in case or punctuation; set "name" to keep it stable',
      'cat.yaml:11:13: warning: errors[1].code: name NotFound_NOTFOUND is derived from a code that differs from code not_found (line 10) only in case or punctuation; set "name" to keep it stable',
    ]);
  });

  it('suffixes a code that gives the name of a status', () => {
    expect(names(['  - { code: bad_request, status: 400, message: A. }'])).toEqual(['BadRequest_badrequest']);
  });

  it('suffixes one code listed under two statuses with the status', () => {
    expect(names(['  - { code: limited, status: 400, message: A. }', '  - { code: limited, status: 429, message: B. }'])).toEqual([
      'Limited_limited_400',
      'Limited_limited_429',
    ]);
  });

  it('is message by default', () => {
    expect(
      parseCatalog(catalogText([], ['  - { code: invalid_auth, status: 400, message: Bad token. }']), 'cat.yaml').data.errors![0]!.name,
    ).toBe('BadToken');
  });
});

describe('extra schemas', () => {
  const extra = (schema: string): string => catalogText([`  extra: { /x: { schema: ${schema}, description: X. } }`]);
  const accepted = [
    '{ type: array, items: { type: object, properties: { "@type": { type: string } }, required: ["@type"] } }',
    '{ type: [string, "null"] }',
    '{ type: ["null", integer], minimum: 0 }',
    '{ enum: [1, a, null, [1], { k: v }] }',
    '{ type: string, enum: [a, b], format: uri }',
    '{ type: object, properties: { n: { type: [number, "null"] } } }',
  ];
  for (const schema of accepted) test(`accepts ${schema}`, () => expect(problemsOf(extra(schema))).toEqual([]));

  const refused: TestCase<string, RegExp>[] = [
    [
      'items without type array',
      {
        given: '{ items: { type: string } }',
        want: /extra\["\/x"\]\.schema: is not a valid JSON Schema: missing type "array" for keyword "items"/,
      },
    ],
    [
      'required naming no property',
      {
        given: '{ type: object, properties: { a: { type: string } }, required: [b] }',
        want: /is not a valid JSON Schema: required property "b" is not defined/,
      },
    ],
    [
      'an enum value the type refuses',
      { given: '{ type: string, enum: [a, 1] }', want: /lists 1 under enum, which the schema itself refuses \(it must be string\)/ },
    ],
    ['a pattern that is no regular expression', { given: '{ type: string, pattern: "(" }', want: /is not a valid JSON Schema/ }],
    ['two types besides null', { given: '{ type: [string, integer] }', want: /extra\["\/x"\]\.schema\.type: must be one of/ }],
    ['a keyword outside the subset', { given: '{ type: string, const: a }', want: /unknown field "const"/ }],
  ];
  for (const [name, { given, want }] of refused) {
    test(`refuses ${name}`, () => {
      const found = problemsOf(extra(given));
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(want);
    });
  }
});

describe('extends and the body layout', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => removeDir(dir));
  const iana = fileURLToPath(new URL('../../data/iana.yaml', import.meta.url));

  const load = (text: string): ReturnType<typeof loadCatalog> => loadCatalog(writeFile(join(dir, 'svc.yaml'), text));
  const problems = (text: string): string[] => {
    try {
      load(text);
      return [];
    } catch (error) {
      if (error instanceof CatalogError) return error.diagnostics.map(formatDiagnostic);
      throw error;
    }
  };

  it('a catalog extending iana.yaml may set fields: the layout is its own', () => {
    const catalog = load(`extends: ${iana}\nservice: Shop\nerrorBody:\n  fields: { code: /error/code, message: /error/message }\n`);
    const members = buildModel(catalog).errorBody.members.map((m) => m.pointer);
    expect(members).toEqual(['/error/code', '/error/message', '/request_id']);
    expect(catalog.data.errorBody.codeField).toBeUndefined();
    expect(catalog.data.errorBody.description).toBe('The JSON body of every error response.');
  });

  it('a shape of its own drops the inherited shorthands, even the same shape', () => {
    writeFile(join(dir, 'base.yaml'), catalogText(['  shape: nested', '  codeField: err', '  codePattern: "^[a-z]+$"']));
    const catalog = load('extends: base.yaml\nerrorBody:\n  shape: nested\n');
    expect(catalog.data.errorBody).toEqual({ shape: 'nested', codePattern: '^[a-z]+$' });
  });

  it('a clash between an inherited constant and its own field is reported in the extending file', () => {
    writeFile(join(dir, 'base.yaml'), catalogText(['  constants: { /error: x }']));
    expect(problems('extends: base.yaml\nerrorBody:\n  fields: { code: /error/code }\n').map((p) => p.replaceAll(dir, '<dir>'))).toEqual([
      '<dir>/svc.yaml:3:19: errorBody.fields.code: /error/code lies inside /error, a constant, whose value is written as it is; give the code member a member of its own',
    ]);
  });

  it("does not inherit another service's title and version", () => {
    const catalog = load(`extends: ${iana}\nservice: Shop\n`);
    expect(catalog.data.title).toBeUndefined();
    expect(catalog.data.version).toBeUndefined();
    expect(buildModel(catalog).title).toBe('Shop status codes');
  });

  it('inherits the title and version of its own service', () => {
    writeFile(join(dir, 'base.yaml'), catalogText([], [], ['title: T codes', 'version: 2.0.0']));
    const catalog = load('extends: base.yaml\nservice: T\n');
    expect([catalog.data.title, catalog.data.version]).toEqual(['T codes', '2.0.0']);
    expect(load('extends: base.yaml\n').data.title).toBe('T codes');
  });
});
