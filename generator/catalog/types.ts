/**
 * The catalog as written in a data file, after schema validation. Mirrors
 * data/catalog.schema.json; defaults are applied later, by the model stage.
 */

import type { Diagnostic } from '../util/diagnostics.js';
import type { ErrorBodySpec } from '../body/spec.js';
// The generated code's own definition, so that what a catalog may say is what the runtime reads.
import type { RetryPolicy } from '../targets/typescript/runtime/types.js';

export type {
  ErrorBodyFields,
  ErrorBodyShape,
  ErrorBodySpec,
  ExtraSchema,
  ExtraSchemaType,
  ExtraSpec,
  JsonScalar,
  JsonValue,
} from '../body/spec.js';
export type { RetryPolicy } from '../targets/typescript/runtime/types.js';

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

export interface StatusSpec {
  readonly status: number;
  readonly name: string;
  readonly message: string;
  readonly description: string;
  readonly retry?: RetryPolicy;
  readonly headers?: readonly string[];
  readonly bodyAllowed?: boolean;
  /** The code an error of this status raised without one carries, instead of errorBody.defaultCode (a number written is kept as written). */
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
  /** Retry guidance of this code, overriding its status's (a 429 code for an exhausted quota: modify). */
  readonly retry?: RetryPolicy;
  /** The page that documents the code (an absolute http or https URL): linked in the docs, the type of a problem body. */
  readonly docUrl?: string;
}

/** How StatusCode and ErrorCode are declared: `as const` objects (erasable syntax, the default) or TypeScript enums. */
export type EnumStyle = 'const' | 'enum';

/** What the TypeScript target writes: TypeScript sources (default), or ES modules with a declaration file beside each. */
export type TypeScriptEmit = 'ts' | 'js';

/** The extension of the relative module specifiers in generated TypeScript. */
export type ImportExtension = '.js' | '.ts';

/** Options of the generated TypeScript. */
export interface TypeScriptSpec {
  /** One class per error code (default false: status classes only, whose errorCode lists the codes of the status). */
  readonly errorCodeClasses?: boolean;
  /** Framework adapters to write under adapters/ (names of generator/targets/typescript/adapters.ts; the schema's enum checks them). */
  readonly adapters?: readonly string[];
  /** `const` (default) or `enum`. */
  readonly enums?: EnumStyle;
  /** `ts` (default) or `js`. */
  readonly emit?: TypeScriptEmit;
  /** `.js` (default) or `.ts`; `.ts` only with emit `ts`. */
  readonly importExtension?: ImportExtension;
}

/**
 * How the schema of an error status's body lists the codes of that status: closed, an enum
 * (generated clients narrow the code by status; validators generated from the spec refuse a
 * code the catalog does not list); open, that enum or any other code (such validators take a
 * newer server's code; generated types widen the code to its type).
 */
export type OpenApiErrorCodes = 'closed' | 'open';

/** Options of the generated OpenAPI. */
export interface OpenApiSpec {
  readonly errorCodes?: OpenApiErrorCodes;
}

/**
 * Folders of their own for some outputs, by target name (generator/targets/index.ts; the JSON
 * Schema lists the same names); paths relative to the catalog file. See generator/write/layout.ts.
 */
export type OutputSpec = Readonly<Partial<Record<string, string>>>;

/** How names are derived for entries under errors without a `name`: from the message (default) or from the code. */
export type ErrorNames = 'message' | 'code';

/** One catalog file as written, after schema validation. */
export interface CatalogFile {
  readonly extends?: string;
  readonly service?: string;
  readonly title?: string;
  readonly version?: string;
  readonly errorNames?: ErrorNames;
  readonly errorBody?: ErrorBodySpec;
  readonly headers?: Readonly<Record<string, HeaderSpec>>;
  readonly statuses?: readonly StatusSpec[];
  readonly errors?: readonly (Omit<ErrorSpec, 'code'> & { readonly code: string | number })[];
  readonly typescript?: TypeScriptSpec;
  readonly openapi?: OpenApiSpec;
  readonly output?: OutputSpec;
}

/** A whole catalog, with what it extends merged in. */
export interface CatalogData {
  readonly service: string;
  readonly title?: string;
  readonly version?: string;
  readonly errorNames?: ErrorNames;
  readonly errorBody: ErrorBodySpec;
  readonly headers?: Readonly<Record<string, HeaderSpec>>;
  readonly statuses: readonly StatusSpec[];
  readonly errors?: readonly ErrorSpec[];
  readonly typescript?: TypeScriptSpec;
  readonly openapi?: OpenApiSpec;
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
