/** errorFromFetch: what fetch() gave (a Response, or the promise of one) into the catalog's error classes. */
import type { ApiError } from "./api-error.js";
import { ERROR_BODY } from "./catalog.js";
import { connectionErrorFrom, type AbortStateLike } from "./connection-error.js";
import { MAX_ERROR_BODY_LENGTH } from "./error-body.js";
import { errorFromResponse, isErrorResponse } from "./from-response.js";
import type { HeaderInput } from "./headers.js";
import { isSuccess } from "./status-lookups.js";

/** The part of a body stream errorFromFetch reads: fetch's ReadableStream. */
export interface BodyStreamLike {
  /** A reader of its chunks. */
  getReader(): {
    read(): Promise<{ readonly done: boolean; readonly value?: Uint8Array | undefined }>;
    cancel(reason?: unknown): Promise<void>;
  };
}

/** The part of a fetch Response errorFromFetch reads: a Response of fetch, undici, a browser, ky or openapi-fetch. */
export interface ResponseLike {
  /** HTTP status. */
  readonly status: number;
  /** Response headers. */
  readonly headers: HeaderInput;
  /** The body as a stream, read up to a limit when present; null for none. */
  readonly body?: BodyStreamLike | null;
  /** The body as text, read when there is no stream to read. */
  text(): Promise<string>;
  /** A copy whose body can be read apart: a 2xx is read from one, leaving its body to the caller. */
  clone(): ResponseLike;
}

/** Options of errorFromFetch. */
export interface FetchErrorOptions {
  /** The request's AbortSignal: once aborted, a rejection is the caller's abort (or its timeout), whatever was thrown. */
  readonly signal?: AbortStateLike | null | undefined;
}

type TextDecoderLike = new () => {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
};

/**
 * The text of a body, read as a stream up to 3 × MAX_ERROR_BODY_LENGTH bytes (a 2 GB error page
 * costs no more than that); undefined for a longer body, or one that cannot be read (the
 * connection dropped).
 */
async function bodyText(response: ResponseLike): Promise<string | undefined> {
  // UTF-8 spends at most 3 bytes on a UTF-16 code unit: a longer body has more than
  // MAX_ERROR_BODY_LENGTH characters, which errorFromResponse does not parse anyway. Computed
  // here, not at import: a bundler keeps a top-level product in every bundle.
  const maxBytes = 3 * MAX_ERROR_BODY_LENGTH;
  try {
    // Not in the ES2022 library: looked up where it is (Node 18+, browsers, Deno, Bun, workers).
    const Decoder = (globalThis as { TextDecoder?: TextDecoderLike }).TextDecoder;
    const stream = response.body;
    if (Decoder === undefined || stream === undefined || stream === null)
      return await response.text();
    const reader = stream.getReader();
    const decoder = new Decoder();
    let text = "";
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return text + decoder.decode();
      if (value === undefined) continue;
      bytes += value.byteLength;
      if (bytes > maxBytes) {
        // The rest is never read: the connection is let go.
        reader.cancel().catch(() => undefined);
        return undefined;
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    return undefined;
  }
}

/** Whether the catalog's error bodies carry constants: only then can a 2xx be an error (see isErrorResponse). */
function errorsOnSuccess(): boolean {
  return ERROR_BODY.members.some((member) => member.part === "constant");
}

/**
 * The error a fetch stands for, or `undefined` for a success.
 *
 * Given a Response: for a 4xx or 5xx (or a status no response carries), its body is read (any
 * media type, at most 3 MiB; an empty, non-JSON or unreadable body still gives the status's
 * class) and the error is `errorFromResponse` of it. A 2xx is an error only where its body
 * carries the constants of the catalog's error body (isErrorResponse): then it is read from a
 * clone, leaving the body to the caller; in a catalog without constants a 2xx is never read.
 * A 1xx or 3xx is no error.
 *
 * Given the promise fetch() returns: a rejection (a refused connection, DNS, a reset, an abort,
 * a timeout) resolves to a ConnectionError whose `cause` is what fetch threw (see
 * connectionErrorFrom), `retryable` unless the caller aborted. Pass the request's `signal` to
 * tell an abort whatever its reason.
 *
 * Never rejects. Keep the promise to read a success:
 * ```ts
 * const pending = fetch(url);
 * const error = await errorFromFetch(pending);
 * if (error) throw error;
 * const body = await (await pending).json();
 * ```
 * @param response - A Response, or the promise fetch() returned.
 * @param options - The request's signal.
 */
export async function errorFromFetch(
  response: ResponseLike | PromiseLike<ResponseLike>,
  options?: FetchErrorOptions,
): Promise<ApiError | undefined> {
  let received: ResponseLike;
  try {
    received = await response;
  } catch (cause) {
    return connectionErrorFrom(cause, options?.signal);
  }
  if (typeof received !== "object" || received === null) {
    return connectionErrorFrom(new TypeError("errorFromFetch was given no response"));
  }
  try {
    const status = received.status;
    if (isSuccess(status)) {
      if (!errorsOnSuccess()) return undefined;
      let copy: ResponseLike;
      try {
        copy = received.clone();
      } catch {
        // Its body was read already: nothing tells this success from an error any more.
        return undefined;
      }
      const text = await bodyText(copy);
      return isErrorResponse(status, text)
        ? errorFromResponse(status, text, received.headers)
        : undefined;
    }
    if (!isErrorResponse(status)) return undefined;
    return errorFromResponse(status, await bodyText(received), received.headers);
  } catch (cause) {
    // Not a response at all (a value without status, clone or headers, a hostile getter).
    return connectionErrorFrom(cause, options?.signal);
  }
}
