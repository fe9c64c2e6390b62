/** The docs target: the catalog as a Markdown reference and an HTML page. */
import { inThreadEmitter, type Target } from '../target.js';

export const docsTarget = {
  name: 'docs',
  summary: 'the Markdown and HTML references',
  folder: 'docs',
  option: '--docs-out',
  start: () => inThreadEmitter(async (model) => (await import('./docs.js')).emitDocs(model)),
} as const satisfies Target;
