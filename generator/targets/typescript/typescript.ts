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
import { CodeBlockWriter, printStructure } from 'ts-morph';
import type { CatalogModel } from '../../model/model.js';
import { adapterPath, ADAPTERS, SERVER_ADAPTER_SUPPORT } from './adapters.js';
import { ADAPTER_MODULES, CATALOG_MODULES, type RuntimeSource } from './runtime-sources.js';
import type { GeneratedFile } from '../target.js';
import { catalogStatements } from './modules/catalog.js';
import { fileHeader } from './modules/common.js';
import { errorCodeStatements } from './modules/error-codes.js';
import { errorStatements } from './modules/errors.js';
import { exportDeclaration, PRETTIER_OPTIONS } from './writer/layout.js';
import { publicExports, type ModuleText } from './public-api.js';
import { statusCodeStatements } from './modules/status-codes.js';
import type { Statement } from './writer/structures.js';
import { byPath, compareStrings } from '../../util/compare.js';
import { inOutputForm } from './output-form.js';

export { PRETTIER_OPTIONS };

/** How each catalog module (CATALOG_MODULES: the runtime imports them by these names) is built. */
const CATALOG_FILES: Readonly<
  Record<string, readonly [about: (model: CatalogModel) => string, statements: (model: CatalogModel) => Statement[]]>
> = {
  'catalog.ts': [(m) => `Constants of the ${m.service} catalog that the runtime reads, and the ErrorBody type.`, catalogStatements],
  'error-codes.ts': [
    (m) => `Service error codes of the ${m.service} catalog: ErrorCode, and what the catalog says of each code.`,
    errorCodeStatements,
  ],
  'errors.ts': [
    (m) =>
      `Error classes of the ${m.service} catalog: one per 4xx/5xx status${m.errorCodeClasses ? ' and per error code' : ''}, and the lookups from a status or a code to its class.`,
    errorStatements,
  ],
  'status-codes.ts': [
    (m) => `HTTP status codes of the ${m.service} catalog: StatusCode, the tables the runtime reads, and category sets.`,
    statusCodeStatements,
  ],
};

/** The entry point: the public API (public-api.ts), by name, module by module. */
function indexStatements(modules: readonly ModuleText[]): Statement[] {
  const sorted = [...modules].sort((a, b) => compareStrings(a.name, b.name));
  // One writer function: re-exports follow one another without the blank line between statements.
  return [(w) => publicExports(sorted).forEach(({ module, names }) => exportDeclaration(w, names, `./${module.replace(/\.ts$/, '.js')}`))];
}

/** ts-morph's settings for the generated code: prettier's indentation, quotes and line ends. */
const WRITER_OPTIONS = { indentNumberOfSpaces: 2, newLine: '\n', useTabs: false, useSingleQuote: false } as const;

/**
 * Whether a printed declaration needs prettier after all: ts-morph prints a declaration's
 * heading and members on one line each, which prettier breaks only past the print width. Only
 * names near the 64-character limit take a declaration there (a class's errorName, say).
 * Comments are never rewrapped by prettier: only code lines count.
 */
function overWide(text: string): boolean {
  const width = PRETTIER_OPTIONS.printWidth;
  return text.split('\n').some((line) => line.length > width && !/^\s*(?:\/\*|\*|\/\/)/.test(line) && util.getStringWidth(line) > width);
}

/**
 * One statement's text. Structures are printed by ts-morph (without parsing, so that a table
 * of 10,000 entries costs no syntax tree); writer functions write tables with the layout
 * helpers, already in prettier's layout.
 */
async function printStatement(statement: Statement): Promise<string> {
  if (typeof statement === 'function') {
    const writer = new CodeBlockWriter(WRITER_OPTIONS);
    statement(writer);
    return writer.toString();
  }
  const text = printStructure(statement, WRITER_OPTIONS);
  return overWide(text) ? format(text, PRETTIER_OPTIONS) : text;
}

export async function emitTypeScript(model: CatalogModel, runtime: readonly RuntimeSource[]): Promise<GeneratedFile[]> {
  /** A file: the header naming the catalog, then each text, one blank line apart as prettier keeps statements. */
  const build = async (name: string, about: string, texts: readonly string[]): Promise<GeneratedFile> => {
    const header = await printStatement((w) => fileHeader(w, model, about));
    const parts = [header, ...texts].map((text) => text.replace(/^\n+|\n+$/g, ''));
    return { path: name, contents: `${parts.join('\n\n')}\n` };
  };
  const printed = async (statements: readonly Statement[]): Promise<string[]> => {
    const texts: string[] = [];
    for (const statement of statements) texts.push(await printStatement(statement));
    return texts;
  };
  const files: GeneratedFile[] = [];
  for (const name of CATALOG_MODULES) {
    const [about, statements] = CATALOG_FILES[name]!;
    files.push(await build(name, about(model), await printed(statements(model))));
  }
  const modules = runtime.filter((r) => !ADAPTER_MODULES.includes(r.name));
  // The runtime is copied verbatim: the one text no statement builds.
  for (const r of modules) {
    const about = `Runtime shared by every status-catalog output, copied verbatim; for the ${model.service} catalog it reads catalog.ts.`;
    files.push(await build(r.name, about, [r.text]));
  }
  // The entry point exports the public names of the catalog modules and the runtime, not the adapters.
  const entry = `Entry point: the public API of the ${model.service} catalog's status codes, error codes and error classes.`;
  const exported = files.map((f) => ({ name: f.path, text: f.contents }));
  files.push(await build('index.ts', entry, await printed(indexStatements(exported))));
  // The adapters the catalog asks for, verbatim too; index.ts does not re-export them.
  for (const name of model.adapters) {
    const source = runtime.find((r) => r.name === adapterPath(name));
    if (source === undefined) throw new Error(`no runtime source for the ${name} adapter`);
    const about = `The ${name} adapter of status-catalog, copied verbatim; import it on its own (index.ts does not re-export it).`;
    files.push(await build(source.name, about, [source.text]));
  }
  if (model.adapters.some((name) => ADAPTERS.find((a) => a.name === name)?.side === 'server')) {
    const support = runtime.find((r) => r.name === SERVER_ADAPTER_SUPPORT);
    if (support === undefined) throw new Error(`no runtime source for ${SERVER_ADAPTER_SUPPORT}`);
    const about = 'What the server adapters of status-catalog share, copied verbatim with them; not re-exported by index.ts.';
    files.push(await build(support.name, about, [support.text]));
  }
  return inOutputForm(files.sort(byPath), model.typescript);
}
