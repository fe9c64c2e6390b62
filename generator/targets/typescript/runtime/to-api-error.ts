/** toApiError: anything a server catches, as one of the catalog's errors. */
import { ApiError, ClientError, ServerError } from "./api-error.js";
import { errorClassFor } from "./errors.js";
import { normalizeHeaders, type HeaderInput } from "./headers.js";

/** How this module calls a status class found at run time. */
type StatusClass = new (errorMsg?: string, options?: object) => ApiError;

/** An own or inherited member of a value, without throwing (a hostile getter or proxy reads as undefined). */
function memberOf(value: object, key: string): unknown {
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** Whether a value is an ApiError of this catalog; false, not a throw, for a hostile proxy. */
function isApiErrorValue(value: unknown): value is ApiError {
  try {
    return value instanceof ApiError;
  } catch {
    return false;
  }
}

/** The error status a value carries: its `status`, else its `statusCode`, when an integer from 400 to 599. */
function errorStatusOf(value: object): number | undefined {
  for (const key of ["status", "statusCode"]) {
    const status = memberOf(value, key);
    if (Number.isInteger(status) && (status as number) >= 400 && (status as number) <= 599)
      return status as number;
  }
  return undefined;
}

/**
 * Anything thrown, as an ApiError, for a server to answer with:
 * - an ApiError of this catalog (made by this copy of the code or another) is returned as it is;
 * - an error with a numeric `status` or `statusCode` from 400 to 599 (http-errors, Koa's
 *   `ctx.throw`, Express's body parsers, Fastify's own errors, Hono's HTTPException) becomes the
 *   catalog's class of that status (ClientError or ServerError where the catalog has none), its
 *   message sent for a 4xx only (and not when it says `expose: false`), its headers kept (its
 *   `headers`, else those of the response it carries as `res`, as Hono's HTTPException does; the
 *   declared ones are sent);
 * - anything else becomes a 500 whose body carries the catalog's message only.
 *
 * The original is the new error's `cause`, and its message the new error's `message`, for logs:
 * neither is sent. Never throws.
 */
export function toApiError(error: unknown): ApiError {
  if (isApiErrorValue(error)) return error;
  const value: object =
    (typeof error === "object" && error !== null) || typeof error === "function" ? error : {};
  const carried = errorStatusOf(value);
  const given = memberOf(value, "message");
  // Its own headers, else those of the response it carries (Hono's HTTPException: `res`).
  const res = carried === undefined ? undefined : memberOf(value, "res");
  const headers =
    carried === undefined
      ? undefined
      : (memberOf(value, "headers") ??
        (typeof res === "object" && res !== null ? memberOf(res, "headers") : undefined));
  let kept: Readonly<Record<string, string>> | undefined;
  try {
    // Cleaned here (odd values dropped): the constructor would throw on a value no header holds.
    kept = normalizeHeaders(headers as HeaderInput | undefined);
  } catch {
    kept = undefined;
  }
  const status = carried ?? 500;
  const message = typeof given === "string" ? given : undefined;
  const options = {
    cause: error,
    headers: kept,
    expose: status < 500 && memberOf(value, "expose") !== false,
  };
  const ForStatus = errorClassFor(status) as StatusClass | undefined;
  if (ForStatus !== undefined) return new ForStatus(message, options);
  return status < 500
    ? new ClientError(status, message, options)
    : new ServerError(status, message, options);
}
