/** status-codes.ts of the generated module: the StatusCode enum, lookups and category predicates. */
import type { FunctionDeclarationStructure, VariableStatementStructure } from 'ts-morph';
import type { CatalogModel, StatusModel } from '../model.js';
import { stringLiteral } from './escape.js';
import { doc, header, statusDoc, type Kinds, type Statement } from './ts-common.js';

const RETRY_DOCS = `How a client may retry a request that got this status:
- "modify": do not repeat the request without modifications;
- "anytime": the request may be repeated without modifications at any later time;
- "retry-after": repeat the request after the delay the Retry-After header gives;
- "if-retry-after": repeat the request only when the response carries Retry-After, after that delay.`;

export function statusCodeStatements(model: CatalogModel, kinds: Kinds): Statement[] {
  const constKind = kinds.Const;
  const statuses = model.statuses;
  const members = (predicate: (s: StatusModel) => boolean): string =>
    statuses
      .filter(predicate)
      .map((s) => `StatusCode.${s.name}`)
      .join(', ');
  const constant = (name: string, type: string, initializer: string, about: string): VariableStatementStructure => ({
    kind: kinds.VariableStatement,
    isExported: true,
    declarationKind: constKind,
    docs: doc(about),
    declarations: [{ name, type, initializer }],
  });
  const privateConstant = (name: string, type: string, initializer: string): VariableStatementStructure => ({
    kind: kinds.VariableStatement,
    declarationKind: constKind,
    declarations: [{ name, type, initializer }],
  });
  const fn = (
    name: string,
    parameters: { name: string; type: string; initializer?: string }[],
    returnType: string,
    body: string,
    about: string,
    exported = true,
  ): FunctionDeclarationStructure => ({
    kind: kinds.Function,
    name,
    isExported: exported,
    docs: exported ? doc(about) : [],
    parameters,
    returnType,
    statements: body,
  });

  const infoEntries = statuses.map((s) => {
    const fields = [
      `status: StatusCode.${s.name}`,
      `name: ${stringLiteral(s.name)}`,
      `message: ${stringLiteral(s.message)}`,
      `description: ${stringLiteral(s.description)}`,
      ...(s.retry === undefined ? [] : [`retry: ${stringLiteral(s.retry)}`]),
      `headers: Object.freeze([${s.headers.map(stringLiteral).join(', ')}])`,
      `bodyAllowed: ${s.bodyAllowed}`,
    ];
    return `Object.freeze({ ${fields.join(', ')} })`;
  });

  return [
    header(model, `HTTP status codes of the ${model.service} catalog: the StatusCode enum, lookups by code and by message, and category predicates.`),
    {
      kind: kinds.Enum,
      name: 'StatusCode',
      isExported: true,
      docs: doc(`HTTP status codes of the ${model.service} catalog, named by each entry's \`name\`.`),
      members: statuses.map((s) => ({ name: s.name, value: s.status, docs: doc(statusDoc(s)) })),
    },
    {
      kind: kinds.TypeAlias,
      name: 'StatusCodeValue',
      isExported: true,
      docs: doc(`Every status code in the ${model.service} catalog, as a union of number literals.`),
      type: statuses.map((s) => String(s.status)).join(' | '),
    },
    {
      kind: kinds.TypeAlias,
      name: 'RetryPolicy',
      isExported: true,
      docs: doc(RETRY_DOCS),
      type: '"modify" | "anytime" | "retry-after" | "if-retry-after"',
    },
    {
      kind: kinds.Interface,
      name: 'StatusInfo',
      isExported: true,
      docs: doc('What the catalog says of one status.'),
      properties: [
        { name: 'status', isReadonly: true, type: 'StatusCode', docs: doc('The status code.') },
        { name: 'name', isReadonly: true, type: 'string', docs: doc('Identifier used for the enum member and the error class.') },
        { name: 'message', isReadonly: true, type: 'string', docs: doc('The status message as the service publishes it.') },
        { name: 'description', isReadonly: true, type: 'string', docs: doc('What the status means; paragraphs are separated by blank lines.') },
        { name: 'retry', isReadonly: true, hasQuestionToken: true, type: 'RetryPolicy', docs: doc('Retry guidance, where the catalog gives any.') },
        { name: 'headers', isReadonly: true, type: 'readonly string[]', docs: doc('Response headers this status sends.') },
        { name: 'bodyAllowed', isReadonly: true, type: 'boolean', docs: doc('Whether the response may carry content.') },
      ],
    },
    constant('STATUSES', 'readonly StatusInfo[]', `Object.freeze([${infoEntries.join(', ')}])`, 'Every status of the catalog, in code order.'),
    privateConstant('BY_CODE', 'ReadonlyMap<number, StatusInfo>', 'new Map(STATUSES.map((info) => [info.status, info]))'),
    privateConstant('BY_MESSAGE', 'ReadonlyMap<string, StatusCode>', 'new Map(STATUSES.map((info) => [info.message, info.status]))'),
    privateConstant(
      'BY_LOOSE_MESSAGE',
      'ReadonlyMap<string, StatusCode>',
      // Reversed so that, where two messages reduce to the same key, the lower code wins.
      'new Map(STATUSES.map((info): [string, StatusCode] => [looseKey(info.message), info.status]).reverse())',
    ),
    fn('looseKey', [{ name: 'message', type: 'string' }], 'string', 'return message.toLowerCase().replace(/[^a-z0-9]/g, "");', '', false),
    fn(
      'getStatusInfo',
      [{ name: 'code', type: 'number' }],
      'StatusInfo | undefined',
      'return BY_CODE.get(code);',
      'Everything the catalog says of a status code; `undefined` for a code it does not list.',
    ),
    fn(
      'getStatusMessage',
      [{ name: 'code', type: 'number' }],
      'string | undefined',
      'return BY_CODE.get(code)?.message;',
      'The catalog message of a status code, e.g. `getStatusMessage(404)`; `undefined` for a code the catalog does not list.',
    ),
    fn(
      'getStatusCode',
      [{ name: 'message', type: 'string' }],
      'StatusCode | undefined',
      'if (typeof message !== "string") return undefined;\nreturn BY_MESSAGE.get(message) ?? BY_LOOSE_MESSAGE.get(looseKey(message));',
      'The status code of a catalog message. An exact match wins; otherwise case, spaces and punctuation are ignored, so "Not Found" finds the code of "NotFound". `undefined` when nothing matches.',
    ),
    fn(
      'isStatusCode',
      [{ name: 'value', type: 'unknown' }],
      'value is StatusCode',
      'return typeof value === "number" && BY_CODE.has(value);',
      'Whether a value is a status code the catalog lists.',
    ),
    ...(
      [
        ['isInformational', 100, 199, '1xx (informational)'],
        ['isSuccess', 200, 299, '2xx (successful)'],
        ['isRedirection', 300, 399, '3xx (redirection)'],
        ['isClientError', 400, 499, '4xx (client error)'],
        ['isServerError', 500, 599, '5xx (server error)'],
        ['isError', 400, 599, '4xx or 5xx'],
      ] as const
    ).map(([name, low, high, range]) =>
      fn(
        name,
        [{ name: 'code', type: 'number' }],
        'boolean',
        `return Number.isInteger(code) && code >= ${low} && code <= ${high};`,
        `Whether a status code is ${range}, listed in the catalog or not.`,
      ),
    ),
    constant(
      'REDIRECT_STATUSES',
      'ReadonlySet<StatusCode>',
      `new Set([${members((s) => s.statusClass === 'redirection' && s.headers.includes('Location'))}])`,
      'Statuses that redirect: 3xx statuses of the catalog that send a Location header.',
    ),
    constant(
      'EMPTY_BODY_STATUSES',
      'ReadonlySet<StatusCode>',
      `new Set([${members((s) => !s.bodyAllowed)}])`,
      'Statuses whose responses carry no content.',
    ),
    constant(
      'RETRYABLE_STATUSES',
      'ReadonlySet<StatusCode>',
      `new Set([${members((s) => s.retry !== undefined && s.retry !== 'modify')}])`,
      'Statuses whose request may be repeated unmodified (retry policy "anytime", "retry-after" or "if-retry-after"; for the last, only when Retry-After is sent: use `isRetryable`).',
    ),
    fn(
      'isRetryable',
      [
        { name: 'code', type: 'number' },
        { name: 'hasRetryAfter', type: 'boolean', initializer: 'false' },
      ],
      'boolean',
      'const retry = BY_CODE.get(code)?.retry;\nreturn retry === "anytime" || retry === "retry-after" || (retry === "if-retry-after" && hasRetryAfter);',
      'Whether a request that got this status may be repeated unmodified, by the catalog\'s retry guidance. `hasRetryAfter` tells whether the response carried a Retry-After header.',
    ),
  ];
}
