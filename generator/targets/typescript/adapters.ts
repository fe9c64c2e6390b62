/**
 * The registry of framework adapters: small modules the TypeScript output gains on request
 * (the catalog's `typescript.adapters`), each a real TypeScript file in runtime/adapters/<name>.ts,
 * copied to ts/adapters/<name>.ts. An adapter imports nothing at run time but the runtime
 * modules (`../`) and, for a server adapter, what the server adapters share
 * (`./server-errors.js`, copied only with one of them), is typed structurally (the output compiles without its
 * framework), and is not re-exported from index.ts: it costs nothing to those who do not import it.
 *
 * The catalog's JSON Schema lists the same names (a test fails when they drift); a new adapter
 * is one entry here, one file under runtime/adapters/ and one name in the schema's enum.
 */

/** One adapter: its name (the file name and the value in `typescript.adapters`), which side uses it, and what it gives. */
export interface Adapter {
  readonly name: string;
  readonly side: 'server' | 'client';
  readonly summary: string;
}

export const ADAPTERS: readonly Adapter[] = [
  { name: 'node', side: 'server', summary: 'node:http: errorHandler(error, req, res) writes the error response' },
  {
    name: 'fetch',
    side: 'server',
    summary: 'fetch handlers (Deno, Bun, workers): errorHandler(error, request?) returns the error Response',
  },
  { name: 'express', side: 'server', summary: 'Express: errorHandler, the 4-argument error middleware, and notFoundHandler' },
  { name: 'fastify', side: 'server', summary: 'Fastify: errorHandler for setErrorHandler and notFoundHandler for setNotFoundHandler' },
  {
    name: 'koa',
    side: 'server',
    summary: "Koa: errorHandler, a middleware that answers errors and unmatched requests (the catalog's 404)",
  },
  { name: 'hono', side: 'server', summary: 'Hono: errorHandler for app.onError and notFoundHandler for app.notFound' },
  {
    name: 'nestjs',
    side: 'server',
    summary: 'NestJS: errorHandler, an exception filter for app.useGlobalFilters (ErrorFilter, its class)',
  },
  {
    name: 'axios',
    side: 'client',
    summary: "axios: installErrorInterceptor(instance) rejects with the catalog's error classes, a ConnectionError when no response came",
  },
  {
    name: 'openapi-fetch',
    side: 'client',
    summary:
      "openapi-fetch: errorMiddleware for client.use, which throws the catalog's error classes, a ConnectionError when no response came",
  },
];

/** The adapter file of a name, relative to the runtime folder and to the TypeScript output folder. */
export function adapterPath(name: string): string {
  return `adapters/${name}.ts`;
}

/**
 * What the server adapters share (the answer to anything thrown, written to a Node response or
 * made a fetch Response), beside them in adapters/: copied only into an output that lists a
 * server adapter, so that an output without one carries none of it.
 */
export const SERVER_ADAPTER_SUPPORT = 'adapters/server-errors.ts';
