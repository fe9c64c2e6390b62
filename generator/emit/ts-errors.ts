/**
 * errors.ts of the generated module: ApiError and its subclasses (one per 4xx/5xx status,
 * one per error code), the wire form in the catalog's body shape, and errorFromResponse.
 */
import type { CatalogModel, ErrorModel, StatusModel } from '../model.js';
import { stringLiteral } from './escape.js';
import { deprecatedTags, errorDoc, fileHeader, statusDoc } from './ts-common.js';
import { assignment, integer, jsDoc, list, Pieces, verbatim, type NewWriter, type Writer } from './ts-layout.js';

/** Keys under which any shape may carry the code and the message: the catalog's own first. */
function lookupKeys(model: CatalogModel): { code: string[]; message: string[]; innerCode: string[]; innerMessage: string[] } {
  const body = model.errorBody;
  const unique = (keys: string[]): string[] => [...new Set(keys)];
  const messageField = body.shape === 'problem' ? [] : [body.messageField];
  return {
    code: unique([body.codeField, 'error_code', 'code']),
    message: unique([...messageField, 'error_msg', 'detail', 'message']),
    innerCode: unique([body.codeField, 'code', 'error_code']),
    innerMessage: unique([...messageField, 'message', 'error_msg']),
  };
}

const HEADER_INPUT = `
const HTTP_DATE =
  /^(?:[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT|[A-Z][a-z]+, \\d{2}-[A-Z][a-z]{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} GMT|[A-Z][a-z]{2} [A-Z][a-z]{2} [ \\d]\\d \\d{2}:\\d{2}:\\d{2} \\d{4})$/;

/** Response headers: a plain record (a literal, or Node's IncomingHttpHeaders) or anything with forEach (fetch's Headers, a Map). Names are case-insensitive. */
export type HeaderInput =
  | Readonly<Record<string, string | number | readonly string[] | undefined>>
  | { forEach(callback: (value: string | number | readonly string[], name: string) => void): void };
`;

const CODE_OPTIONS_AND_RESPONSE = `
/** Options of error code classes: their code is fixed. */
export type CodeErrorOptions = Omit<ApiErrorOptions, "errorCode">;

/** The wire form of an error: what a server sends. */
export interface ErrorResponse {
  /** HTTP status. */
  readonly status: number;
  /** Response headers, lower-case names, content-type included. */
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON error body. */
  readonly body: ErrorBody;
}
`;

const API_ERROR_TAIL = `
/** Whether the request may be repeated unmodified, by the catalog's retry guidance for this status and the Retry-After header. */
get retryable(): boolean {
  return isRetryable(this.status, this.headers["retry-after"] !== undefined);
}

/** Seconds to wait before retrying, from the Retry-After header; \`undefined\` without a valid one. */
get retryAfter(): number | undefined {
  return parseRetryAfter(this.headers["retry-after"]);
}
`;

const TO_RESPONSE = `
/** Status, headers and body to send for this error. */
toResponse(): ErrorResponse {
  return {
    status: this.status,
    headers: { ...this.headers, "content-type": ERROR_MEDIA_TYPE },
    body: this.toJSON(),
  };
}
`;

const BASE_CLASSES = `
/** Base class of every 4xx error. */
export class ClientError extends ApiError {
  /** Always true: a 4xx message is meant for the client. */
  override readonly expose = true;
}

/** Base class of every 5xx error. */
export class ServerError extends ApiError {
  /** Always false: a server should not show a 5xx message to the client. */
  override readonly expose = false;
}
`;

const CLASS_TYPES = `
/** Constructor of a status error class. */
export type ApiErrorClass = {
  new (errorMsg?: string, options?: ApiErrorOptions): ApiError;
  readonly status: number;
};

/** Constructor of an error code class. */
export type CodeErrorClass = {
  new (errorMsg?: string, options?: CodeErrorOptions): ApiError;
  readonly status: number;
  readonly errorCode: string;
};
`;

const MAPS = `
const ERROR_CLASSES: ReadonlyMap<number, ApiErrorClass> = new Map(
  STATUS_CLASS_LIST.map((type) => [type.status, type]),
);
const CODE_CLASSES: ReadonlyMap<string, CodeErrorClass> = new Map(
  CODE_CLASS_LIST.map((type) => [type.errorCode, type]),
);
// Codes of digits only, by their value: a number in a body finds "0500".
const NUMERIC_CODES: ReadonlyMap<number, string> = new Map(
  CODE_CLASS_LIST.filter((type) => /^[0-9]+$/.test(type.errorCode)).map((type) => [
    Number(type.errorCode),
    type.errorCode,
  ]),
);

/** The error class of a catalog status. */
export function errorClassFor<S extends keyof ErrorClasses>(status: S): ErrorClasses[S];
/** The error class of a status; \`undefined\` for a status without one. */
export function errorClassFor(status: number): ApiErrorClass | undefined;
export function errorClassFor(status: number): ApiErrorClass | undefined {
  return ERROR_CLASSES.get(status);
}

/** The error class of an error code; \`undefined\` for a code the catalog does not list. */
export function errorClassForCode(code: string): CodeErrorClass | undefined {
  return typeof code === "string" ? CODE_CLASSES.get(code) : undefined;
}
`;

function errorFromResponse(isProblem: boolean): string {
  const instance = isProblem ? '\n      instance: fields.instance,' : '';
  return `
/**
 * The error a response stands for: the class of the error code in the body when the catalog lists that code under this status, else the status class (e.g. NotFoundError), else ClientError or ServerError by range, else ApiError.
 *
 * \`body\` is the raw text or the parsed JSON, in any of the flat, nested or problem shapes, whatever this catalog declares: gateways and proxies answer in their own. Missing or extra fields, text that is not JSON, wrong types and unknown statuses are all accepted: this function never throws.
 * @param status - HTTP status of the response.
 * @param body - Response body, raw text or parsed JSON.
 * @param headers - Response headers (Retry-After, x-request-id).
 */
export function errorFromResponse(status: number, body?: unknown, headers?: HeaderInput): ApiError {
  const code = typeof status === "number" ? status : Number.NaN;
  try {
    const fields = readErrorBody(body);
    const options: ApiErrorOptions = {
      errorCode: fields.code,
      headers,
      requestId: fields.requestId,${instance}
    };
    const ForCode = fields.code === undefined ? undefined : CODE_CLASSES.get(fields.code);
    if (ForCode !== undefined && ForCode.status === code) {
      return new ForCode(fields.message, options);
    }
    const ForStatus = ERROR_CLASSES.get(code);
    if (ForStatus !== undefined) return new ForStatus(fields.message, options);
    if (code >= 400 && code <= 499) return new ClientError(code, fields.message, options);
    if (code >= 500 && code <= 599) return new ServerError(code, fields.message, options);
    return new ApiError(code, fields.message, options);
  } catch {
    // Only hostile input gets here (a throwing getter, proxy or forEach): keep the status, drop the rest.
    return new ApiError(code);
  }
}
`;
}

const HELPERS = `
/** Whether a value is an ApiError. */
export function isApiError(value: unknown): value is ApiError;
/** Whether a value is an ApiError of the given status. */
export function isApiError<S extends number>(
  value: unknown,
  status: S,
): value is ApiError & { readonly status: S };
export function isApiError(value: unknown, status?: number): boolean {
  return value instanceof ApiError && (status === undefined || value.status === status);
}

/**
 * Seconds to wait from a Retry-After value: delay-seconds, or an HTTP-date in any of the three RFC 9110 formats. \`undefined\` when absent or not one of those (a list, a negative or fractional number, other text): never 0 by accident.
 * @param value - The header value.
 * @param now - The current time in milliseconds, for HTTP-dates.
 */
export function parseRetryAfter(
  value: string | undefined,
  now: number = Date.now(),
): number | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  // Capped at 10 digits (about 317 years): larger is no honest delay.
  if (/^[0-9]{1,10}$/.test(text)) return Number(text);
  if (!HTTP_DATE.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

interface BodyFields {
  code: string | undefined;
  message: string | undefined;
  requestId: string | undefined;
  instance: string | undefined;
}

function readErrorBody(body: unknown): BodyFields {
  const none = { code: undefined, message: undefined, requestId: undefined, instance: undefined };
  let value = body;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value.replace(/^\\uFEFF/, ""));
    } catch {
      return none;
    }
  }
  if (!isRecord(value)) return none;
  const inner = ownValue(value, "error");
  const nested = isRecord(inner) ? inner : undefined;
  return {
    code: firstCode(value, CODE_KEYS) ?? (nested && firstCode(nested, INNER_CODE_KEYS)),
    message:
      firstString(value, MESSAGE_KEYS) ?? (nested && firstString(nested, INNER_MESSAGE_KEYS)),
    requestId:
      firstString(value, REQUEST_ID_KEYS) ?? (nested && firstString(nested, REQUEST_ID_KEYS)),
    instance: firstString(value, ["instance"]),
  };
}

function isRecord(value: unknown): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function ownValue(value: object, key: string): unknown {
  // Own data properties only: nothing inherited, no getters run.
  return Object.getOwnPropertyDescriptor(value, key)?.value;
}

function firstString(value: object, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const found = ownValue(value, key);
    if (typeof found === "string") return found;
  }
  return undefined;
}

function firstCode(value: object, keys: readonly string[]): string | undefined {
  // Services with numeric tables often send the code as a JSON number: 1100, or 500 for "0500".
  for (const key of keys) {
    const found = ownValue(value, key);
    if (typeof found === "string") return found;
    if (typeof found === "number" && Number.isSafeInteger(found) && found >= 0) {
      return NUMERIC_CODES.get(found) ?? String(found);
    }
  }
  return undefined;
}

function headerText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.filter((v) => typeof v === "string").join(", ");
  return undefined;
}

type Iterable = { forEach(callback: (value: unknown, name: unknown) => void): void };

function normalizeHeaders(input: HeaderInput | undefined): Readonly<Record<string, string>> {
  // No prototype: a header named __proto__ or constructor is just a header.
  const out = Object.create(null) as Record<string, string>;
  const add = (name: unknown, value: unknown): void => {
    const text = headerText(value);
    if (typeof name !== "string" || text === undefined) return;
    const key = name.toLowerCase();
    const previous = out[key];
    out[key] = previous === undefined ? text : previous + ", " + text;
  };
  if (input !== null && typeof input === "object") {
    if (typeof input.forEach === "function") {
      (input as Iterable).forEach((value, name) => add(name, value));
    } else {
      for (const name of Object.keys(input)) add(name, (input as Record<string, unknown>)[name]);
    }
  }
  return Object.freeze(out);
}
`;

/** The fields of the body: code (optional without a default code), message, request id. */
function writeBodyFields(w: Writer, model: CatalogModel): void {
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

function writeBodyTypes(w: Writer, model: CatalogModel): void {
  const body = model.errorBody;
  const about = body.description ?? `The JSON body of an error response of the ${model.service} service.`;
  if (body.shape === 'nested') {
    jsDoc(w, 'The fields inside the "error" object of an error body.');
    w.write('export interface ErrorBodyFields ').block(() => writeBodyFields(w, model));
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
      verbatim(
        w,
        `
/** URI of the problem type. */
readonly type: string;
/** Short summary: the message of the error code, else of the status. */
readonly title: string;
/** The HTTP status. */
readonly status: number;
/** The error message. */
readonly detail: string;
/** URI of this occurrence. */
readonly instance?: string;
`,
      );
    }
    writeBodyFields(w, model);
  });
}

function writeConstants(w: Writer, model: CatalogModel): void {
  const body = model.errorBody;
  const keys = lookupKeys(model);
  jsDoc(w, "Source of the pattern service error codes are expected to match (the catalog's errorBody.codePattern).");
  if (body.codePattern === undefined) w.writeLine('const CODE_PATTERN_SOURCE: string | undefined = undefined;');
  else assignment(w, 'const CODE_PATTERN_SOURCE: string | undefined =', stringLiteral(body.codePattern), ';');
  jsDoc(w, 'The pattern service error codes are expected to match; undefined when the catalog sets none.');
  w.writeLine('export const ERROR_CODE_PATTERN: RegExp | undefined =');
  w.indent(() => w.writeLine('CODE_PATTERN_SOURCE === undefined ? undefined : new RegExp(CODE_PATTERN_SOURCE, "u");'));
  jsDoc(w, 'The error code sent when an error is raised without one.');
  if (body.defaultCode === undefined) w.writeLine('export const DEFAULT_ERROR_CODE: string | undefined = undefined;');
  else assignment(w, 'export const DEFAULT_ERROR_CODE: string =', stringLiteral(body.defaultCode), ';');
  jsDoc(w, 'Media type of error bodies.');
  w.writeLine(`export const ERROR_MEDIA_TYPE = ${stringLiteral(model.errorMediaType)};`);
  if (body.shape === 'problem') {
    jsDoc(w, 'Prefix of problem type URIs: the type of a listed code is this followed by the code; about:blank when undefined.');
    if (body.problemTypeBase === undefined) w.writeLine('export const PROBLEM_TYPE_BASE: string | undefined = undefined;');
    else assignment(w, 'export const PROBLEM_TYPE_BASE: string | undefined =', stringLiteral(body.problemTypeBase), ';');
  }
  list(w, 'const CODE_KEYS: readonly string[] = [', keys.code.map(stringLiteral), '];');
  list(w, 'const MESSAGE_KEYS: readonly string[] = [', keys.message.map(stringLiteral), '];');
  list(w, 'const INNER_CODE_KEYS: readonly string[] = [', keys.innerCode.map(stringLiteral), '];');
  list(w, 'const INNER_MESSAGE_KEYS: readonly string[] = [', keys.innerMessage.map(stringLiteral), '];');
  w.writeLine('const REQUEST_ID_KEYS: readonly string[] = ["request_id"];');
}

function writeOptions(w: Writer, model: CatalogModel): void {
  jsDoc(w, 'Options of every error constructor.');
  w.write('export interface ApiErrorOptions ').block(() => {
    verbatim(
      w,
      `
/** Service error code; DEFAULT_ERROR_CODE when absent. */
readonly errorCode?: string | undefined;
/** What caused this error (ES2022 \`Error.cause\`); never sent to clients. */
readonly cause?: unknown;
/** Response headers that go with this error, such as Retry-After. */
readonly headers?: HeaderInput | undefined;
/** Identifier of the request, sent in the body as request_id. */
readonly requestId?: string | undefined;
`,
    );
    if (model.errorBody.shape === 'problem') {
      jsDoc(w, "URI of this occurrence, sent as the problem's instance.");
      w.writeLine('readonly instance?: string | undefined;');
    }
  });
}

function writeToJson(w: Writer, model: CatalogModel): void {
  const body = model.errorBody;
  const codeLine = body.defaultCode === undefined ? `...(code === undefined ? {} : { ${body.codeField}: code }),` : `${body.codeField}: code,`;
  const requestIdLine = '...(requestId === undefined ? {} : { request_id: requestId }),';
  jsDoc(w, 'The JSON error body, exactly as sent on the wire.');
  w.write('toJSON(): ErrorBody').block(() => {
    w.writeLine('const code = this.errorCode;');
    w.writeLine('const requestId = this.#sendsRequestId ? this.requestId : undefined;');
    if (body.shape === 'problem') {
      verbatim(
        w,
        `
// A code the catalog lists has its own problem type; anything else is about:blank, titled by the status (RFC 9457).
const info = code === undefined ? undefined : getErrorInfo(code);
const typed = info !== undefined && PROBLEM_TYPE_BASE !== undefined;
return {
  type: typed ? PROBLEM_TYPE_BASE + info.code : "about:blank",
  title: typed
    ? info.message
    : (getStatusMessage(this.status) ?? "HTTP " + String(this.status)),
  status: this.status,
  detail: this.errorMsg,
  ...(this.instance === undefined ? {} : { instance: this.instance }),
  ${codeLine}
  ${requestIdLine}
};
`,
      );
      return;
    }
    const fields = [codeLine, `${body.messageField}: this.errorMsg,`, requestIdLine];
    w.writeLine('return {');
    w.indent(() => {
      if (body.shape === 'nested') {
        w.writeLine('error: {');
        w.indent(() => fields.forEach((line) => w.writeLine(line)));
        w.writeLine('},');
      } else fields.forEach((line) => w.writeLine(line));
    });
    w.writeLine('};');
  });
}

function writeApiError(w: Writer, model: CatalogModel): void {
  const body = model.errorBody;
  const isProblem = body.shape === 'problem';
  jsDoc(
    w,
    `An error response of the ${model.service} service. Thrown by servers (send \`toResponse()\`) and returned by \`errorFromResponse\` on clients.\n\n` +
      'The error keeps its wire form apart: `toJSON()` is the body, `headers` the response headers.',
  );
  w.write('export class ApiError extends Error').block(() => {
    jsDoc(w, 'HTTP status.');
    w.writeLine('readonly status: number;');
    jsDoc(w, `Service error code, sent as ${body.codeField}.`);
    w.writeLine(`readonly errorCode: ${body.defaultCode === undefined ? 'string | undefined' : 'string'};`);
    jsDoc(w, `Error message, sent as ${body.messageField}.`);
    verbatim(
      w,
      `
readonly errorMsg: string;
/** Response headers of this error, with lower-case names. */
readonly headers: Readonly<Record<string, string>>;
/** Identifier of the request: from the body (request_id) or the x-request-id header. */
readonly requestId: string | undefined;
`,
    );
    if (isProblem) {
      jsDoc(w, "URI of this occurrence (the problem's instance).");
      w.writeLine('readonly instance: string | undefined;');
    }
    verbatim(
      w,
      `
/** Whether the message is meant for the client: true for 4xx, false for 5xx. A hint for frameworks: toJSON() and toResponse() send errorMsg as given, so give 5xx errors a message fit for clients and keep details in \`cause\`. */
readonly expose: boolean;
/** Whether the request id came from the constructor (then it goes into the body) or from a header. */
readonly #sendsRequestId: boolean;

/**
 * Creates an error of any status.
 * @param status - HTTP status.
 * @param errorMsg - Message; defaults to the catalog message of the error code, else of the status.
 * @param options - errorCode, cause, response headers and request id.
 */
constructor(status: number, errorMsg?: string, options?: ApiErrorOptions) {
  // An error code class fixes its code: its static errorCode wins over the options.
  const fixed = (new.target as { readonly errorCode?: string }).errorCode;
  const errorCode = fixed ?? options?.errorCode ?? DEFAULT_ERROR_CODE;
  const known = errorCode === undefined ? undefined : getErrorInfo(errorCode);
  const message =
    errorMsg ?? known?.message ?? getStatusMessage(status) ?? "HTTP " + String(status);
  super(message, options?.cause === undefined ? undefined : { cause: options.cause });
  // new.target keeps the subclass name, including subclasses users write themselves.
  this.name = new.target.name;
  this.status = status;
  this.errorCode = errorCode;
  this.errorMsg = message;
  this.headers = normalizeHeaders(options?.headers);
  this.requestId = options?.requestId ?? this.headers["x-request-id"];
  // Only a request id given for the body goes back into it; one from a header stays a header.
  this.#sendsRequestId = options?.requestId !== undefined;
${isProblem ? '  this.instance = options?.instance;\n' : ''}  this.expose = !(status >= 500);
}
`,
    );
    verbatim(w, API_ERROR_TAIL);
    w.blankLine();
    writeToJson(w, model);
    w.blankLine();
    verbatim(w, TO_RESPONSE);
  });
}

function writeStatusClass(w: Writer, model: CatalogModel, s: StatusModel): void {
  const body = model.errorBody;
  jsDoc(w, statusDoc(s));
  w.write(`export class ${s.className!} extends ${s.statusClass === 'clientError' ? 'ClientError' : 'ServerError'}`).block(() => {
    jsDoc(w, `The HTTP status of this class: ${s.status}.`);
    w.writeLine(`static readonly status = ${integer(s.status)};`);
    jsDoc(w, `The HTTP status of every ${s.className!}: ${s.status}.`);
    w.writeLine(`declare readonly status: ${integer(s.status)};`);
    w.blankLine();
    jsDoc(w, `Creates a ${s.status} error.`, [
      ['param', `errorMsg - Message sent as ${body.messageField}; defaults to the catalog message.`],
      ['param', `options - errorCode${body.defaultCode === undefined ? '' : ` (default ${body.defaultCode})`}, cause, response headers and request id.`],
    ]);
    w.write('constructor(errorMsg?: string, options?: ApiErrorOptions)').block(() => {
      w.writeLine(`super(${integer(s.status)}, errorMsg, options);`);
    });
  });
}

/**
 * The class of one error code. It extends its status class; a code whose status has no class
 * (not in the catalog, or below 400) extends ClientError, ServerError or ApiError and carries
 * its status itself. ApiError's constructor takes the code from the class's static errorCode.
 */
function writeCodeClass(w: Writer, e: ErrorModel): void {
  const code = stringLiteral(e.code);
  jsDoc(w, errorDoc(e), deprecatedTags(e));
  w.write(`export class ${e.className} extends ${e.parentClass}`).block(() => {
    jsDoc(w, `The error code of this class: ${e.code}.`);
    assignment(w, 'static readonly errorCode =', code, ';');
    jsDoc(w, `The error code of every ${e.className}: ${e.code}.`);
    w.writeLine(`declare readonly errorCode: ${code};`);
    if (!e.parentIsStatusClass) {
      jsDoc(w, `The HTTP status of this class: ${e.status}.`);
      w.writeLine(`static readonly status = ${integer(e.status)};`);
      jsDoc(w, `The HTTP status of every ${e.className}: ${e.status}.`);
      w.writeLine(`declare readonly status: ${integer(e.status)};`);
    }
    w.blankLine();
    jsDoc(w, `Creates a ${e.code} error.`, [
      ['param', 'errorMsg - Message; defaults to the catalog message of the code.'],
      ['param', 'options - cause, response headers and request id.'],
    ]);
    w.write('constructor(errorMsg?: string, options?: CodeErrorOptions)').block(() => {
      w.writeLine(e.parentIsStatusClass ? 'super(errorMsg, options);' : `super(${integer(e.status)}, errorMsg, options);`);
    });
  });
}

export function writeErrors(newWriter: NewWriter, model: CatalogModel): string {
  const errorStatuses = model.statuses.filter((s) => s.isError);
  const pieces = new Pieces(newWriter);
  pieces.add(0, (w) => {
    fileHeader(
      w,
      model,
      `Error classes of the ${model.service} catalog: ApiError, ClientError, ServerError, one class per 4xx/5xx status and per error code, and errorFromResponse.`,
    );
    w.writeLine('import { getErrorInfo } from "./error-codes.js";');
    w.writeLine('import { getStatusMessage, isRetryable } from "./status-codes.js";');
    w.blankLine();
    writeBodyTypes(w, model);
    w.blankLine();
    writeConstants(w, model);
    verbatim(w, HEADER_INPUT);
    w.blankLine();
    writeOptions(w, model);
    w.blankLine();
    verbatim(w, CODE_OPTIONS_AND_RESPONSE);
    w.blankLine();
    writeApiError(w, model);
    w.blankLine();
    verbatim(w, BASE_CLASSES);
  });
  // One class after another, each preceded by an empty line; in pieces, for large catalogs.
  const classes = [
    ...errorStatuses.map((s) => (w: Writer) => writeStatusClass(w, model, s)),
    ...model.errors.map((e) => (w: Writer) => writeCodeClass(w, e)),
  ];
  // A fresh writer's blankLine() writes two newlines; the previous piece ended with one.
  pieces.addEach(0, classes, (w, write) => {
    if (w.getLength() === 0) w.newLine();
    else w.blankLine();
    write(w);
  });
  pieces.add(0, (w) => {
    w.newLine();
    verbatim(w, CLASS_TYPES);
    w.blankLine();
    jsDoc(w, 'The error class of each 4xx/5xx status of the catalog.');
    if (errorStatuses.length === 0) w.writeLine('export interface ErrorClasses {}');
    else {
      w.write('export interface ErrorClasses').block(() => {
        for (const s of errorStatuses) {
          jsDoc(w, `${s.status} ${s.message}`);
          w.writeLine(`readonly ${integer(s.status)}: typeof ${s.className!};`);
        }
      });
    }
    w.blankLine();
    list(w, 'const STATUS_CLASS_LIST: readonly ApiErrorClass[] = [', errorStatuses.map((s) => s.className!), '];');
    list(w, 'const CODE_CLASS_LIST: readonly CodeErrorClass[] = [', model.errors.map((e) => e.className), '];');
    verbatim(w, MAPS);
    verbatim(w, errorFromResponse(model.errorBody.shape === 'problem'));
    verbatim(w, HELPERS);
  });
  return pieces.toString();
}
