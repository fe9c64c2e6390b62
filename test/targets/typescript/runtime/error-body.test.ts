/** generator/targets/typescript/runtime/error-body.ts: the error body written in the catalog's layout, read in any. */
import { describe, expect, test } from 'vitest';
import {
  carriesErrorConstants,
  MAX_ERROR_BODY_LENGTH,
  readErrorBody,
  writeErrorBody,
  type ErrorBodyLayout,
  type ErrorBodyReadLayout,
  type ErrorBodyParts,
  type ReadErrorBody,
} from '../../../../generator/targets/typescript/runtime/error-body.js';
import { buildBodyDescriptor } from '../../../../generator/body/descriptor.js';
import { alsoRead, runtimeLayout } from '../../../../generator/body/runtime-layout.js';
import type { ErrorBodySpec } from '../../../../generator/catalog/types.js';
import type { TestCase } from '../../../harness/cases.js';

type Part = 'code' | 'message' | 'requestId' | 'type' | 'title' | 'status' | 'instance';
const parts = (...members: [Part, ...string[]][]): ErrorBodyLayout['members'] => members.map(([part, ...path]) => ({ part, path }));

/** A preset's layout as the generator writes it into catalog.ts (ERROR_BODY). */
const presetLayout = (spec: ErrorBodySpec): ErrorBodyReadLayout => ({
  ...runtimeLayout(buildBodyDescriptor(spec)),
  alsoRead: alsoRead(),
});
const FLAT = presetLayout({ shape: 'flat' });
const NESTED = presetLayout({ shape: 'nested' });
const PROBLEM = presetLayout({ shape: 'problem', problemTypeBase: 'https://errors.example/' });
/** Where every catalog reads a body besides its own members. */
const ALSO_READ = FLAT.alsoRead;
const PROBLEM_NO_BASE: ErrorBodyReadLayout = { ...PROBLEM, problemTypeBase: undefined };
/** A catalog with its own member names, read before the common ones. */
const CUSTOM: ErrorBodyReadLayout = {
  mediaType: 'application/json',
  members: parts(['code', 'fault', 'id'], ['message', 'fault', 'text'], ['requestId', 'trace']),
  problemTypeBase: undefined,
  codeType: 'string',
  statusType: 'integer',
  alsoRead: ALSO_READ,
};
/** A body with a constant and extras (CodeArts and Stripe style). */
const WITH_EXTRAS: ErrorBodyReadLayout = {
  mediaType: 'application/json',
  members: [
    ...parts(['code', 'error', 'code'], ['message', 'error', 'message']),
    { part: 'constant', path: ['status'], value: 'failed' },
    { part: 'extra', path: ['error', 'doc_url'], name: 'doc_url', type: 'string' },
    { part: 'extra', path: ['error', 'param'], name: 'param', type: undefined },
    { part: 'extra', path: ['Retries'], name: 'Retries', type: 'integer' },
  ],
  problemTypeBase: undefined,
  codeType: 'string',
  statusType: 'integer',
  alsoRead: ALSO_READ,
};

const PARTS: ErrorBodyParts = {
  status: 404,
  code: 'RT.0404',
  message: 'No widget 7.',
  requestId: 'req-1',
  title: 'No such widget.',
  listedCode: true,
  docUrl: undefined,
  instance: '/widgets/7',
  extras: {},
};

const NOTHING: ReadErrorBody = {
  code: undefined,
  message: undefined,
  requestId: undefined,
  instance: undefined,
  extras: {},
  related: undefined,
};
const read = (parts: Partial<ReadErrorBody>): ReadErrorBody => ({ ...NOTHING, ...parts });

describe('writeErrorBody', () => {
  const tests: TestCase<{ layout: ErrorBodyLayout; parts: Partial<ErrorBodyParts> }, object>[] = [
    [
      'flat: code, message, request id',
      { given: { layout: FLAT, parts: {} }, want: { error_code: 'RT.0404', error_msg: 'No widget 7.', request_id: 'req-1' } },
    ],
    [
      'flat: no instance, title or status',
      {
        given: { layout: FLAT, parts: { listedCode: false } },
        want: { error_code: 'RT.0404', error_msg: 'No widget 7.', request_id: 'req-1' },
      },
    ],
    [
      'flat: undefined code left out',
      { given: { layout: FLAT, parts: { code: undefined } }, want: { error_msg: 'No widget 7.', request_id: 'req-1' } },
    ],
    [
      'flat: undefined request id left out',
      { given: { layout: FLAT, parts: { requestId: undefined } }, want: { error_code: 'RT.0404', error_msg: 'No widget 7.' } },
    ],
    [
      'flat: empty message kept',
      { given: { layout: FLAT, parts: { message: '', requestId: undefined } }, want: { error_code: 'RT.0404', error_msg: '' } },
    ],
    [
      'nested: one error object, code first',
      { given: { layout: NESTED, parts: {} }, want: { error: { code: 'RT.0404', message: 'No widget 7.', request_id: 'req-1' } } },
    ],
    [
      'nested: undefined code and request id left out',
      { given: { layout: NESTED, parts: { code: undefined, requestId: undefined } }, want: { error: { message: 'No widget 7.' } } },
    ],
    ['custom paths', { given: { layout: CUSTOM, parts: {} }, want: { fault: { id: 'RT.0404', text: 'No widget 7.' }, trace: 'req-1' } }],
    [
      'constant always written, extras given written in layout order, undefined ones left out',
      {
        given: { layout: WITH_EXTRAS, parts: { extras: { param: 'amount', doc_url: 'https://d/x', Retries: undefined } } },
        want: { error: { code: 'RT.0404', message: 'No widget 7.', doc_url: 'https://d/x', param: 'amount' }, status: 'failed' },
      },
    ],
    [
      'constant without extras',
      { given: { layout: WITH_EXTRAS, parts: {} }, want: { error: { code: 'RT.0404', message: 'No widget 7.' }, status: 'failed' } },
    ],
    [
      'an extra the layout does not declare is not written',
      {
        given: { layout: FLAT, parts: { extras: { doc_url: 'x' } } },
        want: { error_code: 'RT.0404', error_msg: 'No widget 7.', request_id: 'req-1' },
      },
    ],
    [
      'problem, listed code: its own type, RFC 9457 members first',
      {
        given: { layout: PROBLEM, parts: {} },
        want: {
          type: 'https://errors.example/RT.0404',
          title: 'No such widget.',
          status: 404,
          detail: 'No widget 7.',
          instance: '/widgets/7',
          code: 'RT.0404',
          request_id: 'req-1',
        },
      },
    ],
    [
      'problem, listed code with a docUrl: the docUrl is its type, with or without a type base',
      {
        given: { layout: PROBLEM_NO_BASE, parts: { docUrl: 'https://docs.example/widgets#missing' } },
        want: {
          type: 'https://docs.example/widgets#missing',
          title: 'No such widget.',
          status: 404,
          detail: 'No widget 7.',
          instance: '/widgets/7',
          code: 'RT.0404',
          request_id: 'req-1',
        },
      },
    ],
    [
      'problem, a docUrl for a code not listed under the status: about:blank still',
      {
        given: { layout: PROBLEM, parts: { listedCode: false, docUrl: 'https://docs.example/widgets', title: 'Not Found' } },
        want: {
          type: 'about:blank',
          title: 'Not Found',
          status: 404,
          detail: 'No widget 7.',
          instance: '/widgets/7',
          code: 'RT.0404',
          request_id: 'req-1',
        },
      },
    ],
    [
      'problem, code not listed: about:blank',
      {
        given: { layout: PROBLEM, parts: { code: 'X.1', listedCode: false, title: 'Not Found' } },
        want: {
          type: 'about:blank',
          title: 'Not Found',
          status: 404,
          detail: 'No widget 7.',
          instance: '/widgets/7',
          code: 'X.1',
          request_id: 'req-1',
        },
      },
    ],
    [
      'problem without a type base: about:blank even for a listed code',
      {
        given: { layout: PROBLEM_NO_BASE, parts: {} },
        want: {
          type: 'about:blank',
          title: 'No such widget.',
          status: 404,
          detail: 'No widget 7.',
          instance: '/widgets/7',
          code: 'RT.0404',
          request_id: 'req-1',
        },
      },
    ],
    [
      'problem: undefined instance, code and request id left out',
      {
        given: {
          layout: PROBLEM,
          parts: { code: undefined, listedCode: false, instance: undefined, requestId: undefined, title: 'Not Found' },
        },
        want: { type: 'about:blank', title: 'Not Found', status: 404, detail: 'No widget 7.' },
      },
    ],
  ];

  for (const [name, { given, want }] of tests) {
    test(name, () => {
      const body = writeErrorBody(given.layout, { ...PARTS, ...given.parts });
      // Member order is part of the contract (bodies compare byte for byte): compare the text.
      expect(JSON.stringify(body)).toBe(JSON.stringify(want));
      expect(Object.values(body)).not.toContain(undefined);
    });
  }

  test('extras and constants read back: extras by name, the constant not at all', () => {
    const extras = { doc_url: 'https://d/x', param: { nested: [1] }, Retries: 3 };
    const body = writeErrorBody(WITH_EXTRAS, { ...PARTS, extras });
    expect(readErrorBody(WITH_EXTRAS, JSON.stringify(body))).toEqual({
      code: PARTS.code,
      message: PARTS.message,
      requestId: undefined,
      instance: undefined,
      extras,
    });
  });

  test('a body written in each layout reads back to its parts', () => {
    for (const layout of [FLAT, NESTED, PROBLEM, CUSTOM]) {
      const body = writeErrorBody(layout, PARTS);
      const back = readErrorBody(layout, JSON.stringify(body));
      expect(back).toEqual({
        code: PARTS.code,
        message: PARTS.message,
        requestId: PARTS.requestId,
        instance: layout === PROBLEM ? PARTS.instance : undefined,
        extras: {},
      });
    }
  });
});

describe('readErrorBody', () => {
  let getterRuns = 0;
  const withThrowingGetter = Object.defineProperty({ error_msg: 'still read' }, 'error_code', {
    enumerable: true,
    get() {
      getterRuns += 1;
      throw new Error('getter ran');
    },
  });
  const nestedGetter = {
    error: Object.defineProperty({ message: 'm' }, 'code', {
      enumerable: true,
      get: () => {
        getterRuns += 1;
        return 'X';
      },
    }),
  };

  const tests: TestCase<{ layout?: ErrorBodyReadLayout; body: unknown; numeric?: (n: number) => string }, ReadErrorBody>[] = [
    // text
    [
      'raw JSON text',
      {
        given: { body: '{"error_code":"RT.0001","error_msg":"Bad id.","request_id":"r1"}' },
        want: read({ code: 'RT.0001', message: 'Bad id.', requestId: 'r1' }),
      },
    ],
    [
      'raw JSON text with a byte order mark',
      { given: { body: '\uFEFF{"error_code":"RT.0001","error_msg":"Bad id."}' }, want: read({ code: 'RT.0001', message: 'Bad id.' }) },
    ],
    ['raw JSON text with whitespace around it', { given: { body: '\n  {"error_code":"RT.0001"}\r\n' }, want: read({ code: 'RT.0001' }) }],
    ['text that is not JSON (a gateway page)', { given: { body: '<html><body>502 Bad Gateway</body></html>' }, want: NOTHING }],
    ['truncated JSON', { given: { body: '{"error_code":"RT.00' }, want: NOTHING }],
    ['empty text', { given: { body: '' }, want: NOTHING }],
    ['JSON text of an array', { given: { body: '[{"error_code":"RT.0001"}]' }, want: NOTHING }],
    ['JSON text of a string', { given: { body: '"RT.0001"' }, want: NOTHING }],
    ['JSON text null', { given: { body: 'null' }, want: NOTHING }],
    // parsed bodies, any layout, read with the flat layout
    [
      'flat body',
      {
        given: { body: { error_code: 'RT.0404', error_msg: 'Gone.', request_id: 'r2' } },
        want: read({ code: 'RT.0404', message: 'Gone.', requestId: 'r2' }),
      },
    ],
    [
      'flat body with code/message names',
      { given: { body: { code: 'RT.0404', message: 'Gone.' } }, want: read({ code: 'RT.0404', message: 'Gone.' }) },
    ],
    [
      'nested body',
      {
        given: { body: { error: { code: 'RT.0404', message: 'Gone.', request_id: 'r3' } } },
        want: read({ code: 'RT.0404', message: 'Gone.', requestId: 'r3' }),
      },
    ],
    [
      'nested body with flat member names',
      { given: { body: { error: { error_code: 'RT.0404', error_msg: 'Gone.' } } }, want: read({ code: 'RT.0404', message: 'Gone.' }) },
    ],
    [
      'problem document',
      {
        given: {
          body: {
            type: 'https://e/RT.0404',
            title: 'No such widget.',
            status: 404,
            detail: 'Widget 7.',
            instance: '/w/7',
            code: 'RT.0404',
            request_id: 'r4',
          },
        },
        want: read({ code: 'RT.0404', message: 'Widget 7.', requestId: 'r4', instance: '/w/7' }),
      },
    ],
    [
      'problem document without a code: title is not a message',
      { given: { body: { type: 'about:blank', title: 'Not Found', status: 404 } }, want: NOTHING },
    ],
    // parsed bodies read with the other layouts
    [
      'flat body read with the problem layout',
      { given: { layout: PROBLEM, body: { error_code: 'RT.0001', error_msg: 'Bad.' } }, want: read({ code: 'RT.0001', message: 'Bad.' }) },
    ],
    [
      'flat body read with the nested layout',
      { given: { layout: NESTED, body: { error_code: 'RT.0001', error_msg: 'Bad.' } }, want: read({ code: 'RT.0001', message: 'Bad.' }) },
    ],
    [
      'problem body read with the nested layout',
      {
        given: { layout: NESTED, body: { detail: 'd', code: 'C', instance: '/i' } },
        want: read({ code: 'C', message: 'd', instance: '/i' }),
      },
    ],
    // precedence
    [
      'the catalog paths come first',
      {
        given: {
          layout: CUSTOM,
          body: {
            error_code: 'common',
            fault: { id: 'own', text: 'own text' },
            message: 'common text',
            trace: 't',
            request_id: 'common id',
          },
        },
        want: read({ code: 'own', message: 'own text', requestId: 't' }),
      },
    ],
    ['error_code before code', { given: { body: { code: 'second', error_code: 'first' } }, want: read({ code: 'first' }) }],
    ['top-level code before error.code', { given: { body: { error: { code: 'nested' }, code: 'top' } }, want: read({ code: 'top' }) }],
    [
      'error_msg before message before detail',
      { given: { body: { detail: 'd', message: 'm', error_msg: 'e' } }, want: read({ message: 'e' }) },
    ],
    [
      'a member of the wrong type is skipped for the next',
      { given: { body: { error_code: 42.5, code: 'ok', error_msg: null, message: 'm' } }, want: read({ code: 'ok', message: 'm' }) },
    ],
    // numeric codes
    [
      'numeric code through the mapper',
      { given: { body: { error_code: 500 }, numeric: (n) => String(n).padStart(4, '0') }, want: read({ code: '0500' }) },
    ],
    ['numeric code without a mapper: its decimal text', { given: { body: { error_code: 1100 } }, want: read({ code: '1100' }) }],
    ['numeric code 0', { given: { body: { code: 0 }, numeric: (n) => `#${n}` }, want: read({ code: '#0' }) }],
    ['negative numeric code ignored', { given: { body: { error_code: -1 } }, want: NOTHING }],
    ['fractional numeric code ignored', { given: { body: { error_code: 1.5 } }, want: NOTHING }],
    ['unsafe integer code ignored', { given: { body: { error_code: 2 ** 60 } }, want: NOTHING }],
    ['NaN and Infinity codes ignored', { given: { body: { error_code: Number.NaN, code: Number.POSITIVE_INFINITY } }, want: NOTHING }],
    ['numeric message ignored', { given: { body: { error_msg: 404 } }, want: NOTHING }],
    // wrong types
    ['members of the wrong types', { given: { body: { error_code: {}, error_msg: ['a'], request_id: 7, instance: true } }, want: NOTHING }],
    ['error member that is not an object', { given: { body: { error: 'RT.0404' } }, want: NOTHING }],
    ['error member that is an array', { given: { body: { error: [{ code: 'X' }] } }, want: NOTHING }],
    // values that are not bodies
    ['an array', { given: { body: [{ error_code: 'RT.0001' }] }, want: NOTHING }],
    ['null', { given: { body: null }, want: NOTHING }],
    ['undefined', { given: { body: undefined }, want: NOTHING }],
    ['a number', { given: { body: 404 }, want: NOTHING }],
    ['a boolean', { given: { body: true }, want: NOTHING }],
    ['a function', { given: { body: Object.assign(() => 0, { error_code: 'X' }) }, want: NOTHING }],
    ['a symbol', { given: { body: Symbol('x') }, want: NOTHING }],
    ['a bigint', { given: { body: 10n }, want: NOTHING }],
    // only own data properties
    [
      'inherited members are not read',
      { given: { body: Object.create({ error_code: 'inherited', error_msg: 'inherited' }) as unknown }, want: NOTHING },
    ],
    ['Object.prototype members are not codes', { given: { body: { error: {} } }, want: NOTHING }],
    [
      'a null-prototype body is read',
      {
        given: { body: Object.assign(Object.create(null) as object, { error_code: 'X', error_msg: 'm' }) },
        want: read({ code: 'X', message: 'm' }),
      },
    ],
    [
      'a __proto__ member is an ordinary member',
      { given: { body: JSON.parse('{"__proto__":{"error_code":"P"},"error_msg":"m"}') as unknown }, want: read({ message: 'm' }) },
    ],
    ['a throwing getter is never run', { given: { body: withThrowingGetter }, want: read({ message: 'still read' }) }],
    ['a nested getter is never run', { given: { body: nestedGetter }, want: read({ message: 'm' }) }],
    [
      'extras of the declared JSON type kept, others dropped',
      {
        given: { layout: WITH_EXTRAS, body: { error: { code: 'RT.1', doc_url: 7, param: null }, Retries: 2.5 } },
        want: read({ code: 'RT.1', extras: { param: null } }),
      },
    ],
    [
      'an integer extra kept',
      {
        given: { layout: WITH_EXTRAS, body: '{"error":{"code":"RT.1"},"Retries":2}' },
        want: read({ code: 'RT.1', extras: { Retries: 2 } }),
      },
    ],
    [
      'extras read only at their own paths',
      {
        given: { layout: WITH_EXTRAS, body: { doc_url: 'x', error: { code: 'RT.1', param: 'p' } } },
        want: read({ code: 'RT.1', extras: { param: 'p' } }),
      },
    ],
    [
      'an extra named __proto__ in the body is plain data',
      { given: { layout: WITH_EXTRAS, body: '{"error":{"code":"RT.1","__proto__":{"x":1}}}' }, want: read({ code: 'RT.1' }) },
    ],
  ];

  for (const [name, { given, want }] of tests) {
    test(name, () => {
      const runs = getterRuns;
      const result =
        given.numeric === undefined
          ? readErrorBody(given.layout ?? FLAT, given.body)
          : readErrorBody(given.layout ?? FLAT, given.body, given.numeric);
      expect(result).toStrictEqual(want);
      expect(getterRuns).toBe(runs);
    });
  }

  test('the mapper is asked only for numeric codes', () => {
    const asked: number[] = [];
    const mapper = (n: number): string => {
      asked.push(n);
      return `n${n}`;
    };
    readErrorBody(FLAT, { error_code: 'text', code: 7 }, mapper);
    expect(asked).toEqual([]);
    expect(readErrorBody(FLAT, { error_code: 7 }, mapper).code).toBe('n7');
    expect(asked).toEqual([7]);
  });

  describe('text past MAX_ERROR_BODY_LENGTH (1 MiB) is not parsed: it reads as text that is not JSON', () => {
    /** A flat body of exactly `length` characters. */
    const bodyOf = (length: number): string => {
      const head = '{"error_code":"RT.0404","error_msg":"';
      const tail = '"}';
      return head + 'x'.repeat(length - head.length - tail.length) + tail;
    };
    const tests: TestCase<string, string | undefined>[] = [
      ['exactly the limit: parsed', { given: bodyOf(MAX_ERROR_BODY_LENGTH), want: 'RT.0404' }],
      ['one character more: not parsed', { given: bodyOf(MAX_ERROR_BODY_LENGTH + 1), want: undefined }],
      ['64 MiB: not parsed', { given: bodyOf(64 * 1024 * 1024), want: undefined }],
      ['a BOM counts: the limit with one is over', { given: '\uFEFF' + bodyOf(MAX_ERROR_BODY_LENGTH), want: undefined }],
    ];
    for (const [name, { given, want }] of tests) {
      test(name, () => {
        expect(readErrorBody(FLAT, given).code).toBe(want);
      });
    }
    test('the limit is 1 MiB of characters', () => {
      expect(MAX_ERROR_BODY_LENGTH).toBe(1024 * 1024);
    });
    test('a body given parsed is read whatever its size (the caller parsed it)', () => {
      expect(readErrorBody(FLAT, { error_code: 'RT.0404', error_msg: 'x'.repeat(2 * MAX_ERROR_BODY_LENGTH) }).code).toBe('RT.0404');
    });
  });

  test('a deeply nested body does not throw', () => {
    let body: Record<string, unknown> = { error_code: 'deep' };
    for (let i = 0; i < 10_000; i += 1) body = { error: body };
    expect(() => readErrorBody(FLAT, body)).not.toThrow();
  });
});

describe('alsoRead: where a body is read besides its own members', () => {
  test('every preset lays its members there, top-level members before nested ones, with the names gateways use', () => {
    expect(ALSO_READ).toEqual({
      code: [['error_code'], ['code'], ['error', 'code'], ['error', 'error_code']],
      message: [['error_msg'], ['message'], ['detail'], ['error', 'message'], ['error', 'error_msg']],
      requestId: [['request_id'], ['error', 'request_id']],
      instance: [['instance']],
    });
    // The same for every catalog, whatever its own layout.
    expect(NESTED.alsoRead).toEqual(ALSO_READ);
    expect(PROBLEM.alsoRead).toEqual(ALSO_READ);
  });

  test('the runtime reads nowhere else: with no alsoRead paths only the layout’s own members count', () => {
    const body = { code: 'RT.0404', message: 'Gone.', error: { code: 'RT.0404' }, instance: '/w/7', request_id: 'r1' };
    const alone: ErrorBodyReadLayout = { ...CUSTOM, alsoRead: { code: [], message: [], requestId: [], instance: [] } };
    expect(readErrorBody(alone, body)).toEqual(NOTHING);
    // Control: the same body with the paths every catalog has.
    expect(readErrorBody(CUSTOM, body)).toEqual(read({ code: 'RT.0404', message: 'Gone.', requestId: 'r1', instance: '/w/7' }));
  });

  test('paths are tried in order: the first that holds a value of the right type wins', () => {
    const layout: ErrorBodyReadLayout = { ...CUSTOM, alsoRead: { ...ALSO_READ, message: [['b'], ['a']] } };
    expect(readErrorBody(layout, { a: 'from a', b: 'from b' }).message).toBe('from b');
    expect(readErrorBody(layout, { a: 'from a', b: 7 }).message).toBe('from a');
  });
});

/** Cloudflare's layout: the error is item 0 of `errors`, with constants of every JSON kind. */
const LISTED: ErrorBodyReadLayout = {
  mediaType: 'application/json',
  members: [
    { part: 'constant', path: ['success'], value: false },
    { part: 'code', path: ['errors', 0, 'code'] },
    { part: 'message', path: ['errors', 0, 'message'] },
    { part: 'constant', path: ['messages'], value: [] },
    { part: 'constant', path: ['result'], value: null },
  ],
  problemTypeBase: undefined,
  codeType: 'integer',
  statusType: 'integer',
  alsoRead: ALSO_READ,
};
/** Item 1 of a list inside an object, a request id outside it, the status echoed as text. */
const DEEP: ErrorBodyReadLayout = {
  ...LISTED,
  members: [
    { part: 'code', path: ['result', 'faults', 1, 'id'] },
    { part: 'message', path: ['result', 'faults', 1, 'text'] },
    { part: 'status', path: ['result', 'faults', 1, 'status'] },
    { part: 'requestId', path: ['result', 'trace'] },
  ],
  codeType: 'string',
  statusType: 'string',
};

describe('lists: a number in a path is an array index', () => {
  const tests: TestCase<{ layout: ErrorBodyLayout; parts: Partial<ErrorBodyParts> }, string>[] = [
    [
      'the error as item 0 of a real array, constants of any JSON value',
      {
        given: { layout: LISTED, parts: { code: 7003, message: 'No route for the URI' } },
        want: '{"success":false,"errors":[{"code":7003,"message":"No route for the URI"}],"messages":[],"result":null}',
      },
    ],
    [
      'an index past 0: the items before it are holes (null on the wire); the status as text',
      {
        given: { layout: DEEP, parts: { code: 'X', message: 'm', requestId: 't-1' } },
        want: '{"result":{"faults":[null,{"id":"X","text":"m","status":"404"}],"trace":"t-1"}}',
      },
    ],
    [
      'a code left out leaves the item with its other parts',
      {
        given: { layout: LISTED, parts: { code: undefined, message: 'm' } },
        want: '{"success":false,"errors":[{"message":"m"}],"messages":[],"result":null}',
      },
    ],
  ];
  for (const [name, { given, want }] of tests) {
    test(`writeErrorBody: ${name}`, () => {
      const body = writeErrorBody(given.layout, { ...PARTS, ...given.parts }) as Record<string, unknown>;
      expect(JSON.stringify(body)).toBe(want);
      const list = given.layout === LISTED ? body['errors'] : (body['result'] as Record<string, unknown>)['faults'];
      expect(Array.isArray(list)).toBe(true);
    });
  }

  test('writeErrorBody: each body gets its own copy of a constant', () => {
    const layout: ErrorBodyLayout = {
      ...LISTED,
      members: [{ part: 'constant', path: ['meta'], value: { tags: ['a'], nested: { x: [] } } }],
    };
    const first = writeErrorBody(layout, PARTS) as { meta: { tags: string[] } };
    first.meta.tags.push('changed');
    expect(JSON.stringify(writeErrorBody(layout, PARTS))).toBe('{"meta":{"tags":["a"],"nested":{"x":[]}}}');
    expect(layout.members[0]).toEqual({ part: 'constant', path: ['meta'], value: { tags: ['a'], nested: { x: [] } } });
  });

  test('writeErrorBody: a list item named __proto__ is plain data', () => {
    const layout: ErrorBodyLayout = { ...LISTED, members: [{ part: 'code', path: ['__proto__', 0, '__proto__'] }] };
    const body = writeErrorBody(layout, PARTS);
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(JSON.stringify(body)).toBe('{"__proto__":[{"__proto__":"RT.0404"}]}');
  });

  const reads: TestCase<{ layout: ErrorBodyReadLayout; body: unknown }, ReadErrorBody>[] = [
    [
      'the real body',
      {
        given: { layout: LISTED, body: { success: false, errors: [{ code: 7003, message: 'No route' }], messages: [], result: null } },
        want: read({ code: '7003', message: 'No route', related: [] }),
      },
    ],
    [
      'a code sent as text where numbers are expected',
      {
        given: { layout: LISTED, body: '{"errors":[{"code":"7003","message":"m"}]}' },
        want: read({ code: '7003', message: 'm', related: [] }),
      },
    ],
    [
      'the other items are related, in order, those without code or message left out',
      {
        given: {
          layout: LISTED,
          body: { errors: [{ code: 1, message: 'a' }, { code: 2 }, null, 'x', [], {}, { message: 'c', code: 'three' }] },
        },
        want: read({
          code: '1',
          message: 'a',
          related: [
            { code: '2', message: undefined },
            { code: 'three', message: 'c' },
          ],
        }),
      },
    ],
    [
      'an object with a member "0" is no list: nothing read',
      { given: { layout: LISTED, body: { errors: { 0: { code: 7003, message: 'm' } } } }, want: read({ related: [] }) },
    ],
    ['an array where a name is expected reads nothing', { given: { layout: CUSTOM, body: { fault: [{ id: 'X' }] } }, want: NOTHING }],
    ['an empty list', { given: { layout: LISTED, body: { errors: [] } }, want: read({ related: [] }) }],
    ['a list item that is not an object', { given: { layout: LISTED, body: { errors: ['7003'] } }, want: read({ related: [] }) }],
    [
      'the error at index 1: item 0 is related, a part outside the list read once',
      {
        given: {
          layout: DEEP,
          body: { result: { faults: [{ id: 'A', text: 'first' }, { id: 'B', text: 'second' }, { id: 'C' }], trace: 't' } },
        },
        want: read({
          code: 'B',
          message: 'second',
          requestId: 't',
          related: [
            { code: 'A', message: 'first' },
            { code: 'C', message: undefined },
          ],
        }),
      },
    ],
    [
      'a body that is no JSON, read with a list layout: related is empty',
      { given: { layout: LISTED, body: 'oops' }, want: read({ related: [] }) },
    ],
    [
      'an inherited list item is not read',
      {
        given: { layout: LISTED, body: { errors: Object.assign(Object.create([{ code: 1 }]) as object, { length: 1 }) } },
        want: read({ related: [] }),
      },
    ],
  ];
  for (const [name, { given, want }] of reads) {
    test(`readErrorBody: ${name}`, () => expect(readErrorBody(given.layout, given.body)).toStrictEqual(want));
  }

  test('readErrorBody: a getter in a list item is never run', () => {
    let runs = 0;
    const item = Object.defineProperty({}, 'code', {
      enumerable: true,
      get: () => {
        runs += 1;
        return 7003;
      },
    });
    expect(readErrorBody(LISTED, { errors: [item, item] })).toStrictEqual(read({ related: [] }));
    expect(runs).toBe(0);
  });

  test('a body written with a list reads back to its parts', () => {
    const body = writeErrorBody(LISTED, { ...PARTS, code: 7003 });
    expect(readErrorBody(LISTED, JSON.stringify(body))).toStrictEqual(read({ code: '7003', message: PARTS.message, related: [] }));
  });
});

describe('carriesErrorConstants: what tells an error body on a 2xx from a success', () => {
  const NESTED_CONSTANT: ErrorBodyLayout = {
    ...LISTED,
    members: [
      { part: 'constant', path: ['ok'], value: false },
      { part: 'constant', path: ['meta'], value: { v: [1, { x: null }], empty: {} } },
    ],
  };
  const tests: TestCase<{ layout: ErrorBodyLayout; body: unknown }, boolean>[] = [
    [
      'every constant, deep equal',
      { given: { layout: LISTED, body: { success: false, errors: [], messages: [], result: null } }, want: true },
    ],
    ['its text, with a BOM', { given: { layout: LISTED, body: '\uFEFF{"success":false,"messages":[],"result":null,"x":1}' }, want: true }],
    ['one constant missing', { given: { layout: LISTED, body: { success: false, messages: [] } }, want: false }],
    [
      'null is not missing: a missing member is not null',
      { given: { layout: LISTED, body: { success: false, messages: [], result: undefined } }, want: false },
    ],
    [
      'an array with an item is not []',
      { given: { layout: LISTED, body: { success: false, messages: ['m'], result: null } }, want: false },
    ],
    ['{} is not []', { given: { layout: LISTED, body: { success: false, messages: {}, result: null } }, want: false }],
    ['"false" is not false', { given: { layout: LISTED, body: { success: 'false', messages: [], result: null } }, want: false }],
    [
      'nested constants equal',
      { given: { layout: NESTED_CONSTANT, body: { ok: false, meta: { empty: {}, v: [1, { x: null }] } } }, want: true },
    ],
    [
      'a nested member more',
      { given: { layout: NESTED_CONSTANT, body: { ok: false, meta: { v: [1, { x: null, y: 1 }], empty: {} } } }, want: false },
    ],
    ['an item more', { given: { layout: NESTED_CONSTANT, body: { ok: false, meta: { v: [1, { x: null }, 2], empty: {} } } }, want: false }],
    [
      'an object where {} is expected, with a member',
      { given: { layout: NESTED_CONSTANT, body: { ok: false, meta: { v: [1, { x: null }], empty: { a: 1 } } } }, want: false },
    ],
    [
      'an array where {} is expected',
      { given: { layout: NESTED_CONSTANT, body: { ok: false, meta: { v: [1, { x: null }], empty: [] } } }, want: false },
    ],
    ['a layout without constants', { given: { layout: FLAT, body: {} }, want: false }],
    ['text that is not JSON', { given: { layout: LISTED, body: 'success=false' }, want: false }],
    [
      'text past MAX_ERROR_BODY_LENGTH',
      {
        given: { layout: LISTED, body: `{"success":false,"messages":[],"result":null,"x":"${'x'.repeat(MAX_ERROR_BODY_LENGTH)}"}` },
        want: false,
      },
    ],
    ['an array body', { given: { layout: LISTED, body: [{ success: false, messages: [], result: null }] }, want: false }],
    [
      'inherited members',
      { given: { layout: LISTED, body: Object.create({ success: false, messages: [], result: null }) as unknown }, want: false },
    ],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => expect(carriesErrorConstants(given.layout, given.body)).toBe(want));
  }

  test('a getter is never run', () => {
    let runs = 0;
    const body = Object.defineProperty({ messages: [], result: null }, 'success', {
      enumerable: true,
      get: () => {
        runs += 1;
        return false;
      },
    });
    expect(carriesErrorConstants(LISTED, body)).toBe(false);
    expect(runs).toBe(0);
  });
});
