/**
 * Worker thread for the TypeScript emitter. Loading ts-morph takes a few hundred milliseconds
 * (it brings the TypeScript compiler); in a worker that happens while the main thread reads,
 * validates and models the catalog, and the TypeScript is written while the main thread
 * writes the OpenAPI and the docs.
 */
import { parentPort } from 'node:worker_threads';
import type { CatalogModel } from '../model.js';
import { emitTypeScript } from './typescript.js';

const { CodeBlockWriter } = await import('ts-morph');

parentPort!.on('message', (model: CatalogModel) => {
  try {
    parentPort!.postMessage({ files: emitTypeScript(model, CodeBlockWriter) });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
