/**
 * TypeScript emitter. The generated module is two kinds of file:
 * - the runtime every catalog shares (ApiError, bodies, headers, Retry-After, lookups), real
 *   TypeScript kept in generator/runtime/ and copied verbatim under the generated-file header;
 * - the catalog's own modules (catalog.ts, status-codes.ts, error-codes.ts, errors.ts, index.ts),
 *   built with ts-morph from structures; large tables are written by writer functions in
 *   prettier's layout (see ts-layout.ts), so the output needs no formatting pass.
 *
 * Catalog text reaches the code only through `stringLiteral` (string values) and `docText`
 * (JSDoc); identifiers come from validated `name` fields only. Emitters read no files: the
 * runtime sources are handed in.
 */
import { format, util } from 'prettier';
import { IndentationText, NewLineKind, Project, QuoteKind } from 'ts-morph';
import type { CatalogModel } from '../model.js';
import type { RuntimeSource } from '../runtime-sources.js';
import type { GeneratedFile } from './files.js';
import { catalogStatements } from './ts-catalog.js';
import { fileHeader } from './ts-common.js';
import { errorCodeStatements } from './ts-error-codes.js';
import { errorStatements } from './ts-errors.js';
import { PRETTIER_OPTIONS } from './ts-layout.js';
import { statusCodeStatements } from './ts-status-codes.js';
import { spaced, type Statement } from './ts-structures.js';

export { PRETTIER_OPTIONS };

const CATALOG_FILES: readonly [name: string, about: (model: CatalogModel) => string, statements: (model: CatalogModel) => Statement[]][] = [
  ['catalog.ts', (m) => `Constants of the ${m.service} catalog that the runtime reads, and the ErrorBody type.`, catalogStatements],
  ['error-codes.ts', (m) => `Service error codes of the ${m.service} catalog: ErrorCode, and what the catalog says of each code.`, errorCodeStatements],
  ['errors.ts', (m) => `Error classes of the ${m.service} catalog: one per 4xx/5xx status${m.errorCodeClasses ? ' and per error code' : ''}, and the lookups from a status or a code to its class.`, errorStatements],
  ['status-codes.ts', (m) => `HTTP status codes of the ${m.service} catalog: StatusCode, the tables the runtime reads, and category sets.`, statusCodeStatements],
];

/** Everything the entry point re-exports, module by module. */
function indexStatements(runtime: readonly RuntimeSource[]): Statement[] {
  const modules = [...CATALOG_FILES.map(([name]) => name), ...runtime.map((r) => r.name)].sort();
  return modules.map((name) => `export * from "./${name.replace(/\.ts$/, '.js')}";`);
}

/**
 * Whether a printed file needs prettier after all: ts-morph prints a declaration on one line,
 * which prettier would break only past the print width, and only names near the 64-character
 * limit take a line there (the class name in errorName, say).
 */
function overWide(text: string): boolean {
  return text.split('\n').some((line) => line.length > PRETTIER_OPTIONS.printWidth && util.getStringWidth(line) > PRETTIER_OPTIONS.printWidth);
}

export async function emitTypeScript(model: CatalogModel, runtime: readonly RuntimeSource[]): Promise<GeneratedFile[]> {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      newLineKind: NewLineKind.LineFeed,
      quoteKind: QuoteKind.Double,
      useTrailingCommas: true,
    },
  });
  const build = async (name: string, about: string, statements: Statement[]): Promise<GeneratedFile> => {
    const file = project.createSourceFile(`/${name}`, {
      statements: spaced([(w) => fileHeader(w, model, about), ...statements]),
    });
    let contents = `${file.getFullText().replace(/\n+$/, '')}\n`;
    // Nothing is kept: the project holds every file's syntax tree until then.
    project.removeSourceFile(file);
    if (overWide(contents)) contents = await format(contents, PRETTIER_OPTIONS);
    return { path: `ts/${name}`, contents };
  };
  const files: GeneratedFile[] = [];
  for (const [name, about, statements] of CATALOG_FILES) files.push(await build(name, about(model), statements(model)));
  files.push(await build('index.ts', `Entry point: the ${model.service} status codes, error codes and error classes.`, indexStatements(runtime)));
  for (const r of runtime) {
    const about = `Runtime shared by every status-catalog output, copied verbatim; for the ${model.service} catalog it reads catalog.ts.`;
    files.push(await build(r.name, about, [r.text.replace(/\n+$/, '')]));
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
