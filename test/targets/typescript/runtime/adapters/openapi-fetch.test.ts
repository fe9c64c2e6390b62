/** generator/targets/typescript/runtime/adapters/openapi-fetch.ts against the RT stand-ins (real requests: test/e2e/clients.test.ts). */
import { describe, expect, test } from 'vitest';
import { ConnectionError } from '../../../../../generator/targets/typescript/runtime/connection-error.js';
import { NoSuchWidgetError, ServiceUnavailableError } from '../../../../../generator/targets/typescript/runtime/errors.js';
import { errorMiddleware } from '../../../../../generator/targets/typescript/runtime/adapters/openapi-fetch.js';

describe('errorMiddleware', () => {
  test('onResponse throws the error of an error response', async () => {
    const response = new Response('{"error_code":"RT.0404"}', { status: 404 });
    await expect(errorMiddleware.onResponse({ response })).rejects.toBeInstanceOf(NoSuchWidgetError);
  });

  test('onResponse lets a success through, unread', async () => {
    const response = new Response('{"id":7}', { status: 200 });
    await expect(errorMiddleware.onResponse({ response })).resolves.toBeUndefined();
    expect(response.bodyUsed).toBe(false);
  });

  test('onError gives the ConnectionError of what fetch threw, an abort told by the request’s signal', () => {
    const thrown = new TypeError('fetch failed');
    const error = errorMiddleware.onError({ error: thrown, request: new Request('http://127.0.0.1/') }) as ConnectionError;
    expect([error instanceof ConnectionError, error.failure, error.cause]).toEqual([true, 'network', thrown]);
    const controller = new AbortController();
    controller.abort('left');
    const aborted = errorMiddleware.onError({ error: 'left', request: new Request('http://127.0.0.1/', { signal: controller.signal }) });
    expect((aborted as ConnectionError).failure).toBe('abort');
  });

  test('onError gives back an ApiError as it is', () => {
    const error = new ServiceUnavailableError();
    expect(errorMiddleware.onError({ error })).toBe(error);
  });
});
