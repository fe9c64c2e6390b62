/** Rules on the options of the generated TypeScript that the schema cannot say: options that contradict each other. */
import type { CatalogRule } from './context.js';

export const typeScriptOptions: CatalogRule = {
  name: 'typescript-options',
  check: ({ merged, report }) => {
    const extension = merged.typescriptFields.get('importExtension');
    const emit = merged.typescriptFields.get('emit');
    // JavaScript and its declaration files import each other by .js: a .ts specifier there names no file.
    if (extension?.value === '.ts' && emit?.value === 'js') {
      report.error(
        extension,
        `importExtension ".ts" needs emit "ts": the JavaScript of emit "js" (${report.whereFrom(extension, emit)}) imports its modules by ".js"; leave importExtension out`,
      );
    }
  },
};
