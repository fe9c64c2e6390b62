/**
 * TypeScript emitter: the StatusCode and ErrorCode enums, lookups, and one error class per
 * error status and per error code, written with ts-morph's CodeBlockWriter directly in
 * prettier's layout (see ts-layout.ts). The generated module imports nothing outside its own
 * folder.
 *
 * Catalog text reaches the code only through `stringLiteral` (string values) and `docText`
 * (JSDoc); identifiers come from validated `name` fields only.
 *
 * Pure and synchronous: the writer class is passed in, and the caller decides which thread
 * writes (a worker, so that large catalogs are written in parallel with the OpenAPI).
 */
import type { CatalogModel } from '../model.js';
import type { GeneratedFile } from './files.js';
import { fileHeader } from './ts-common.js';
import { writeErrorCodes } from './ts-error-codes.js';
import { writeErrors } from './ts-errors.js';
import { PRETTIER_OPTIONS, type NewWriter, type WriterClass } from './ts-layout.js';
import { writeStatusCodes } from './ts-status-codes.js';

export { PRETTIER_OPTIONS };

function writeIndex(newWriter: NewWriter, model: CatalogModel): string {
  const w = newWriter();
  fileHeader(w, model, `Entry point: the ${model.service} status codes, error codes and error classes.`);
  w.writeLine('export * from "./status-codes.js";');
  w.writeLine('export * from "./error-codes.js";');
  w.writeLine('export * from "./errors.js";');
  return w.toString();
}

function writeStatusCodesFile(newWriter: NewWriter, model: CatalogModel): string {
  const w = newWriter();
  writeStatusCodes(w, model);
  return w.toString();
}

export function emitTypeScript(model: CatalogModel, Writer: WriterClass): GeneratedFile[] {
  const newWriter: NewWriter = () => new Writer({ newLine: '\n', indentNumberOfSpaces: 2, useTabs: false, useSingleQuote: false });
  const files: [string, (newWriter: NewWriter, model: CatalogModel) => string][] = [
    ['ts/error-codes.ts', writeErrorCodes],
    ['ts/errors.ts', writeErrors],
    ['ts/index.ts', writeIndex],
    ['ts/status-codes.ts', writeStatusCodesFile],
  ];
  return files.map(([path, write]) => ({ path, contents: `${write(newWriter, model).replace(/\n+$/, '')}\n` }));
}
