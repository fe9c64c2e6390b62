/**
 * withRetry: runs a request again while it fails with an error the catalog says may be retried,
 * waiting what Retry-After says, else a jittered exponential backoff.
 */
import { isApiError } from "./api-error.js";
import { connectionErrorFrom, type AbortSignalLike } from "./connection-error.js";

/** What each attempt is told. */
export interface RetryAttempt<S extends AbortSignalLike = AbortSignalLike> {
  /** Which attempt this is: 1 for the first. */
  readonly attempt: number;
  /**
   * The signal given to withRetry, null when none was (null, not undefined, so that it can be
   * passed as fetch's `signal` under exactOptionalPropertyTypes): pass it to fetch so that an
   * abort also stops the request in flight.
   */
  readonly signal: S | null;
}

/** What onRetry is told before each wait. */
export interface RetryEvent {
  /** The error the attempt failed with. */
  readonly error: unknown;
  /** The attempt that failed: 1 for the first. */
  readonly attempt: number;
  /** How long withRetry waits before the next attempt, in milliseconds. */
  readonly delayMs: number;
}

/** Options of withRetry; every one has a default. */
export interface RetryOptions<S extends AbortSignalLike = AbortSignalLike> {
  /** Attempts in all, the first included: a positive integer, or Infinity to be bounded by time alone. Default 3. */
  readonly maxAttempts?: number | undefined;
  /**
   * The longest time from the start of the first attempt to the start of the last, in
   * milliseconds: a wait that would end later is not begun, and the error is thrown at once
   * (a Retry-After of an hour is not waited for). Default 60,000 (a minute).
   */
  readonly maxElapsedMs?: number | undefined;
  /** The backoff before the first retry, in milliseconds, doubled for each further one. Default 500. */
  readonly baseDelayMs?: number | undefined;
  /** The longest backoff, in milliseconds (a Retry-After may ask for longer: it is waited). Default 10,000. */
  readonly maxDelayMs?: number | undefined;
  /** Stops withRetry at once when aborted, waiting or not (see withRetry for what it rejects with). */
  readonly signal?: S | null | undefined;
  /** Whether an error is retried. Default: an ApiError of this catalog (a ConnectionError included) whose `retryable` is true. */
  readonly shouldRetry?: ((error: unknown, attempt: number) => boolean) | undefined;
  /** Told of each retry before its wait (for logs and metrics); what it throws is thrown by withRetry. */
  readonly onRetry?: ((event: RetryEvent) => void) | undefined;
  /** A number from 0 (included) to 1, for the jitter. Default Math.random; tests pass their own. */
  readonly random?: (() => number) | undefined;
  /** Waits `ms` milliseconds, or less when `signal` aborts. Default: a timer. Tests pass their own. */
  readonly sleep?: ((ms: number, signal: AbortSignalLike | undefined) => Promise<void>) | undefined;
  /** The current time in milliseconds, for maxElapsedMs. Default Date.now; tests pass their own clock. */
  readonly now?: (() => number) | undefined;
}

/** The defaults of RetryOptions: 3 attempts within a minute, backoff from 500 ms up to 10 s. */
export const RETRY_DEFAULTS = {
  /** Attempts in all, the first included. */
  maxAttempts: 3,
  /** From the start of the first attempt to the start of the last. */
  maxElapsedMs: 60_000,
  /** The backoff before the first retry. */
  baseDelayMs: 500,
  /** The longest backoff. */
  maxDelayMs: 10_000,
} as const;

type TimerHost = {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
};

/** A timer that an abort ends at once (withRetry then sees the signal aborted). */
function timerSleep(ms: number, signal: AbortSignalLike | undefined): Promise<void> {
  // Not in the ES2022 library: every runtime has them on the global object.
  const host = globalThis as unknown as TimerHost;
  return new Promise((resolve) => {
    const onAbort = (): void => {
      host.clearTimeout(timer);
      resolve();
    };
    // A timer holds at most 2^31-1 ms and fires at once past that.
    const timer = host.setTimeout(
      () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      },
      Math.min(ms, 2_147_483_647),
    );
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** A count or a time of the options: its default when absent, else a RangeError when out of bounds. */
function option(
  name: keyof typeof RETRY_DEFAULTS,
  value: number | undefined,
  valid: boolean,
): number {
  if (value === undefined) return RETRY_DEFAULTS[name];
  if (!valid) throw new RangeError(`withRetry: ${name} out of bounds: ${String(value)}`);
  return value;
}

function defaultShouldRetry(error: unknown): boolean {
  return isApiError(error) && error.retryable;
}

/**
 * Calls `fn` until it resolves, and again after it throws an error that may be retried (by
 * default an ApiError of this catalog whose `retryable` is true: the catalog's guidance for its
 * code or status, Retry-After, and every ConnectionError but an abort), at most `maxAttempts`
 * times in all and within `maxElapsedMs` (see RETRY_DEFAULTS). Between attempts it waits the
 * error's Retry-After (`retryAfterMs`) when it has one, else a backoff with full jitter: a
 * random time below `baseDelayMs` × 2^(retry − 1), at most `maxDelayMs`. An error not retried,
 * or the last one, is thrown as it is.
 *
 * An aborted `signal` stops it at once: before an attempt or during a wait it rejects with the
 * ConnectionError of the abort (its cause the signal's reason; "timeout" for
 * `AbortSignal.timeout`); during an attempt with that attempt's error, an ApiError as it is and
 * anything else as that ConnectionError.
 *
 * ```ts
 * const widget = await withRetry(async ({ signal }) => {
 *   const pending = fetch(url, { signal });
 *   const error = await errorFromFetch(pending, { signal });
 *   if (error) throw error;
 *   return (await pending).json();
 * }, { signal: AbortSignal.timeout(30_000) });
 * ```
 * @param fn - One attempt; told which it is and the signal.
 * @param options - Bounds, backoff, signal, hooks (see RetryOptions).
 */
export async function withRetry<T, S extends AbortSignalLike = AbortSignalLike>(
  fn: (attempt: RetryAttempt<S>) => T | PromiseLike<T>,
  options?: RetryOptions<S>,
): Promise<T> {
  const count = options?.maxAttempts;
  const maxAttempts = option(
    "maxAttempts",
    count,
    count === Infinity || (Number.isInteger(count) && count! >= 1),
  );
  const time = (name: "maxElapsedMs" | "baseDelayMs" | "maxDelayMs"): number => {
    const value = options?.[name];
    return option(name, value, typeof value === "number" && value >= 0);
  };
  const maxElapsedMs = time("maxElapsedMs");
  const baseDelayMs = time("baseDelayMs");
  const maxDelayMs = time("maxDelayMs");
  const signal = options?.signal ?? null;
  const shouldRetry = options?.shouldRetry ?? defaultShouldRetry;
  const random = options?.random ?? Math.random;
  const sleep = options?.sleep ?? timerSleep;
  const now = options?.now ?? Date.now;
  const abortError = (): unknown => connectionErrorFrom(signal?.reason, signal);
  // A call, not a property read: TypeScript would keep the first read's narrowing across awaits.
  const isAborted = (): boolean => signal?.aborted === true;

  const start = now();
  for (let attempt = 1; ; attempt += 1) {
    // Before the first attempt, and after a wait (which an abort ends early).
    if (isAborted()) throw abortError();
    try {
      return await fn({ attempt, signal });
    } catch (error) {
      if (isAborted()) throw isApiError(error) ? error : abortError();
      if (attempt >= maxAttempts || !shouldRetry(error, attempt)) throw error;
      const delayMs = delayBefore(error, attempt, baseDelayMs, maxDelayMs, random);
      if (now() + delayMs - start > maxElapsedMs) throw error;
      options?.onRetry?.({ error, attempt, delayMs });
      try {
        await sleep(delayMs, signal ?? undefined);
      } catch (stopped) {
        throw isAborted() ? abortError() : stopped;
      }
    }
  }
}

/** The wait after a failed attempt: the error's Retry-After, else the jittered backoff. */
function delayBefore(
  error: unknown,
  attempt: number,
  baseDelayMs: number,
  maxDelayMs: number,
  random: () => number,
): number {
  const retryAfterMs = isApiError(error) ? error.retryAfterMs : undefined;
  if (retryAfterMs !== undefined) return retryAfterMs;
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}
