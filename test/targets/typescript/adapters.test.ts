/**
 * generator/targets/typescript/adapters.ts, the registry of framework adapters, and what the
 * catalog's typescript.adapters does to the output: the JSON Schema's enum and the files under
 * runtime/adapters/ agree with the registry; a listed adapter is copied to ts/adapters/<name>.ts
 * under the generated-file header, never re-exported, owned and checked like the rest of ts/.
 * How the adapters behave in the real frameworks: test/e2e/adapters.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { adapterPath, ADAPTERS, SERVER_ADAPTER_SUPPORT } from '../../../generator/targets/typescript/adapters.js';
import { ADAPTER_MODULES, CATALOG_MODULES, RUNTIME_MODULES } from '../../../generator/targets/typescript/runtime-sources.js';
import { runInProcess } from '../../harness/cli.js';
import { DEFAULT_CATALOG, problemsOf, removeDir, ROOT, tempDir, writeFile } from '../../harness/helpers.js';

const RUNTIME = join(ROOT, 'generator', 'targets', 'typescript', 'runtime');
const schema = JSON.parse(readFileSync(join(ROOT, 'data', 'catalog.schema.json'), 'utf8')) as {
  properties: {
    typescript: { properties: { adapters: { description: string; type: string; uniqueItems: boolean; items: { enum: string[] } } } };
  };
};
/** The adapters of frameworks that have a not-found hook: they export notFoundHandler too. */
const NOT_FOUND_HOOKS = ['express', 'fastify', 'hono'];

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(dir, `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

describe('the adapter registry', () => {
  test('names are unique, each with a side and a summary', () => {
    const names = ADAPTERS.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
    for (const adapter of ADAPTERS) {
      expect(adapter.name).toMatch(/^[a-z][a-z-]*$/);
      expect(['server', 'client']).toContain(adapter.side);
      expect(adapter.summary, adapter.name).toMatch(/\S/);
    }
  });

  test("the catalog's JSON Schema enumerates exactly the registered names, each once, and its description names each", () => {
    const option = schema.properties.typescript.properties.adapters;
    expect(option.type).toBe('array');
    expect(option.uniqueItems).toBe(true);
    expect([...option.items.enum].sort()).toEqual(ADAPTERS.map((a) => a.name).sort());
    for (const { name } of ADAPTERS) expect(option.description, name).toMatch(new RegExp(`\\b${name}\\b`));
  });

  test('every file under runtime/adapters/ is a registered adapter or what the server ones share, and every adapter has its file', () => {
    expect(readdirSync(join(RUNTIME, 'adapters')).sort()).toEqual([...ADAPTERS.map((a) => `${a.name}.ts`), 'server-errors.ts'].sort());
    expect([...ADAPTER_MODULES].sort()).toEqual([...ADAPTERS.map((a) => adapterPath(a.name)), SERVER_ADAPTER_SUPPORT].sort());
  });

  for (const { name, side } of ADAPTERS) {
    const text = readFileSync(join(RUNTIME, adapterPath(name)), 'utf8');
    test(`${name}: imports only the runtime modules (../)${side === 'server' ? ' and what the server adapters share (./server-errors.js)' : ''}`, () => {
      const imports = ts.preProcessFile(text, true, true).importedFiles.map((ref) => ref.fileName);
      expect(imports.length).toBeGreaterThan(0);
      for (const from of imports) {
        if (side === 'server' && from === './server-errors.js') continue;
        expect(from).toMatch(/^\.\.\/[a-z-]+\.js$/);
        expect([...RUNTIME_MODULES, ...CATALOG_MODULES]).toContain(from.slice(3).replace(/\.js$/, '.ts'));
      }
    });
    test.skipIf(side !== 'server')(`${name}: exports errorHandler${NOT_FOUND_HOOKS.includes(name) ? ' and notFoundHandler' : ''}`, () => {
      const exported = (fn: string): boolean => new RegExp(`^export (?:async )?(?:function|const) ${fn}\\b`, 'm').test(text);
      expect(exported('errorHandler')).toBe(true);
      expect(exported('notFoundHandler')).toBe(NOT_FOUND_HOOKS.includes(name));
    });
  }

  test('the module the server adapters share is theirs: beside them in adapters/, not in an output without them, not re-exported by index.ts', () => {
    expect(RUNTIME_MODULES).not.toContain('server-errors.ts');
    expect(ADAPTER_MODULES).toContain('adapters/server-errors.ts');
    // An output without adapters has none of it.
    expect(existsSync(join(ROOT, 'output', 'ts', 'adapters'))).toBe(false);
    const index = readFileSync(join(ROOT, 'output', 'ts', 'index.ts'), 'utf8');
    expect(index).toContain('from "./api-error.js"');
    expect(index).not.toContain('server-errors');
  });
});

describe('typescript.adapters in a catalog', () => {
  let work: string;
  /** A catalog listing `adapters`, as catalog.yaml in a folder of its own (generated headers name the file). */
  const catalogWith = (adapters: string): string =>
    writeFile(
      join(work, `catalog-${adapters.replace(/\W+/g, '-')}`, 'catalog.yaml'),
      `extends: ${DEFAULT_CATALOG}\ntypescript:\n  adapters: ${adapters}\n`,
    );
  const generate = (catalog: string, out: string, ...more: string[]) =>
    runInProcess(['generate', '--catalog', catalog, '--out', out, ...more], work);

  beforeAll(() => {
    work = tempDir('status-catalog-adapters-');
  });
  afterAll(() => removeDir(work));

  test('writes the listed adapters, and only those, each the runtime file verbatim under the header; index.ts re-exports none', async () => {
    const result = await generate(catalogWith('[koa, express]'), 'out');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const tsDir = join(work, 'out', 'ts');
    // With what the server adapters share.
    expect(filesUnder(tsDir).filter((path) => path.startsWith('adapters/'))).toEqual([
      'adapters/express.ts',
      'adapters/koa.ts',
      'adapters/server-errors.ts',
    ]);
    for (const name of ['express', 'koa']) {
      const text = readFileSync(join(tsDir, 'adapters', `${name}.ts`), 'utf8');
      const source = readFileSync(join(RUNTIME, 'adapters', `${name}.ts`), 'utf8');
      expect(text.endsWith(source)).toBe(true);
      expect(text.slice(0, text.length - source.length)).toMatch(
        new RegExp(
          `^/\\*\\*\\n \\* Generated file\\. Do not edit\\.\\n[^]*\\n \\* The ${name} adapter of status-catalog, copied verbatim; [^\\n]*\\n \\*/\\n\\n$`,
        ),
      );
    }
    const index = readFileSync(join(tsDir, 'index.ts'), 'utf8');
    expect(index).not.toContain('adapters');
    expect(index).not.toContain('server-errors');
    expect(index).toContain('to-api-error.js');
    // The manifest lists them: the folder is status-catalog's own, and --check covers them.
    const manifest = JSON.parse(readFileSync(join(work, 'out', '.status-catalog.json'), 'utf8')) as { files: Record<string, string> };
    expect(Object.keys(manifest.files)).toEqual(expect.arrayContaining(['ts/adapters/express.ts', 'ts/adapters/koa.ts']));
    const check = await generate(catalogWith('[koa, express]'), 'out', '--check');
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  test('the same adapters in another order give the same bytes', async () => {
    await generate(catalogWith('[express, koa]'), 'same-a');
    await generate(catalogWith('[koa, express]'), 'same-b');
    const a = join(work, 'same-a', 'ts');
    const b = join(work, 'same-b', 'ts');
    expect(filesUnder(a)).toEqual(filesUnder(b));
    expect(filesUnder(a)).toContain('adapters/koa.ts');
    // (The manifest, beside ts/, names the catalog's path, which differs.)
    for (const path of filesUnder(a)) expect(readFileSync(join(a, path), 'utf8'), path).toBe(readFileSync(join(b, path), 'utf8'));
  });

  test('an adapter dropped from the catalog: --check names its file as extra, and generating removes it', async () => {
    const both = catalogWith('[hono, node]');
    const one = catalogWith('[hono]');
    await generate(both, 'drop');
    const check = await generate(one, 'drop', '--check');
    expect(check.status).toBe(1);
    expect(check.stdout + check.stderr).toContain('ts/adapters/node.ts');
    const again = await generate(one, 'drop');
    expect(again.status).toBe(0);
    expect(filesUnder(join(work, 'drop', 'ts')).filter((path) => path.startsWith('adapters/'))).toEqual([
      'adapters/hono.ts',
      'adapters/server-errors.ts',
    ]);
    expect((await generate(one, 'drop', '--check')).status).toBe(0);
  });

  test('a file someone put in ts/adapters/ keeps the folder from being replaced', async () => {
    await generate(catalogWith('[fetch]'), 'owned');
    writeFile(join(work, 'owned', 'ts', 'adapters', 'mine.ts'), 'export {};\n');
    const result = await generate(catalogWith('[fetch]'), 'owned');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('ts/adapters/mine.ts');
  });

  test('no adapters listed: no ts/adapters/ folder', async () => {
    await generate(catalogWith('[]'), 'none');
    expect(filesUnder(join(work, 'none', 'ts')).filter((path) => path.startsWith('adapters/'))).toEqual([]);
  });
});

describe('typescript.adapters: bad values are one-line errors naming line and field', () => {
  const catalog = (adapters: string): string =>
    `service: T1\nstatuses:\n  - { status: 404, name: NotFound, message: Not Found, description: x }\ntypescript:\n  adapters: ${adapters}\n`;
  const tests: [string, string, string[]][] = [
    [
      'an unknown name',
      '[node, nest]',
      [`cat.yaml:5:20: typescript.adapters[1]: must be one of: ${ADAPTERS.map((a) => a.name).join(', ')}`],
    ],
    ['a name listed twice', '[node, express, node]', ['cat.yaml:5:29: typescript.adapters[2]: lists "node" twice']],
    ['not a list', 'express', ['cat.yaml:5:13: typescript.adapters: must be a list']],
  ];
  for (const [name, adapters, want] of tests) {
    test(name, () => {
      expect(problemsOf(catalog(adapters)).filter((line) => line.includes('adapters'))).toEqual(want);
    });
  }
});

test('the fingerprint --check relies on covers the adapters: a change to one makes the output stale', () => {
  // A copy of the built generator, whose runtime/adapters/ can be changed.
  mkdirSync(join(ROOT, '.vitest-tmp'), { recursive: true });
  const copy = mkdtempSync(join(ROOT, '.vitest-tmp', 'fingerprint-'));
  try {
    cpSync(join(ROOT, 'dist'), join(copy, 'dist'), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
    cpSync(join(ROOT, 'data', 'catalog.schema.json'), join(copy, 'data', 'catalog.schema.json'));
    const fingerprint = (): string => {
      const script = `import(${JSON.stringify(join(copy, 'dist', 'util', 'version.js'))}).then((m) => process.stdout.write(m.generatorFingerprint()))`;
      const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
      expect(result.stderr).toBe('');
      return result.stdout;
    };
    const before = fingerprint();
    expect(before).toMatch(/^sha256-[0-9a-f]{64}$/);
    expect(fingerprint()).toBe(before);
    appendFileSync(join(copy, 'dist', 'targets', 'typescript', 'runtime', 'adapters', 'koa.ts'), '// changed\n');
    expect(fingerprint()).not.toBe(before);
  } finally {
    removeDir(copy);
  }
});
