/**
 * The body schema of each error status (`NotFoundErrorBody`): for every body preset and layout
 * (flat, nested, problem, a list of errors at index 0 and 1, integer codes, errors on 200), in
 * OAS 3.1 and 3.0, closed and open (openapi.errorCodes). Its code member lists the status's
 * codes and default code wherever the body carries the code; a status without codes keeps the
 * shared ErrorBody; bodies the runtime writes (runtime/error-body.ts, through wireBody) for each
 * code are valid under their status's schema, a code of another status or an unknown one is not
 * (closed) or is (open). Every document stays valid and Redocly-clean.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import MarkdownIt from 'markdown-it';
import { afterAll, describe, expect, test } from 'vitest';
import type { BodyMember } from '../../../generator/body/descriptor.js';
import { loadCatalog, parseCatalog } from '../../../generator/index.js';
import { buildModel, type CatalogModel, type StatusModel } from '../../../generator/model/model.js';
import { buildOpenApiDocuments, emitOpenApi, wireBody } from '../../../generator/targets/openapi/openapi.js';
import { problemsOf } from '../../harness/helpers.js';
import { FRAGMENT_WARNING, lintFragment, validateSpec } from '../../harness/openapi-check.js';
import { BODY_CASES } from './body-models.js';

type Version = '3.1' | '3.0';
type Schema = Record<string, unknown>;
interface Document {
  readonly components: {
    readonly schemas: Record<string, Schema>;
    readonly responses: Record<string, { readonly content?: Record<string, { readonly schema: { readonly $ref: string } }> }>;
    readonly examples: Record<string, unknown>;
  };
}

const STATUSES = `statuses:
  - { status: 200, name: OK, message: OK, description: Success. }
  - { status: 400, name: BadRequest, message: Bad Request, description: Not valid. }
  - { status: 404, name: NotFound, message: Not Found, description: Not there. }
  - { status: 409, name: Conflict, message: Conflict, description: In the way. }
  - { status: 500, name: InternalServerError, message: Internal Server Error, description: Broken. }`;
const ERRORS = `errors:
  - { code: T1.0001, status: 400, message: Invalid parameter. }
  - { code: T1.0002, status: 400, message: Missing parameter. }
  - { code: T1.0404, status: 404, message: No such widget. }
  - { code: T1.0409, status: 409, message: Widget locked. }`;

/** A catalog of the presets and layouts on its own body, as the CLI reads it. */
function catalog(name: string, errorBody: string, statuses = STATUSES): { readonly name: string; readonly model: CatalogModel } {
  return { name, model: buildModel(parseCatalog(`service: T1\nerrorBody:\n${errorBody}\n${statuses}\n${ERRORS}\n`, 'cat.yaml')) };
}

const DEFAULT_CODE = `  codePattern: '^T1\\.[0-9]{4}$'\n  defaultCode: T1.0000`;
const CATALOGS: readonly { readonly name: string; readonly model: CatalogModel }[] = [
  catalog('flat', DEFAULT_CODE),
  // 409 answers with a default code of its own, which its schema lists in the body's stead.
  catalog(
    'nested, a status with its own default code',
    `  shape: nested\n${DEFAULT_CODE}`,
    STATUSES.replace('description: In the way. }', 'description: In the way., defaultCode: T1.0400 }'),
  ),
  catalog('problem', `  shape: problem\n  problemTypeBase: https://errors.example.com/\n${DEFAULT_CODE}`),
  catalog('no default code: the code may be missing', `  codePattern: '^T1\\.[0-9]{4}$'`),
  catalog(
    'a list of errors, the error in item 1',
    `  fields: { code: /errors/1/code, message: /errors/1/message, requestId: null }\n  constants: { /ok: false }\n${DEFAULT_CODE}`,
  ),
  ...BODY_CASES.map(({ name, model }) => ({ name, model })),
];

/** Each catalog closed (the default) and open. */
const VARIANTS = CATALOGS.flatMap(({ name, model }) => [
  { name: `${name}, closed`, model, open: false },
  { name: `${name}, open`, model: { ...model, openApiErrorCodes: 'open' as const }, open: true },
]);

function hasErrorBody(status: StatusModel): boolean {
  return status.bodyAllowed && (status.isError || status.errorOnSuccess);
}

function codeMember(model: CatalogModel): BodyMember {
  return model.errorBody.members.find((member) => member.kind === 'part' && member.part === 'code')!;
}

/** The schema at a member's path: properties by name, a list's item by index (3.1: prefixItems; 3.0 has only items). */
function schemaAt(schema: Schema, path: readonly (string | number)[]): Schema {
  return path.reduce<Schema>((node, token) => {
    if (typeof token === 'string') return (node['properties'] as Record<string, Schema>)[token]!;
    return ((node['prefixItems'] as Schema[] | undefined)?.[token] ?? node['items']) as Schema;
  }, schema);
}

const asWire = (model: CatalogModel, code: string): string | number => (model.errorBody.codeType === 'integer' ? Number(code) : code);

/** A code the catalog does not know, of its codes' type and pattern: what a newer server might send. */
function unknownCode(model: CatalogModel): string {
  const code = model.errorBody.codeType === 'integer' ? '424242' : 'T1.9999';
  if (model.schemaCodePattern !== undefined) expect(code).toMatch(new RegExp(model.schemaCodePattern, 'u'));
  return code;
}

/** The body the runtime writes for an error of `status` with `code`. */
function bodyOf(model: CatalogModel, status: StatusModel, code: string): unknown {
  return wireBody(model, { status: status.status, statusMessage: status.message, code, codeMessage: undefined, message: 'Message.' });
}

/**
 * A body listing other errors beside the error (its items before and after the error's), as
 * services send them: each another error of any code. The list is the body's top-level member
 * in these catalogs.
 */
function withOtherErrors(model: CatalogModel, body: unknown, path: readonly (string | number)[]): unknown {
  const [list, index] = path as [string, number];
  expect(typeof list === 'string' && typeof index === 'number', 'a list at the top of the body').toBe(true);
  const items = (body as Record<string, unknown[]>)[list]!;
  const other = { ...(items[index] as object), [String(path.at(-1))]: asWire(model, unknownCode(model)) };
  return { ...(body as object), [list]: [...Array<object>(index).fill(other), items[index], other] };
}

/**
 * A gap the generator could close, found here: for an error in item 1 or later of a list, the
 * runtime writes a sparse list (null before the error's item, in examples and in toJSON()),
 * which the item schema of ErrorBody refuses. Exact: each example of such a catalog has it, and
 * fixing it fails the test below until this is removed.
 */
function isKnownGap(name: string, warning: string): boolean {
  return (
    name.startsWith('a list of errors, the error in item 1') &&
    /^no-invalid-media-type-examples at #\/components\/examples\/[^/]+\/value\/errors\/0: .*must be object/.test(warning)
  );
}

const folder = mkdtempSync(join(tmpdir(), 'status-catalog-status-schemas-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// Proves the tables above reach every branch: statuses with and without codes, with the body's
// default code and their own, integer codes, lists, errors on a success status.
test('the catalogs cover every kind of status and body', () => {
  const statuses = CATALOGS.flatMap(({ model }) => model.statuses.filter(hasErrorBody).map((status) => ({ model, status })));
  expect(statuses.some(({ status }) => status.codes.length === 0)).toBe(true);
  expect(statuses.some(({ status }) => status.bodyCodes.length > status.codes.length)).toBe(true);
  expect(statuses.some(({ status }) => status.codes.length > 0 && status.bodyCodes.length === status.codes.length)).toBe(true);
  expect(statuses.some(({ status }) => status.errorOnSuccess)).toBe(true);
  expect(statuses.some(({ status }) => status.defaultCode !== undefined && status.defaultCode === 'T1.0400')).toBe(true);
  expect(CATALOGS.some(({ model }) => model.errorBody.codeType === 'integer')).toBe(true);
  expect(CATALOGS.filter(({ model }) => codeMember(model).path.some((token) => typeof token === 'number')).length).toBeGreaterThan(1);
  expect(new Set(CATALOGS.map(({ model }) => model.errorBody.preset))).toEqual(new Set(['flat', 'nested', 'problem']));
});

describe.each(VARIANTS)('$name', ({ name, model, open }) => {
  const documents = buildOpenApiDocuments(model) as unknown as Record<Version, Document>;
  const member = codeMember(model);
  const inList = member.path.some((token) => typeof token === 'number');
  const withContent = model.statuses.filter(hasErrorBody);
  const own = withContent.filter((status) => status.bodyCodes.length > 0);

  test.each(['3.1', '3.0'] as const)('%s: a schema of its own for each status with codes, ErrorBody for the others', (version) => {
    const { schemas, responses } = documents[version].components;
    const expected = ['ErrorBody', ...own.map((status) => `${status.name}ErrorBody`), ...(model.errors.length > 0 ? ['ErrorCode'] : [])];
    expect(Object.keys(schemas).sort()).toEqual(expected.sort());
    for (const status of withContent) {
      const schema = status.bodyCodes.length > 0 ? `${status.name}ErrorBody` : 'ErrorBody';
      expect(responses[status.name]?.content?.[model.errorBody.mediaType]?.schema, status.name).toEqual({
        $ref: `#/components/schemas/${schema}`,
      });
    }
    expect(responses['DefaultError']?.content?.[model.errorBody.mediaType]?.schema).toEqual({ $ref: '#/components/schemas/ErrorBody' });
  });

  test.each(['3.1', '3.0'] as const)('%s: the code member lists the status codes, wherever the body carries it', (version) => {
    const { schemas } = documents[version].components;
    const shared = schemaAt(schemas['ErrorBody']!, member.path);
    expect(shared['enum']).toBeUndefined();
    for (const status of own) {
      const schema = schemas[`${status.name}ErrorBody`]!;
      const code = schemaAt(schema, member.path);
      // 3.0 cannot tell one item of a list from the others: there the code stays the shared one.
      if (inList && version === '3.0') {
        expect(code).toEqual(shared);
        continue;
      }
      const values = status.bodyCodes.map((each) => asWire(model, each));
      const type = model.errorBody.codeType;
      if (open) expect(code).toMatchObject({ anyOf: [{ type, enum: values }, { type }] });
      else expect(code).toMatchObject({ type, enum: values });
      // Everything else is ErrorBody's: the same members, the same required ones; in a list,
      // the items are ErrorBody's and prefixItems adds the error's item (the others as items).
      const descriptions = (key: string, inner: unknown): unknown => (key === 'description' ? undefined : inner);
      const withoutCode = (value: Schema, path: readonly (string | number)[]): unknown => {
        const copy = structuredClone(value);
        delete (schemaAt(copy, path.slice(0, -1))['properties'] as Record<string, unknown>)[String(path.at(-1))];
        return JSON.parse(JSON.stringify(copy, descriptions));
      };
      if (!inList) {
        expect(withoutCode(schema, member.path)).toEqual(withoutCode(schemas['ErrorBody']!, member.path));
        continue;
      }
      const [list, index] = member.path as [string, number];
      const array = schemaAt(schema, [list]);
      const { prefixItems, ...rest } = array as { prefixItems: Schema[] };
      expect(rest).toEqual(schemaAt(schemas['ErrorBody']!, [list]));
      expect(prefixItems).toHaveLength(index + 1);
      for (const item of prefixItems.slice(0, index)) expect(item).toEqual(array['items']);
      const inItem = member.path.slice(2);
      expect(withoutCode(prefixItems[index]!, inItem)).toEqual(withoutCode(array['items'] as Schema, inItem));
    }
  });

  // JSON Schema 2020-12 is OAS 3.1's dialect. strictTuples asks prefixItems to describe every
  // item; a list of errors describes the item the error fills and leaves the others any error.
  // A problem's type is a URI reference: not what these tests are about, so any string passes.
  const ajv = new Ajv2020({
    strict: true,
    strictTuples: false,
    allErrors: true,
    allowUnionTypes: true,
    formats: { 'uri-reference': true },
  });
  const { schemas } = documents['3.1'].components;
  const shared = ajv.compile(schemas['ErrorBody']!);

  test.each(own.map((status) => [status.status, status] as const))(
    '%s: the bodies of its codes are valid; other codes as the mode says',
    (_s, status) => {
      const validate: ValidateFunction = ajv.compile(schemas[`${status.name}ErrorBody`]!);
      // A list's other items are other errors: the runtime's null before the error's item is a known gap (isKnownGap).
      const written = (code: string): unknown => {
        const body = bodyOf(model, status, code);
        return inList ? withOtherErrors(model, body, member.path) : body;
      };
      for (const code of status.bodyCodes) {
        expect(validate(written(code)), `${code}: ${JSON.stringify(validate.errors)}`).toBe(true);
        expect(shared(written(code))).toBe(true);
      }
      const others = [...new Set(model.errors.map((e) => e.code))].filter((code) => !status.bodyCodes.includes(code));
      expect(others.length, 'a code of another status').toBeGreaterThan(0);
      for (const code of [...others, unknownCode(model)]) {
        expect(validate(written(code)), `${code} on ${status.status}`).toBe(open);
        // The shared schema takes any code: it is what `default` responses carry.
        expect(shared(written(code))).toBe(true);
      }
    },
  );

  test.each(emitOpenApi(model).map((file) => file.path))(
    '%s is valid OpenAPI, with no Redocly errors or warnings of its own',
    async (path) => {
      const file = emitOpenApi(model).find((f) => f.path === path)!;
      const written = join(folder, `${name.replace(/[^a-z0-9]+/gi, '-')}-${path}`);
      writeFileSync(written, file.contents);
      const document: unknown = path.endsWith('.json') ? JSON.parse(file.contents) : documents[path.includes('oas30') ? '3.0' : '3.1'];
      const validation = await validateSpec(document as Schema);
      expect(validation.valid, JSON.stringify(validation.errors, null, 2)).toBe(true);
      // Its examples are checked against each response's schema too (no-invalid-media-type-examples).
      const lint = await lintFragment(written);
      expect(lint.errors).toEqual([]);
      const own = lint.warnings.filter((warning) => !FRAGMENT_WARNING.test(warning));
      expect(own.filter((warning) => !isKnownGap(name, warning))).toEqual([]);
      const gaps = own.filter((warning) => isKnownGap(name, warning)).length;
      expect(gaps).toBe(
        name.startsWith('a list of errors, the error in item 1') ? Object.keys(documents['3.1'].components.examples).length : 0,
      );
    },
  );
});

describe('the catalog option openapi.errorCodes', () => {
  const text = (extra: string): string => `service: T1\nerrorBody:\n${DEFAULT_CODE}\n${STATUSES}\n${ERRORS}\n${extra}`;

  test('closed by default, open when asked', () => {
    expect(buildModel(parseCatalog(text(''), 'cat.yaml')).openApiErrorCodes).toBe('closed');
    const model = buildModel(parseCatalog(text('openapi: { errorCodes: open }'), 'cat.yaml'));
    expect(model.openApiErrorCodes).toBe('open');
    const schema = buildOpenApiDocuments(model)['3.1'].components!.schemas!['NotFoundErrorBody'] as Schema;
    expect(schemaAt(schema, ['error_code'])).toMatchObject({
      anyOf: [
        { type: 'string', enum: ['T1.0404', 'T1.0000'] },
        { type: 'string', pattern: '^T1\\.[0-9]{4}$' },
      ],
    });
  });

  test('inherited through extends, and overridden', () => {
    const base = join(folder, 'base.yaml');
    writeFileSync(base, text('openapi: { errorCodes: open }'));
    const child = join(folder, 'child.yaml');
    writeFileSync(child, 'extends: base.yaml\nservice: T2\n');
    expect(buildModel(loadCatalog(child)).openApiErrorCodes).toBe('open');
    writeFileSync(child, 'extends: base.yaml\nservice: T2\nopenapi: { errorCodes: closed }\n');
    expect(buildModel(loadCatalog(child)).openApiErrorCodes).toBe('closed');
  });

  test('refuses another value, at its line', () => {
    expect(problemsOf(text('openapi: { errorCodes: loose }'))).toEqual([
      'cat.yaml:16:24: openapi.errorCodes: must be one of: closed, open',
    ]);
  });

  test('a prefix names every own schema and reference', () => {
    const model = buildModel(parseCatalog(text(''), 'cat.yaml'));
    const { components } = buildOpenApiDocuments(model, 'Cat')['3.0'];
    expect(Object.keys(components!.schemas!).sort()).toEqual(
      ['CatBadRequestErrorBody', 'CatConflictErrorBody', 'CatErrorBody', 'CatErrorCode', 'CatNotFoundErrorBody'].sort(),
    );
    expect(JSON.stringify(components!.responses!['CatNotFound'])).toContain('"#/components/schemas/CatNotFoundErrorBody"');
  });
});

describe('what a renderer shows: info.description', () => {
  const hostile = '<img src=x onerror=alert(1)> | *not emphasis* `nor code`';
  const model = buildModel(
    parseCatalog(
      `service: T1\nerrorBody:\n${DEFAULT_CODE}\n${STATUSES}\n${ERRORS.replace('Widget locked.', JSON.stringify(hostile))}\n`,
      'cat.yaml',
    ),
  );
  const description = String(buildOpenApiDocuments(model)['3.1'].info.description);
  const html = new MarkdownIt().render(description);
  const rows = [...html.matchAll(/<tr>\n?([\s\S]*?)<\/tr>/g)]
    .map((match) => [...match[1]!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((cell) => cell[1]!))
    .filter((cells) => cells.length > 0);

  test('a row per status with its body schema and number of codes, a row per code', () => {
    for (const status of model.statuses) {
      const row = rows.find((cells) => cells[0] === String(status.status) && cells[1] === `<code>${status.name}</code>`);
      const schema = hasErrorBody(status) ? `<code>${status.bodyCodes.length > 0 ? `${status.name}ErrorBody` : 'ErrorBody'}</code>` : '';
      expect(row, String(status.status)).toEqual([
        String(status.status),
        `<code>${status.name}</code>`,
        status.message,
        schema,
        status.codes.length === 0 ? '' : String(status.codes.length),
      ]);
    }
    for (const error of model.errors) {
      expect(rows.some((cells) => cells.length === 3 && cells[0] === error.code && cells[1] === String(error.status))).toBe(true);
    }
  });

  test('catalog text shows as text: no element, no emphasis, the cell intact', () => {
    const row = rows.find((cells) => cells[0] === 'T1.0409')!;
    expect(row).toHaveLength(3);
    expect(row[2]).toBe(new MarkdownIt().utils.escapeHtml(hostile));
    expect(html).not.toMatch(/<img|<em>|<code>nor/);
  });
});
