/**
 * Hono: `errorHandler` for `app.onError` answers anything a route throws (HTTPException among
 * them, with the headers of the response it carries) with the catalog's error response, and
 * `notFoundHandler` for `app.notFound` answers unknown routes with the catalog's 404. Typed by
 * the members they use: they need no types of Hono's.
 *
 * ```ts
 * app.onError(errorHandler);
 * app.notFound(notFoundHandler);
 * ```
 */
import type { FetchResponse } from "../api-error.js";
import { errorAnswer, logServerError, routeNotFound, toFetchResponse } from "./server-errors.js";

/** What the adapter reads of Hono's Context: the request's headers. */
export interface HonoContext {
  /** The request: its headers. */
  readonly req: { header(name: string): string | undefined };
}

/**
 * For `app.onError`: the catalog's body, status and declared headers (a 5xx with the catalog's
 * message only, and logged), the request's x-request-id sent back when the error has none.
 */
export function errorHandler(error: unknown, c: HonoContext): FetchResponse {
  const answer = errorAnswer(error, c.req.header("x-request-id"));
  logServerError(answer.error);
  return toFetchResponse(answer);
}

/** For `app.notFound`: the catalog's 404, with the request's x-request-id sent back. */
export function notFoundHandler(c: HonoContext): FetchResponse {
  return toFetchResponse(errorAnswer(routeNotFound(), c.req.header("x-request-id")));
}
