/**
 * The generated TypeScript on the client side, as its users run it: two catalogs generated with
 * the real CLI with the axios and openapi-fetch adapters (test/fixtures/catalogs/quota.yaml, an
 * OpenAI-like catalog whose 429 has a code that must not be retried, and Slack's, whose errors
 * come with 200), compiled by tsc under the strict options with no library types (the adapters
 * compile without their libraries) and imported. A node:http server on 127.0.0.1 answers the
 * catalogs' errors (404, 429 with Retry-After, 500, a proxy's HTML 502, an empty 401, a 2xx error
 * body) and a success; real fetch (through errorFromFetch), axios (through the interceptor),
 * openapi-fetch (through the middleware) and ky (through the README's hook) read each into the
 * class the catalog says. A refused connection, an abort and a timeout become a ConnectionError in
 * each client; withRetry runs against the same server.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import axios from 'axios';
import ky from 'ky';
import createClient from 'openapi-fetch';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogFile, RetryPolicy } from '../../generator/catalog/types.js';
import { compileTypeScript, importFile, removeDir, ROOT, tempDir, writeFile } from '../harness/helpers.js';
import { generateCatalog, importGenerated } from '../harness/cases.js';

/** The runtime's exports, typed by the committed output (the same runtime for every catalog). */
type Generated = typeof import('../../output/ts/index.js');
type ApiError = InstanceType<Generated['ApiError']>;
type ConnectionError = InstanceType<Generated['ConnectionError']>;
/** The adapters, typed by their sources: calling them below type-checks them against the real axios and openapi-fetch types. */
type AxiosAdapter = typeof import('../../generator/targets/typescript/runtime/adapters/axios.js');
type OpenApiFetchAdapter = typeof import('../../generator/targets/typescript/runtime/adapters/openapi-fetch.js');

/** A generated catalog, compiled and imported, with its adapters. */
interface Copy {
  readonly name: string;
  readonly gen: Generated;
  readonly axios: AxiosAdapter;
  readonly openapiFetch: OpenApiFetchAdapter;
  readonly catalog: CatalogFile;
  /** Its TypeScript folder, for a second copy. */
  readonly tsDir: string;
}

const QUOTA_CATALOG = join(ROOT, 'test', 'fixtures', 'catalogs', 'quota.yaml');
const SLACK_CATALOG = join(ROOT, 'test', 'fixtures', 'public', 'slack.yaml');
/** Every request and every wait is bounded: nothing here may hang the run. */
const REQUEST_TIMEOUT_MS = 5_000;

// ---------------------------------------------------------------------------------------------
// What the server answers, by case name (GET /cases/<name>).

interface Answer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** A JSON body, or raw text. */
  readonly body?: unknown;
}

const openAiError = (code: string, message: string, type = 'invalid_request_error'): unknown => ({
  error: { message, type, param: null, code },
});
const NGINX_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body><center><h1>502 Bad Gateway</h1></center></body>\r\n</html>\r\n';

/** The answers of the quota catalog's cases, and what each must read as: a code (or none), or no error. */
const QUOTA_CASES: Readonly<Record<string, Answer & { readonly code?: string; readonly success?: true }>> = {
  'model-not-found': { status: 404, body: openAiError('model_not_found', 'The model gpt-9 does not exist.'), code: 'model_not_found' },
  'rate-limited': {
    status: 429,
    headers: { 'retry-after': '1' },
    body: openAiError('rate_limit_exceeded', 'Rate limit reached for requests.', 'requests'),
    code: 'rate_limit_exceeded',
  },
  // A Retry-After too, which must not make it retryable: the code says modify.
  'quota-exhausted': {
    status: 429,
    headers: { 'retry-after': '20' },
    body: openAiError('insufficient_quota', 'You exceeded your current quota.', 'insufficient_quota'),
    code: 'insufficient_quota',
  },
  'server-error': {
    status: 500,
    body: openAiError('server_error', 'db password=hunter2 at 10.0.0.7', 'server_error'),
    code: 'server_error',
  },
  'proxy-502': { status: 502, headers: { 'content-type': 'text/html' }, body: NGINX_502 },
  'overloaded-503': { status: 503, headers: { 'content-type': 'text/plain', 'retry-after': '3' }, body: 'The engine is overloaded.' },
  'empty-401': { status: 401 },
  ok: { status: 200, body: { id: 7 }, success: true },
};

/** Slack's: errors answered with 200 (told by {"ok": false}), a 429, and a success. */
const SLACK_CASES: typeof QUOTA_CASES = {
  'slack-channel-not-found': { status: 200, body: { ok: false, error: 'channel_not_found' }, code: 'channel_not_found' },
  'slack-ratelimited': { status: 429, headers: { 'retry-after': '30' }, body: { ok: false, error: 'ratelimited' }, code: 'ratelimited' },
  'slack-ok': { status: 200, body: { ok: true, channel: 'C1' }, success: true },
};

const ANSWERS = { ...QUOTA_CASES, ...SLACK_CASES };

/** Requests per key of /flaky/<key>/<failures>/<name>: the first <failures> get <name>'s answer, the rest a 200. */
const hits = new Map<string, number[]>();
const sockets = new Set<Socket>();
let server: Server;
let base: string;
let refusedBase: string;
let dir: string;
const copies: Record<'quota' | 'slack', Copy> = {} as never;

function send(res: ServerResponse, answer: Answer): void {
  const json = typeof answer.body !== 'string' && answer.body !== undefined;
  res.writeHead(answer.status, { ...(json ? { 'content-type': 'application/json' } : {}), ...answer.headers });
  res.end(answer.body === undefined ? undefined : json ? JSON.stringify(answer.body) : answer.body);
}

function route(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const cases = /^\/cases\/([\w-]+)$/.exec(path);
  if (cases !== null && ANSWERS[cases[1]!] !== undefined) return send(res, ANSWERS[cases[1]!]!);
  // Never answers: for aborts and timeouts (the socket is destroyed in afterAll).
  if (path === '/hang') return;
  const flaky = /^\/flaky\/([\w-]+)\/(\d+)\/([\w-]+)$/.exec(path);
  if (flaky !== null) {
    const [, key, failures, name] = flaky;
    const times = hits.get(key!) ?? [];
    times.push(performance.now());
    hits.set(key!, times);
    return send(res, times.length <= Number(failures) ? ANSWERS[name!]! : { status: 200, body: { id: 7, attempt: times.length } });
  }
  send(res, { status: 500, body: 'no such route' });
}

/** The catalog's own reading of retryability: the code's guidance under its status, else the status's (not the generated code's). */
function expectedRetryable(catalog: CatalogFile, status: number, code: string | undefined, hasRetryAfter: boolean): boolean {
  const own = catalog.errors?.find((e) => String(e.code) === code && e.status === status)?.retry;
  const retry: RetryPolicy | undefined = own ?? catalog.statuses?.find((s) => s.status === status)?.retry;
  return retry === 'anytime' || retry === 'retry-after' || (retry === 'if-retry-after' && hasRetryAfter);
}

/** The class an answer must read as: its code's class under its status, else its status's, else its range's. */
function expectedClass(gen: Generated, status: number, code: string | undefined): unknown {
  const ofCode = code === undefined ? undefined : gen.errorClassForCode(code, status);
  return ofCode ?? gen.errorClassFor(status) ?? (status >= 500 ? gen.ServerError : gen.ClientError);
}

async function compiledCopy(name: string, catalogPath: string): Promise<Copy> {
  const tsDir = await generateCatalog(catalogPath, join(dir, name));
  const out = join(dir, `${name}-js`);
  const result = compileTypeScript(tsDir, out);
  expect(result.stdout + result.stderr).toBe('');
  expect(result.status).toBe(0);
  return {
    name,
    gen: await importFile<Generated>(join(out, 'index.js')),
    axios: await importFile<AxiosAdapter>(join(out, 'adapters', 'axios.js')),
    openapiFetch: await importFile<OpenApiFetchAdapter>(join(out, 'adapters', 'openapi-fetch.js')),
    catalog: parse(readFileSync(catalogPath, 'utf8')) as CatalogFile,
    tsDir,
  };
}

beforeAll(async () => {
  dir = tempDir('status-catalog-clients-');
  // Slack's public fixture as it is, with the adapters.
  const slack = writeFile(
    join(dir, 'slack-clients.yaml'),
    `extends: ${JSON.stringify(SLACK_CATALOG)}\ntypescript:\n  adapters: [axios, openapi-fetch]\n`,
  );
  const [quota, slackCopy] = await Promise.all([compiledCopy('quota', QUOTA_CATALOG), compiledCopy('slack', slack)]);
  copies.quota = quota;
  // Its errors and statuses are the base's: read from there.
  copies.slack = { ...slackCopy, catalog: parse(readFileSync(SLACK_CATALOG, 'utf8')) as CatalogFile };

  server = createServer(route);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port that refuses: listened on, then closed.
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  refusedBase = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())));
  removeDir(dir);
});

// ---------------------------------------------------------------------------------------------
// The clients, each as the README shows it: a call resolves to the body, or rejects with the error.

/** A path on the server. */
interface Call {
  readonly path: string;
  readonly signal?: AbortSignal;
  /** The server to call: the refusing one for a refused connection. */
  readonly base?: string;
}

type Client = (copy: Copy, call: Call) => Promise<unknown>;

/** openapi-fetch needs the paths of its OpenAPI document: one, with the case name as its parameter. */
interface Paths {
  '/cases/{name}': {
    get: {
      parameters: { path: { name: string } };
      responses: { 200: { content: { 'application/json': { id: number } } } };
    };
  };
  '/hang': { get: { responses: { 200: { content: { 'application/json': { id: number } } } } } };
}

const CLIENTS: Readonly<Record<string, Client>> = {
  fetch: async ({ gen }, { path, signal, base: at = base }) => {
    const pending = fetch(at + path, { signal: signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const error = await gen.errorFromFetch(pending, signal === undefined ? {} : { signal });
    if (error) throw error;
    return (await pending).json();
  },
  axios: async (copy, { path, signal, base: at = base }) => {
    const api = axios.create({ baseURL: at, timeout: REQUEST_TIMEOUT_MS });
    copy.axios.installErrorInterceptor(api);
    return (await api.get(path, signal === undefined ? {} : { signal })).data as unknown;
  },
  'openapi-fetch': async (copy, { path, signal, base: at = base }) => {
    const client = createClient<Paths>({ baseUrl: at });
    client.use(copy.openapiFetch.errorMiddleware);
    const init = { signal: signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS) };
    const name = /^\/cases\/(.+)$/.exec(path)?.[1];
    const { data } =
      name === undefined ? await client.GET('/hang', init) : await client.GET('/cases/{name}', { ...init, params: { path: { name } } });
    return data;
  },
  // The README's hook: error responses through errorFromFetch, no-response failures through connectionErrorFrom.
  ky: async ({ gen }, { path, signal, base: at = base }) => {
    const api = ky.create({
      prefixUrl: at,
      timeout: REQUEST_TIMEOUT_MS,
      retry: 0,
      hooks: {
        afterResponse: [
          async (_request, _options, response) => {
            const error = await gen.errorFromFetch(response);
            if (error) throw error;
          },
        ],
      },
    });
    return api
      .get(path.slice(1), signal === undefined ? {} : { signal })
      .json()
      .catch((error: unknown) => {
        throw gen.isApiError(error) ? error : gen.connectionErrorFrom(error);
      });
  },
};

const outcome = (promise: Promise<unknown>): Promise<{ data?: unknown; error?: unknown }> =>
  promise.then(
    (data) => ({ data }),
    (error: unknown) => ({ error }),
  );

describe('errors read by each client, for each catalog', () => {
  const catalogs = [
    ['quota', QUOTA_CASES],
    ['slack', SLACK_CASES],
  ] as const;
  for (const [catalogName, cases] of catalogs) {
    for (const clientName of Object.keys(CLIENTS)) {
      for (const [name, answer] of Object.entries(cases)) {
        const says = answer.success ? 'no error' : `${answer.status}${answer.code === undefined ? '' : ` ${answer.code}`}`;
        it(`${catalogName}, ${clientName}: ${name} → ${says}`, async () => {
          const copy = copies[catalogName];
          const { gen } = copy;
          const { data, error } = await outcome(CLIENTS[clientName]!(copy, { path: `/cases/${name}` }));
          if (answer.success) {
            expect(error).toBeUndefined();
            expect(data).toEqual(answer.body);
            return;
          }
          expect(data).toBeUndefined();
          const Expected = expectedClass(gen, answer.status, answer.code);
          const apiError = error as ApiError;
          expect(apiError.constructor).toBe(Expected);
          expect(apiError).toBeInstanceOf(gen.ApiError);
          expect(apiError.status).toBe(answer.status);
          expect(apiError.errorCode).toBe(answer.code);
          const retryAfter = answer.headers?.['retry-after'];
          expect(apiError.retryAfter).toBe(retryAfter === undefined ? undefined : Number(retryAfter));
          expect(apiError.retryable).toBe(expectedRetryable(copy.catalog, answer.status, answer.code, retryAfter !== undefined));
          // The message of a JSON body; a 5xx keeps it for logs, and never sends it on.
          const body = answer.body as { error?: { message?: string } } | undefined;
          if (typeof body?.error?.message === 'string') expect(apiError.message).toBe(body.error.message);
          if (answer.status >= 500) expect(JSON.stringify(apiError.toJSON())).not.toContain('hunter2');
        });
      }
    }
  }

  it('the cases cover what they say: a per-code override, a 2xx error body, text, HTML and empty bodies', () => {
    const { gen } = copies.quota;
    // The override is real: same status, same Retry-After presence, opposite answers.
    expect(expectedRetryable(copies.quota.catalog, 429, 'insufficient_quota', true)).toBe(false);
    expect(expectedRetryable(copies.quota.catalog, 429, 'rate_limit_exceeded', true)).toBe(true);
    expect(gen.isRetryable(429, true, 'insufficient_quota')).toBe(false);
    expect(Object.values(SLACK_CASES).some((a) => a.status === 200 && !a.success)).toBe(true);
    expect(Object.values(QUOTA_CASES).map((a) => typeof a.body)).toEqual(expect.arrayContaining(['object', 'string', 'undefined']));
  });
});

describe('no response: a ConnectionError in each client', () => {
  const failures: [string, () => Call, 'network' | 'abort' | 'timeout'][] = [
    ['a refused connection', () => ({ path: '/cases/ok', base: refusedBase }), 'network'],
    [
      'an abort (AbortController, once the request is sent)',
      () => {
        const controller = new AbortController();
        setTimeout(() => controller.abort(), 30);
        return { path: '/hang', signal: controller.signal };
      },
      'abort',
    ],
    ['a timeout (AbortSignal.timeout)', () => ({ path: '/hang', signal: AbortSignal.timeout(50) }), 'timeout'],
  ];
  for (const clientName of Object.keys(CLIENTS)) {
    for (const [name, call, failure] of failures) {
      it(`${clientName}: ${name} → ConnectionError (${failure})`, async () => {
        const copy = copies.quota;
        const { data, error } = await outcome(CLIENTS[clientName]!(copy, call()));
        expect(data).toBeUndefined();
        expect(error).toBeInstanceOf(copy.gen.ConnectionError);
        expect(error).toBeInstanceOf(copy.gen.ServerError);
        expect(copy.gen.isApiError(error)).toBe(true);
        const connection = error as ConnectionError;
        expect(connection.failure).toBe(failure);
        expect(connection.retryable).toBe(failure !== 'abort');
        expect(connection.status).toBe(failure === 'timeout' ? 504 : 502);
        expect(connection.cause).toBeDefined();
      });
    }
  }

  it("axios' own timeout option and ky's own are timeouts too", async () => {
    const { gen, axios: adapter } = copies.quota;
    const api = axios.create({ baseURL: base, timeout: 50 });
    adapter.installErrorInterceptor(api);
    const fromAxios = await api.get('/hang').catch((e: unknown) => e);
    expect((fromAxios as ConnectionError).failure).toBe('timeout');
    expect((fromAxios as ConnectionError).cause).toBeInstanceOf(axios.AxiosError);
    const fromKy = await ky
      .get(`${base}/hang`, { timeout: 50, retry: 0 })
      .catch((e: unknown) => (gen.isApiError(e) ? e : gen.connectionErrorFrom(e)));
    expect(fromKy).toBeInstanceOf(gen.ConnectionError);
    expect((fromKy as ConnectionError).failure).toBe('timeout');
  });

  it('holds across copies of one catalog, and not across catalogs', async () => {
    const compiled = copies.quota.gen;
    // A second copy of the same output: its TypeScript, imported apart from the compiled one.
    const second = await importGenerated<Generated>(copies.quota.tsDir);
    const error = compiled.connectionErrorFrom(new TypeError('fetch failed'));
    expect(second.ConnectionError).not.toBe(compiled.ConnectionError);
    expect(error).toBeInstanceOf(second.ConnectionError);
    expect(error).toBeInstanceOf(second.ServerError);
    expect(second.isApiError(error, 502)).toBe(true);
    expect(new second.ServerError(502)).not.toBeInstanceOf(compiled.ConnectionError);
    // Another catalog's copy recognises none of it.
    expect(error).not.toBeInstanceOf(copies.slack.gen.ConnectionError);
    expect(copies.slack.gen.isApiError(error)).toBe(false);
  });
});

describe('withRetry against the server', () => {
  /** A fetch attempt as the README shows it. */
  const attempt =
    (gen: Generated, path: string) =>
    async ({ signal }: { signal?: unknown }): Promise<unknown> => {
      const pending = fetch(base + path, { signal: (signal as AbortSignal | undefined) ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      const error = await gen.errorFromFetch(pending, signal === undefined ? {} : { signal: signal as AbortSignal });
      if (error) throw error;
      return (await pending).json();
    };
  /** Waits recorded, not waited. */
  const recorded = (): { waits: number[]; sleep: (ms: number) => Promise<void> } => {
    const waits: number[] = [];
    return { waits, sleep: (ms) => (waits.push(ms), Promise.resolve()) };
  };

  it('a server that fails twice (500, retry anytime), then answers: three attempts, the answer', async () => {
    const { gen } = copies.quota;
    const { waits, sleep } = recorded();
    const result = await gen.withRetry(attempt(gen, '/flaky/twice/2/server-error'), { sleep, random: () => 0.5 });
    expect(result).toEqual({ id: 7, attempt: 3 });
    expect(hits.get('twice')).toHaveLength(3);
    expect(waits).toEqual([250, 500]);
  });

  it('honours Retry-After: waits its second (the real timer), then answers', async () => {
    const { gen } = copies.quota;
    const delays: number[] = [];
    const result = await gen.withRetry(attempt(gen, '/flaky/rate/1/rate-limited'), { onRetry: ({ delayMs }) => delays.push(delayMs) });
    expect(result).toEqual({ id: 7, attempt: 2 });
    expect(delays).toEqual([1000]);
    const [first, second] = hits.get('rate')!;
    // A lower bound only: the second request came no sooner than Retry-After said.
    expect(second! - first!).toBeGreaterThanOrEqual(990);
  });

  it('stops on a code whose own guidance is modify (429 insufficient_quota, Retry-After or not)', async () => {
    const { gen } = copies.quota;
    const { waits, sleep } = recorded();
    const error = await gen.withRetry(attempt(gen, '/flaky/quota/5/quota-exhausted'), { sleep }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(gen.errorClassForCode('insufficient_quota', 429)!);
    expect(hits.get('quota')).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('stops after maxAttempts, throwing the last error', async () => {
    const { gen } = copies.quota;
    const { waits, sleep } = recorded();
    const error = await gen.withRetry(attempt(gen, '/flaky/always/99/overloaded-503'), { sleep, maxAttempts: 4 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(gen.errorClassFor(503));
    expect(hits.get('always')).toHaveLength(4);
    // Retry-After: 3 each time.
    expect(waits).toEqual([3000, 3000, 3000]);
  });

  it('stops at once on an abort, with a request in flight', async () => {
    const { gen } = copies.quota;
    const controller = new AbortController();
    let calls = 0;
    const run = gen.withRetry(
      (info) => {
        calls += 1;
        setTimeout(() => controller.abort(), 30);
        return attempt(gen, '/hang')(info);
      },
      { signal: controller.signal },
    );
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(gen.ConnectionError);
    expect((error as ConnectionError).failure).toBe('abort');
    expect(calls).toBe(1);
  });

  it('retries a refused connection, then gives up with its ConnectionError', async () => {
    const { gen } = copies.quota;
    const { waits, sleep } = recorded();
    let calls = 0;
    const error = await gen
      .withRetry(
        async () => {
          calls += 1;
          const failed = await gen.errorFromFetch(fetch(`${refusedBase}/cases/ok`));
          if (failed) throw failed;
        },
        { sleep, random: () => 0 },
      )
      .catch((e: unknown) => e);
    expect((error as ConnectionError).failure).toBe('network');
    expect(calls).toBe(3);
    expect(waits).toEqual([0, 0]);
  });
});

describe('the generated adapters', () => {
  it('are written only where the catalog lists them, and index.ts does not re-export them', () => {
    const index = readFileSync(join(copies.quota.tsDir, 'index.ts'), 'utf8');
    expect(index).not.toContain('adapters');
    expect(readFileSync(join(copies.quota.tsDir, 'adapters', 'axios.ts'), 'utf8')).toContain(
      readFileSync(join(ROOT, 'generator', 'targets', 'typescript', 'runtime', 'adapters', 'axios.ts'), 'utf8'),
    );
    // The default catalog lists none.
    cpSync(join(ROOT, 'output', 'ts'), join(dir, 'default-ts'), { recursive: true });
    expect(() => readFileSync(join(dir, 'default-ts', 'adapters', 'axios.ts'))).toThrow();
  });
});
