/**
 * The registry of body presets: the `shape` a catalog's errorBody may name, each preset one
 * module beside this one. A new preset is a module here and a line in PRESETS; the catalog
 * schema's errorBody.shape enum lists the same names (test/body/presets.test.ts holds them
 * together), and the catalog's types take ErrorBodyShape from PresetName.
 */
import { flat } from './flat.js';
import { nested } from './nested.js';
import { problem } from './problem.js';
import type { BodyPreset } from '../preset.js';

export const PRESETS = { flat, nested, problem } as const satisfies Readonly<Record<string, BodyPreset>>;

export type PresetName = keyof typeof PRESETS;

/** The preset of a catalog whose errorBody names no shape. */
export const DEFAULT_PRESET: PresetName = 'flat';
