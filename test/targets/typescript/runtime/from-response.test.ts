/** generator/targets/typescript/runtime/from-response.ts against the RT stand-ins: any response back into the catalog's classes. */
import { describe, expect, test } from 'vitest';
import { ApiError, ClientError, isApiError, ServerError } from '../../../../generator/targets/typescript/runtime/api-error.js';
import { ERRORS } from '../../../../generator/targets/typescript/runtime/error-codes.js';
import {
  BadRequestError,
  errorClassFor,
  errorClassForCode,
  InternalServerError,
  InvalidParameterError,
  MissingParameterError,
  NoSuchWidgetError,
  NotFoundError,
  ServiceUnavailableError,
  TokenExpiredError,
  TooManyRequestsError,
  UnauthorizedError,
} from '../../../../generator/targets/typescript/runtime/errors.js';
import { errorFromResponse } from '../../../../generator/targets/typescript/runtime/from-response.js';
import type { HeaderInput } from '../../../../generator/targets/typescript/runtime/headers.js';
import { STATUSES } from '../../../../generator/targets/typescript/runtime/status-codes.js';
import type { TestCase } from '../../../harness/cases.js';

type Class = abstract new (...args: never[]) => ApiError;
interface Want {
  /** The exact class of the result. */
  readonly type: Class;
  readonly status: number;
  readonly errorCode: string | undefined;
  readonly message: string;
  readonly requestId?: string | undefined;
  readonly instance?: string | undefined;
}

describe('errorFromResponse', () => {
  const tests: TestCase<[status: unknown, body?: unknown, headers?: unknown], Want>[] = [
    // classes
    [
      '404, flat body without a code → NotFoundError',
      { given: [404, { error_msg: 'Widget 7.' }], want: { type: NotFoundError, status: 404, errorCode: undefined, message: 'Widget 7.' } },
    ],
    [
      '404 with RT.0404 → its code class',
      {
        given: [404, { error_code: 'RT.0404', error_msg: 'Widget 7.' }],
        want: { type: NoSuchWidgetError, status: 404, errorCode: 'RT.0404', message: 'Widget 7.' },
      },
    ],
    [
      '400 with RT.0002 → the second code class of 400',
      {
        given: [400, { error_code: 'RT.0002' }],
        want: { type: MissingParameterError, status: 400, errorCode: 'RT.0002', message: 'Missing parameter.' },
      },
    ],
    [
      '400 with RT.0404, a code of another status → the status class, its code kept',
      {
        given: [400, { error_code: 'RT.0404' }],
        want: { type: BadRequestError, status: 400, errorCode: 'RT.0404', message: 'Bad Request' },
      },
    ],
    [
      '404 with a code the catalog does not list → NotFoundError',
      {
        given: [404, { error_code: 'RT.9999', error_msg: 'm' }],
        want: { type: NotFoundError, status: 404, errorCode: 'RT.9999', message: 'm' },
      },
    ],
    [
      '401 without WWW-Authenticate → UnauthorizedError all the same',
      { given: [401, { error_msg: 'Login.' }], want: { type: UnauthorizedError, status: 401, errorCode: undefined, message: 'Login.' } },
    ],
    [
      '401 with RT.0401 → TokenExpiredError',
      {
        given: [401, { error_code: 'RT.0401' }, { 'WWW-Authenticate': 'Bearer' }],
        want: { type: TokenExpiredError, status: 401, errorCode: 'RT.0401', message: 'Token expired.' },
      },
    ],
    [
      '418, a 4xx without a class → ClientError',
      {
        given: [418, { error_code: 'RT.0001', error_msg: 'teapot' }],
        want: { type: ClientError, status: 418, errorCode: 'RT.0001', message: 'teapot' },
      },
    ],
    [
      '599, a 5xx without a class → ServerError',
      { given: [599, null], want: { type: ServerError, status: 599, errorCode: undefined, message: 'HTTP 599' } },
    ],
    [
      '302 → ApiError',
      { given: [302, { error_msg: 'moved' }], want: { type: ApiError, status: 302, errorCode: undefined, message: 'moved' } },
    ],
    ['200 → ApiError', { given: [200, {}], want: { type: ApiError, status: 200, errorCode: undefined, message: 'OK' } }],
    [
      '500 with RT.0500 → its code class',
      {
        given: [500, { error_code: 'RT.0500', error_msg: 'shard 3' }],
        want: { type: errorClassForCode('RT.0500') as unknown as Class, status: 500, errorCode: 'RT.0500', message: 'shard 3' },
      },
    ],
    // bodies
    [
      'raw JSON text',
      {
        given: [404, '{"error_code":"RT.0404","error_msg":"m","request_id":"r"}'],
        want: { type: NoSuchWidgetError, status: 404, errorCode: 'RT.0404', message: 'm', requestId: 'r' },
      },
    ],
    [
      'raw JSON text with a BOM',
      {
        given: [400, '\uFEFF{"error_code":"RT.0001"}'],
        want: { type: InvalidParameterError, status: 400, errorCode: 'RT.0001', message: 'Invalid parameter.' },
      },
    ],
    [
      'nested body',
      {
        given: [404, { error: { code: 'RT.0404', message: 'n', request_id: 'r' } }],
        want: { type: NoSuchWidgetError, status: 404, errorCode: 'RT.0404', message: 'n', requestId: 'r' },
      },
    ],
    [
      'problem body',
      {
        given: [404, { type: 'about:blank', title: 'Not Found', status: 404, detail: 'd', instance: '/w/7', code: 'RT.0404' }],
        want: { type: NoSuchWidgetError, status: 404, errorCode: 'RT.0404', message: 'd', instance: '/w/7' },
      },
    ],
    [
      'non-JSON text → no code, the catalog message',
      { given: [502, '<html>Bad Gateway</html>'], want: { type: ServerError, status: 502, errorCode: undefined, message: 'HTTP 502' } },
    ],
    [
      'empty text',
      { given: [503, ''], want: { type: ServiceUnavailableError, status: 503, errorCode: undefined, message: 'Service Unavailable' } },
    ],
    ['no body', { given: [500], want: { type: InternalServerError, status: 500, errorCode: undefined, message: 'Internal Server Error' } }],
    [
      'an array body',
      { given: [404, [{ error_code: 'RT.0404' }]], want: { type: NotFoundError, status: 404, errorCode: undefined, message: 'Not Found' } },
    ],
    [
      'members of the wrong types',
      {
        given: [404, { error_code: { x: 1 }, error_msg: 42, request_id: [] }],
        want: { type: NotFoundError, status: 404, errorCode: undefined, message: 'Not Found', requestId: undefined },
      },
    ],
    [
      'a numeric code, not a digits-only code of the catalog → its text',
      { given: [404, { error_code: 404 }], want: { type: NotFoundError, status: 404, errorCode: '404', message: 'Not Found' } },
    ],
    [
      'extra members ignored',
      {
        given: [404, { error_code: 'RT.0404', extra: { deep: [1, 2] }, status: 'x' }],
        want: { type: NoSuchWidgetError, status: 404, errorCode: 'RT.0404', message: 'No such widget.' },
      },
    ],
    // statuses given as text: their decimal digits
    [
      'status "404" (text) → read as 404: its code class',
      {
        given: ['404', { error_code: 'RT.0404' }],
        want: { type: NoSuchWidgetError, status: 404, errorCode: 'RT.0404', message: 'No such widget.' },
      },
    ],
    [
      'status "429" (text) → read as 429',
      { given: ['429', {}], want: { type: TooManyRequestsError, status: 429, errorCode: undefined, message: 'Too Many Requests' } },
    ],
    // statuses no response carries → 502, an invalid answer from upstream
    ...(
      [
        ['undefined', undefined],
        ['NaN', NaN],
        ['0', 0],
        ['-1', -1],
        ['99', 99],
        ['404.5', 404.5],
        ['600', 600],
        ['1000', 1000],
        ['Infinity', Infinity],
        ['"404.0"', '404.0'],
        ['" 404"', ' 404'],
        ['"4e2"', '4e2'],
        ['"0404"', '0404'],
        ['"abc"', 'abc'],
        ['a Number object', new Number(404)],
        ['a boolean', true],
      ] as const
    ).map(([label, status]): TestCase<[status: unknown, body?: unknown, headers?: unknown], Want> => [
      `status ${label} → 502, as a ServerError, the body still read`,
      {
        given: [status, { error_code: 'RT.0404', error_msg: 'upstream said' }],
        want: { type: ServerError, status: 502, errorCode: 'RT.0404', message: 'upstream said' },
      },
    ]),
    [
      'status 100, the lowest → kept',
      { given: [100, {}], want: { type: ApiError, status: 100, errorCode: undefined, message: 'HTTP 100' } },
    ],
  ];

  for (const [name, { given, want }] of tests) {
    test(name, () => {
      const [status, body, headers] = given;
      const error = errorFromResponse(status as number, body, headers as HeaderInput | undefined);
      expect(Object.getPrototypeOf(error)).toBe(want.type.prototype);
      expect(error.status).toBe(want.status);
      expect(error.errorCode).toBe(want.errorCode);
      expect(error.message).toBe(want.message);
      if ('requestId' in want) expect(error.requestId).toBe(want.requestId);
      if ('instance' in want) expect(error.instance).toBe(want.instance);
      expect(isApiError(error)).toBe(true);
    });
  }

  for (const info of STATUSES.filter((s) => s.status >= 400)) {
    test(`${info.status}: the status class, round trip of a body it wrote`, () => {
      const type = errorClassFor(info.status)!;
      const sent = new (type as unknown as new (m?: string, o?: object) => ApiError)('x', {
        headers: { 'WWW-Authenticate': 'Bearer' },
        requestId: 'r1',
      });
      const response = sent.toResponse();
      const back = errorFromResponse(response.status, JSON.stringify(response.body), response.headers);
      expect(Object.getPrototypeOf(back)).toBe(type.prototype);
      expect(back.errorCode).toBe(sent.errorCode);
      expect(back.requestId).toBe('r1');
      expect(back.toResponse()).toEqual(response);
    });
  }
  for (const info of ERRORS) {
    test(`${info.code}: its code class under ${info.status}, round trip`, () => {
      const type = errorClassForCode(info.code)!;
      const sent = new (type as unknown as new (m?: string, o?: object) => ApiError)(undefined, {
        headers: { 'WWW-Authenticate': 'Bearer' },
      });
      const back = errorFromResponse(info.status, sent.toJSON(), sent.toResponse().headers);
      expect(Object.getPrototypeOf(back)).toBe(type.prototype);
      expect(back.message).toBe(info.message);
      expect(back.toJSON()).toEqual(sent.toJSON());
    });
  }

  test('a body past MAX_ERROR_BODY_LENGTH is not parsed: the status class, its catalog message, no code', () => {
    const body = JSON.stringify({ error_code: 'RT.0404', error_msg: 'Widget 7.', padding: 'x'.repeat(8 * 1024 * 1024) });
    const error = errorFromResponse(404, body, { 'x-request-id': 'r-1' });
    expect(Object.getPrototypeOf(error)).toBe(NotFoundError.prototype);
    expect(error.errorCode).toBeUndefined();
    expect(error.message).toBe('Not Found');
    expect(error.requestId).toBe('r-1');
    // Control: the same body under the limit is read.
    const small = JSON.stringify({ error_code: 'RT.0404', error_msg: 'Widget 7.', padding: 'x' });
    expect(errorFromResponse(404, small).errorCode).toBe('RT.0404');
  });

  describe('never throws on hostile input', () => {
    let calls = 0;
    const throwingTraps = new Proxy(
      {},
      new Proxy(
        {},
        {
          // Every trap of the handler throws.
          get: () => () => {
            calls += 1;
            throw new Error('trap');
          },
        },
      ),
    );
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    const throwingGetter = Object.defineProperty({ error_msg: 'kept' }, 'error_code', {
      enumerable: true,
      get() {
        throw new Error('getter ran');
      },
    });
    const headerGetter = Object.defineProperty({ 'Retry-After': '5' }, 'X-Request-Id', {
      enumerable: true,
      get() {
        throw new Error('header getter ran');
      },
    });
    const throwingForEach = {
      forEach() {
        throw new Error('forEach');
      },
    };
    const hostileStatus = {
      valueOf() {
        throw new Error('valueOf');
      },
    };

    const tests: TestCase<[status: unknown, body: unknown, headers: unknown], { status: number; errorCode: undefined }>[] = [
      ['a body Proxy whose traps all throw', { given: [404, throwingTraps, undefined], want: { status: 404, errorCode: undefined } }],
      ['a revoked Proxy body', { given: [500, revocable.proxy, undefined], want: { status: 500, errorCode: undefined } }],
      [
        'a headers Proxy whose traps all throw',
        { given: [429, { error_code: 'RT.0001' }, throwingTraps], want: { status: 429, errorCode: undefined } },
      ],
      ['a revoked Proxy as headers', { given: [503, {}, revocable.proxy], want: { status: 503, errorCode: undefined } }],
      ['headers whose forEach throws', { given: [404, {}, throwingForEach], want: { status: 404, errorCode: undefined } }],
      ['headers with a throwing getter', { given: [404, {}, headerGetter], want: { status: 404, errorCode: undefined } }],
      ['a status whose valueOf throws', { given: [hostileStatus, {}, undefined], want: { status: 502, errorCode: undefined } }],
      ['a status Proxy whose traps all throw', { given: [throwingTraps, {}, undefined], want: { status: 502, errorCode: undefined } }],
    ];
    for (const [name, { given, want }] of tests) {
      test(name, () => {
        let error: ApiError | undefined;
        expect(() => {
          error = errorFromResponse(given[0] as number, given[1], given[2] as HeaderInput);
        }).not.toThrow();
        expect(error).toBeInstanceOf(ApiError);
        expect(error!.status).toBe(want.status);
        expect(error!.errorCode).toBe(want.errorCode);
        expect(isApiError(error)).toBe(true);
        // What it holds can be sent and logged without throwing.
        expect(() => JSON.stringify(error!.toResponse())).not.toThrow();
        expect(typeof error!.message).toBe('string');
      });
    }

    test('the traps were really called (control)', () => {
      expect(calls).toBeGreaterThan(0);
    });

    test('a throwing getter in the body is never run: the rest of the body is read', () => {
      const error = errorFromResponse(404, throwingGetter);
      expect(Object.getPrototypeOf(error)).toBe(NotFoundError.prototype);
      expect(error.message).toBe('kept');
      expect(error.errorCode).toBeUndefined();
    });

    test('status values no response carries are 502, never sent on as they are', () => {
      for (const status of [NaN, Infinity, -Infinity, -1, 0, 1e21, Number.MAX_SAFE_INTEGER, -0.5, 599.999]) {
        expect(() => errorFromResponse(status, '{')).not.toThrow();
        expect(errorFromResponse(status).status).toBe(502);
        expect(errorFromResponse(status).toResponse().status).toBe(502);
      }
    });
  });
});
