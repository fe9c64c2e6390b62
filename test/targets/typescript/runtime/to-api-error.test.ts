/**
 * generator/targets/typescript/runtime/to-api-error.ts against the RT stand-ins
 * (test/fixtures/catalogs/runtime.yaml: statuses 400, 401, 404, 429, 500, 503).
 */
import { describe, expect, test } from 'vitest';
import { ApiError, ClientError, ServerError } from '../../../../generator/targets/typescript/runtime/api-error.js';
import { SERVICE } from '../../../../generator/targets/typescript/runtime/catalog.js';
import {
  BadRequestError,
  InternalServerError,
  NoSuchWidgetError,
  NotFoundError,
  ServiceUnavailableError,
  TooManyRequestsError,
} from '../../../../generator/targets/typescript/runtime/errors.js';
import { toApiError } from '../../../../generator/targets/typescript/runtime/to-api-error.js';
import type { TestCase } from '../../../harness/cases.js';

/** An error as http-errors, Koa's ctx.throw and Express's body parsers make them. */
const httpError = (status: number, message: string, more: object = {}): Error =>
  Object.assign(new Error(message), { status, statusCode: status, expose: status < 500 }, more);

interface Want {
  readonly type: abstract new (...args: never[]) => ApiError;
  readonly status: number;
  readonly errorMsg: string;
  readonly message: string;
  readonly headers?: Record<string, string>;
}

describe('toApiError', () => {
  const tests: TestCase<unknown, Want>[] = [
    [
      'an http-errors 404: NotFoundError, message sent',
      {
        given: httpError(404, 'No route GET /x'),
        want: { type: NotFoundError, status: 404, errorMsg: 'No route GET /x', message: 'No route GET /x' },
      },
    ],
    [
      "Fastify's validation error (statusCode only): BadRequestError, message sent",
      {
        given: Object.assign(new Error('body must have required property name'), { statusCode: 400, code: 'FST_ERR_VALIDATION' }),
        want: {
          type: BadRequestError,
          status: 400,
          errorMsg: 'body must have required property name',
          message: 'body must have required property name',
        },
      },
    ],
    [
      "Hono's HTTPException (status only)",
      {
        given: Object.assign(new Error('Unauthorized'), { status: 429 }),
        want: { type: TooManyRequestsError, status: 429, errorMsg: 'Unauthorized', message: 'Unauthorized' },
      },
    ],
    [
      'a status the catalog has no class for: ClientError with that status',
      {
        given: httpError(415, 'Unsupported Media Type: text/plain'),
        want: {
          type: ClientError,
          status: 415,
          errorMsg: 'Unsupported Media Type: text/plain',
          message: 'Unsupported Media Type: text/plain',
        },
      },
    ],
    [
      'a 4xx marked expose: false: the catalog message is sent',
      {
        given: httpError(400, 'secret detail', { expose: false }),
        want: { type: BadRequestError, status: 400, errorMsg: 'Bad Request', message: 'secret detail' },
      },
    ],
    [
      'a 5xx with a status: its class, masked, even marked expose: true',
      {
        given: httpError(503, 'pool exhausted at db-1', { expose: true }),
        want: { type: ServiceUnavailableError, status: 503, errorMsg: 'Service Unavailable', message: 'pool exhausted at db-1' },
      },
    ],
    [
      'a 5xx the catalog has no class for: ServerError, masked (RT lists no 502: "HTTP 502")',
      {
        given: httpError(502, 'upstream 10.0.0.1 refused'),
        want: { type: ServerError, status: 502, errorMsg: 'HTTP 502', message: 'upstream 10.0.0.1 refused' },
      },
    ],
    [
      'its headers are kept: the declared ones are sent',
      {
        given: httpError(429, 'slow down', { headers: { 'Retry-After': '30', 'X-Other': 'y' } }),
        want: {
          type: TooManyRequestsError,
          status: 429,
          errorMsg: 'slow down',
          message: 'slow down',
          headers: { 'retry-after': '30', 'x-other': 'y' },
        },
      },
    ],
    [
      'a header value no header can hold is dropped, not thrown',
      {
        given: httpError(429, 'slow down', { headers: { 'Retry-After': '30\r\nSet-Cookie: a=b' } }),
        want: { type: TooManyRequestsError, status: 429, errorMsg: 'slow down', message: 'slow down', headers: {} },
      },
    ],
    [
      'a plain Error: a masked 500 keeping its message for logs',
      {
        given: new Error('db password=x'),
        want: { type: InternalServerError, status: 500, errorMsg: 'Internal Server Error', message: 'db password=x' },
      },
    ],
    [
      'an Error with a status outside 400–599: a masked 500',
      {
        given: httpError(302, 'Found'),
        want: { type: InternalServerError, status: 500, errorMsg: 'Internal Server Error', message: 'Found' },
      },
    ],
    [
      'a status that is no integer: a masked 500',
      {
        given: httpError(404.5, 'odd'),
        want: { type: InternalServerError, status: 500, errorMsg: 'Internal Server Error', message: 'odd' },
      },
    ],
    [
      'a status given as text: a masked 500',
      {
        given: Object.assign(new Error('odd'), { status: '404' }),
        want: { type: InternalServerError, status: 500, errorMsg: 'Internal Server Error', message: 'odd' },
      },
    ],
    [
      'a thrown string',
      {
        given: 'oops',
        want: { type: InternalServerError, status: 500, errorMsg: 'Internal Server Error', message: 'Internal Server Error' },
      },
    ],
    [
      'undefined',
      {
        given: undefined,
        want: { type: InternalServerError, status: 500, errorMsg: 'Internal Server Error', message: 'Internal Server Error' },
      },
    ],
    [
      'null',
      {
        given: null,
        want: { type: InternalServerError, status: 500, errorMsg: 'Internal Server Error', message: 'Internal Server Error' },
      },
    ],
    [
      'a plain object with a status',
      { given: { status: 404, message: 'gone' }, want: { type: NotFoundError, status: 404, errorMsg: 'gone', message: 'gone' } },
    ],
    [
      'an object whose getters throw: a masked 500',
      {
        given: Object.defineProperties(
          {},
          {
            status: {
              get: () => {
                throw new Error('no');
              },
            },
            message: {
              get: () => {
                throw new Error('no');
              },
            },
          },
        ),
        want: { type: InternalServerError, status: 500, errorMsg: 'Internal Server Error', message: 'Internal Server Error' },
      },
    ],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      const error = toApiError(given);
      expect(error).toBeInstanceOf(want.type);
      expect(error.status).toBe(want.status);
      expect(error.errorMsg).toBe(want.errorMsg);
      expect(error.message).toBe(want.message);
      expect(error.cause).toBe(given);
      expect(error.expose).toBe(want.status < 500 && want.errorMsg === want.message);
      if (want.headers !== undefined) expect({ ...error.headers }).toEqual(want.headers);
      // A message not exposed is nowhere in what is sent.
      if (want.message !== want.errorMsg) expect(JSON.stringify(error.toResponse())).not.toContain(want.message);
    });
  }

  test('an ApiError is returned as it is', () => {
    for (const error of [
      new NotFoundError(),
      new NoSuchWidgetError(),
      new InternalServerError('x'),
      new ApiError(418),
      new ClientError(499),
    ]) {
      expect(toApiError(error)).toBe(error);
    }
  });

  test("an ApiError of another copy of the same catalog's code is returned as it is", () => {
    // What another copy's NotFoundError is to this one: its brand (the class chain) and its status.
    const other = Object.defineProperty(Object.assign(new Error('x'), { status: 404 }), Symbol.for(`status-catalog:${SERVICE}`), {
      value: Object.freeze(['NotFoundError', 'ClientError', 'ApiError']),
    });
    expect(other).toBeInstanceOf(NotFoundError);
    expect(toApiError(other)).toBe(other);
  });

  test("an ApiError of another catalog's code is read by its status", () => {
    const other = Object.defineProperty(Object.assign(new Error('x'), { status: 404 }), Symbol.for('status-catalog:OTHER'), {
      value: Object.freeze(['NotFoundError', 'ClientError', 'ApiError']),
    });
    const error = toApiError(other);
    expect(error).not.toBe(other);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.cause).toBe(other);
  });

  test('a revoked proxy: a masked 500, no throw', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const error = toApiError(proxy);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.cause).toBe(proxy);
  });
});
