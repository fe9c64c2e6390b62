/**
 * ConnectionError: a request that got no response at all (a refused connection, a DNS failure,
 * a reset, a timeout, an abort), as an error of the same hierarchy as the service's own.
 */
import { SERVICE } from "./catalog.js";
import { FROM_RESPONSE, ServerError, type ResponseErrorOptions } from "./api-error.js";

/**
 * Why no response came:
 * - "network": the connection failed (refused, reset, DNS, TLS) or a body could not be read;
 * - "timeout": a deadline passed (`AbortSignal.timeout`, a client's own timeout option);
 * - "abort": the caller aborted the request.
 */
export type ConnectionFailure = "network" | "timeout" | "abort";

/** The part of an AbortSignal this runtime reads (fetch's, Node's, a browser's). */
export interface AbortSignalLike {
  /** Whether the request was aborted. */
  readonly aborted: boolean;
  /** Why: what `abort(reason)` was given, a DOMException TimeoutError for `AbortSignal.timeout`. */
  readonly reason?: unknown;
  /** Calls `listener` on abort. */
  addEventListener(type: "abort", listener: () => void, options?: { once?: boolean }): void;
  /** Undoes addEventListener. */
  removeEventListener(type: "abort", listener: () => void): void;
}

/** What connectionErrorFrom reads of a request's signal: whether it was aborted, and why (axios' GenericAbortSignal is enough). */
export type AbortStateLike = Pick<AbortSignalLike, "aborted" | "reason">;

/** Options of the ConnectionError constructor. */
export interface ConnectionErrorOptions {
  /** Why no response came; read from `cause` when absent (see connectionErrorFrom). */
  readonly failure?: ConnectionFailure | undefined;
  /** What the HTTP client threw (fetch's TypeError, a DOMException, an AxiosError); never sent to clients. */
  readonly cause?: unknown;
  /** Identifier of the request, when the caller sent one. */
  readonly requestId?: string | undefined;
}

/** The mark of a ConnectionError, which another copy of this catalog's code recognises. */
function connectionMark(): symbol {
  return Symbol.for("status-catalog:" + SERVICE + ":connection");
}

/**
 * A request that got no response: no HTTP status exists for it, yet an ApiError has one. It
 * carries the status a gateway answers with in its place (RFC 9110, section 15.6): 504 Gateway
 * Timeout for a timeout, else 502 Bad Gateway, so that a server that relays it sends an honest
 * status with the catalog's message (a 5xx: its own message stays in `message`, for logs).
 * `failure` says which failure it was; `errorCode` is undefined (the service sent none).
 *
 * It extends ServerError, so `instanceof ApiError`, `instanceof ServerError` and `isApiError`
 * hold, across copies of this catalog's code too; it is no instance of a status class.
 */
export class ConnectionError extends ServerError {
  /** The class name, kept through minifiers. */
  static override readonly errorName: string = "ConnectionError";

  /** Why no response came. */
  readonly failure: ConnectionFailure;

  /**
   * Whether a value is a ConnectionError, made by this copy of the generated code or another
   * copy of the same catalog's; a subclass of the user's recognises its own instances only.
   */
  static override [Symbol.hasInstance]<T>(
    this: abstract new (...args: never[]) => T,
    value: unknown,
  ): value is T {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    return (
      (this as unknown) === ConnectionError &&
      typeof value === "object" &&
      value !== null &&
      Object.getOwnPropertyDescriptor(value, connectionMark())?.value === true &&
      value instanceof ServerError
    );
  }

  /**
   * Creates the error of a request that got no response.
   * @param errorMsg - Message for logs; defaults to one naming the failure and its cause.
   * @param options - failure, cause, request id.
   */
  constructor(errorMsg?: string, options?: ConnectionErrorOptions) {
    const failure = options?.failure ?? failureOf(options?.cause, undefined);
    const given: ResponseErrorOptions = {
      // No code and no headers: nothing came from the service.
      [FROM_RESPONSE]: true,
      cause: options?.cause,
      requestId: options?.requestId,
    };
    super(
      failure === "timeout" ? 504 : 502,
      errorMsg ?? describeFailure(failure, options?.cause),
      given,
    );
    this.failure = failure;
    Object.defineProperty(this, connectionMark(), { value: true });
  }

  /** True unless the caller aborted: a request that got no response may be sent again. */
  override get retryable(): boolean {
    return this.failure !== "abort";
  }
}

/**
 * The ConnectionError for what an HTTP client threw when no response came (fetch's TypeError
 * "fetch failed", a DOMException AbortError or TimeoutError, an AxiosError without a response,
 * ky's TimeoutError). An aborted `signal` decides: its reason a TimeoutError is "timeout", any
 * other reason "abort". Else the error's name and code (and its cause's, for fetch) tell a
 * timeout (TimeoutError, ETIMEDOUT, ECONNABORTED, UND_ERR_CONNECT_TIMEOUT...) or an abort
 * (AbortError, CanceledError, ERR_CANCELED) from any other failure ("network").
 * @param cause - What the client threw.
 * @param signal - The request's AbortSignal, if it had one.
 */
export function connectionErrorFrom(
  cause: unknown,
  signal?: AbortStateLike | null,
): ConnectionError {
  return new ConnectionError(undefined, { cause, failure: failureOf(cause, signal) });
}

/** A string member of an object (own or inherited: an Error's name is its prototype's); undefined for anything else, or where reading it throws. */
function textMember(value: unknown, key: string): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  try {
    const own = key in value ? (value as Record<string, unknown>)[key] : undefined;
    return typeof own === "string" ? own : undefined;
  } catch {
    // A hostile getter or proxy.
    return undefined;
  }
}

const TIMEOUT_CODES = [
  "ETIMEDOUT",
  "ECONNABORTED",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
];

function failureOf(cause: unknown, signal: AbortStateLike | null | undefined): ConnectionFailure {
  if (signal?.aborted === true) {
    return textMember(signal.reason, "name") === "TimeoutError" ? "timeout" : "abort";
  }
  // fetch puts the system error (ECONNREFUSED, UND_ERR_CONNECT_TIMEOUT) under its TypeError's cause.
  const inner = typeof cause === "object" && cause !== null ? safeCause(cause) : undefined;
  for (const error of [cause, inner]) {
    const name = textMember(error, "name");
    const code = textMember(error, "code");
    if (name === "TimeoutError" || (code !== undefined && TIMEOUT_CODES.includes(code))) {
      return "timeout";
    }
    if (name === "AbortError" || name === "CanceledError" || code === "ERR_CANCELED") {
      return "abort";
    }
  }
  return "network";
}

function safeCause(error: object): unknown {
  try {
    return (error as { cause?: unknown }).cause;
  } catch {
    return undefined;
  }
}

/** A message for logs: the failure, what was thrown and, for fetch, the system error under it. */
function describeFailure(failure: ConnectionFailure, cause: unknown): string {
  const lead =
    failure === "timeout"
      ? "Request timed out"
      : failure === "abort"
        ? "Request aborted"
        : "No response";
  const inner = typeof cause === "object" && cause !== null ? safeCause(cause) : undefined;
  const details = [
    textMember(cause, "message") ?? (typeof cause === "string" ? cause : undefined),
    textMember(inner, "code") ?? textMember(inner, "message"),
  ].filter((text) => text !== undefined && text !== "");
  return details.length === 0 ? lead : `${lead}: ${details.join(": ")}`;
}
