/**
 * The form of the TypeScript folder on small modules, in this process: which specifiers the .ts
 * extension rewrites (and which it leaves), what the JavaScript form writes for each module, how
 * enums become pure calls, and that a module the compiler refuses fails the run. The forms of
 * real catalogs, compiled and run, are test/e2e/typescript-forms.test.ts.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TypeScriptForm } from '../../../generator/model/model.js';
import { inOutputForm } from '../../../generator/targets/typescript/output-form.js';
import type { GeneratedFile } from '../../../generator/targets/target.js';
import type { TestCase } from '../../harness/cases.js';
import { importFile, removeDir, tempDir, writeFile } from '../../harness/helpers.js';

const DEFAULT_FORM: TypeScriptForm = { enums: 'const', emit: 'ts', importExtension: '.js' };
const TS_SPECIFIERS: TypeScriptForm = { ...DEFAULT_FORM, importExtension: '.ts' };
const JAVASCRIPT: TypeScriptForm = { ...DEFAULT_FORM, emit: 'js' };

const contentsOf = (files: readonly GeneratedFile[], path: string): string | undefined => files.find((f) => f.path === path)?.contents;

describe('importExtension .ts', () => {
  const tests: TestCase<string, string>[] = [
    ['an import', { given: 'import { a } from "./a.js";', want: 'import { a } from "./a.ts";' }],
    ['a type-only import', { given: 'import type { A } from "../a.js";', want: 'import type { A } from "../a.ts";' }],
    ['a re-export', { given: 'export * from "./sub/a.js";', want: 'export * from "./sub/a.ts";' }],
    ['named re-exports', { given: "export { a, type B } from './a.js';", want: 'export { a, type B } from "./a.ts";' }],
    ['an import type', { given: 'export type A = typeof import("./a.js");', want: 'export type A = typeof import("./a.ts");' }],
    ['a dynamic import', { given: 'export const a = () => import("./a.js");', want: 'export const a = () => import("./a.ts");' }],
    ['a side-effect import', { given: 'import "./a.js";', want: 'import "./a.ts";' }],
    ['a package: as written', { given: 'import { x } from "pkg/x.js";', want: 'import { x } from "pkg/x.js";' }],
    [
      'another extension: as written',
      { given: 'import data from "./a.json" with { type: "json" };', want: 'import data from "./a.json" with { type: "json" };' },
    ],
    [
      'a specifier in a comment: as written',
      { given: '/** See "./a.js" and import("./a.js"). */', want: '/** See "./a.js" and import("./a.js"). */' },
    ],
    [
      'a specifier in a string: as written',
      { given: 'export const s = \'import x from "./a.js"\';', want: 'export const s = \'import x from "./a.js"\';' },
    ],
  ];
  for (const [name, { given, want }] of tests) {
    it(name, async () => {
      const [file] = await inOutputForm([{ path: 'm.ts', contents: `${given}\n` }], TS_SPECIFIERS);
      expect(file).toEqual({ path: 'm.ts', contents: `${want}\n` });
    });
  }

  it('rewrites every module of the folder, subfolders included, and leaves other files', async () => {
    const files: GeneratedFile[] = [
      { path: 'index.ts', contents: 'export * from "./a.js";\nexport * from "./adapters/b.js";\n' },
      { path: 'adapters/b.ts', contents: 'import { a } from "../a.js";\nexport const b = a;\n' },
      { path: 'notes.md', contents: 'import from "./a.js"\n' },
    ];
    expect(await inOutputForm(files, TS_SPECIFIERS)).toEqual([
      { path: 'index.ts', contents: 'export * from "./a.ts";\nexport * from "./adapters/b.ts";\n' },
      { path: 'adapters/b.ts', contents: 'import { a } from "../a.ts";\nexport const b = a;\n' },
      files[2],
    ]);
  });

  it('the default form is the files as they are', async () => {
    const files = [{ path: 'm.ts', contents: 'import { a } from "./a.js";\n' }];
    expect(await inOutputForm(files, DEFAULT_FORM)).toEqual(files);
  });
});

describe('emit js', () => {
  const MODULES: GeneratedFile[] = [
    {
      path: 'codes.ts',
      contents: [
        '/** Generated file. */',
        '',
        'import type { Info } from "./sub/types.js";',
        '',
        '/** Status codes. */',
        'export enum Status {',
        '  /** 404 Not Found */',
        '  NotFound = 404,',
        '}',
        '',
        '/** Error codes. */',
        'export enum Code {',
        '  /** A code. */',
        '  Bad = "E.1",',
        '}',
        '',
        '/** An info. */',
        'export const INFO: Info = { status: Status.NotFound };',
        '',
        'export const SET: ReadonlySet<number> = /*#__PURE__*/ new Set([404]);',
        '',
      ].join('\n'),
    },
    { path: 'sub/types.ts', contents: '/** What is known of a status. */\nexport interface Info {\n  readonly status: number;\n}\n' },
    { path: 'index.ts', contents: 'export * from "./codes.js";\nexport type * from "./sub/types.js";\n' },
  ];

  it('writes a .js and a .d.ts for each module, and a package.json of type module; no .ts', async () => {
    const files = await inOutputForm(MODULES, JAVASCRIPT);
    expect(files.map((f) => f.path)).toEqual([
      'codes.d.ts',
      'codes.js',
      'index.d.ts',
      'index.js',
      'package.json',
      'sub/types.d.ts',
      'sub/types.js',
    ]);
    expect(JSON.parse(contentsOf(files, 'package.json')!)).toEqual({ type: 'module' });
    expect(contentsOf(files, 'index.js')).toBe('export * from "./codes.js";\n');
  });

  it('writes enums as pure calls building the same object, their JSDoc kept; the declarations keep the enums', async () => {
    const files = await inOutputForm(MODULES, JAVASCRIPT);
    const js = contentsOf(files, 'codes.js')!;
    expect(js).toContain(
      [
        '/** Status codes. */',
        'export const Status = /*#__PURE__*/ ((Status) => {',
        '  /** 404 Not Found */',
        '  Status[(Status["NotFound"] = 404)] = "NotFound";',
        '  return Status;',
        '})({});',
      ].join('\n'),
    );
    expect(js).toContain('  Code["Bad"] = "E.1";');
    expect(js).toContain('export const SET = /*#__PURE__*/ new Set([404]);');
    expect(js).not.toMatch(/Info|ReadonlySet/);
    const declarations = contentsOf(files, 'codes.d.ts')!;
    expect(declarations).toContain('export declare enum Status {\n  /** 404 Not Found */\n  NotFound = 404,\n}');
    expect(declarations).toContain('/** An info. */\nexport declare const INFO: Info;');
    expect(contentsOf(files, 'sub/types.d.ts')).toContain('/** What is known of a status. */\nexport interface Info {');
    // Run, the object is the enum's: numbers map back to names, strings do not.
    const dir = tempDir();
    try {
      const module = await importFile<{ Status: unknown; Code: unknown }>(writeFile(join(dir, 'codes.mjs'), js));
      expect([module.Status, module.Code]).toEqual([{ NotFound: 404, 404: 'NotFound' }, { Bad: 'E.1' }]);
    } finally {
      removeDir(dir);
    }
  });

  it('leaves an enum of other members to tsc', async () => {
    const files = await inOutputForm([{ path: 'e.ts', contents: 'export enum E {\n  A,\n  B = A + 1,\n}\n' }], JAVASCRIPT);
    expect(contentsOf(files, 'e.js')).toMatch(/\(function \(E\) \{/);
    expect(contentsOf(files, 'e.d.ts')).toContain('export declare enum E {');
  });

  it('fails on a module the compiler refuses, naming it', async () => {
    await expect(inOutputForm([{ path: 'broken.ts', contents: 'export const = 1;\n' }], JAVASCRIPT)).rejects.toThrow(
      /compiling the TypeScript to JavaScript failed:[\s\S]*broken\.ts/,
    );
  });

  it('gives the same bytes twice', async () => {
    expect(await inOutputForm(MODULES, JAVASCRIPT)).toEqual(await inOutputForm(MODULES, JAVASCRIPT));
  });
});
