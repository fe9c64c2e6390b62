/**
 * status-codes.ts of the generated module: StatusCode (a const object and a union type, or an
 * enum: see codeDeclaration), the tables the runtime reads, and the category sets.
 */
import type { CatalogModel, StatusModel } from '../../../model/model.js';
import { stringLiteral } from '../../../util/escape.js';
import { codeDeclaration, statusDoc } from './common.js';
import { assignment, block, integer, jsDoc, list, numberList, type Writer } from '../writer/layout.js';
import { doc, StructureKind, type Statement } from '../writer/structures.js';

function statusEntry(w: Writer, s: StatusModel): void {
  w.writeLine('{');
  w.indent(() => {
    w.writeLine(`status: ${integer(s.status)},`);
    assignment(w, 'name:', stringLiteral(s.name), ',');
    assignment(w, 'message:', stringLiteral(s.message), ',');
    assignment(w, 'description:', stringLiteral(s.description), ',');
    if (s.retry !== undefined) w.writeLine(`retry: ${stringLiteral(s.retry)},`);
    list(w, 'headers: [', s.headers.map(stringLiteral), '],');
    w.writeLine(`bodyAllowed: ${s.bodyAllowed},`);
  });
  w.writeLine('},');
}

/** An object literal of one line per entry, or `{}`. */
function table(w: Writer, lead: string, entries: readonly (readonly [key: string, value: string])[]): void {
  block(w, `${lead}{`, entries, ([key, value]) => assignment(w, `${key}:`, value, ','), '};');
}

export function statusCodeStatements(model: CatalogModel): Statement[] {
  const statuses = model.statuses;
  // Number literals, not StatusCode members: a bundler can drop a pure call only when its
  // arguments cannot run code, and reading StatusCode.X might.
  const members = (predicate: (s: StatusModel) => boolean): string[] => statuses.filter(predicate).map((s) => integer(s.status));
  const set = (about: string, name: string, predicate: (s: StatusModel) => boolean) => (w: Writer) => {
    jsDoc(w, about);
    numberList(w, `export const ${name}: ReadonlySet<StatusCode> = /*#__PURE__*/ new Set([`, members(predicate), ']);');
  };
  return [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: './types.js',
      namedImports: ['RetryPolicy', 'StatusInfo'],
    },
    ...codeDeclaration(
      model,
      'StatusCode',
      `HTTP status codes of the ${model.service} catalog, named by each entry's \`name\`: \`StatusCode.NotFound\` is 404${
        model.typescript.enums === 'enum'
          ? ', as a value and as a type, and `StatusCode[404]` is "NotFound"'
          : '; the type of one code alone is `typeof StatusCode.NotFound`'
      }.`,
      `Every status code of the ${model.service} catalog: a union of number literals.`,
      statuses.map((s) => ({ name: s.name, literal: integer(s.status), doc: statusDoc(s) })),
    ),
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: 'StatusCodeValue',
      docs: [doc('The same union as the type StatusCode.')],
      type: 'StatusCode',
    },
    (w) => {
      jsDoc(w, 'The catalog message of each status code.');
      table(
        w,
        'export const STATUS_MESSAGES: { readonly [S in StatusCode]: string } = ',
        statuses.map((s) => [integer(s.status), stringLiteral(s.message)]),
      );
    },
    (w) => {
      jsDoc(w, 'The retry guidance of each status code that has some.');
      table(
        w,
        'export const STATUS_RETRY: { readonly [status: number]: RetryPolicy | undefined } = ',
        statuses.filter((s) => s.retry !== undefined).map((s) => [integer(s.status), stringLiteral(s.retry!)]),
      );
    },
    (w) => {
      jsDoc(w, 'Every status of the catalog, in code order.');
      block(w, 'export const STATUSES: readonly StatusInfo<StatusCode>[] = [', statuses, (s) => statusEntry(w, s), '];');
    },
    set('Statuses that redirect: 3xx statuses of the catalog that send a Location header.', 'REDIRECT_STATUSES', (s) => s.redirects),
    set('Statuses whose responses carry no content.', 'EMPTY_BODY_STATUSES', (s) => !s.bodyAllowed),
    set(
      'Statuses whose request may be repeated unmodified (retry policy "anytime", "retry-after" or "if-retry-after"; for the last, only when Retry-After is sent: use `isRetryable`).',
      'RETRYABLE_STATUSES',
      (s) => s.retryable,
    ),
  ];
}
