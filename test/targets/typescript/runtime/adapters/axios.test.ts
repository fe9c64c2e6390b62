/**
 * generator/targets/typescript/runtime/adapters/axios.ts against the RT stand-ins, with axios' own
 * AxiosError and AxiosHeaders (real requests to a server: test/e2e/clients.test.ts).
 */
import axios, { AxiosError, AxiosHeaders, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import { describe, expect, test } from 'vitest';
import { ApiError } from '../../../../../generator/targets/typescript/runtime/api-error.js';
import { ConnectionError } from '../../../../../generator/targets/typescript/runtime/connection-error.js';
import {
  NoSuchWidgetError,
  QuotaExhaustedError,
  ServiceUnavailableError,
} from '../../../../../generator/targets/typescript/runtime/errors.js';
import {
  errorFromAxios,
  installErrorInterceptor,
  rejectErrorBody,
  rejectWithApiError,
} from '../../../../../generator/targets/typescript/runtime/adapters/axios.js';

const config = (signal?: AbortSignal): InternalAxiosRequestConfig => ({ headers: new AxiosHeaders(), ...(signal ? { signal } : {}) });

function responseError(status: number, data: unknown, headers: Record<string, string> = {}): AxiosError {
  const response: AxiosResponse = { status, statusText: '', data, headers: new AxiosHeaders(headers), config: config() };
  return new AxiosError(`Request failed with status code ${status}`, 'ERR_BAD_REQUEST', response.config, {}, response);
}

describe('errorFromAxios', () => {
  test('an error response: its class, code, message and declared headers', () => {
    const error = errorFromAxios(responseError(404, { error_code: 'RT.0404', error_msg: 'No widget 7.' }, { 'X-Request-Id': 'r-1' }));
    expect(error).toBeInstanceOf(NoSuchWidgetError);
    expect([(error as ApiError).errorMsg, (error as ApiError).requestId]).toEqual(['No widget 7.', 'r-1']);
  });

  test('a body read as text, or as bytes (responseType arraybuffer, a Buffer)', () => {
    const text = '{"error_code":"RT.0429"}';
    for (const data of [text, new TextEncoder().encode(text).buffer, Buffer.from(text), new TextEncoder().encode(text)]) {
      const error = errorFromAxios(responseError(429, data, { 'Retry-After': '9' })) as ApiError;
      expect(error).toBeInstanceOf(QuotaExhaustedError);
      expect([error.retryAfter, error.retryable]).toEqual([9, false]);
    }
  });

  test('no response: a ConnectionError, the AxiosError its cause', () => {
    const refused = new AxiosError('connect ECONNREFUSED 127.0.0.1:9', 'ECONNREFUSED', config(), {});
    const error = errorFromAxios(refused) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect([error.failure, error.cause]).toEqual(['network', refused]);
    expect((errorFromAxios(new AxiosError('timeout of 5ms exceeded', 'ECONNABORTED', config(), {})) as ConnectionError).failure).toBe(
      'timeout',
    );
    expect((errorFromAxios(new axios.CanceledError(undefined, config())) as ConnectionError).failure).toBe('abort');
    // An abort by AbortSignal.timeout is a CanceledError too: its signal tells the timeout.
    const timedOut = new AbortController();
    timedOut.abort(new DOMException('signal timed out', 'TimeoutError'));
    expect((errorFromAxios(new axios.CanceledError(undefined, config(timedOut.signal))) as ConnectionError).failure).toBe('timeout');
  });

  test('given back as it is: a mistake of the caller’s, another error, an ApiError', () => {
    const invalid = new AxiosError('Invalid URL', 'ERR_INVALID_URL', config());
    const other = new TypeError('not axios');
    const api = new ServiceUnavailableError();
    for (const error of [invalid, other, api, 'text', null]) expect(errorFromAxios(error)).toBe(error);
  });
});

describe('the interceptor', () => {
  test('rejectWithApiError throws the converted error', () => {
    expect(() => rejectWithApiError(responseError(404, {}))).toThrow(ApiError);
  });

  test('rejectErrorBody gives back a success (RT has no constants: no 2xx is an error) and a status let through', () => {
    const ok: AxiosResponse = { status: 200, statusText: 'OK', data: { error_code: 'RT.0404' }, headers: {}, config: config() };
    expect(rejectErrorBody(ok)).toBe(ok);
    const letThrough = { ...ok, status: 404 };
    expect(rejectErrorBody(letThrough)).toBe(letThrough);
  });

  test('installErrorInterceptor adds the two handlers to a real axios instance', () => {
    const api = axios.create();
    const id = installErrorInterceptor(api);
    const handlers = (api.interceptors.response as unknown as { handlers: { fulfilled: unknown; rejected: unknown }[] }).handlers;
    expect(handlers[id]).toMatchObject({ fulfilled: rejectErrorBody, rejected: rejectWithApiError });
  });
});
