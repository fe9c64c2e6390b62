/** generator/model/model.ts: every default applied and every derived fact computed once, from small catalogs. */
import { describe, expect, test } from 'vitest';
import { parseCatalog } from '../../generator/index.js';
import { buildModel, paragraphsOf, type CatalogModel } from '../../generator/model/model.js';
import type { TestCase } from '../harness/cases.js';

/** A catalog's model, from the catalog's YAML text. */
function modelOf(text: string): CatalogModel {
  return buildModel(parseCatalog(text, 'cat.yaml'));
}

const BASE = `service: T1
errorBody:
  codePattern: '^T1\\.[0-9]{4}$'
  defaultCode: T1.0000
headers:
  WWW-Authenticate: { description: How to authenticate., required: true, schema: { type: string } }
  Location: { description: Where it moved., schema: { type: string } }
  Retry-After: { description: Seconds to wait., schema: { type: integer } }
statuses:
  - { status: 503, name: ServiceUnavailable, message: Service Unavailable, description: Later., retry: retry-after, headers: [Retry-After] }
  - { status: 401, name: Unauthorized, message: Unauthorized, description: Log in., headers: [WWW-Authenticate] }
  - { status: 204, name: NoContent, message: No Content, description: Nothing. }
  - { status: 301, name: MovedPermanently, message: Moved Permanently, description: Moved., headers: [Location] }
  - { status: 404, name: NotFound, message: Not Found, description: None., defaultCode: T1.0404 }
  - { status: 400, name: BadRequest, message: Bad Request, description: Bad. }
errors:
  - { code: T1.0002, status: 404, message: No widget. }
  - { code: T1.0001, status: 400, message: Bad widget name. }
  - { code: T1.0002, status: 400, message: Widget id malformed. }
  - { code: T1.0404, status: 404, message: Not here. }
`;

describe('buildModel: statuses', () => {
  const model = modelOf(BASE);
  const status = (code: number) => model.statuses.find((s) => s.status === code)!;
  const tests: TestCase<number, Record<string, unknown>>[] = [
    [
      'a 4xx: an error, its class extends ClientError, its codes sorted',
      {
        given: 400,
        want: {
          isError: true,
          className: 'BadRequestError',
          parentClass: 'ClientError',
          codes: ['T1.0001', 'T1.0002'],
          bodyAllowed: true,
          defaultCode: 'T1.0000',
        },
      },
    ],
    ['a required header becomes required of its class', { given: 401, want: { requiredHeaders: ['WWW-Authenticate'], retryable: false } }],
    ['a status default code wins over the body one', { given: 404, want: { defaultCode: 'T1.0404', codes: ['T1.0002', 'T1.0404'] } }],
    [
      'a 5xx extends ServerError; retry-after is retryable',
      { given: 503, want: { parentClass: 'ServerError', retry: 'retry-after', retryable: true } },
    ],
    [
      'a 204: no class, no body',
      { given: 204, want: { isError: false, className: undefined, parentClass: undefined, bodyAllowed: false, statusClass: 'success' } },
    ],
    ['a 3xx with Location is a redirect', { given: 301, want: { redirects: true, statusClass: 'redirection' } }],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => expect(status(given)).toMatchObject(want));
  }

  test('statuses are sorted by status', () => {
    expect(model.statuses.map((s) => s.status)).toEqual([204, 301, 400, 401, 404, 503]);
  });
});

describe('buildModel: error entries', () => {
  const model = modelOf(BASE);
  const tests: TestCase<[code: string, status: number], Record<string, unknown>>[] = [
    [
      'the first entry of a code listed under two statuses is primary; its example key has the status',
      {
        given: ['T1.0002', 400],
        want: {
          primary: true,
          codeStatuses: [400, 404],
          exampleKey: 'T1.0002.400',
          parentClass: 'BadRequestError',
          parentIsStatusClass: true,
        },
      },
    ],
    [
      'its second entry is not primary',
      {
        given: ['T1.0002', 404],
        want: { primary: false, codeStatuses: [400, 404], exampleKey: 'T1.0002.404', parentClass: 'NotFoundError' },
      },
    ],
    [
      'a code under one status keeps the plain example key',
      {
        given: ['T1.0001', 400],
        want: { primary: true, codeStatuses: [400], exampleKey: 'T1.0001', deprecated: false, bodyAllowed: true },
      },
    ],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => expect(model.errors.find((e) => e.code === given[0] && e.status === given[1])).toMatchObject(want));
  }

  test('entries are sorted by code, then status; codes hold the primary entries only', () => {
    expect(model.errors.map((e) => `${e.code}@${e.status}`)).toEqual(['T1.0001@400', 'T1.0002@400', 'T1.0002@404', 'T1.0404@404']);
    expect(model.codes.map((e) => e.code)).toEqual(['T1.0001', 'T1.0002', 'T1.0404']);
  });

  test('the code pattern reaches the schemas when every code and default code matches it', () => {
    expect(model.schemaCodePattern).toBe('^T1\\.[0-9]{4}$');
    expect(modelOf(BASE.replace('code: T1.0001,', 'code: X1,')).schemaCodePattern).toBeUndefined();
  });

  test('defaults: title, version, no code classes', () => {
    expect(model).toMatchObject({
      service: 'T1',
      title: 'T1 status codes',
      version: '1.0.0',
      errorCodeClasses: false,
      adapters: [],
      sourceName: 'cat.yaml',
    });
  });

  test('adapters are sorted by name', () => {
    expect(modelOf(`${BASE}typescript:\n  adapters: [koa, express, hono]\n`).adapters).toEqual(['express', 'hono', 'koa']);
  });
});

describe('paragraphsOf', () => {
  const tests: TestCase<string, string[]>[] = [
    ['one paragraph', { given: 'One.', want: ['One.'] }],
    ['a blank line splits', { given: 'One.\n\nTwo.', want: ['One.', 'Two.'] }],
    [
      'CRLF, CR and U+2028 read as line breaks',
      { given: 'One.\r\n\r\nTwo.\r\rThree.\u2028\u2028Four.', want: ['One.', 'Two.', 'Three.', 'Four.'] },
    ],
    ['a line of spaces is a blank line; edges trimmed', { given: '  One. \n \t \nTwo.\t', want: ['One.', 'Two.'] }],
    ['nothing but space', { given: ' \n\n ', want: [] }],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => expect(paragraphsOf(given)).toEqual(want));
  }
});
