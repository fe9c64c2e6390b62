/**
 * Worker thread for the TypeScript emitter: on large catalogs the TypeScript is written here
 * while the main thread writes the OpenAPI files and the docs.
 */
import { parentPort } from 'node:worker_threads';
import type { CatalogModel } from '../model.js';
import { loadRuntimeSources } from '../runtime-sources.js';
import { emitTypeScript } from './typescript.js';

parentPort!.on('message', async (model: CatalogModel) => {
  try {
    parentPort!.postMessage({ files: await emitTypeScript(model, loadRuntimeSources()) });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
