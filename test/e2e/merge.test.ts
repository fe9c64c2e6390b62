/**
 * `status-catalog merge` on specs written in the style of the OpenAPI Initiative's petstore
 * and callback examples (3.0 and 3.1, YAML and JSON, one with its own Error schema), through
 * the merge command (in process; a real process where a pipe, a device, a bound on time or two
 * runs at once are what is tested): the result validates, keeps every byte of the input in order, loses nothing,
 * is idempotent, and openapi-typescript turns it into types that compile.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  linkSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConfig, lint } from '@redocly/openapi-core';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { parse } from 'yaml';
import { runInProcess } from '../harness/cli.js';
import { compileTypeScript, removeDir, ROOT, tempDir, writeFile } from '../harness/helpers.js';
import { validateSpec } from '../harness/openapi-check.js';

const SPECS = join(ROOT, 'test', 'fixtures', 'specs');
const FIXTURES = [
  { file: 'petstore.oas30.yaml', version: '3.0' },
  { file: 'petstore-expanded.oas30.json', version: '3.0' },
  { file: 'petstore.oas31.json', version: '3.1' },
  { file: 'callbacks.oas31.yaml', version: '3.1' },
] as const;
const ATTACH = ['--attach', '400,404,500', '--attach-default'];

type Tree = Record<string, unknown>;

/** Whether every line of `original` appears in `merged`, in order: nothing of the input was changed or dropped. */
function keepsEveryLine(original: string, merged: string): boolean {
  const want = original.split('\n');
  let next = 0;
  for (const line of merged.split('\n')) if (next < want.length && line === want[next]) next += 1;
  return next === want.length;
}

/** Pointers at which `merged` differs from `original`; asserts nothing of `original` was lost or changed. */
function additions(original: unknown, merged: unknown, pointer = '#'): string[] {
  if (original === null || typeof original !== 'object' || Array.isArray(original)) {
    expect(merged, pointer).toEqual(original);
    return [];
  }
  expect(merged, pointer).toBeTypeOf('object');
  const out: string[] = [];
  for (const key of Object.keys(merged as Tree)) {
    const path = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (key in (original as Tree)) out.push(...additions((original as Tree)[key], (merged as Tree)[key], path));
    else out.push(path);
  }
  return out;
}

let work: string;
beforeAll(() => {
  work = tempDir();
});
afterAll(() => removeDir(work));

for (const fixture of FIXTURES) {
  describe(fixture.file, () => {
    const source = join(SPECS, fixture.file);
    const original = readFileSync(source, 'utf8');
    const isJson = fixture.file.endsWith('.json');
    let mergedPath: string;
    let merged: string;

    beforeAll(async () => {
      mergedPath = join(work, `merged-${fixture.file}`);
      const result = await runInProcess(['merge', source, ...ATTACH, '--out', mergedPath]);
      expect(result.stderr).toMatch(/wrote .* \(OpenAPI 3\.\d: \d+ components added, \d+ responses attached\)/);
      expect(result.status).toBe(0);
      merged = readFileSync(mergedPath, 'utf8');
    });

    it('is valid under the official schema of its version', async () => {
      const document = parse(merged) as Tree;
      expect(String(document['openapi'])).toMatch(fixture.version === '3.0' ? /^3\.0\./ : /^3\.1\./);
      const validation = await validateSpec(document);
      expect(validation.valid, JSON.stringify(validation.errors)).toBe(true);
    });

    it('adds no Redocly errors (recommended ruleset)', async () => {
      const config = await createConfig({ extends: ['recommended'] });
      const errorsOf = async (path: string): Promise<string[]> =>
        (await lint({ ref: path, config }))
          .filter((p) => p.severity === 'error')
          .map((p) => `${p.ruleId} ${p.location[0]?.pointer ?? ''}`)
          .sort();
      const before = await errorsOf(source);
      const after = await errorsOf(mergedPath);
      expect(after.filter((error) => !before.includes(error))).toEqual([]);
    });

    it('keeps every line of the input, in order, comments and quoting included', () => {
      if (isJson) {
        // JSON: an entry followed by a new one gains its comma, and a one-line responses map
        // that gets entries is laid out over several lines; every other line stays.
        const lines = (text: string): string => text.replace(/,$/gm, '');
        const kept = original
          .split('\n')
          .filter((line) => !/"responses": \{.*\}/.test(line))
          .join('\n');
        expect(keepsEveryLine(lines(kept), lines(merged))).toBe(true);
      } else {
        expect(keepsEveryLine(original, merged)).toBe(true);
      }
      if (!isJson) for (const comment of original.match(/#\s.*$/gm) ?? []) expect(merged).toContain(comment);
    });

    it('loses nothing of the input and adds only catalog components and attached responses', () => {
      const added = additions(parse(original), parse(merged));
      const attached = added.filter((p) => p.startsWith('#/paths/') || p.startsWith('#/webhooks/'));
      for (const pointer of attached) expect(pointer).toMatch(/\/responses(\/(400|404|500|default))?$/);
      for (const pointer of added.filter((p) => !attached.includes(p))) {
        expect(pointer).toMatch(/^#\/components(\/(schemas|responses|headers|examples)(\/[^/]+)?)?$/);
      }
      expect(attached.length).toBeGreaterThan(0);
      // The operations' own answers stay theirs: nothing under an existing response changed (checked by additions()).
      const tree = parse(merged) as { paths: Record<string, Record<string, { responses: Tree }>> };
      for (const item of Object.values(tree.paths)) {
        for (const [method, operation] of Object.entries(item)) {
          if (!['get', 'put', 'post', 'delete'].includes(method)) continue;
          for (const status of ['400', '404', '500', 'default']) expect(operation.responses[status], `${method} ${status}`).toBeDefined();
        }
      }
    });

    it('is idempotent: merging again changes no byte, and --check agrees', async () => {
      const again = join(work, `again-${fixture.file}`);
      expect((await runInProcess(['merge', mergedPath, ...ATTACH, '--out', again])).status).toBe(0);
      expect(readFileSync(again, 'utf8')).toBe(merged);
      expect((await runInProcess(['merge', mergedPath, ...ATTACH, '--check'])).status).toBe(0);
    });

    it('--check on the unmerged spec exits 1 and writes nothing', async () => {
      const target = join(work, `check-${fixture.file}`);
      const result = await runInProcess(['merge', source, ...ATTACH, '--out', target, '--check']);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('merging would change');
      expect(existsSync(target)).toBe(false);
      expect(readFileSync(source, 'utf8')).toBe(original);
    });

    it('--in-place replaces the file and leaves nothing beside it', async () => {
      const dir = join(work, `in-place-${fixture.file}`);
      const copy = writeFile(join(dir, fixture.file), original);
      expect((await runInProcess(['merge', copy, ...ATTACH, '--in-place'])).status).toBe(0);
      expect(readFileSync(copy, 'utf8')).toBe(merged);
      expect(readdirSync(dir)).toEqual([fixture.file]);
    });

    it('becomes types that compile, through openapi-typescript', async () => {
      const ast = await openapiTS(pathToFileURL(mergedPath));
      const dir = join(work, `types-${fixture.file}`);
      writeFile(join(dir, 'src', 'api.ts'), astToString(ast));
      const compiled = compileTypeScript(join(dir, 'src'), join(dir, 'out'));
      expect(compiled.stdout + compiled.stderr).toBe('');
      expect(compiled.status).toBe(0);
      const types = readFileSync(join(dir, 'src', 'api.ts'), 'utf8');
      expect(types).toContain('ErrorBody');
      expect(types).toContain('NotFound');
    });
  });
}

describe('merge details', () => {
  it('keeps plain numeric response keys plain and $ref siblings as they are', async () => {
    const out = join(work, 'callbacks-keys.yaml');
    expect((await runInProcess(['merge', join(SPECS, 'callbacks.oas31.yaml'), '--attach', '404,500', '--out', out])).status).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/^ {8}500:\n {10}\$ref: '#\/components\/responses\/InternalServerError'$/m);
    expect(text).toContain(
      "        404:\n          $ref: '#/components/responses/Missing'\n          description: A $ref sibling that merge leaves as it is.",
    );
    // Webhook responses are the subscriber's answers: left alone unless asked for.
    const tree = parse(text) as { webhooks: { planChanged: { post: { responses: Tree } } } };
    expect(Object.keys(tree.webhooks.planChanged.post.responses)).toEqual(['200']);
    const opted = join(work, 'callbacks-webhooks.yaml');
    expect(
      (await runInProcess(['merge', join(SPECS, 'callbacks.oas31.yaml'), '--attach', '404,500', '--attach-webhooks', '--out', opted]))
        .status,
    ).toBe(0);
    const withWebhooks = parse(readFileSync(opted, 'utf8')) as typeof tree;
    expect(withWebhooks.webhooks.planChanged.post.responses['500']).toEqual({ $ref: '#/components/responses/InternalServerError' });
  });

  it('never replaces an operation’s own response', async () => {
    const out = join(work, 'own-404.yaml');
    expect((await runInProcess(['merge', join(SPECS, 'petstore.oas30.yaml'), '--attach', '404', '--out', out])).status).toBe(0);
    const tree = parse(readFileSync(out, 'utf8')) as {
      paths: Record<string, { get: { responses: Record<string, { description?: string }> } }>;
    };
    expect(tree.paths['/pets/{petId}']!.get.responses['404']!.description).toBe("This shop's own not-found answer, which merge must keep.");
  });

  it('sees a name a YAML merge key (<<) brings in: a clash all the same, never a silent override', async () => {
    const spec = writeFile(
      join(work, 'merge-key.yaml'),
      [
        'openapi: 3.0.3',
        'info: { title: t, version: "1" }',
        'paths: {}',
        'x-shared: &shared',
        '  NotFound: { description: Ours, through a merge key. }',
        'components:',
        '  responses:',
        '    <<: *shared',
        '',
      ].join('\n'),
    );
    const result = await runInProcess(['merge', spec, '--out', join(work, 'merge-key-out.yaml')]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/merge-key\.yaml:\d+:\d+: #\/components\/responses\/NotFound: the spec has a different response of this name/),
    ]);
    expect(existsSync(join(work, 'merge-key-out.yaml'))).toBe(false);
  });

  it('lists every clash by JSON pointer, and --prefix namespaces the catalog instead', async () => {
    const spec = writeFile(
      join(work, 'clash.yaml'),
      'openapi: 3.1.0\ninfo: { title: t, version: "1" }\npaths: {}\ncomponents:\n  schemas:\n    ErrorBody: { type: string }\n  responses:\n    NotFound: { description: Ours. }\n',
    );
    const clash = await runInProcess(['merge', spec, '--out', join(work, 'clash-out.yaml')]);
    expect(clash.status).toBe(1);
    expect(clash.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/clash\.yaml:6:16: #\/components\/schemas\/ErrorBody: the spec has a different schema of this name/),
      expect.stringMatching(/clash\.yaml:8:15: #\/components\/responses\/NotFound: the spec has a different response of this name/),
    ]);
    expect(existsSync(join(work, 'clash-out.yaml'))).toBe(false);

    const out = join(work, 'prefixed.yaml');
    expect((await runInProcess(['merge', spec, '--prefix', 'Cat', '--attach', '404', '--out', out])).status).toBe(0);
    const tree = parse(readFileSync(out, 'utf8')) as {
      components: { schemas: Tree; responses: Record<string, { content?: Record<string, { schema: { $ref: string } }> }> };
    };
    expect(tree.components.schemas['ErrorBody']).toEqual({ type: 'string' });
    expect(tree.components.schemas['CatErrorBody']).toBeDefined();
    expect(tree.components.responses['NotFound']).toEqual({ description: 'Ours.' });
    expect(tree.components.responses['CatNotFound']?.content?.['application/json']?.schema.$ref).toBe('#/components/schemas/CatErrorBody');
    const refs = readFileSync(out, 'utf8').match(/\$ref: .*/g) ?? [];
    for (const ref of refs) expect(ref).toMatch(/#\/components\/\w+\/Cat/);
  });

  it('treats a component with the same content as already there', async () => {
    const first = join(work, 'same-1.yaml');
    expect((await runInProcess(['merge', join(SPECS, 'petstore.oas30.yaml'), '--out', first])).status).toBe(0);
    const result = await runInProcess(['merge', first, '--out', join(work, 'same-2.yaml')]);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('0 components added');
  });

  const bad: [string, string, RegExp][] = [
    [
      'duplicate keys',
      'openapi: 3.1.0\ninfo: { title: t, version: "1" }\ninfo: {}\npaths: {}\n',
      /^.*bad\.yaml:3:1: \(spec\): duplicated mapping key$/,
    ],
    ['a YAML syntax error', 'openapi: 3.1.0\npaths: [\n', /^.*bad\.yaml:\d+:\d+: \(spec\): .+$/],
    [
      'Swagger 2.0',
      'swagger: "2.0"\ninfo: { title: t, version: "1" }\npaths: {}\n',
      /^.*bad\.yaml:1:1: openapi: unsupported version "": merge takes OpenAPI 3\.0\.x and 3\.1\.x$/,
    ],
    ['not a mapping', '- a\n- b\n', /^.*bad\.yaml:1:1: \(spec\): an OpenAPI document is a mapping$/],
    [
      'components that are not a mapping',
      'openapi: 3.1.0\ninfo: { title: t, version: "1" }\npaths: {}\ncomponents: 5\n',
      /^.*bad\.yaml:4:13: \(spec\): expected a mapping here; merge does not replace content of the spec$/,
    ],
  ];
  for (const [name, text, expected] of bad) {
    it(`refuses ${name} with one located line and writes nothing`, async () => {
      const spec = writeFile(join(work, 'bad', 'bad.yaml'), text);
      const result = await runInProcess(['merge', spec, '--in-place']);
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toMatch(expected);
      expect(readFileSync(spec, 'utf8')).toBe(text);
      expect(readdirSync(join(work, 'bad'))).toEqual(['bad.yaml']);
    });
  }

  it('exits 2 on usage errors', async () => {
    const spec = join(SPECS, 'petstore.oas30.yaml');
    for (const args of [
      ['merge'],
      ['merge', spec, '--attach', '418'],
      ['merge', spec, '--attach', 'x'],
      ['merge', spec, '--out', 'a', '--in-place'],
    ]) {
      const result = await runInProcess(args);
      expect(result.status, args.join(' ')).toBe(2);
    }
  });

  it('rewrites a flow-style map that receives entries alone, keeping every other line', async () => {
    const text =
      '# An API with flow maps.\nopenapi: 3.1.0\ninfo: { title: t, version: "1" }   # info\npaths:\n  /a:\n    get:\n      responses: {}\ncomponents: {}\n';
    const spec = writeFile(join(work, 'flow.yaml'), text);
    const out = join(work, 'flow-out.yaml');
    expect((await runInProcess(['merge', spec, '--attach', '404', '--out', out])).status).toBe(0);
    const merged = readFileSync(out, 'utf8');
    expect(
      merged.startsWith(
        '# An API with flow maps.\nopenapi: 3.1.0\ninfo: { title: t, version: "1" }   # info\npaths:\n  /a:\n    get:\n      responses:\n        "404":\n',
      ),
    ).toBe(true);
    expect(keepsEveryLine(text.replace(/^.*: \{\}\n/gm, ''), merged)).toBe(true);
    const tree = parse(merged) as { paths: { '/a': { get: { responses: Tree } } }; components: { responses: Tree } };
    expect(tree.paths['/a'].get.responses['404']).toEqual({ $ref: '#/components/responses/NotFound' });
    expect(tree.components.responses['NotFound']).toBeDefined();
    expect((await runInProcess(['merge', out, '--attach', '404', '--check'])).status).toBe(0);
  });

  it('writes JSON in the file’s own indentation', async () => {
    const spec = writeFile(
      join(work, 'tabs.json'),
      '{\n\t"openapi": "3.0.3",\n\t"info": {"title": "t", "version": "1"},\n\t"paths": {}\n}\n',
    );
    const out = join(work, 'tabs-out.json');
    expect((await runInProcess(['merge', spec, '--out', out])).status).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(
      text.startsWith(
        '{\n\t"openapi": "3.0.3",\n\t"info": {"title": "t", "version": "1"},\n\t"paths": {},\n\t"components": {\n\t\t"schemas": {\n',
      ),
    ).toBe(true);
    expect(JSON.parse(text)).toBeTypeOf('object');
    writeFileSync(out, text);
  });
});

describe('merge to a reader that stops early', () => {
  it('exits 0 with nothing on stderr when the pipe closes (`merge spec | head`)', async () => {
    const dir = tempDir();
    try {
      // Large enough that the output cannot leave in one write before the reader is gone.
      const paths = Array.from(
        { length: 4000 },
        (_, i) => `  /items${i}:\n    get:\n      responses:\n        "200":\n          description: Item ${i}.\n`,
      ).join('');
      const spec = writeFile(join(dir, 'big.yaml'), `openapi: 3.1.0\ninfo:\n  title: Big\n  version: "1"\npaths:\n${paths}`);
      const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'merge', spec], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(stderr).toBe('');
      expect(code).toBe(0);
    } finally {
      removeDir(dir);
    }
  });
});

/** OpenAI's spec (2.9 MB, MIT, test/fixtures/specs/openai): what a new user merges into. */
describe('merge into a large real spec', () => {
  const FLAGS = ['--attach', '400,404,500', '--attach-default', '--prefix', 'Sc'];
  let dir: string;
  let original: string;
  beforeAll(() => {
    dir = tempDir();
    original = gunzipSync(readFileSync(join(SPECS, 'openai', 'openapi.yaml.gz'))).toString('utf8');
  });
  afterAll(() => removeDir(dir));

  it('only inserts: every input line stays, byte for byte and in order, and the result reads back as the spec plus the catalog', async () => {
    const spec = writeFile(join(dir, 'openai.yaml'), original);
    const out = join(dir, 'openai-merged.yaml');
    const result = await runInProcess(['merge', spec, ...FLAGS, '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    const merged = readFileSync(out, 'utf8');
    expect(keepsEveryLine(original, merged)).toBe(true);
    const added = additions(parse(original, { maxAliasCount: -1 }), parse(merged, { maxAliasCount: -1 }));
    expect(added.filter((p) => p.startsWith('#/webhooks/'))).toEqual([]);
    for (const pointer of added)
      expect(pointer).toMatch(
        /^#\/(components\/(schemas|responses|headers|examples)(\/Sc.*)?|paths\/.+\/responses\/(400|404|500|default))$/,
      );
    expect((await runInProcess(['merge', out, ...FLAGS, '--check'])).status).toBe(0);
  });

  it('rewrites an injected flow-style map alone, in block style, and nothing else', async () => {
    const injected = '  /injected: {get: {operationId: injected, responses: {"200": {description: ok}}}}\n';
    const text = original.replace(/^paths:\n/m, (line) => line + injected);
    const spec = writeFile(join(dir, 'openai-flow.yaml'), text);
    const out = join(dir, 'openai-flow-merged.yaml');
    expect((await runInProcess(['merge', spec, ...FLAGS, '--out', out])).status).toBe(0);
    const merged = readFileSync(out, 'utf8');
    expect(keepsEveryLine(original, merged)).toBe(true);
    expect(merged).not.toContain(injected);
    // The rewritten node: the entry's key line stays, its value follows in block style.
    expect(merged).toContain('\n  /injected:\n    get:\n      operationId: injected\n      responses:\n');
    const tree = parse(merged, { maxAliasCount: -1 }) as { paths: Record<string, { get: { responses: Tree } }> };
    expect(Object.keys(tree.paths['/injected']!.get.responses)).toEqual(['200', '400', '404', '500', 'default']);
  });
});

describe('$ref operations (a split spec in DigitalOcean style)', () => {
  const SPLIT = join(SPECS, 'split', 'openapi.yaml');
  const SKIPPED = [
    '#/paths/~1v2~1droplets/get is a $ref to resources/droplets/droplets_list.yml: left as it is; attach there',
    '#/paths/~1v2~1droplets/post is a $ref to resources/droplets/droplets_create.yml: left as it is; attach there',
    '#/paths/~1v2~1droplets~1{droplet_id} is a $ref to resources/droplets/droplet_item.yml: left as it is; attach there',
  ];

  it('never gives a $ref a sibling, and names each one it skipped with the file it points to', async () => {
    const out = join(work, 'split-out.yaml');
    const result = await runInProcess(['merge', SPLIT, '--attach', '404', '--out', out]);
    expect(result.status).toBe(0);
    for (const line of SKIPPED) expect(result.stderr).toContain(line);
    const tree = parse(readFileSync(out, 'utf8')) as { paths: Record<string, Record<string, Tree>> };
    expect(tree.paths['/v2/droplets']).toEqual({
      get: { $ref: 'resources/droplets/droplets_list.yml' },
      post: { $ref: 'resources/droplets/droplets_create.yml' },
    });
    expect(tree.paths['/v2/droplets/{droplet_id}']).toEqual({ $ref: 'resources/droplets/droplet_item.yml' });
    expect(Object.keys(tree.paths['/v2/health']!['get']!['responses'] as Tree)).toEqual(['200', '404']);
  });

  it('adds no Redocly spec-ref-siblings problem, and --check lists the skipped ones too', async () => {
    const out = join(work, 'split-lint.yaml');
    expect((await runInProcess(['merge', SPLIT, '--attach', '404', '--attach-default', '--out', out])).status).toBe(0);
    // Beside the original, so that the $refs resolve.
    const beside = join(SPECS, 'split', '.merged-for-lint.yaml');
    writeFileSync(beside, readFileSync(out));
    try {
      const config = await createConfig({ extends: ['recommended'] });
      const problems = (await lint({ ref: beside, config })).filter(
        (p) => p.ruleId === 'spec-ref-siblings' || p.ruleId === 'no-ref-siblings',
      );
      expect(problems).toEqual([]);
    } finally {
      rmSync(beside, { force: true });
    }
    const check = await runInProcess(['merge', SPLIT, '--attach', '404', '--check']);
    expect(check.status).toBe(1);
    for (const line of SKIPPED) expect(check.stderr).toContain(line);
  });
});

describe('merge options and input', () => {
  it('--only-used adds only the components the responses reference, and every one it adds is used', async () => {
    const out = join(work, 'only-used.yaml');
    expect((await runInProcess(['merge', join(SPECS, 'petstore.oas30.yaml'), '--attach', '404', '--only-used', '--out', out])).status).toBe(
      0,
    );
    const text = readFileSync(out, 'utf8');
    const tree = parse(text) as { components: Record<string, Tree> };
    expect(Object.keys(tree.components['responses']!)).toEqual(expect.arrayContaining(['NotFound']));
    expect(tree.components['responses']!['InternalServerError']).toBeUndefined();
    for (const section of ['responses', 'schemas', 'headers', 'examples']) {
      const original = parse(readFileSync(join(SPECS, 'petstore.oas30.yaml'), 'utf8')) as { components?: Record<string, Tree> };
      for (const name of Object.keys(tree.components[section] ?? {})) {
        if (original.components?.[section]?.[name] !== undefined) continue;
        expect(text, `${section}/${name} is referenced`).toMatch(new RegExp(`#/components/${section}/${name}["']`));
      }
    }
  });

  it('--prefix prefixes names, $refs and the descriptions that name a component', async () => {
    const out = join(work, 'prefix-codes.yaml');
    const catalog = join(ROOT, 'test', 'fixtures', 'catalogs', 'storage.yaml');
    expect(
      (await runInProcess(['merge', join(SPECS, 'petstore.oas30.yaml'), '--catalog', catalog, '--prefix', 'Cat', '--out', out])).status,
    ).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('(see CatErrorCode)');
    expect(text).not.toMatch(/see ErrorCode/);
    for (const ref of text.match(/\$ref: .*components.*/g) ?? [])
      if (!/(Pets?|Error)["']$/.test(ref)) expect(ref).toMatch(/#\/components\/\w+\/Cat/);
  });

  it('--check prints the exact command line that brings the spec up to date, paths shell-quoted', async () => {
    const dir = join(work, "it's a dir");
    const spec = writeFile(join(dir, 'my spec.yaml'), readFileSync(join(SPECS, 'petstore.oas30.yaml'), 'utf8'));
    const result = await runInProcess([
      'merge',
      spec,
      '--attach',
      '404,500',
      '--attach-default',
      '--only-used',
      '--prefix',
      'Cat',
      '--check',
    ]);
    expect(result.status).toBe(1);
    const quoted = `'${spec.replace(/'/g, "'\\''")}'`;
    expect(result.stderr).toContain(
      `run: status-catalog merge ${quoted} --attach 404,500 --attach-default --only-used --prefix Cat --in-place`,
    );
    // Running it brings the spec up to date.
    const command = /run: status-catalog (.*)$/m.exec(result.stderr)![1]!;
    const rerun = spawnSync('sh', ['-c', `node ${JSON.stringify(join(ROOT, 'dist', 'cli.js'))} ${command}`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(
      (await runInProcess(['merge', spec, '--attach', '404,500', '--attach-default', '--only-used', '--prefix', 'Cat', '--check'])).status,
    ).toBe(0);
  });

  it('keeps a BOM and CRLF line ends, and writes new lines with CRLF', async () => {
    const text =
      '\uFEFFopenapi: 3.1.0\r\ninfo:\r\n  title: t\r\n  version: "1"\r\npaths:\r\n  /a:\r\n    get:\r\n      responses:\r\n        "200":\r\n          description: ok\r\n';
    const spec = writeFile(join(work, 'crlf.yaml'), text);
    const out = join(work, 'crlf-out.yaml');
    expect((await runInProcess(['merge', spec, '--attach', '404', '--out', out])).status).toBe(0);
    const merged = readFileSync(out, 'utf8');
    expect(merged.startsWith('\uFEFFopenapi: 3.1.0\r\n')).toBe(true);
    expect(merged.replace(/\r\n/g, '')).not.toContain('\n');
    expect(keepsEveryLine(text.slice(1).replace(/\r\n/g, '\n'), merged.slice(1).replace(/\r\n/g, '\n'))).toBe(true);
    expect((parse(merged.slice(1)) as { paths: { '/a': { get: { responses: Tree } } } }).paths['/a'].get.responses['404']).toBeDefined();
  });

  it('quotes what a YAML 1.1 reader would take for another type', async () => {
    const catalog = writeFile(
      join(work, 'yes-catalog.yaml'),
      // A header description (it goes into components/headers) that YAML 1.1 reads as true.
      readFileSync(join(ROOT, 'data', 'status-codes.yaml'), 'utf8').replace(/^( {4}description: )The methods the target .*$/m, '$1"yes"'),
    );
    const spec = writeFile(join(work, 'yes.yaml'), 'openapi: 3.1.0\ninfo:\n  title: t\n  version: "1"\npaths: {}\n');
    const out = join(work, 'yes-out.yaml');
    const result = await runInProcess(['merge', spec, '--catalog', catalog, '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    const merged = readFileSync(out, 'utf8');
    expect(merged).toMatch(/description: "yes"$/m);
    expect(merged).not.toMatch(/: (yes|no|on|off|y|n)$/im);
  });

  const refused: [string, string | Buffer, RegExp][] = [
    [
      'invalid UTF-8, located',
      Buffer.concat([Buffer.from('openapi: 3.1.0\ninfo:\n  title: '), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]),
      /bad-input\.yaml:3:10: \(spec\): invalid UTF-8: a spec is UTF-8 text$/,
    ],
    [
      'an alias bomb, naming the limit',
      `openapi: 3.1.0\na: &a [x]\nb: [${Array.from({ length: 101 }, () => '*a').join(', ')}]\n`,
      /bad-input\.yaml:\d+:\d+: \(spec\): more than 100 aliases \(limit: 100 aliases\)$/,
    ],
    [
      'deep nesting, naming the limit',
      `openapi: 3.1.0\na: ${'['.repeat(150)}${']'.repeat(150)}\n`,
      /bad-input\.yaml:2:\d+: \(spec\): collections nest deeper than 100 levels \(limit: 100\)$/,
    ],
  ];
  for (const [name, contents, expected] of refused) {
    it(`refuses ${name}`, async () => {
      const spec = join(work, 'bad-input', 'bad-input.yaml');
      writeFile(spec, '');
      writeFileSync(spec, contents);
      const result = await runInProcess(['merge', spec, '--in-place']);
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toMatch(expected);
    });
  }
});

/** A spec of `levels` anchors, each a list of two aliases of the one before: small text, exponential data. */
function aliasBomb(levels: number, head = 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\n'): string {
  const lines = [`${head}x-k0: &k0 ["x","x"]`];
  for (let level = 1; level <= levels; level += 1) lines.push(`x-k${level}: &k${level} [*k${level - 1},*k${level - 1}]`);
  return `${lines.join('\n')}\npaths: {}\n`;
}

describe('merge and YAML aliases', () => {
  /** The CLI, bounded: what used to run for hours must end within the timeout. */
  const merge = (args: readonly string[]): { status: number | null; stdout: string; stderr: string; signal: string | null } => {
    const result = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'merge', ...args], { encoding: 'utf8', timeout: 20_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, signal: result.signal };
  };

  it('refuses a 1 KB alias bomb at the alias that takes it past the limit, at once', () => {
    const text = aliasBomb(45);
    expect(Buffer.byteLength(text)).toBeLessThan(1200);
    const spec = writeFile(join(work, 'bomb', 'bomb.yaml'), text);
    for (const args of [[spec], [spec, '--in-place', '--attach', '404'], [spec, '--check']]) {
      const result = merge(args);
      expect(result.signal, args.join(' ')).toBeNull();
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`${spec}:20:14: (spec): aliases expand to more than 1000000 nodes and characters (limit: 1000000)\n`);
    }
    expect(readFileSync(spec, 'utf8')).toBe(text);
    expect(readdirSync(join(work, 'bomb'))).toEqual(['bomb.yaml']);
  });

  it('refuses an alias inside the node it names (data that never ends), located', () => {
    const text = 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\nx-loop: &loop\n  next: *loop\npaths: {}\n';
    const spec = writeFile(join(work, 'loop', 'loop.yaml'), text);
    const result = merge([spec, '--only-used', '--attach', '404']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`${spec}:4:9: (spec): alias *loop is inside the node it names: its data would never end\n`);
  });

  it('takes an alias as a mapping key for the key it names', () => {
    const text =
      'openapi: 3.1.0\ninfo: {title: t, version: "1"}\nx-name: &name components\npaths: {}\n*name :\n  schemas:\n    Mine: {type: string}\n';
    const spec = writeFile(join(work, 'alias-key', 'spec.yaml'), text);
    const result = merge([spec]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(keepsEveryLine(text, result.stdout)).toBe(true);
    const merged = parse(result.stdout) as { components: { schemas: Record<string, unknown> } };
    expect(Object.keys(merged.components.schemas)).toEqual(expect.arrayContaining(['Mine', 'ErrorBody']));
  });
});

describe('merge --attach on a spec of many operations', () => {
  // Attaching used to search each map's entries for every insertion: 32,000 paths took 30 to 80 s
  // here, now 3 to 7; the timeout lies between.
  const paths = 32_000;
  const yaml = `openapi: 3.0.3\ninfo:\n  title: Many\n  version: "1"\npaths:\n${Array.from(
    { length: paths },
    (_, i) => `  /items/${i}:\n    get:\n      responses:\n        "200":\n          description: OK.\n`,
  ).join('')}`;
  // js-yaml: the yaml library takes seconds over this many nodes.
  const data = load(yaml) as Tree;
  const cases = [
    ['YAML', 'many.yaml', yaml],
    ['minified JSON', 'many.json', JSON.stringify(data)],
  ] as const;
  for (const [name, file, text] of cases) {
    it(`${name}: ${paths.toLocaleString('en')} paths get their responses, well within the timeout`, () => {
      const spec = writeFile(join(work, 'many', file), text);
      const out = join(work, 'many', `out-${file}`);
      const result = spawnSync(
        process.execPath,
        [join(ROOT, 'dist', 'cli.js'), 'merge', spec, '--attach', '400,404,500', '--attach-default', '--out', out],
        { encoding: 'utf8', timeout: 25_000 },
      );
      expect(result.signal).toBeNull();
      expect(result.stderr).toMatch(/wrote .* \(OpenAPI 3\.0: \d+ components added, 128000 responses attached\)/);
      const merged = load(readFileSync(out, 'utf8')) as { paths: Record<string, { get: { responses: Tree } }> };
      expect(Object.keys(merged.paths[`/items/${paths - 1}`]!.get.responses)).toEqual(['200', '400', '404', '500', 'default']);
    }, 120_000);
  }
});

describe('merge targets that are not plain files', () => {
  const petstore = join(SPECS, 'petstore.oas30.yaml');
  const CLI_PATH = join(ROOT, 'dist', 'cli.js');
  let dir: string;
  let expected: string;
  beforeAll(async () => {
    dir = tempDir();
    expected = (await runInProcess(['merge', petstore])).stdout;
    expect(expected).toContain('components:');
  });
  afterAll(() => removeDir(dir));

  it('--out /dev/stdout through a pipe: the merged text on the pipe', () => {
    const result = spawnSync(process.execPath, [CLI_PATH, 'merge', petstore, '--out', '/dev/stdout'], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.stderr).toMatch(/^status-catalog: wrote \/dev\/stdout \(OpenAPI 3\.0: \d+ components added, 0 responses attached\)\n$/);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(expected);
  });

  it('--out /dev/stdout >> build.log: appended to the log, whose earlier lines stay', () => {
    const log = writeFile(join(dir, 'build.log'), 'step 1: done\n');
    const descriptor = openSync(log, 'a');
    try {
      const result = spawnSync(process.execPath, [CLI_PATH, 'merge', petstore, '--out', '/dev/stdout'], {
        stdio: ['ignore', descriptor, 'pipe'],
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(result.status, result.stderr).toBe(0);
    } finally {
      closeSync(descriptor);
    }
    expect(readFileSync(log, 'utf8')).toBe(`step 1: done\n${expected}`);
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('--out a FIFO: written through to its reader, never renamed over', async () => {
    const fifo = join(dir, 'merged.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'ignore'] });
    let read = '';
    reader.stdout.setEncoding('utf8').on('data', (chunk: string) => (read += chunk));
    const closed = new Promise((resolve) => reader.on('close', resolve));
    const result = spawnSync(process.execPath, [CLI_PATH, 'merge', petstore, '--out', fifo], { encoding: 'utf8', timeout: 20_000 });
    await closed;
    expect(result.status, result.stderr).toBe(0);
    expect(read).toBe(expected);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('--check with a target that is not a regular file: one line and exit 1, never a hang', () => {
    const fifo = join(dir, 'check.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const zero = join(dir, 'zero.yaml');
    symlinkSync('/dev/zero', zero);
    // Standard input is what the test runner gives: a pipe, or a socket (which cannot be opened by name: ENXIO).
    for (const [target, reason] of [
      [fifo, /is not a regular file \(a pipe\)/],
      ['/dev/stdin', /is not a regular file( \(a pipe\))?/],
      [zero, /is not a regular file \(a device\)/],
      [dir, /is a folder, not a spec/],
    ] as const) {
      const result = spawnSync(process.execPath, [CLI_PATH, 'merge', petstore, '--check', '--out', target], {
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(result.signal, target).toBeNull();
      expect(result.status, target).toBe(1);
      const quoted = target.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      expect(result.stderr).toMatch(new RegExp(`^status-catalog: ${quoted}: ${reason.source}; --check compares with a regular file\n$`));
    }
  });

  it('--in-place with nothing to add writes nothing: the same file, the same time', async () => {
    const spec = writeFile(join(dir, 'done.yaml'), expected);
    utimesSync(spec, new Date('2020-01-01T00:00:00Z'), new Date('2020-01-01T00:00:00Z'));
    const before = statSync(spec);
    const result = await runInProcess(['merge', spec, '--in-place']);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^status-catalog: left .*done\.yaml \(OpenAPI 3\.0: 0 components added, 0 responses attached\)\n$/);
    const after = statSync(spec);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it('a hard-linked spec on a full disk: left whole, and the error says so', () => {
    const spec = writeFile(join(dir, 'linked.yaml'), readFileSync(petstore, 'utf8'));
    linkSync(spec, join(dir, 'linked-too.yaml'));
    // Every write beside the spec fails as on a full disk (a real full file system needs a mount).
    const preload = writeFile(
      join(dir, 'enospc.mjs'),
      [
        "import fs from 'node:fs';",
        "import { syncBuiltinESMExports } from 'node:module';",
        'const real = fs.writeFileSync;',
        'fs.writeFileSync = function (path, ...rest) {',
        // The spec's lock is made before (its own temporary folder ends in .lock.tmp-): the disk fills after.
        "  if (String(path).includes('.tmp-') && !String(path).includes('.lock.tmp-')) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });",
        '  return real.call(this, path, ...rest);',
        '};',
        'syncBuiltinESMExports();',
      ].join('\n'),
    );
    const result = spawnSync(process.execPath, ['--import', pathToFileURL(preload).href, CLI_PATH, 'merge', spec, '--in-place'], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `status-catalog: ${spec}: could not write it (it has 2 hard links, so it is written in place), the file was left as it was: ENOSPC: no space left on device, write\n`,
    );
    expect(readFileSync(join(dir, 'linked-too.yaml'), 'utf8')).toBe(readFileSync(petstore, 'utf8'));
    expect(readdirSync(dir).filter((name) => name.startsWith('.linked'))).toEqual([]);
  });
});

describe('merge --in-place runs on one spec take turns', () => {
  const petstore = join(SPECS, 'petstore.oas30.yaml');
  const CLI_PATH = join(ROOT, 'dist', 'cli.js');
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });
  afterAll(() => removeDir(dir));

  /** The CLI as a child process, resolved with its exit code and standard error. */
  const started = (args: readonly string[]): Promise<{ status: number | null; stderr: string }> =>
    new Promise((done) => {
      const child = spawn(process.execPath, [CLI_PATH, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      child.on('close', (status) => done({ status, stderr }));
    });

  /** Which of `statuses` every operation of the spec answers. */
  const answered = (text: string, statuses: readonly string[]): string[] => {
    const spec = load(text) as { paths: Record<string, Record<string, { responses?: Record<string, unknown> }>> };
    const operations = Object.values(spec.paths).flatMap((item) => Object.values(item).filter((op) => op.responses !== undefined));
    return statuses.filter((status) => operations.length > 0 && operations.every((op) => op.responses![status] !== undefined));
  };

  it('two runs attaching different statuses both land (each merges into what the other wrote)', async () => {
    for (let round = 0; round < 3; round += 1) {
      const spec = writeFile(join(dir, `turns-${round}.yaml`), readFileSync(petstore, 'utf8'));
      expect(answered(readFileSync(spec, 'utf8'), ['404', '500'])).toEqual([]);
      const results = await Promise.all([
        started(['merge', spec, '--in-place', '--attach', '404']),
        started(['merge', spec, '--in-place', '--attach', '500']),
      ]);
      expect(results.map((result) => result.status)).toEqual([0, 0]);
      expect(answered(readFileSync(spec, 'utf8'), ['404', '500'])).toEqual(['404', '500']);
      expect(readdirSync(dir).filter((name) => name.startsWith(`.turns-${round}`))).toEqual([]);
    }
  });
});
