/**
 * The OpenAPI files of bodies that are not flat objects of strings (lists of errors, integer
 * codes, constants of any JSON value, absent parts, the status echoed, errors on 200, nested and
 * nullable extra schemas), emitted as `generate` writes them: valid OAS 3.1 and 3.0 documents,
 * Redocly-clean, and a 3.1 schema that accepts the bodies the services document and refuses
 * others (ajv, JSON Schema 2020-12: the dialect of OAS 3.1).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, test } from 'vitest';
import type { CatalogModel } from '../../../generator/model/model.js';
import { buildOpenApiDocuments, emitOpenApi, toJson, toYaml } from '../../../generator/targets/openapi/openapi.js';
import type { TestCase } from '../../harness/cases.js';
import { FRAGMENT_WARNING, lintFragment, validateSpec } from '../../harness/openapi-check.js';
import { BODY_CASES, bodyCase } from './body-models.js';

/** The parts of a document these tests read. */
interface Document {
  readonly components: {
    readonly schemas: Record<string, Record<string, unknown>>;
    readonly responses: Record<
      string,
      {
        readonly description: string;
        readonly 'x-status-code'?: number;
        readonly content?: Record<string, { schema: { $ref: string }; examples?: Record<string, { $ref: string }> }>;
      }
    >;
    readonly examples: Record<string, { readonly value: unknown }>;
  };
}

const documentsOf = (model: CatalogModel): Record<'3.1' | '3.0', Document> =>
  buildOpenApiDocuments(model) as unknown as Record<'3.1' | '3.0', Document>;

/** A value at a path of property names inside a schema. */
function schemaAt(schema: Record<string, unknown>, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, key) => (node as { properties: Record<string, unknown> }).properties[key], schema);
}

const folder = mkdtempSync(join(tmpdir(), 'status-catalog-bodies-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe.each(BODY_CASES)('$name', ({ name, model, valid, invalid }) => {
  const files = emitOpenApi(model);
  const documents = documentsOf(model);

  test.each(files.map((file) => file.path))('%s is a valid OpenAPI document, with no Redocly errors or warnings', async (path) => {
    const file = files.find((f) => f.path === path)!;
    const written = join(folder, `${name.replace(/[^a-z0-9]+/gi, '-')}-${path}`);
    writeFileSync(written, file.contents);
    const document = (path.endsWith('.json') ? JSON.parse(file.contents) : documents[path.includes('oas30') ? '3.0' : '3.1']) as Record<
      string,
      unknown
    >;
    const validation = await validateSpec(document);
    expect(validation.valid, JSON.stringify(validation.errors, null, 2)).toBe(true);
    const lint = await lintFragment(written);
    expect(lint.errors).toEqual([]);
    // Only the warnings every fragment has (no licence; responses no operation uses).
    expect(lint.warnings.filter((warning) => !FRAGMENT_WARNING.test(warning))).toEqual([]);
  });

  test('each file holds its version of the document, serialised in full', () => {
    const text = (path: string): string => files.find((f) => f.path === path)!.contents;
    expect(text('components.json')).toBe(toJson(documents['3.1']));
    expect(text('components.oas30.json')).toBe(toJson(documents['3.0']));
    expect(text('components.yaml')).toBe(toYaml(documents['3.1']));
    expect(text('components.oas30.yaml')).toBe(toYaml(documents['3.0']));
  });

  const { components } = documents['3.1'];
  // strictTuples asks prefixItems to describe every item; a list of errors describes the item
  // the error fills (prefixItems) and leaves the others any error (items).
  const ajv = new Ajv2020({ strict: true, strictTuples: false, allErrors: true, allowUnionTypes: true });
  const errorBody: ValidateFunction = ajv.compile(components.schemas['ErrorBody']!);
  /** The schema a status's response documents its error bodies with: its own, as every status of these catalogs lists codes. */
  const responseSchema = (status: number): ValidateFunction => {
    const statusModel = model.statuses.find((s) => s.status === status)!;
    const response = Object.values(components.responses).find((r) => r['x-status-code'] === status);
    const ref = response?.content?.[model.errorBody.mediaType]?.schema.$ref;
    expect(ref, `the ${status} response documents an error body`).toBe(`#/components/schemas/${statusModel.name}ErrorBody`);
    return ajv.compile(components.schemas[`${statusModel.name}ErrorBody`]!);
  };

  test.each(valid.map(({ status, body }) => [JSON.stringify(body), status, body] as const))(
    'accepts the real body %s on its status',
    (_text, status, body) => {
      const validate = responseSchema(status);
      expect(validate(body), JSON.stringify(validate.errors, null, 2)).toBe(true);
    },
  );

  test.each(invalid.map(({ why, body }) => [why, body] as const))('refuses a body with %s', (_why, body) => {
    expect(errorBody(body)).toBe(false);
  });

  test.each(Object.entries(components.examples))('example %s is a valid body', (_key, example) => {
    expect(errorBody(example.value), JSON.stringify(errorBody.errors, null, 2)).toBe(true);
  });
});

describe('schemas of each feature, in OAS 3.1 and 3.0', () => {
  const cloudflare = documentsOf(bodyCase('Cloudflare').model);
  const slack = documentsOf(bodyCase('Slack').model);
  const google = documentsOf(bodyCase('Google').model);
  const statusString = documentsOf(bodyCase('the status echoed as a string').model);
  const nested = documentsOf(bodyCase('constants {}').model);
  const body = (documents: Record<'3.1' | '3.0', Document>, version: '3.1' | '3.0'): Record<string, unknown> =>
    documents[version].components.schemas['ErrorBody']!;
  const codeSchema = { type: 'integer', description: 'Service error code (see ErrorCode).' };

  const tests: TestCase<{ documents: Record<'3.1' | '3.0', Document>; version: '3.1' | '3.0'; path: string[] }, unknown>[] = [
    [
      'a list of errors: an array of at least one item, each the error object',
      {
        given: { documents: cloudflare, version: '3.1', path: ['errors'] },
        want: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            // Without a default code, an error may have none: its body leaves the code out.
            required: ['message'],
            properties: { code: codeSchema, message: { type: 'string', description: 'Error message.' } },
          },
        },
      },
    ],
    [
      'the same list in 3.0',
      { given: { documents: cloudflare, version: '3.0', path: ['errors'] }, want: expect.objectContaining({ type: 'array', minItems: 1 }) },
    ],
    [
      'constant null in 3.1',
      {
        given: { documents: cloudflare, version: '3.1', path: ['result'] },
        want: { type: 'null', enum: [null], description: 'Always null.' },
      },
    ],
    [
      'constant null in 3.0: nullable beside a type, the enum leaves null alone',
      {
        given: { documents: cloudflare, version: '3.0', path: ['result'] },
        want: { type: 'object', nullable: true, enum: [null], description: 'Always null.' },
      },
    ],
    [
      'constant []',
      {
        given: { documents: cloudflare, version: '3.0', path: ['messages'] },
        want: { type: 'array', enum: [[]], description: 'Always [].' },
      },
    ],
    [
      'constant false',
      {
        given: { documents: cloudflare, version: '3.1', path: ['success'] },
        want: { type: 'boolean', enum: [false], description: 'Always false.' },
      },
    ],
    [
      'constant {}',
      { given: { documents: nested, version: '3.1', path: ['meta'] }, want: { type: 'object', enum: [{}], description: 'Always {}.' } },
    ],
    [
      'a nested constant',
      {
        given: { documents: nested, version: '3.0', path: ['envelope'] },
        want: { type: 'object', enum: [{ version: [1, { beta: null }] }], description: 'Always {"version":[1,{"beta":null}]}.' },
      },
    ],
    [
      'the status echoed as an integer',
      {
        given: { documents: google, version: '3.1', path: ['error', 'code'] },
        want: { type: 'integer', minimum: 100, maximum: 599, description: 'The HTTP status.' },
      },
    ],
    [
      'the status echoed as a string',
      {
        given: { documents: statusString, version: '3.0', path: ['error', 'code'] },
        want: { type: 'string', pattern: '^[1-5][0-9]{2}$', description: 'The HTTP status.' },
      },
    ],
    [
      'an extra list of objects',
      {
        given: { documents: google, version: '3.0', path: ['error', 'details'] },
        want: { type: 'array', items: { type: 'object' }, description: 'Details of the error (google.rpc.Status details).' },
      },
    ],
    [
      'a nullable object with properties and required, in 3.1',
      {
        given: { documents: nested, version: '3.1', path: ['violation'] },
        want: {
          type: ['object', 'null'],
          required: ['field'],
          properties: {
            field: { type: 'string' },
            kind: { type: ['string', 'null'], enum: ['missing', 'invalid', null] },
            limits: { type: 'array', items: { type: ['integer', 'null'], minimum: 0 } },
          },
          description: 'The request field at fault.',
        },
      },
    ],
    [
      'the same in 3.0, nullable at every level',
      {
        given: { documents: nested, version: '3.0', path: ['violation'] },
        want: {
          type: 'object',
          nullable: true,
          required: ['field'],
          properties: {
            field: { type: 'string' },
            kind: { type: 'string', nullable: true, enum: ['missing', 'invalid', null] },
            limits: { type: 'array', items: { type: 'integer', nullable: true, minimum: 0 } },
          },
          description: 'The request field at fault.',
        },
      },
    ],
    [
      'a nullable integer in 3.0: nullable',
      {
        given: { documents: nested, version: '3.0', path: ['hint'] },
        want: { type: 'integer', nullable: true, description: 'A hint: a number, or null.' },
      },
    ],
    [
      'a nullable integer in 3.1: a type list',
      {
        given: { documents: nested, version: '3.1', path: ['hint'] },
        want: { type: ['integer', 'null'], description: 'A hint: a number, or null.' },
      },
    ],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => expect(schemaAt(body(given.documents, given.version), given.path)).toEqual(want));
  }

  test('integer codes: the ErrorCode schema lists them as numbers', () => {
    for (const version of ['3.1', '3.0'] as const) {
      const errorCode = cloudflare[version].components.schemas['ErrorCode']!;
      expect(errorCode['type']).toBe('integer');
      expect(errorCode['enum']).toEqual([10000, 7003]);
      expect(errorCode['pattern']).toBeUndefined();
    }
  });

  test('absent parts: no message or request id member, required only what the body carries', () => {
    const slackBody = body(slack, '3.1');
    expect(Object.keys(slackBody['properties'] as object)).toEqual(['error', 'ok']);
    expect(slackBody['required']).toEqual(['ok']);
    const cloudflareBody = body(cloudflare, '3.1');
    expect(Object.keys(cloudflareBody['properties'] as object)).toEqual(['errors', 'success', 'messages', 'result']);
    expect(cloudflareBody['required']).toEqual(['errors', 'success', 'messages', 'result']);
  });

  test('the status echoed is required', () => {
    expect(schemaAt(body(google, '3.1'), ['error'])).toMatchObject({ required: ['message', 'code'] });
  });

  test('errors on 200: the response documents the error body, its codes and the constants that tell it from success', () => {
    const ok = slack['3.1'].components.responses['Ok']!;
    expect(ok.content?.['application/json']).toEqual({
      schema: { $ref: '#/components/schemas/OkErrorBody' },
      examples: {
        invalid_auth: { $ref: '#/components/examples/invalid_auth' },
        not_authed: { $ref: '#/components/examples/not_authed' },
      },
    });
    expect(ok.description).toBe(
      "The method ran; the body's ok member says whether it succeeded.\n\n" +
        'Errors are answered with this status too, in the OkErrorBody schema: a body is an error when `/ok` is `false`.',
    );
  });
});

describe('examples', () => {
  const examples = (name: string): Record<string, { readonly value: unknown }> =>
    documentsOf(bodyCase(name).model)['3.1'].components.examples;
  const tests: TestCase<{ readonly model: string; readonly example: string }, unknown>[] = [
    [
      'the error at index 0 of its list, its code a number',
      {
        given: { model: 'Cloudflare', example: '7003' },
        want: { errors: [{ code: 7003, message: 'No route for the URI' }], success: false, messages: [], result: null },
      },
    ],
    ['no message member', { given: { model: 'Slack', example: 'invalid_auth' }, want: { error: 'invalid_auth', ok: false } }],
    [
      'the status echoed as a number',
      {
        given: { model: 'Google', example: 'RESOURCE_EXHAUSTED' },
        want: { error: { status: 'RESOURCE_EXHAUSTED', message: 'Quota exceeded.', code: 429 } },
      },
    ],
    [
      'the status echoed as a string',
      {
        given: { model: 'the status echoed as a string', example: 'NOT_FOUND' },
        want: { error: { status: 'NOT_FOUND', message: 'Not found.', code: '404' } },
      },
    ],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => expect(examples(given.model)[given.example]?.value).toStrictEqual(want));
  }
});
