/**
 * generator/targets/typescript/runtime/from-fetch.ts against the RT stand-ins, with Node's own
 * fetch Response (real servers, 2xx error bodies and the other clients: test/e2e/clients.test.ts).
 */
import { describe, expect, test } from 'vitest';
import { ApiError, ServerError } from '../../../../generator/targets/typescript/runtime/api-error.js';
import { ConnectionError } from '../../../../generator/targets/typescript/runtime/connection-error.js';
import { MAX_ERROR_BODY_LENGTH } from '../../../../generator/targets/typescript/runtime/error-body.js';
import {
  BadRequestError,
  InternalServerError,
  NoSuchWidgetError,
  QuotaExhaustedError,
  ServiceUnavailableError,
  TooManyRequestsError,
} from '../../../../generator/targets/typescript/runtime/errors.js';
import { errorFromFetch } from '../../../../generator/targets/typescript/runtime/from-fetch.js';
import type { TestCase } from '../../../harness/cases.js';

type Class = abstract new (...args: never[]) => ApiError;
interface Want {
  readonly type: Class;
  readonly status: number;
  readonly errorCode: string | undefined;
  readonly retryable: boolean;
  readonly retryAfter?: number;
}

const json = { 'content-type': 'application/json' };

describe('errorFromFetch: a Response', () => {
  const tests: TestCase<() => Response, Want>[] = [
    [
      '404 with a listed code → its code class',
      {
        given: () => new Response('{"error_code":"RT.0404","error_msg":"No widget 7."}', { status: 404, headers: json }),
        want: { type: NoSuchWidgetError, status: 404, errorCode: 'RT.0404', retryable: false },
      },
    ],
    [
      '429 with Retry-After → retryable, with its wait',
      {
        given: () => new Response('{"error_msg":"Slow down."}', { status: 429, headers: { ...json, 'retry-after': '7' } }),
        want: { type: TooManyRequestsError, status: 429, errorCode: undefined, retryable: true, retryAfter: 7 },
      },
    ],
    [
      '429 with a code whose own guidance is modify → not retryable, Retry-After or not',
      {
        given: () => new Response('{"error_code":"RT.0429"}', { status: 429, headers: { ...json, 'retry-after': '7' } }),
        want: { type: QuotaExhaustedError, status: 429, errorCode: 'RT.0429', retryable: false, retryAfter: 7 },
      },
    ],
    [
      '502 with a proxy’s HTML page → its range class',
      {
        given: () => new Response('<html><body>502 Bad Gateway</body></html>', { status: 502, headers: { 'content-type': 'text/html' } }),
        want: { type: ServerError, status: 502, errorCode: undefined, retryable: false },
      },
    ],
    [
      '500 with no body → the status class',
      {
        given: () => new Response(null, { status: 500 }),
        want: { type: InternalServerError, status: 500, errorCode: undefined, retryable: false },
      },
    ],
    [
      '503 with text and Retry-After → the status class, retryable',
      {
        given: () => new Response('down for maintenance', { status: 503, headers: { 'retry-after': '120' } }),
        want: { type: ServiceUnavailableError, status: 503, errorCode: undefined, retryable: true, retryAfter: 120 },
      },
    ],
    [
      '400 whose body breaks off → still the status class',
      {
        given: () =>
          new Response(
            new ReadableStream({
              start(controller) {
                controller.enqueue(new TextEncoder().encode('{"error_code":"RT.00'));
                controller.error(new Error('connection reset'));
              },
            }),
            { status: 400, headers: json },
          ),
        want: { type: BadRequestError, status: 400, errorCode: undefined, retryable: false },
      },
    ],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, async () => {
      const error = await errorFromFetch(given());
      expect(error).toBeInstanceOf(want.type);
      expect(error!.constructor).toBe(want.type);
      expect([error!.status, error!.errorCode, error!.retryable, error!.retryAfter]).toEqual([
        want.status,
        want.errorCode,
        want.retryable,
        want.retryAfter,
      ]);
    });
  }

  test('a response without a body stream (a structural one) is read with text()', async () => {
    const response = {
      status: 404,
      headers: { 'x-request-id': 'r-9' },
      text: () => Promise.resolve('{"error_code":"RT.0404"}'),
      clone: () => response,
    };
    const error = await errorFromFetch(response);
    expect(error).toBeInstanceOf(NoSuchWidgetError);
    expect(error!.requestId).toBe('r-9');
  });

  test('the same from the promise fetch() returns', async () => {
    const error = await errorFromFetch(Promise.resolve(new Response('{"error_code":"RT.0404"}', { status: 404 })));
    expect(error).toBeInstanceOf(NoSuchWidgetError);
  });

  for (const status of [200, 201, 204, 301, 304]) {
    test(`${status} → no error, and the body is left unread (the catalog has no constants)`, async () => {
      const body = status === 204 || status === 304 ? null : '{"error_code":"RT.0404"}';
      const response = new Response(body, { status });
      expect(await errorFromFetch(response)).toBeUndefined();
      expect(response.bodyUsed).toBe(false);
    });
  }

  test('a body longer than 3 MiB is not read to its end: the status class, no code', async () => {
    let pulls = 0;
    const chunk = new TextEncoder().encode('x'.repeat(1 << 20));
    const endless = new ReadableStream({
      pull(controller) {
        pulls += 1;
        controller.enqueue(pulls === 1 ? new TextEncoder().encode('{"error_code":"RT.0404","pad":"') : chunk);
      },
    });
    const error = await errorFromFetch(new Response(endless, { status: 404 }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error!.status).toBe(404);
    expect(error!.errorCode).toBeUndefined();
    // Stopped just past the limit: 3 MiB of 1 MiB chunks, and no more than a chunk or two of read-ahead.
    expect(pulls).toBeGreaterThan(3);
    expect(pulls).toBeLessThan(8);
    expect(3 * MAX_ERROR_BODY_LENGTH).toBe(3 << 20);
  });

  test('a body within the limit is read whole, in chunks, multi-byte characters split across them', async () => {
    const bytes = new TextEncoder().encode('{"error_code":"RT.0404","error_msg":"Widget ✓ 7"}');
    const split = bytes.indexOf(0xe2) + 1;
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(bytes.slice(0, split));
        controller.enqueue(bytes.slice(split));
        controller.close();
      },
    });
    const error = await errorFromFetch(new Response(stream, { status: 404 }));
    expect(error!.errorMsg).toBe('Widget ✓ 7');
  });
});

describe('errorFromFetch: a rejected fetch', () => {
  test('a refused connection → a retryable ConnectionError, the rejection its cause', async () => {
    const thrown = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    const error = await errorFromFetch(Promise.reject(thrown));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).failure).toBe('network');
    expect(error!.retryable).toBe(true);
    expect(error!.cause).toBe(thrown);
  });

  test('an abort told by the signal, whatever its reason', async () => {
    const controller = new AbortController();
    controller.abort('navigated away');
    const error = await errorFromFetch(Promise.reject(new Error('navigated away')), { signal: controller.signal });
    expect((error as ConnectionError).failure).toBe('abort');
    expect(error!.retryable).toBe(false);
  });

  test('something that is no response → a ConnectionError, never a rejection', async () => {
    for (const value of [null, undefined, 42, { status: 200, clone: 'no' }]) {
      const error = await errorFromFetch(value as never);
      // A 200 without constants is never read: no clone is called.
      if (typeof value === 'object' && value !== null) expect(error).toBeUndefined();
      else expect(error).toBeInstanceOf(ConnectionError);
    }
  });
});
