/**
 * Model stage: the validated catalog with every default applied and every derived fact
 * computed once, in a fixed order, so emitters only format and never decide.
 */
import { basename } from 'node:path';
import type { Catalog, HeaderValueSchema, RetryPolicy } from './catalog.js';
import { bodyForbidden, statusClassOf, type StatusClass } from './http.js';

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
  /** `<name>Error` for error statuses. */
  readonly className: string | undefined;
  readonly retry: RetryPolicy | undefined;
  readonly headers: readonly string[];
  readonly bodyAllowed: boolean;
}

export interface ErrorBodyModel {
  readonly description: string | undefined;
  readonly codeField: string;
  readonly messageField: string;
  readonly codePattern: string;
  readonly defaultCode: string;
}

export interface CatalogModel {
  readonly service: string;
  readonly title: string;
  readonly version: string;
  /** Base name of the catalog file, reduced to safe characters: it is named in generated headers. */
  readonly sourceName: string;
  readonly errorBody: ErrorBodyModel;
  /** Declared headers, sorted by name. */
  readonly headers: readonly HeaderModel[];
  /** Sorted by status code. */
  readonly statuses: readonly StatusModel[];
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
  const statuses = [...data.statuses]
    .sort((a, b) => a.status - b.status)
    .map((spec): StatusModel => {
      const isError = spec.status >= 400;
      return {
        status: spec.status,
        name: spec.name,
        message: spec.message,
        description: spec.description,
        statusClass: statusClassOf(spec.status),
        isError,
        className: isError ? `${spec.name}Error` : undefined,
        retry: spec.retry,
        headers: spec.headers ?? [],
        bodyAllowed: spec.bodyAllowed ?? !bodyForbidden(spec.status),
      };
    });
  return {
    service: data.service,
    title: data.title ?? `${data.service} status codes`,
    version: data.version ?? '1.0.0',
    sourceName: basename(catalog.file).replace(/[^A-Za-z0-9._-]/g, '_'),
    errorBody: {
      description: data.errorBody.description,
      codeField: data.errorBody.codeField ?? 'error_code',
      messageField: data.errorBody.messageField ?? 'error_msg',
      codePattern: data.errorBody.codePattern,
      defaultCode: data.errorBody.defaultCode,
    },
    headers,
    statuses,
  };
}

/** Code-unit order, independent of locale, so output never depends on the machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Paragraphs of a description: split at blank lines. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n[ \t]*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}
