/**
 * openapi-fetch: a middleware after which a call rejects with the catalog's error class of an
 * error response (a 2xx error body included: the catalog's constants) instead of resolving to
 * `{ error }`, and with a ConnectionError whose cause is what fetch threw when no response
 * came (refused, reset, DNS, a timeout, an abort). Typed by the members it uses: it compiles
 * without openapi-fetch.
 *
 * ```ts
 * import createClient from "openapi-fetch";
 * import { errorMiddleware } from "./generated/adapters/openapi-fetch.js";
 * import { NotFoundError } from "./generated/index.js";
 *
 * const client = createClient<paths>({ baseUrl: "https://api.example.com" });
 * client.use(errorMiddleware);
 * try {
 *   const { data } = await client.GET("/widgets/{id}", { params: { path: { id: "7" } } });
 * } catch (error) {
 *   if (error instanceof NotFoundError) console.log(error.errorCode, error.errorMsg);
 * }
 * ```
 */
import { isApiError } from "../api-error.js";
import { connectionErrorFrom, type AbortStateLike } from "../connection-error.js";
import { errorFromFetch, type ResponseLike } from "../from-fetch.js";

/** What the middleware is told of a response: the response. */
export interface MiddlewareResponseLike {
  /** The response fetch gave. */
  readonly response: ResponseLike;
}

/** What the middleware is told of a failed fetch: what it threw, and the request (for its signal). */
export interface MiddlewareErrorLike {
  /** What fetch threw. */
  readonly error: unknown;
  /** The request, whose signal tells an abort. */
  readonly request?: { readonly signal?: AbortStateLike | null | undefined } | undefined;
}

/** The middleware: onResponse and onError of openapi-fetch's Middleware. */
export interface ErrorMiddleware {
  /** Throws the error of an error response; resolves to nothing (the response goes on) for any other. */
  onResponse(options: MiddlewareResponseLike): Promise<undefined>;
  /** The ConnectionError of a fetch that got no response (an ApiError as it is), which the call rejects with. */
  onError(options: MiddlewareErrorLike): Error;
}

/** The middleware, for `client.use(errorMiddleware)`. */
export const errorMiddleware: ErrorMiddleware = {
  async onResponse({ response }) {
    const error = await errorFromFetch(response);
    if (error !== undefined) throw error;
    return undefined;
  },
  onError({ error, request }) {
    if (isApiError(error)) return error;
    return connectionErrorFrom(error, request?.signal ?? undefined);
  },
};
