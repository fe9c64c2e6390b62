/**
 * A real HTTP round trip of the generated error classes: the committed `output/ts` is compiled with
 * tsc, a node:http server throws the generated error of each 4xx/5xx catalog status and sends
 * `toResponse()`, and a client reading the response with global fetch gets the same error back from
 * `errorFromResponse`: same class, fields, body and headers. A 5xx message stays on the server (the
 * body carries the catalog's), and a relay that rebuilds an upstream error re-sends it without the
 * upstream's connection and encoding headers.
 */
import { createServer, request, validateHeaderValue, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileTypeScript, importFile, OUTPUT, removeDir, seedCatalog, tempDir } from '../harness/helpers.js';

/** The generated module, typed by its TypeScript source (the compiled JS is emitted from the same files). */
type Generated = typeof import('../../output/ts/index.js');
type ApiError = import('../../output/ts/index.js').ApiError;
/** A status class called generically: its options type is `never` in ApiErrorClass, as some classes require headers (here the catalog's are always sent). */
type AnyErrorClass = new (errorMsg: string | undefined, options: Record<string, unknown>) => ApiError;

/** Every request and every wait is bounded: nothing here may hang the run. */
const FETCH_TIMEOUT_MS = 5_000;
const RETRY_AFTER = '120';
const GATEWAY_PAGE =
  '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n<body><h1>502 Bad Gateway</h1><hr>nginx</body></html>\n';

const errorStatuses = seedCatalog.statuses.filter((entry) => entry.status >= 400 && entry.status <= 599);
const headerSpecs = seedCatalog.headers ?? {};
const catalogMessage = (status: number): string | undefined => seedCatalog.statuses.find((entry) => entry.status === status)?.message;

/** What an upstream behind the relay answers: a gzip-encoded 503 with connection headers around the declared ones. */
const UPSTREAM_BODY = { error_code: `${seedCatalog.service}.0503`, error_msg: 'upstream: pool exhausted at db-7.internal:5432' };
const UPSTREAM_GZIP = gzipSync(JSON.stringify(UPSTREAM_BODY));
const UPSTREAM_HEADERS = {
  'content-type': 'application/json',
  'content-encoding': 'gzip',
  'content-length': String(UPSTREAM_GZIP.length),
  connection: 'keep-alive',
  // Not Node's own value (timeout=5), so that a replayed one shows.
  'keep-alive': 'timeout=77',
  'retry-after': '30',
  'x-request-id': 'req-upstream',
  'x-powered-by': 'upstream',
};

/** The value the server sends for a header the catalog lists on a status: 120 for Retry-After, else the catalog's example. */
function headerValue(name: string): string {
  if (name === 'Retry-After') return RETRY_AFTER;
  const example = headerSpecs[name]?.example;
  if (example === undefined) throw new Error(`catalog header ${name} has no example`);
  return String(example);
}

function headersFor(status: number): Record<string, string> {
  const entry = errorStatuses.find((candidate) => candidate.status === status);
  return Object.fromEntries((entry?.headers ?? []).map((name) => [name, headerValue(name)]));
}

/** Retryability the catalog gives a status, from its retry policy: the test's own reading, not the generated one. */
function expectedRetryable(status: number, hasRetryAfter: boolean): boolean {
  const retry = errorStatuses.find((candidate) => candidate.status === status)?.retry;
  return retry === 'anytime' || retry === 'retry-after' || (retry === 'if-retry-after' && hasRetryAfter);
}

const messageFor = (status: number): string => `round trip ${status}: "quoted", ünïcödé ✓`;
const codeFor = (status: number): string => `${seedCatalog.service}.${String(status).padStart(4, '0')}`;

let gen: Generated;
let server: Server;
let baseUrl: string;
let workDir: string | undefined;
/** What the server threw and sent, by status, for the client side to compare against. */
const thrown = new Map<number, ApiError>();
const sentBodies = new Map<number, string>();
/** The error the relay rebuilt from the upstream response, and the headers it read. */
let relayed: ApiError | undefined;
let upstreamHeaders: Headers | undefined;

/** Throws the generated error of a status, as a handler would: the server's catch sends it. */
function failWith(status: number): never {
  const ErrorClass = gen.errorClassFor(status);
  if (ErrorClass === undefined) throw new Error(`no generated error class for ${status}`);
  // headersFor sends every header the catalog lists on the status, the required ones among them.
  const error = new (ErrorClass as unknown as AnyErrorClass)(messageFor(status), {
    errorCode: codeFor(status),
    headers: headersFor(status),
  });
  thrown.set(status, error);
  throw error;
}

function handle(path: string): never {
  const match = /^\/status\/(\d{3})$/.exec(path);
  if (match?.[1] !== undefined) failWith(Number(match[1]));
  throw new Error(`no route for ${path}`);
}

function sendError(res: ServerResponse, error: ApiError): void {
  const response = error.toResponse();
  res.writeHead(response.status, response.headers);
  res.end(JSON.stringify(response.body));
}

/** Header values with what no header may hold, by route: a line break that would smuggle in a cookie, a bare LF, a NUL. */
const INJECTED: Readonly<Record<string, string>> = {
  crlf: '30\r\nSet-Cookie: session=stolen',
  lf: '30\nSet-Cookie: session=stolen',
  nul: '30\u0000',
};
/** What the handler of an injected header met: the error constructing it threw, and what sending threw. */
const refusedAtConstruction = new Map<string, unknown>();
const failedAtSend = new Map<string, unknown>();

/**
 * A handler that puts a header value it did not check into an error (a Retry-After computed
 * from upstream text, say), and the server's error handler: an error that is not an ApiError
 * becomes a 500 of its own. A failure of writeHead is caught and answered 599, so that the test
 * sees it rather than the process crashing.
 */
function sendInjected(res: ServerResponse, route: string): void {
  let error: ApiError;
  try {
    error = new gen.TooManyRequestsError(undefined, { headers: { 'Retry-After': INJECTED[route]! } });
  } catch (refused) {
    refusedAtConstruction.set(route, refused);
    error = new gen.InternalServerError(undefined, { cause: refused });
  }
  try {
    sendError(res, error);
  } catch (failure) {
    failedAtSend.set(route, failure);
    if (res.headersSent) res.destroy();
    else res.writeHead(599, { 'content-type': 'text/plain' }).end(`send failed: ${String(failure)}`);
  }
}

/** A relay (a backend-for-frontend): fetches the upstream, rebuilds its error, sends it on. `naive` forwards the upstream headers as they came, as a broken relay would. */
async function relay(res: ServerResponse, naive: boolean): Promise<void> {
  try {
    const upstream = await fetch(`${baseUrl}/upstream`, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    const text = await upstream.text();
    upstreamHeaders = upstream.headers;
    const error = gen.errorFromResponse(upstream.status, text, upstream.headers);
    if (naive) {
      // Everything but the length, which would make the client wait for bytes that never come.
      const forwarded = Object.fromEntries([...upstream.headers].filter(([name]) => name !== 'content-length'));
      res.writeHead(error.status, forwarded);
      res.end(JSON.stringify(error.toJSON()));
      return;
    }
    relayed = error;
    sendError(res, error);
  } catch (error) {
    res.writeHead(599, { 'content-type': 'text/plain' });
    res.end(`relay failed: ${String(error)}`);
  }
}

async function startServer(): Promise<void> {
  server = createServer((req, res) => {
    if (req.url === '/upstream') {
      res.writeHead(503, UPSTREAM_HEADERS);
      res.end(UPSTREAM_GZIP);
      return;
    }
    if (req.url === '/relay' || req.url === '/naive-relay') {
      void relay(res, req.url === '/naive-relay');
      return;
    }
    const injected = /^\/injected\/(\w+)$/.exec(req.url ?? '')?.[1];
    if (injected !== undefined && Object.hasOwn(INJECTED, injected)) {
      sendInjected(res, injected);
      return;
    }
    if (req.url === '/gateway') {
      // What a proxy in front of the service sends: no JSON, no error_code.
      res.writeHead(502, { 'content-type': 'text/html; charset=utf-8' });
      res.end(GATEWAY_PAGE);
      return;
    }
    try {
      handle(req.url ?? '');
    } catch (error) {
      if (error instanceof gen.ApiError) {
        sentBodies.set(error.status, JSON.stringify(error.toJSON()));
        sendError(res, error);
      } else {
        res.writeHead(599, { 'content-type': 'text/plain' });
        res.end(`unexpected: ${String(error)}`);
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  baseUrl = `http://${address}:${port}`;
}

/** A GET with node:http, for what fetch will not hand over (407); headers as Node's IncomingHttpHeaders. */
function nodeGet(path: string): Promise<{ status: number; headers: IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${path}`, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  workDir = tempDir('status-catalog-http-');
  const outDir = join(workDir, 'js');
  const compiled = compileTypeScript(join(OUTPUT, 'ts'), outDir);
  expect(compiled.status, `tsc failed:\n${compiled.stdout}${compiled.stderr}`).toBe(0);
  gen = await importFile<Generated>(join(outDir, 'index.js'));
  await startServer();
}, 90_000);

afterAll(async () => {
  if (server !== undefined) {
    server.closeAllConnections();
    await Promise.race([
      new Promise<void>((resolve) => server.close(() => resolve())),
      new Promise<void>((resolve) => setTimeout(resolve, 5_000).unref()),
    ]);
  }
  if (workDir !== undefined) removeDir(workDir);
});

/** Checks the error a client rebuilt against the one the server threw, field by field. */
function expectSameError(received: ApiError, status: number, sentText: string, headerLookup: (name: string) => string | null): void {
  const ErrorClass = gen.errorClassFor(status);
  const original = thrown.get(status);
  expect(ErrorClass).toBeDefined();
  expect(original).toBeDefined();
  if (ErrorClass === undefined || original === undefined) return;

  expect(received).toBeInstanceOf(ErrorClass);
  expect(received.constructor).toBe(ErrorClass);
  expect(received).toBeInstanceOf(status < 500 ? gen.ClientError : gen.ServerError);
  expect(received).not.toBe(original);
  expect(received.status).toBe(status);
  expect(received.status).toBe(original.status);
  expect(received.errorCode).toBe(codeFor(status));
  expect(received.errorCode).toBe(original.errorCode);
  expect(received.errorCode).toMatch(gen.ERROR_CODE_PATTERN!);
  expect(received.errorCode).toMatch(new RegExp(seedCatalog.errorBody.codePattern!, 'u'));
  // A 4xx sends the message it was given; a 5xx keeps it for the server's logs and sends the catalog's.
  const wireMessage = status < 500 ? messageFor(status) : catalogMessage(status);
  expect(original.message).toBe(messageFor(status));
  expect(original.errorMsg).toBe(wireMessage);
  expect(received.errorMsg).toBe(wireMessage);
  expect(received.errorMsg).toBe(original.errorMsg);
  expect(received.message).toBe(wireMessage);
  expect(sentText.includes('round trip')).toBe(status < 500);
  expect(received.name).toBe(ErrorClass.name);
  expect(received.name).toBe((ErrorClass as unknown as { errorName: string }).errorName);
  expect(received.name).toBe(original.name);
  expect(received.expose).toBe(status < 500);
  // The body on the wire is exactly the server's toJSON(), and the rebuilt error serializes back to it.
  expect(sentText).toBe(sentBodies.get(status));
  expect(JSON.parse(sentText)).toEqual(original.toJSON());
  expect(received.toJSON()).toEqual(original.toJSON());
  expect(JSON.stringify(received)).toBe(sentText);
  expect(headerLookup('content-type')).toBe('application/json');

  // Every header the catalog lists for the status arrived and is on the error, lower-cased...
  for (const [name, value] of Object.entries(headersFor(status))) {
    expect(headerLookup(name), `${name} header`).toBe(value);
    expect(received.headers[name.toLowerCase()], `${name} on the error`).toBe(value);
  }
  // ...and nothing else of the response (content-type, content-length, date, keep-alive, connection).
  const listed = Object.fromEntries(Object.entries(headersFor(status)).map(([name, value]) => [name.toLowerCase(), value]));
  expect(received.headers).toEqual(listed);
  expect(headerLookup('date')).not.toBeNull();
  expect(received.headers['date']).toBeUndefined();
  // Sent on, the rebuilt error is the same response the server sent.
  expect(received.toResponse()).toEqual(original.toResponse());
  const hasRetryAfter = headerLookup('retry-after') !== null;
  expect(hasRetryAfter).toBe('Retry-After' in headersFor(status));
  expect(received.retryAfter).toBe(hasRetryAfter ? Number(RETRY_AFTER) : undefined);
  expect(received.retryable).toBe(expectedRetryable(status, hasRetryAfter));
  expect(received.retryable).toBe(original.retryable);
}

describe('HTTP round trip of the generated errors', () => {
  it('covers the catalog: every 4xx/5xx status has a class, and some send Retry-After', () => {
    expect(errorStatuses.length).toBeGreaterThan(0);
    for (const { status } of errorStatuses) expect(gen.errorClassFor(status), String(status)).toBeDefined();
    const withRetryAfter = errorStatuses.filter((entry) => entry.headers?.includes('Retry-After')).map((e) => e.status);
    expect(withRetryAfter).toEqual(expect.arrayContaining([413, 429]));
  });

  // 407 is left out of the fetch loop: fetch (undici) turns a 407 into a network error. It has its own cases below.
  const viaFetch = errorStatuses.filter((entry) => entry.status !== 407);

  it.each(viaFetch.map((entry) => [entry.status, entry.name] as const))(
    '%i %s: thrown on the server, rebuilt by errorFromResponse from fetch',
    async (status) => {
      const res = await fetch(`${baseUrl}/status/${status}`, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      const text = await res.text();
      expect(res.status).toBe(status);
      const received = gen.errorFromResponse(res.status, text, res.headers);
      expectSameError(received, status, text, (name) => res.headers.get(name));
    },
    15_000,
  );

  it('407: fetch refuses the response (undici has no proxy authentication), node:http gets it round', async () => {
    if (!errorStatuses.some((entry) => entry.status === 407)) return;
    await expect(fetch(`${baseUrl}/status/407`, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) })).rejects.toThrow(
      new TypeError('fetch failed'),
    );

    const res = await nodeGet('/status/407');
    expect(res.status).toBe(407);
    const received = gen.errorFromResponse(res.status, res.text, res.headers);
    expectSameError(received, 407, res.text, (name) => {
      const value = res.headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    });
  }, 15_000);

  it('retry-after arrives for 413 and 429 and makes them retryable', async () => {
    for (const status of [413, 429]) {
      const res = await fetch(`${baseUrl}/status/${status}`, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      expect(res.headers.get('retry-after')).toBe(RETRY_AFTER);
      const received = gen.errorFromResponse(res.status, await res.text(), res.headers);
      expect(received.retryAfter).toBe(120);
      expect(received.retryable).toBe(true);
    }
  }, 15_000);

  it('a non-JSON 502 page from a gateway becomes a BadGatewayError with the catalog message and no error code', async () => {
    const res = await fetch(`${baseUrl}/gateway`, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    const text = await res.text();
    expect(res.status).toBe(502);
    expect(text).toBe(GATEWAY_PAGE);
    const received = gen.errorFromResponse(res.status, text, res.headers);
    const catalogEntry = seedCatalog.statuses.find((entry) => entry.status === 502);
    expect(catalogEntry).toBeDefined();
    expect(received).toBeInstanceOf(gen.BadGatewayError);
    expect(received.constructor).toBe(gen.BadGatewayError);
    expect(received).toBeInstanceOf(gen.ServerError);
    expect(received.name).toBe('BadGatewayError');
    expect(received.status).toBe(502);
    expect(received.errorMsg).toBe(catalogEntry?.message);
    expect(received.errorMsg).toBe(gen.getStatusMessage(502));
    // The gateway sent no code: the default code is the server's, for errors it raises.
    expect(received.errorCode).toBeUndefined();
    expect(new gen.BadGatewayError().errorCode).toBe(seedCatalog.errorBody.defaultCode);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(received.headers).toEqual({});
    expect(received.retryAfter).toBeUndefined();
    expect(received.retryable).toBe(false);
    // Re-sent, it is a valid body: the default code fills the gap on the wire, not on errorCode.
    const body = { error_code: seedCatalog.errorBody.defaultCode, error_msg: catalogEntry?.message };
    expect(received.toJSON()).toEqual(body);
    expect(received.toResponse()).toEqual({ status: 502, headers: { 'content-type': 'application/json' }, body });
  }, 15_000);

  it('a relay re-sends an upstream gzip 503 without its connection and encoding headers, and with the catalog message', async () => {
    const res = await fetch(`${baseUrl}/relay`, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    const text = await res.text();
    expect(res.status, text).toBe(503);
    // What the relay got from the upstream: gzip, a length, keep-alive, a date, and the declared Retry-After.
    expect(upstreamHeaders?.get('content-encoding')).toBe('gzip');
    expect(upstreamHeaders?.get('content-length')).toBe(String(UPSTREAM_GZIP.length));
    expect(upstreamHeaders?.get('keep-alive')).toBe('timeout=77');
    expect(upstreamHeaders?.get('date')).not.toBeNull();
    // What it rebuilt: the upstream message for its logs, only the declared header and the request id.
    expect(relayed).toBeInstanceOf(gen.ServiceUnavailableError);
    expect(relayed?.message).toBe(UPSTREAM_BODY.error_msg);
    expect(relayed?.errorMsg).toBe(catalogMessage(503));
    expect(relayed?.headers).toEqual({ 'retry-after': '30', 'x-request-id': 'req-upstream' });
    expect(relayed?.toResponse().headers).toEqual({
      'retry-after': '30',
      'x-request-id': 'req-upstream',
      'content-type': 'application/json',
    });
    // What the client got: plain JSON it can read, the catalog message, none of the upstream's connection headers.
    expect(JSON.parse(text)).toEqual({ error_code: UPSTREAM_BODY.error_code, error_msg: catalogMessage(503) });
    expect(text).not.toContain('db-7');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('keep-alive') ?? '').not.toContain('77');
    expect(res.headers.get('x-powered-by')).toBeNull();
    // Node sends this body chunked; a length, if any, is the JSON's, never the upstream's gzip length.
    expect([null, String(Buffer.byteLength(text))]).toContain(res.headers.get('content-length'));
    expect(res.headers.get('retry-after')).toBe('30');
    expect(res.headers.get('x-request-id')).toBe('req-upstream');
    expect(res.headers.get('content-type')).toBe('application/json');
    const received = gen.errorFromResponse(res.status, text, res.headers);
    expect(received.constructor).toBe(gen.ServiceUnavailableError);
    expect(received.errorCode).toBe(UPSTREAM_BODY.error_code);
    expect(received.requestId).toBe('req-upstream');
    expect(received.retryAfter).toBe(30);
  }, 15_000);

  it.each(Object.keys(INJECTED))(
    'a header value with %s is refused when the error is made, naming the header, never at writeHead; the client gets a clean 500',
    async (route) => {
      const value = INJECTED[route]!;
      // Control: Node's writeHead refuses such a value, which is what broke the send before.
      expect(() => validateHeaderValue('retry-after', value)).toThrow(expect.objectContaining({ code: 'ERR_INVALID_CHAR' }));
      const res = await fetch(`${baseUrl}/injected/${route}`, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      const text = await res.text();
      expect(failedAtSend.get(route), 'nothing threw at send time').toBeUndefined();
      const refused = refusedAtConstruction.get(route);
      expect(refused).toBeInstanceOf(TypeError);
      expect((refused as Error).message).toMatch(/^Invalid value for header "Retry-After": U\+00(0D|0A|00) at index 2;/);
      expect(res.status, text).toBe(500);
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(res.headers.get('retry-after')).toBeNull();
      expect(JSON.parse(text)).toEqual({ error_code: seedCatalog.errorBody.defaultCode, error_msg: catalogMessage(500) });
    },
    15_000,
  );

  it('control: a relay that forwards the upstream headers as they came breaks the client', async () => {
    const res = await fetch(`${baseUrl}/naive-relay`, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    expect(res.status).toBe(503);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    await expect(res.text()).rejects.toThrow();
  }, 15_000);
});
