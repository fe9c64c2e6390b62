/** errorFromResponse: any response, from any server or gateway, back into the catalog's error classes. */
import { ApiError, ClientError, ServerError } from "./api-error.js";
import {
  ERROR_BODY,
  ERROR_BODY_ALSO_READ,
  ERROR_CODE_PATTERN,
  MAX_ERROR_CODE_LENGTH,
} from "./catalog.js";
import { readErrorBody } from "./error-body.js";
import { ERROR_MESSAGES } from "./error-codes.js";
import { isErrorCode } from "./error-lookups.js";
import { errorClassFor, errorClassForCode } from "./errors.js";
import type { HeaderInput } from "./headers.js";
import { FROM_RESPONSE, type ResponseErrorOptions } from "./internal.js";
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
    const options: ResponseErrorOptions = {
      errorCode: fields.code,
      headers,
      requestId: fields.requestId,
      instance: fields.instance,
      extras: fields.extras,
      ...options0,
    };
    // The class of the code's entry under this status: a code may be listed under several.
    const ForCode = fields.code === undefined ? undefined : errorClassForCode(fields.code, code);
    if (ForCode !== undefined) {
      return new (ForCode as AnyErrorClass)(fields.message, options);
    }
    return errorOfStatus(code, fields.message, options);
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
