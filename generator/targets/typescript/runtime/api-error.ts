/**
 * ApiError, the error every generated class extends: the thrown error kept apart from its wire
 * form (`toJSON()` is the body, `toResponse()` the status, headers and body to send).
 */
import {
  DECLARED_HEADERS,
  defaultErrorCodeFor,
  ERROR_BODY,
  SERVICE,
  type DefaultErrorCode,
  type ErrorBody,
  type ErrorExtras,
} from "./catalog.js";
import { writeErrorBody } from "./error-body.js";
import type { ErrorCodesByStatus } from "./error-codes.js";
import { errorDocUrlFor, errorMessageFor, type ErrorCodeType } from "./error-lookups.js";
import {
  isHopByHopOrEntityHeader,
  normalizeHeaders,
  REQUEST_ID_HEADER,
  type HeaderInput,
} from "./headers.js";
import { parseRetryAfter } from "./retry-after.js";
import { getStatusMessage, isHttpStatus, isRetryable } from "./status-lookups.js";

/**
 * The error code of an error of status S: a code the catalog lists under S, the default code, a
 * code the catalog does not list (a newer server may send one), or none. Of an error of any
 * status (S is number), any code or none.
 */
export type StatusErrorCode<S extends number> = number extends S
  ? ErrorCodeType | undefined
  : | (S extends keyof ErrorCodesByStatus ? ErrorCodesByStatus[S] : never)
    | DefaultErrorCode
    | (ErrorCodeType & {})
    | undefined;

/** Another error of the body an error was read from: an item of the list its own parts come from (see ApiError.related). */
export interface RelatedError {
  /** Its service error code; undefined when the item has none. */
  readonly errorCode: ErrorCodeType | undefined;
  /** Its message; undefined when the item has none. */
  readonly errorMsg: string | undefined;
}

/** Options of every error constructor. */
export interface ApiErrorOptions {
  /** Service error code; the catalog's default code when absent. */
  readonly errorCode?: ErrorCodeType | undefined;
  /** What caused this error (ES2022 `Error.cause`); never sent to clients. */
  readonly cause?: unknown;
  /**
   * Response headers that go with this error, such as Retry-After. Only headers the catalog
   * declares are sent. A value no header can hold (CR, LF, NUL or another control character
   * but tab; a character above U+00FF) is a TypeError naming the header.
   */
  readonly headers?: HeaderInput | undefined;
  /** Identifier of the request, sent in the body and as x-request-id. */
  readonly requestId?: string | undefined;
  /** URI of this occurrence, sent as the instance of a problem document (other bodies have none). */
  readonly instance?: string | undefined;
  /** Values of the extra members the catalog documents for the body (see ErrorExtras); others are ignored. */
  readonly extras?: ErrorExtras | undefined;
  /**
   * Whether what the error was given may be sent to the client: its message, instance and
   * extras. Default: true for 4xx, false for 5xx, whose body then carries the catalog's message
   * and neither instance nor extras, while the given ones stay on the error for logs.
   */
  readonly expose?: boolean | undefined;
}

/**
 * Marks options that come from a response (no default code, only declared headers): set by
 * errorFromResponse, which shares it with this module only (the entry point does not export it).
 */
export const FROM_RESPONSE: unique symbol = /*#__PURE__*/ Symbol(
  "status-catalog:from-response",
) as never;

/** Constructor options as errorFromResponse passes them. */
export interface ResponseErrorOptions extends ApiErrorOptions {
  /** Set by errorFromResponse only. */
  readonly [FROM_RESPONSE]?: true;
}

/** Options of error code classes: their code is fixed. */
export type CodeErrorOptions = Omit<ApiErrorOptions, "errorCode">;

/** A status error class, as errorClassFor returns it. */
export type ApiErrorClass = {
  // Looked up by a status known only at run time, a class is called like any other: one whose
  // responses require headers (WWW-Authenticate on 401) asks for them only when named itself.
  new (errorMsg?: string, options?: ApiErrorOptions): ApiError;
  readonly status: number;
};

/** An error code class, as errorClassForCode returns it. */
export type CodeErrorClass = ApiErrorClass & { readonly errorCode: ErrorCodeType };

/** The wire form of an error: what a server sends. */
export interface ErrorResponse {
  /** HTTP status. */
  readonly status: number;
  /** Response headers, lower-case names: content-type, the declared headers and x-request-id. */
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON error body. */
  readonly body: ErrorBody;
}

/**
 * A fetch `Response`: the program's own type where it has one (lib "DOM", the types of Node, Deno,
 * Bun, workers), else the members of it the runtime relies on, so that the code compiles
 * without any of them.
 */
export type FetchResponse = typeof globalThis extends { Response: { prototype: infer R } }
  ? R
  : {
      readonly status: number;
      readonly headers: { get(name: string): string | null };
      text(): Promise<string>;
    };

// The global constructor, declared here for programs whose types have none (lib ES2022 alone):
// a declaration in a module shadows nothing outside it, and compiles to nothing.
declare const Response: new (
  body: string,
  init: { readonly status: number; readonly headers: Readonly<Record<string, string>> },
) => FetchResponse;

/**
 * Marks errors made by any copy of this catalog's generated code (a server and an SDK may
 * each hold one), so that `instanceof` and `isApiError` hold across copies. The value is the
 * error's class chain (see classChain).
 */
function brand(): symbol {
  // Made on use, not at import (nothing runs at import); Symbol.for gives the same symbol each time.
  return Symbol.for("status-catalog:" + SERVICE);
}

// Errors whose request id came from the constructor (then it goes into the body), not from a
// header. Kept outside the class: a private field would make each copy's ApiError a type of
// its own, so errors of one copy would not type-check as the other's.
const SENDS_REQUEST_ID: WeakSet<object> = /*#__PURE__*/ new WeakSet();

// A request id goes into a header only as visible ASCII (spaces and tabs inside): one from an
// upstream body may hold anything, and Node refuses to send a header with a line break or a
// non-ASCII character.
const HEADER_SAFE = /^[\x21-\x7e](?:[\t\x20-\x7e]{0,254}[\x21-\x7e])?$/;

/**
 * The errorName of each generated class `type` is or extends, nearest first: ["NotFoundError",
 * "ClientError", "ApiError"]. Every generated class has an own static errorName, which
 * minifiers keep and two copies of the code agree on; a class of the user's has none, and is
 * left out (a user's subclass of NotFoundError has NotFoundError's chain).
 */
function classChain(type: object): readonly string[] {
  const chain: string[] = [];
  for (let t: unknown = type; typeof t === "function"; t = Object.getPrototypeOf(t)) {
    const name = ownValue(t, "errorName");
    if (typeof name === "string") chain.push(name);
  }
  return Object.freeze(chain);
}

/** An own data property's value: nothing inherited, no getter run. */
function ownValue(value: object, key: PropertyKey): unknown {
  return Object.getOwnPropertyDescriptor(value, key)?.value;
}

/**
 * An error response of the service. Thrown by servers (send `toResponse()`) and returned by
 * `errorFromResponse` on clients.
 *
 * The error keeps its wire form apart: `toJSON()` is the body, `toResponse()` adds the status
 * and the headers; `message` is for logs and may say more than the body does. S is the status
 * as a type: `ApiError<404>` has status 404 and C, its error code, the codes of 404.
 */
export class ApiError<
  S extends number = number,
  C extends ErrorCodeType | undefined = StatusErrorCode<S>,
> extends Error {
  /** The class name, kept through minifiers (which rename classes); own on every generated class. */
  static readonly errorName: string = "ApiError";

  /** HTTP status. */
  readonly status: S;
  /** Service error code: given, fixed by the class, or the catalog's default on the server; from the body on the client (undefined when the body has none). A code the catalog lists under the status, the default code, a code it does not list, or none. */
  readonly errorCode: C;
  /** The message sent in the body: the given one, or for an error whose message is not exposed (5xx by default) the catalog's. */
  readonly errorMsg: string;
  /** Response headers of this error, with lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** Identifier of the request: from the body or the x-request-id header. */
  readonly requestId: string | undefined;
  /** URI of this occurrence (the instance of a problem document). */
  readonly instance: string | undefined;
  /** The extra members of the body: given to the constructor, or read from a response. */
  readonly extras: Readonly<ErrorExtras>;
  /** Whether the given message, instance and extras are sent to the client: by default true for 4xx, false for 5xx. */
  readonly expose: boolean;
  /**
   * Read from a body whose errors come in a list (`{"errors":[{…},{…}]}`, the catalog reading its
   * code at `/errors/0/code`): the list's other errors, in order; this error is the item the
   * catalog names. Undefined for an error constructed, or read from a catalog without such a list.
   */
  declare readonly related?: readonly RelatedError[];

  /**
   * Whether a value is an instance of this class, made by this copy of the generated code or by
   * another copy of the same catalog's (a server and an SDK may each bundle one).
   *
   * Typed as a guard of the class it is called on (TypeScript narrows `instanceof` by it): without
   * it, `error instanceof ApiError` would narrow to `ApiError<any, any>`, the class's type
   * parameters taken as any, and `error.status` would be `any`; with it, to `ApiError` (status
   * `number`), and `error instanceof NotFoundError` to `NotFoundError`.
   */
  static override [Symbol.hasInstance]<T>(
    this: abstract new (...args: never[]) => T,
    value: unknown,
  ): value is T {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    // Made by another copy: an instance of the generated classes its brand names.
    const name = ownValue(this, "errorName");
    const chain =
      typeof value === "object" && value !== null ? ownValue(value, brand()) : undefined;
    return typeof name === "string" && Array.isArray(chain) && chain.includes(name);
  }

  /**
   * Creates an error of any status.
   * @param httpStatus - HTTP status, an integer from 100 to 599; any other value (NaN, 0, 404.5, 1000) is 500.
   * @param errorMsg - Message; defaults to the catalog message of the error code (when listed under this status), else of the status.
   * @param options - errorCode, cause, response headers, request id, expose.
   */
  constructor(httpStatus: number, errorMsg?: string, options?: ApiErrorOptions) {
    // No response carries a status that is not an integer from 100 to 599, and Node's
    // writeHead throws on one: an error raised with such a status is the server's own failure.
    const status = isHttpStatus(httpStatus) ? httpStatus : 500;
    const type = new.target;
    const fromResponse = (options as ResponseErrorOptions | undefined)?.[FROM_RESPONSE] === true;
    // An error code class fixes its code: its static errorCode wins over the options.
    const fixed = (type as { readonly errorCode?: unknown }).errorCode;
    const given =
      typeof fixed === "string" || typeof fixed === "number"
        ? (fixed as ErrorCodeType)
        : options?.errorCode;
    const errorCode = given ?? (fromResponse ? undefined : defaultErrorCodeFor(status));
    // The default code lends no message: only a code given or fixed, listed under this status.
    const catalogMessage = errorMessageFor(given, status) ?? statusText(status);
    super(
      errorMsg ?? catalogMessage,
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    // A generated class's own errorName (minifiers rename classes); a user's subclass keeps its own name.
    const ownName = ownValue(type, "errorName");
    this.name = typeof ownName === "string" ? ownName : type.name;
    // S is the status the class passes (NotFoundError passes 404), C its codes; number and any code for ApiError itself.
    this.status = status as S;
    this.errorCode = errorCode as C;
    this.expose = options?.expose ?? !(status >= 500);
    this.errorMsg = this.expose ? this.message : catalogMessage;
    // A value no header can hold is refused here, naming the header, not by writeHead at send
    // time; read from a response, it is dropped (errorFromResponse never throws).
    this.headers = normalizeHeaders(
      options?.headers,
      fromResponse
        ? (name) => name === REQUEST_ID_HEADER || DECLARED_HEADERS.includes(name)
        : undefined,
      fromResponse ? "drop" : "throw",
    );
    this.requestId = options?.requestId ?? this.headers[REQUEST_ID_HEADER];
    // Only a request id given for the body goes back into it; one from a header stays a header.
    if (options?.requestId !== undefined) SENDS_REQUEST_ID.add(this);
    this.instance = options?.instance;
    this.extras = extrasOf(options?.extras);
    Object.defineProperty(this, brand(), { value: classChain(type) });
  }

  /** Whether the request may be repeated unmodified, by the catalog's retry guidance for this error code (when it has its own) or this status, and the Retry-After header. */
  get retryable(): boolean {
    return isRetryable(this.status, this.headers["retry-after"] !== undefined, this.errorCode);
  }

  /** Seconds to wait before retrying, from the Retry-After header, at most a day (MAX_RETRY_AFTER_SECONDS); `undefined` without a valid one. */
  get retryAfter(): number | undefined {
    return parseRetryAfter(this.headers["retry-after"]);
  }

  /** Milliseconds to wait before retrying (`retryAfter` × 1000), ready for `setTimeout`: at most 86,400,000, well within a timer's 2^31-1. */
  get retryAfterMs(): number | undefined {
    const seconds = this.retryAfter;
    return seconds === undefined ? undefined : seconds * 1000;
  }

  /** The JSON error body, exactly as sent on the wire. */
  toJSON(): ErrorBody {
    const code = this.errorCode;
    // RFC 9457: a code listed under this status has its own problem type (its docUrl, else
    // problemTypeBase and the code), titled by its message; anything else is about:blank, titled
    // by the status.
    const codeMessage = errorMessageFor(code, this.status);
    return writeErrorBody(ERROR_BODY, {
      status: this.status,
      // An error rebuilt from a body without a code has none (errorCode stays undefined), but
      // what it sends on is still a valid body: the default code fills the gap.
      code: code ?? defaultErrorCodeFor(this.status),
      message: this.errorMsg,
      requestId: SENDS_REQUEST_ID.has(this) ? this.requestId : undefined,
      title: codeMessage ?? statusText(this.status),
      listedCode: codeMessage !== undefined,
      docUrl: errorDocUrlFor(code, this.status),
      // Not exposed (a 5xx by default), what the error was given stays off the wire: an
      // upstream's instance or a debug extra says no less about the servers than its message.
      instance: this.expose ? this.instance : undefined,
      extras: this.expose ? this.extras : {},
    }) as ErrorBody;
  }

  /** The HTTP status (the same as `status`), by the name Node's http-errors, Express, Fastify and NestJS read. */
  get statusCode(): this["status"] {
    return this.status;
  }

  /**
   * The wire form as a fetch `Response` (status, headers and JSON body of `toResponse()`):
   * what fetch-based servers return, and what Hono's default error handler sends. Only for a
   * status a `Response` with a body may carry (200 to 599 but 204, 205 and 304), as errors have.
   */
  getResponse(): FetchResponse {
    const response = this.toResponse();
    // The init reads status and headers; it ignores the body member.
    return new Response(JSON.stringify(response.body), response);
  }

  /** Status, headers and body to send: content-type, the headers the catalog declares, and the request id; never connection or encoding headers. */
  toResponse(): ErrorResponse {
    const sent: Record<string, string> = {};
    for (const name of Object.keys(this.headers)) {
      if (DECLARED_HEADERS.includes(name) && !isHopByHopOrEntityHeader(name)) {
        sent[name] = this.headers[name]!;
      }
    }
    if (this.requestId !== undefined && HEADER_SAFE.test(this.requestId)) {
      sent[REQUEST_ID_HEADER] = this.requestId;
    }
    // Sorted names, content-type last: the same error always gives the same headers.
    const headers: Record<string, string> = {};
    for (const name of Object.keys(sent).sort()) headers[name] = sent[name]!;
    headers["content-type"] = ERROR_BODY.mediaType;
    return { status: this.status, headers, body: this.toJSON() };
  }
}

/** The catalog message of a status, else "HTTP 599" for one it does not list. */
function statusText(status: number): string {
  return getStatusMessage(status) ?? `HTTP ${status}`;
}

/** The extras the catalog declares, copied from what was given: own data members only, nothing else. */
function extrasOf(given: ErrorExtras | undefined): Readonly<ErrorExtras> {
  const extras: Record<string, unknown> = {};
  if (typeof given !== "object" || given === null) return extras;
  for (const member of ERROR_BODY.members) {
    if (member.part !== "extra") continue;
    const value = ownValue(given, member.name);
    if (value !== undefined)
      Object.defineProperty(extras, member.name, { value, enumerable: true });
  }
  return extras;
}

/** Base class of every 4xx error; the 404 class extends `ClientError<404>`. */
export class ClientError<
  S extends number = number,
  C extends ErrorCodeType | undefined = StatusErrorCode<S>,
> extends ApiError<S, C> {
  /** The class name, kept through minifiers. */
  static override readonly errorName: string = "ClientError";
  /** Type-only (no value at run time): tells 4xx classes from 5xx ones, which would otherwise have the same shape. */
  declare readonly side: "client";
}

/** Base class of every 5xx error; the 500 class extends `ServerError<500>`. The message a 5xx error is given is sent only with expose: true; its body carries the catalog's. */
export class ServerError<
  S extends number = number,
  C extends ErrorCodeType | undefined = StatusErrorCode<S>,
> extends ApiError<S, C> {
  /** The class name, kept through minifiers. */
  static override readonly errorName: string = "ServerError";
  /** Type-only (no value at run time): tells 5xx classes from 4xx ones, which would otherwise have the same shape. */
  declare readonly side: "server";
}

/** Whether a value is an ApiError of this catalog, made by this copy of the generated code or another. */
export function isApiError(value: unknown): value is ApiError;
/** Whether a value is an ApiError of this catalog with the given status. */
export function isApiError<S extends number>(
  value: unknown,
  status: S,
): value is ApiError & { readonly status: S };
export function isApiError(value: unknown, status?: number): boolean {
  return value instanceof ApiError && (status === undefined || value.status === status);
}
