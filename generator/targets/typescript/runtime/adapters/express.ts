/**
 * Express: `errorHandler`, the 4-argument error middleware, answers anything a route throws
 * (body-parser's errors among them: 400, 413, 415) with the catalog's error response, and
 * `notFoundHandler` answers requests no route matched with the catalog's 404. Typed by the
 * members they use: they need no types of Express's.
 *
 * ```ts
 * app.use(routes);
 * app.use(notFoundHandler);
 * app.use(errorHandler);
 * ```
 */
import {
  errorAnswer,
  logServerError,
  routeNotFound,
  writeToNode,
  type NodeResponse,
} from "./server-errors.js";

/** What the adapter reads of Express's Request: its headers. */
export interface ExpressRequest {
  /** Request headers, lower-case names. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
}

/**
 * Error middleware (Express knows it by its four parameters): writes the catalog's body,
 * status and declared headers (a 5xx with the catalog's message only, and logged), the
 * request's x-request-id sent back when the error has none. Once headers are sent, the
 * response is destroyed (as Express's own final handler does), so that the client sees it broken.
 */
export function errorHandler(
  error: unknown,
  req: ExpressRequest,
  res: NodeResponse,
  _next: (error?: unknown) => void,
): void {
  const answer = errorAnswer(error, req.headers["x-request-id"]);
  logServerError(answer.error);
  writeToNode(res, answer);
}

/** Middleware for after every route: the catalog's 404 for a request none of them answered. */
export function notFoundHandler(
  req: ExpressRequest,
  res: NodeResponse,
  _next: (error?: unknown) => void,
): void {
  writeToNode(res, errorAnswer(routeNotFound(), req.headers["x-request-id"]));
}
