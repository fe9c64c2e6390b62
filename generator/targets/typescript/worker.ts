/**
 * Worker thread for the TypeScript emitter: on large catalogs the TypeScript is written here
 * while the main thread writes the OpenAPI files and the docs.
 */
import { parentPort } from 'node:worker_threads';
import type { CatalogModel } from '../../model/model.js';
import { loadRuntimeSources } from './runtime-sources.js';
import { emitTypeScript } from './typescript.js';

parentPort!.on('message', (model: CatalogModel) => {
  // Every outcome, failure included, goes back as a message: nothing is left to reject.
  emitTypeScript(model, loadRuntimeSources()).then(
    (files) => parentPort!.postMessage({ files }),
    (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
