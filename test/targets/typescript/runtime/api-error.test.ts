/**
 * generator/targets/typescript/runtime/api-error.ts against the RT stand-ins (test/fixtures/catalogs/runtime.yaml:
 * service RT, default code RT.0000, codes RT.0001…, one class per code, WWW-Authenticate
 * required on 401), and against two generated catalogs for what RT cannot show.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  ApiError,
  ClientError,
  FROM_RESPONSE,
  isApiError,
  ServerError,
  type ApiErrorOptions,
  type ResponseErrorOptions,
} from '../../../../generator/targets/typescript/runtime/api-error.js';
import {
  DECLARED_HEADERS,
  DEFAULT_ERROR_CODE,
  ERROR_BODY,
  MAX_ERROR_CODE_LENGTH,
  SERVICE,
} from '../../../../generator/targets/typescript/runtime/catalog.js';
import { ERRORS } from '../../../../generator/targets/typescript/runtime/error-codes.js';
import {
  BadRequestError,
  DatabaseUnavailableError,
  errorClassFor,
  errorClassForCode,
  InternalServerError,
  InvalidParameterError,
  MissingParameterError,
  NoSuchWidgetError,
  NotFoundError,
  QuotaExhaustedError,
  ServiceUnavailableError,
  TokenExpiredError,
  TooManyRequestsError,
  UnauthorizedError,
} from '../../../../generator/targets/typescript/runtime/errors.js';
import { errorFromResponse } from '../../../../generator/targets/typescript/runtime/from-response.js';
import { STATUSES } from '../../../../generator/targets/typescript/runtime/status-codes.js';
import { removeDir, ROOT, tempDir, writeFile } from '../../../harness/helpers.js';
import { generateCatalog, importGenerated, type TestCase } from '../../../harness/cases.js';

/** How these tests call any generated class (some require headers: AUTH has them). */
type AnyClass = new (errorMsg?: string, options?: ApiErrorOptions) => ApiError;
const AUTH = { headers: { 'WWW-Authenticate': 'Bearer realm="rt"' } } as const;
const make = (type: unknown, errorMsg?: string, options: ApiErrorOptions = AUTH): ApiError => new (type as AnyClass)(errorMsg, options);
const BRAND = Symbol.for(`status-catalog:${SERVICE}`);
const brandOf = (value: object): unknown => Object.getOwnPropertyDescriptor(value, BRAND)?.value;
/** An object made by "another copy" of the RT code: only the brand and the status. */
const foreign = (chain: unknown, status: unknown, service = SERVICE): object =>
  Object.defineProperty({ status }, Symbol.for(`status-catalog:${service}`), { value: chain });
/** The class chains of RT errors, as their brand carries them: the generated classes each is an instance of, nearest first. */
const CHAIN = {
  api: ['ApiError'],
  client: ['ClientError', 'ApiError'],
  server: ['ServerError', 'ApiError'],
  400: ['BadRequestError', 'ClientError', 'ApiError'],
  404: ['NotFoundError', 'ClientError', 'ApiError'],
  500: ['InternalServerError', 'ServerError', 'ApiError'],
  'RT.0001': ['InvalidParameterError', 'BadRequestError', 'ClientError', 'ApiError'],
  'RT.0002': ['MissingParameterError', 'BadRequestError', 'ClientError', 'ApiError'],
  'RT.0404': ['NoSuchWidgetError', 'NotFoundError', 'ClientError', 'ApiError'],
} as const;

const errorStatuses = STATUSES.filter((s) => s.status >= 400);

test('the stand-ins are the RT catalog (guards the tables below)', () => {
  expect(SERVICE).toBe('RT');
  expect(DEFAULT_ERROR_CODE).toBe('RT.0000');
  expect(DECLARED_HEADERS).toEqual(['retry-after', 'www-authenticate']);
  expect(errorStatuses.map((s) => s.status)).toEqual([400, 401, 404, 429, 500, 503]);
  expect(ERRORS.length).toBe(6);
});

describe('ApiError: name', () => {
  class MyNotFound extends NotFoundError {}
  class Teapot extends ApiError {
    constructor() {
      super(418);
    }
  }
  class MyWidgetError extends NoSuchWidgetError {}
  const tests: TestCase<() => ApiError, string>[] = [
    ['ApiError', { given: () => new ApiError(400), want: 'ApiError' }],
    ['ClientError', { given: () => new ClientError(418), want: 'ClientError' }],
    ['ServerError', { given: () => new ServerError(599), want: 'ServerError' }],
    ['a status class', { given: () => new NotFoundError(), want: 'NotFoundError' }],
    ['a status class whose name ends in Error already', { given: () => new InternalServerError(), want: 'InternalServerError' }],
    ['a code class', { given: () => new NoSuchWidgetError(), want: 'NoSuchWidgetError' }],
    ['a user subclass of a status class keeps its own name', { given: () => new MyNotFound(), want: 'MyNotFound' }],
    ['a user subclass of ApiError keeps its own name', { given: () => new Teapot(), want: 'Teapot' }],
    ['a user subclass of a code class keeps its own name', { given: () => new MyWidgetError(), want: 'MyWidgetError' }],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      const error = given();
      expect(error.name).toBe(want);
      expect(String(error).startsWith(`${want}: `)).toBe(true);
    });
  }
  for (const info of errorStatuses) {
    test(`${info.status}: name is the class's own static errorName`, () => {
      const type = errorClassFor(info.status) as unknown as { errorName: string; name: string };
      expect(Object.hasOwn(type, 'errorName')).toBe(true);
      expect(make(type).name).toBe(type.errorName);
      expect(type.errorName).toBe(`${info.name.endsWith('Error') ? info.name.replace(/Error$/, '') : info.name}Error`);
    });
  }
  test('name does not come from constructor.name (which minifiers rename)', () => {
    const saved = Object.getOwnPropertyDescriptor(NotFoundError, 'name')!;
    Object.defineProperty(NotFoundError, 'name', { value: 'a', configurable: true });
    try {
      expect(NotFoundError.name).toBe('a');
      expect(new NotFoundError().name).toBe('NotFoundError');
      expect(new NoSuchWidgetError().name).toBe('NoSuchWidgetError');
    } finally {
      Object.defineProperty(NotFoundError, 'name', saved);
    }
  });
});

describe('ApiError: message, errorMsg and masking', () => {
  interface Want {
    readonly status: number;
    readonly message: string;
    readonly errorMsg: string;
    readonly expose: boolean;
    readonly errorCode: string | undefined;
  }
  const tests: TestCase<() => ApiError, Want>[] = [
    [
      '4xx: the given message is sent',
      {
        given: () => new NotFoundError('Widget 7 is gone.'),
        want: { status: 404, message: 'Widget 7 is gone.', errorMsg: 'Widget 7 is gone.', expose: true, errorCode: 'RT.0000' },
      },
    ],
    [
      '4xx with expose: false: the catalog message is sent',
      {
        given: () => new NotFoundError('tenant 42 has no widget 7', { expose: false }),
        want: { status: 404, message: 'tenant 42 has no widget 7', errorMsg: 'Not Found', expose: false, errorCode: 'RT.0000' },
      },
    ],
    [
      '5xx: the given message stays for logs, the catalog message is sent',
      {
        given: () => new InternalServerError('db password=hunter2'),
        want: { status: 500, message: 'db password=hunter2', errorMsg: 'Internal Server Error', expose: false, errorCode: 'RT.0000' },
      },
    ],
    [
      '5xx with expose: true: the given message is sent',
      {
        given: () => new InternalServerError('Try the other region.', { expose: true }),
        want: { status: 500, message: 'Try the other region.', errorMsg: 'Try the other region.', expose: true, errorCode: 'RT.0000' },
      },
    ],
    [
      '5xx with a code listed under it: the code message is sent',
      {
        given: () => new InternalServerError('pool exhausted', { errorCode: 'RT.0500' }),
        want: { status: 500, message: 'pool exhausted', errorMsg: 'Database unavailable.', expose: false, errorCode: 'RT.0500' },
      },
    ],
    [
      '5xx code class',
      {
        given: () => new DatabaseUnavailableError('replica lag 40 s'),
        want: { status: 500, message: 'replica lag 40 s', errorMsg: 'Database unavailable.', expose: false, errorCode: 'RT.0500' },
      },
    ],
    [
      '5xx without a message',
      {
        given: () => new ServiceUnavailableError(),
        want: { status: 503, message: 'Service Unavailable', errorMsg: 'Service Unavailable', expose: false, errorCode: 'RT.0000' },
      },
    ],
    [
      'ServerError of a status the catalog does not list',
      {
        given: () => new ServerError(599, 'secret'),
        want: { status: 599, message: 'secret', errorMsg: 'HTTP 599', expose: false, errorCode: 'RT.0000' },
      },
    ],
    [
      'ApiError 500',
      {
        given: () => new ApiError(500, 'secret'),
        want: { status: 500, message: 'secret', errorMsg: 'Internal Server Error', expose: false, errorCode: 'RT.0000' },
      },
    ],
    [
      'empty given message is a given message',
      { given: () => new NotFoundError(''), want: { status: 404, message: '', errorMsg: '', expose: true, errorCode: 'RT.0000' } },
    ],
    // Default messages.
    [
      'no message: the status message',
      {
        given: () => new NotFoundError(),
        want: { status: 404, message: 'Not Found', errorMsg: 'Not Found', expose: true, errorCode: 'RT.0000' },
      },
    ],
    [
      'a code listed under this status lends its message',
      {
        given: () => new NotFoundError(undefined, { errorCode: 'RT.0404' }),
        want: { status: 404, message: 'No such widget.', errorMsg: 'No such widget.', expose: true, errorCode: 'RT.0404' },
      },
    ],
    [
      'a second code under the same status lends its own',
      {
        given: () => new BadRequestError(undefined, { errorCode: 'RT.0002' }),
        want: { status: 400, message: 'Missing parameter.', errorMsg: 'Missing parameter.', expose: true, errorCode: 'RT.0002' },
      },
    ],
    [
      'a code listed under another status lends nothing',
      {
        given: () => new NotFoundError(undefined, { errorCode: 'RT.0500' }),
        want: { status: 404, message: 'Not Found', errorMsg: 'Not Found', expose: true, errorCode: 'RT.0500' },
      },
    ],
    [
      'a code the catalog does not list lends nothing',
      {
        given: () => new NotFoundError(undefined, { errorCode: 'RT.9999' }),
        want: { status: 404, message: 'Not Found', errorMsg: 'Not Found', expose: true, errorCode: 'RT.9999' },
      },
    ],
    [
      'the code class lends its message',
      {
        given: () => new InvalidParameterError(),
        want: { status: 400, message: 'Invalid parameter.', errorMsg: 'Invalid parameter.', expose: true, errorCode: 'RT.0001' },
      },
    ],
    [
      'a code class fixes its code over the options',
      {
        given: () => new InvalidParameterError(undefined, { errorCode: 'RT.0002' } as ApiErrorOptions),
        want: { status: 400, message: 'Invalid parameter.', errorMsg: 'Invalid parameter.', expose: true, errorCode: 'RT.0001' },
      },
    ],
    [
      'ApiError of a status the catalog does not list',
      {
        given: () => new ApiError(418),
        want: { status: 418, message: 'HTTP 418', errorMsg: 'HTTP 418', expose: true, errorCode: 'RT.0000' },
      },
    ],
    [
      'ApiError with a listed code under its status',
      {
        given: () => new ApiError(400, undefined, { errorCode: 'RT.0001' }),
        want: { status: 400, message: 'Invalid parameter.', errorMsg: 'Invalid parameter.', expose: true, errorCode: 'RT.0001' },
      },
    ],
    [
      'ApiError below 400 (not a client error) exposes',
      {
        given: () => new ApiError(302),
        want: { status: 302, message: 'HTTP 302', errorMsg: 'HTTP 302', expose: true, errorCode: 'RT.0000' },
      },
    ],
    [
      'errorCode: undefined given explicitly: the default code',
      {
        given: () => new NotFoundError(undefined, { errorCode: undefined }),
        want: { status: 404, message: 'Not Found', errorMsg: 'Not Found', expose: true, errorCode: 'RT.0000' },
      },
    ],
    // Errors rebuilt from responses: the same masking, no default code.
    [
      'from a 5xx response: its message for logs, the catalog message re-sent',
      {
        given: () => errorFromResponse(503, { error_msg: 'node db-7 down' }),
        want: { status: 503, message: 'node db-7 down', errorMsg: 'Service Unavailable', expose: false, errorCode: undefined },
      },
    ],
    [
      'from a 5xx response with its code',
      {
        given: () => errorFromResponse(500, { error_code: 'RT.0500', error_msg: 'shard 3' }),
        want: { status: 500, message: 'shard 3', errorMsg: 'Database unavailable.', expose: false, errorCode: 'RT.0500' },
      },
    ],
    [
      'from a 4xx response',
      {
        given: () => errorFromResponse(404, { error_code: 'RT.0404', error_msg: 'Widget 7.' }),
        want: { status: 404, message: 'Widget 7.', errorMsg: 'Widget 7.', expose: true, errorCode: 'RT.0404' },
      },
    ],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      const error = given();
      expect({
        status: error.status,
        message: error.message,
        errorMsg: error.errorMsg,
        expose: error.expose,
        errorCode: error.errorCode,
      }).toEqual(want);
      const body = error.toJSON() as unknown as Record<string, unknown>;
      expect(body['error_msg']).toBe(want.errorMsg);
      expect(body['error_code']).toBe(want.errorCode ?? 'RT.0000');
      expect(error.toResponse().body).toEqual(body);
      expect(JSON.parse(JSON.stringify(error))).toEqual(body);
    });
  }

  for (const info of ERRORS) {
    test(`${info.code}: its class and its status class with the code give ${JSON.stringify(info.message)}`, () => {
      expect(make(errorClassForCode(info.code)).message).toBe(info.message);
      expect(make(errorClassFor(info.status), undefined, { ...AUTH, errorCode: info.code }).message).toBe(info.message);
      for (const other of errorStatuses.filter((s) => s.status !== info.status)) {
        expect(make(errorClassFor(other.status), undefined, { ...AUTH, errorCode: info.code }).message).toBe(other.message);
      }
    });
  }

  test('a masked 5xx message never reaches the wire', () => {
    const error = new InternalServerError('db password=hunter2', { requestId: 'r1' });
    const wire = JSON.stringify(error.toResponse());
    expect(wire).not.toContain('hunter2');
    expect(error.message).toContain('hunter2');
  });

  test('cause is kept, never sent', () => {
    const cause = new Error('socket hang up: secret');
    const error = new ServiceUnavailableError(undefined, { cause });
    expect(error.cause).toBe(cause);
    expect(JSON.stringify(error.toResponse())).not.toContain('secret');
    expect('cause' in new NotFoundError()).toBe(false);
  });
});

describe('ApiError: a status no response carries', () => {
  const tests: TestCase<() => ApiError, { status: number; errorMsg: string }>[] = [
    ...([NaN, 0, -1, 99, 404.5, 600, 1000, Infinity, -Infinity, 1e21] as const).map(
      (status): TestCase<() => ApiError, { status: number; errorMsg: string }> => [
        `new ApiError(${String(status)}) → 500, its message masked`,
        { given: () => new ApiError(status, 'db password=hunter2'), want: { status: 500, errorMsg: 'Internal Server Error' } },
      ],
    ),
    [
      'a status given as text (the types say number) → 500',
      { given: () => new ApiError('404' as unknown as number, 'x'), want: { status: 500, errorMsg: 'Internal Server Error' } },
    ],
    ['ClientError(1000) → 500', { given: () => new ClientError(1000, 'x'), want: { status: 500, errorMsg: 'Internal Server Error' } }],
    ['the lowest, 100, is kept', { given: () => new ApiError(100, 'x'), want: { status: 100, errorMsg: 'x' } }],
    ['the highest, 599, is kept', { given: () => new ApiError(599, 'x'), want: { status: 599, errorMsg: 'HTTP 599' } }],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      const error = given();
      expect(error.status).toBe(want.status);
      expect(error.errorMsg).toBe(want.errorMsg);
      const response = error.toResponse();
      expect(response.status).toBe(want.status);
      expect(JSON.stringify(response)).not.toContain('hunter2');
      // What Node's writeHead accepts.
      expect(Number.isInteger(response.status) && response.status >= 100 && response.status <= 599).toBe(true);
    });
  }
});

describe('ApiError: default code', () => {
  // errorCode says what the error carries; the body always has a code (the default fills in),
  // so that what a relay sends on stays valid against the schema.
  const tests: TestCase<() => ApiError, { errorCode: string | undefined; bodyCode: string }>[] = [
    ['raised by the server without a code', { given: () => new NotFoundError(), want: { errorCode: 'RT.0000', bodyCode: 'RT.0000' } }],
    ['raised by the server, 5xx', { given: () => new InternalServerError('x'), want: { errorCode: 'RT.0000', bodyCode: 'RT.0000' } }],
    ['raised with ApiError', { given: () => new ApiError(418), want: { errorCode: 'RT.0000', bodyCode: 'RT.0000' } }],
    [
      'raised with a code',
      { given: () => new NotFoundError(undefined, { errorCode: 'RT.0404' }), want: { errorCode: 'RT.0404', bodyCode: 'RT.0404' } },
    ],
    [
      'from a response whose body has no code',
      { given: () => errorFromResponse(404, { error_msg: 'x' }), want: { errorCode: undefined, bodyCode: 'RT.0000' } },
    ],
    [
      'from a response whose body is not JSON',
      { given: () => errorFromResponse(502, '<html>Bad Gateway</html>'), want: { errorCode: undefined, bodyCode: 'RT.0000' } },
    ],
    ['from a response without a body', { given: () => errorFromResponse(500), want: { errorCode: undefined, bodyCode: 'RT.0000' } }],
    [
      'from a response of a status without a class',
      { given: () => errorFromResponse(418, {}), want: { errorCode: undefined, bodyCode: 'RT.0000' } },
    ],
    [
      'constructed with FROM_RESPONSE',
      {
        given: () => new NotFoundError(undefined, { [FROM_RESPONSE]: true } as ResponseErrorOptions),
        want: { errorCode: undefined, bodyCode: 'RT.0000' },
      },
    ],
    [
      'from a response whose body has the default code',
      { given: () => errorFromResponse(404, { error_code: 'RT.0000' }), want: { errorCode: 'RT.0000', bodyCode: 'RT.0000' } },
    ],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      const error = given();
      expect(error.errorCode).toBe(want.errorCode);
      expect((error.toJSON() as unknown as Record<string, unknown>)['error_code']).toBe(want.bodyCode);
    });
  }
  test('the default code lends no message (RT does not list it: the status message)', () => {
    expect(new BadRequestError().message).toBe('Bad Request');
    expect(new BadRequestError(undefined, { errorCode: DEFAULT_ERROR_CODE }).message).toBe('Bad Request');
  });
  test('FROM_RESPONSE is a private symbol, not a registered one another module could forge', () => {
    expect(typeof FROM_RESPONSE).toBe('symbol');
    expect(Symbol.keyFor(FROM_RESPONSE)).toBeUndefined();
    const forged = { [Symbol.for('status-catalog:from-response')]: true } as ApiErrorOptions;
    expect(new NotFoundError(undefined, forged).errorCode).toBe('RT.0000');
  });
});

describe('ApiError: headers, request id and toResponse', () => {
  interface Want {
    readonly headers: Record<string, string>;
    readonly requestId: string | undefined;
    readonly response: [string, string][];
    readonly bodyRequestId: string | undefined;
  }
  const hopByHop = {
    Connection: 'close',
    'Keep-Alive': 'timeout=5',
    'Proxy-Connection': 'keep-alive',
    'Transfer-Encoding': 'chunked',
    TE: 'trailers',
    Trailer: 'Expires',
    Upgrade: 'h2c',
    'Content-Length': '12',
    'Content-Encoding': 'gzip',
    Date: 'Wed, 21 Oct 2015 07:28:00 GMT',
  };
  const tests: TestCase<() => ApiError, Want>[] = [
    [
      'no headers: content-type only',
      {
        given: () => new NotFoundError(),
        want: { headers: {}, requestId: undefined, response: [['content-type', 'application/json']], bodyRequestId: undefined },
      },
    ],
    [
      'headers keeps all it was given, lower-case; toResponse sends declared ones only',
      {
        given: () =>
          new TooManyRequestsError(undefined, { headers: { 'Retry-After': '5', 'Set-Cookie': 'session=1', 'X-Powered-By': 'rt' } }),
        want: {
          headers: { 'retry-after': '5', 'set-cookie': 'session=1', 'x-powered-by': 'rt' },
          requestId: undefined,
          response: [
            ['retry-after', '5'],
            ['content-type', 'application/json'],
          ],
          bodyRequestId: undefined,
        },
      },
    ],
    [
      'hop-by-hop and entity headers are never sent',
      {
        given: () => new ServiceUnavailableError(undefined, { headers: { ...hopByHop, 'Retry-After': '30' } }),
        want: {
          headers: { ...Object.fromEntries(Object.entries(hopByHop).map(([k, v]) => [k.toLowerCase(), v])), 'retry-after': '30' },
          requestId: undefined,
          response: [
            ['retry-after', '30'],
            ['content-type', 'application/json'],
          ],
          bodyRequestId: undefined,
        },
      },
    ],
    [
      'a Content-Type given is replaced by the catalog media type, last',
      {
        given: () => new NotFoundError(undefined, { headers: { 'Content-Type': 'text/html', 'Retry-After': '1' } }),
        want: {
          headers: { 'content-type': 'text/html', 'retry-after': '1' },
          requestId: undefined,
          response: [
            ['retry-after', '1'],
            ['content-type', 'application/json'],
          ],
          bodyRequestId: undefined,
        },
      },
    ],
    [
      'declared headers sorted, x-request-id, content-type last',
      {
        given: () =>
          new UnauthorizedError(undefined, { headers: { 'WWW-Authenticate': 'Bearer', 'Retry-After': '2' }, requestId: 'req-9' }),
        want: {
          headers: { 'www-authenticate': 'Bearer', 'retry-after': '2' },
          requestId: 'req-9',
          response: [
            ['retry-after', '2'],
            ['www-authenticate', 'Bearer'],
            ['x-request-id', 'req-9'],
            ['content-type', 'application/json'],
          ],
          bodyRequestId: 'req-9',
        },
      },
    ],
    [
      'a request id from x-request-id is sent as a header, not in the body',
      {
        given: () => new NotFoundError(undefined, { headers: { 'X-Request-Id': 'hdr-1' } }),
        want: {
          headers: { 'x-request-id': 'hdr-1' },
          requestId: 'hdr-1',
          response: [
            ['x-request-id', 'hdr-1'],
            ['content-type', 'application/json'],
          ],
          bodyRequestId: undefined,
        },
      },
    ],
    [
      'a request id given wins over the header',
      {
        given: () => new NotFoundError(undefined, { headers: { 'X-Request-Id': 'hdr-1' }, requestId: 'opt-1' }),
        want: {
          headers: { 'x-request-id': 'hdr-1' },
          requestId: 'opt-1',
          response: [
            ['x-request-id', 'opt-1'],
            ['content-type', 'application/json'],
          ],
          bodyRequestId: 'opt-1',
        },
      },
    ],
    [
      'headers from a Map and from fetch Headers',
      {
        given: () => new TooManyRequestsError(undefined, { headers: new Headers({ 'Retry-After': '9', Via: '1.1 proxy' }) }),
        want: {
          headers: { 'retry-after': '9', via: '1.1 proxy' },
          requestId: undefined,
          response: [
            ['retry-after', '9'],
            ['content-type', 'application/json'],
          ],
          bodyRequestId: undefined,
        },
      },
    ],
    [
      'from a response: only declared headers and x-request-id are kept',
      {
        given: () =>
          errorFromResponse(
            429,
            {},
            {
              'Retry-After': '5',
              'Set-Cookie': 'a=1',
              Connection: 'close',
              'X-Request-Id': 'r1',
              'Content-Type': 'application/json',
              Server: 'nginx',
            },
          ),
        want: {
          headers: { 'retry-after': '5', 'x-request-id': 'r1' },
          requestId: 'r1',
          response: [
            ['retry-after', '5'],
            ['x-request-id', 'r1'],
            ['content-type', 'application/json'],
          ],
          bodyRequestId: undefined,
        },
      },
    ],
    [
      'from a response: the body request id wins over the header',
      {
        given: () => errorFromResponse(404, { request_id: 'body-1' }, new Map([['x-request-id', 'hdr-1']])),
        want: {
          headers: { 'x-request-id': 'hdr-1' },
          requestId: 'body-1',
          response: [
            ['x-request-id', 'body-1'],
            ['content-type', 'application/json'],
          ],
          bodyRequestId: 'body-1',
        },
      },
    ],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      const error = given();
      expect({ ...error.headers }).toEqual(want.headers);
      expect(error.requestId).toBe(want.requestId);
      const response = error.toResponse();
      expect(response.status).toBe(error.status);
      expect(Object.entries(response.headers)).toEqual(want.response);
      expect((response.body as unknown as Record<string, unknown>)['request_id']).toBe(want.bodyRequestId);
      expect(Object.isFrozen(error.headers)).toBe(true);
    });
  }
  test('the required header travels', () => {
    const error = new TokenExpiredError(undefined, { headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } });
    expect(error.toResponse().headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(error.errorCode).toBe('RT.0401');
  });
  test('content-type is the catalog media type', () => {
    expect(new NotFoundError().toResponse().headers['content-type']).toBe(ERROR_BODY.mediaType);
  });
});

describe('ApiError: statusCode and getResponse (what frameworks read)', () => {
  const tests: TestCase<() => ApiError, { status: number; errorMsg: string }>[] = [
    ['a status class', { given: () => new NotFoundError('no widget 7'), want: { status: 404, errorMsg: 'no widget 7' } }],
    ['a code class', { given: () => new NoSuchWidgetError(), want: { status: 404, errorMsg: 'No such widget.' } }],
    ['a bare ClientError', { given: () => new ClientError(418, 'teapot'), want: { status: 418, errorMsg: 'teapot' } }],
    ['a masked 5xx', { given: () => new InternalServerError('db password=x'), want: { status: 500, errorMsg: 'Internal Server Error' } }],
    [
      'a 429 with Retry-After and a request id',
      {
        given: () => new TooManyRequestsError(undefined, { headers: { 'Retry-After': '30' }, requestId: 'req-1' }),
        want: { status: 429, errorMsg: 'Too Many Requests' },
      },
    ],
  ];
  for (const [name, { given, want }] of tests) {
    test(`${name}: statusCode is status`, () => {
      const error = given();
      expect(error.statusCode).toBe(want.status);
      expect(error.statusCode).toBe(error.status);
    });
    test(`${name}: getResponse is toResponse as a fetch Response`, async () => {
      const error = given();
      const response = error.getResponse();
      expect(response).toBeInstanceOf(Response);
      const wire = error.toResponse();
      expect(response.status).toBe(wire.status);
      expect(Object.fromEntries(response.headers)).toEqual(wire.headers);
      const text = await response.text();
      expect(text).toBe(JSON.stringify(wire.body));
      expect((JSON.parse(text) as { error_msg: string }).error_msg).toBe(want.errorMsg);
    });
  }
  test('statusCode is a getter: not an own member, not in the body, not settable', () => {
    const error = new NotFoundError();
    expect(Object.hasOwn(error, 'statusCode')).toBe(false);
    expect(Object.keys(error)).not.toContain('statusCode');
    expect(() => Object.assign(error, { statusCode: 500 })).toThrow(TypeError);
    expect(error.statusCode).toBe(404);
  });
  test('a masked 5xx: nothing of its message in the Response', async () => {
    const text = await new InternalServerError('db password=x at 10.0.0.1').getResponse().text();
    expect(text).not.toContain('password');
    expect(text).not.toContain('10.0.0.1');
  });
});

describe('ApiError: a header value no response can carry', () => {
  const refused: TestCase<() => ApiError, string>[] = [
    [
      'a declared header with CR LF and a header after it',
      {
        given: () => new TooManyRequestsError(undefined, { headers: { 'Retry-After': '5\r\nSet-Cookie: session=stolen' } }),
        want: 'Retry-After',
      },
    ],
    [
      'the required header with a bare LF',
      { given: () => new UnauthorizedError(undefined, { headers: { 'WWW-Authenticate': 'Bearer\nX: y' } }), want: 'WWW-Authenticate' },
    ],
    [
      'NUL, through a Map',
      { given: () => new NotFoundError(undefined, { headers: new Map([['Retry-After', '1\u0000']]) }), want: 'Retry-After' },
    ],
    [
      'an undeclared header (never sent, never valid)',
      { given: () => new NotFoundError(undefined, { headers: { 'X-Debug': 'line 1\rline 2' } }), want: 'X-Debug' },
    ],
    ['a code class, DEL', { given: () => new NoSuchWidgetError(undefined, { headers: { 'retry-after': '\u007f' } }), want: 'retry-after' }],
    [
      'ApiError itself, a character above U+00FF',
      { given: () => new ApiError(503, undefined, { headers: { 'Retry-After': '\u2028' } }), want: 'Retry-After' },
    ],
  ];
  for (const [name, { given, want }] of refused) {
    test(`refused at construction, a TypeError naming the header: ${name}`, () => {
      expect(given).toThrow(TypeError);
      expect(given).toThrow(`Invalid value for header ${JSON.stringify(want)}`);
    });
  }

  test('a tab and obs-text are a header value: kept and sent', () => {
    const error = new TooManyRequestsError(undefined, { headers: { 'Retry-After': '5', 'WWW-Authenticate': 'Bearer\trealm="caf\u00e9"' } });
    expect(error.toResponse().headers['www-authenticate']).toBe('Bearer\trealm="caf\u00e9"');
  });

  test('read from a response, such a value is dropped: errorFromResponse never throws', () => {
    const error = errorFromResponse(429, '', { 'Retry-After': '5\r\nSet-Cookie: a=b', 'WWW-Authenticate': 'Bearer' });
    expect({ ...error.headers }).toEqual({ 'www-authenticate': 'Bearer' });
    expect(error.retryAfter).toBeUndefined();
    expect(Object.keys(error.toResponse().headers)).toEqual(['www-authenticate', 'content-type']);
  });
});

describe('ApiError: a request id that cannot be a header', () => {
  const tests: TestCase<string, boolean>[] = [
    ['visible ASCII', { given: 'req-1f3a', want: true }],
    ['with spaces inside, as repeated headers join', { given: 'a, b', want: true }],
    ['a line break and a header after it', { given: 'abc\r\nSet-Cookie: a=b', want: false }],
    ['non-ASCII', { given: 'id-€', want: false }],
    ['leading space', { given: ' abc', want: false }],
    ['longer than 256 characters', { given: 'x'.repeat(257), want: false }],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      const error = errorFromResponse(404, { error_msg: 'x', request_id: given });
      expect(error.requestId).toBe(given);
      expect(Object.hasOwn(error.toResponse().headers, 'x-request-id')).toBe(want);
      // In the body it travels as it came: JSON carries anything.
      expect((error.toJSON() as unknown as Record<string, unknown>)['request_id']).toBe(given);
    });
  }
});

describe('ApiError: retryable and retryAfter', () => {
  const tests: TestCase<() => ApiError, { retryable: boolean; retryAfter: number | undefined; retryAfterMs?: number | undefined }>[] = [
    [
      '429 (retry-after) without Retry-After',
      { given: () => new TooManyRequestsError(), want: { retryable: true, retryAfter: undefined } },
    ],
    [
      '429 with Retry-After: 5',
      { given: () => new TooManyRequestsError(undefined, { headers: { 'Retry-After': 5 } }), want: { retryable: true, retryAfter: 5 } },
    ],
    [
      '503 (if-retry-after) without Retry-After',
      { given: () => new ServiceUnavailableError(), want: { retryable: false, retryAfter: undefined } },
    ],
    [
      '503 with Retry-After: 30',
      {
        given: () => new ServiceUnavailableError(undefined, { headers: { 'retry-after': '30' } }),
        want: { retryable: true, retryAfter: 30 },
      },
    ],
    [
      '503 with an unreadable Retry-After',
      {
        given: () => new ServiceUnavailableError(undefined, { headers: { 'Retry-After': 'soon' } }),
        want: { retryable: true, retryAfter: undefined },
      },
    ],
    [
      '400 (modify) with Retry-After',
      { given: () => new BadRequestError(undefined, { headers: { 'Retry-After': '1' } }), want: { retryable: false, retryAfter: 1 } },
    ],
    ['404 (no policy)', { given: () => new NotFoundError(), want: { retryable: false, retryAfter: undefined } }],
    [
      '429 with a code whose own guidance is modify (RT.0429), even with Retry-After',
      {
        given: () => new QuotaExhaustedError(undefined, { headers: { 'Retry-After': '5' } }),
        want: { retryable: false, retryAfter: 5 },
      },
    ],
    [
      '429 read from a response with that code',
      {
        given: () => errorFromResponse(429, '{"error_code":"RT.0429"}', { 'Retry-After': '5' }),
        want: { retryable: false, retryAfter: 5 },
      },
    ],
    [
      '429 read from a response with another code: the status decides',
      {
        given: () => errorFromResponse(429, '{"error_code":"RT.0001"}', { 'Retry-After': '5' }),
        want: { retryable: true, retryAfter: 5 },
      },
    ],
    [
      '503 from a response with Retry-After',
      { given: () => errorFromResponse(503, '', { 'Retry-After': '12' }), want: { retryable: true, retryAfter: 12, retryAfterMs: 12_000 } },
    ],
    [
      'Retry-After with leading zeros: 1 s',
      {
        given: () => errorFromResponse(503, '', { 'Retry-After': '00000000001' }),
        want: { retryable: true, retryAfter: 1, retryAfterMs: 1000 },
      },
    ],
    [
      'Retry-After of 10 digits: a day, in milliseconds a timer holds',
      {
        given: () => errorFromResponse(429, '', { 'Retry-After': '9999999999' }),
        want: { retryable: true, retryAfter: 86_400, retryAfterMs: 86_400_000 },
      },
    ],
    [
      'Retry-After in year 9999: a day',
      {
        given: () => errorFromResponse(429, '', { 'Retry-After': 'Fri, 31 Dec 9999 23:59:59 GMT' }),
        want: { retryable: true, retryAfter: 86_400, retryAfterMs: 86_400_000 },
      },
    ],
    [
      'Retry-After on a date that does not exist: none',
      {
        given: () => errorFromResponse(429, '', { 'Retry-After': 'Sat, 31 Feb 2099 00:00:00 GMT' }),
        want: { retryable: true, retryAfter: undefined, retryAfterMs: undefined },
      },
    ],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      const error = given();
      const { retryable, retryAfter, retryAfterMs } = error;
      expect({ retryable, retryAfter, retryAfterMs }).toEqual({
        retryAfterMs: want.retryAfter === undefined ? undefined : want.retryAfter * 1000,
        ...want,
      });
    });
  }

  test('a timer set to retryAfterMs waits: it never overflows to 1 ms', async () => {
    const error = errorFromResponse(429, '', { 'Retry-After': '9'.repeat(12) });
    const delay = error.retryAfterMs!;
    expect(delay).toBeLessThanOrEqual(2 ** 31 - 1);
    // Control: Node runs a timer past 2^31-1 ms after 1 ms (with a TimeoutOverflowWarning).
    const fired: string[] = [];
    const onWarning = (): void => undefined;
    process.on('warning', onWarning);
    try {
      const timers = [setTimeout(() => fired.push('safe'), delay), setTimeout(() => fired.push('overflow'), 9_999_999_999 * 1000)];
      await new Promise((resolve) => setTimeout(resolve, 50));
      timers.forEach(clearTimeout);
    } finally {
      process.off('warning', onWarning);
    }
    expect(fired).toEqual(['overflow']);
  });
});

describe('ApiError: brand and Symbol.hasInstance', () => {
  class MyNotFound extends NotFoundError {}
  class OtherNotFound extends NotFoundError {}
  class Teapot extends ApiError {
    constructor() {
      super(418);
    }
  }
  const kinds: TestCase<() => ApiError, readonly string[]>[] = [
    ['ApiError → ApiError', { given: () => new ApiError(404), want: CHAIN.api }],
    ['ClientError → ClientError, ApiError', { given: () => new ClientError(404), want: CHAIN.client }],
    ['ServerError → ServerError, ApiError', { given: () => new ServerError(500), want: CHAIN.server }],
    ['NotFoundError → NotFoundError, ClientError, ApiError', { given: () => new NotFoundError(), want: CHAIN[404] }],
    ['NoSuchWidgetError → its code class, then its status class', { given: () => new NoSuchWidgetError(), want: CHAIN['RT.0404'] }],
    ['a user subclass of a status class → the status class', { given: () => new MyNotFound(), want: CHAIN[404] }],
    ['a user subclass of ApiError → ApiError', { given: () => new Teapot(), want: CHAIN.api }],
    [
      'from a response with a code class → the code class',
      { given: () => errorFromResponse(400, { error_code: 'RT.0002' }), want: CHAIN['RT.0002'] },
    ],
    ['from a response of an unlisted 4xx → ClientError', { given: () => errorFromResponse(418), want: CHAIN.client }],
    ['from a response of an unlisted 5xx → ServerError', { given: () => errorFromResponse(599), want: CHAIN.server }],
    ['from a response of a 3xx → ApiError', { given: () => errorFromResponse(302), want: CHAIN.api }],
  ];
  for (const [name, { given, want }] of kinds) {
    test(`class chain: ${name}`, () => {
      const error = given();
      expect(brandOf(error)).toEqual(want);
      expect(Object.isFrozen(brandOf(error))).toBe(true);
      const descriptor = Object.getOwnPropertyDescriptor(error, BRAND)!;
      expect(descriptor).toMatchObject({ enumerable: false, writable: false, configurable: false });
      expect(Object.keys(error)).not.toContain(BRAND);
    });
  }
  for (const info of errorStatuses) {
    test(`class chain of the ${info.status} class: its class, then ${info.status < 500 ? 'ClientError' : 'ServerError'}`, () => {
      const type = errorClassFor(info.status) as unknown as { errorName: string };
      expect(brandOf(make(type))).toEqual([type.errorName, info.status < 500 ? 'ClientError' : 'ServerError', 'ApiError']);
    });
  }

  // What another copy of the RT code makes: the brand, not the prototype.
  const classes: Record<string, unknown> = {
    ApiError,
    ClientError,
    ServerError,
    BadRequestError,
    NotFoundError,
    InternalServerError,
    NoSuchWidgetError,
    InvalidParameterError,
    MyNotFound,
  };
  const matches: TestCase<object, string[]>[] = [
    ['a foreign 404 status error', { given: foreign(CHAIN[404], 404), want: ['ApiError', 'ClientError', 'NotFoundError'] }],
    ['a foreign 400 status error', { given: foreign(CHAIN[400], 400), want: ['ApiError', 'ClientError', 'BadRequestError'] }],
    [
      'a foreign RT.0404 code error',
      { given: foreign(CHAIN['RT.0404'], 404), want: ['ApiError', 'ClientError', 'NotFoundError', 'NoSuchWidgetError'] },
    ],
    [
      'a foreign RT.0001 code error',
      { given: foreign(CHAIN['RT.0001'], 400), want: ['ApiError', 'ClientError', 'BadRequestError', 'InvalidParameterError'] },
    ],
    ['a foreign 500 status error', { given: foreign(CHAIN[500], 500), want: ['ApiError', 'ServerError', 'InternalServerError'] }],
    ['a foreign ClientError of 404', { given: foreign(CHAIN.client, 404), want: ['ApiError', 'ClientError'] }],
    ['a foreign ServerError of 599', { given: foreign(CHAIN.server, 599), want: ['ApiError', 'ServerError'] }],
    ['a foreign ApiError of 404', { given: foreign(CHAIN.api, 404), want: ['ApiError'] }],
    [
      'a foreign brand decides alone: its status is not read',
      { given: foreign(CHAIN[404], '500'), want: ['ApiError', 'ClientError', 'NotFoundError'] },
    ],
    ['a brand of another service', { given: foreign(CHAIN[404], 404, 'OTHER'), want: [] }],
    ['a brand that is not a chain', { given: foreign(404, 404), want: [] }],
    ['a brand that is text, not a chain', { given: foreign('NotFoundError', 404), want: [] }],
    ['no brand, status 404', { given: { status: 404 }, want: [] }],
    ['a brand inherited, not own', { given: Object.create(foreign(CHAIN[404], 404)) as object, want: [] }],
    ['a brand behind a getter', { given: Object.defineProperty({ status: 404 }, BRAND, { get: () => CHAIN[404] }), want: [] }],
    ['a plain Error', { given: new Error('Not Found'), want: [] }],
    ['an Error with status 404', { given: Object.assign(new Error('x'), { status: 404, name: 'NotFoundError' }), want: [] }],
  ];
  for (const [name, { given, want }] of matches) {
    test(`instanceof: ${name}`, () => {
      const got = Object.entries(classes)
        .filter(([, type]) => given instanceof (type as new () => unknown))
        .map(([n]) => n);
      expect(got.sort()).toEqual([...want].sort());
      expect(isApiError(given)).toBe(want.includes('ApiError'));
    });
  }
  test('instanceof and isApiError are false, never throw, on values that are not objects', () => {
    for (const value of [undefined, null, 404, 'NotFoundError', Symbol('x'), 1n, () => 0]) {
      expect(value instanceof NotFoundError).toBe(false);
      expect(value instanceof ApiError).toBe(false);
      expect(isApiError(value)).toBe(false);
      expect(isApiError(value, 404)).toBe(false);
    }
  });
  test('a user subclass matches by prototype only', () => {
    expect(new MyNotFound() instanceof MyNotFound).toBe(true);
    expect(new MyNotFound() instanceof NotFoundError).toBe(true);
    expect(new NotFoundError() instanceof MyNotFound).toBe(false);
    expect(new OtherNotFound() instanceof MyNotFound).toBe(false);
    expect(foreign(CHAIN[404], 404) instanceof MyNotFound).toBe(false);
  });
  test('a user subclass with its own static status or errorCode still matches by prototype only', () => {
    class Teapot extends ClientError {
      static readonly status = 418;
    }
    class Coded extends NotFoundError {
      static readonly errorCode = 'RT.0404';
    }
    // Even a brand that names them: a class of the user's has no errorName of its own to match.
    expect(foreign(['Teapot', 'ClientError', 'ApiError'], 418) instanceof Teapot).toBe(false);
    expect(foreign(['Coded', ...CHAIN['RT.0404']], 404) instanceof Coded).toBe(false);
    // Control: the same foreign values are instances of the generated classes.
    expect(foreign(['Teapot', 'ClientError', 'ApiError'], 418) instanceof ClientError).toBe(true);
    expect(foreign(['Coded', ...CHAIN['RT.0404']], 404) instanceof NotFoundError).toBe(true);
  });
  test('a user subclass with a static errorName of its own is listed by it, and matched by it', () => {
    class Named extends NotFoundError {
      static override readonly errorName: string = 'Named';
    }
    const error = new Named();
    expect(error.name).toBe('Named');
    expect(brandOf(error)).toEqual(['Named', ...CHAIN[404]]);
    expect(foreign(['Named', ...CHAIN[404]], 404) instanceof Named).toBe(true);
    expect(foreign(CHAIN[404], 404) instanceof Named).toBe(false);
  });
  test('a bare ClientError or ServerError is not the other, whatever its status', () => {
    expect(new ServerError(404) instanceof ClientError).toBe(false);
    expect(new ClientError(503) instanceof ServerError).toBe(false);
    expect(foreign(CHAIN.server, 404) instanceof ClientError).toBe(false);
    expect(foreign(CHAIN.client, 503) instanceof ServerError).toBe(false);
  });
  test('a status class instance is not an instance of a code class of its status', () => {
    expect(new NotFoundError() instanceof NoSuchWidgetError).toBe(false);
    expect(new NotFoundError(undefined, { errorCode: 'RT.0404' }) instanceof NoSuchWidgetError).toBe(false);
    expect(new BadRequestError() instanceof InvalidParameterError).toBe(false);
    expect(new InvalidParameterError() instanceof MissingParameterError).toBe(false);
  });
  test('no generated class matches an error of another status', () => {
    for (const a of errorStatuses) {
      const error = make(errorClassFor(a.status));
      for (const b of errorStatuses) {
        expect(error instanceof (errorClassFor(b.status) as unknown as new () => unknown), `${a.status} instanceof ${b.status}`).toBe(
          a.status === b.status,
        );
        expect(isApiError(error, b.status)).toBe(a.status === b.status);
      }
      expect(error instanceof ClientError).toBe(a.status < 500);
      expect(error instanceof ServerError).toBe(a.status >= 500);
    }
  });
});

describe('isApiError', () => {
  const tests: TestCase<[value: unknown, status?: number], boolean>[] = [
    ['an error of this copy', { given: [new NotFoundError()], want: true }],
    ['an error of this copy with its status', { given: [new NotFoundError(), 404], want: true }],
    ['an error of this copy with another status', { given: [new NotFoundError(), 400], want: false }],
    ['a foreign error with its status', { given: [foreign(CHAIN[404], 404), 404], want: true }],
    ['a foreign error with another status', { given: [foreign(CHAIN[404], 404), 500], want: false }],
    ['an ApiError of an unlisted status', { given: [new ApiError(418), 418], want: true }],
    ['a plain Error', { given: [new Error('x')], want: false }],
    ['an object faking status 404', { given: [{ status: 404, name: 'NotFoundError', errorCode: 'RT.0000' }, 404], want: false }],
    ['undefined', { given: [undefined], want: false }],
    ['null', { given: [null, 404], want: false }],
    ['a string', { given: ['NotFoundError'], want: false }],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      expect(given.length === 1 ? isApiError(given[0]) : isApiError(given[0], given[1]!)).toBe(want);
    });
  }
});

describe('errorClassFor and errorClassForCode (stand-ins)', () => {
  for (const info of errorStatuses) {
    test(`${info.status} → a class of that status`, () => {
      const type = errorClassFor(info.status) as unknown as { status: number };
      expect(type.status).toBe(info.status);
      const error = make(type);
      expect(error.status).toBe(info.status);
      expect(error.message).toBe(info.message);
      expect(info.status < 500 ? error instanceof ClientError : error instanceof ServerError).toBe(true);
    });
  }
  for (const info of ERRORS) {
    test(`${info.code} → its code class, extending the class of ${info.status}`, () => {
      const type = errorClassForCode(info.code)!;
      expect(type.errorCode).toBe(info.code);
      expect(type.status).toBe(info.status);
      const error = make(type);
      expect(error.errorCode).toBe(info.code);
      expect(error.status).toBe(info.status);
      expect(error.name).toBe(`${info.name}Error`);
      expect(error instanceof (errorClassFor(info.status) as unknown as new () => unknown)).toBe(true);
      expect(Object.getPrototypeOf(type)).toBe(errorClassFor(info.status));
    });
  }
  const none: TestCase<unknown, undefined>[] = [
    ['200, no error class', { given: 200, want: undefined }],
    ['418, not listed', { given: 418, want: undefined }],
    ['"404"', { given: '404', want: undefined }],
    ['NaN', { given: NaN, want: undefined }],
  ];
  for (const [name, { given, want }] of none) {
    test(`errorClassFor: ${name}`, () => {
      expect(errorClassFor(given as number)).toBe(want);
    });
  }
  for (const code of ['RT.0000', 'RT.9999', '', 'toString', '__proto__', 'rt.0001']) {
    test(`errorClassForCode: ${JSON.stringify(code)} → undefined`, () => {
      expect(errorClassForCode(code)).toBeUndefined();
    });
  }
});

// What the RT stand-ins cannot show: a problem-document layout, and a catalog that lists its own
// default code and declares a header that sorts after x-request-id.
describe('with other generated catalogs', () => {
  type Module = {
    readonly [name: string]: unknown;
    readonly errorFromResponse: typeof errorFromResponse;
  };
  type AnyErrorClass = new (errorMsg?: string, options?: ApiErrorOptions) => ApiError;
  let dir: string;
  let iam: Module;
  let lst: Module;
  let gw: Module;
  const cls = (m: Module, name: string): AnyErrorClass => m[name] as AnyErrorClass;

  beforeAll(async () => {
    dir = tempDir('status-catalog-runtime-');
    const catalog = writeFile(
      join(dir, 'lst.yaml'),
      [
        'service: LST',
        'title: A catalog that lists its default code',
        'version: "1.0.0"',
        'errorBody:',
        '  defaultCode: LST.0000',
        'headers:',
        '  X-Trace-Id:',
        '    description: Trace id.',
        '    schema: { type: string }',
        'statuses:',
        '  - { status: 400, name: BadRequest, message: Bad Request, description: Malformed., headers: [X-Trace-Id] }',
        '  - { status: 500, name: InternalServerError, message: Internal Server Error, description: Failed. }',
        'errors:',
        '  - { code: LST.0000, status: 400, message: Listed default. }',
        '  - { code: LST.0001, status: 400, message: Other. }',
        '',
      ].join('\n'),
    );
    // A gateway's catalog: problem documents with extras, and a code longer than the others.
    const gateway = writeFile(
      join(dir, 'gw.yaml'),
      [
        'service: GW',
        'title: A gateway',
        'version: "1.0.0"',
        'errorBody:',
        '  shape: problem',
        "  codePattern: '^GW\\.[0-9]+$'",
        '  defaultCode: GW.0000',
        '  extra:',
        '    /debug: { schema: { type: object }, description: Diagnostics. }',
        '    /doc_url: { schema: { type: string }, description: A page about the code. }',
        'statuses:',
        '  - { status: 404, name: NotFound, message: Not Found, description: Nothing there. }',
        '  - { status: 500, name: InternalServerError, message: Internal Server Error, description: Failed. }',
        '  - { status: 503, name: ServiceUnavailable, message: Service Unavailable, description: Later. }',
        'errors:',
        '  - { code: GW.0001, status: 404, message: No such route. }',
        '  - { code: GW.4000003, status: 500, message: Upstream failed. }',
        '',
      ].join('\n'),
    );
    const [iamTs, lstTs, gwTs] = await Promise.all([
      generateCatalog(join(ROOT, 'test', 'fixtures', 'catalogs', 'identity.yaml'), join(dir, 'iam')),
      generateCatalog(catalog, join(dir, 'lst')),
      generateCatalog(gateway, join(dir, 'gw')),
    ]);
    iam = await importGenerated<Module>(iamTs);
    lst = await importGenerated<Module>(lstTs);
    gw = await importGenerated<Module>(gwTs);
  });
  afterAll(() => removeDir(dir));

  test('the default code lends no message, even listed under the status', () => {
    const error = new (cls(lst, 'BadRequestError'))();
    expect(error.errorCode).toBe('LST.0000');
    expect(error.message).toBe('Bad Request');
    expect(error.toJSON()).toEqual({ error_code: 'LST.0000', error_msg: 'Bad Request' });
    // Control: the same code, given, lends it.
    expect(new (cls(lst, 'BadRequestError'))(undefined, { errorCode: 'LST.0000' }).message).toBe('Listed default.');
  });

  test('toResponse: keys sorted, content-type last, with a declared header after x-request-id', () => {
    const error = new (cls(lst, 'BadRequestError'))(undefined, { headers: { 'X-Trace-Id': 't-1' }, requestId: 'r-1' });
    const keys = Object.keys(error.toResponse().headers);
    expect(keys[keys.length - 1]).toBe('content-type');
    expect(keys.slice(0, -1)).toEqual([...keys.slice(0, -1)].sort());
    expect(keys).toEqual(['x-request-id', 'x-trace-id', 'content-type']);
  });

  const problems: TestCase<() => ApiError, object>[] = [
    [
      'a code listed under its status: its type, titled by its message',
      {
        given: () => new (cls(iam, 'NotFoundError'))('User 7.', { errorCode: '0404', instance: '/users/7' }),
        want: {
          type: 'https://errors.identity.example/0404',
          title: 'User not found.',
          status: 404,
          detail: 'User 7.',
          instance: '/users/7',
          code: '0404',
        },
      },
    ],
    [
      'the code class',
      {
        given: () => new (cls(iam, 'UserNotFoundError'))(),
        want: {
          type: 'https://errors.identity.example/0404',
          title: 'User not found.',
          status: 404,
          detail: 'User not found.',
          code: '0404',
        },
      },
    ],
    [
      'the default code (not listed): about:blank, titled by the status',
      {
        given: () => new (cls(iam, 'NotFoundError'))(),
        want: { type: 'about:blank', title: 'Not Found', status: 404, detail: 'Not Found', code: '0000' },
      },
    ],
    [
      'a code listed under another status: titled by the status',
      {
        given: () => new (cls(iam, 'NotFoundError'))(undefined, { errorCode: '0101' }),
        want: { title: 'Not Found', status: 404, detail: 'Not Found', code: '0101' },
      },
    ],
    [
      'a 5xx: catalog message as detail and title',
      {
        given: () => new (cls(iam, 'InternalServerError'))('stack trace'),
        want: { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'Internal Server Error', code: '0000' },
      },
    ],
    [
      'from a problem response with a numeric code: the code class, its leading zeros back',
      {
        given: () => iam.errorFromResponse(404, { type: 'x', title: 'y', status: 404, detail: 'User 7.', code: 404 }),
        want: { type: 'https://errors.identity.example/0404', title: 'User not found.', status: 404, detail: 'User 7.', code: '0404' },
      },
    ],
  ];
  for (const [name, { given, want }] of problems) {
    test(`problem body: ${name}`, () => {
      const error = given();
      expect(error.toJSON()).toMatchObject(want);
      expect(error.toResponse().headers['content-type']).toBe('application/problem+json');
    });
  }
  describe('a 5xx sends nothing it was given unless exposed: not the message, instance or extras', () => {
    const upstream = {
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'pool exhausted at db-7.internal:5432',
      instance: '/tenants/42/requests/9f1c',
      code: 'GW.4000003',
      debug: { secret: 'hunter2', host: 'db-7.internal' },
      doc_url: 'https://wiki.internal/runbooks/db-7',
    };
    const SECRETS = ['db-7', 'hunter2', '/tenants/42', 'wiki.internal'];
    const given = { instance: upstream.instance, extras: { debug: upstream.debug, doc_url: upstream.doc_url } };
    interface Want {
      readonly sent: boolean;
      readonly body: Record<string, unknown>;
    }
    const masked500 = { type: 'about:blank', title: 'Upstream failed.', status: 500, detail: 'Upstream failed.', code: 'GW.4000003' };
    const tests: TestCase<() => ApiError, Want>[] = [
      [
        'an upstream 500 read by a gateway, sent on',
        { given: () => gw.errorFromResponse(500, JSON.stringify(upstream)), want: { sent: false, body: masked500 } },
      ],
      [
        'an upstream 503 read as parsed JSON',
        {
          given: () => gw.errorFromResponse(503, { ...upstream, status: 503, code: 'GW.0503' }),
          want: {
            sent: false,
            body: { type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'Service Unavailable', code: 'GW.0503' },
          },
        },
      ],
      [
        'a 500 raised with them',
        {
          given: () => new (cls(gw, 'InternalServerError'))(upstream.detail, { errorCode: 'GW.4000003', ...given }),
          want: { sent: false, body: masked500 },
        },
      ],
      [
        'a 500 raised with expose: true sends them',
        {
          given: () => new (cls(gw, 'InternalServerError'))(upstream.detail, { errorCode: 'GW.4000003', expose: true, ...given }),
          want: {
            sent: true,
            body: { ...masked500, detail: upstream.detail, instance: upstream.instance, debug: upstream.debug, doc_url: upstream.doc_url },
          },
        },
      ],
      [
        'a 4xx read from a response is sent on as it came',
        {
          given: () => gw.errorFromResponse(404, JSON.stringify({ ...upstream, status: 404, code: 'GW.0001' })),
          want: {
            sent: true,
            body: {
              type: 'about:blank',
              title: 'No such route.',
              status: 404,
              detail: upstream.detail,
              instance: upstream.instance,
              code: 'GW.0001',
              debug: upstream.debug,
              doc_url: upstream.doc_url,
            },
          },
        },
      ],
      [
        'a 4xx raised with expose: false sends none of them',
        {
          given: () => new (cls(gw, 'NotFoundError'))(upstream.detail, { errorCode: 'GW.0001', expose: false, ...given }),
          want: {
            sent: false,
            body: { type: 'about:blank', title: 'No such route.', status: 404, detail: 'No such route.', code: 'GW.0001' },
          },
        },
      ],
    ];
    for (const [name, { given: make, want }] of tests) {
      test(name, () => {
        const error = make();
        expect(error.toJSON()).toStrictEqual(want.body);
        const response = error.toResponse();
        expect(response.body).toStrictEqual(want.body);
        for (const secret of SECRETS) expect(JSON.stringify(response).includes(secret), secret).toBe(want.sent);
        // What was given stays on the error, for logs.
        expect(error.message).toBe(upstream.detail);
        expect(error.instance).toBe(upstream.instance);
        expect(error.extras).toEqual({ debug: upstream.debug, doc_url: upstream.doc_url });
      });
    }
    test('the cause is never sent, exposed or not', () => {
      const cause = new Error('hunter2');
      for (const expose of [false, true]) {
        const error = new (cls(gw, 'InternalServerError'))('m', { cause, expose });
        expect(error.cause).toBe(cause);
        expect(JSON.stringify(error.toResponse())).not.toContain('hunter2');
      }
    });
  });

  describe('codePattern never runs on a code longer than the catalog has', () => {
    test('MAX_ERROR_CODE_LENGTH is the longest code of the catalog (GW.4000003), of RT (RT.0000)', () => {
      expect(gw['MAX_ERROR_CODE_LENGTH']).toBe('GW.4000003'.length);
      expect(MAX_ERROR_CODE_LENGTH).toBe('RT.0000'.length);
    });
    const tests: TestCase<string, string | undefined>[] = [
      ["an unlisted code the pattern accepts, as long as the longest: this service's", { given: 'GW.1234567', want: 'GW.1234567' }],
      ["one character longer, though the pattern accepts it: another service's", { given: 'GW.12345678', want: undefined }],
      ["a listed code: this service's", { given: 'GW.4000003', want: 'GW.4000003' }],
      ['a code of 100,000 characters', { given: 'GW.' + '1'.repeat(100_000), want: undefined }],
    ];
    for (const [name, { given: code, want }] of tests) {
      test(`from another layout's path: ${name}`, () => {
        const error = gw.errorFromResponse(404, { error: { code } });
        expect(error.errorCode).toBe(want);
      });
    }
    test('the pattern is asked only about codes of at most MAX_ERROR_CODE_LENGTH', () => {
      const pattern = gw['ERROR_CODE_PATTERN'] as RegExp;
      const asked: string[] = [];
      Object.defineProperty(pattern, 'test', {
        configurable: true,
        value(this: RegExp, text: string): boolean {
          asked.push(text);
          return RegExp.prototype.test.call(this, text);
        },
      });
      try {
        for (const code of ['GW.12', 'GW.1234567', 'GW.12345678', 'X'.repeat(31) + '!', 'GW.' + '9'.repeat(10_000)]) {
          gw.errorFromResponse(404, JSON.stringify({ error: { code } }));
        }
      } finally {
        Reflect.deleteProperty(pattern, 'test');
      }
      expect(asked).toEqual(['GW.12', 'GW.1234567']);
    });
  });

  test('from a problem response with a numeric code: a UserNotFoundError', () => {
    const error = iam.errorFromResponse(404, '{"detail":"d","code":404}');
    expect(error instanceof cls(iam, 'UserNotFoundError')).toBe(true);
    expect(error.errorCode).toBe('0404');
  });
});
