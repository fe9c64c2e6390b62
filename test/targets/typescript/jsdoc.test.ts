/**
 * Every declaration and member the generated module exports carries JSDoc, checked on the
 * syntax tree with ts-morph, for the default catalog and the fixture services: the copied
 * runtime modules and the catalog modules alike, and each member of the `as const` objects
 * (StatusCode, ErrorCode) that stand where enums stood.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Node, Project, type JSDocableNode } from 'ts-morph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../../generator/targets/typescript/adapters.js';
import { DEFAULT_CATALOG, OUTPUT, removeDir, ROOT, runCli, tempDir } from '../../harness/helpers.js';

const FIXTURES = ['storage.yaml', 'billing.json', 'identity.yaml'];

/** Label of an interface member: its name, without modifiers. */
function memberName(member: Node): string {
  return member
    .getText()
    .replace(/^readonly\s+/, '')
    .split(/[:(?]/)[0]!
    .trim();
}

function undocumented(folder: string): string[] {
  const project = new Project({ skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true });
  const missing: string[] = [];
  const check = (node: Node & JSDocableNode, name: string): void => {
    if (node.getJsDocs().length === 0) missing.push(name);
  };
  // Object literal members are not JSDocable nodes in ts-morph: look for a leading /** comment.
  const checkComment = (node: Node, name: string): void => {
    if (!node.getLeadingCommentRanges().some((range) => range.getText().startsWith('/**'))) missing.push(name);
  };
  for (const file of project.addSourceFilesAtPaths(join(folder, '**/*.ts'))) {
    for (const [name, declarations] of file.getExportedDeclarations()) {
      for (const declaration of declarations) {
        if (declaration.getSourceFile() !== file) continue;
        const where = `${file.getBaseName()}: ${name}`;
        // An overloaded function is documented on its overloads, which is what callers see.
        if (Node.isFunctionDeclaration(declaration) && declaration.getOverloads().length > 0) {
          for (const overload of declaration.getOverloads()) check(overload, where);
        } else if (Node.isJSDocable(declaration)) check(declaration, where);
        else if (Node.isVariableDeclaration(declaration)) check(declaration.getVariableStatementOrThrow(), where);
        if (Node.isClassDeclaration(declaration)) {
          for (const member of declaration.getMembers()) {
            const label = `${where}.${Node.isConstructorDeclaration(member) ? 'constructor' : member.getName()}`;
            if (Node.isJSDocable(member)) check(member, label);
          }
        }
        if (Node.isInterfaceDeclaration(declaration))
          for (const member of declaration.getMembers()) check(member, `${where}.${memberName(member)}`);
        if (Node.isEnumDeclaration(declaration))
          for (const member of declaration.getMembers()) check(member, `${where}.${member.getName()}`);
        // `export const X = { … } as const`: each member, as each enum member was.
        if (Node.isVariableDeclaration(declaration)) {
          const initializer = declaration.getInitializer();
          const object =
            Node.isAsExpression(initializer) && initializer.getTypeNode()?.getText() === 'const' ? initializer.getExpression() : undefined;
          if (Node.isObjectLiteralExpression(object)) {
            for (const property of object.getProperties()) checkComment(property, `${where}.${memberName(property)}`);
          }
        }
      }
    }
  }
  return missing;
}

describe('JSDoc on everything the generated module exports', () => {
  let work: string;
  beforeAll(() => {
    work = tempDir();
    for (const fixture of FIXTURES) {
      const result = runCli(['generate', '--catalog', join(ROOT, 'test', 'fixtures', 'catalogs', fixture), '--out', join(work, fixture)]);
      expect(result.status, result.stderr).toBe(0);
    }
    const withAdapters = join(work, 'adapters.yaml');
    writeFileSync(withAdapters, `extends: ${DEFAULT_CATALOG}\ntypescript:\n  adapters: [${ADAPTERS.map((a) => a.name).join(', ')}]\n`);
    const result = runCli(['generate', '--catalog', withAdapters, '--out', join(work, 'adapters')]);
    expect(result.status, result.stderr).toBe(0);
  });
  afterAll(() => removeDir(work));

  it('for the default catalog', () => {
    expect(undocumented(join(OUTPUT, 'ts'))).toEqual([]);
  });

  for (const fixture of FIXTURES) {
    it(`for ${fixture}`, () => {
      expect(undocumented(join(work, fixture, 'ts'))).toEqual([]);
    });
  }

  it('for the default catalog with every adapter (ts/adapters/)', () => {
    // Each adapter, and what the server ones share.
    expect(readdirSync(join(work, 'adapters', 'ts', 'adapters')).length).toBe(ADAPTERS.length + 1);
    expect(undocumented(join(work, 'adapters', 'ts'))).toEqual([]);
  });

  it('finds a declaration without JSDoc (the check can fail)', () => {
    const project = new Project({ useInMemoryFileSystem: true });
    project.createSourceFile(
      '/m/a.ts',
      '/** Documented. */\nexport const a = 1;\nexport const b = 2;\n/** Documented. */\nexport const C = {\n  /** Documented. */\n  One: 1,\n  // A line comment is no JSDoc.\n  Two: 2,\n} as const;\n/** Documented. */\nexport interface I {\n  /** Documented. */\n  readonly x: 1;\n  readonly y: 2;\n}\n',
    );
    project.saveSync();
    const dir = tempDir();
    try {
      writeFileSync(join(dir, 'a.ts'), project.getSourceFileOrThrow('/m/a.ts').getFullText());
      expect(undocumented(dir)).toEqual(['a.ts: b', 'a.ts: C.Two', 'a.ts: I.y']);
    } finally {
      removeDir(dir);
    }
  });
});
