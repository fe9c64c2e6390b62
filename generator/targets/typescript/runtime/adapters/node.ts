/**
 * node:http: `errorHandler(error, req, res)` answers anything a request handler throws with the
 * catalog's error response. Typed by the members it uses: it needs no types of Node's.
 *
 * ```ts
 * createServer(async (req, res) => {
 *   try { await route(req, res); } catch (error) { errorHandler(error, req, res); }
 * });
 * ```
 */
import { errorAnswer, logServerError, writeToNode, type NodeResponse } from "./server-errors.js";

/** What the adapter reads of Node's IncomingMessage: its headers. */
export interface NodeRequest {
  /** Request headers, lower-case names. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
}

/**
 * Writes the error response for anything thrown: the catalog's body, status and declared
 * headers (a 5xx with the catalog's message only, and logged), the request's x-request-id sent
 * back when the error has none. Once headers are sent, the response is destroyed instead.
 * @param req - The request, for its x-request-id; undefined sends none back.
 */
export function errorHandler(
  error: unknown,
  req: NodeRequest | undefined,
  res: NodeResponse,
): void {
  const answer = errorAnswer(error, req?.headers["x-request-id"]);
  logServerError(answer.error);
  writeToNode(res, answer);
}
