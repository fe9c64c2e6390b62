/**
 * Model stage: the validated catalog with every default applied and every derived fact
 * computed once, in a fixed order, so emitters only format and never decide.
 */
import { buildBodyDescriptor, type BodyDescriptor } from '../body/descriptor.js';
import type {
  Catalog,
  EnumStyle,
  HeaderValueSchema,
  ImportExtension,
  OpenApiErrorCodes,
  RetryPolicy,
  TypeScriptEmit,
} from '../catalog/types.js';
import { bodyForbidden, statusClassOf, type StatusClass } from '../util/http.js';
import { classNameOf } from '../catalog/identifiers.js';
import { catalogName } from '../util/catalog-name.js';
import { matchAll } from '../catalog/pattern.js';
import { compareStrings } from '../util/compare.js';

export interface HeaderModel {
  readonly name: string;
  readonly description: string;
  readonly required: boolean;
  readonly schema: HeaderValueSchema;
  readonly example: string | number | undefined;
}

export interface StatusModel {
  readonly status: number;
  readonly name: string;
  readonly message: string;
  /** Verbatim catalog text. */
  readonly description: string;
  readonly statusClass: StatusClass;
  /** 4xx and 5xx: these get an error class, an error body and an example. */
  readonly isError: boolean;
  /** `<name>Error` for error statuses (see classNameOf); undefined for the others. */
  readonly className: string | undefined;
  /** The class an error status's class extends: ClientError (4xx) or ServerError (5xx); undefined for the others. */
  readonly parentClass: 'ClientError' | 'ServerError' | undefined;
  /** Headers it lists that the catalog marks required: its class's constructor demands them. */
  readonly requiredHeaders: readonly string[];
  readonly retry: RetryPolicy | undefined;
  readonly headers: readonly string[];
  readonly bodyAllowed: boolean;
  /** A 3xx that sends Location (in any case): a redirect. */
  readonly redirects: boolean;
  /** Whether its retry guidance lets a client repeat the request unmodified (anytime, retry-after, if-retry-after). */
  readonly retryable: boolean;
  /** Error codes answered with this status, sorted. */
  readonly codes: readonly string[];
  /** The code an error of this status raised without one carries: its own defaultCode, else the body's; undefined without either. */
  readonly defaultCode: string | undefined;
  /**
   * A success status (2xx) the catalog lists codes under: its responses may carry an error body
   * (told from a success by the body's constants, when it has some: BodyDescriptor.identifiedByConstants),
   * which its OpenAPI response documents and the generated client reads as an error.
   */
  readonly errorOnSuccess: boolean;
  /**
   * The codes its error bodies may carry, for a body schema of its own (OpenAPI): the codes the
   * catalog lists under it, then (4xx, 5xx) its default code when that is not among them. Empty when the
   * catalog lists no code under it: its default code alone would tell a client nothing the
   * status does not, so its responses keep the shared body schema.
   */
  readonly bodyCodes: readonly string[];
}

export interface ErrorModel {
  readonly code: string;
  readonly status: number;
  /** Final identifier (given or derived by validation). */
  readonly name: string;
  /** `<name>Error` (see classNameOf). */
  readonly className: string;
  /**
   * The class it extends: its status class when the catalog lists the status as 4xx/5xx,
   * else ClientError or ServerError by range, else ApiError (codes on 1xx-3xx statuses).
   */
  readonly parentClass: string;
  /** Whether the parent is a status class, whose constructor already knows the status. */
  readonly parentIsStatusClass: boolean;
  readonly message: string;
  readonly description: string | undefined;
  readonly measure: string | undefined;
  readonly deprecated: boolean;
  /** Its own retry guidance, which overrides its status's; undefined when it has none (its status's applies). */
  readonly retry: RetryPolicy | undefined;
  /** The page that documents it (an absolute http or https URL): the docs link it; a problem body sends it as its type. */
  readonly docUrl: string | undefined;
  /** Headers its status requires (see StatusModel.requiredHeaders). */
  readonly requiredHeaders: readonly string[];
  /** Whether its status allows content, so that the code can be sent at all. */
  readonly bodyAllowed: boolean;
  /**
   * Key of its OpenAPI example: the code, `<code>.<status>` for a code listed under several
   * statuses, prefixed `code.` where a status example has that name.
   */
  readonly exampleKey: string;
  /** Whether it is the first entry of its code (by status): its name names the ErrorCode member. */
  readonly primary: boolean;
  /** Every status the code is listed under, this one included, ascending. */
  readonly codeStatuses: readonly number[];
}

/** The form of the generated TypeScript: what it declares StatusCode and ErrorCode with, which files it writes, how they import each other. */
export interface TypeScriptForm {
  readonly enums: EnumStyle;
  readonly emit: TypeScriptEmit;
  readonly importExtension: ImportExtension;
}

export interface CatalogModel {
  readonly service: string;
  readonly title: string;
  readonly version: string;
  /** Base name of the catalog file, reduced to safe characters: it is named in generated headers. */
  readonly sourceName: string;
  /** The error body: where each part travels, constants, extras, media type. */
  readonly errorBody: BodyDescriptor;
  /** Declared headers, sorted by name. */
  readonly headers: readonly HeaderModel[];
  /** Sorted by status code. */
  readonly statuses: readonly StatusModel[];
  /** One per (code, status) entry, sorted by code, then status. */
  readonly errors: readonly ErrorModel[];
  /** The first entry of each code (see ErrorModel.primary), sorted by code: one per ErrorCode member. */
  readonly codes: readonly ErrorModel[];
  /** Whether the TypeScript has one class per error code (the catalog's typescript.errorCodeClasses). */
  readonly errorCodeClasses: boolean;
  /** The framework adapters the TypeScript gains (the catalog's typescript.adapters), sorted by name. */
  readonly adapters: readonly string[];
  /** The form of the generated TypeScript (the catalog's typescript.enums, emit and importExtension, defaults applied). */
  readonly typescript: TypeScriptForm;
  /** codePattern, when every code (and the default code) matches it, so schemas may carry it. */
  readonly schemaCodePattern: string | undefined;
  /** How an error status's own body schema lists its codes (the catalog's openapi.errorCodes): closed by default. */
  readonly openApiErrorCodes: OpenApiErrorCodes;
}

export function buildModel(catalog: Catalog): CatalogModel {
  const { data } = catalog;
  const headers = Object.entries(data.headers ?? {})
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([name, spec]): HeaderModel => ({
      name,
      description: spec.description,
      required: spec.required ?? false,
      schema: spec.schema,
      example: spec.example,
    }));
  const required = new Set(headers.filter((h) => h.required).map((h) => h.name));
  const errorSpecs = [...(data.errors ?? [])].sort((a, b) => compareStrings(a.code, b.code) || a.status - b.status);
  const statusesOfCode = new Map<string, number[]>();
  for (const spec of errorSpecs) statusesOfCode.set(spec.code, [...(statusesOfCode.get(spec.code) ?? []), spec.status]);
  const statuses = [...data.statuses]
    .sort((a, b) => a.status - b.status)
    .map((spec): StatusModel => {
      const isError = spec.status >= 400;
      const codes = errorSpecs.filter((e) => e.status === spec.status).map((e) => e.code);
      const defaultCode = spec.defaultCode ?? data.errorBody.defaultCode;
      return {
        status: spec.status,
        name: spec.name,
        message: spec.message,
        description: spec.description,
        statusClass: statusClassOf(spec.status),
        isError,
        className: isError ? classNameOf(spec.name) : undefined,
        parentClass: isError ? (spec.status >= 500 ? 'ServerError' : 'ClientError') : undefined,
        retry: spec.retry,
        headers: spec.headers ?? [],
        requiredHeaders: (spec.headers ?? []).filter((name) => required.has(name)),
        bodyAllowed: spec.bodyAllowed ?? !bodyForbidden(spec.status),
        redirects: statusClassOf(spec.status) === 'redirection' && (spec.headers ?? []).some((name) => name.toLowerCase() === 'location'),
        retryable: spec.retry !== undefined && spec.retry !== 'modify',
        codes,
        defaultCode,
        errorOnSuccess: statusClassOf(spec.status) === 'success' && codes.length > 0,
        // An error body on a success status is an error by its code: it always carries one the status lists.
        bodyCodes:
          codes.length === 0 || !isError || defaultCode === undefined || codes.includes(defaultCode) ? codes : [...codes, defaultCode],
      };
    });
  const statusByCode = new Map(statuses.map((s) => [s.status, s]));
  const statusNames = new Set(statuses.map((s) => s.name));
  const errors = errorSpecs.map((spec): ErrorModel => {
    const codeStatuses = statusesOfCode.get(spec.code)!;
    const key = codeStatuses.length > 1 ? `${spec.code}.${spec.status}` : spec.code;
    const statusClassName = statusByCode.get(spec.status)?.className;
    const parentClass = statusClassName ?? (spec.status >= 500 ? 'ServerError' : spec.status >= 400 ? 'ClientError' : 'ApiError');
    return {
      code: spec.code,
      status: spec.status,
      name: spec.name!,
      className: classNameOf(spec.name!),
      parentClass,
      parentIsStatusClass: statusClassName !== undefined,
      requiredHeaders: statusByCode.get(spec.status)?.requiredHeaders ?? [],
      message: spec.message,
      description: spec.description,
      measure: spec.measure,
      deprecated: spec.deprecated ?? false,
      retry: spec.retry,
      docUrl: spec.docUrl,
      bodyAllowed: !bodyForbidden(spec.status),
      exampleKey: statusNames.has(key) ? `code.${key}` : key,
      primary: codeStatuses[0] === spec.status,
      codeStatuses,
    };
  });
  // Validation reported any problem with it already.
  const errorBody = buildBodyDescriptor(data.errorBody);
  const defaultCodes = [...new Set(statuses.map((s) => s.defaultCode).filter((code) => code !== undefined))];
  const allCodes = [...errors.map((e) => e.code), ...(errorBody.defaultCode === undefined ? [] : [errorBody.defaultCode]), ...defaultCodes];
  return {
    service: data.service,
    title: data.title ?? `${data.service} status codes`,
    version: data.version ?? '1.0.0',
    sourceName: catalogName(catalog.file),
    errorBody,
    headers,
    statuses,
    errors,
    codes: errors.filter((e) => e.primary),
    errorCodeClasses: data.typescript?.errorCodeClasses ?? false,
    adapters: [...(data.typescript?.adapters ?? [])].sort(compareStrings),
    openApiErrorCodes: data.openapi?.errorCodes ?? 'closed',
    typescript: {
      enums: data.typescript?.enums ?? 'const',
      emit: data.typescript?.emit ?? 'ts',
      importExtension: data.typescript?.importExtension ?? '.js',
    },
    // Validation has matched these already, within its time limit.
    schemaCodePattern:
      errorBody.codePattern !== undefined && matchAll(errorBody.codePattern, allCodes).every(Boolean) ? errorBody.codePattern : undefined,
  };
}

/**
 * Paragraphs of a description: line breaks of every kind (CRLF, CR, U+2028, U+2029) read as
 * one, split at blank lines, spaces and tabs at the edges of a paragraph dropped.
 */
export function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n|[\r\u2028\u2029]/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^[ \t\n]+|[ \t\n]+$/g, ''))
    .filter((p) => p !== '');
}
