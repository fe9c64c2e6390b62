/** status-codes.ts of the generated module: the StatusCode enum, lookups and category predicates. */
import type { CatalogModel, StatusModel } from '../model.js';
import { stringLiteral } from './escape.js';
import { assignment, integer, jsDoc, list, union, verbatim, type Writer } from './ts-layout.js';
import { fileHeader, statusDoc } from './ts-common.js';

const RETRY_DOCS = `How a client may retry a request that got this status:
- "modify": do not repeat the request without modifications;
- "anytime": the request may be repeated without modifications at any later time;
- "retry-after": repeat the request after the delay the Retry-After header gives;
- "if-retry-after": repeat the request only when the response carries Retry-After, after that delay.`;

const STATUS_INFO = `
/** What the catalog says of one status. */
export interface StatusInfo {
  /** The status code. */
  readonly status: StatusCode;
  /** Identifier used for the enum member and the error class. */
  readonly name: string;
  /** The status message as the service publishes it. */
  readonly message: string;
  /** What the status means; paragraphs are separated by blank lines. */
  readonly description: string;
  /** Retry guidance, where the catalog gives any. */
  readonly retry?: RetryPolicy;
  /** Response headers this status sends. */
  readonly headers: readonly string[];
  /** Whether the response may carry content. */
  readonly bodyAllowed: boolean;
}
`;

const LOOKUPS = `
const BY_CODE: ReadonlyMap<number, StatusInfo> = new Map(
  STATUSES.map((info) => [info.status, info]),
);
const BY_MESSAGE: ReadonlyMap<string, StatusCode> = new Map(
  STATUSES.map((info) => [info.message, info.status]),
);
// Reversed so that, where two messages reduce to the same key, the lower code wins.
const BY_LOOSE_MESSAGE: ReadonlyMap<string, StatusCode> = new Map(
  STATUSES.map((info): [string, StatusCode] => [looseKey(info.message), info.status]).reverse(),
);

function looseKey(message: string): string {
  return message.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Everything the catalog says of a status code it lists. */
export function getStatusInfo(code: StatusCode): StatusInfo;
/** Everything the catalog says of a status code; \`undefined\` for a code it does not list. */
export function getStatusInfo(code: number): StatusInfo | undefined;
export function getStatusInfo(code: number): StatusInfo | undefined {
  return BY_CODE.get(code);
}

/** The catalog message of a status code it lists, e.g. \`getStatusMessage(StatusCode.NotFound)\`. */
export function getStatusMessage(code: StatusCode): string;
/** The catalog message of a status code, e.g. \`getStatusMessage(404)\`; \`undefined\` for a code the catalog does not list. */
export function getStatusMessage(code: number): string | undefined;
export function getStatusMessage(code: number): string | undefined {
  return BY_CODE.get(code)?.message;
}

/** The status code of a catalog message. An exact match wins; otherwise case, spaces and punctuation are ignored, so "Not Found" finds the code of "NotFound". \`undefined\` when nothing matches. */
export function getStatusCode(message: string): StatusCode | undefined {
  if (typeof message !== "string") return undefined;
  return BY_MESSAGE.get(message) ?? BY_LOOSE_MESSAGE.get(looseKey(message));
}

/** Whether a value is a status code the catalog lists. */
export function isStatusCode(value: unknown): value is StatusCode {
  return typeof value === "number" && BY_CODE.has(value);
}

/** Whether a status code is 1xx (informational), listed in the catalog or not. */
export function isInformational(code: number): boolean {
  return Number.isInteger(code) && code >= 100 && code <= 199;
}

/** Whether a status code is 2xx (successful), listed in the catalog or not. */
export function isSuccess(code: number): boolean {
  return Number.isInteger(code) && code >= 200 && code <= 299;
}

/** Whether a status code is 3xx (redirection), listed in the catalog or not. */
export function isRedirection(code: number): boolean {
  return Number.isInteger(code) && code >= 300 && code <= 399;
}

/** Whether a status code is 4xx (client error), listed in the catalog or not. */
export function isClientError(code: number): boolean {
  return Number.isInteger(code) && code >= 400 && code <= 499;
}

/** Whether a status code is 5xx (server error), listed in the catalog or not. */
export function isServerError(code: number): boolean {
  return Number.isInteger(code) && code >= 500 && code <= 599;
}

/** Whether a status code is 4xx or 5xx, listed in the catalog or not. */
export function isError(code: number): boolean {
  return Number.isInteger(code) && code >= 400 && code <= 599;
}
`;

const IS_RETRYABLE = `
/** Whether a request that got this status may be repeated unmodified, by the catalog's retry guidance. \`hasRetryAfter\` tells whether the response carried a Retry-After header. */
export function isRetryable(code: number, hasRetryAfter: boolean = false): boolean {
  const retry = BY_CODE.get(code)?.retry;
  return (
    retry === "anytime" || retry === "retry-after" || (retry === "if-retry-after" && hasRetryAfter)
  );
}
`;

function statusEntry(w: Writer, s: StatusModel): void {
  w.writeLine('Object.freeze({');
  w.indent(() => {
    assignment(w, 'status:', `StatusCode.${s.name}`, ',');
    assignment(w, 'name:', stringLiteral(s.name), ',');
    assignment(w, 'message:', stringLiteral(s.message), ',');
    assignment(w, 'description:', stringLiteral(s.description), ',');
    if (s.retry !== undefined) w.writeLine(`retry: ${stringLiteral(s.retry)},`);
    list(w, 'headers: Object.freeze([', s.headers.map(stringLiteral), ']),');
    w.writeLine(`bodyAllowed: ${s.bodyAllowed},`);
  });
  w.writeLine('}),');
}

export function writeStatusCodes(w: Writer, model: CatalogModel): void {
  const statuses = model.statuses;
  const members = (predicate: (s: StatusModel) => boolean): string[] =>
    statuses.filter(predicate).map((s) => `StatusCode.${s.name}`);

  fileHeader(w, model, `HTTP status codes of the ${model.service} catalog: the StatusCode enum, lookups by code and by message, and category predicates.`);
  w.blankLine();
  jsDoc(w, `HTTP status codes of the ${model.service} catalog, named by each entry's \`name\`.`);
  w.write('export enum StatusCode ').block(() => {
    for (const s of statuses) {
      jsDoc(w, statusDoc(s));
      w.writeLine(`${s.name} = ${integer(s.status)},`);
    }
  });
  w.blankLine();
  jsDoc(w, `Every status code in the ${model.service} catalog, as a union of number literals.`);
  union(w, 'export type StatusCodeValue =', statuses.length === 0 ? ['never'] : statuses.map((s) => integer(s.status)));
  w.blankLine();
  jsDoc(w, RETRY_DOCS);
  w.writeLine('export type RetryPolicy = "modify" | "anytime" | "retry-after" | "if-retry-after";');
  verbatim(w, STATUS_INFO);
  w.blankLine();
  jsDoc(w, 'Every status of the catalog, in code order.');
  if (statuses.length === 0) w.writeLine('export const STATUSES: readonly StatusInfo[] = Object.freeze([]);');
  else {
    w.writeLine('export const STATUSES: readonly StatusInfo[] = Object.freeze([');
    w.indent(() => statuses.forEach((s) => statusEntry(w, s)));
    w.writeLine(']);');
  }
  verbatim(w, LOOKUPS);
  w.blankLine();
  jsDoc(w, 'Statuses that redirect: 3xx statuses of the catalog that send a Location header.');
  list(w, 'export const REDIRECT_STATUSES: ReadonlySet<StatusCode> = new Set([', members((s) => s.statusClass === 'redirection' && s.headers.includes('Location')), ']);');
  jsDoc(w, 'Statuses whose responses carry no content.');
  list(w, 'export const EMPTY_BODY_STATUSES: ReadonlySet<StatusCode> = new Set([', members((s) => !s.bodyAllowed), ']);');
  jsDoc(
    w,
    'Statuses whose request may be repeated unmodified (retry policy "anytime", "retry-after" or "if-retry-after"; for the last, only when Retry-After is sent: use `isRetryable`).',
  );
  list(w, 'export const RETRYABLE_STATUSES: ReadonlySet<StatusCode> = new Set([', members((s) => s.retry !== undefined && s.retry !== 'modify'), ']);');
  verbatim(w, IS_RETRYABLE);
}
