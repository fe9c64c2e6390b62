/**
 * The error body in OpenAPI: its schema and the bodies of examples, both read from the body
 * descriptor alone (generator/body/descriptor.ts), whatever preset or members it has.
 */
import type * as oas31 from 'openapi3-ts/oas31';
import { bodyTree, nodeIsRequired, type BodyItem, type BodyMember, type BodyNode } from '../../body/descriptor.js';
import type { ExtraSchema, JsonValue } from '../../catalog/types.js';
import { runtimeLayout } from '../../body/runtime-layout.js';
import type { CatalogModel } from '../../model/model.js';
import { writeErrorBody } from '../typescript/runtime/error-body.js';

export const ERROR_CODE_SCHEMA = 'ErrorCode';

/**
 * The code member's schema: with codePattern only when every known code matches it, so examples
 * stay valid. Its description names the ErrorCode schema as the spec calls it (`prefix`, when merged under one).
 */
function codeSchema(model: CatalogModel, prefix: string): oas31.SchemaObject {
  const body = model.errorBody;
  const fallback = body.defaultCode === undefined ? '' : ` ${body.defaultCode} when no specific code applies.`;
  return {
    type: 'string',
    ...(model.schemaCodePattern === undefined ? {} : { pattern: model.schemaCodePattern }),
    description: `Service error code${model.errors.length > 0 ? ` (see ${prefix}${ERROR_CODE_SCHEMA})` : ''}.${fallback}`,
  };
}

function jsonType(value: JsonValue): 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | undefined {
  if (value === null) return undefined;
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value === 'string' ? 'string' : 'boolean';
}

/** An extra's schema as OpenAPI writes it: the catalog's keys in a fixed order. */
export function extraSchema(schema: ExtraSchema): oas31.SchemaObject {
  const out: oas31.SchemaObject = {};
  if (schema.type !== undefined) out.type = typeof schema.type === 'string' ? schema.type : [...schema.type];
  if (schema.format !== undefined) out.format = schema.format;
  if (schema.enum !== undefined) out.enum = [...schema.enum];
  if (schema.pattern !== undefined) out.pattern = schema.pattern;
  if (schema.minimum !== undefined) out.minimum = schema.minimum;
  if (schema.maximum !== undefined) out.maximum = schema.maximum;
  return out;
}

function memberSchema(model: CatalogModel, member: BodyMember, prefix: string): oas31.SchemaObject {
  switch (member.kind) {
    case 'constant': {
      // enum rather than const: OAS 3.0 has no const.
      const type = jsonType(member.value);
      return { ...(type === undefined ? {} : { type }), enum: [member.value], description: `Always ${JSON.stringify(member.value)}.` };
    }
    case 'extra':
      return { ...extraSchema(member.schema), description: member.description };
    case 'part':
      switch (member.part) {
        case 'code':
          return codeSchema(model, prefix);
        case 'status':
          return { type: 'integer', minimum: 100, maximum: 599, description: member.description };
        case 'type':
        case 'instance':
          return { type: 'string', format: 'uri-reference', description: member.description };
        default:
          return { type: 'string', description: member.description };
      }
  }
}

/** The ErrorBody schema: an object per level of the body, members in body order. */
export function errorBodySchema(model: CatalogModel, prefix = ''): oas31.SchemaObject {
  const body = model.errorBody;
  const valueOf = (node: BodyNode | BodyItem): oas31.SchemaObject =>
    'children' in node
      ? objectOf(node.children)
      : 'list' in node
        ? { type: 'array', items: valueOf(node.list.item) }
        : memberSchema(model, node.member, prefix);
  const objectOf = (nodes: readonly BodyNode[], description?: string): oas31.SchemaObject => {
    const required = nodes.filter((node) => nodeIsRequired(node, body)).map((node) => node.key);
    return {
      type: 'object',
      ...(description === undefined ? {} : { description }),
      ...(required.length === 0 ? {} : { required }),
      properties: Object.fromEntries(nodes.map((node) => [node.key, valueOf(node)])),
    };
  };
  return objectOf(bodyTree(body.members), body.description);
}

/** What an example body is made of: the error's status, code and messages. */
export interface ExampleParts {
  readonly status: number;
  readonly statusMessage: string;
  readonly code: string | undefined;
  /** The catalog's message of the code when it lists the code under this status. */
  readonly codeMessage: string | undefined;
  readonly message: string;
}

/**
 * An error body as the generated `toJSON()` writes it, for examples: written by the runtime's
 * own writer (runtime/error-body.ts) from the catalog's layout, so the two cannot disagree. A
 * problem's type is its own for a code the catalog lists under the status (with
 * problemTypeBase), about:blank otherwise; its title is the code's message, else the status's.
 * The request id and the instance belong to one occurrence: examples have none.
 */
export function wireBody(model: CatalogModel, error: ExampleParts): Record<string, unknown> {
  return writeErrorBody(runtimeLayout(model.errorBody), {
    status: error.status,
    code: error.code,
    message: error.message,
    requestId: undefined,
    title: error.codeMessage ?? error.statusMessage,
    listedCode: error.code !== undefined && error.codeMessage !== undefined,
    instance: undefined,
    extras: {},
  }) as Record<string, unknown>;
}
