/**
 * The error body in OpenAPI: its schema and the bodies of examples, both read from the body
 * descriptor alone (generator/body/descriptor.ts), whatever preset or members it has.
 */
import type * as oas30 from 'openapi3-ts/oas30';
import type * as oas31 from 'openapi3-ts/oas31';
import { isDeepStrictEqual } from 'node:util';
import { bodyTree, nodeIsRequired, type BodyItem, type BodyList, type BodyMember, type BodyNode } from '../../body/descriptor.js';
import { runtimeLayout } from '../../body/runtime-layout.js';
import type { ExtraSchema } from '../../body/spec.js';
import type { CatalogModel, StatusModel } from '../../model/model.js';
import { writeErrorBody, type JsonValue } from '../typescript/runtime/error-body.js';

export const ERROR_CODE_SCHEMA = 'ErrorCode';
export const ERROR_BODY_SCHEMA = 'ErrorBody';

export type OpenApiVersion = '3.1' | '3.0';

/** A schema as either version writes it: 3.1's type arrays never appear in 3.0, whose `nullable` never appears in 3.1. */
export type Schema = oas31.SchemaObject & Pick<oas30.SchemaObject, 'nullable'>;

type JsonType = oas31.SchemaObjectType;

/** A status echoed as a string: three digits, 100 to 599. */
export const STATUS_STRING_PATTERN = '^[1-5][0-9]{2}$';

/**
 * The code member's schema: with codePattern only when every known code matches it, so examples
 * stay valid (and only for string codes: a pattern says nothing about a number). Its description
 * names the ErrorCode schema as the spec calls it (`prefix`, when merged under one).
 */
function codeSchema(model: CatalogModel, prefix: string): Schema {
  const body = model.errorBody;
  const fallback = body.defaultCode === undefined ? '' : ` ${body.defaultCode} when no specific code applies.`;
  const pattern = body.codeType === 'string' && model.schemaCodePattern !== undefined ? { pattern: model.schemaCodePattern } : {};
  return {
    type: body.codeType,
    ...pattern,
    description: `Service error code${model.errors.length > 0 ? ` (see ${prefix}${ERROR_CODE_SCHEMA})` : ''}.${fallback}`,
  };
}

/**
 * The code member of a status's own body schema: the codes its bodies may carry (StatusModel's
 * bodyCodes) as an enum, so that generated clients narrow the code by status. Open
 * (openapi.errorCodes), any other code of the code's type is valid too: validators generated
 * from the spec then take a code a newer server sends, and generated types widen to the type.
 */
function statusCodeSchema(model: CatalogModel, status: StatusModel): Schema {
  const body = model.errorBody;
  const type = body.codeType;
  const values = status.bodyCodes.map((code) => (type === 'integer' ? Number(code) : code));
  const listed = status.codes.length === 1 ? 'the code the catalog lists' : 'a code the catalog lists';
  const fallback =
    status.defaultCode !== undefined && status.bodyCodes.includes(status.defaultCode) && !status.codes.includes(status.defaultCode)
      ? `, or ${status.defaultCode} when no specific code applies`
      : '';
  if (model.openApiErrorCodes === 'closed') {
    return { type, enum: values, description: `Service error code: ${listed} under ${status.status}${fallback}.` };
  }
  const pattern = type === 'string' && model.schemaCodePattern !== undefined ? { pattern: model.schemaCodePattern } : {};
  return {
    description: `Service error code: ${listed} under ${status.status}${fallback}, or another (a newer server's).`,
    anyOf: [
      { type, enum: values },
      { type, ...pattern },
    ],
  };
}

function jsonTypeOf(value: Exclude<JsonValue, null>): Exclude<JsonType, 'null'> {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'object') return 'object';
  return typeof value === 'string' ? 'string' : 'boolean';
}

/**
 * Exactly null. OAS 3.0 has no null type: `nullable` adds null to a type (it takes effect only
 * beside one) and the enum of one then leaves null alone.
 */
function nullSchema(version: OpenApiVersion): Schema {
  return version === '3.1' ? { type: 'null', enum: [null] } : { type: 'object', nullable: true, enum: [null] };
}

/** A constant: an enum of one, its JSON type beside it (OAS 3.0 has no const; 3.1 reads the enum the same). */
function constantSchema(value: JsonValue, version: OpenApiVersion): Schema {
  const description = `Always ${JSON.stringify(value)}.`;
  if (value === null) return { ...nullSchema(version), description };
  return { type: jsonTypeOf(value), enum: [value], description };
}

/** The `type` of a schema in each version: 3.0 spells a nullable type with `nullable`. */
function typeKeywords(type: ExtraSchema['type'], version: OpenApiVersion): Schema {
  if (type === undefined) return {};
  if (typeof type === 'string') return { type };
  if (version === '3.1') return { type: [...type] };
  // The catalog allows one type beside "null" (so that 3.0 can say it).
  return { type: type.find((each) => each !== 'null')!, nullable: true };
}

/** An extra's schema as OpenAPI writes it: the catalog's keys in a fixed order, nested schemas alike. */
export function extraSchema(schema: ExtraSchema, version: OpenApiVersion): Schema {
  const out: Schema = typeKeywords(schema.type, version);
  if (schema.format !== undefined) out.format = schema.format;
  if (schema.enum !== undefined) out.enum = [...schema.enum];
  if (schema.pattern !== undefined) out.pattern = schema.pattern;
  if (schema.minimum !== undefined) out.minimum = schema.minimum;
  if (schema.maximum !== undefined) out.maximum = schema.maximum;
  if (schema.items !== undefined) out.items = extraSchema(schema.items, version);
  if (schema.required !== undefined) out.required = [...schema.required];
  if (schema.properties !== undefined) {
    out.properties = Object.fromEntries(Object.entries(schema.properties).map(([key, value]) => [key, extraSchema(value, version)]));
  }
  return out;
}

function memberSchema(
  model: CatalogModel,
  member: BodyMember,
  prefix: string,
  version: OpenApiVersion,
  status: StatusModel | undefined,
): Schema {
  switch (member.kind) {
    case 'constant':
      return constantSchema(member.value, version);
    case 'extra':
      return { ...extraSchema(member.schema, version), description: member.description };
    case 'part':
      switch (member.part) {
        case 'code':
          return status === undefined ? codeSchema(model, prefix) : statusCodeSchema(model, status);
        case 'status':
          return model.errorBody.statusType === 'integer'
            ? { type: 'integer', minimum: 100, maximum: 599, description: member.description }
            : { type: 'string', pattern: STATUS_STRING_PATTERN, description: member.description };
        case 'type':
        case 'instance':
          return { type: 'string', format: 'uri-reference', description: member.description };
        default:
          return { type: 'string', description: member.description };
      }
  }
}

/**
 * The ErrorBody schema: an object per level of the body, members in body order; a list of the
 * body is an array whose items describe the item the error fills (any item of the list, so that
 * bodies listing several errors validate); minItems reaches the error's index when the item
 * holds a required member.
 *
 * With a status, the body schema of that status: the same body, wherever its code travels, with
 * the code member listing the status's codes (statusCodeSchema). In a list, only the item the
 * error fills lists them, told apart by 3.1's prefixItems: the other items are other errors, of
 * any code. OAS 3.0 has no prefixItems, so there every item of a list stays the shared one.
 */
export function errorBodySchema(model: CatalogModel, prefix = '', version: OpenApiVersion = '3.1', status?: StatusModel): Schema {
  const body = model.errorBody;
  const valueOf = (node: BodyNode | BodyItem, own: StatusModel | undefined): Schema =>
    'children' in node
      ? objectSchema(node.children, own)
      : 'list' in node
        ? listSchema(node.list, own)
        : memberSchema(model, node.member, prefix, version, own);
  const objectSchema = (nodes: readonly BodyNode[], own: StatusModel | undefined, description?: string): Schema => {
    const required = nodes.filter((node) => nodeIsRequired(node, body)).map((node) => node.key);
    return {
      type: 'object',
      ...(description === undefined ? {} : { description }),
      ...(required.length === 0 ? {} : { required }),
      properties: Object.fromEntries(nodes.map((node) => [node.key, valueOf(node, own)])),
    };
  };
  const listSchema = (list: BodyList, own: StatusModel | undefined): Schema => {
    const items = valueOf(list.item, undefined);
    const minItems = nodeIsRequired(list.item, body) ? { minItems: list.index + 1 } : {};
    const errorItem = own === undefined || version === '3.0' ? items : valueOf(list.item, own);
    if (isDeepStrictEqual(errorItem, items)) return { type: 'array', ...minItems, items };
    return { type: 'array', ...minItems, prefixItems: [...Array<Schema>(list.index).fill(items), errorItem], items };
  };
  const description =
    status === undefined
      ? body.description
      : `${prefix}${ERROR_BODY_SCHEMA} as ${status.status} ${status.name} responses carry it: its code member lists the codes of ${status.status}.`;
  return objectSchema(bodyTree(body.members), status, description);
}

/** What an example body is made of: the error's status, code and messages. */
export interface ExampleParts {
  readonly status: number;
  readonly statusMessage: string;
  readonly code: string | undefined;
  /** The catalog's message of the code when it lists the code under this status. */
  readonly codeMessage: string | undefined;
  readonly message: string;
  /** The catalog's docUrl of the code under this status: a problem's type instead of problemTypeBase and the code. */
  readonly docUrl?: string | undefined;
}

/**
 * An error body as the generated `toJSON()` writes it, for examples: written by the runtime's
 * own writer (runtime/error-body.ts) from the catalog's layout, so the two cannot disagree. A
 * problem's type is its own for a code the catalog lists under the status (with
 * problemTypeBase), about:blank otherwise; its title is the code's message, else the status's.
 * The request id and the instance belong to one occurrence: examples have none.
 */
export function wireBody(model: CatalogModel, error: ExampleParts): Record<string, unknown> {
  // The model spells codes as the catalog does; an integer code travels as the JSON number.
  const code = error.code !== undefined && model.errorBody.codeType === 'integer' ? Number(error.code) : error.code;
  const parts = {
    status: error.status,
    code,
    message: error.message,
    requestId: undefined,
    title: error.codeMessage ?? error.statusMessage,
    listedCode: error.code !== undefined && error.codeMessage !== undefined,
    docUrl: error.docUrl,
    instance: undefined,
    extras: {},
  };
  return writeErrorBody(runtimeLayout(model.errorBody), parts) as Record<string, unknown>;
}

/**
 * The example body of a status: its default code, which lends its message (and docUrl) only
 * under a status that lists it. The OpenAPI example of the status and the HTML reference show it.
 */
export function statusExampleBody(model: CatalogModel, status: StatusModel): Record<string, unknown> {
  const listed = model.errors.find((e) => e.code === status.defaultCode && e.status === status.status);
  return wireBody(model, {
    status: status.status,
    statusMessage: status.message,
    code: status.defaultCode,
    codeMessage: listed?.message,
    message: status.message,
    docUrl: listed?.docUrl,
  });
}
