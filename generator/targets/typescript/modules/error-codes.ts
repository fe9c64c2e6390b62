/**
 * error-codes.ts of the generated module: ErrorCode (a const object and a union type, or an
 * enum: see codeDeclaration), the table the runtime reads, every code's info, and the codes of
 * each status as types.
 */
import type { CatalogModel, ErrorModel } from '../../../model/model.js';
import { stringLiteral } from '../../../util/escape.js';
import { codeDeclaration, codeKey, codeLiteral, deprecatedTags, errorDoc, keyedInterface } from './common.js';
import { assignment, block, integer, jsDoc, list, union } from '../writer/layout.js';
import { doc, objectKey, StructureKind, type Statement } from '../writer/structures.js';

export function errorCodeStatements(model: CatalogModel): Statement[] {
  const errors = model.errors;
  // One member per code: the first entry of a code listed under several statuses names it.
  const codes = model.codes;
  const byStatus = model.statuses.filter((s) => s.codes.length > 0 || s.isError);
  const literal = (code: string): string => codeLiteral(model, code);
  const numbers = model.errorBody.codeType === 'integer';
  const example = codes[0];
  return [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: './types.js',
      namedImports: ['ErrorDocUrlTable', 'ErrorInfo', 'ErrorMessageTable', 'RetryPolicy'],
    },
    ...codeDeclaration(
      model,
      'ErrorCode',
      `Service error codes of the ${model.service} catalog, named by each entry's name${
        example === undefined
          ? ''
          : `: \`ErrorCode.${example.name}\` is ${literal(example.code)}${
              model.typescript.enums === 'enum' ? ', as a value and as a type' : `; its type alone is \`typeof ErrorCode.${example.name}\``
            }`
      }.`,
      `Every error code of the ${model.service} catalog: a union of ${numbers ? 'number' : 'string'} literals.`,
      codes.map((e) => ({ name: e.name, literal: literal(e.code), doc: errorDoc(e, true), tags: deprecatedTags(e) })),
    ),
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: 'ErrorCodeValue',
      docs: [doc('The same union as the type ErrorCode.')],
      type: 'ErrorCode',
    },
    (w) => {
      jsDoc(w, 'The status and the catalog message of each error code: one pair per status it is listed under.');
      const entries = new Map<string, ErrorModel[]>();
      for (const e of errors) entries.set(codeKey(model, e.code), [...(entries.get(codeKey(model, e.code)) ?? []), e]);
      block(
        w,
        'export const ERROR_MESSAGES: ErrorMessageTable = {',
        [...entries],
        ([code, ofCode]) =>
          list(
            w,
            `${objectKey(code)}: [`,
            ofCode.flatMap((e) => [integer(e.status), stringLiteral(e.message)]),
            '],',
          ),
        '};',
      );
    },
    (w) => {
      jsDoc(w, 'The page the catalog gives for an error code: one pair per status it gives one for.');
      const entries = new Map<string, ErrorModel[]>();
      for (const e of errors.filter((each) => each.docUrl !== undefined)) {
        entries.set(codeKey(model, e.code), [...(entries.get(codeKey(model, e.code)) ?? []), e]);
      }
      block(
        w,
        'export const ERROR_DOC_URLS: ErrorDocUrlTable = {',
        [...entries],
        ([code, ofCode]) =>
          list(
            w,
            `${objectKey(code)}: [`,
            ofCode.flatMap((e) => [integer(e.status), stringLiteral(e.docUrl!)]),
            '],',
          ),
        '};',
      );
    },
    (w) => {
      // Typed with code: string, not ErrorCode: checked against the union of every code, the
      // entries of a large catalog would each keep a type of their own (TS2590 at 10,000 codes).
      jsDoc(w, 'Every entry of the catalog, sorted by code, then status (getErrorInfo gives each with its code typed as ErrorCode).');
      block(
        w,
        `export const ERRORS: readonly ErrorInfo${numbers ? '<number>' : ''}[] = [`,
        errors,
        (e) => {
          w.writeLine('{');
          w.indent(() => {
            assignment(w, 'code:', literal(e.code), ',');
            assignment(w, 'name:', stringLiteral(e.name), ',');
            w.writeLine(`status: ${integer(e.status)},`);
            assignment(w, 'message:', stringLiteral(e.message), ',');
            if (e.description !== undefined) assignment(w, 'description:', stringLiteral(e.description), ',');
            if (e.measure !== undefined) assignment(w, 'measure:', stringLiteral(e.measure), ',');
            w.writeLine(`deprecated: ${e.deprecated},`);
            if (e.retry !== undefined) assignment(w, 'retry:', stringLiteral(e.retry), ',');
            if (e.docUrl !== undefined) assignment(w, 'docUrl:', stringLiteral(e.docUrl), ',');
          });
          w.writeLine('},');
        },
        '];',
      );
    },
    (w) => {
      // A function, not a table: where no code has guidance of its own (most catalogs), what
      // every error's `retryable` carries is one line.
      jsDoc(
        w,
        "The retry guidance the catalog gives an error code under a status, which overrides the status's (a 429 code for an exhausted quota: modify); undefined where it gives none.",
      );
      // In prettier's layout: the heading is wider than its print width.
      w.writeLine('export function errorRetryFor(');
      w.indent(() => w.writeLine('code: string | number | undefined,').writeLine('status: number,'));
      w.write('): RetryPolicy | undefined ').block(() => {
        const guided = errors.filter((e) => e.retry !== undefined);
        if (guided.length === 0) {
          w.writeLine('void code;');
          w.writeLine('void status;');
          w.writeLine('return undefined;');
          return;
        }
        w.writeLine('if (typeof code !== "string" && typeof code !== "number") return undefined;');
        w.write('switch (`${code} ${status}`) ').block(() => {
          for (const e of guided) {
            w.writeLine(`case ${stringLiteral(`${codeKey(model, e.code)} ${e.status}`)}:`);
            w.indent(() => w.writeLine(`return ${stringLiteral(e.retry!)};`));
          }
          w.writeLine('default:');
          w.indent(() => w.writeLine('return undefined;'));
        });
      });
    },
    (w) => {
      jsDoc(w, 'The error codes the catalog lists under each status, as types: `ErrorCodesByStatus[404]`.');
      keyedInterface(w, 'ErrorCodesByStatus', byStatus, (s) => {
        jsDoc(w, `Codes of ${s.status} ${s.message}.`);
        union(w, `readonly ${integer(s.status)}:`, s.codes.length === 0 ? ['never'] : s.codes.map(literal));
      });
    },
  ];
}
