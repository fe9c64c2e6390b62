/** generator/merge/merge.ts: mergeSpec, text in and text out, in process. */
import { load } from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { CatalogError } from '../../generator/util/diagnostics.js';
import { parseCatalog } from '../../generator/index.js';
import { mergeSpec, type MergeOptions } from '../../generator/merge/merge.js';
import { buildModel } from '../../generator/model/model.js';
import type { TestCase } from '../harness/cases.js';

type Tree = Record<string, unknown>;

const MODEL = buildModel(
  parseCatalog(
    `service: Shop
errorBody: {}
statuses:
  - status: 404
    name: NotFound
    message: Not Found
    description: Nothing.
  - status: 500
    name: InternalServerError
    message: Internal Server Error
    description: Broken.
errors:
  - code: SHOP.1
    status: 404
    message: No order
`,
    'mini.yaml',
  ),
);

const YAML_31 = `openapi: 3.1.0
info:
  title: t
  version: "1"
paths:
  /a:
    get:
      responses:
        "200":
          description: ok
`;

/** The diagnostics of the CatalogError `run` throws, as `line:column path: message`. */
function diagnosticsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    return error.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.path}: ${d.message}`);
  }
  throw new Error('no CatalogError');
}

describe('mergeSpec: refused input', () => {
  const tests: TestCase<{ text: string; options?: MergeOptions; file?: string }, RegExp>[] = [
    [
      'a prefix that is not a component name',
      {
        given: { text: YAML_31, options: { prefix: 'My Shop' } },
        want: /^s\.yaml:0:0 \(options\): --prefix "My Shop": component names allow/,
      },
    ],
    [
      'a status the catalog does not have',
      {
        given: { text: YAML_31, options: { attach: [418] } },
        want: /^s\.yaml:0:0 \(options\): --attach 418: the catalog has no status 418$/,
      },
    ],
    [
      'a document that is not a mapping',
      { given: { text: '- a\n- b\n' }, want: /^s\.yaml:1:1 \(spec\): an OpenAPI document is a mapping$/ },
    ],
    ['a document that is a scalar', { given: { text: 'openapi\n' }, want: /^s\.yaml:1:1 \(spec\): an OpenAPI document is a mapping$/ }],
    ['an empty text', { given: { text: '' }, want: /^s\.yaml:\d+:\d+ \(spec\): expected a document, but the input is empty$/ }],
    ['a syntax error, at its line and column', { given: { text: 'openapi: 3.1.0\npaths: {a: 1\n' }, want: /^s\.yaml:3:1 \(spec\): / }],
    ['duplicate keys', { given: { text: 'openapi: 3.1.0\nopenapi: 3.0.0\n' }, want: /^s\.yaml:2:\d+ \(spec\): duplicated mapping key/ }],
    [
      'no openapi field: at the top',
      {
        given: { text: 'swagger: "2.0"\n' },
        want: /^s\.yaml:1:1 openapi: unsupported version "": merge takes OpenAPI 3\.0\.x and 3\.1\.x$/,
      },
    ],
    [
      'an unsupported version: at its value',
      { given: { text: 'info: {}\nopenapi: 3.2.0\n' }, want: /^s\.yaml:2:10 openapi: unsupported version "3\.2\.0"/ },
    ],
    ['a version that is not a string', { given: { text: 'openapi: 3.1\n' }, want: /^s\.yaml:1:10 openapi: unsupported version ""/ }],
    [
      'more aliases than the limit',
      {
        given: { text: `openapi: 3.1.0\na: &x 1\nb: [${Array.from({ length: 101 }, () => '*x').join(', ')}]\n` },
        want: /\(spec\): more than 100 aliases \(limit: 100 aliases\)$/,
      },
    ],
    [
      'aliases that expand past the limit, at the alias that goes past it',
      {
        given: {
          text: `openapi: 3.1.0\nx-k0: &k0 ["x","x"]\n${Array.from({ length: 45 }, (_, i) => `x-k${i + 1}: &k${i + 1} [*k${i},*k${i}]\n`).join('')}paths: {}\n`,
        },
        want: /^s\.yaml:19:14 \(spec\): aliases expand to more than 1000000 nodes and characters \(limit: 1000000\)$/,
      },
    ],
    [
      'an alias inside the node it names',
      { given: { text: 'openapi: 3.1.0\nx: &x {y: [*x]}\n' }, want: /^s\.yaml:2:12 \(spec\): alias \*x is inside the node it names/ },
    ],
    [
      'a key on the way whose text is another value (1.0 is the key "1")',
      {
        given: { text: 'openapi: 3.1.0\npaths:\n  1.0:\n    get:\n      responses: {}\n', options: { attach: [404] } },
        want: /^s\.yaml:3:3 \(spec\): the key "1" here is written as another value \(such as 1\.0 for "1"\); quote it$/,
      },
    ],
    [
      'more than one document',
      {
        given: { text: 'openapi: 3.1.0\n---\nopenapi: 3.1.0\n' },
        want: /^s\.yaml:1:1 \(spec\): expected a single document in the stream, but found more$/,
      },
    ],
    [
      'a .json spec with a trailing comma, at the comma',
      {
        given: { text: '{\n  "openapi": "3.1.0",\n  "paths": {},\n}\n', file: 's.json' },
        want: /^s\.json:4:1 \(spec\): not valid JSON: property name expected$/,
      },
    ],
    [
      'a .json spec with a comment',
      {
        given: { text: '{\n  // the API\n  "openapi": "3.1.0"\n}\n', file: 's.JSON' },
        want: /^s\.JSON:2:3 \(spec\): not valid JSON: invalid comment token$/,
      },
    ],
    [
      'YAML saved as .json',
      { given: { text: 'openapi: 3.1.0\npaths: {}\n', file: 's.json' }, want: /^s\.json:1:1 \(spec\): not valid JSON: invalid symbol$/ },
    ],
    [
      'collections nested past the limit',
      {
        given: { text: `openapi: 3.1.0\na: ${'['.repeat(101)}${']'.repeat(101)}\n` },
        want: /\(spec\): collections nest deeper than 100 levels \(limit: 100\)$/,
      },
    ],
    [
      'a component of the same name that differs, at the spec’s own component',
      {
        given: { text: `${YAML_31}components:\n  schemas:\n    ErrorBody:\n      type: string\n` },
        want: /^s\.yaml:14:7 #\/components\/schemas\/ErrorBody: the spec has a different schema of this name; --prefix namespaces/,
      },
    ],
    [
      'responses that are not a map',
      {
        given: { text: 'openapi: 3.1.0\npaths:\n  /a:\n    get:\n      responses: none\n', options: { attach: [404] } },
        want: /^s\.yaml:5:18 \(spec\): expected a mapping here/,
      },
    ],
    [
      'a problem inside an alias is reported where the alias is',
      {
        given: { text: 'openapi: 3.1.0\nx: &c\n  schemas:\n    ErrorBody: {type: string}\ncomponents: *c\n' },
        want: /^s\.yaml:5:13 #\/components\/schemas\/ErrorBody: the spec has a different schema/,
      },
    ],
    [
      'entries that would go through an alias',
      {
        given: {
          text: 'openapi: 3.1.0\nx: &r\n  "200": {description: ok}\npaths:\n  /a:\n    get:\n      responses: *r\n',
          options: { attach: [404] },
        },
        want: /^s\.yaml:7:18 \(spec\): merge does not add entries through an alias; write the mapping out here$/,
      },
    ],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      const diagnostics = diagnosticsOf(() => mergeSpec(given.text, given.file ?? 's.yaml', MODEL, given.options));
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toMatch(want);
    });
  }

  test('a text past the size limit is refused before it is parsed', () => {
    const text = `openapi: 3.1.0\n#${'x'.repeat(64 * 1024 * 1024)}\n`;
    expect(diagnosticsOf(() => mergeSpec(text, 's.yaml', MODEL))).toEqual([
      `s.yaml:0:0 (spec): text is ${text.length} characters; specs are limited to ${64 * 1024 * 1024}`,
    ]);
  });

  test('the limit is the input’s: a spec just under it is merged, though the merged text is past it', () => {
    const text = `openapi: 3.1.0\n#${'x'.repeat(64 * 1024 * 1024 - 100)}\n`;
    const result = mergeSpec(text, 's.yaml', MODEL);
    expect(result.changed).toBe(true);
    expect(result.text.length).toBeGreaterThan(64 * 1024 * 1024);
  });

  test('every problem is reported, not just the first', () => {
    const text = `${YAML_31}components:\n  schemas:\n    ErrorBody: {type: string}\n  responses:\n    NotFound: {description: mine}\n`;
    expect(diagnosticsOf(() => mergeSpec(text, 's.yaml', MODEL)).map((d) => d.split(': ')[0])).toEqual([
      's.yaml:13:16 #/components/schemas/ErrorBody',
      's.yaml:15:15 #/components/responses/NotFound',
    ]);
  });
});

describe('mergeSpec: merged', () => {
  test('YAML: components added after the spec, every line of it kept, the result reported', () => {
    const result = mergeSpec(YAML_31, 's.yaml', MODEL, { attach: [404] });
    expect(result.changed).toBe(true);
    expect(result.version).toBe('3.1');
    expect(result.attached).toBe(1);
    expect(result.skipped).toEqual([]);
    expect(result.added).toEqual([
      '#/components/schemas/ErrorBody',
      '#/components/schemas/NotFoundErrorBody',
      '#/components/schemas/ErrorCode',
      '#/components/responses/NotFound',
      '#/components/responses/InternalServerError',
      '#/components/responses/DefaultError',
      '#/components/examples/NotFound',
      '#/components/examples/InternalServerError',
      '#/components/examples/SHOP.1',
    ]);
    expect(result.text.startsWith(`${YAML_31.replace('          description: ok\n', '          description: ok\n        "404":\n')}`)).toBe(
      true,
    );
    const tree = load(result.text) as { paths: Tree; components: { responses: Tree } };
    expect(tree.paths).toEqual({
      '/a': { get: { responses: { '200': { description: 'ok' }, '404': { $ref: '#/components/responses/NotFound' } } } },
    });
    expect(Object.keys(tree.components.responses)).toEqual(['NotFound', 'InternalServerError', 'DefaultError']);
  });

  test('merging the merged text again changes nothing, byte for byte', () => {
    const once = mergeSpec(YAML_31, 's.yaml', MODEL, { attach: [404, 500], attachDefault: true });
    const twice = mergeSpec(once.text, 's.yaml', MODEL, { attach: [404, 500], attachDefault: true });
    expect(twice).toEqual({ text: once.text, changed: false, added: [], attached: 0, skipped: [], version: '3.1' });
  });

  test('attach: each status once, in code order, default last', () => {
    const result = mergeSpec(YAML_31, 's.yaml', MODEL, { attach: [500, 404, 500], attachDefault: true });
    const tree = load(result.text) as { paths: { '/a': { get: { responses: Tree } } } };
    expect(tree.paths['/a'].get.responses).toEqual({
      '200': { description: 'ok' },
      '404': { $ref: '#/components/responses/NotFound' },
      '500': { $ref: '#/components/responses/InternalServerError' },
      default: { $ref: '#/components/responses/DefaultError' },
    });
    expect(result.attached).toBe(3);
  });

  test('prefix: on every name added and every $ref to one', () => {
    const result = mergeSpec(YAML_31, 's.yaml', MODEL, { attach: [404], prefix: 'Shop.' });
    expect(result.added).toContain('#/components/responses/Shop.NotFound');
    expect(result.added.every((pointer) => /^#\/components\/\w+\/Shop\./.test(pointer))).toBe(true);
    const tree = load(result.text) as { paths: { '/a': { get: { responses: Tree } } }; components: { responses: Record<string, Tree> } };
    expect(tree.paths['/a'].get.responses['404']).toEqual({ $ref: '#/components/responses/Shop.NotFound' });
    expect(JSON.stringify(tree.components)).not.toMatch(/"#\/components\/\w+\/(?!Shop\.)/);
  });

  test('onlyUsed: only what the attached responses reference', () => {
    const result = mergeSpec(YAML_31, 's.yaml', MODEL, { attach: [500], onlyUsed: true });
    expect(result.added).toEqual([
      '#/components/schemas/ErrorBody',
      '#/components/responses/InternalServerError',
      '#/components/examples/InternalServerError',
    ]);
  });

  test('webhooks only on request', () => {
    const text = 'openapi: 3.1.0\nwebhooks:\n  hook:\n    post:\n      responses:\n        "200": {description: ok}\n';
    expect(mergeSpec(text, 's.yaml', MODEL, { attach: [404] }).attached).toBe(0);
    expect(mergeSpec(text, 's.yaml', MODEL, { attach: [404], attachWebhooks: true }).attached).toBe(1);
  });

  test('operations given by $ref are skipped and listed', () => {
    const text = 'openapi: 3.0.3\npaths:\n  /a:\n    $ref: other.yaml#/a\n';
    const result = mergeSpec(text, 's.yaml', MODEL, { attach: [404] });
    expect(result.skipped).toEqual([{ pointer: '#/paths/~1a', ref: 'other.yaml#/a' }]);
    expect(result.version).toBe('3.0');
  });

  test('a byte order mark is kept in front', () => {
    const result = mergeSpec(`\uFEFF${YAML_31}`, 's.yaml', MODEL);
    expect(result.text.startsWith(`\uFEFF${YAML_31}`)).toBe(true);
    expect(result.text.indexOf('\uFEFF', 1)).toBe(-1);
  });

  test('CRLF: every line of the result ends in CRLF', () => {
    const result = mergeSpec(YAML_31.replace(/\n/g, '\r\n'), 's.yaml', MODEL);
    expect(result.text.endsWith('\r\n')).toBe(true);
    expect(result.text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  const json = '{\n  "openapi": "3.1.0",\n  "paths": {}\n}\n';
  const tests: TestCase<{ text: string; file: string }, RegExp>[] = [
    [
      'JSON by the file name',
      {
        given: { text: json, file: 's.json' },
        want: /^\{\n {2}"openapi": "3\.1\.0",\n {2}"paths": \{\},\n {2}"components": \{\n {4}"schemas": \{/,
      },
    ],
    [
      'JSON by the text, whatever the name',
      { given: { text: json, file: 'spec.yml' }, want: /^\{\n {2}"openapi": "3\.1\.0",\n {2}"paths": \{\},\n {2}"components": \{/ },
    ],
    [
      'YAML otherwise',
      {
        given: { text: 'openapi: 3.1.0\npaths: {}\n', file: 's.yaml' },
        want: /^openapi: 3\.1\.0\npaths: \{\}\ncomponents:\n {2}schemas:\n/,
      },
    ],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      const result = mergeSpec(given.text, given.file, MODEL);
      expect(result.text).toMatch(want);
      expect((load(result.text) as { components: Tree }).components).toHaveProperty('schemas.ErrorBody');
    });
  }

  // `components:` with nothing after it (a null) is filled in block style.
  test('an alias as a key stands for the key it names: entries go into its value', () => {
    const text = 'openapi: 3.1.0\nx-name: &name components\n*name :\n  schemas:\n    Mine: {type: string}\n';
    const result = mergeSpec(text, 's.yaml', MODEL);
    const merged = load(result.text) as { components: { schemas: Tree } };
    expect(Object.keys(merged.components.schemas)[0]).toBe('Mine');
    expect(merged.components.schemas).toHaveProperty('ErrorBody');
    expect(result.text.startsWith(text.slice(0, text.indexOf('    Mine')))).toBe(true);
  });

  test('aliases within bounds are merged as usual, the anchored node left as written', () => {
    const text = `openapi: 3.1.0\nx-ok: &ok {description: ok}\npaths:\n  /a:\n    get:\n      responses:\n        "200": *ok\n  /b:\n    get:\n      responses:\n        "200": *ok\n`;
    const result = mergeSpec(text, 's.yaml', MODEL, { attach: [404] });
    expect(result.attached).toBe(2);
    expect(result.text.startsWith('openapi: 3.1.0\nx-ok: &ok {description: ok}\n')).toBe(true);
    expect((load(result.text) as { paths: Record<string, { get: { responses: Tree } }> }).paths['/b']!.get.responses).toEqual({
      '200': { description: 'ok' },
      '404': { $ref: '#/components/responses/NotFound' },
    });
  });

  test('an empty components value becomes the components', () => {
    expect(mergeSpec('openapi: 3.1.0\ncomponents:\n', 's.yaml', MODEL).changed).toBe(true);
  });

  // Bug (see splice-json.test.ts): a minified JSON spec cannot be merged into when maps on its
  // one line nest and both receive entries (attach 404 and add the components).
  test('a minified JSON spec with an operation', () => {
    expect(mergeSpec('{"openapi":"3.1.0","paths":{"/a":{"get":{"responses":{}}}}}', 's.json', MODEL, { attach: [404] }).changed).toBe(true);
  });
});
