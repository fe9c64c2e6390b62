/**
 * The catalog's errorBody as written, after schema validation (data/catalog.schema.json, its
 * errorBody): what the descriptor (descriptor.ts) is built from. The catalog's types
 * (generator/catalog/types.ts) re-export these.
 */
import type { PresetName } from './presets/index.js';
import type { JsonValue } from '../targets/typescript/runtime/error-body.js';

export type { JsonValue } from '../targets/typescript/runtime/error-body.js';

/** A body preset's name: one of the presets in generator/body/presets/index.ts. */
export type ErrorBodyShape = PresetName;

/** A JSON string, number or boolean. */
export type JsonScalar = string | number | boolean;

/** A JSON type an extra's schema may name. */
export type ExtraSchemaType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';

/**
 * The schema of an extra member of the error body: a subset of JSON Schema valid in OAS 3.0 and
 * 3.1. A `type` list is one type and "null" (a value that may be null: OAS 3.0 writes it
 * `nullable: true`); `items` and `properties` nest schemas of the same subset.
 */
export interface ExtraSchema {
  readonly type?: ExtraSchemaType | readonly [ExtraSchemaType, 'null'] | readonly ['null', ExtraSchemaType];
  readonly format?: string;
  readonly enum?: readonly JsonValue[];
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  /** The schema of every item of an array. */
  readonly items?: ExtraSchema;
  /** The schemas of an object's members, by name. */
  readonly properties?: Readonly<Record<string, ExtraSchema>>;
  /** Members of an object that must be present (each named in `properties`). */
  readonly required?: readonly string[];
}

export interface ExtraSpec {
  readonly schema?: ExtraSchema;
  readonly description: string;
}

/**
 * JSON Pointers of the parts, overriding the preset's: a token of digits without a leading zero
 * is an index in an array (`/errors/0/code`); null says the body has no such member.
 */
export interface ErrorBodyFields {
  readonly code?: string;
  readonly message?: string | null;
  readonly requestId?: string | null;
  /** Where the body echoes the HTTP status (no preset but problem has such a member). */
  readonly status?: string;
}

export interface ErrorBodySpec {
  readonly description?: string;
  /** The preset the body starts from (DEFAULT_PRESET, flat, when not given). */
  readonly shape?: ErrorBodyShape;
  /** Shorthand for fields.code: a top-level (flat, problem) or `error` (nested) member name. */
  readonly codeField?: string;
  /** Shorthand for fields.message. */
  readonly messageField?: string;
  readonly fields?: ErrorBodyFields;
  /** Members every error body carries: JSON Pointer → any JSON value. */
  readonly constants?: Readonly<Record<string, JsonValue>>;
  /** Documented optional members: JSON Pointer → schema and description. */
  readonly extra?: Readonly<Record<string, ExtraSpec>>;
  /** Media type of error bodies; the preset's by default. */
  readonly mediaType?: string;
  readonly codePattern?: string;
  /** Written as text or, like a numeric code, as a number kept as written. */
  readonly defaultCode?: string;
  readonly problemTypeBase?: string;
  /** How codes travel: JSON strings (default) or JSON numbers, every code then being digits. */
  readonly codeType?: 'string' | 'integer';
  /** How a `status` member echoes the HTTP status: a JSON number (default) or a string. */
  readonly statusType?: 'integer' | 'string';
}
