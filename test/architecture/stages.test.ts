/**
 * The stages of generator/ in their order: a module imports only from its own stage or an
 * earlier one, so that data flows one way (catalog → model → targets → write). The copied
 * runtime (generator/targets/typescript/runtime/) is a leaf the generator may import from, but
 * only its catalog-free modules: the others import the catalog modules each output generates.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { CATALOG_MODULES } from '../../generator/targets/typescript/runtime-sources.js';
import { ROOT } from '../harness/helpers.js';

const GENERATOR = join(ROOT, 'generator');
const RUNTIME = 'targets/typescript/runtime/';

/** Each stage by where its modules sit, earliest first; a path is placed by its longest matching prefix. */
const STAGES: readonly (readonly [stage: string, prefixes: readonly string[]])[] = [
  ['util and the runtime', ['util/', RUNTIME]],
  ['body', ['body/']],
  ['catalog', ['catalog/']],
  ['model', ['model/']],
  ['targets', ['targets/']],
  ['write', ['write/']],
  // The pipeline ends by recording what it made in the manifest, the write stage's record of a folder it owns.
  ['pipeline', ['pipeline.ts']],
  ['merge, lint, diff', ['merge/', 'lint/', 'diff/']],
  ['commands', ['commands/']],
  ['cli and public API', ['cli.ts', 'index.ts']],
];

function stageOf(path: string): number {
  let best = -1;
  let length = -1;
  for (const [index, [, prefixes]] of STAGES.entries()) {
    for (const prefix of prefixes) {
      if ((path === prefix || path.startsWith(prefix)) && prefix.length > length) [best, length] = [index, prefix.length];
    }
  }
  if (best < 0) throw new Error(`generator/${path} is in no stage: add its folder to STAGES`);
  return best;
}

function modulesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? modulesUnder(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** Relative imports of a module (static, dynamic and re-exports), as paths relative to generator/. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles
    .map((ref) => ref.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) =>
      relative(GENERATOR, resolve(dirname(file), name))
        .split('\\')
        .join('/')
        .replace(/\.js$/, '.ts'),
    );
}

const MODULES = modulesUnder(GENERATOR).map((file) => relative(GENERATOR, file).split('\\').join('/'));
const IMPORTS = new Map(MODULES.map((path) => [path, importsOf(join(GENERATOR, path))]));

/** Runtime modules that import, directly or not, a catalog module of the output. */
function importsCatalog(path: string, seen = new Set<string>()): boolean {
  if (CATALOG_MODULES.some((name) => path === `${RUNTIME}${name}`)) return true;
  if (seen.has(path)) return false;
  seen.add(path);
  return (IMPORTS.get(path) ?? []).some((next) => importsCatalog(next, seen));
}

describe('stages of generator/', () => {
  test('every module is in a stage, and every relative import names a module that exists', () => {
    for (const path of MODULES) stageOf(path);
    for (const [path, imports] of IMPORTS) for (const target of imports) expect(MODULES, `${path} imports ${target}`).toContain(target);
  });

  test('no module imports from a later stage', () => {
    const backwards = [...IMPORTS].flatMap(([path, imports]) =>
      imports
        .filter((target) => stageOf(target) > stageOf(path))
        .map((target) => `${path} (${STAGES[stageOf(path)]![0]}) imports ${target} (${STAGES[stageOf(target)]![0]})`),
    );
    expect(backwards).toEqual([]);
  });

  test('the runtime imports nothing but itself', () => {
    const outside = [...IMPORTS]
      .filter(([path]) => path.startsWith(RUNTIME))
      .flatMap(([path, imports]) => imports.filter((target) => !target.startsWith(RUNTIME)).map((target) => `${path} imports ${target}`));
    expect(outside).toEqual([]);
  });

  test('the generator imports only catalog-free runtime modules', () => {
    const tied = [...IMPORTS]
      .filter(([path]) => !path.startsWith(RUNTIME))
      .flatMap(([path, imports]) =>
        imports.filter((target) => target.startsWith(RUNTIME) && importsCatalog(target)).map((target) => `${path} imports ${target}`),
      );
    expect(tied).toEqual([]);
  });

  test('control: a backwards import and a catalog-bound runtime module are seen', () => {
    expect(stageOf('catalog/read.ts')).toBeLessThan(stageOf('write/manifest.ts'));
    expect(stageOf(`${RUNTIME}headers.ts`)).toBeLessThan(stageOf('body/descriptor.ts'));
    expect(importsCatalog(`${RUNTIME}from-response.ts`)).toBe(true);
    expect(() => stageOf('nowhere/x.ts')).toThrow(/in no stage/);
  });
});
