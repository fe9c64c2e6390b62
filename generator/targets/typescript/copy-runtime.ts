/**
 * Build step: copies the runtime modules (generator/runtime/, see runtime-sources.ts) beside
 * the compiled generator, as TypeScript source: they are copied, not compiled, into outputs.
 * Usage: node dist/copy-runtime.js
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { ADAPTER_MODULES, RUNTIME_DIR, RUNTIME_MODULES } from './runtime-sources.js';

const source = new URL('../../../generator/targets/typescript/runtime/', import.meta.url);
for (const name of [...RUNTIME_MODULES, ...ADAPTER_MODULES]) {
  // Adapters sit in a folder of their own (adapters/axios.ts).
  const target = new URL(name, RUNTIME_DIR);
  mkdirSync(new URL('.', target), { recursive: true });
  copyFileSync(new URL(name, source), target);
}
