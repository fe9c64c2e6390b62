/** The TypeScript target: the codes as constants, one error class per error status, and the runtime they share. */
import type { Target } from '../target.js';
import { startTypeScriptEmitter } from './emitter.js';

export const typeScriptTarget = {
  name: 'typescript',
  summary: 'the TypeScript module',
  folder: 'ts',
  option: '--ts-out',
  start: startTypeScriptEmitter,
} as const satisfies Target;
