/**
 * The registry of output targets: a new target is a folder beside these, exporting a Target
 * (see target.ts), plus one line here. The order is the order of the help text and of the
 * pipeline's work.
 */
import { docsTarget } from './docs/index.js';
import { openApiTarget } from './openapi/index.js';
import type { Target } from './target.js';
import { typeScriptTarget } from './typescript/index.js';

export const TARGETS = [openApiTarget, typeScriptTarget, docsTarget] as const satisfies readonly Target[];

/** A target's name: `openapi`, `typescript`, `docs`. */
export type TargetName = (typeof TARGETS)[number]['name'];

export const TARGET_NAMES: readonly TargetName[] = TARGETS.map((target) => target.name);

export function targetNamed(name: TargetName): Target<TargetName> {
  return TARGETS.find((target) => target.name === name)!;
}
