/**
 * The body descriptor as the emitters write it, in-process: the TypeScript layout and types
 * (targets/typescript/modules/catalog.ts) and the OpenAPI schema (targets/openapi/body.ts), for bodies with
 * constants, extras of every schema type, moved parts and per-status default codes.
 */
import { describe, expect, test } from 'vitest';
import { buildOpenApiDocuments } from '../../generator/targets/openapi/openapi.js';
import { emitTypeScript } from '../../generator/targets/typescript/typescript.js';
import { parseCatalog } from '../../generator/index.js';
import { buildModel, type CatalogModel } from '../../generator/model/model.js';
import { loadRuntimeSources } from '../../generator/targets/typescript/runtime-sources.js';
import type { TestCase } from '../harness/cases.js';

const CATALOG = `service: EX
errorBody:
  description: A body with everything.
  fields: { code: /error/code, message: /error/message, requestId: /meta/RequestId }
  constants: { /status: failed, /ok: false, /version: 2, /ratio: 0.5 }
  extra:
    /error/doc_url: { schema: { type: string, format: uri }, description: A page about this code. }
    /error/retries: { schema: { type: integer, minimum: 0, maximum: 9 }, description: Retries left. }
    /error/score: { schema: { type: number }, description: A score. }
    /error/fatal: { schema: { type: boolean }, description: Whether it is fatal. }
    /error/details: { schema: { type: object }, description: More. }
    /error/causes: { schema: { type: array }, description: Causes. }
    /error/kind: { schema: { type: string, enum: [card, api], pattern: '^[a-z]+$' }, description: Kind. }
    /anything: { description: Untyped. }
  defaultCode: EX.0000
statuses:
  - { status: 400, name: BadRequest, message: Bad Request, description: Bad. }
  - { status: 404, name: NotFound, message: Not Found, description: None., defaultCode: EX.0404 }
errors:
  - { code: EX.0404, status: 404, message: Not here. }
`;

const model: CatalogModel = buildModel(parseCatalog(CATALOG, 'ex.yaml'));

describe('catalog.ts for a body with constants and extras', async () => {
  const files = await emitTypeScript(model, loadRuntimeSources());
  const catalog = files.find((f) => f.path === 'catalog.ts')!.contents;
  const tests: TestCase<string, string>[] = [
    ['a moved part, on one line', { given: 'code', want: '    { path: ["error", "code"], part: "code" },' }],
    ['a string constant', { given: 'status', want: '    { path: ["status"], part: "constant", value: "failed" },' }],
    ['a boolean constant', { given: 'ok', want: '    { path: ["ok"], part: "constant", value: false },' }],
    ['a number constant', { given: 'ratio', want: '    { path: ["ratio"], part: "constant", value: 0.5 },' }],
    [
      'an extra with its type',
      { given: 'retries', want: '    { path: ["error", "retries"], part: "extra", name: "retries", type: "integer" },' },
    ],
    [
      'an extra without a type',
      { given: 'anything', want: '    { path: ["anything"], part: "extra", name: "anything", type: undefined },' },
    ],
  ];
  for (const [name, { want }] of tests) {
    test(`ERROR_BODY: ${name}`, () => expect(catalog.split('\n')).toContain(want));
  }

  const types: TestCase<string, string>[] = [
    ['string', { given: 'doc_url', want: 'readonly doc_url?: string;' }],
    ['integer as number', { given: 'retries', want: 'readonly retries?: number;' }],
    ['number', { given: 'score', want: 'readonly score?: number;' }],
    ['boolean', { given: 'fatal', want: 'readonly fatal?: boolean;' }],
    ['object', { given: 'details', want: 'readonly details?: { readonly [key: string]: unknown };' }],
    ['array', { given: 'causes', want: 'readonly causes?: readonly unknown[];' }],
    ['untyped', { given: 'anything', want: 'readonly anything?: unknown;' }],
  ];
  for (const [name, { want }] of types) {
    test(`ErrorExtras and ErrorBody: ${name}`, () => {
      const extras = catalog.slice(catalog.indexOf('export interface ErrorExtras'));
      expect(extras).toContain(want);
    });
  }

  test('ErrorBody: constants as literal types, required; objects inline, required when a member is', () => {
    const body = catalog.slice(
      catalog.indexOf('export interface ErrorBody '),
      catalog.indexOf('/** The extra members the catalog documents'),
    );
    for (const line of [
      'readonly status: "failed";',
      'readonly ok: false;',
      'readonly version: 2;',
      'readonly error: {',
      'readonly code: string;',
      'readonly meta?: {',
      'readonly RequestId?: string;',
    ]) {
      expect(body).toContain(line);
    }
  });

  test('defaultErrorCodeFor switches on the statuses with their own default code', () => {
    expect(catalog).toContain('    case 404:\n      return "EX.0404";\n    default:\n      return DEFAULT_ERROR_CODE;');
    expect(catalog).toContain('export type DefaultErrorCode = "EX.0000" | "EX.0404";');
  });
});

describe('the ErrorBody schema for a body with constants and extras', () => {
  /** A schema object, as far as these tests read it. */
  interface Schema {
    readonly properties: Record<string, Schema>;
    readonly required?: string[];
    readonly description?: string;
  }
  const schema = buildOpenApiDocuments(model)['3.1'].components!.schemas!['ErrorBody'] as unknown as Schema;
  const tests: TestCase<string[], unknown>[] = [
    [
      'a string constant: an enum of one (OAS 3.0 has no const)',
      { given: ['status'], want: { type: 'string', enum: ['failed'], description: 'Always "failed".' } },
    ],
    ['an integer constant', { given: ['version'], want: { type: 'integer', enum: [2], description: 'Always 2.' } }],
    ['a number constant', { given: ['ratio'], want: { type: 'number', enum: [0.5], description: 'Always 0.5.' } }],
    ['a boolean constant', { given: ['ok'], want: { type: 'boolean', enum: [false], description: 'Always false.' } }],
    [
      'an extra with format',
      { given: ['error', 'doc_url'], want: { type: 'string', format: 'uri', description: 'A page about this code.' } },
    ],
    [
      'an extra with bounds',
      { given: ['error', 'retries'], want: { type: 'integer', minimum: 0, maximum: 9, description: 'Retries left.' } },
    ],
    [
      'an extra with an enum and a pattern',
      { given: ['error', 'kind'], want: { type: 'string', enum: ['card', 'api'], pattern: '^[a-z]+$', description: 'Kind.' } },
    ],
    ['an untyped extra', { given: ['anything'], want: { description: 'Untyped.' } }],
  ];
  const at = (path: string[]): unknown => path.reduce<Schema>((node, key) => node.properties[key]!, schema);
  for (const [name, { given, want }] of tests) {
    test(name, () => expect(at(given)).toEqual(want));
  }

  test('required: constants and objects holding a required member; the optional request id object is not', () => {
    expect(schema.required).toEqual(['error', 'status', 'ok', 'version', 'ratio']);
    expect(schema.properties['error']?.required).toEqual(['code', 'message']);
    expect(schema.description).toBe('A body with everything.');
  });
});
