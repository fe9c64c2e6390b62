/**
 * generator/write/freshness.ts: the fast path of `--check`, on real files. Each test runs in a temp
 * folder of its own (the cache lives under the current folder's node_modules/.cache).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { GeneratedFile } from '../../generator/targets/target.js';
import { catalogChainFiles, freshOutput, recordGeneratedOutput, type Invocation } from '../../generator/write/freshness.js';
import { catalogName } from '../../generator/util/catalog-name.js';
import { sha256 } from '../../generator/util/hash.js';
import { emitManifest, MANIFEST_PATH } from '../../generator/write/manifest.js';
import { GENERATOR_VERSION, generatorFingerprint } from '../../generator/util/version.js';
import { removeDir, tempDir, writeFile } from '../harness/helpers.js';
import type { TestCase } from '../harness/cases.js';

const OUTPUTS: GeneratedFile[] = [
  { path: 'openapi/components.yaml', contents: 'openapi: 3.1.0\n' },
  { path: 'ts/index.ts', contents: 'export {};\n' },
];

let work: string;
let home: string;
beforeEach(() => {
  home = process.cwd();
  work = tempDir();
  mkdirSync(join(work, 'node_modules'));
  process.chdir(work);
});
afterEach(() => {
  process.chdir(home);
  removeDir(work);
});

/** The files a full generation from `catalogTexts` (the most basic first, the catalog itself last) writes. */
function generated(catalog: string, catalogTexts: readonly string[], outputs = OUTPUTS): GeneratedFile[] {
  const inputs = {
    generatorVersion: GENERATOR_VERSION,
    generatorFingerprint: generatorFingerprint(),
    catalog: catalogName(catalog),
    catalogFiles: catalogTexts.map(sha256),
  };
  return [...outputs, emitManifest(outputs, inputs)];
}

/** The run of `generate --catalog <catalog> --out <out>`. */
const run = (catalog: string, out = join(work, 'out')): Invocation => ({ catalogPath: catalog, out, flags: {} });

/** Records `files` as what a full generation of `catalog` wrote into the folder `out`. */
function record(catalog: string, files: readonly GeneratedFile[], out = join(work, 'out')): void {
  recordGeneratedOutput(run(catalog, out), [{ dir: out, files }]);
}

/** Whether the fast path vouches for `out` as generated from `catalog`. */
function looksFresh(catalog: string, out: string): boolean {
  return freshOutput(run(catalog, out)) !== undefined;
}

function writeOut(dir: string, files: readonly GeneratedFile[]): string {
  for (const file of files) writeFile(join(dir, file.path), file.contents);
  return dir;
}

const CATALOG = 'service: Shop\n';

describe('freshOutput after recordGeneratedOutput', () => {
  const tests: TestCase<(out: string, catalog: string) => void, boolean>[] = [
    ['the output as generated: fresh', { given: () => {}, want: true }],
    ['a file edited: not fresh', { given: (out) => writeFile(join(out, 'ts/index.ts'), 'export const x = 1;\n'), want: false }],
    ['the manifest edited: not fresh', { given: (out) => writeFile(join(out, MANIFEST_PATH), '{}\n'), want: false }],
    ['a file added: not fresh', { given: (out) => writeFile(join(out, 'ts/extra.ts'), ''), want: false }],
    ['a file gone: not fresh', { given: (out) => rmSync(join(out, 'ts/index.ts')), want: false }],
    ['the catalog edited: not fresh', { given: (_, catalog) => writeFile(catalog, 'service: Store\n'), want: false }],
    [
      'a file replaced by a symlink to the same contents: not fresh',
      {
        given: (out) => {
          const real = writeFile(join(work, 'elsewhere.ts'), 'export {};\n');
          rmSync(join(out, 'ts/index.ts'));
          symlinkSync(real, join(out, 'ts/index.ts'));
        },
        want: false,
      },
    ],
    ['the output folder gone: not fresh', { given: (out) => removeDir(out), want: false }],
    [
      'a file replaced by a FIFO: not fresh, never waited on',
      {
        given: (out) => {
          rmSync(join(out, 'ts/index.ts'));
          execFileSync('mkfifo', [join(out, 'ts/index.ts')]);
        },
        want: false,
      },
    ],
    [
      'a file grown to 3 GB (sparse): not fresh, not read',
      { given: (out) => truncateSync(join(out, 'ts/index.ts'), 3 * 1024 ** 3), want: false },
    ],
    [
      'the record replaced by a FIFO: not fresh, never waited on',
      {
        given: () => {
          const cache = join(work, 'node_modules', '.cache', 'status-catalog');
          const [record] = readdirSync(cache);
          rmSync(join(cache, record!));
          execFileSync('mkfifo', [join(cache, record!)]);
        },
        want: false,
      },
    ],
    [
      'the record replaced by a symlink to a copy of it: not fresh (the generator writes no links)',
      {
        given: () => {
          const cache = join(work, 'node_modules', '.cache', 'status-catalog');
          const [record] = readdirSync(cache);
          renameSync(join(cache, record!), join(work, 'copy.json'));
          symlinkSync(join(work, 'copy.json'), join(cache, record!));
        },
        want: false,
      },
    ],
    [
      'the record in an older form (hashes without sizes): not fresh',
      {
        given: (out) => {
          const cache = join(work, 'node_modules', '.cache', 'status-catalog');
          const [record] = readdirSync(cache);
          const paths = readdirSync(out, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
          writeFileSync(join(cache, record!), JSON.stringify(Object.fromEntries(paths.map((entry) => [entry.name, 'sha256-x']))));
        },
        want: false,
      },
    ],
    [
      'the catalog replaced by a FIFO: not fresh, never waited on',
      {
        given: (_, catalog) => {
          rmSync(catalog);
          execFileSync('mkfifo', [catalog]);
        },
        want: false,
      },
    ],
    ['the cache gone: not fresh', { given: () => removeDir(join(work, 'node_modules', '.cache')), want: false }],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      const catalog = writeFile(join(work, 'shop.yaml'), CATALOG);
      const files = generated(catalog, [CATALOG]);
      record(catalog, files);
      const out = writeOut(join(work, 'out'), files);
      given(out, catalog);
      expect(looksFresh(catalog, out)).toBe(want);
    });
  }

  test('the record sits under node_modules/.cache of the current folder', () => {
    const catalog = writeFile(join(work, 'shop.yaml'), CATALOG);
    const out = writeOut(join(work, 'out'), generated(catalog, [CATALOG]));
    expect(looksFresh(catalog, out)).toBe(false);
    record(catalog, generated(catalog, [CATALOG]));
    expect(looksFresh(catalog, out)).toBe(true);
    process.chdir(home);
    expect(looksFresh(catalog, out)).toBe(false);
  });

  test('output recorded by another generator (the fingerprint of its code, which covers its version): not fresh', () => {
    const catalog = writeFile(join(work, 'shop.yaml'), CATALOG);
    const inputs = {
      generatorVersion: GENERATOR_VERSION,
      generatorFingerprint: generatorFingerprint(),
      catalog: catalogName(catalog),
      catalogFiles: [sha256(CATALOG)],
    };
    for (const other of [
      { ...inputs, generatorFingerprint: 'sha256-another' },
      { ...inputs, generatorFingerprint: `${inputs.generatorFingerprint}x` },
    ]) {
      const files = [...OUTPUTS, emitManifest(OUTPUTS, other)];
      record(catalog, files);
      expect(looksFresh(catalog, writeOut(join(work, 'out'), files))).toBe(false);
    }
    const files = [...OUTPUTS, emitManifest(OUTPUTS, inputs)];
    record(catalog, files);
    expect(looksFresh(catalog, writeOut(join(work, 'out'), files))).toBe(true);
  });

  test('output of another catalog name is not fresh', () => {
    const catalog = writeFile(join(work, 'shop.yaml'), CATALOG);
    const other = writeFile(join(work, 'store.yaml'), CATALOG);
    const files = generated(catalog, [CATALOG]);
    record(catalog, files);
    expect(looksFresh(other, writeOut(join(work, 'out'), files))).toBe(false);
  });
});

describe('recordGeneratedOutput records nothing', () => {
  const tests: TestCase<(files: GeneratedFile[]) => GeneratedFile[], string>[] = [
    ['without a manifest', { given: (files) => files.filter((f) => f.path !== MANIFEST_PATH), want: 'no manifest' }],
    [
      'with a manifest that is not one',
      { given: (files) => files.map((f) => (f.path === MANIFEST_PATH ? { ...f, contents: '{"generator":"other"}' } : f)), want: 'foreign' },
    ],
    [
      'without node_modules',
      {
        given: (files) => {
          removeDir(join(work, 'node_modules'));
          return files;
        },
        want: 'no node_modules',
      },
    ],
  ];
  for (const [name, { given, want }] of tests) {
    test(`${name} (${want})`, () => {
      const catalog = writeFile(join(work, 'shop.yaml'), CATALOG);
      const files = generated(catalog, [CATALOG]);
      record(catalog, given(files));
      mkdirSync(join(work, 'node_modules'), { recursive: true });
      expect(looksFresh(catalog, writeOut(join(work, 'out'), files))).toBe(false);
    });
  }

  test('and does not throw where it cannot write', () => {
    writeFile(join(work, 'node_modules', '.cache'), 'a file, not a folder');
    const catalog = writeFile(join(work, 'shop.yaml'), CATALOG);
    expect(() => record(catalog, generated(catalog, [CATALOG]))).not.toThrow();
  });
});

describe('the catalogs a catalog extends are inputs too', () => {
  const tests: TestCase<{ file: string; text: string; base: string }, boolean>[] = [
    [
      'YAML, plain',
      { given: { file: 'shop.yaml', text: 'extends: base/common.yaml\nservice: Shop\n', base: 'base/common.yaml' }, want: true },
    ],
    [
      'YAML, double-quoted, with a comment',
      {
        given: { file: 'shop.yaml', text: 'service: Shop\nextends: "base/common.yaml"  # shared\n', base: 'base/common.yaml' },
        want: true,
      },
    ],
    ['YAML, single-quoted', { given: { file: 'shop.yaml', text: "extends: 'base/common.yaml'\n", base: 'base/common.yaml' }, want: true }],
    [
      'JSON',
      {
        given: { file: 'shop.json', text: '{\n  "service": "Shop",\n  "extends": "base/common.json"\n}\n', base: 'base/common.json' },
        want: true,
      },
    ],
    [
      'an indented extends is not the top-level one',
      { given: { file: 'shop.yaml', text: 'x:\n  extends: base/common.yaml\n', base: 'base/common.yaml' }, want: false },
    ],
  ];
  for (const [name, { given, want }] of tests) {
    test(`${name}: a change to the base makes the output stale`, () => {
      const baseText = 'service: Base\n';
      const base = writeFile(join(work, given.base), baseText);
      const catalog = writeFile(join(work, given.file), given.text);
      const files = generated(catalog, want ? [baseText, given.text] : [given.text]);
      record(catalog, files);
      const out = writeOut(join(work, 'out'), files);
      expect(looksFresh(catalog, out)).toBe(true);
      writeFile(base, 'service: Changed\n');
      expect(looksFresh(catalog, out)).toBe(!want);
    });
  }

  test('a chain that loops stops after the longest chain allowed', () => {
    const a = 'extends: b.yaml\n';
    const b = 'extends: a.yaml\n';
    const catalog = writeFile(join(work, 'a.yaml'), a);
    writeFile(join(work, 'b.yaml'), b);
    // Eight files read, the first last: a b a b a b a b, so the most basic first is b.
    const files = generated(catalog, [b, a, b, a, b, a, b, a]);
    record(catalog, files);
    expect(looksFresh(catalog, writeOut(join(work, 'out'), files))).toBe(true);
  });

  test('a base that goes missing, or becomes a folder: not fresh', () => {
    const base = writeFile(join(work, 'base.yaml'), 'service: Base\n');
    const catalog = writeFile(join(work, 'shop.yaml'), 'extends: base.yaml\n');
    const files = generated(catalog, ['service: Base\n', 'extends: base.yaml\n']);
    record(catalog, files);
    const out = writeOut(join(work, 'out'), files);
    expect(looksFresh(catalog, out)).toBe(true);
    rmSync(base);
    expect(looksFresh(catalog, out)).toBe(false);
    mkdirSync(base);
    expect(looksFresh(catalog, out)).toBe(false);
  });
});

describe('a record answers for its own run only', () => {
  test('the same output in another --out, or with a target in a folder of its own: no answer', () => {
    const catalog = writeFile(join(work, 'shop.yaml'), CATALOG);
    const files = generated(catalog, [CATALOG]);
    record(catalog, files);
    writeOut(join(work, 'out'), files);
    const copy = writeOut(join(work, 'copy'), files);
    expect(looksFresh(catalog, join(work, 'out'))).toBe(true);
    expect(looksFresh(catalog, copy)).toBe(false);
    expect(freshOutput({ catalogPath: catalog, out: join(work, 'out'), flags: { docs: 'docs' } })).toBeUndefined();
  });

  test("the catalog's warnings come back with the answer", () => {
    const catalog = writeFile(join(work, 'shop.yaml'), CATALOG);
    const files = generated(catalog, [CATALOG]);
    const warnings = ['shop.yaml:3:5: warning: statuses[0].status: 306 is reserved'];
    recordGeneratedOutput(run(catalog), [{ dir: join(work, 'out'), files }], warnings);
    writeOut(join(work, 'out'), files);
    expect(freshOutput(run(catalog))).toEqual({ folders: [join(work, 'out')], warnings });
  });

  test('several folders: fresh while each holds its files, not once one is edited', () => {
    const catalog = writeFile(join(work, 'shop.yaml'), CATALOG);
    const [openapi, ts] = OUTPUTS.map((file) =>
      generated(catalog, [CATALOG], [{ path: file.path.split('/')[1]!, contents: file.contents }]),
    );
    const invocation: Invocation = { catalogPath: catalog, out: join(work, 'out'), flags: { typescript: join(work, 'src') } };
    recordGeneratedOutput(invocation, [
      { dir: join(work, 'out'), files: openapi! },
      { dir: join(work, 'src'), files: ts! },
    ]);
    writeOut(join(work, 'out'), openapi!);
    writeOut(join(work, 'src'), ts!);
    expect(freshOutput(invocation)?.folders).toEqual([join(work, 'out'), join(work, 'src')]);
    writeFile(join(work, 'src', 'index.ts'), 'export const edited = 1;\n');
    expect(freshOutput(invocation)).toBeUndefined();
  });

  test('each full generation replaces the record of its run: one file, whatever the catalog was', () => {
    const catalog = writeFile(join(work, 'shop.yaml'), CATALOG);
    for (const text of ['service: A\n', 'service: B\n', CATALOG]) {
      writeFile(catalog, text);
      record(catalog, generated(catalog, [text]));
    }
    expect(readdirSync(join(work, 'node_modules', '.cache', 'status-catalog'))).toHaveLength(1);
    writeOut(join(work, 'out'), generated(catalog, [CATALOG]));
    expect(looksFresh(catalog, join(work, 'out'))).toBe(true);
  });

  test('folders from manifests of different inputs are not recorded', () => {
    const catalog = writeFile(join(work, 'shop.yaml'), CATALOG);
    recordGeneratedOutput(run(catalog), [
      { dir: join(work, 'out'), files: generated(catalog, [CATALOG]) },
      { dir: join(work, 'src'), files: generated(catalog, ['service: Other\n']) },
    ]);
    expect(existsSync(join(work, 'node_modules', '.cache', 'status-catalog'))).toBe(false);
  });
});

describe('catalogChainFiles', () => {
  test('the catalog, then each base it names, the last one even before it exists', () => {
    const catalog = writeFile(join(work, 'api', 'shop.yaml'), 'extends: ../base/common.yaml\nservice: Shop\n');
    writeFile(join(work, 'base', 'common.yaml'), 'extends: "later/root.yaml"\n');
    expect(catalogChainFiles(catalog)).toEqual([catalog, join(work, 'base', 'common.yaml'), join(work, 'base', 'later', 'root.yaml')]);
  });

  test('a chain that loops lists each file once', () => {
    const catalog = writeFile(join(work, 'a.yaml'), 'extends: b.yaml\n');
    writeFile(join(work, 'b.yaml'), 'extends: a.yaml\n');
    expect(catalogChainFiles(catalog)).toEqual([catalog, join(work, 'b.yaml')]);
  });
});
