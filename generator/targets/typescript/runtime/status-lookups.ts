/** Lookups over the catalog's statuses, and predicates by range and by retry guidance. */
import { errorRetryFor } from "./error-codes.js";
import { STATUSES, STATUS_MESSAGES, STATUS_RETRY, type StatusCode } from "./status-codes.js";
import type { StatusInfo } from "./types.js";

// Built on first use, not at import: a bundle that never looks a status up carries no table code.
let byCode: ReadonlyMap<number, StatusInfo<StatusCode>> | undefined;
let byMessage: ReadonlyMap<string, StatusCode> | undefined;
let byLooseMessage: ReadonlyMap<string, StatusCode> | undefined;

function looseKey(message: string): string {
  return message.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Everything the catalog says of a status code it lists. */
export function getStatusInfo(code: StatusCode): StatusInfo<StatusCode>;
/** Everything the catalog says of a status code; `undefined` for a code it does not list. */
export function getStatusInfo(code: number): StatusInfo<StatusCode> | undefined;
export function getStatusInfo(code: number): StatusInfo<StatusCode> | undefined {
  byCode ??= new Map(STATUSES.map((info) => [info.status, info]));
  return byCode.get(code);
}

/** The catalog message of a status code it lists, e.g. `getStatusMessage(StatusCode.NotFound)`. */
export function getStatusMessage(code: StatusCode): string;
/** The catalog message of a status code, e.g. `getStatusMessage(404)`; `undefined` for a code the catalog does not list. */
export function getStatusMessage(code: number): string | undefined;
export function getStatusMessage(code: number): string | undefined {
  return isStatusCode(code) ? STATUS_MESSAGES[code] : undefined;
}

/** The status code of a catalog message. An exact match wins; otherwise case, spaces and punctuation are ignored, so "Not Found" finds the code of "NotFound". `undefined` when nothing matches. */
export function getStatusCode(message: string): StatusCode | undefined {
  if (typeof message !== "string") return undefined;
  byMessage ??= new Map(STATUSES.map((info) => [info.message, info.status]));
  // Reversed so that, where two messages reduce to the same key, the lower code wins.
  byLooseMessage ??= new Map(
    STATUSES.map((info): [string, StatusCode] => [looseKey(info.message), info.status]).reverse(),
  );
  return byMessage.get(message) ?? byLooseMessage.get(looseKey(message));
}

/** Whether a value is a status code the catalog lists. */
export function isStatusCode(value: unknown): value is StatusCode {
  return typeof value === "number" && Object.hasOwn(STATUS_MESSAGES, value);
}

/**
 * Whether a request that got this status may be repeated unmodified, by the catalog's retry
 * guidance: the error code's own under this status when it has some (a 429 code for an
 * exhausted quota is not retried), else the status's.
 * @param code - The HTTP status.
 * @param hasRetryAfter - Whether the response carried a Retry-After header.
 * @param errorCode - The service error code of the response, if any.
 */
export function isRetryable(
  code: number,
  hasRetryAfter: boolean = false,
  errorCode?: string | number,
): boolean {
  const retry =
    // A number names no inherited member of a plain object: no hasOwn needed (this function is
    // in every error's bundle, through `retryable`).
    errorRetryFor(errorCode, code) ?? (typeof code === "number" ? STATUS_RETRY[code] : undefined);
  return (
    retry === "anytime" || retry === "retry-after" || (retry === "if-retry-after" && hasRetryAfter)
  );
}

/** Whether a value is an HTTP status a response can carry: an integer from 100 to 599 (RFC 9110, section 15), listed in the catalog or not. */
export function isHttpStatus(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 100 && (value as number) <= 599;
}

/** Whether a status code is 1xx (informational), listed in the catalog or not. */
export function isInformational(code: number): boolean {
  return Number.isInteger(code) && code >= 100 && code <= 199;
}

/** Whether a status code is 2xx (successful), listed in the catalog or not. */
export function isSuccess(code: number): boolean {
  return Number.isInteger(code) && code >= 200 && code <= 299;
}

/** Whether a status code is 3xx (redirection), listed in the catalog or not. */
export function isRedirection(code: number): boolean {
  return Number.isInteger(code) && code >= 300 && code <= 399;
}

/** Whether a status code is 4xx (client error), listed in the catalog or not. */
export function isClientError(code: number): boolean {
  return Number.isInteger(code) && code >= 400 && code <= 499;
}

/** Whether a status code is 5xx (server error), listed in the catalog or not. */
export function isServerError(code: number): boolean {
  return Number.isInteger(code) && code >= 500 && code <= 599;
}

/** Whether a status code is 4xx or 5xx, listed in the catalog or not. */
export function isError(code: number): boolean {
  return Number.isInteger(code) && code >= 400 && code <= 599;
}
