/**
 * The entry point of the generated TypeScript against docs/typescript.md, and the import graph
 * of the generated folder, read with the TypeScript compiler API: for the default catalog and
 * for the RT fixture (one class per error code, required headers).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_NAMES } from '../../../generator/targets/typescript/public-api.js';
import { OUTPUT, removeDir, ROOT, runCli, tempDir, writeFile } from '../../harness/helpers.js';

const DOCS = readFileSync(join(ROOT, 'docs', 'typescript.md'), 'utf8');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** Every identifier inside a `code span` of a Markdown text: `getStatusInfo(code)` gives getStatusInfo and code. */
function codeIdentifiers(markdown: string): Set<string> {
  const names = new Set<string>();
  for (const [, span] of markdown.matchAll(/`([^`\n]+)`/g)) for (const [name] of span!.matchAll(/[A-Za-z_$][\w$]*/g)) names.add(name);
  return names;
}

function sourceFile(path: string): ts.SourceFile {
  return ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
}

const isExported = (node: ts.Node): boolean =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** The names a module declares and exports itself (re-exports aside), with whether each is a class. */
function declaredExports(file: ts.SourceFile): Map<string, { readonly isClass: boolean }> {
  const names = new Map<string, { isClass: boolean }>();
  for (const statement of file.statements) {
    if (!isExported(statement)) continue;
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) names.set(declaration.name.getText(file), { isClass: false });
    } else if (
      (ts.isClassDeclaration(statement) ||
        ts.isFunctionDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        ts.isEnumDeclaration(statement) ||
        ts.isModuleDeclaration(statement)) &&
      statement.name !== undefined
    ) {
      names.set(statement.name.getText(file), {
        isClass: ts.isClassDeclaration(statement) || names.get(statement.name.text)?.isClass === true,
      });
    }
  }
  return names;
}

/** What index.ts exports, name by name, with the module each comes from; `*` for an `export *`. */
function indexExports(file: ts.SourceFile): Map<string, string> {
  const names = new Map<string, string>();
  for (const statement of file.statements) {
    if (!ts.isExportDeclaration(statement)) continue;
    const from = (statement.moduleSpecifier as ts.StringLiteral | undefined)?.text ?? '';
    const clause = statement.exportClause;
    if (clause === undefined) names.set('*', from);
    else if (ts.isNamedExports(clause)) for (const element of clause.elements) names.set(element.name.text, from);
  }
  return names;
}

/** Every module specifier a file names: imports, type imports, re-exports. */
function importsOf(path: string): string[] {
  return ts.preProcessFile(readFileSync(path, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
}

/** The first import cycle among the .ts files of a folder (`a.ts -> b.ts -> a.ts`), else undefined. */
function importCycle(dir: string): string | undefined {
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  const edges = new Map(files.map((f) => [f, importsOf(join(dir, f)).map((to) => to.replace(/^\.\//, '').replace(/\.js$/, '.ts'))]));
  const done = new Set<string>();
  const visit = (file: string, path: readonly string[]): string | undefined => {
    if (path.includes(file)) return [...path.slice(path.indexOf(file)), file].join(' -> ');
    if (done.has(file)) return undefined;
    for (const next of edges.get(file) ?? []) {
      const cycle = visit(next, [...path, file]);
      if (cycle !== undefined) return cycle;
    }
    done.add(file);
    return undefined;
  };
  for (const file of files) {
    const cycle = visit(file, []);
    if (cycle !== undefined) return cycle;
  }
  return undefined;
}

interface Output {
  /** The generated folder. */
  readonly dir: string;
  /** What index.ts exports, and from where. */
  readonly index: Map<string, string>;
  /** What each module but index.ts exports itself, by module. */
  readonly modules: Map<string, Map<string, { readonly isClass: boolean }>>;
}

function readOutput(dir: string): Output {
  const modules = new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => [f, declaredExports(sourceFile(join(dir, f)))]),
  );
  return { dir, index: indexExports(sourceFile(join(dir, 'index.ts'))), modules };
}

let work: string;
const outputs: Record<string, Output> = {};

beforeAll(() => {
  work = tempDir();
  const rt = join(work, 'rt');
  const result = runCli(['generate', '--catalog', join(ROOT, 'test', 'fixtures', 'catalogs', 'runtime.yaml'), '--out', rt]);
  expect(result.status, result.stderr).toBe(0);
  outputs['default catalog'] = readOutput(join(OUTPUT, 'ts'));
  outputs['RT fixture'] = readOutput(join(rt, 'ts'));
});

afterAll(() => removeDir(work));

describe('index.ts: the public API by name', () => {
  for (const label of ['default catalog', 'RT fixture']) {
    it(`${label}: exports each public name and each error class from the module that declares it, nothing else`, () => {
      const { index, modules } = outputs[label]!;
      const want = new Map<string, string>();
      for (const [module, names] of modules) {
        for (const [name, { isClass }] of names) {
          if (PUBLIC_NAMES.includes(name) || (module === 'errors.ts' && isClass)) want.set(name, `./${module.replace(/\.ts$/, '.js')}`);
        }
      }
      expect(Object.fromEntries(index)).toEqual(Object.fromEntries(want));
      expect(index.size).toBeGreaterThan(60);
    });

    it(`${label}: leaves the plumbing out`, () => {
      const { index, modules } = outputs[label]!;
      for (const name of ['writeErrorBody', 'readErrorBody', 'normalizeHeaders', 'ERROR_BODY', 'ErrorBodyParts', 'FROM_RESPONSE']) {
        expect(index.has(name), name).toBe(false);
        // Control: the name exists, exported by its module for the others.
        expect(
          [...modules.values()].some((names) => names.has(name)),
          name,
        ).toBe(true);
      }
    });
  }

  it('every public name is declared by one of the outputs (the list names nothing that does not exist)', () => {
    const exported = new Set([...outputs['default catalog']!.index.keys(), ...outputs['RT fixture']!.index.keys()]);
    expect(PUBLIC_NAMES.filter((name) => !exported.has(name))).toEqual([]);
    expect(new Set(PUBLIC_NAMES).size).toBe(PUBLIC_NAMES.length);
  });
});

describe('index.ts and docs/typescript.md agree', () => {
  it('every name index.ts exports is documented in docs/typescript.md (error classes by their naming rule)', () => {
    const documented = codeIdentifiers(DOCS);
    const undocumented = new Set<string>();
    for (const { index, modules } of Object.values(outputs)) {
      const classes = modules.get('errors.ts')!;
      for (const name of index.keys()) if (!documented.has(name) && classes.get(name)?.isClass !== true) undocumented.add(name);
    }
    expect([...undocumented].sort()).toEqual([]);
  });

  it('every documented name of the generated code (docs/typescript.md, README.md) is exported by index.ts', () => {
    const documented = new Set([...codeIdentifiers(DOCS), ...codeIdentifiers(README)]);
    const missing: string[] = [];
    let checked = 0;
    for (const [label, { index, modules }] of Object.entries(outputs)) {
      for (const [module, names] of modules) {
        for (const name of names.keys()) {
          if (!documented.has(name)) continue;
          checked += 1;
          if (!index.has(name)) missing.push(`${label}: ${module} ${name}`);
        }
      }
    }
    expect(missing).toEqual([]);
    // Control: the documentation does name the generated code.
    expect(checked).toBeGreaterThan(100);
  });

  it('the code spans are read as a reader sees them (the checks can fail)', () => {
    const names = codeIdentifiers('Use `getStatusInfo(code)` and `StatusErrorCode<404>`, not writeErrorBody.');
    expect([...names].sort()).toEqual(['StatusErrorCode', 'code', 'getStatusInfo']);
    expect(codeIdentifiers(DOCS).has('writeErrorBody')).toBe(false);
  });
});

describe('the generated folder has no import cycle (type imports included)', () => {
  for (const label of ['default catalog', 'RT fixture']) {
    it(label, () => {
      expect(importCycle(outputs[label]!.dir)).toBeUndefined();
    });
  }

  it('a cycle is found, through a type import too (the check can fail)', () => {
    const dir = join(work, 'cycle');
    writeFile(join(dir, 'a.ts'), 'import { b } from "./b.js";\nexport const a = b;\n');
    writeFile(join(dir, 'b.ts'), 'import type { C } from "./c.js";\nexport const b: C = 1;\n');
    writeFile(join(dir, 'c.ts'), 'export type { A } from "./a.js";\nexport type C = number;\n');
    writeFile(join(dir, 'd.ts'), 'import { a } from "./a.js";\nexport const d = a;\n');
    expect(importCycle(dir)).toBe('a.ts -> b.ts -> c.ts -> a.ts');
  });
});
