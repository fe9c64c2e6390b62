/** The docs target: the catalog as a Markdown reference. */
import { inThreadEmitter, type Target } from '../target.js';

export const docsTarget = {
  name: 'docs',
  summary: 'the Markdown reference',
  folder: 'docs',
  option: '--docs-out',
  start: () => inThreadEmitter(async (model) => (await import('./docs.js')).emitDocs(model)),
} as const satisfies Target;
