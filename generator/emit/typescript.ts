/**
 * TypeScript emitter: enums, lookups and one error class per error status and per error code, built with
 * ts-morph from structures (one createSourceFile per file, never node-by-node) and
 * formatted with prettier. The generated module imports nothing outside its own folder.
 *
 * Catalog text reaches the code only through `stringLiteral` (string values) and `docText`
 * (JSDoc); identifiers come from validated `name` fields only.
 */
import type { CatalogModel } from '../model.js';
import type { GeneratedFile } from './files.js';
import { header, type Kinds, type Statement } from './ts-common.js';
import { errorCodeStatements } from './ts-error-codes.js';
import { errorsStatements } from './ts-errors.js';
import { statusCodeStatements } from './ts-status-codes.js';

/** Fixed prettier options: the output must not depend on any prettier config on the machine. */
export const PRETTIER_OPTIONS = {
  parser: 'typescript',
  printWidth: 100,
  singleQuote: false,
  trailingComma: 'all',
  semi: true,
  endOfLine: 'lf',
} as const;

export async function emitTypeScript(model: CatalogModel): Promise<GeneratedFile[]> {
  const [{ Project, StructureKind, VariableDeclarationKind }, prettier] = await Promise.all([
    import('ts-morph'),
    import('prettier'),
  ]);
  const kinds: Kinds = {
    Enum: StructureKind.Enum,
    TypeAlias: StructureKind.TypeAlias,
    Interface: StructureKind.Interface,
    VariableStatement: StructureKind.VariableStatement,
    Function: StructureKind.Function,
    Class: StructureKind.Class,
    Const: VariableDeclarationKind.Const,
  };
  const project = new Project({ useInMemoryFileSystem: true });
  const files: [string, Statement[]][] = [
    ['ts/error-codes.ts', errorCodeStatements(model, kinds)],
    ['ts/errors.ts', errorsStatements(model, kinds)],
    ['ts/index.ts', indexStatements(model)],
    ['ts/status-codes.ts', statusCodeStatements(model, kinds)],
  ];
  return Promise.all(
    files.map(async ([path, statements]) => {
      const text = project.createSourceFile(path, { statements }, { overwrite: true }).getFullText();
      return { path, contents: await prettier.format(text, PRETTIER_OPTIONS) };
    }),
  );
}

function indexStatements(model: CatalogModel): Statement[] {
  return [
    header(model, `Entry point: the ${model.service} status codes, error codes and error classes.`),
    'export * from "./status-codes.js";',
    'export * from "./error-codes.js";',
    'export * from "./errors.js";',
  ];
}
