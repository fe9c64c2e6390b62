/**
 * Worker thread for the TypeScript emitter: on large catalogs the TypeScript is written here
 * while the main thread writes the OpenAPI files and the docs.
 */
import CodeBlockWriter from 'code-block-writer';
import { parentPort } from 'node:worker_threads';
import type { CatalogModel } from '../model.js';
import { emitTypeScript } from './typescript.js';

parentPort!.on('message', (model: CatalogModel) => {
  try {
    parentPort!.postMessage({ files: emitTypeScript(model, CodeBlockWriter) });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
