/**
 * The server adapters (`typescript.adapters`, ts/adapters/<name>.ts) in the real frameworks:
 * one catalog generated with every adapter by the CLI, compiled by tsc without any framework's
 * types, type-checked against the frameworks' own types (the README's examples with them), then
 * each framework served on 127.0.0.1 and asked one table of cases over HTTP, each answer read
 * back with the runtime's errorFromResponse.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { join } from 'node:path';
import { inspect } from 'node:util';
import 'reflect-metadata';
import { serve } from '@hono/node-server';
import { Controller, ForbiddenException, Get, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { basicAuth } from 'hono/basic-auth';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ADAPTERS } from '../../generator/targets/typescript/adapters.js';
import { generateCatalog } from '../harness/cases.js';
import { compileTypeScript, importFile, removeDir, ROOT, TSC } from '../harness/helpers.js';
import { parser } from '../harness/markdown.js';

/** What these tests use of the compiled module (the test catalog's classes, below). */
interface ErrorLike extends Error {
  readonly status: number;
  readonly errorCode: unknown;
  readonly errorMsg: string;
  readonly requestId: string | undefined;
  readonly retryAfter: number | undefined;
  readonly headers: Readonly<Record<string, string>>;
}
type ErrorClass = new (errorMsg?: string, options?: object) => ErrorLike;
type ClassName =
  | 'BadRequestError'
  | 'UnauthorizedError'
  | 'ForbiddenError'
  | 'NotFoundError'
  | 'ContentTooLargeError'
  | 'UnsupportedMediaTypeError'
  | 'TooManyRequestsError'
  | 'InternalServerError'
  | 'ServiceUnavailableError';
type Generated = Record<ClassName, ErrorClass> & {
  errorFromResponse(status: number, body: unknown, headers?: unknown): ErrorLike;
};
/** The compiled adapters, typed as their sources are (the same files, as tsc compiled them). */
interface Adapters {
  node: typeof import('../../generator/targets/typescript/runtime/adapters/node.js');
  fetch: typeof import('../../generator/targets/typescript/runtime/adapters/fetch.js');
  express: typeof import('../../generator/targets/typescript/runtime/adapters/express.js');
  fastify: typeof import('../../generator/targets/typescript/runtime/adapters/fastify.js');
  koa: typeof import('../../generator/targets/typescript/runtime/adapters/koa.js');
  hono: typeof import('../../generator/targets/typescript/runtime/adapters/hono.js');
  nestjs: typeof import('../../generator/targets/typescript/runtime/adapters/nestjs.js');
}

/** An RFC 9457 catalog: its media type is no framework's default. */
const CATALOG = `
service: SHOP
title: Adapter test catalog
version: "1.0.0"
errorBody:
  shape: problem
  codeField: code
  codePattern: '^SHOP-[0-9]{3}$'
  defaultCode: SHOP-000
headers:
  Retry-After:
    description: Seconds to wait.
    schema: { type: integer, minimum: 0 }
  WWW-Authenticate:
    description: The authentication scheme.
    required: true
    schema: { type: string }
typescript:
  adapters: [${ADAPTERS.map((a) => a.name).join(', ')}]
statuses:
  - { status: 200, name: Ok, message: OK, description: Fine. }
  - { status: 400, name: BadRequest, message: Bad Request, description: Malformed. }
  - { status: 401, name: Unauthorized, message: Unauthorized, description: Who are you?, headers: [WWW-Authenticate] }
  - { status: 403, name: Forbidden, message: Forbidden, description: Not for you. }
  - { status: 404, name: NotFound, message: Not Found, description: Nothing there. }
  - { status: 413, name: ContentTooLarge, message: Content Too Large, description: Too big. }
  - { status: 415, name: UnsupportedMediaType, message: Unsupported Media Type, description: Not that type. }
  - { status: 429, name: TooManyRequests, message: Too Many Requests, description: Slow down., retry: retry-after, headers: [Retry-After] }
  - { status: 500, name: InternalServerError, message: Internal Server Error, description: It broke. }
  - { status: 503, name: ServiceUnavailable, message: Service Unavailable, description: Later., retry: if-retry-after, headers: [Retry-After] }
errors:
  - { code: SHOP-404, status: 404, message: No such widget. }
`;
const MEDIA_TYPE = 'application/problem+json';
/** What no byte of any answer may hold: the messages of the 5xx errors the routes throw. */
const SECRETS = ['password=', '10.0.0.'];
const REQUEST_ID = 'req-7f3a 19';

interface Want {
  readonly status: number;
  readonly type: ClassName;
  /** The message the body carries; unchecked when absent (a framework's own wording). */
  readonly errorMsg?: string;
  readonly errorCode?: string;
  readonly retryAfter?: number;
  /** The request id the answer carries: the one sent, unless the case says otherwise. */
  readonly requestId?: string | undefined;
  readonly wwwAuthenticate?: RegExp;
}
interface Case {
  readonly name: string;
  readonly path: string;
  readonly method?: 'GET' | 'POST';
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** Sent as x-request-id; REQUEST_ID when absent. */
  readonly requestId?: string;
  /** The framework answers it itself, not the adapter: no catalog body, only the status. */
  readonly framework?: true;
  readonly want: Want;
}

/** What the routes every framework serves do: throw. */
function throwers(m: Generated): Record<string, () => never> {
  return {
    '/widgets/42': () => {
      throw new m.NotFoundError('No widget 42', { errorCode: 'SHOP-404' });
    },
    '/busy': () => {
      throw new m.TooManyRequestsError(undefined, { headers: { 'Retry-After': 30 } });
    },
    '/db': () => {
      throw new m.InternalServerError('db password=x at 10.0.0.1');
    },
    '/crash': () => {
      throw new TypeError('cannot read password=y at 10.0.0.2');
    },
    '/thrown-value': () => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- the case is a thrown value that is no Error
      throw 'password=z at 10.0.0.3';
    },
  };
}

const COMMON: readonly Case[] = [
  {
    name: 'a thrown NotFoundError',
    path: '/widgets/42',
    want: { status: 404, type: 'NotFoundError', errorMsg: 'No widget 42', errorCode: 'SHOP-404' },
  },
  {
    name: 'a TooManyRequestsError with Retry-After 30',
    path: '/busy',
    want: { status: 429, type: 'TooManyRequestsError', errorMsg: 'Too Many Requests', retryAfter: 30 },
  },
  {
    name: 'an InternalServerError with a secret in its message',
    path: '/db',
    want: { status: 500, type: 'InternalServerError', errorMsg: 'Internal Server Error' },
  },
  {
    name: 'an Error that is no ApiError',
    path: '/crash',
    want: { status: 500, type: 'InternalServerError', errorMsg: 'Internal Server Error' },
  },
  {
    name: 'a thrown value that is no Error',
    path: '/thrown-value',
    want: { status: 500, type: 'InternalServerError', errorMsg: 'Internal Server Error' },
  },
  {
    name: 'an unknown route',
    path: '/nope',
    want: { status: 404, type: 'NotFoundError', errorMsg: 'Not Found', errorCode: 'SHOP-000' },
  },
  {
    name: 'an x-request-id no header should carry (over 256 characters) is not sent back',
    path: '/widgets/42',
    requestId: 'r'.repeat(300),
    want: { status: 404, type: 'NotFoundError', errorMsg: 'No widget 42', requestId: undefined },
  },
];

/** A request body over the frameworks' limits below (100 bytes). */
const LARGE = JSON.stringify({ name: 'x'.repeat(200) });
/** The case of a route that answered in part, then threw: checked apart (the answer is broken on purpose). */
const PARTIAL = '/partial';

interface Running {
  readonly port: number;
  close(): Promise<void>;
}
interface Framework {
  readonly name: string;
  /** Cases of the framework's own errors, and of what it does unlike the others. */
  readonly own: readonly Case[];
  /** Cases of COMMON the framework answers otherwise, by name. */
  readonly instead?: Readonly<Record<string, Case>>;
  /** Whether a route can answer in part, then throw (PARTIAL). */
  readonly partial: boolean;
  start(m: Generated, adapters: Adapters, logs: string[]): Promise<Running>;
}

function listening(server: HttpServer): Promise<Running> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    );
  });
}

/** Starts writing a 200, then throws: what the adapter does once headers are out. */
function answerInPart(res: ServerResponse): never {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.write('partial');
  throw new Error('late password=w at 10.0.0.4');
}

const FRAMEWORKS: readonly Framework[] = [
  {
    name: 'node:http',
    partial: true,
    own: [
      {
        name: 'an http-errors style error (status, expose)',
        path: '/forbidden',
        want: { status: 403, type: 'ForbiddenError', errorMsg: 'No access to widget 7' },
      },
    ],
    async start(m, adapters) {
      const { errorHandler } = adapters.node;
      const routes = throwers(m);
      const server = createServer((req, res) => {
        try {
          const path = req.url ?? '/';
          if (path === PARTIAL) answerInPart(res);
          if (path === '/forbidden') throw Object.assign(new Error('No access to widget 7'), { status: 403, expose: true });
          const route = routes[path];
          if (route === undefined) throw new m.NotFoundError();
          route();
        } catch (error) {
          errorHandler(error, req, res);
        }
      });
      return listening(server);
    },
  },
  {
    name: 'fetch handler (served by @hono/node-server)',
    partial: false,
    own: [
      {
        name: 'an http-errors style error (status, expose)',
        path: '/forbidden',
        want: { status: 403, type: 'ForbiddenError', errorMsg: 'No access to widget 7' },
      },
    ],
    async start(m, adapters) {
      const { errorHandler } = adapters.fetch;
      const routes = throwers(m);
      const handle = (request: Request): Response => {
        try {
          const path = new URL(request.url).pathname;
          if (path === '/forbidden') throw Object.assign(new Error('No access to widget 7'), { status: 403, expose: true });
          const route = routes[path];
          if (route === undefined) throw new m.NotFoundError();
          return route();
        } catch (error) {
          return errorHandler(error, request);
        }
      };
      const server = await new Promise<HttpServer>((resolve) => {
        const s = serve({ fetch: handle, port: 0, hostname: '127.0.0.1' }, () => resolve(s as HttpServer));
      });
      return {
        port: (server.address() as AddressInfo).port,
        close: () => new Promise((done) => server.close(() => done())),
      };
    },
  },
  {
    name: 'Express 5',
    partial: true,
    own: [
      {
        name: "body-parser's 400 (JSON that does not parse)",
        path: '/echo',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"name":',
        want: { status: 400, type: 'BadRequestError' },
      },
      {
        name: "body-parser's 413 (over the limit)",
        path: '/echo',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: LARGE,
        want: { status: 413, type: 'ContentTooLargeError', errorMsg: 'request entity too large' },
      },
      {
        name: "body-parser's 415 (a charset it cannot read)",
        path: '/echo',
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=koi8-r' },
        body: '{}',
        want: { status: 415, type: 'UnsupportedMediaTypeError', errorMsg: 'unsupported charset "KOI8-R"' },
      },
    ],
    async start(m, adapters) {
      const { errorHandler, notFoundHandler } = adapters.express;
      const app = express();
      for (const [path, route] of Object.entries(throwers(m))) app.get(path, route);
      app.get(PARTIAL, (_req, res) => answerInPart(res));
      app.post('/echo', express.json({ limit: 100 }), (req, res) => {
        res.json(req.body);
      });
      app.use(notFoundHandler);
      app.use(errorHandler);
      return listening(createServer(app));
    },
  },
  {
    name: 'Fastify 5',
    partial: true,
    own: [
      {
        name: 'a schema validation 400',
        path: '/echo',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
        want: { status: 400, type: 'BadRequestError', errorMsg: "body must have required property 'name'" },
      },
      {
        name: 'a 400 for JSON that does not parse',
        path: '/echo',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"name":',
        want: { status: 400, type: 'BadRequestError' },
      },
      {
        name: 'a 413 over bodyLimit',
        path: '/echo',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: LARGE,
        want: { status: 413, type: 'ContentTooLargeError', errorMsg: 'Request body is too large' },
      },
      {
        name: 'a 415 for a media type it has no parser for',
        path: '/echo',
        method: 'POST',
        headers: { 'content-type': 'text/xml' },
        body: '<a/>',
        want: { status: 415, type: 'UnsupportedMediaTypeError', errorMsg: 'Unsupported Media Type' },
      },
    ],
    async start(m, adapters, logs) {
      const { errorHandler, notFoundHandler } = adapters.fastify;
      const app = Fastify({ bodyLimit: 100, logger: { level: 'error', stream: { write: (line: string) => logs.push(line) } } });
      for (const [path, route] of Object.entries(throwers(m))) app.get(path, route);
      app.get(PARTIAL, (_request, reply) => answerInPart(reply.raw));
      const schema = { body: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } };
      app.post('/echo', { schema }, (request) => request.body);
      app.setErrorHandler(errorHandler);
      app.setNotFoundHandler(notFoundHandler);
      await app.listen({ port: 0, host: '127.0.0.1' });
      return { port: (app.server.address() as AddressInfo).port, close: () => app.close() };
    },
  },
  {
    name: 'Koa 3',
    partial: true,
    own: [
      {
        name: "ctx.throw's 403",
        path: '/forbidden',
        want: { status: 403, type: 'ForbiddenError', errorMsg: 'No access to widget 7' },
      },
      {
        name: "ctx.throw's 503, its message masked",
        path: '/pool',
        want: { status: 503, type: 'ServiceUnavailableError', errorMsg: 'Service Unavailable' },
      },
    ],
    async start(m, adapters, logs) {
      const { errorHandler } = adapters.koa;
      const app = new Koa();
      // Koa logs what the adapter emits as "error": here, into the test's log.
      app.on('error', (error: unknown) => logs.push(inspect(error)));
      app.use(errorHandler);
      const routes = throwers(m);
      app.use((ctx) => {
        if (ctx.path === PARTIAL) {
          ctx.respond = false;
          answerInPart(ctx.res);
        }
        if (ctx.path === '/forbidden') ctx.throw(403, 'No access to widget 7');
        if (ctx.path === '/pool') ctx.throw(503, 'pool password=q at 10.0.0.5');
        routes[ctx.path]?.();
        // Anything else falls through unanswered: Koa's 404.
      });
      const handle = app.callback();
      return listening(createServer((req, res) => void handle(req, res)));
    },
  },
  {
    name: 'Hono 4 (on @hono/node-server)',
    partial: false,
    own: [
      {
        name: "basicAuth's 401, with the WWW-Authenticate of the response it carries",
        path: '/private/report',
        want: { status: 401, type: 'UnauthorizedError', wwwAuthenticate: /^Basic realm=/ },
      },
      {
        name: "an HTTPException's 403",
        path: '/forbidden',
        want: { status: 403, type: 'ForbiddenError', errorMsg: 'No access to widget 7' },
      },
      {
        name: "bodyLimit's 413",
        path: '/echo',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: LARGE,
        want: { status: 413, type: 'ContentTooLargeError' },
      },
    ],
    instead: {
      // Hono hands onError only what is an Error; anything else it answers itself.
      'a thrown value that is no Error': {
        name: 'a thrown value that is no Error: Hono answers it itself (onError sees only Errors)',
        path: '/thrown-value',
        framework: true,
        want: { status: 500, type: 'InternalServerError', requestId: undefined },
      },
    },
    async start(m, adapters) {
      const { errorHandler, notFoundHandler } = adapters.hono;
      const app = new Hono();
      for (const [path, route] of Object.entries(throwers(m))) app.get(path, route);
      app.use('/private/*', basicAuth({ username: 'ann', password: 'secret' }));
      app.get('/private/report', (c) => c.text('report'));
      app.get('/forbidden', () => {
        throw new HTTPException(403, { message: 'No access to widget 7' });
      });
      app.post('/echo', bodyLimit({ maxSize: 100 }), async (c) => c.json(await c.req.json()));
      app.onError(errorHandler);
      app.notFound(notFoundHandler);
      const server = await new Promise<HttpServer>((resolve) => {
        const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as HttpServer));
      });
      return {
        port: (server.address() as AddressInfo).port,
        close: () => new Promise((done) => server.close(() => done())),
      };
    },
  },
  {
    name: 'NestJS 11 (Express platform)',
    partial: true,
    own: [
      {
        name: 'a ForbiddenException',
        path: '/forbidden',
        want: { status: 403, type: 'ForbiddenError', errorMsg: 'No access to widget 7' },
      },
      {
        name: "the body parser's 400",
        path: '/echo',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"name":',
        want: { status: 400, type: 'BadRequestError' },
      },
    ],
    instead: {
      // Nest answers an unknown route by throwing its NotFoundException, whose message says what was asked.
      'an unknown route': {
        name: "an unknown route: Nest's NotFoundException",
        path: '/nope',
        want: { status: 404, type: 'NotFoundError', errorMsg: 'Cannot GET /nope', errorCode: 'SHOP-000' },
      },
    },
    async start(m, adapters) {
      const { errorHandler } = adapters.nestjs;
      const routes = throwers(m);
      // Decorators applied as functions: the suite compiles without decorator syntax.
      class Widgets {}
      const proto = Widgets.prototype as unknown as Record<string, unknown>;
      const route = (method: typeof Get, path: string, handler: (...args: never[]) => unknown): void => {
        const key = `${method.name}${path.replace(/\W/g, '_')}`;
        proto[key] = handler;
        method(path)(proto, key, Object.getOwnPropertyDescriptor(proto, key)!);
      };
      for (const [path, thrower] of Object.entries(routes)) route(Get, path, thrower);
      route(Get, '/forbidden', () => {
        throw new ForbiddenException('No access to widget 7');
      });
      route(Post, '/echo', () => 'echo');
      Controller()(Widgets);
      class AppModule {}
      Module({ controllers: [Widgets] })(AppModule);
      const app = await NestFactory.create(AppModule, { logger: false });
      // The partial answer, as Express middleware ahead of the routes.
      app.use((req: { url: string }, res: ServerResponse, next: () => void) => {
        if (req.url === PARTIAL) answerInPart(res);
        next();
      });
      app.useGlobalFilters(errorHandler);
      await app.listen(0, '127.0.0.1');
      const server = app.getHttpServer() as HttpServer;
      return { port: (server.address() as AddressInfo).port, close: () => app.close() };
    },
  },
];

/** An answer as the client sees it. */
interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

async function ask(port: number, c: Case): Promise<Answer> {
  const requestId = c.requestId ?? REQUEST_ID;
  const response = await fetch(`http://127.0.0.1:${port}${c.path}`, {
    method: c.method ?? 'GET',
    headers: { ...c.headers, 'x-request-id': requestId },
    ...(c.body === undefined ? {} : { body: c.body }),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Every byte of an answer, status line and headers included, as the socket gave them. */
function rawBytes(port: number, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
  });
}

/** The README's examples of the section "Use it with your framework", as TypeScript modules. */
function readmeExamples(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Use it with your framework\n');
  expect(start).toBeGreaterThan(-1);
  const end = readme.indexOf('\n## ', start + 1);
  return parser
    .parse(readme.slice(start, end), {})
    .filter((token) => token.type === 'fence' && token.info.trim() === 'ts')
    .map((token) => token.content);
}

let dir: string;
let m: Generated;
let adapters: Adapters;
/** What the servers logged: console.error, Fastify's logger, Koa's "error" events. */
const logs: string[] = [];

beforeAll(async () => {
  // Under the project, so that the type-check below finds the frameworks' types in node_modules.
  mkdirSync(join(ROOT, '.vitest-tmp'), { recursive: true });
  dir = mkdtempSync(join(ROOT, '.vitest-tmp', 'adapters-'));
  writeFileSync(join(dir, 'shop.yaml'), CATALOG);
  const ts = await generateCatalog(join(dir, 'shop.yaml'), join(dir, 'out'));
  // Compiled as every output is: strict, no types of anyone's (no framework, no Node, no DOM).
  const compiled = compileTypeScript(ts, join(dir, 'js'));
  expect(compiled.stdout + compiled.stderr).toBe('');
  expect(compiled.status).toBe(0);
  m = await importFile<Generated>(join(dir, 'js', 'index.js'));
  const loaded: Record<string, unknown> = {};
  for (const adapter of ADAPTERS.filter((a) => a.side === 'server')) {
    loaded[adapter.name] = await importFile(join(dir, 'js', 'adapters', `${adapter.name}.js`));
  }
  adapters = loaded as unknown as Adapters;
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    logs.push(args.map((arg) => inspect(arg)).join(' '));
  });
}, 60_000);
afterAll(() => {
  vi.restoreAllMocks();
  removeDir(dir);
});

describe("the adapters with the frameworks' own types", () => {
  it("type-check against Express', Fastify's, Koa's, Hono's, Nest's and Node's types, as the README's examples use them", () => {
    const work = join(dir, 'typed');
    cpSync(join(dir, 'out', 'ts'), join(work, 'src', 'generated'), { recursive: true });
    const examples = readmeExamples();
    expect(examples.length).toBeGreaterThanOrEqual(7);
    examples.forEach((example, i) => writeFileSync(join(work, 'src', `example-${i}.ts`), example));
    // The module the NestJS example bootstraps, as any Nest app has one.
    writeFileSync(join(work, 'src', 'app.module.ts'), 'export class AppModule {}\n');
    writeFileSync(join(work, 'package.json'), '{"type":"module"}\n');
    writeFileSync(
      join(work, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2023'],
          types: ['node'],
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          verbatimModuleSyntax: true,
          skipLibCheck: true,
          noEmit: true,
        },
        include: ['src/**/*.ts'],
      }),
    );
    const result = spawnSync(process.execPath, [TSC, '-p', join(work, 'tsconfig.json')], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

for (const framework of FRAMEWORKS) {
  describe(framework.name, () => {
    let server: Running;
    beforeAll(async () => {
      server = await framework.start(m, adapters, logs);
    });
    afterAll(() => server?.close());

    const cases = [...COMMON.map((c) => framework.instead?.[c.name] ?? c), ...framework.own];
    for (const c of cases) {
      it(c.name, async () => {
        logs.length = 0;
        const answer = await ask(server.port, c);
        const { want } = c;
        expect(answer.status, answer.text).toBe(want.status);
        const sentId = 'requestId' in want ? want.requestId : (c.requestId ?? REQUEST_ID);
        const catalogBody = c.framework !== true;
        if (catalogBody) {
          expect(answer.headers.get('content-type')).toBe(MEDIA_TYPE);
          expect(answer.headers.get('x-request-id')).toBe(sentId ?? null);
          const body = JSON.parse(answer.text) as { status: number; code: string; detail?: string };
          expect(body.status).toBe(want.status);
        }
        const error = m.errorFromResponse(answer.status, answer.text, answer.headers);
        expect(error).toBeInstanceOf(m[want.type]);
        expect(error.status).toBe(want.status);
        if (want.errorMsg !== undefined) expect(error.errorMsg).toBe(want.errorMsg);
        if (want.errorCode !== undefined) expect(error.errorCode).toBe(want.errorCode);
        expect(error.retryAfter).toBe(want.retryAfter);
        if (catalogBody) expect(error.requestId).toBe(sentId);
        if (want.wwwAuthenticate !== undefined) expect(error.headers['www-authenticate']).toMatch(want.wwwAuthenticate);
        const seen = answer.text + JSON.stringify([...answer.headers]);
        for (const secret of SECRETS) expect(seen).not.toContain(secret);
        if (want.status >= 500) {
          // Every byte on the wire, and the secret is where it belongs: in the server's log.
          const bytes = await rawBytes(server.port, c.path);
          expect(bytes).toMatch(/^HTTP\/1\.1 5\d\d /);
          for (const secret of SECRETS) expect(bytes).not.toContain(secret);
          if (catalogBody) expect(logs.join('\n')).toContain('password=');
        }
      });
    }

    it.skipIf(!framework.partial)(
      'a route that answered in part, then threw: the answer is cut off, nothing of the error in it, and the server goes on',
      async () => {
        logs.length = 0;
        const bytes = await rawBytes(server.port, PARTIAL);
        // Nothing, or the 200 begun and cut off before its last chunk (no 0-length chunk ends it).
        if (bytes !== '') expect(bytes).toMatch(/^HTTP\/1\.1 200 /);
        expect(bytes).not.toMatch(/\r\n0\r\n\r\n$/);
        expect(bytes).not.toContain(MEDIA_TYPE);
        for (const secret of SECRETS) expect(bytes).not.toContain(secret);
        expect(logs.join('\n')).toContain('password=w');
        const next = await ask(server.port, COMMON[0]!);
        expect(next.status).toBe(404);
      },
    );
  });
}
