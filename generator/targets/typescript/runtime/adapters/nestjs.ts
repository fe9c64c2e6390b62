/**
 * NestJS: `errorHandler`, an exception filter for `app.useGlobalFilters` (or the class,
 * `ErrorFilter`, for an `APP_FILTER` provider), answers anything a controller throws (Nest's
 * HttpException among them: ValidationPipe's 400, the 404 of an unknown route) with the
 * catalog's error response, on the Express platform and on Fastify's. Typed by the members it
 * uses: it needs no types of Nest's, and no decorators.
 *
 * ```ts
 * const app = await NestFactory.create(AppModule);
 * app.useGlobalFilters(errorHandler);
 * ```
 */
import {
  errorAnswer,
  logServerError,
  writeToFastify,
  writeToNode,
  type FastifyReply,
  type NodeResponse,
} from "./server-errors.js";

/** What the filter uses of Nest's ArgumentsHost. */
export interface NestHost {
  /** The kind of context: "http", "rpc", "ws". */
  getType(): string;
  /** The request and the platform's response. */
  switchToHttp(): { getRequest(): unknown; getResponse(): unknown };
}

/** Whether the platform's response is a Fastify reply (NestJS on its Fastify platform, platform-fastify), not Node's. */
function isFastifyReply(response: unknown): response is FastifyReply {
  const reply = response as Partial<FastifyReply> | null;
  return typeof reply?.code === "function" && typeof reply.raw === "object";
}

function requestIdOf(request: unknown): unknown {
  const headers = (request as { headers?: Record<string, unknown> } | null)?.headers;
  return headers?.["x-request-id"];
}

/**
 * The exception filter: the catalog's body, status and declared headers (a 5xx with the
 * catalog's message only, and logged), the request's x-request-id sent back when the error
 * has none. Catches everything (no `@Catch()` needed); outside HTTP (RPC, WebSockets) it
 * throws the exception on, to Nest.
 */
export class ErrorFilter {
  /** Answers the exception (Nest calls it). */
  catch(exception: unknown, host: NestHost): void {
    if (host.getType() !== "http") throw exception;
    const http = host.switchToHttp();
    const response = http.getResponse();
    const answer = errorAnswer(exception, requestIdOf(http.getRequest()));
    logServerError(answer.error);
    if (isFastifyReply(response)) writeToFastify(response, answer);
    else writeToNode(response as NodeResponse, answer);
  }
}

/** The filter, ready for `app.useGlobalFilters(errorHandler)`. */
export const errorHandler: ErrorFilter = /*#__PURE__*/ new ErrorFilter();
