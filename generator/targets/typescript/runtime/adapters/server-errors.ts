/**
 * What the server adapters (adapters/*.ts) share: the answer to anything a handler throws (the
 * wire form of toApiError, with the request's id echoed), written to a Node response or made a
 * fetch Response. The entry point does not re-export it.
 */
import { ClientError, type ApiError, type FetchResponse } from "../api-error.js";
import { errorClassFor } from "../errors.js";
import { REQUEST_ID_HEADER } from "../headers.js";
import { toApiError } from "../to-api-error.js";

// Globals of every server runtime, declared here for programs whose types have none (lib
// ES2022 alone): a declaration in a module shadows nothing outside it, and compiles to nothing.
declare const console: { error(...data: unknown[]): void };
declare const Response: new (
  body: string,
  init: { readonly status: number; readonly headers: Readonly<Record<string, string>> },
) => FetchResponse;

// The rule ApiError applies to a request id it sends as a header: visible ASCII (spaces and
// tabs inside), at most 256 characters; anything else from a client is not sent back.
const HEADER_SAFE = /^[\x21-\x7e](?:[\t\x20-\x7e]{0,254}[\x21-\x7e])?$/;

/**
 * Headers a handler may have set before it threw that describe a body other than the error's:
 * removed before the error is written, as Express's own final handler does.
 */
export const STALE_HEADERS: readonly string[] = [
  "content-encoding",
  "content-language",
  "content-length",
  "content-range",
];

/** What a server answers to an error. */
export interface ErrorAnswer {
  /** The error answered with (toApiError of what was thrown): for logs. */
  readonly error: ApiError;
  /** HTTP status. */
  readonly status: number;
  /** Response headers: content-type, the declared headers, x-request-id. */
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON body as text. */
  readonly text: string;
}

/**
 * The answer to anything thrown: toApiError's error as toResponse() has it, with `requestId`
 * (the request's x-request-id) sent back as x-request-id when the error has no request id of
 * its own and the value is one a header can hold; any other value is not sent back.
 */
export function errorAnswer(thrown: unknown, requestId?: unknown): ErrorAnswer {
  const error = toApiError(thrown);
  const response = error.toResponse();
  let headers = response.headers;
  if (
    error.requestId === undefined &&
    typeof requestId === "string" &&
    HEADER_SAFE.test(requestId)
  ) {
    // Names sorted, content-type last, as toResponse() gives them.
    const sent: Record<string, string> = { ...headers, [REQUEST_ID_HEADER]: requestId };
    delete sent["content-type"];
    const sorted: Record<string, string> = {};
    for (const name of Object.keys(sent).sort()) sorted[name] = sent[name]!;
    sorted["content-type"] = headers["content-type"]!;
    headers = sorted;
  }
  return { error, status: response.status, headers, text: JSON.stringify(response.body) };
}

/** The error for a request no route matched: the catalog's 404 class, else a ClientError of 404. */
export function routeNotFound(): ApiError {
  const NotFound = errorClassFor(404) as (new () => ApiError) | undefined;
  return NotFound === undefined ? new ClientError(404) : new NotFound();
}

/** Logs a 5xx error (its cause, the original, with it), as the frameworks' own default handlers do; a 4xx is the client's. */
export function logServerError(error: ApiError): void {
  if (error.status >= 500) console.error(error);
}

/** What the adapters use of Node's ServerResponse (Express's and Koa's `res` are ones). */
export interface NodeResponse {
  /** Whether the status and headers are out: then no other status can be sent. */
  readonly headersSent: boolean;
  /** Removes a header set before (one describing another body). */
  removeHeader(name: string): void;
  /** Writes the status and the headers. */
  writeHead(status: number, headers: Readonly<Record<string, string>>): unknown;
  /** Writes the body and ends the response. */
  end(body: string): unknown;
  /** Ends the response unfinished. */
  destroy(): unknown;
}

/**
 * Writes an answer to a Node response. Once headers are sent no other status can be: the
 * response is destroyed, so that the client sees a broken response rather than a whole one.
 */
export function writeToNode(res: NodeResponse, answer: ErrorAnswer): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  for (const name of STALE_HEADERS) res.removeHeader(name);
  res.writeHead(answer.status, answer.headers);
  res.end(answer.text);
}

/** An answer as a fetch Response. */
export function toFetchResponse(answer: ErrorAnswer): FetchResponse {
  return new Response(answer.text, { status: answer.status, headers: answer.headers });
}

/** What the adapters use of Fastify's reply (Fastify's own, and NestJS's on its Fastify platform). */
export interface FastifyReply {
  /** Whether the reply was sent. */
  readonly sent: boolean;
  /** Node's response under it: whether its headers are out, and how to end it unfinished. */
  readonly raw: { readonly headersSent: boolean; destroy(): unknown };
  /** Sets the status. */
  code(status: number): unknown;
  /** Removes a header set before (one describing another body). */
  removeHeader(name: string): unknown;
  /** Sets headers. */
  headers(values: Readonly<Record<string, string>>): unknown;
  /** Sets how this reply's payload is serialized. */
  serializer(serialize: (payload: string) => string): unknown;
  /** Sends the payload. */
  send(payload: string): unknown;
}

/**
 * Sends an answer with a Fastify reply. A reply already sent is left alone (Fastify warns of
 * it); one whose headers are out is destroyed, as Fastify does.
 */
export function writeToFastify(reply: FastifyReply, answer: ErrorAnswer): void {
  if (reply.sent) return;
  if (reply.raw.headersSent) {
    reply.raw.destroy();
    return;
  }
  for (const name of STALE_HEADERS) reply.removeHeader(name);
  reply.code(answer.status);
  reply.headers(answer.headers);
  // The body is JSON text already; through a serializer of its own, Fastify sends it as it is,
  // under the catalog's media type (it would add a charset to a JSON type, which has none).
  reply.serializer((text) => text);
  reply.send(answer.text);
}
