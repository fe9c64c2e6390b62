/** generator/targets/typescript/runtime/connection-error.ts against the RT stand-ins: a request that got no response, as an error of the hierarchy. */
import { describe, expect, test } from 'vitest';
import { ApiError, ClientError, isApiError, ServerError } from '../../../../generator/targets/typescript/runtime/api-error.js';
import {
  ConnectionError,
  connectionErrorFrom,
  type AbortSignalLike,
  type ConnectionFailure,
} from '../../../../generator/targets/typescript/runtime/connection-error.js';
import { DEFAULT_ERROR_CODE } from '../../../../generator/targets/typescript/runtime/catalog.js';
import { errorClassFor } from '../../../../generator/targets/typescript/runtime/errors.js';
import type { TestCase } from '../../../harness/cases.js';

/** What fetch (undici) throws when the connection is refused: a TypeError over the system error. */
function refused(): TypeError {
  const system = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
  return new TypeError('fetch failed', { cause: system });
}

function abortedSignal(reason: unknown): AbortSignalLike {
  const controller = new AbortController();
  controller.abort(reason);
  return controller.signal;
}

describe('connectionErrorFrom: which failure', () => {
  const tests: TestCase<[cause: unknown, signal?: AbortSignalLike], ConnectionFailure>[] = [
    ['fetch: a refused connection (TypeError over ECONNREFUSED)', { given: [refused()], want: 'network' }],
    [
      'fetch: a connect timeout (TypeError over UND_ERR_CONNECT_TIMEOUT)',
      { given: [new TypeError('fetch failed', { cause: { code: 'UND_ERR_CONNECT_TIMEOUT' } })], want: 'timeout' },
    ],
    ['fetch: AbortController.abort() (DOMException AbortError)', { given: [new DOMException('aborted', 'AbortError')], want: 'abort' }],
    ['fetch: AbortSignal.timeout (DOMException TimeoutError)', { given: [new DOMException('timed out', 'TimeoutError')], want: 'timeout' }],
    ['an abort with a reason of the caller’s, told by the signal', { given: ['user left', abortedSignal('user left')], want: 'abort' }],
    [
      'a timeout reason on the signal wins over what was thrown',
      { given: [new TypeError('fetch failed'), abortedSignal(new DOMException('t', 'TimeoutError'))], want: 'timeout' },
    ],
    ['a signal not aborted tells nothing', { given: [refused(), new AbortController().signal], want: 'network' }],
    [
      'axios: its timeout (ECONNABORTED)',
      { given: [{ name: 'AxiosError', code: 'ECONNABORTED', message: 'timeout of 5ms exceeded' }], want: 'timeout' },
    ],
    ['axios: ETIMEDOUT', { given: [{ name: 'AxiosError', code: 'ETIMEDOUT' }], want: 'timeout' }],
    ['axios: a cancel (CanceledError, ERR_CANCELED)', { given: [{ name: 'CanceledError', code: 'ERR_CANCELED' }], want: 'abort' }],
    ['axios: a refused connection', { given: [{ name: 'AxiosError', code: 'ECONNREFUSED' }], want: 'network' }],
    ['ky: its TimeoutError', { given: [Object.assign(new Error('Request timed out'), { name: 'TimeoutError' })], want: 'timeout' }],
    ['nothing at all', { given: [undefined], want: 'network' }],
    [
      'a hostile proxy',
      {
        given: [
          new Proxy(
            {},
            {
              get: () => {
                throw new Error('no');
              },
              has: () => {
                throw new Error('no');
              },
            },
          ),
        ],
        want: 'network',
      },
    ],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      const error = connectionErrorFrom(...given);
      expect(error.failure).toBe(want);
      expect(error.cause).toBe(given[0]);
      expect(error.status).toBe(want === 'timeout' ? 504 : 502);
      expect(error.retryable).toBe(want !== 'abort');
    });
  }
});

describe('ConnectionError', () => {
  test('is a ServerError of the hierarchy, and no status class', () => {
    const error = connectionErrorFrom(refused());
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(Error);
    expect(isApiError(error)).toBe(true);
    expect(isApiError(error, 502)).toBe(true);
    expect(error).not.toBeInstanceOf(ClientError);
    // Control: the catalog's own 503 is no ConnectionError, nor is a bare ServerError of 502.
    const ServiceUnavailable = errorClassFor(503);
    expect(new ServiceUnavailable()).not.toBeInstanceOf(ConnectionError);
    expect(new ServerError(502)).not.toBeInstanceOf(ConnectionError);
  });

  test('carries no code and no headers: nothing came from the service', () => {
    const error = connectionErrorFrom(refused());
    expect(error.errorCode).toBeUndefined();
    expect(error.headers).toEqual({});
    expect(error.retryAfter).toBeUndefined();
    expect(error.name).toBe('ConnectionError');
  });

  test('says what failed in its message, and sends only the catalog’s', () => {
    const error = connectionErrorFrom(refused());
    expect(error.message).toBe('No response: fetch failed: ECONNREFUSED');
    expect(connectionErrorFrom(new DOMException('signal timed out', 'TimeoutError')).message).toBe('Request timed out: signal timed out');
    expect(connectionErrorFrom(undefined, abortedSignal('user left')).message).toBe('Request aborted');
    // A 5xx: what it was given stays off the wire, which carries the default code of 502.
    expect(error.expose).toBe(false);
    expect(error.errorMsg).not.toContain('ECONNREFUSED');
    expect(error.toJSON()).toEqual({ error_code: DEFAULT_ERROR_CODE, error_msg: error.errorMsg });
    expect(error.toResponse().status).toBe(502);
  });

  test('takes a failure, a message and a request id of its own', () => {
    const error = new ConnectionError('upstream down', { failure: 'timeout', requestId: 'req-1' });
    expect([error.failure, error.status, error.message, error.requestId]).toEqual(['timeout', 504, 'upstream down', 'req-1']);
  });

  test('a subclass of the user’s recognises its own instances only', () => {
    class UpstreamDown extends ConnectionError {}
    expect(new UpstreamDown()).toBeInstanceOf(ConnectionError);
    expect(new UpstreamDown()).toBeInstanceOf(UpstreamDown);
    expect(connectionErrorFrom(refused())).not.toBeInstanceOf(UpstreamDown);
  });

  test('a value that only looks like one is none', () => {
    const mark = Symbol.for('status-catalog:RT:connection');
    // The mark alone, on something that is no error of this catalog.
    expect(Object.defineProperty({ status: 502 }, mark, { value: true })).not.toBeInstanceOf(ConnectionError);
    expect(null).not.toBeInstanceOf(ConnectionError);
    expect('ConnectionError').not.toBeInstanceOf(ConnectionError);
  });
});
