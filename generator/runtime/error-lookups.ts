/** Lookups over the catalog's service error codes. */
import { ERRORS, ERROR_MESSAGES, type ErrorCode } from "./error-codes.js";
import type { ErrorInfo } from "./types.js";

// Built on first use, not at import: a bundle that never looks a code up carries no table code.
let byCode: ReadonlyMap<string, ErrorInfo<ErrorCode>> | undefined;

/** Everything the catalog says of an error code it lists. */
export function getErrorInfo(code: ErrorCode): ErrorInfo<ErrorCode>;
/** Everything the catalog says of an error code (status, message, description, measure); `undefined` for a code it does not list. */
export function getErrorInfo(code: string): ErrorInfo<ErrorCode> | undefined;
export function getErrorInfo(code: string): ErrorInfo<ErrorCode> | undefined {
  if (!isErrorCode(code)) return undefined;
  // ERRORS types its codes as string (see error-codes.ts); every one of them is an ErrorCode.
  byCode ??= new Map(ERRORS.map((info) => [info.code, info as ErrorInfo<ErrorCode>]));
  return byCode.get(code);
}

/** Whether a value is an error code the catalog lists. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(ERROR_MESSAGES, value);
}

/**
 * The catalog message of a code listed under this very status, else `undefined`: a code listed
 * under another status never lends its message (a 404 is not "Internal server error.").
 */
export function errorMessageFor(code: string | undefined, status: number): string | undefined {
  if (code === undefined || !isErrorCode(code)) return undefined;
  const entry = ERROR_MESSAGES[code];
  return entry !== undefined && entry[0] === status ? entry[1] : undefined;
}
