/**
 * Fastify: `errorHandler` for `setErrorHandler` answers anything a route throws (Fastify's own
 * errors among them: schema validation 400, 413, 415) with the catalog's error response, and
 * `notFoundHandler` for `setNotFoundHandler` answers unknown routes with the catalog's 404.
 * Typed by the members they use: they need no types of Fastify's.
 *
 * ```ts
 * app.setErrorHandler(errorHandler);
 * app.setNotFoundHandler(notFoundHandler);
 * ```
 */
import { errorAnswer, routeNotFound, writeToFastify, type FastifyReply } from "./server-errors.js";

/** What the adapter reads of FastifyRequest: its headers and its logger. */
export interface FastifyRequest {
  /** Request headers, lower-case names. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The request's logger: a 5xx is logged with it. */
  readonly log: { error(details: object, message?: string): void };
}

export type { FastifyReply };

/**
 * For `setErrorHandler`: sends the catalog's body, status and declared headers (a 5xx with
 * the catalog's message only, logged with `request.log`), the request's x-request-id sent back
 * when the error has none. A reply already sent is left alone; one whose headers are out is
 * destroyed, as Fastify does.
 */
export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const answer = errorAnswer(error, request.headers["x-request-id"]);
  if (answer.status >= 500) {
    // The original error, whose stack says where it was thrown; a thrown value that is no
    // Error beside the error answered with (the logger's serializer drops such a cause).
    const details = error instanceof Error ? { err: error } : { err: answer.error, thrown: error };
    request.log.error(details, answer.error.message);
  }
  writeToFastify(reply, answer);
}

/** For `setNotFoundHandler`: the catalog's 404, with the request's x-request-id sent back. */
export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): void {
  writeToFastify(reply, errorAnswer(routeNotFound(), request.headers["x-request-id"]));
}
