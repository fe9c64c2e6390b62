/**
 * The catalog as written in a data file, after schema validation. Mirrors
 * data/catalog.schema.json; defaults are applied later, by the model stage.
 */

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

export interface ErrorBodySpec {
  readonly description?: string;
  readonly codeField?: string;
  readonly messageField?: string;
  readonly codePattern: string;
  readonly defaultCode: string;
}

export interface StatusSpec {
  readonly status: number;
  readonly name: string;
  readonly message: string;
  readonly description: string;
  readonly retry?: RetryPolicy;
  readonly headers?: readonly string[];
  readonly bodyAllowed?: boolean;
}

export interface CatalogData {
  readonly service: string;
  readonly title?: string;
  readonly version?: string;
  readonly errorBody: ErrorBodySpec;
  readonly headers?: Readonly<Record<string, HeaderSpec>>;
  readonly statuses: readonly StatusSpec[];
}

/** A validated catalog: what `loadCatalog` returns and `generate` takes. */
export interface Catalog {
  /** Where the catalog came from, as the user named it (only its base name reaches the output). */
  readonly file: string;
  readonly data: CatalogData;
}
