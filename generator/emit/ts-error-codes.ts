/** error-codes.ts of the generated module: the ErrorCode enum and what the catalog says of each code. */
import type { CatalogModel, ErrorModel } from '../model.js';
import { stringLiteral } from './escape.js';
import { doc, header, type Kinds, type Statement } from './ts-common.js';

/** JSDoc of an error code: code and message, then description and measure. */
export function errorDoc(error: ErrorModel): string {
  const parts = [`${error.code} ${error.message} (HTTP ${error.status})`];
  if (error.description !== undefined) parts.push(error.description);
  if (error.measure !== undefined) parts.push(`Measure: ${error.measure}`);
  return parts.join('\n\n');
}

export function errorCodeStatements(model: CatalogModel, kinds: Kinds): Statement[] {
  const entries = model.errors.map((e) => {
    const fields = [
      `code: ErrorCode.${e.name}`,
      `name: ${stringLiteral(e.name)}`,
      `status: ${e.status}`,
      `message: ${stringLiteral(e.message)}`,
      ...(e.description === undefined ? [] : [`description: ${stringLiteral(e.description)}`]),
      ...(e.measure === undefined ? [] : [`measure: ${stringLiteral(e.measure)}`]),
      `deprecated: ${e.deprecated}`,
    ];
    return `Object.freeze({ ${fields.join(', ')} })`;
  });
  return [
    header(model, `Service error codes of the ${model.service} catalog: the ErrorCode enum, and what the catalog says of each code.`),
    {
      kind: kinds.Enum,
      name: 'ErrorCode',
      isExported: true,
      docs: doc(`Service error codes of the ${model.service} catalog, named by each entry's name.`),
      members: model.errors.map((e) => ({
        name: e.name,
        initializer: stringLiteral(e.code),
        docs: doc(errorDoc(e), { deprecated: e.deprecated }),
      })),
    },
    {
      kind: kinds.TypeAlias,
      name: 'ErrorCodeValue',
      isExported: true,
      docs: doc('Every error code of the catalog, as a union of string literals.'),
      type: model.errors.length === 0 ? 'never' : '`${ErrorCode}`',
    },
    {
      kind: kinds.Interface,
      name: 'ErrorInfo',
      isExported: true,
      docs: doc('What the catalog says of one error code.'),
      properties: [
        // An empty enum is not a string type: a catalog without codes types the field as string.
        { name: 'code', isReadonly: true, type: model.errors.length > 0 ? 'ErrorCode' : 'string', docs: doc('The error code.') },
        { name: 'name', isReadonly: true, type: 'string', docs: doc('Identifier used for the enum member and the error class.') },
        { name: 'status', isReadonly: true, type: 'number', docs: doc('The HTTP status it is answered with.') },
        { name: 'message', isReadonly: true, type: 'string', docs: doc('The error message as the service publishes it.') },
        { name: 'description', isReadonly: true, hasQuestionToken: true, type: 'string', docs: doc('What the error means.') },
        { name: 'measure', isReadonly: true, hasQuestionToken: true, type: 'string', docs: doc('What the client should do about it.') },
        { name: 'deprecated', isReadonly: true, type: 'boolean', docs: doc('Whether the catalog marks the code deprecated.') },
      ],
    },
    {
      kind: kinds.VariableStatement,
      isExported: true,
      declarationKind: kinds.Const,
      docs: doc('Every error code of the catalog, sorted by code.'),
      declarations: [{ name: 'ERRORS', type: 'readonly ErrorInfo[]', initializer: `Object.freeze([${entries.join(', ')}])` }],
    },
    {
      kind: kinds.VariableStatement,
      declarationKind: kinds.Const,
      declarations: [
        {
          name: 'BY_ERROR_CODE',
          type: 'ReadonlyMap<string, ErrorInfo>',
          initializer: 'new Map<string, ErrorInfo>(ERRORS.map((info) => [info.code, info]))',
        },
      ],
    },
    {
      kind: kinds.Function,
      name: 'getErrorInfo',
      isExported: true,
      docs: doc('Everything the catalog says of an error code (status, message, description, measure); `undefined` for a code it does not list.'),
      parameters: [{ name: 'code', type: 'string' }],
      returnType: 'ErrorInfo | undefined',
      statements: 'return typeof code === "string" ? BY_ERROR_CODE.get(code) : undefined;',
    },
    {
      kind: kinds.Function,
      name: 'isErrorCode',
      isExported: true,
      docs: doc('Whether a value is an error code the catalog lists.'),
      parameters: [{ name: 'value', type: 'unknown' }],
      returnType: 'value is ErrorCode',
      statements: 'return typeof value === "string" && BY_ERROR_CODE.has(value);',
    },
  ];
}
