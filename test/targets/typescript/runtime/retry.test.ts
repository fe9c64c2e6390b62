/**
 * generator/targets/typescript/runtime/retry.ts against the RT stand-ins, on a clock of its own
 * (injected sleep, random and now: nothing here waits), and once with the real timer for an
 * abort during a wait. Real servers: test/e2e/clients.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { ConnectionError, connectionErrorFrom } from '../../../../generator/targets/typescript/runtime/connection-error.js';
import {
  BadRequestError,
  NotFoundError,
  QuotaExhaustedError,
  ServiceUnavailableError,
  TooManyRequestsError,
} from '../../../../generator/targets/typescript/runtime/errors.js';
import { RETRY_DEFAULTS, withRetry, type RetryEvent, type RetryOptions } from '../../../../generator/targets/typescript/runtime/retry.js';

/** A clock that moves only when slept on, and records each wait. */
function fakeClock(random = 0.5): { waits: number[]; options: RetryOptions } {
  let time = 1_000_000;
  const waits: number[] = [];
  return {
    waits,
    options: {
      random: () => random,
      now: () => time,
      sleep: (ms) => {
        waits.push(ms);
        time += ms;
        return Promise.resolve();
      },
    },
  };
}

/** An attempt that throws each of `errors` in turn, then returns "ok"; counts its calls. */
function failing(...errors: Error[]): { calls: () => number; fn: () => Promise<string> } {
  let calls = 0;
  return {
    calls: () => calls,
    fn: () => {
      const error = errors[calls];
      calls += 1;
      return error === undefined ? Promise.resolve('ok') : Promise.reject(error);
    },
  };
}

const refused = (): ConnectionError => connectionErrorFrom(new TypeError('fetch failed'));
const tooMany = (retryAfter?: string): TooManyRequestsError =>
  new TooManyRequestsError(undefined, retryAfter === undefined ? {} : { headers: { 'Retry-After': retryAfter } });

describe('withRetry', () => {
  test('returns the first success without waiting', async () => {
    const clock = fakeClock();
    const attempt = failing();
    expect(await withRetry(attempt.fn, clock.options)).toBe('ok');
    expect([attempt.calls(), clock.waits]).toEqual([1, []]);
  });

  // [name, errors thrown in turn, calls, waits, result]: the default 3 attempts, base 500 ms, jitter 0.5.
  const cases: [string, Error[], number, number[], 'ok' | 'throws'][] = [
    ['a connection failure twice, then success: backoff 250, 500', [refused(), refused()], 3, [250, 500], 'ok'],
    ['429 with Retry-After: its wait, exactly', [tooMany('2')], 2, [2000], 'ok'],
    ['429 without Retry-After (retry-after policy): the backoff', [tooMany()], 2, [250], 'ok'],
    [
      '503 with Retry-After (if-retry-after)',
      [new ServiceUnavailableError(undefined, { headers: { 'Retry-After': '1' } })],
      2,
      [1000],
      'ok',
    ],
    ['503 without Retry-After: not retried', [new ServiceUnavailableError()], 1, [], 'throws'],
    ['a code whose own guidance is modify (RT.0429), Retry-After or not: not retried', [new QuotaExhaustedError()], 1, [], 'throws'],
    ['404: not retried', [new NotFoundError()], 1, [], 'throws'],
    ['400 with Retry-After: not retried (modify)', [new BadRequestError(undefined, { headers: { 'Retry-After': '1' } })], 1, [], 'throws'],
    ['an abort: not retried', [connectionErrorFrom(new DOMException('a', 'AbortError'))], 1, [], 'throws'],
    ['an error of no catalog: not retried', [new TypeError('fetch failed')], 1, [], 'throws'],
    ['three failures: the last is thrown after 3 attempts', [refused(), refused(), refused()], 3, [250, 500], 'throws'],
  ];
  for (const [name, errors, calls, waits, result] of cases) {
    test(name, async () => {
      const clock = fakeClock();
      const attempt = failing(...errors);
      const run = withRetry(attempt.fn, clock.options);
      if (result === 'ok') expect(await run).toBe('ok');
      // The error as it was thrown: the last attempt's.
      else await expect(run).rejects.toBe(errors[calls - 1]);
      expect(attempt.calls()).toBe(calls);
      expect(clock.waits).toEqual(waits);
    });
  }

  test('the backoff doubles up to maxDelayMs, jittered below it', async () => {
    const high = fakeClock(0.999);
    const errors = Array.from({ length: 7 }, refused);
    await withRetry(failing(...errors).fn, { ...high.options, maxAttempts: 8, baseDelayMs: 100, maxDelayMs: 1000 });
    expect(high.waits).toEqual([99, 199, 399, 799, 999, 999, 999]);
    const low = fakeClock(0);
    await withRetry(failing(...errors).fn, { ...low.options, maxAttempts: 8 });
    expect(low.waits).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  test('gives up at once when a wait would pass maxElapsedMs (a Retry-After of an hour)', async () => {
    const clock = fakeClock();
    const error = tooMany('3600');
    const attempt = failing(error);
    await expect(withRetry(attempt.fn, clock.options)).rejects.toBe(error);
    expect([attempt.calls(), clock.waits]).toEqual([1, []]);
    // With room for it, the same wait is waited.
    const roomy = fakeClock();
    expect(await withRetry(failing(tooMany('3600')).fn, { ...roomy.options, maxElapsedMs: 3_600_000 })).toBe('ok');
    expect(roomy.waits).toEqual([3_600_000]);
  });

  test('onRetry is told of each retry before its wait; shouldRetry decides', async () => {
    const clock = fakeClock();
    const events: RetryEvent[] = [];
    const errors = [refused(), new NotFoundError()];
    const run = withRetry(failing(...errors).fn, {
      ...clock.options,
      onRetry: (event) => events.push(event),
      shouldRetry: (error, attempt) => attempt < 3 && (error instanceof ConnectionError || error instanceof NotFoundError),
    });
    expect(await run).toBe('ok');
    expect(events).toEqual([
      { error: errors[0], attempt: 1, delayMs: 250 },
      { error: errors[1], attempt: 2, delayMs: 500 },
    ]);
  });

  test('each attempt is told its number and the signal', async () => {
    const clock = fakeClock();
    const signal = new AbortController().signal;
    const seen: [number, unknown][] = [];
    await withRetry(
      ({ attempt, signal: given }) => {
        seen.push([attempt, given]);
        if (attempt < 3) throw refused();
        return 'done';
      },
      { ...clock.options, signal },
    );
    expect(seen).toEqual([
      [1, signal],
      [2, signal],
      [3, signal],
    ]);
  });

  test('an aborted signal stops before the first attempt', async () => {
    const controller = new AbortController();
    controller.abort();
    const attempt = failing();
    const error = await withRetry(attempt.fn, { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).failure).toBe('abort');
    expect(attempt.calls()).toBe(0);
  });

  test('an abort during an attempt: its ApiError as it is, anything else the abort’s ConnectionError', async () => {
    const controller = new AbortController();
    const notFound = new NotFoundError();
    const thrown = await withRetry(
      () => {
        controller.abort();
        throw notFound;
      },
      { signal: controller.signal },
    ).catch((e: unknown) => e);
    expect(thrown).toBe(notFound);
    const again = new AbortController();
    const other = await withRetry(
      () => {
        again.abort(new DOMException('late', 'TimeoutError'));
        throw new Error('socket hang up');
      },
      { signal: again.signal },
    ).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(ConnectionError);
    expect((other as ConnectionError).failure).toBe('timeout');
  });

  test('an abort during a wait stops it at once (the real timer: a Retry-After of an hour)', async () => {
    const controller = new AbortController();
    const attempt = failing(tooMany('3600'));
    const run = withRetry(attempt.fn, {
      signal: controller.signal,
      maxElapsedMs: Infinity,
      // Aborted once the wait has begun: without the abort this would wait an hour (and the test time out).
      onRetry: () => setImmediate(() => controller.abort()),
    });
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).failure).toBe('abort');
    expect((error as ConnectionError).cause).toBe(controller.signal.reason);
    expect(attempt.calls()).toBe(1);
  });

  test('a failing sleep of the caller’s is thrown as it is', async () => {
    const broken = new Error('no timers here');
    const run = withRetry(failing(refused()).fn, { sleep: () => Promise.reject(broken) });
    await expect(run).rejects.toBe(broken);
  });

  const invalid: [keyof RetryOptions, unknown][] = [
    ['maxAttempts', 0],
    ['maxAttempts', 1.5],
    ['maxAttempts', NaN],
    ['maxElapsedMs', -1],
    ['baseDelayMs', NaN],
    ['maxDelayMs', '10'],
  ];
  for (const [name, value] of invalid) {
    test(`${name}: ${String(value)} is a RangeError, before any attempt`, async () => {
      const attempt = failing();
      await expect(withRetry(attempt.fn, { [name]: value })).rejects.toThrow(RangeError);
      expect(attempt.calls()).toBe(0);
    });
  }

  test('the documented defaults', () => {
    expect(RETRY_DEFAULTS).toEqual({ maxAttempts: 3, maxElapsedMs: 60_000, baseDelayMs: 500, maxDelayMs: 10_000 });
  });

  test('maxAttempts Infinity is bounded by time alone', async () => {
    const clock = fakeClock(1);
    const errors = Array.from({ length: 50 }, refused);
    const attempt = failing(...errors);
    await expect(withRetry(attempt.fn, { ...clock.options, maxAttempts: Infinity, maxElapsedMs: 30_000 })).rejects.toBeInstanceOf(
      ConnectionError,
    );
    // 500 + 1000 + 2000 + 4000 + 8000 + 10000 = 25,500 ms; the next 10,000 would pass 30,000.
    expect(clock.waits).toEqual([500, 1000, 2000, 4000, 8000, 10_000]);
    expect(attempt.calls()).toBe(7);
  });
});
