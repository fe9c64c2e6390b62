/**
 * The generated OpenAPI fragment, checked on the real files in output/openapi/ (run
 * `node dist/cli.js generate` first): schema validity, Redocly's recommended ruleset, the
 * catalog's content in every file, YAML/JSON agreement, and the examples against ErrorBody.
 * Every check that could pass vacuously has a control showing that it can fail.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint, lintFromString, type Config, type NormalizedProblem } from '@redocly/openapi-core';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv, type ValidateFunction } from 'ajv';
import MarkdownIt from 'markdown-it';
import { beforeAll, describe, expect, it } from 'vitest';
import { isAlias, isNode, parse, parseDocument, visit } from 'yaml';
import type { StatusSpec } from '../../../generator/catalog/types.js';
import { parseCatalog } from '../../../generator/index.js';
import { buildModel } from '../../../generator/model/model.js';
import { buildOpenApiDocument, toJson } from '../../../generator/targets/openapi/openapi.js';
import { OUTPUT, seedCatalog } from '../../harness/helpers.js';
import { FRAGMENT_WARNING, recommendedLintConfig } from '../../harness/openapi-check.js';

// ---------------------------------------------------------------------------------------------
// The files under test and the catalog they come from.

const OPENAPI_DIR = join(OUTPUT, 'openapi');

type Version = '3.1' | '3.0';

interface OutputFile {
  readonly file: string;
  readonly version: Version;
  readonly format: 'yaml' | 'json';
}

const FILES: readonly OutputFile[] = [
  { file: 'components.yaml', version: '3.1', format: 'yaml' },
  { file: 'components.json', version: '3.1', format: 'json' },
  { file: 'components.oas30.yaml', version: '3.0', format: 'yaml' },
  { file: 'components.oas30.json', version: '3.0', format: 'json' },
];

/** The same document per version, once as YAML and once as JSON. */
const PAIRS: readonly { readonly version: Version; readonly yaml: string; readonly json: string }[] = [
  { version: '3.1', yaml: 'components.yaml', json: 'components.json' },
  { version: '3.0', yaml: 'components.oas30.yaml', json: 'components.oas30.json' },
];

/** The parts of an OpenAPI document these tests read. Everything optional: the file is under test. */
interface SchemaObject {
  readonly type?: unknown;
  readonly required?: readonly unknown[];
  readonly pattern?: unknown;
  readonly properties?: Readonly<Record<string, SchemaObject>>;
}
interface MediaTypeObject {
  readonly schema?: unknown;
  readonly examples?: Readonly<Record<string, { readonly $ref?: unknown }>>;
}
interface ResponseObject {
  readonly description?: unknown;
  readonly 'x-status-code'?: unknown;
  readonly 'x-retry'?: unknown;
  readonly headers?: Readonly<Record<string, unknown>>;
  readonly content?: Readonly<Record<string, MediaTypeObject>>;
}
interface OpenApiDocument {
  readonly openapi?: unknown;
  readonly components?: {
    readonly schemas?: Readonly<Record<string, SchemaObject>>;
    readonly responses?: Readonly<Record<string, ResponseObject>>;
    readonly headers?: Readonly<Record<string, unknown>>;
    readonly examples?: Readonly<Record<string, { readonly value?: unknown }>>;
  };
}

function pathOf(file: string): string {
  return join(OPENAPI_DIR, file);
}

function textOf(file: string): string {
  return readFileSync(pathOf(file), 'utf8');
}

/** A file as data: JSON files with the strict JSON parser, YAML files with the yaml package. */
function load(file: string): OpenApiDocument {
  const text = textOf(file);
  return (file.endsWith('.json') ? JSON.parse(text) : parse(text)) as OpenApiDocument;
}

/** Asserts a value is there and hands it back, narrowed. */
function defined<T>(value: T | undefined, what: string): T {
  expect(value, `${what} is missing`).toBeDefined();
  return value as T;
}

const ERROR_BODY = 'ErrorBody';
const ERROR_MEDIA_TYPE = 'application/json';
const CODE_FIELD = seedCatalog.errorBody.codeField ?? 'error_code';
const MESSAGE_FIELD = seedCatalog.errorBody.messageField ?? 'error_msg';
const CODE_PATTERN = seedCatalog.errorBody.codePattern!;
/** JSON Schema `pattern` is an ECMA-262 regular expression with Unicode semantics. */
const CODE_REGEX = new RegExp(CODE_PATTERN, 'u');

const STATUSES: readonly StatusSpec[] = seedCatalog.statuses;

/** RFC 9110: 1xx, 204 and 304 responses never carry content. Stated here, not imported from the generator. */
function bodyForbidden(status: number): boolean {
  return status < 200 || status === 204 || status === 304;
}

/** 4xx/5xx statuses get the error body, unless the catalog says the status carries no body. */
function hasErrorBody(spec: StatusSpec): boolean {
  return spec.status >= 400 && spec.bodyAllowed !== false;
}

// ---------------------------------------------------------------------------------------------

describe('output/openapi', () => {
  // Proves no generated file escapes these tests: the folder holds exactly the four files listed.
  it('holds exactly the four files under test', () => {
    expect(readdirSync(OPENAPI_DIR).sort()).toEqual(FILES.map((f) => f.file).sort());
  });

  // Proves the data-driven loops below are not vacuous for the catalog they run on.
  it('the catalog exercises every branch of the per-status checks', () => {
    expect(STATUSES.some(hasErrorBody)).toBe(true);
    expect(STATUSES.some((s) => bodyForbidden(s.status))).toBe(true);
    expect(STATUSES.some((s) => (s.headers ?? []).length > 0)).toBe(true);
    // Its statuses have no codes: every error response keeps the shared ErrorBody.
    expect(seedCatalog.errors ?? []).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// 1. Each file is a valid OpenAPI document of its version, per the official OAS JSON schemas.

describe('OpenAPI schema validation (@seriousme/openapi-schema-validator)', () => {
  it.each(FILES)('$file is a valid OpenAPI $version document', async ({ file, version }) => {
    const validator = new Validator();
    const result = await validator.validate(pathOf(file));
    expect(result.valid, `${file} failed validation:\n${JSON.stringify(result.errors, null, 2)}`).toBe(true);
    // Validated against the schema of the intended version, not some other one.
    expect(validator.version).toBe(version);
  });

  // Control: the validator does reject a document of each version (a response without its
  // required description), so the passes above mean something.
  it.each(PAIRS)('control: rejects an invalid $version document', async ({ json }) => {
    const broken = structuredClone(load(json)) as { components: { responses: Record<string, Record<string, unknown>> } };
    const first = defined(Object.values(broken.components.responses)[0], 'a response');
    delete first['description'];
    const result = await new Validator().validate(broken);
    expect(result.valid).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// 2. Redocly's recommended ruleset, every rule on: no errors, and no warnings beyond the ones a
//    fragment has by design (FRAGMENT_WARNING), listed exactly.

/**
 * The warnings each file has, as `ruleId at pointer`: info-license (the catalog format has no
 * licence field), and no-unused-components for each response and header, which only operations
 * use and a fragment has none (the examples and schemas are all used by the responses). Exact:
 * a new warning, or one gone, fails the test.
 */
function expectedWarnings(file: string): string[] {
  const components = load(file).components ?? {};
  const unused = [
    ...Object.keys(components.responses ?? {}).map((name) => `#/components/responses/${name}`),
    ...Object.keys(components.headers ?? {}).map((name) => `#/components/headers/${name}`),
  ];
  return ['info-license at #/info', ...unused.map((pointer) => `no-unused-components at ${pointer}`)].sort();
}

function describeProblem(problem: NormalizedProblem): string {
  return `${problem.ruleId} at ${problem.location[0]?.pointer ?? '?'}`;
}

function describeProblemFully(problem: NormalizedProblem): string {
  return `${problem.severity} ${describeProblem(problem)}: ${problem.message}`;
}

describe('Redocly lint (@redocly/openapi-core, recommended ruleset, no rule off)', () => {
  let config: Config;
  const results = new Map<string, Promise<NormalizedProblem[]>>();
  /** Lints each real file once; the error and warning tests share the result. */
  function lintFile(file: string): Promise<NormalizedProblem[]> {
    let result = results.get(file);
    if (result === undefined) {
      result = lint({ ref: pathOf(file), config });
      results.set(file, result);
    }
    return result;
  }

  beforeAll(async () => {
    config = await recommendedLintConfig();
  });

  // Proves the rules that a fragment used to fail are on, at their recommended severity.
  it('runs the rules a fragment fails most easily: no-empty-servers (error), no-unused-components (warn)', () => {
    for (const version of ['oas3_0', 'oas3_1'] as const) {
      expect(config.rules[version]['no-empty-servers']).toBe('error');
      expect(config.rules[version]['no-unused-components']).toBe('warn');
    }
  });

  it.each(FILES)('$file has no problems of severity error', async ({ file }) => {
    const problems = await lintFile(file);
    expect(problems.filter((p) => p.severity === 'error').map(describeProblemFully)).toEqual([]);
  });

  it.each(FILES)('$file has exactly the warnings of a fragment', async ({ file }) => {
    const problems = await lintFile(file);
    const warnings = problems.filter((p) => p.severity !== 'error').map(describeProblem);
    expect(warnings.sort()).toEqual(expectedWarnings(file));
    for (const problem of problems) expect(describeProblemFully(problem).replace(/^\w+ /, '')).toMatch(FRAGMENT_WARNING);
  });

  // Control: the same config reports a structural error in a broken document of each version,
  // and no-empty-servers once the servers are gone.
  it.each(PAIRS)('control: reports an error for a broken $version document', async ({ json }) => {
    const broken = structuredClone(load(json)) as { components: { responses: Record<string, Record<string, unknown>> } };
    const first = defined(Object.values(broken.components.responses)[0], 'a response');
    delete first['description'];
    delete (broken as { servers?: unknown }).servers;
    const problems = await lintFromString({ source: JSON.stringify(broken), absoluteRef: pathOf(`broken-${json}`), config });
    expect(problems.filter((p) => p.severity === 'error').map((p) => p.ruleId)).toEqual(
      expect.arrayContaining(['struct', 'no-empty-servers']),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// 3. The catalog, status by status, in every file.

describe.each(FILES)('catalog content in $file', ({ file }) => {
  const doc = load(file);
  const components = doc.components ?? {};

  // Proves there is one response per catalog status and nothing else.
  it('has exactly one response per catalog status, and DefaultError for `default`', () => {
    expect(Object.keys(components.responses ?? {}).sort()).toEqual([...STATUSES.map((s) => s.name), 'DefaultError'].sort());
    const fallback = components.responses?.['DefaultError'];
    expect(fallback?.content?.[ERROR_MEDIA_TYPE]?.schema).toEqual({ $ref: `#/components/schemas/${ERROR_BODY}` });
    expect(fallback?.['x-status-code']).toBeUndefined();
  });

  // Replaces `no-unused-components` for what a fragment can use: every example belongs to an
  // error response and every header is the catalog's (each is then checked as referenced below).
  it('has exactly the catalog headers and one example per error response', () => {
    expect(Object.keys(components.headers ?? {}).sort()).toEqual(Object.keys(seedCatalog.headers ?? {}).sort());
    expect(Object.keys(components.examples ?? {}).sort()).toEqual(
      STATUSES.filter(hasErrorBody)
        .map((s) => s.name)
        .sort(),
    );
  });

  // ErrorBody requires both fields and carries the catalog's code pattern verbatim.
  it(`schema ${ERROR_BODY} requires both fields and carries the code pattern`, () => {
    const schema = defined(components.schemas?.[ERROR_BODY], `components.schemas.${ERROR_BODY}`);
    expect(schema.type).toBe('object');
    expect([...(schema.required ?? [])].sort()).toEqual([CODE_FIELD, MESSAGE_FIELD].sort());
    const code = defined(schema.properties?.[CODE_FIELD], `${ERROR_BODY}.properties.${CODE_FIELD}`);
    expect(code.type).toBe('string');
    expect(code.pattern).toBe(CODE_PATTERN);
    const message = defined(schema.properties?.[MESSAGE_FIELD], `${ERROR_BODY}.properties.${MESSAGE_FIELD}`);
    expect(message.type).toBe('string');
  });

  it.each(STATUSES)('$status $name', (spec) => {
    const response = defined(components.responses?.[spec.name], `components.responses.${spec.name}`);
    expect(response['x-status-code']).toBe(spec.status);
    // Verbatim: typos, line breaks and paragraph breaks of the catalog text included.
    expect(response.description).toBe(spec.description);
    expect(response['x-retry']).toBe(spec.retry);

    // Each listed header is written out as components.headers has it (a $ref'd header is
    // required to openapi-typescript, whatever it says); no other headers.
    const headers = spec.headers ?? [];
    expect(Object.keys(response.headers ?? {}).sort()).toEqual([...headers].sort());
    for (const header of headers) {
      expect(response.headers?.[header]).toStrictEqual(defined(components.headers?.[header], `components.headers.${header}`));
      expect(response.headers?.[header]).not.toHaveProperty('$ref');
    }

    if (bodyForbidden(spec.status) || spec.bodyAllowed === false) {
      expect(response.content).toBeUndefined();
    }
    if (!hasErrorBody(spec)) return;

    // 4xx/5xx: an ErrorBody in application/json (the catalog lists no code under any status, so
    // no status has a body schema of its own: status-schemas.test.ts has those), with an example
    // from components.examples whose value has the catalog message verbatim and a code the
    // catalog's pattern accepts.
    const media = defined(response.content?.[ERROR_MEDIA_TYPE], `content['${ERROR_MEDIA_TYPE}']`);
    expect(media.schema).toStrictEqual({ $ref: `#/components/schemas/${ERROR_BODY}` });
    const refs = Object.values(media.examples ?? {}).map((example) => example.$ref);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/examples\/[^/]+$/);
      const name = String(ref).slice('#/components/examples/'.length);
      const example = defined(components.examples?.[name], `components.examples.${name}`);
      expect(example.value).toStrictEqual({
        [CODE_FIELD]: expect.stringMatching(CODE_REGEX) as unknown,
        [MESSAGE_FIELD]: spec.message,
      });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// 4. YAML and JSON of one version are the same document; the YAML uses no anchors or aliases;
//    each file declares its OpenAPI version.

/** Anchors and aliases in a YAML text, found on the parsed node tree. */
function anchorsAndAliases(text: string): string[] {
  const document = parseDocument(text);
  expect(document.errors.map(String)).toEqual([]);
  const found: string[] = [];
  visit(document, (_key, node) => {
    if (isAlias(node)) found.push(`alias *${node.source}`);
    else if (isNode(node) && node.anchor !== undefined) found.push(`anchor &${node.anchor}`);
  });
  return found;
}

describe.each(PAIRS)('OpenAPI $version: YAML and JSON', ({ version, yaml, json }) => {
  it(`${yaml} and ${json} hold the same document`, () => {
    const fromYaml: unknown = parse(textOf(yaml));
    expect(parse(textOf(json))).toStrictEqual(fromYaml);
    // The JSON file is strict JSON, not just YAML-flow that the yaml parser accepts.
    expect(JSON.parse(textOf(json))).toStrictEqual(fromYaml);
  });

  // The generator writes YAML 1.1-safe text; a YAML 1.1 reader must see the same data.
  it(`${yaml} reads the same under YAML 1.1`, () => {
    expect(parse(textOf(yaml), { version: '1.1' })).toStrictEqual(JSON.parse(textOf(json)));
  });

  it(`${yaml} has no anchors or aliases`, () => {
    expect(anchorsAndAliases(textOf(yaml))).toEqual([]);
  });

  it(`both files declare openapi ${version}.x`, () => {
    const expected = new RegExp(`^${version.replace('.', '\\.')}\\.\\d+$`);
    for (const file of [yaml, json]) {
      const declared = load(file).openapi;
      expect(typeof declared, file).toBe('string');
      expect(declared, file).toMatch(expected);
    }
  });
});

// Control: the anchor/alias finder does find both in YAML that has them.
it('control: the anchor/alias finder finds them', () => {
  expect(anchorsAndAliases('a: &shared { x: 1 }\nb: *shared\n')).toEqual(['anchor &shared', 'alias *shared']);
});

// ---------------------------------------------------------------------------------------------
// 5. Every example value is valid against the file's own ErrorBody schema, pattern included.

describe.each(FILES)('examples against ErrorBody in $file (ajv)', ({ file }) => {
  const components = load(file).components ?? {};
  let validate: ValidateFunction;

  beforeAll(() => {
    const schema = defined(components.schemas?.[ERROR_BODY], `components.schemas.${ERROR_BODY}`);
    validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
  });

  const examples = Object.entries(components.examples ?? {});

  it('has examples to check', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(examples)('%s', (_name, example) => {
    const valid = validate(example.value);
    expect(valid, JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  // Control: the compiled schema enforces `pattern` (whole-string, via ^ and $) and `required`.
  it('control: rejects codes outside the pattern and bodies missing a field', () => {
    const good = defined(examples[0]?.[1].value as Record<string, unknown> | undefined, 'an example value');
    expect(validate(good)).toBe(true);
    expect(validate({ ...good, [CODE_FIELD]: 'NOT-A-CODE' })).toBe(false);
    expect(validate({ ...good, [CODE_FIELD]: `${String(good[CODE_FIELD])}0` })).toBe(false);
    expect(validate({ ...good, [CODE_FIELD]: `x${String(good[CODE_FIELD])}` })).toBe(false);
    expect(validate({ [CODE_FIELD]: good[CODE_FIELD] })).toBe(false);
    expect(validate({ [MESSAGE_FIELD]: good[MESSAGE_FIELD] })).toBe(false);
  });
});

describe('retry guidance of a code', () => {
  it("is its example's x-retry, beside its response's", () => {
    const text = [
      'service: Q',
      'errorBody: { shape: nested }',
      'statuses:',
      '  - { status: 429, name: TooManyRequests, message: Too Many Requests, description: Slow down., retry: retry-after }',
      'errors:',
      '  - { code: insufficient_quota, status: 429, message: Quota exhausted., retry: modify }',
      '  - { code: rate_limited, status: 429, message: Rate limited. }',
    ].join('\n');
    const model = buildModel(parseCatalog(text, 'q.yaml'));
    for (const version of ['3.1', '3.0'] as const) {
      // As written to the JSON file.
      const { components } = JSON.parse(toJson(buildOpenApiDocument(model, version))) as {
        components: Record<string, Record<string, Record<string, unknown>>>;
      };
      const examples = components['examples']!;
      expect(examples['insufficient_quota']!['x-retry'], version).toBe('modify');
      expect(examples['rate_limited']!, version).not.toHaveProperty('x-retry');
      expect(components['responses']!['TooManyRequests']!['x-retry'], version).toBe('retry-after');
    }
  });
});

// ---------------------------------------------------------------------------------------------
// 6. What a renderer shows of a fragment without operations (Redoc shows the components only
//    where an operation uses them): info.description in Markdown, a table row per status, and
//    a `servers` entry that is OpenAPI's own default.

describe.each(PAIRS)('OpenAPI $version: what a renderer shows', ({ json }) => {
  const document = load(json) as OpenApiDocument & { info?: { description?: string }; servers?: unknown };
  const html = new MarkdownIt().render(document.info?.description ?? '');
  const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((match) =>
    [...match[1]!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((cell) => cell[1]),
  );

  it('info.description renders to a statuses section with one table row per status', () => {
    expect(html).toContain('<h2>Statuses</h2>');
    const statusRows = rows.filter((cells) => cells.length > 0);
    expect(statusRows.map((cells) => Number(cells[0]))).toEqual(STATUSES.map((s) => s.status).sort((a, b) => a - b));
    for (const spec of STATUSES) {
      const row = statusRows.find((cells) => Number(cells[0]) === spec.status)!;
      expect(row[1]).toBe(`<code>${spec.name}</code>`);
      expect(row[3]).toBe(hasErrorBody(spec) ? `<code>${ERROR_BODY}</code>` : '');
    }
    // The seed catalog lists no codes: no codes section.
    expect(html).not.toContain('Error codes</h2>');
  });

  it("names OpenAPI's default server, so that linters find servers, and nothing more", () => {
    expect(document.servers).toEqual([{ url: '/', description: expect.any(String) as unknown }]);
  });
});
