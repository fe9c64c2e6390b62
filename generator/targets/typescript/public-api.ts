/**
 * The public API of the generated TypeScript: the names index.ts exports, the ones
 * docs/typescript.md documents (a test holds the two together). Each is exported from the module
 * that declares it; a name a catalog's output does not declare (the options of classes that
 * require headers, in a catalog without such headers) is left out. Besides these, index.ts
 * exports every error class errors.ts declares. What the modules export for one another only
 * (writeErrorBody, readErrorBody, normalizeHeaders, ERROR_BODY, FROM_RESPONSE, …) stays out.
 * To make a name public, add it here and document it.
 */
import { compareStrings } from '../../util/compare.js';

export const PUBLIC_NAMES: readonly string[] = [
  // api-error.ts
  'ApiError',
  'ApiErrorClass',
  'ApiErrorOptions',
  'ClientError',
  'CodeErrorClass',
  'CodeErrorOptions',
  'ErrorResponse',
  'isApiError',
  'RelatedError',
  'ServerError',
  'StatusErrorCode',
  // connection-error.ts
  'AbortSignalLike',
  'AbortStateLike',
  'ConnectionError',
  'connectionErrorFrom',
  'ConnectionErrorOptions',
  'ConnectionFailure',
  // catalog.ts
  'DECLARED_HEADERS',
  'DEFAULT_ERROR_CODE',
  'DefaultErrorCode',
  'defaultErrorCodeFor',
  'ERROR_CODE_PATTERN',
  'ErrorBody',
  'ErrorExtras',
  'MAX_ERROR_CODE_LENGTH',
  'SERVICE',
  // error-body.ts
  'MAX_ERROR_BODY_LENGTH',
  // error-codes.ts
  'ERROR_DOC_URLS',
  'ErrorCode',
  'ErrorCodesByStatus',
  'ErrorCodeValue',
  'ERROR_MESSAGES',
  'ERRORS',
  // error-lookups.ts
  'errorDocUrlFor',
  'ErrorCodeType',
  'getErrorInfo',
  'getErrorInfos',
  'isErrorCode',
  // errors.ts
  'CodeHeaderErrorOptions',
  'errorClassFor',
  'errorClassForCode',
  'ErrorClasses',
  'HeaderErrorOptions',
  'RequiredHeadersByStatus',
  'StatusErrorOptions',
  // from-fetch.ts
  'errorFromFetch',
  'FetchErrorOptions',
  'ResponseLike',
  // from-response.ts
  'errorFromResponse',
  'isErrorResponse',
  // headers.ts
  'HeaderInput',
  'HeaderValue',
  // retry-after.ts
  'MAX_RETRY_AFTER_SECONDS',
  'parseRetryAfter',
  // retry.ts
  'RETRY_DEFAULTS',
  'RetryAttempt',
  'RetryEvent',
  'RetryOptions',
  'withRetry',
  // status-codes.ts
  'EMPTY_BODY_STATUSES',
  'REDIRECT_STATUSES',
  'RETRYABLE_STATUSES',
  'StatusCode',
  'StatusCodeValue',
  'STATUS_MESSAGES',
  'STATUSES',
  // status-lookups.ts
  'getStatusCode',
  'getStatusInfo',
  'getStatusMessage',
  'isClientError',
  'isError',
  'isHttpStatus',
  'isInformational',
  'isRedirection',
  'isRetryable',
  'isServerError',
  'isStatusCode',
  'isSuccess',
  // to-api-error.ts
  'toApiError',
  // types.ts
  'ErrorDocUrlTable',
  'ErrorInfo',
  'ErrorMessageTable',
  'RetryPolicy',
  'StatusInfo',
];

const PUBLIC: ReadonlySet<string> = new Set(PUBLIC_NAMES);

/** A top-level `export` declaration at the start of a line: its keyword and name. */
const EXPORT_DECLARATION =
  /^export\s+(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(const\s+enum|enum|class|function|const|let|var|interface|type|namespace)\s+([A-Za-z_$][\w$]*)/gm;

/** Keywords that declare a type only; an exported name with any other declaration is a value too. */
const TYPE_KEYWORDS: ReadonlySet<string> = new Set(['interface', 'type', 'namespace']);

/**
 * What a generated module exports, by name, and whether only as a type. Read from its text: every
 * module, the copied runtime and the built ones, is prettier-formatted, so each top-level
 * declaration starts a line and nothing else does (documentation lines start with ` *`).
 */
export function exportedDeclarations(text: string): Map<string, { readonly typeOnly: boolean; readonly isClass: boolean }> {
  const found = new Map<string, { typeOnly: boolean; isClass: boolean }>();
  for (const [, keyword, name] of text.matchAll(EXPORT_DECLARATION)) {
    const seen = found.get(name!) ?? { typeOnly: true, isClass: false };
    found.set(name!, { typeOnly: seen.typeOnly && TYPE_KEYWORDS.has(keyword!), isClass: seen.isClass || keyword === 'class' });
  }
  return found;
}

/** A module of the generated folder, as the entry point reads it. */
export interface ModuleText {
  /** File name, such as `api-error.ts`. */
  readonly name: string;
  readonly text: string;
}

/**
 * The entry point's exports, module by module (in the order given): the public names each
 * declares, and every class of errors.ts. Values first, then types (`type ApiErrorOptions`), each
 * in alphabetical order ignoring case.
 */
export function publicExports(modules: readonly ModuleText[]): { readonly module: string; readonly names: readonly string[] }[] {
  const owner = new Map<string, string>();
  const result: { module: string; names: string[] }[] = [];
  for (const { name: module, text } of modules) {
    const values: string[] = [];
    const types: string[] = [];
    for (const [name, { typeOnly, isClass }] of exportedDeclarations(text)) {
      if (!PUBLIC.has(name) && !(module === 'errors.ts' && isClass)) continue;
      const other = owner.get(name);
      if (other !== undefined) throw new Error(`public name ${name} is declared by both ${other} and ${module}`);
      owner.set(name, module);
      (typeOnly ? types : values).push(name);
    }
    const names = [...values.sort(byName), ...types.sort(byName).map((name) => `type ${name}`)];
    if (names.length > 0) result.push({ module, names });
  }
  return result;
}

function byName(a: string, b: string): number {
  return compareStrings(a.toLowerCase(), b.toLowerCase()) || compareStrings(a, b);
}
