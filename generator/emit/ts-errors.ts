/**
 * errors.ts of the generated module: ApiError and its subclasses (one per 4xx/5xx status,
 * one per error code), the wire form in the catalog's body shape, and errorFromResponse.
 */
import type { ClassDeclarationStructure, FunctionDeclarationStructure, OptionalKind, PropertyDeclarationStructure } from 'ts-morph';
import type { CatalogModel, ErrorModel, StatusModel } from '../model.js';
import { stringLiteral } from './escape.js';
import { doc, header, statusDoc, type Kinds, type Statement } from './ts-common.js';
import { errorDoc } from './ts-error-codes.js';

/** Keys under which any shape may carry the code and the message: the declared ones are tried first. */
function lookupKeys(model: CatalogModel): { code: string[]; message: string[]; innerCode: string[]; innerMessage: string[] } {
  const body = model.errorBody;
  const unique = (keys: string[]): string[] => [...new Set(keys)];
  // The catalog's own field names are looked for in every position, the usual ones after them.
  const messageField = body.shape === 'problem' ? [] : [body.messageField];
  return {
    code: unique([body.codeField, 'error_code', 'code']),
    message: unique([...messageField, 'error_msg', 'detail', 'message']),
    innerCode: unique([body.codeField, 'code', 'error_code']),
    innerMessage: unique([...messageField, 'message', 'error_msg']),
  };
}

function literalList(keys: readonly string[]): string {
  return `[${keys.map(stringLiteral).join(', ')}]`;
}

export function errorsStatements(model: CatalogModel, kinds: Kinds): Statement[] {
  const body = model.errorBody;
  const codeKey = stringLiteral(body.codeField);
  const messageKey = stringLiteral(body.messageField);
  const hasDefault = body.defaultCode !== undefined;
  const codeType = hasDefault ? 'string' : 'string | undefined';
  const isProblem = body.shape === 'problem';
  const errorStatuses = model.statuses.filter((s) => s.isError);
  const keys = lookupKeys(model);

  const constant = (name: string, type: string | undefined, initializer: string, about: string, exported = true): Statement => ({
    kind: kinds.VariableStatement,
    isExported: exported,
    declarationKind: kinds.Const,
    docs: exported ? doc(about) : [],
    declarations: [{ name, ...(type === undefined ? {} : { type }), initializer }],
  });

  // The body interface(s) of the declared shape.
  const bodyFields = [
    { name: codeKey, isReadonly: true, hasQuestionToken: !hasDefault, type: 'string', docs: doc('Service error code.') },
    ...(isProblem ? [] : [{ name: messageKey, isReadonly: true, type: 'string', docs: doc('Error message.') }]),
    { name: 'request_id', isReadonly: true, hasQuestionToken: true, type: 'string', docs: doc('Identifier of the request, for support and logs.') },
  ];
  const bodyDoc = body.description ?? `The JSON body of an error response of the ${model.service} service.`;
  const bodyTypes: Statement[] =
    body.shape === 'nested'
      ? [
          { kind: kinds.Interface, name: 'ErrorBodyFields', isExported: true, docs: doc('The fields inside the "error" object of an error body.'), properties: bodyFields },
          {
            kind: kinds.Interface,
            name: 'ErrorBody',
            isExported: true,
            docs: doc(bodyDoc),
            properties: [{ name: 'error', isReadonly: true, type: 'ErrorBodyFields', docs: doc('The error.') }],
          },
        ]
      : [
          {
            kind: kinds.Interface,
            name: 'ErrorBody',
            isExported: true,
            docs: doc(isProblem ? `${bodyDoc}\n\nAn RFC 9457 problem document (application/problem+json).` : bodyDoc),
            properties: [
              ...(isProblem
                ? [
                    { name: 'type', isReadonly: true, type: 'string', docs: doc('URI of the problem type.') },
                    { name: 'title', isReadonly: true, type: 'string', docs: doc('Short summary: the message of the error code, else of the status.') },
                    { name: 'status', isReadonly: true, type: 'number', docs: doc('The HTTP status.') },
                    { name: 'detail', isReadonly: true, type: 'string', docs: doc('The error message.') },
                    { name: 'instance', isReadonly: true, hasQuestionToken: true, type: 'string', docs: doc('URI of this occurrence.') },
                  ]
                : []),
              ...bodyFields,
            ],
          },
        ];

  const toJsonBody = (() => {
    const code = hasDefault ? `${codeKey}: this.errorCode` : `...(this.errorCode === undefined ? {} : { ${codeKey}: this.errorCode })`;
    const requestId = '...(this.#sendsRequestId && this.requestId !== undefined ? { request_id: this.requestId } : {})';
    switch (body.shape) {
      case 'problem':
        return [
          '// A code the catalog lists has its own problem type; anything else is about:blank, titled by the status (RFC 9457).',
          'const code = this.errorCode;',
          'const info = code === undefined || PROBLEM_TYPE_BASE === undefined ? undefined : getErrorInfo(code);',
          'return {',
          'type: info === undefined ? "about:blank" : PROBLEM_TYPE_BASE + info.code,',
          'title: info === undefined ? (getStatusMessage(this.status) ?? "HTTP " + String(this.status)) : info.message,',
          'status: this.status,',
          'detail: this.errorMsg,',
          '...(this.instance === undefined ? {} : { instance: this.instance }),',
          `${code},`,
          `${requestId},`,
          '};',
        ];
      case 'nested':
        return [`return { error: { ${code}, ${messageKey}: this.errorMsg, ${requestId} } };`];
      case 'flat':
        return [`return { ${code}, ${messageKey}: this.errorMsg, ${requestId} };`];
    }
  })();

  const apiErrorProperties: OptionalKind<PropertyDeclarationStructure>[] = [
    { name: 'status', isReadonly: true, type: 'number', docs: doc('HTTP status.') },
    { name: 'errorCode', isReadonly: true, type: codeType, docs: doc(`Service error code, sent as ${body.codeField}.`) },
    { name: 'errorMsg', isReadonly: true, type: 'string', docs: doc(`Error message, sent as ${body.messageField}.`) },
    { name: 'headers', isReadonly: true, type: 'Readonly<Record<string, string>>', docs: doc('Response headers of this error, with lower-case names.') },
    {
      name: 'requestId',
      isReadonly: true,
      type: 'string | undefined',
      docs: doc('Identifier of the request: from the body (request_id) or the x-request-id header.'),
    },
    ...(isProblem
      ? [{ name: 'instance', isReadonly: true, type: 'string | undefined', docs: doc('URI of this occurrence (the problem\'s instance).') }]
      : []),
    {
      name: 'expose',
      isReadonly: true,
      type: 'boolean',
      docs: doc(
        'Whether the message is meant for the client: true for 4xx, false for 5xx. A hint for frameworks: toJSON() and toResponse() send errorMsg as given, so give 5xx errors a message fit for clients and keep details in `cause`.',
      ),
    },
    { name: '#sendsRequestId', isReadonly: true, type: 'boolean' },
  ];

  const statusClasses: ClassDeclarationStructure[] = errorStatuses.map((s) => statusClass(s, model, kinds));
  const codeClasses: ClassDeclarationStructure[] = model.errors.map((e) => codeClass(e, kinds));

  const functions: FunctionDeclarationStructure[] = [
    {
      kind: kinds.Function,
      name: 'errorClassFor',
      isExported: true,
      docs: doc('The error class of a status; `undefined` for a status without one.'),
      overloads: [
        {
          docs: doc('The error class of a catalog status.'),
          typeParameters: [{ name: 'S', constraint: 'keyof ErrorClasses' }],
          parameters: [{ name: 'status', type: 'S' }],
          returnType: 'ErrorClasses[S]',
        },
        {
          docs: doc('The error class of a status; `undefined` for a status without one.'),
          parameters: [{ name: 'status', type: 'number' }],
          returnType: 'ApiErrorClass | undefined',
        },
      ],
      parameters: [{ name: 'status', type: 'number' }],
      returnType: 'ApiErrorClass | undefined',
      statements: 'return ERROR_CLASSES.get(status);',
    },
    {
      kind: kinds.Function,
      name: 'errorClassForCode',
      isExported: true,
      docs: doc('The error class of an error code; `undefined` for a code the catalog does not list.'),
      parameters: [{ name: 'code', type: 'string' }],
      returnType: 'CodeErrorClass | undefined',
      statements: 'return typeof code === "string" ? CODE_CLASSES.get(code) : undefined;',
    },
    {
      kind: kinds.Function,
      name: 'errorFromResponse',
      isExported: true,
      docs: doc(
        'The error a response stands for: the class of the error code in the body when the catalog lists that code under this status, else the status class (e.g. NotFoundError), else ClientError or ServerError by range, else ApiError.\n\n' +
          '`body` is the raw text or the parsed JSON, in any of the flat, nested or problem shapes, whatever this catalog declares: gateways and proxies answer in their own. ' +
          'Missing or extra fields, text that is not JSON, wrong types and unknown statuses are all accepted: this function never throws.',
        { params: { status: 'HTTP status of the response.', body: 'Response body, raw text or parsed JSON.', headers: 'Response headers (Retry-After, x-request-id).' } },
      ),
      parameters: [
        { name: 'status', type: 'number' },
        { name: 'body', hasQuestionToken: true, type: 'unknown' },
        { name: 'headers', hasQuestionToken: true, type: 'HeaderInput' },
      ],
      returnType: 'ApiError',
      statements: [
        'const code = typeof status === "number" ? status : Number.NaN;',
        'try {',
        'const fields = readErrorBody(body);',
        'const options: ApiErrorOptions = { errorCode: fields.code, headers, requestId: fields.requestId' + (isProblem ? ', instance: fields.instance' : '') + ' };',
        'const ForCode = fields.code === undefined ? undefined : CODE_CLASSES.get(fields.code);',
        'if (ForCode !== undefined && ForCode.status === code) return new ForCode(fields.message, options);',
        'const ForStatus = ERROR_CLASSES.get(code);',
        'if (ForStatus !== undefined) return new ForStatus(fields.message, options);',
        'if (code >= 400 && code <= 499) return new ClientError(code, fields.message, options);',
        'if (code >= 500 && code <= 599) return new ServerError(code, fields.message, options);',
        'return new ApiError(code, fields.message, options);',
        '} catch {',
        '// Only hostile input gets here (a throwing getter, proxy or forEach): keep the status, drop the rest.',
        'return new ApiError(code);',
        '}',
      ],
    },
    {
      kind: kinds.Function,
      name: 'isApiError',
      isExported: true,
      overloads: [
        {
          docs: doc('Whether a value is an ApiError.'),
          parameters: [{ name: 'value', type: 'unknown' }],
          returnType: 'value is ApiError',
        },
        {
          docs: doc('Whether a value is an ApiError of the given status.'),
          typeParameters: [{ name: 'S', constraint: 'number' }],
          parameters: [
            { name: 'value', type: 'unknown' },
            { name: 'status', type: 'S' },
          ],
          returnType: 'value is ApiError & { readonly status: S }',
        },
      ],
      parameters: [
        { name: 'value', type: 'unknown' },
        { name: 'status', hasQuestionToken: true, type: 'number' },
      ],
      returnType: 'boolean',
      statements: 'return value instanceof ApiError && (status === undefined || value.status === status);',
    },
    {
      kind: kinds.Function,
      name: 'parseRetryAfter',
      isExported: true,
      docs: doc(
        'Seconds to wait from a Retry-After value: delay-seconds, or an HTTP-date in any of the three RFC 9110 formats. `undefined` when absent or not one of those (a list, a negative or fractional number, other text): never 0 by accident.',
        { params: { value: 'The header value.', now: 'The current time in milliseconds, for HTTP-dates.' } },
      ),
      parameters: [
        { name: 'value', type: 'string | undefined' },
        { name: 'now', type: 'number', initializer: 'Date.now()' },
      ],
      returnType: 'number | undefined',
      statements: [
        'if (typeof value !== "string") return undefined;',
        'const text = value.trim();',
        '// Capped at 10 digits (about 317 years): larger is no honest delay.',
        'if (/^[0-9]{1,10}$/.test(text)) return Number(text);',
        'if (!HTTP_DATE.test(text)) return undefined;',
        'const date = Date.parse(text);',
        'return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));',
      ],
    },
    {
      kind: kinds.Function,
      name: 'readErrorBody',
      parameters: [{ name: 'body', type: 'unknown' }],
      returnType: '{ code: string | undefined; message: string | undefined; requestId: string | undefined; instance: string | undefined }',
      statements: [
        'const none = { code: undefined, message: undefined, requestId: undefined, instance: undefined };',
        'let value = body;',
        'if (typeof value === "string") {',
        'try { value = JSON.parse(value.replace(/^\\uFEFF/, "")); } catch { return none; }',
        '}',
        'if (!isRecord(value)) return none;',
        'const inner = ownValue(value, "error");',
        'const nested = isRecord(inner) ? inner : undefined;',
        'return {',
        'code: firstCode(value, CODE_KEYS) ?? (nested === undefined ? undefined : firstCode(nested, INNER_CODE_KEYS)),',
        'message: firstString(value, MESSAGE_KEYS) ?? (nested === undefined ? undefined : firstString(nested, INNER_MESSAGE_KEYS)),',
        'requestId: firstString(value, ["request_id"]) ?? (nested === undefined ? undefined : firstString(nested, ["request_id"])),',
        'instance: firstString(value, ["instance"]),',
        '};',
      ],
    },
    {
      kind: kinds.Function,
      name: 'isRecord',
      parameters: [{ name: 'value', type: 'unknown' }],
      returnType: 'value is object',
      statements: 'return typeof value === "object" && value !== null && !Array.isArray(value);',
    },
    {
      kind: kinds.Function,
      name: 'ownValue',
      docs: [],
      parameters: [
        { name: 'value', type: 'object' },
        { name: 'key', type: 'string' },
      ],
      returnType: 'unknown',
      statements: ['// Own data properties only: nothing inherited, no getters run.', 'return Object.getOwnPropertyDescriptor(value, key)?.value;'],
    },
    {
      kind: kinds.Function,
      name: 'firstString',
      parameters: [
        { name: 'value', type: 'object' },
        { name: 'keys', type: 'readonly string[]' },
      ],
      returnType: 'string | undefined',
      statements: [
        'for (const key of keys) {',
        'const found = ownValue(value, key);',
        'if (typeof found === "string") return found;',
        '}',
        'return undefined;',
      ],
    },
    {
      kind: kinds.Function,
      name: 'firstCode',
      docs: [],
      parameters: [
        { name: 'value', type: 'object' },
        { name: 'keys', type: 'readonly string[]' },
      ],
      returnType: 'string | undefined',
      statements: [
        '// Services with numeric tables often send the code as a JSON number: 1100, or 500 for "0500".',
        'for (const key of keys) {',
        'const found = ownValue(value, key);',
        'if (typeof found === "string") return found;',
        'if (typeof found === "number" && Number.isSafeInteger(found) && found >= 0) return NUMERIC_CODES.get(found) ?? String(found);',
        '}',
        'return undefined;',
      ],
    },
    {
      kind: kinds.Function,
      name: 'normalizeHeaders',
      parameters: [{ name: 'input', type: 'HeaderInput | undefined' }],
      returnType: 'Readonly<Record<string, string>>',
      statements: [
        '// No prototype: a header named __proto__ or constructor is just a header.',
        'const out = Object.create(null) as Record<string, string>;',
        'const add = (name: unknown, value: unknown): void => {',
        'if (typeof name !== "string") return;',
        'const text = typeof value === "string" ? value : typeof value === "number" ? String(value) : Array.isArray(value) ? value.filter((v) => typeof v === "string").join(", ") : undefined;',
        'if (text === undefined) return;',
        'const key = name.toLowerCase();',
        'const previous = out[key];',
        'out[key] = previous === undefined ? text : previous + ", " + text;',
        '};',
        'if (input !== null && typeof input === "object") {',
        'if (typeof input.forEach === "function") (input as { forEach(callback: (value: unknown, name: unknown) => void): void }).forEach((value, name) => add(name, value));',
        'else for (const name of Object.keys(input)) add(name, (input as Record<string, unknown>)[name]);',
        '}',
        'return Object.freeze(out);',
      ],
    },
  ];

  return [
    header(
      model,
      `Error classes of the ${model.service} catalog: ApiError, ClientError, ServerError, one class per 4xx/5xx status and per error code, and errorFromResponse.`,
    ),
    'import { getErrorInfo } from "./error-codes.js";',
    'import { getStatusMessage, isRetryable } from "./status-codes.js";',
    ...bodyTypes,
    constant(
      'ERROR_CODE_PATTERN',
      'RegExp | undefined',
      body.codePattern === undefined ? 'undefined' : `new RegExp(${stringLiteral(body.codePattern)}, "u")`,
      "The pattern service error codes are expected to match (the catalog's errorBody.codePattern); undefined when the catalog sets none.",
    ),
    constant(
      'DEFAULT_ERROR_CODE',
      hasDefault ? undefined : 'string | undefined',
      hasDefault ? stringLiteral(body.defaultCode!) : 'undefined',
      'The error code sent when an error is raised without one.',
    ),
    constant('ERROR_MEDIA_TYPE', undefined, stringLiteral(model.errorMediaType), 'Media type of error bodies.'),
    ...(isProblem
      ? [
          constant(
            'PROBLEM_TYPE_BASE',
            'string | undefined',
            body.problemTypeBase === undefined ? 'undefined' : stringLiteral(body.problemTypeBase),
            'Prefix of problem type URIs: the type of an error is this followed by its code; about:blank when undefined.',
          ),
        ]
      : []),
    constant('CODE_KEYS', 'readonly string[]', literalList(keys.code), '', false),
    constant('MESSAGE_KEYS', 'readonly string[]', literalList(keys.message), '', false),
    constant('INNER_CODE_KEYS', 'readonly string[]', literalList(keys.innerCode), '', false),
    constant('INNER_MESSAGE_KEYS', 'readonly string[]', literalList(keys.innerMessage), '', false),
    // IMF-fixdate, RFC 850 and asctime (RFC 9110, section 5.6.7).
    constant(
      'HTTP_DATE',
      undefined,
      String.raw`/^(?:[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT|[A-Z][a-z]+, \d{2}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2} GMT|[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4})$/`,
      '',
      false,
    ),
    {
      kind: kinds.TypeAlias,
      name: 'HeaderInput',
      isExported: true,
      docs: doc(
        "Response headers: a plain record (a literal, or Node's IncomingHttpHeaders) or anything with forEach (fetch's Headers, a Map). Names are case-insensitive.",
      ),
      type: 'Readonly<Record<string, string | number | readonly string[] | undefined>> | { forEach(callback: (value: string | number | readonly string[], name: string) => void): void }',
    },
    {
      kind: kinds.Interface,
      name: 'ApiErrorOptions',
      isExported: true,
      docs: doc('Options of every error constructor.'),
      properties: [
        { name: 'errorCode', isReadonly: true, hasQuestionToken: true, type: 'string | undefined', docs: doc('Service error code; DEFAULT_ERROR_CODE when absent.') },
        { name: 'cause', isReadonly: true, hasQuestionToken: true, type: 'unknown', docs: doc('What caused this error (ES2022 `Error.cause`); never sent to clients.') },
        { name: 'headers', isReadonly: true, hasQuestionToken: true, type: 'HeaderInput | undefined', docs: doc('Response headers that go with this error, such as Retry-After.') },
        { name: 'requestId', isReadonly: true, hasQuestionToken: true, type: 'string | undefined', docs: doc('Identifier of the request, sent in the body as request_id.') },
        ...(isProblem
          ? [{ name: 'instance', isReadonly: true, hasQuestionToken: true, type: 'string | undefined', docs: doc('URI of this occurrence, sent as the problem\'s instance.') }]
          : []),
      ],
    },
    {
      kind: kinds.TypeAlias,
      name: 'CodeErrorOptions',
      isExported: true,
      docs: doc('Options of error code classes: their code is fixed.'),
      type: 'Omit<ApiErrorOptions, "errorCode">',
    },
    {
      kind: kinds.Interface,
      name: 'ErrorResponse',
      isExported: true,
      docs: doc('The wire form of an error: what a server sends.'),
      properties: [
        { name: 'status', isReadonly: true, type: 'number', docs: doc('HTTP status.') },
        { name: 'headers', isReadonly: true, type: 'Readonly<Record<string, string>>', docs: doc('Response headers, lower-case names, content-type included.') },
        { name: 'body', isReadonly: true, type: 'ErrorBody', docs: doc('The JSON error body.') },
      ],
    },
    {
      kind: kinds.Class,
      name: 'ApiError',
      isExported: true,
      extends: 'Error',
      docs: doc(
        `An error response of the ${model.service} service. Thrown by servers (send \`toResponse()\`) and returned by \`errorFromResponse\` on clients.\n\n` +
          'The error keeps its wire form apart: `toJSON()` is the body, `headers` the response headers.',
      ),
      properties: apiErrorProperties,
      ctors: [
        {
          docs: doc('Creates an error of any status.', {
            params: {
              status: 'HTTP status.',
              errorMsg: 'Message; defaults to the catalog message of the status.',
              options: 'errorCode, cause, response headers and request id.',
            },
          }),
          parameters: [
            { name: 'status', type: 'number' },
            { name: 'errorMsg', hasQuestionToken: true, type: 'string' },
            { name: 'options', hasQuestionToken: true, type: 'ApiErrorOptions' },
          ],
          statements: [
            'const message = errorMsg ?? getStatusMessage(status) ?? "HTTP " + String(status);',
            'super(message, options?.cause === undefined ? undefined : { cause: options.cause });',
            '// new.target keeps the subclass name, including subclasses users write themselves.',
            'this.name = new.target.name;',
            'this.status = status;',
            'this.errorCode = options?.errorCode ?? DEFAULT_ERROR_CODE;',
            'this.errorMsg = message;',
            'this.headers = normalizeHeaders(options?.headers);',
            'this.requestId = options?.requestId ?? this.headers["x-request-id"];',
            '// Only a request id given for the body goes back into it; one from a header stays a header.',
            'this.#sendsRequestId = options?.requestId !== undefined;',
            ...(isProblem ? ['this.instance = options?.instance;'] : []),
            'this.expose = !(status >= 500);',
          ],
        },
      ],
      getAccessors: [
        {
          name: 'retryable',
          returnType: 'boolean',
          docs: doc("Whether the request may be repeated unmodified, by the catalog's retry guidance for this status and the Retry-After header."),
          statements: 'return isRetryable(this.status, this.headers["retry-after"] !== undefined);',
        },
        {
          name: 'retryAfter',
          returnType: 'number | undefined',
          docs: doc('Seconds to wait before retrying, from the Retry-After header; `undefined` without a valid one.'),
          statements: 'return parseRetryAfter(this.headers["retry-after"]);',
        },
      ],
      methods: [
        {
          name: 'toJSON',
          returnType: 'ErrorBody',
          docs: doc('The JSON error body, exactly as sent on the wire.'),
          statements: toJsonBody,
        },
        {
          name: 'toResponse',
          returnType: 'ErrorResponse',
          docs: doc('Status, headers and body to send for this error.'),
          statements: 'return { status: this.status, headers: { ...this.headers, "content-type": ERROR_MEDIA_TYPE }, body: this.toJSON() };',
        },
      ],
    },
    {
      kind: kinds.Class,
      name: 'ClientError',
      isExported: true,
      extends: 'ApiError',
      docs: doc('Base class of every 4xx error.'),
      properties: [
        { name: 'expose', isReadonly: true, hasOverrideKeyword: true, initializer: 'true', docs: doc('Always true: a 4xx message is meant for the client.') },
      ],
    },
    {
      kind: kinds.Class,
      name: 'ServerError',
      isExported: true,
      extends: 'ApiError',
      docs: doc('Base class of every 5xx error.'),
      properties: [
        { name: 'expose', isReadonly: true, hasOverrideKeyword: true, initializer: 'false', docs: doc('Always false: a server should not show a 5xx message to the client.') },
      ],
    },
    ...statusClasses,
    ...codeClasses,
    {
      kind: kinds.TypeAlias,
      name: 'ApiErrorClass',
      isExported: true,
      docs: doc('Constructor of a status error class.'),
      type: '{ new (errorMsg?: string, options?: ApiErrorOptions): ApiError; readonly status: number }',
    },
    {
      kind: kinds.TypeAlias,
      name: 'CodeErrorClass',
      isExported: true,
      docs: doc('Constructor of an error code class.'),
      type: '{ new (errorMsg?: string, options?: CodeErrorOptions): ApiError; readonly status: number; readonly errorCode: string }',
    },
    {
      kind: kinds.Interface,
      name: 'ErrorClasses',
      isExported: true,
      docs: doc('The error class of each 4xx/5xx status of the catalog.'),
      properties: errorStatuses.map((s) => ({ name: String(s.status), isReadonly: true, type: `typeof ${s.className!}` })),
    },
    constant(
      'ERROR_CLASSES',
      'ReadonlyMap<number, ApiErrorClass>',
      `new Map<number, ApiErrorClass>([${errorStatuses.map((s) => `[${s.status}, ${s.className!}]`).join(', ')}])`,
      '',
      false,
    ),
    constant(
      'CODE_CLASSES',
      'ReadonlyMap<string, CodeErrorClass>',
      `new Map<string, CodeErrorClass>([${model.errors.map((e) => `[${stringLiteral(e.code)}, ${e.className}]`).join(', ')}])`,
      '',
      false,
    ),
    constant(
      'NUMERIC_CODES',
      'ReadonlyMap<number, string>',
      'new Map([...CODE_CLASSES.keys()].filter((code) => /^[0-9]+$/.test(code)).map((code) => [Number(code), code]))',
      '',
      false,
    ),
    ...functions,
  ];
}

function statusClass(s: StatusModel, model: CatalogModel, kinds: Kinds): ClassDeclarationStructure {
  return {
    kind: kinds.Class,
    name: s.className!,
    isExported: true,
    extends: s.statusClass === 'clientError' ? 'ClientError' : 'ServerError',
    docs: doc(statusDoc(s)),
    properties: [
      { name: 'status', isStatic: true, isReadonly: true, initializer: String(s.status), docs: doc(`The HTTP status of this class: ${s.status}.`) },
      { name: 'status', isReadonly: true, hasDeclareKeyword: true, type: String(s.status) },
    ],
    ctors: [
      {
        docs: doc(`Creates a ${s.status} error.`, {
          params: {
            errorMsg: `Message sent as ${model.errorBody.messageField}; defaults to the catalog message.`,
            options: `errorCode${model.errorBody.defaultCode === undefined ? '' : ` (default ${model.errorBody.defaultCode})`}, cause, response headers and request id.`,
          },
        }),
        parameters: [
          { name: 'errorMsg', hasQuestionToken: true, type: 'string' },
          { name: 'options', hasQuestionToken: true, type: 'ApiErrorOptions' },
        ],
        statements: `super(${s.status}, errorMsg, options);`,
      },
    ],
  };
}

/**
 * The class of one error code. It extends its status class; a code whose status has no class
 * (not in the catalog, or below 400) extends ClientError, ServerError or ApiError and carries
 * its status itself.
 */
function codeClass(e: ErrorModel, kinds: Kinds): ClassDeclarationStructure {
  const code = stringLiteral(e.code);
  const message = stringLiteral(e.message);
  const options = `{ ...options, errorCode: ${code} }`;
  return {
    kind: kinds.Class,
    name: e.className,
    isExported: true,
    extends: e.parentClass,
    docs: doc(errorDoc(e), { deprecated: e.deprecated }),
    properties: [
      { name: 'errorCode', isStatic: true, isReadonly: true, initializer: code, docs: doc(`The error code of this class: ${e.code}.`) },
      { name: 'errorCode', isReadonly: true, hasDeclareKeyword: true, type: code },
      ...(e.parentIsStatusClass
        ? []
        : [
            { name: 'status', isStatic: true, isReadonly: true, initializer: String(e.status), docs: doc(`The HTTP status of this class: ${e.status}.`) },
            { name: 'status', isReadonly: true, hasDeclareKeyword: true, type: String(e.status) },
          ]),
    ],
    ctors: [
      {
        docs: doc(`Creates a ${e.code} error.`, {
          params: { errorMsg: 'Message; defaults to the catalog message of the code.', options: 'cause, response headers and request id.' },
        }),
        parameters: [
          { name: 'errorMsg', hasQuestionToken: true, type: 'string' },
          { name: 'options', hasQuestionToken: true, type: 'CodeErrorOptions' },
        ],
        statements: e.parentIsStatusClass
          ? `super(errorMsg ?? ${message}, ${options});`
          : `super(${e.status}, errorMsg ?? ${message}, ${options});`,
      },
    ],
  };
}
