/** errorFromResponse: any response, from any server or gateway, back into the catalog's error classes. */
import {
  ApiError,
  ClientError,
  FROM_RESPONSE,
  ServerError,
  type RelatedError,
  type ResponseErrorOptions,
} from "./api-error.js";
import {
  ERROR_BODY,
  ERROR_BODY_ALSO_READ,
  ERROR_CODE_PATTERN,
  MAX_ERROR_CODE_LENGTH,
} from "./catalog.js";
import { carriesErrorConstants, readErrorBody } from "./error-body.js";
import { ERROR_MESSAGES } from "./error-codes.js";
import { errorMessageFor, isErrorCode, type ErrorCodeType } from "./error-lookups.js";
import { errorClassFor, errorClassForCode } from "./errors.js";
import type { HeaderInput } from "./headers.js";
import { isHttpStatus } from "./status-lookups.js";

/** How this module calls a generated class: a response may lack a header the class requires of servers. */
type AnyErrorClass = new (errorMsg?: string, options?: ResponseErrorOptions) => ApiError;

// Built on first use: codes of digits only, by their value, so that a number in a body finds "0500".
let numericCodes: ReadonlyMap<number, string> | undefined;

/**
 * Whether a code read outside the catalog's own body path is this service's: one the catalog
 * lists or one its codePattern accepts. Another service's `code` (a gateway's 404) is not, nor
 * is a code longer than any the catalog has: the pattern, run on text from the network, never
 * sees more than MAX_ERROR_CODE_LENGTH characters, so one that backtracks costs no more than
 * on the catalog's own codes.
 */
function isOwnCode(code: string): boolean {
  if (isErrorCode(code)) return true;
  return (
    ERROR_CODE_PATTERN !== undefined &&
    code.length <= MAX_ERROR_CODE_LENGTH &&
    ERROR_CODE_PATTERN.test(code)
  );
}

/**
 * The status of a response: a number, or its decimal text ("404") as some clients hand it
 * over. Anything no response carries (NaN, 0, -1, 404.5, 1000, "abc") is 502 Bad Gateway: an
 * invalid answer from the server, which this error must not send on as it is.
 */
function responseStatus(status: unknown): number {
  const value = typeof status === "string" && /^[0-9]{3}$/.test(status) ? Number(status) : status;
  return isHttpStatus(value) ? value : 502;
}

/**
 * A code as read (the catalog's spelling) in the catalog's code type: where codes travel as JSON
 * numbers, a code sent as text is read leniently ("7003" is 7003) and one that is no number is none.
 */
function typedCode(code: string | undefined): ErrorCodeType | undefined {
  let typed: string | number | undefined = code;
  if (ERROR_BODY.codeType === "integer" && code !== undefined) {
    typed = /^[0-9]{1,15}$/.test(code) ? Number(code) : undefined;
  }
  // ERROR_BODY.codeType makes it the catalog's code type, which its declared type does not tell.
  return typed as ErrorCodeType | undefined;
}

/**
 * The message of an error read from a body without one, in a catalog whose body has no message
 * member: the code says it all, so its catalog message under this status, else under its first;
 * undefined (the status's message) for a code the catalog does not list.
 */
function codeMessage(code: ErrorCodeType | undefined, status: number): string | undefined {
  if (ERROR_BODY.members.some((m) => m.part === "message") || !isErrorCode(code)) return undefined;
  return errorMessageFor(code, status) ?? String(ERROR_MESSAGES[String(code)]?.[1]);
}

function numericCode(value: number): string {
  numericCodes ??= new Map(
    Object.keys(ERROR_MESSAGES)
      .filter((code) => /^[0-9]+$/.test(code))
      .map((code) => [Number(code), code]),
  );
  return numericCodes.get(value) ?? String(value);
}

/**
 * The error a response stands for: the class of the error code in the body when the catalog generates code classes and lists that code under this status, else the status class (e.g. NotFoundError), else ClientError or ServerError by range, else ApiError.
 *
 * A 2xx response is read the same way (see isErrorResponse for telling an error body on a 2xx from a success): the class of its code listed under that status, else an ApiError with that status. Where the catalog reads its parts from an item of a list (`/errors/0/code`), the list's other errors are the error's `related`. A body without a message, in a catalog whose body has none, gives `errorMsg` the catalog message of the code, else of the status.
 *
 * `body` is the raw text or the parsed JSON, in the catalog's layout or the common flat, nested and problem ones (gateways and proxies answer in their own). A body without a code, text that is not JSON, or text longer than MAX_ERROR_BODY_LENGTH (1 MiB, not parsed) leaves `errorCode` undefined: the default code is the server's, for errors it raises. Only the headers the catalog declares are kept, and x-request-id. Missing or extra fields, wrong types and unknown statuses are all accepted: this function never throws.
 * @param status - HTTP status of the response, a number or its decimal text ("404"); one no response can carry (NaN, 0, 404.5, 1000) is 502.
 * @param body - Response body, raw text or parsed JSON.
 * @param headers - Response headers (Retry-After, x-request-id, …).
 */
export function errorFromResponse(
  status: number | string,
  body?: unknown,
  headers?: HeaderInput,
): ApiError {
  const code = responseStatus(status);
  const options0: ResponseErrorOptions = { [FROM_RESPONSE]: true };
  try {
    const fields = readErrorBody(
      { ...ERROR_BODY, alsoRead: ERROR_BODY_ALSO_READ },
      body,
      numericCode,
      isOwnCode,
    );
    const errorCode = typedCode(fields.code);
    const message = fields.message ?? codeMessage(errorCode, code);
    const options: ResponseErrorOptions = {
      errorCode,
      headers,
      requestId: fields.requestId,
      instance: fields.instance,
      extras: fields.extras,
      ...options0,
    };
    // The class of the code's entry under this status: a code may be listed under several.
    const ForCode = errorCode === undefined ? undefined : errorClassForCode(errorCode, code);
    const error =
      ForCode !== undefined
        ? new (ForCode as AnyErrorClass)(message, options)
        : errorOfStatus(code, message, options);
    if (fields.related !== undefined) {
      const related: RelatedError[] = fields.related.map((item) => ({
        errorCode: typedCode(item.code),
        errorMsg: item.message,
      }));
      // An own data member, as the constructor's are.
      Object.defineProperty(error, "related", {
        value: related,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    }
    return error;
  } catch {
    // Only hostile input gets here (a throwing getter, proxy or forEach): keep the status and its class, drop the rest.
    return errorOfStatus(code, undefined, options0);
  }
}

/** The status class for a catalog status, else ClientError or ServerError by range, else ApiError. */
function errorOfStatus(
  code: number,
  message: string | undefined,
  options: ResponseErrorOptions,
): ApiError {
  const ForStatus = errorClassFor(code);
  if (ForStatus !== undefined) return new (ForStatus as AnyErrorClass)(message, options);
  if (code >= 400 && code <= 499) return new ClientError(code, message, options);
  if (code >= 500 && code <= 599) return new ServerError(code, message, options);
  return new ApiError(code, message, options);
}

/**
 * Whether a response is an error: any 4xx or 5xx (and a status no response carries, which
 * errorFromResponse reads as 502), or a 2xx whose body (raw text or parsed JSON) carries every
 * constant of the catalog's error body, each equal as JSON: `{"ok":false,…}` where the catalog
 * sets `/ok: false`. Never throws.
 * @param status - HTTP status of the response, a number or its decimal text ("200").
 * @param body - Response body, raw text or parsed JSON.
 */
export function isErrorResponse(status: number | string, body?: unknown): boolean {
  const code = responseStatus(status);
  if (code >= 400) return true;
  if (code < 200 || code > 299) return false;
  try {
    return carriesErrorConstants(ERROR_BODY, body);
  } catch {
    // Only hostile input gets here (a throwing proxy).
    return false;
  }
}
