/**
 * catalog.ts of the generated module: the constants of this catalog that the copied runtime
 * reads (service, error body layout, default code, declared headers) and the ErrorBody type.
 */
import type { CatalogModel } from '../model.js';
import { stringLiteral } from './escape.js';
import { util } from 'prettier';
import { assignment, jsDoc, list, PRETTIER_OPTIONS, type Writer } from './ts-layout.js';
import { doc, StructureKind, type Statement } from './ts-structures.js';

function path(w: Writer, key: string, members: readonly string[]): void {
  list(w, `${key}: [`, members.map(stringLiteral), '],');
}

/** The layout the runtime writes and reads bodies by (see runtime/error-body.ts). */
function errorBodyLayout(model: CatalogModel): (w: Writer) => void {
  const body = model.errorBody;
  const inner = (field: string): string[] => (body.shape === 'nested' ? ['error', field] : [field]);
  return (w) => {
    w.writeLine('/** Where the parts of an error body travel, and its media type. */');
    w.writeLine('export const ERROR_BODY: ErrorBodyLayout = {');
    w.indent(() => {
      w.writeLine(`mediaType: ${stringLiteral(model.errorMediaType)},`);
      path(w, 'code', inner(body.codeField));
      path(w, 'message', inner(body.messageField));
      path(w, 'requestId', inner('request_id'));
      if (body.shape !== 'problem') w.writeLine('problem: false,');
      else if (body.problemTypeBase === undefined) w.writeLine('problem: { typeBase: undefined },');
      else {
        w.writeLine('problem: {');
        w.indent(() => assignment(w, 'typeBase:', stringLiteral(body.problemTypeBase!), ','));
        w.writeLine('},');
      }
    });
    w.writeLine('};');
  };
}

/** The fields of the body: code (optional without a default code), message, request id. */
function bodyFields(w: Writer, model: CatalogModel): void {
  const body = model.errorBody;
  jsDoc(w, 'Service error code.');
  w.writeLine(`readonly ${body.codeField}${body.defaultCode === undefined ? '?' : ''}: string;`);
  if (body.shape !== 'problem') {
    jsDoc(w, 'Error message.');
    w.writeLine(`readonly ${body.messageField}: string;`);
  }
  jsDoc(w, 'Identifier of the request, for support and logs.');
  w.writeLine('readonly request_id?: string;');
}

const PROBLEM_MEMBERS: readonly [string, string][] = [
  ['URI of the problem type.', 'readonly type: string;'],
  ['Short summary: the message of the error code, else of the status.', 'readonly title: string;'],
  ['The HTTP status.', 'readonly status: number;'],
  ['The error message.', 'readonly detail: string;'],
  ['URI of this occurrence.', 'readonly instance?: string;'],
];

function errorBodyType(model: CatalogModel): (w: Writer) => void {
  const body = model.errorBody;
  const about = body.description ?? `The JSON body of an error response of the ${model.service} service.`;
  return (w) => {
    if (body.shape === 'nested') {
      jsDoc(w, 'The fields inside the "error" object of an error body.');
      w.write('export interface ErrorBodyFields ').block(() => bodyFields(w, model));
      w.blankLine();
      jsDoc(w, about);
      w.write('export interface ErrorBody ').block(() => {
        jsDoc(w, 'The error.');
        w.writeLine('readonly error: ErrorBodyFields;');
      });
      return;
    }
    jsDoc(w, body.shape === 'problem' ? `${about}\n\nAn RFC 9457 problem document (application/problem+json).` : about);
    w.write('export interface ErrorBody ').block(() => {
      if (body.shape === 'problem') {
        for (const [text, line] of PROBLEM_MEMBERS) {
          jsDoc(w, text);
          w.writeLine(line);
        }
      }
      bodyFields(w, model);
    });
  };
}

export function catalogStatements(model: CatalogModel): Statement[] {
  const body = model.errorBody;
  const headerNames = model.headers.map((h) => stringLiteral(h.name.toLowerCase()));
  return [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: './error-body.js',
      namedImports: ['ErrorBodyLayout'],
    },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: 'const' as never,
      docs: [doc("The catalog's service: the key under which copies of this code recognise each other's errors.")],
      declarations: [{ name: 'SERVICE', initializer: stringLiteral(model.service) }],
    },
    errorBodyLayout(model),
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: 'const' as never,
      docs: [doc('Media type of error bodies.')],
      declarations: [{ name: 'ERROR_MEDIA_TYPE', initializer: stringLiteral(model.errorMediaType) }],
    },
    (w) => {
      jsDoc(w, 'The error code a server sends for an error raised without one; undefined when the catalog sets none.');
      if (body.defaultCode === undefined) w.writeLine('export const DEFAULT_ERROR_CODE: string | undefined = undefined;');
      else assignment(w, 'export const DEFAULT_ERROR_CODE: string | undefined =', stringLiteral(body.defaultCode), ';');
    },
    (w) => {
      jsDoc(w, 'The type of DEFAULT_ERROR_CODE: its literal, or never.');
      assignment(w, 'export type DefaultErrorCode =', body.defaultCode === undefined ? 'never' : stringLiteral(body.defaultCode), ';');
    },
    (w) => {
      jsDoc(w, "The pattern service error codes are expected to match (the catalog's errorBody.codePattern); undefined when it sets none.");
      if (body.codePattern === undefined) w.writeLine('export const ERROR_CODE_PATTERN: RegExp | undefined = undefined;');
      else {
        // Prettier's layout of a call: on one line, else one argument per line.
        const lead = 'export const ERROR_CODE_PATTERN: RegExp | undefined = /*#__PURE__*/ new RegExp(';
        const pattern = stringLiteral(body.codePattern);
        const line = `${lead}${pattern}, "u");`;
        if (util.getStringWidth(line) <= PRETTIER_OPTIONS.printWidth) w.writeLine(line);
        else {
          w.writeLine(lead);
          w.indent(() => w.writeLine(`${pattern},`).writeLine('"u",'));
          w.writeLine(');');
        }
      }
    },
    (w) => {
      jsDoc(w, 'Names of the headers the catalog declares, lower-case: the only ones an error sends, or keeps from a response.');
      list(w, 'export const DECLARED_HEADERS: readonly string[] = [', headerNames, '];');
    },
    errorBodyType(model),
  ];
}
