/**
 * Fetch handlers (Deno.serve, Bun.serve, workers, route handlers that return a Response):
 * `errorHandler(error, request?)` is the error Response for anything thrown. Typed by the
 * members it uses: it compiles with or without the DOM types.
 *
 * ```ts
 * export default {
 *   async fetch(request: Request): Promise<Response> {
 *     try { return await route(request); } catch (error) { return errorHandler(error, request); }
 *   },
 * };
 * ```
 */
import type { FetchResponse } from "../api-error.js";
import { errorAnswer, logServerError, toFetchResponse } from "./server-errors.js";

/** What the adapter reads of a fetch Request: its headers. */
export interface FetchRequest {
  /** Request headers. */
  readonly headers: { get(name: string): string | null };
}

/**
 * The error Response for anything thrown: the catalog's body, status and declared headers (a
 * 5xx with the catalog's message only, and logged), the request's x-request-id sent back when
 * the error has none.
 * @param request - The request, for its x-request-id; without it none is sent back.
 */
export function errorHandler(error: unknown, request?: FetchRequest): FetchResponse {
  const answer = errorAnswer(error, request?.headers.get("x-request-id"));
  logServerError(answer.error);
  return toFetchResponse(answer);
}
