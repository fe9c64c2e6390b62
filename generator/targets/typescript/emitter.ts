/**
 * Runs the TypeScript emitter on a worker thread, started as early as the caller likes, so that
 * on large catalogs the TypeScript is written while the calling thread does the rest. Where the
 * compiled worker is not available (running the generator from its TypeScript sources) it runs
 * on the calling thread instead.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { GeneratedFile, TargetEmitter } from '../target.js';

/** Its `close()` stops the worker. */
export function startTypeScriptEmitter(): TargetEmitter {
  const script = new URL('./worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(script))) return inThreadEmitter();
  const worker = new Worker(script);
  // An idle worker must not keep the process alive.
  worker.unref();
  let failure: Error | undefined;
  worker.on('error', (error) => {
    failure = error;
  });
  return {
    onWorker: true,
    emit(model) {
      if (failure !== undefined) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        const onError = (error: Error): void => reject(error);
        worker.once('error', onError);
        worker.once('message', (message: { files?: GeneratedFile[]; error?: string }) => {
          worker.off('error', onError);
          if (message.files !== undefined) resolve(message.files);
          else reject(new Error(`TypeScript emitter failed: ${message.error ?? 'no result'}`));
        });
        worker.ref();
        worker.postMessage(model);
      }).finally(() => worker.unref()) as Promise<GeneratedFile[]>;
    },
    async close() {
      await worker.terminate();
    },
  };
}

function inThreadEmitter(): TargetEmitter {
  return {
    onWorker: false,
    async emit(model) {
      const [{ emitTypeScript }, { loadRuntimeSources }] = await Promise.all([import('./typescript.js'), import('./runtime-sources.js')]);
      return emitTypeScript(model, loadRuntimeSources());
    },
    async close() {},
  };
}
