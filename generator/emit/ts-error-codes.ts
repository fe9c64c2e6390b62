/** error-codes.ts of the generated module: the ErrorCode enum and what the catalog says of each code. */
import type { CatalogModel, ErrorModel } from '../model.js';
import { stringLiteral } from './escape.js';
import { deprecatedTags, errorDoc, fileHeader } from './ts-common.js';
import { assignment, integer, jsDoc, Pieces, verbatim, type NewWriter, type Writer } from './ts-layout.js';

function errorInfo(codeType: string): string {
  return `
/** What the catalog says of one error code. */
export interface ErrorInfo {
  /** The error code. */
  readonly code: ${codeType};
  /** Identifier used for the enum member and the error class. */
  readonly name: string;
  /** The HTTP status it is answered with. */
  readonly status: number;
  /** The error message as the service publishes it. */
  readonly message: string;
  /** What the error means. */
  readonly description?: string;
  /** What the client should do about it. */
  readonly measure?: string;
  /** Whether the catalog marks the code deprecated. */
  readonly deprecated: boolean;
}
`;
}

function lookups(hasCodes: boolean): string {
  // An empty enum is no string type: the overload for listed codes needs codes to list.
  const known = hasCodes
    ? '/** Everything the catalog says of an error code it lists. */\nexport function getErrorInfo(code: ErrorCode): ErrorInfo;\n'
    : '';
  return `
const BY_ERROR_CODE: ReadonlyMap<string, ErrorInfo> = new Map<string, ErrorInfo>(
  ERRORS.map((info) => [info.code, info]),
);

${known}/** Everything the catalog says of an error code (status, message, description, measure); \`undefined\` for a code it does not list. */
export function getErrorInfo(code: string): ErrorInfo | undefined;
export function getErrorInfo(code: string): ErrorInfo | undefined {
  return typeof code === "string" ? BY_ERROR_CODE.get(code) : undefined;
}

/** Whether a value is an error code the catalog lists. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && BY_ERROR_CODE.has(value);
}
`;
}

function errorEntry(w: Writer, e: ErrorModel): void {
  w.writeLine('Object.freeze({');
  w.indent(() => {
    assignment(w, 'code:', `ErrorCode.${e.name}`, ',');
    assignment(w, 'name:', stringLiteral(e.name), ',');
    w.writeLine(`status: ${integer(e.status)},`);
    assignment(w, 'message:', stringLiteral(e.message), ',');
    if (e.description !== undefined) assignment(w, 'description:', stringLiteral(e.description), ',');
    if (e.measure !== undefined) assignment(w, 'measure:', stringLiteral(e.measure), ',');
    w.writeLine(`deprecated: ${e.deprecated},`);
  });
  w.writeLine('}),');
}

export function writeErrorCodes(newWriter: NewWriter, model: CatalogModel): string {
  const errors = model.errors;
  const pieces = new Pieces(newWriter);
  pieces.add(0, (w) => {
    fileHeader(w, model, `Service error codes of the ${model.service} catalog: the ErrorCode enum, and what the catalog says of each code.`);
    w.blankLine();
    jsDoc(w, `Service error codes of the ${model.service} catalog, named by each entry's name.`);
    w.writeLine(errors.length === 0 ? 'export enum ErrorCode {}' : 'export enum ErrorCode {');
  });
  pieces.addEach(1, errors, (w, e) => {
    jsDoc(w, errorDoc(e), deprecatedTags(e));
    // Prettier never breaks an enum member, however long.
    w.writeLine(`${e.name} = ${stringLiteral(e.code)},`);
  });
  pieces.add(0, (w) => {
    if (errors.length > 0) w.writeLine('}');
    // newLine(), not blankLine(): on a fresh writer blankLine() writes two.
    w.newLine();
    jsDoc(w, 'Every error code of the catalog, as a union of string literals.');
    w.writeLine(errors.length === 0 ? 'export type ErrorCodeValue = never;' : 'export type ErrorCodeValue = `${ErrorCode}`;');
    w.blankLine();
    // An empty enum is not a string type: a catalog without codes types the field as string.
    verbatim(w, errorInfo(errors.length === 0 ? 'string' : 'ErrorCode'));
    w.blankLine();
    jsDoc(w, 'Every error code of the catalog, sorted by code.');
    w.writeLine(errors.length === 0 ? 'export const ERRORS: readonly ErrorInfo[] = Object.freeze([]);' : 'export const ERRORS: readonly ErrorInfo[] = Object.freeze([');
  });
  pieces.addEach(1, errors, errorEntry);
  pieces.add(0, (w) => {
    if (errors.length > 0) w.writeLine(']);');
    verbatim(w, lookups(errors.length > 0));
  });
  return pieces.toString();
}
