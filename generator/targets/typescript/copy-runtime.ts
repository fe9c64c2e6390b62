/**
 * Build step: copies the runtime modules (generator/runtime/, see runtime-sources.ts) beside
 * the compiled generator, as TypeScript source: they are copied, not compiled, into outputs.
 * Usage: node dist/copy-runtime.js
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { RUNTIME_DIR, RUNTIME_MODULES } from './runtime-sources.js';

const source = new URL('../../../generator/targets/typescript/runtime/', import.meta.url);
mkdirSync(RUNTIME_DIR, { recursive: true });
for (const name of RUNTIME_MODULES) copyFileSync(new URL(name, source), new URL(name, RUNTIME_DIR));
