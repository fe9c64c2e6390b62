/** Every body preset by name: the `shape` a catalog's errorBody may name. */
import { flat } from './flat.js';
import { nested } from './nested.js';
import { problem } from './problem.js';
import type { BodyPreset } from '../preset.js';

export const PRESETS = { flat, nested, problem } as const satisfies Readonly<Record<string, BodyPreset>>;

export type PresetName = keyof typeof PRESETS;

export const DEFAULT_PRESET: PresetName = 'flat';
