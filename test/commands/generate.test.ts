/**
 * generator/commands/generate.ts in-process: runGenerate from a small catalog into temp folders.
 * Each test runs in a temp working folder without node_modules, so that the fast path's record
 * (node_modules/.cache, relative to the working folder) is never written into the repository.
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runGenerate } from '../../generator/commands/generate.js';
import { UsageError } from '../../generator/commands/shared.js';
import { CatalogError } from '../../generator/util/diagnostics.js';
import { WriteError } from '../../generator/write/write-error.js';
import { removeDir, ROOT, tempDir, writeFile, inTempWorkingFolder } from '../harness/helpers.js';
import type { TestCase } from '../harness/cases.js';
import { CATALOG_MODULES, RUNTIME_MODULES } from '../../generator/targets/typescript/runtime-sources.js';
import { lines, runCommand, type Ran } from '../harness/cli.js';

const run = (argv: readonly string[]): Promise<Ran> => runCommand(runGenerate, argv);

/** Every file under a folder, as sorted relative paths (none when it does not exist). */
function filesOf(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as { isFile(): boolean; parentPath: string; name: string }[])
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

/** Every file under a folder with its contents. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(filesOf(dir).map((path) => [path, readFileSync(join(dir, path), 'utf8')]));
}

/** What generating the runtime fixture writes. */
const OPENAPI = ['components.json', 'components.oas30.json', 'components.oas30.yaml', 'components.yaml'];
const DOCS = ['error-codes.md', 'errors.html', 'status-codes.md'];
// The runtime modules, the catalog modules and the entry point (no adapters: the fixture lists none).
const TS = [...RUNTIME_MODULES, ...CATALOG_MODULES, 'index.ts'].sort();
const MANIFEST = '.status-catalog.json';
const ALL = [MANIFEST, ...DOCS.map((f) => `docs/${f}`), ...OPENAPI.map((f) => `openapi/${f}`), ...TS.map((f) => `ts/${f}`)].sort();
const WROTE = `status-catalog: wrote ${ALL.length} files to out (RT, 7 statuses, 6 error codes)`;

const CATALOG = readFileSync(join(ROOT, 'test', 'fixtures', 'catalogs', 'runtime.yaml'), 'utf8');

/** A full generation made once, copied into the tests that start from fresh output. */
let fresh: string;
beforeAll(async () => {
  fresh = tempDir();
  const cwd = process.cwd();
  process.chdir(fresh);
  try {
    writeFile(join(fresh, 'catalog.yaml'), CATALOG);
    expect((await run(['generate', '--catalog', 'catalog.yaml', '--out', 'out'])).code).toBe(0);
  } finally {
    process.chdir(cwd);
  }
});
afterAll(() => removeDir(fresh));

let work: string;
inTempWorkingFolder((dir) => {
  work = dir;
  writeFile(join(work, 'catalog.yaml'), CATALOG);
});
const withFreshOutput = (): void => cpSync(join(fresh, 'out'), join(work, 'out'), { recursive: true });

describe('runGenerate writes', () => {
  test('every output into --out, and one line saying what', async () => {
    const result = await run(['generate', '--catalog', 'catalog.yaml', '--out', 'out']);
    expect(result).toEqual({ code: 0, stdout: `${WROTE}\n`, stderr: '', error: undefined });
    expect(filesOf(join(work, 'out'))).toEqual(ALL);
    expect(snapshot(join(work, 'out'))).toEqual(snapshot(join(fresh, 'out')));
    expect(readFileSync(join(work, 'out', 'ts', 'status-codes.ts'), 'utf8')).toContain('"Service Unavailable"');
    // Nothing beside the catalog and the output: no cache without node_modules.
    expect(readdirSync(work).sort()).toEqual(['catalog.yaml', 'out']);
  });

  test('over its own output, with --timings: an edited file restored, and one JSON line of stage times', async () => {
    withFreshOutput();
    writeFileSync(join(work, 'out', 'ts', 'errors.ts'), '// edited by hand\n');
    const result = await run(['generate', '--catalog', 'catalog.yaml', '--out', 'out', '--timings']);
    expect(result.code).toBe(0);
    expect(lines(result.stdout)).toEqual([WROTE]);
    const [timings, ...rest] = lines(result.stderr);
    expect(rest).toEqual([]);
    expect(timings).toMatch(/^timings \{.*\}$/);
    const stages = JSON.parse(timings!.slice('timings '.length)) as Record<string, number>;
    expect(Object.keys(stages)).toEqual(expect.arrayContaining(['load', 'validate', 'write', 'total']));
    expect(Object.values(stages).every((ms) => Number.isInteger(ms) && ms >= 0)).toBe(true);
    expect(snapshot(join(work, 'out'))).toEqual(snapshot(join(fresh, 'out')));
  });

  test('targets in folders of their own: each with its own manifest, and the line names each folder', async () => {
    const flags = ['--ts-out', 'src/generated', '--docs-out', 'docs'];
    const result = await run(['generate', '--catalog', 'catalog.yaml', '--out', 'out', ...flags]);
    expect(result.code).toBe(0);
    expect(lines(result.stdout)).toEqual([
      'status-catalog: wrote 5 files to out, 18 files to src/generated, 4 files to docs (RT, 7 statuses, 6 error codes)',
    ]);
    expect(filesOf(join(work, 'out'))).toEqual([MANIFEST, ...OPENAPI.map((f) => `openapi/${f}`)]);
    expect(filesOf(join(work, 'src', 'generated'))).toEqual([MANIFEST, ...TS].sort());
    expect(filesOf(join(work, 'docs'))).toEqual([MANIFEST, ...DOCS].sort());
    expect(readFileSync(join(work, 'docs', 'status-codes.md'), 'utf8')).toBe(
      readFileSync(join(fresh, 'out', 'docs', 'status-codes.md'), 'utf8'),
    );
    const check = await run(['generate', '--catalog', 'catalog.yaml', '--out', 'out', ...flags, '--check']);
    expect(check.code).toBe(0);
    expect(lines(check.stdout)).toEqual(['status-catalog: out, src/generated, docs are up to date (27 files)']);
  });

  test("the catalog's output section, resolved from the catalog's folder and shown relative to the working folder", async () => {
    writeFile(join(work, 'api', 'catalog.yaml'), `${CATALOG}output:\n  openapi: ../spec/components\n`);
    const result = await run(['generate', '--catalog', 'api/catalog.yaml', '--out', 'out']);
    expect(result.code).toBe(0);
    expect(lines(result.stdout)).toEqual([
      'status-catalog: wrote 21 files to out, 5 files to spec/components (RT, 7 statuses, 6 error codes)',
    ]);
    expect(filesOf(join(work, 'spec', 'components'))).toEqual([MANIFEST, ...OPENAPI].sort());
    // A stale file in the catalog-named folder: --check names it by the catalog's field.
    writeFile(join(work, 'spec', 'components', 'components.json'), '{}');
    const check = await run(['generate', '--catalog', 'api/catalog.yaml', '--out', 'out', '--check']);
    expect(check.code).toBe(1);
    expect(lines(check.stderr)).toEqual([
      'stale: spec/components/components.json',
      'status-catalog: out, spec/components do not match api/catalog.yaml; run status-catalog generate',
    ]);
  });

  const refusals: TestCase<{ catalog?: string; prepare: () => void }, string>[] = [
    [
      'a folder it did not write',
      {
        given: { prepare: () => writeFile(join(work, 'out', 'notes.txt'), 'mine\n') },
        want: `out: refusing to replace a folder that status-catalog did not write (it has files and no valid ${MANIFEST}); choose another output folder or empty it`,
      },
    ],
    [
      'its own output with a file of someone else in it',
      {
        given: {
          prepare: () => {
            withFreshOutput();
            writeFile(join(work, 'out', 'ts', 'mine.ts'), '// mine\n');
          },
        },
        want: `out: refusing to replace it: 1 file there is not status-catalog's ("ts/mine.ts"); move it out or choose another output folder`,
      },
    ],
    [
      'a file where the folder goes',
      { given: { prepare: () => writeFile(join(work, 'out'), 'x') }, want: 'out: exists and is not a folder' },
    ],
    [
      'a folder that holds the catalog it reads',
      {
        given: { catalog: 'out/catalog.yaml', prepare: () => writeFile(join(work, 'out', 'catalog.yaml'), CATALOG) },
        want: 'out: refusing to write over a folder that holds the catalog out/catalog.yaml; choose another output folder',
      },
    ],
  ];
  test.each(refusals)('%s: a WriteError, and everything as it was', async (_name, { given, want }) => {
    given.prepare();
    const before = snapshot(work);
    const result = await run(['generate', '--catalog', given.catalog ?? 'catalog.yaml', '--out', 'out']);
    expect(result.error).toBeInstanceOf(WriteError);
    expect((result.error as Error).message).toBe(want);
    expect(result.stdout).toBe('');
    expect(snapshot(work)).toEqual(before);
  });

  test('catalog warnings: printed, and under --strict nothing is written', async () => {
    const warns = CATALOG.replace(/^errors:\n/m, 'errors:\n  - code: RT.0099\n    status: 200\n    message: Odd but fine.\n');
    expect(warns).not.toBe(CATALOG);
    writeFile(join(work, 'warns.yaml'), warns);
    const strict = await run(['generate', '--catalog', 'warns.yaml', '--out', 'out', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe('');
    expect(lines(strict.stderr)).toEqual([
      expect.stringMatching(/^warns\.yaml:\d+:\d+: warning: errors\[0\]\.status: error code RT\.0099 on the non-error status 200$/),
      'status-catalog: 1 warning(s) and --strict: nothing done',
    ]);
    expect(existsSync(join(work, 'out'))).toBe(false);
    // --strict --check never takes the fast path, and stops at the warning too.
    const check = await run(['generate', '--catalog', 'warns.yaml', '--out', 'out', '--strict', '--check']);
    expect(check.code).toBe(1);
    expect(lines(check.stderr)).toEqual(lines(strict.stderr));
  });
});

/** Each file's and folder's inode and modification time under `dir`: what a write would change. */
function stamps(dir: string): Record<string, string> {
  const entries: Record<string, string> = {};
  const walk = (path: string): void => {
    const stat = statSync(path, { bigint: true });
    entries[path.slice(work.length)] = `${stat.ino}:${stat.mtimeNs}`;
    if (stat.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  walk(dir);
  return entries;
}

const FROM_RECORD = 'status-catalog: out is up to date (hashes match the last full generation)';

describe('runGenerate with nothing to do', () => {
  test('output that holds what generating writes is left untouched, and said to be up to date', async () => {
    withFreshOutput();
    const before = stamps(join(work, 'out'));
    const result = await run(['generate', '--catalog', 'catalog.yaml', '--out', 'out']);
    expect(result).toEqual({ code: 0, stdout: 'status-catalog: out is up to date (25 files)\n', stderr: '', error: undefined });
    expect(stamps(join(work, 'out'))).toEqual(before);
  });

  test('--force writes it all the same', async () => {
    withFreshOutput();
    const before = stamps(join(work, 'out'));
    const result = await run(['generate', '--catalog', 'catalog.yaml', '--out', 'out', '--force']);
    expect(lines(result.stdout)).toEqual([WROTE]);
    expect(stamps(join(work, 'out'))).not.toEqual(before);
    expect(snapshot(join(work, 'out'))).toEqual(snapshot(join(fresh, 'out')));
  });

  test('of several folders, only those that differ are written', async () => {
    const flags = ['--ts-out', 'src/generated', '--docs-out', 'docs'];
    expect((await run(['generate', '--catalog', 'catalog.yaml', '--out', 'out', ...flags])).code).toBe(0);
    writeFileSync(join(work, 'src', 'generated', 'errors.ts'), '// edited\n');
    const before = { out: stamps(join(work, 'out')), docs: stamps(join(work, 'docs')) };
    const result = await run(['generate', '--catalog', 'catalog.yaml', '--out', 'out', ...flags]);
    expect(lines(result.stdout)).toEqual([
      'status-catalog: wrote 18 files to src/generated (RT, 7 statuses, 6 error codes); out, docs up to date',
    ]);
    expect({ out: stamps(join(work, 'out')), docs: stamps(join(work, 'docs')) }).toEqual(before);
    expect(readFileSync(join(work, 'src', 'generated', 'errors.ts'), 'utf8')).toBe(
      readFileSync(join(fresh, 'out', 'ts', 'errors.ts'), 'utf8'),
    );
  });

  describe('with node_modules in the working folder: the record answers', () => {
    const args = ['generate', '--catalog', 'catalog.yaml', '--out', 'out'];
    test('after a full generation, nothing is generated or written, whatever the flags', async () => {
      mkdirSync(join(work, 'node_modules'));
      expect(lines((await run(args)).stdout)).toEqual([WROTE]);
      const before = stamps(join(work, 'out'));
      expect(await run(args)).toEqual({ code: 0, stdout: `${FROM_RECORD}\n`, stderr: '', error: undefined });
      expect(await run([...args, '--strict'])).toEqual({ code: 0, stdout: `${FROM_RECORD}\n`, stderr: '', error: undefined });
      const timed = await run([...args, '--timings']);
      expect(lines(timed.stdout)).toEqual([FROM_RECORD]);
      expect(lines(timed.stderr)).toEqual([expect.stringMatching(/^timings \{"freshness":\d+,"total":\d+\}$/)]);
      expect(stamps(join(work, 'out'))).toEqual(before);
    });

    test('for targets in folders of their own too', async () => {
      mkdirSync(join(work, 'node_modules'));
      const flags = [...args, '--ts-out', 'src/generated'];
      expect((await run(flags)).code).toBe(0);
      expect(lines((await run(flags)).stdout)).toEqual([
        'status-catalog: out, src/generated are up to date (hashes match the last full generation)',
      ]);
      // The same catalog into one folder is another run, with a record of its own.
      expect(lines((await run(args)).stdout)).toEqual([WROTE]);
    });

    const changes: TestCase<() => void, { line: string; title: string }>[] = [
      [
        'an output file edited by hand',
        {
          given: () => writeFileSync(join(work, 'out', 'ts', 'errors.ts'), '// edited\n'),
          want: { line: WROTE, title: 'Runtime test catalog' },
        },
      ],
      [
        'an output file deleted',
        { given: () => rmSync(join(work, 'out', 'docs', 'error-codes.md')), want: { line: WROTE, title: 'Runtime test catalog' } },
      ],
      [
        'the catalog edited',
        {
          given: () => writeFile(join(work, 'catalog.yaml'), CATALOG.replace('title: Runtime test catalog', 'title: Renamed')),
          want: { line: WROTE, title: 'Renamed' },
        },
      ],
      [
        'the record gone',
        {
          given: () => removeDir(join(work, 'node_modules', '.cache')),
          want: { line: 'status-catalog: out is up to date (25 files)', title: 'Runtime test catalog' },
        },
      ],
    ];
    test.each(changes)('not once %s: the full generation runs', async (_name, { given, want }) => {
      mkdirSync(join(work, 'node_modules'));
      expect((await run(args)).code).toBe(0);
      given();
      expect(lines((await run(args)).stdout)).toEqual([want.line]);
      expect(lines((await run(args)).stdout)).toEqual([FROM_RECORD]);
      expect(filesOf(join(work, 'out'))).toEqual(ALL);
      expect(readFileSync(join(work, 'out', 'docs', 'status-codes.md'), 'utf8')).toContain(`# ${want.title}\n`);
    });

    test("the catalog's warnings are printed again; --strict stops at them, never answered from the record", async () => {
      mkdirSync(join(work, 'node_modules'));
      const warns = CATALOG.replace(/^errors:\n/m, 'errors:\n  - code: RT.0099\n    status: 200\n    message: Odd but fine.\n');
      writeFile(join(work, 'warns.yaml'), warns);
      const warnsArgs = ['generate', '--catalog', 'warns.yaml', '--out', 'out'];
      const first = await run(warnsArgs);
      expect(first.code).toBe(0);
      const [warning, ...more] = lines(first.stderr);
      expect(more).toEqual([]);
      expect(warning).toMatch(/^warns\.yaml:\d+:\d+: warning: errors\[0\]\.status: error code RT\.0099 on the non-error status 200$/);
      const again = await run(warnsArgs);
      expect({ stdout: lines(again.stdout), stderr: lines(again.stderr) }).toEqual({ stdout: [FROM_RECORD], stderr: [warning] });
      const strict = await run([...warnsArgs, '--strict']);
      expect(strict.code).toBe(1);
      expect(lines(strict.stderr)).toEqual([warning, 'status-catalog: 1 warning(s) and --strict: nothing done']);
    });
  });
});

describe('runGenerate --check', () => {
  const missing = ALL.map((path) => `missing: none/${path}`);
  const tests: TestCase<{ out: string; edit: () => void }, { code: number; stdout: string[]; stderr: string[] }>[] = [
    [
      'fresh output: up to date, counted',
      {
        given: { out: 'out', edit: withFreshOutput },
        want: { code: 0, stdout: ['status-catalog: out is up to date (25 files)'], stderr: [] },
      },
    ],
    [
      'a stale, a missing and an extra file: each named, then what to run',
      {
        given: {
          out: 'out',
          edit: () => {
            withFreshOutput();
            writeFileSync(join(work, 'out', 'ts', 'errors.ts'), '// edited\n');
            rmSync(join(work, 'out', 'docs', 'error-codes.md'));
            writeFile(join(work, 'out', 'openapi', 'extra.yaml'), 'x: 1\n');
          },
        },
        want: {
          code: 1,
          stdout: [],
          stderr: [
            'stale: out/ts/errors.ts',
            'missing: out/docs/error-codes.md',
            'extra: out/openapi/extra.yaml',
            'status-catalog: out does not match catalog.yaml; run status-catalog generate',
          ],
        },
      },
    ],
    [
      'no folder yet: every file missing',
      {
        given: { out: 'none', edit: () => {} },
        want: {
          code: 1,
          stdout: [],
          stderr: [...missing, 'status-catalog: none does not match catalog.yaml; run status-catalog generate'],
        },
      },
    ],
    [
      'a folder of other files: not an output to check against',
      {
        given: { out: 'mine', edit: () => writeFile(join(work, 'mine', 'notes.txt'), 'mine\n') },
        want: {
          code: 1,
          stdout: [],
          stderr: [
            `status-catalog: mine (--out) is not an output of status-catalog (it has files and no valid ${MANIFEST}); nothing to check against`,
            'status-catalog: mine does not match catalog.yaml; run status-catalog generate',
          ],
        },
      },
    ],
    [
      'a broken manifest: not an output either',
      {
        given: {
          out: 'out',
          edit: () => {
            withFreshOutput();
            writeFileSync(join(work, 'out', MANIFEST), '{not json');
          },
        },
        want: {
          code: 1,
          stdout: [],
          stderr: [
            `status-catalog: out (--out) is not an output of status-catalog (it has files and no valid ${MANIFEST}); nothing to check against`,
            'status-catalog: out does not match catalog.yaml; run status-catalog generate',
          ],
        },
      },
    ],
    [
      'a manifest that is a FIFO: not an output, and never waited on',
      {
        given: {
          out: 'out',
          edit: () => {
            withFreshOutput();
            rmSync(join(work, 'out', MANIFEST));
            execFileSync('mkfifo', [join(work, 'out', MANIFEST)]);
          },
        },
        want: {
          code: 1,
          stdout: [],
          stderr: [
            `status-catalog: out (--out) is not an output of status-catalog (it has files and no valid ${MANIFEST}); nothing to check against`,
            'status-catalog: out does not match catalog.yaml; run status-catalog generate',
          ],
        },
      },
    ],
    [
      'a folder whose name holds a bidi control: shown escaped',
      {
        given: { out: 'mine\u202Etxt', edit: () => writeFile(join(work, 'mine\u202Etxt', 'notes.txt'), 'mine\n') },
        want: {
          code: 1,
          stdout: [],
          stderr: [
            `status-catalog: mine\\u202etxt (--out) is not an output of status-catalog (it has files and no valid ${MANIFEST}); nothing to check against`,
            'status-catalog: mine\\u202etxt does not match catalog.yaml; run status-catalog generate',
          ],
        },
      },
    ],
  ];
  test.each(tests)('%s', async (_name, { given, want }) => {
    given.edit();
    const before = snapshot(work);
    const result = await run(['generate', '--catalog', 'catalog.yaml', '--out', given.out, '--check']);
    expect(result.error).toBeUndefined();
    expect({ code: result.code, stdout: lines(result.stdout), stderr: lines(result.stderr) }).toEqual(want);
    // --check writes nothing.
    expect(snapshot(work)).toEqual(before);
  });

  test('with node_modules in the working folder: a full generation is recorded, and the next check answers from its hashes', async () => {
    mkdirSync(join(work, 'node_modules'));
    expect((await run(['generate', '--catalog', 'catalog.yaml', '--out', 'out'])).code).toBe(0);
    expect(readdirSync(join(work, 'node_modules', '.cache', 'status-catalog'))).toHaveLength(1);
    const result = await run(['generate', '--catalog', 'catalog.yaml', '--out', 'out', '--check']);
    expect(result).toEqual({
      code: 0,
      stdout: 'status-catalog: out is up to date (hashes match the last full generation)\n',
      stderr: '',
      error: undefined,
    });
    // An edited output is not vouched for: the full check finds it.
    writeFileSync(join(work, 'out', 'ts', 'errors.ts'), '// edited\n');
    const stale = await run(['generate', '--catalog', 'catalog.yaml', '--out', 'out', '--check']);
    expect(stale.code).toBe(1);
    expect(lines(stale.stderr)[0]).toBe('stale: out/ts/errors.ts');
  });
});

describe('runGenerate refuses', () => {
  const usage: TestCase<string[], string>[] = [
    ['an unexpected argument', { given: ['generate', 'extra'], want: 'unexpected argument "extra"' }],
    ['an empty --out', { given: ['generate', '--catalog', 'catalog.yaml', '--out', ''], want: '--out needs a folder' }],
    ['an empty --ts-out', { given: ['generate', '--catalog', 'catalog.yaml', '--ts-out', ''], want: '--ts-out needs a folder' }],
    ['an empty --openapi-out', { given: ['generate', '--openapi-out', ''], want: '--openapi-out needs a folder' }],
    ['an empty --docs-out', { given: ['generate', '--docs-out', ''], want: '--docs-out needs a folder' }],
    ['an empty --catalog', { given: ['generate', '--catalog', ''], want: '--catalog needs a file' }],
    ['an unknown option', { given: ['generate', '--json'], want: "Unknown option '--json'" }],
    ['a missing option value', { given: ['generate', '--out'], want: "Option '--out <value>' argument missing" }],
    [
      '--watch with --check',
      { given: ['generate', '--catalog', 'catalog.yaml', '--watch', '--check'], want: '--watch and --check cannot be combined' },
    ],
  ];
  test.each(usage)('a UsageError on %s', async (_name, { given, want }) => {
    const result = await run(given);
    expect(result.error).toBeInstanceOf(UsageError);
    expect((result.error as Error).message.startsWith(want)).toBe(true);
    expect(readdirSync(work)).toEqual(['catalog.yaml']);
  });

  const invalid: TestCase<string[], string>[] = [
    [
      'a missing catalog',
      {
        given: ['generate', '--catalog', 'gone.yaml', '--out', 'out'],
        want: 'gone.yaml: (catalog): cannot read catalog: no such file; create it with "status-catalog init --catalog gone.yaml"',
      },
    ],
    [
      'no catalog at the default path',
      {
        given: ['generate', '--out', 'out'],
        want: 'data/status-codes.yaml: (catalog): cannot read catalog: no such file; create one with "status-catalog init", or name yours with --catalog FILE',
      },
    ],
  ];
  test.each(invalid)('a CatalogError on %s, and nothing written', async (_name, { given, want }) => {
    const result = await run(given);
    expect(result.error).toBeInstanceOf(CatalogError);
    expect((result.error as Error).message).toBe(want);
    expect(readdirSync(work)).toEqual(['catalog.yaml']);
  });

  // <dir> stands for the working folder, made for each test.
  const unreadable: TestCase<() => void, string>[] = [
    [
      'a catalog that is a FIFO',
      {
        given: () => execFileSync('mkfifo', [join(work, 'pipe.yaml')]),
        want: 'pipe.yaml: (catalog): cannot read catalog: is not a regular file (a pipe)',
      },
    ],
    [
      'a catalog that is a symlink to /dev/zero',
      {
        given: () => symlinkSync('/dev/zero', join(work, 'pipe.yaml')),
        want: 'pipe.yaml: (catalog): cannot read catalog: is not a regular file (a device)',
      },
    ],
    [
      'a catalog that is a folder',
      { given: () => mkdirSync(join(work, 'pipe.yaml')), want: 'pipe.yaml: (catalog): cannot read catalog: is a folder' },
    ],
    [
      'a base it extends that is a symlink to /dev/zero',
      {
        given: () => {
          writeFileSync(join(work, 'pipe.yaml'), `extends: zero.yaml\n${CATALOG}`);
          symlinkSync('/dev/zero', join(work, 'zero.yaml'));
        },
        want: 'pipe.yaml:1:10: extends: <dir>/zero.yaml: cannot read catalog: is not a regular file (a device)',
      },
    ],
    [
      'a base it extends that is a FIFO',
      {
        given: () => {
          writeFileSync(join(work, 'pipe.yaml'), `extends: fifo.yaml\n${CATALOG}`);
          execFileSync('mkfifo', [join(work, 'fifo.yaml')]);
        },
        want: 'pipe.yaml:1:10: extends: <dir>/fifo.yaml: cannot read catalog: is not a regular file (a pipe)',
      },
    ],
  ];
  test.each(unreadable)('a one-line CatalogError, at once, on %s', async (_name, { given, want }) => {
    given();
    const result = await run(['generate', '--catalog', 'pipe.yaml', '--out', 'out']);
    expect(result.error).toBeInstanceOf(CatalogError);
    expect((result.error as Error).message).toBe(want.replace('<dir>', work));
    expect(existsSync(join(work, 'out'))).toBe(false);
  });

  test('an invalid catalog: its located problems, and the previous output left as it was', async () => {
    withFreshOutput();
    copyFileSync(join(ROOT, 'test', 'fixtures', 'malformed', 'duplicate-status.yaml'), join(work, 'bad.yaml'));
    const result = await run(['generate', '--catalog', 'bad.yaml', '--out', 'out']);
    expect(result.error).toBeInstanceOf(CatalogError);
    const diagnostics = (result.error as CatalogError).diagnostics;
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => d.file === 'bad.yaml' && d.line > 0)).toBe(true);
    expect(snapshot(join(work, 'out'))).toEqual(snapshot(join(fresh, 'out')));
  });

  test('the default catalog and output folder are relative to the working folder', async () => {
    writeFile(join(work, 'data', 'status-codes.yaml'), CATALOG);
    const result = await run(['generate']);
    expect(result.code).toBe(0);
    expect(lines(result.stdout)).toEqual(['status-catalog: wrote 25 files to output (RT, 7 statuses, 6 error codes)']);
    expect(filesOf(join(work, 'output'))).toEqual(ALL);
  });
});
