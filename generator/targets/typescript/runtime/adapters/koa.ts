/**
 * Koa: `errorHandler`, a middleware to `use` first, answers anything thrown downstream
 * (`ctx.throw` among them) and requests no middleware answered (Koa's unmatched 404) with the
 * catalog's error response. Typed by the members it uses: it needs no types of Koa's.
 *
 * ```ts
 * app.use(errorHandler);
 * app.use(router.routes());
 * ```
 */
import { errorAnswer, routeNotFound, STALE_HEADERS } from "./server-errors.js";

/** What the adapter uses of Koa's Context. */
export interface KoaContext {
  /** Whether the status and headers are out: then no other status can be sent. */
  readonly headerSent: boolean;
  /** Response status: 404 until something answers. */
  status: number;
  /** Response body: undefined until something answers. */
  body: unknown;
  /** A request header ("" when absent). */
  get(name: string): string;
  /** Sets response headers. */
  set(headers: Readonly<Record<string, string>>): void;
  /** Removes a response header. */
  remove(name: string): void;
  /** The application: a 5xx is emitted as its "error" event. */
  readonly app: { emit(event: string, ...args: unknown[]): boolean };
  /** Node's response: ended unfinished when its headers are out. */
  readonly res: { destroy(): unknown };
}

/**
 * Middleware: runs the rest, then answers a request nothing answered (status 404, no body)
 * with the catalog's 404, and anything thrown with the catalog's body, status and declared
 * headers (a 5xx with the catalog's message only, and emitted as the app's "error" event,
 * which Koa logs), the request's x-request-id sent back when the error has none. Once headers
 * are sent, the response is destroyed.
 */
export async function errorHandler(ctx: KoaContext, next: () => Promise<unknown>): Promise<void> {
  let thrown: unknown;
  try {
    await next();
    if (ctx.status !== 404 || ctx.body !== undefined) return;
    thrown = routeNotFound();
  } catch (error) {
    thrown = error;
  }
  const answer = errorAnswer(thrown, ctx.get("x-request-id") || undefined);
  if (answer.status >= 500) ctx.app.emit("error", answer.error, ctx);
  if (ctx.headerSent) {
    // No other status can be sent: the client sees a broken response rather than a whole one.
    ctx.res.destroy();
    return;
  }
  for (const name of STALE_HEADERS) ctx.remove(name);
  ctx.status = answer.status;
  ctx.set(answer.headers);
  ctx.body = answer.text;
}
