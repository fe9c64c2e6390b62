/** Lookups over the catalog's service error codes. */
import { ERROR_BODY, type DEFAULT_ERROR_CODE } from "./catalog.js";
import { ERRORS, ERROR_DOC_URLS, ERROR_MESSAGES, type ErrorCode } from "./error-codes.js";
import type { ErrorDocUrlTable, ErrorInfo, ErrorMessageTable } from "./types.js";

/**
 * The type of the catalog's service error codes: number where they travel as JSON numbers
 * (errorBody.codeType integer), else string.
 */
export type ErrorCodeType = Exclude<typeof DEFAULT_ERROR_CODE, undefined>;

// Built on first use, not at import: a bundle that never looks a code up carries no table code.
let byCode: ReadonlyMap<ErrorCodeType, readonly ErrorInfo<ErrorCode>[]> | undefined;

/** Everything the catalog says of an error code it lists, under its first status. */
export function getErrorInfo(code: ErrorCode): ErrorInfo<ErrorCode>;
/**
 * Everything the catalog says of an error code (status, message, description, measure): under
 * `status` when given (a code may be listed under several statuses, each with its own message),
 * else under its first status; `undefined` for a code it does not list (there).
 */
export function getErrorInfo(
  code: ErrorCodeType,
  status?: number,
): ErrorInfo<ErrorCode> | undefined;
export function getErrorInfo(
  code: ErrorCodeType,
  status?: number,
): ErrorInfo<ErrorCode> | undefined {
  return getErrorInfos(code).find((info) => status === undefined || info.status === status);
}

/** Every entry of an error code, one per status it is listed under, by status; empty for a code the catalog does not list. */
export function getErrorInfos(code: ErrorCodeType): readonly ErrorInfo<ErrorCode>[] {
  if (!isErrorCode(code)) return [];
  if (byCode === undefined) {
    const map = new Map<ErrorCodeType, ErrorInfo<ErrorCode>[]>();
    // ERRORS types its codes as string (see error-codes.ts); every one of them is an ErrorCode.
    for (const info of ERRORS as readonly ErrorInfo<ErrorCode>[]) {
      const list = map.get(info.code);
      if (list === undefined) map.set(info.code, [info]);
      else list.push(info);
    }
    byCode = map;
  }
  return byCode.get(code) ?? [];
}

/** Whether a value is an error code the catalog lists, of the catalog's code type (a number where codes travel as JSON numbers). */
export function isErrorCode(value: unknown): value is ErrorCode {
  return (
    typeof value === (ERROR_BODY.codeType === "integer" ? "number" : "string") &&
    Object.hasOwn(ERROR_MESSAGES, String(value))
  );
}

/**
 * The catalog message of a code listed under this very status, else `undefined`: a code listed
 * under another status never lends its message (a 404 is not "Internal server error.").
 */
export function errorMessageFor(
  code: ErrorCodeType | undefined,
  status: number,
): string | undefined {
  return textUnderStatus(ERROR_MESSAGES, code, status);
}

/** The page the catalog gives for a code under this very status, else `undefined`. */
export function errorDocUrlFor(
  code: ErrorCodeType | undefined,
  status: number,
): string | undefined {
  return textUnderStatus(ERROR_DOC_URLS, code, status);
}

/** The text a table of pairs (status, text) holds for a code under a status. */
function textUnderStatus(
  table: ErrorMessageTable | ErrorDocUrlTable,
  code: ErrorCodeType | undefined,
  status: number,
): string | undefined {
  // Not isErrorCode, which tells codes of the catalog's type: this function is in every error's
  // bundle, and looks a code up by its text alone.
  const pairs =
    (typeof code === "string" || typeof code === "number") && Object.hasOwn(table, code)
      ? (table[code] ?? [])
      : [];
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    if (pairs[i] === status) return String(pairs[i + 1]);
  }
  return undefined;
}
