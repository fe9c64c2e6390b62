/**
 * The catalog's errorBody as written, after schema validation (data/catalog.schema.json, its
 * errorBody): what the descriptor (descriptor.ts) is built from. The catalog's types
 * (generator/catalog/types.ts) re-export these.
 */
import type { PresetName } from './presets/index.js';

/** A body preset's name: one of the presets in generator/body/presets/index.ts. */
export type ErrorBodyShape = PresetName;

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
  /** The preset the body starts from (DEFAULT_PRESET, flat, when not given). */
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
