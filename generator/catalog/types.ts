/**
 * The catalog as written in a data file, after schema validation. Mirrors
 * data/catalog.schema.json; defaults are applied later, by the model stage.
 */

import type { Diagnostic } from '../util/diagnostics.js';

export type RetryPolicy = 'modify' | 'anytime' | 'retry-after' | 'if-retry-after';

export const RETRY_POLICIES: readonly RetryPolicy[] = ['modify', 'anytime', 'retry-after', 'if-retry-after'];

export interface HeaderValueSchema {
  readonly type?: 'string' | 'integer';
  readonly format?: string;
  readonly minimum?: number;
  readonly pattern?: string;
  readonly oneOf?: readonly HeaderValueSchema[];
}

export interface HeaderSpec {
  readonly description: string;
  readonly required?: boolean;
  readonly schema: HeaderValueSchema;
  readonly example?: string | number;
}

/** A body preset's name (see generator/body/presets/index.ts). */
export type ErrorBodyShape = 'flat' | 'nested' | 'problem';

/** A JSON value a constant member may hold. */
export type JsonScalar = string | number | boolean;

/** The schema of an extra member of the error body: a small subset of JSON Schema, valid in OAS 3.0 and 3.1. */
export interface ExtraSchema {
  readonly type?: 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';
  readonly format?: string;
  readonly enum?: readonly JsonScalar[];
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
}

export interface ExtraSpec {
  readonly schema?: ExtraSchema;
  readonly description: string;
}

export interface ErrorBodySpec {
  readonly description?: string;
  /** The preset the body starts from (default flat). */
  readonly shape?: ErrorBodyShape;
  /** Shorthand for fields.code: a top-level (flat, problem) or `error` (nested) member name. */
  readonly codeField?: string;
  /** Shorthand for fields.message. */
  readonly messageField?: string;
  /** JSON Pointers of the code, message and request id, overriding the preset's. */
  readonly fields?: { readonly code?: string; readonly message?: string; readonly requestId?: string };
  /** Members every error body carries: JSON Pointer → value. */
  readonly constants?: Readonly<Record<string, JsonScalar>>;
  /** Documented optional members: JSON Pointer → schema and description. */
  readonly extra?: Readonly<Record<string, ExtraSpec>>;
  /** Media type of error bodies; the preset's by default. */
  readonly mediaType?: string;
  readonly codePattern?: string;
  readonly defaultCode?: string;
  readonly problemTypeBase?: string;
}

export interface StatusSpec {
  readonly status: number;
  readonly name: string;
  readonly message: string;
  readonly description: string;
  readonly retry?: RetryPolicy;
  readonly headers?: readonly string[];
  readonly bodyAllowed?: boolean;
  /** The code an error of this status raised without one carries, instead of errorBody.defaultCode. */
  readonly defaultCode?: string;
}

export interface ErrorSpec {
  /** Always a string here: numeric codes in the file are kept as written (leading zeros included). */
  readonly code: string;
  readonly status: number;
  readonly message: string;
  readonly name?: string;
  readonly description?: string;
  readonly measure?: string;
  readonly deprecated?: boolean;
}

/** Options of the generated TypeScript. */
export interface TypeScriptSpec {
  /** One class per error code (default false: status classes only, whose errorCode lists the codes of the status). */
  readonly errorCodeClasses?: boolean;
}

/**
 * Folders of their own for some outputs, by target name (generator/targets/index.ts; the JSON
 * Schema lists the same names); paths relative to the catalog file. See generator/write/layout.ts.
 */
export type OutputSpec = Readonly<Partial<Record<string, string>>>;

/** One catalog file as written, after schema validation. */
export interface CatalogFile {
  readonly extends?: string;
  readonly service?: string;
  readonly title?: string;
  readonly version?: string;
  readonly errorBody?: ErrorBodySpec;
  readonly headers?: Readonly<Record<string, HeaderSpec>>;
  readonly statuses?: readonly StatusSpec[];
  readonly errors?: readonly (Omit<ErrorSpec, 'code'> & { readonly code: string | number })[];
  readonly typescript?: TypeScriptSpec;
  readonly output?: OutputSpec;
}

/** A whole catalog, with what it extends merged in. */
export interface CatalogData {
  readonly service: string;
  readonly title?: string;
  readonly version?: string;
  readonly errorBody: ErrorBodySpec;
  readonly headers?: Readonly<Record<string, HeaderSpec>>;
  readonly statuses: readonly StatusSpec[];
  readonly errors?: readonly ErrorSpec[];
  readonly typescript?: TypeScriptSpec;
  /** Output folders the catalog names, each resolved from the file that names it (absolute). */
  readonly output?: OutputSpec;
}

/** A validated catalog: what `loadCatalog` returns and `generate` takes. */
export interface Catalog {
  /** Where the catalog came from, as the user named it (only its base name reaches the output). */
  readonly file: string;
  readonly data: CatalogData;
  /** Suspicious but valid entries (see `--strict`). */
  readonly warnings: readonly Diagnostic[];
  /** sha256 of each catalog file read, the most basic first: what the outputs are made from. */
  readonly fileHashes: readonly string[];
  /** The catalog files read, as absolute paths, the most basic first: an output folder must hold none of them. */
  readonly files: readonly string[];
}
