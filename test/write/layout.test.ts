/** generator/write/layout.ts: which folder each output goes to, and folders that would overwrite each other. */
import { mkdirSync, realpathSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { GeneratedFile } from '../../generator/targets/target.js';
import { OUTPUT_TARGETS, splitIntoFolders, TARGET_OPTION, type OutputLayout, type OutputTarget } from '../../generator/write/layout.js';
import { emitManifest, MANIFEST_PATH, parseManifest, type ManifestInputs } from '../../generator/write/manifest.js';
import { isWithin, realPathOf } from '../../generator/util/real-path.js';
import { WriteError } from '../../generator/write/write-error.js';
import { removeDir, tempDir } from '../harness/helpers.js';
import type { TestCase } from '../harness/cases.js';

const INPUTS: ManifestInputs = {
  generatorVersion: '0.0.0',
  generatorFingerprint: 'sha256-f',
  catalog: 'shop.yaml',
  catalogFiles: ['sha256-c'],
};

const OUTPUTS: GeneratedFile[] = [
  { path: 'docs/status-codes.md', contents: '# Statuses\n' },
  { path: 'openapi/components.yaml', contents: 'openapi: 3.1.0\n' },
  { path: 'ts/index.ts', contents: 'export {};\n' },
  { path: 'ts/errors.ts', contents: 'export class E {}\n' },
];
const FILES = [...OUTPUTS, emitManifest(OUTPUTS, INPUTS)];

const namedBy = (target: OutputTarget): string => TARGET_OPTION[target];
/** Each folder as `dir (namedBy): paths`. */
const shown = (layout: OutputLayout, files: readonly GeneratedFile[] = FILES): string[] =>
  splitIntoFolders(files, layout, INPUTS, namedBy).map((f) => `${f.dir} (${f.namedBy}): ${f.files.map((file) => file.path).join(' ')}`);

describe('splitIntoFolders', () => {
  const tests: TestCase<OutputLayout, string[]>[] = [
    [
      'no target with a folder of its own: the main folder, the files as they are',
      {
        given: { out: 'out', own: {} },
        want: ['out (--out): docs/status-codes.md openapi/components.yaml ts/index.ts ts/errors.ts .status-catalog.json'],
      },
    ],
    [
      'the TypeScript in a folder of its own, at its top, the rest in the main folder; each with a manifest',
      {
        given: { out: 'out', own: { typescript: 'src/gen' } },
        want: [
          'out (--out): .status-catalog.json docs/status-codes.md openapi/components.yaml',
          'src/gen (--ts-out): .status-catalog.json errors.ts index.ts',
        ],
      },
    ],
    [
      'every target in a folder of its own: no main folder',
      {
        given: { out: 'out', own: { openapi: 'api', typescript: 'src/gen', docs: 'doc' } },
        want: [
          'api (--openapi-out): .status-catalog.json components.yaml',
          'src/gen (--ts-out): .status-catalog.json errors.ts index.ts',
          'doc (--docs-out): .status-catalog.json status-codes.md',
        ],
      },
    ],
    [
      'every target in its own folder, and the main folder may then be one of them',
      {
        given: { out: 'api', own: { openapi: 'api', typescript: 'ts', docs: 'doc' } },
        want: [
          'api (--openapi-out): .status-catalog.json components.yaml',
          'ts (--ts-out): .status-catalog.json errors.ts index.ts',
          'doc (--docs-out): .status-catalog.json status-codes.md',
        ],
      },
    ],
    [
      'folders side by side whose names share a beginning are separate',
      {
        given: { out: 'out', own: { docs: 'out-docs' } },
        want: [
          'out (--out): .status-catalog.json openapi/components.yaml ts/errors.ts ts/index.ts',
          'out-docs (--docs-out): .status-catalog.json status-codes.md',
        ],
      },
    ],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => expect(shown(given)).toEqual(want));
  }

  test('a target with nothing to write still gets its folder and manifest', () => {
    expect(
      shown(
        { out: 'out', own: { docs: 'doc' } },
        FILES.filter((f) => !f.path.startsWith('docs/')),
      ),
    ).toEqual([
      'out (--out): .status-catalog.json openapi/components.yaml ts/errors.ts ts/index.ts',
      'doc (--docs-out): .status-catalog.json',
    ]);
  });

  test('each manifest hashes exactly the files of its folder, by their new paths', () => {
    const folders = splitIntoFolders(FILES, { out: 'out', own: { typescript: 'gen' } }, INPUTS, namedBy);
    for (const folder of folders) {
      const manifest = parseManifest(folder.files.find((f) => f.path === MANIFEST_PATH)!.contents)!;
      const others = folder.files.filter((f) => f.path !== MANIFEST_PATH);
      expect(manifest).toEqual(parseManifest(emitManifest(others, INPUTS).contents));
      expect(Object.keys(manifest.files).sort()).toEqual(others.map((f) => f.path).sort());
    }
    const ts = folders.find((f) => f.dir === 'gen')!;
    expect(ts.files.find((f) => f.path === 'errors.ts')!.contents).toBe('export class E {}\n');
  });

  const clashes: TestCase<OutputLayout, RegExp>[] = [
    [
      'a target in the main folder itself',
      {
        given: { out: 'out', own: { typescript: 'out' } },
        want: /^--out out and --ts-out out are the same folder: each output folder is replaced as a whole/,
      },
    ],
    [
      'a target inside the main folder',
      { given: { out: 'out', own: { docs: join('out', 'docs') } }, want: /^--out out and --docs-out out\/docs are one inside the other/ },
    ],
    [
      'the main folder inside a target',
      { given: { out: join('gen', 'out'), own: { typescript: 'gen' } }, want: /^--out gen\/out and --ts-out gen are one inside the other/ },
    ],
    [
      'two targets in one folder',
      {
        given: { out: 'out', own: { openapi: 'gen', typescript: 'gen' } },
        want: /^--openapi-out gen and --ts-out gen are the same folder/,
      },
    ],
    [
      'the same folder written two ways',
      {
        given: { out: 'out', own: { openapi: 'gen', docs: resolve('gen') } },
        want: /^--openapi-out gen and --docs-out gen are the same folder/,
      },
    ],
    [
      'the current folder is shown as "."',
      { given: { out: '.', own: { docs: resolve('.') } }, want: /^--out \. and --docs-out \. are the same folder/ },
    ],
  ];
  for (const [name, { given, want }] of clashes) {
    test(`refuses ${name}`, () => {
      expect(() => splitIntoFolders(FILES, given, INPUTS, namedBy)).toThrow(WriteError);
      expect(() => splitIntoFolders(FILES, given, INPUTS, namedBy)).toThrow(want);
    });
  }

  test('names the folders as the caller says', () => {
    const folders = splitIntoFolders(FILES, { out: 'out', own: { typescript: 'gen' } }, INPUTS, (t) => `output.${t}`);
    expect(folders.map((f) => f.namedBy)).toEqual(['--out', 'output.typescript']);
  });
});

describe('OUTPUT_TARGETS and TARGET_OPTION', () => {
  test('one option per target', () => {
    expect(OUTPUT_TARGETS.map((t) => TARGET_OPTION[t])).toEqual(['--openapi-out', '--ts-out', '--docs-out']);
  });
});

describe('folders are compared by real paths', () => {
  let work: string;
  beforeEach(() => {
    work = tempDir();
    mkdirSync(join(work, 'real'));
    symlinkSync(join(work, 'real'), join(work, 'link'));
    symlinkSync(join(work, 'real', 'ts'), join(work, 'ahead'));
    symlinkSync(join(work, 'loop'), join(work, 'loop'));
  });
  afterEach(() => removeDir(work));

  test.each<[string, OutputLayout, RegExp | undefined]>([
    ['a link to --out is the same folder', { out: 'real', own: { typescript: 'link' } }, /are the same folder \(through a symbolic link\)/],
    [
      'a folder inside a link to --out is inside it',
      { out: 'real', own: { docs: 'link/docs' } },
      /are one inside the other \(through a symbolic link\)/,
    ],
    ['a link to a folder not made yet inside --out', { out: 'real', own: { typescript: 'ahead' } }, /are one inside the other/],
    ['control: a link to a separate folder', { out: 'elsewhere', own: { typescript: 'link' } }, undefined],
    ['control: a link that loops is taken as written', { out: 'real', own: { typescript: 'loop/x' } }, undefined],
  ])('%s', (_, layout, want) => {
    const at = { out: join(work, layout.out), own: Object.fromEntries(Object.entries(layout.own).map(([k, v]) => [k, join(work, v)])) };
    if (want === undefined) expect(() => splitIntoFolders(FILES, at, INPUTS, namedBy)).not.toThrow();
    else expect(() => splitIntoFolders(FILES, at, INPUTS, namedBy)).toThrow(want);
  });

  test('realPathOf: the real path of the deepest folder that exists, then the rest as written', () => {
    const real = realpathSync(join(work, 'real'));
    expect(realPathOf(join(work, 'link', 'not', 'yet'))).toBe(join(real, 'not', 'yet'));
    expect(realPathOf(join(work, 'ahead', 'x'))).toBe(join(real, 'ts', 'x'));
    expect(realPathOf(join(work, 'loop', 'x'))).toBe(join(work, 'loop', 'x'));
    expect(isWithin(join(real, 'ts'), real)).toBe(true);
    expect(isWithin(`${real}-other`, real)).toBe(false);
    expect(isWithin('/anything', '/')).toBe(true);
  });
});
