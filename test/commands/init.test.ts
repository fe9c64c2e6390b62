/** generator/commands/init.ts in-process: runInit writing starter catalogs into a temp folder. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { packageDataFile, runInit, STARTERS } from '../../generator/commands/init.js';
import { UsageError } from '../../generator/commands/shared.js';
import { loadCatalog } from '../../generator/index.js';
import { WriteError } from '../../generator/write/write-error.js';
import { ROOT, writeFile, inTempWorkingFolder } from '../harness/helpers.js';
import type { TestCase } from '../harness/cases.js';
import { runCommand, type Ran } from '../harness/cli.js';

const run = (argv: readonly string[]): Promise<Ran> => runCommand(runInit, argv);

const DATA = join(ROOT, 'data');
const IANA = readFileSync(join(DATA, 'iana.yaml'), 'utf8');
const S3M = readFileSync(join(DATA, 'status-codes.yaml'), 'utf8');
const statusCount = (yaml: string): number => (load(yaml) as { statuses: unknown[] }).statuses.length;

let work: string;
inTempWorkingFolder((dir) => {
  work = dir;
});
describe('runInit', () => {
  const tests: TestCase<string[], { file: string; stdout: string; starter: string; schema: string }>[] = [
    [
      'no options: the IANA registry at the default path, and the plain next command',
      {
        given: ['init'],
        want: {
          file: 'data/status-codes.yaml',
          stdout: `status-catalog: wrote data/status-codes.yaml from the IANA status code registry (${statusCount(IANA)} statuses); edit it, then run: status-catalog generate\n`,
          starter: IANA,
          schema: '<data>/catalog.schema.json',
        },
      },
    ],
    [
      '--from s3m --catalog in a new folder: the S3M table, and the next command names the file',
      {
        given: ['init', '--from', 's3m', '--catalog', 'api/errors.yml'],
        want: {
          file: 'api/errors.yml',
          stdout: `status-catalog: wrote api/errors.yml from the S3M status code table (${statusCount(S3M)} statuses); edit it, then run: status-catalog generate --catalog api/errors.yml\n`,
          starter: S3M,
          schema: '<data>/catalog.schema.json',
        },
      },
    ],
  ];
  test.each(tests)('%s', async (_name, { given, want }) => {
    const result = await run(given);
    expect(result.error).toBeUndefined();
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(want.stdout);
    expect(result.stderr).toBe('');
    const written = readFileSync(join(work, want.file), 'utf8');
    const schema = relative(join(work, want.file, '..'), DATA) + want.schema.slice('<data>'.length);
    // The starter verbatim, but for the schema comment, which now points at the package's schema.
    expect(written.split('\n')[0]).toBe(`# yaml-language-server: $schema=${schema}`);
    expect(written.split('\n').slice(1)).toEqual(want.starter.split('\n').slice(1));
    // Nothing else left beside it (no temporary file).
    expect(readdirSync(join(work, want.file, '..'))).toEqual([want.file.split('/').at(-1)]);
    expect(loadCatalog(join(work, want.file)).data.statuses).toHaveLength(statusCount(want.starter));
  });

  const json: TestCase<string, { starter: string; what: string }>[] = [
    ['.json, from iana', { given: 'iana', want: { starter: IANA, what: 'the IANA status code registry' } }],
    ['.JSON, from s3m', { given: 's3m', want: { starter: S3M, what: 'the S3M status code table' } }],
  ];
  test.each(json)('a %s target gets the same data as JSON, with "$schema" first', async (name, { given, want }) => {
    const file = name.startsWith('.JSON') ? 'c/catalog.JSON' : 'catalog.json';
    const result = await run(['init', '--catalog', file, '--from', given]);
    expect(result.code).toBe(0);
    const data = JSON.parse(readFileSync(join(work, file), 'utf8')) as Record<string, unknown>;
    const { $schema, ...rest } = data;
    expect(Object.keys(data)[0]).toBe('$schema');
    expect($schema).toBe(relative(join(work, file, '..'), join(DATA, 'catalog.schema.json')));
    expect(rest).toEqual(load(want.starter));
    expect(result.stdout).toBe(
      `status-catalog: wrote ${file} from ${want.what} (${statusCount(want.starter)} statuses); edit it, then run: status-catalog generate --catalog ${file}\n`,
    );
  });

  test('never replaces an existing file: a WriteError, the file as it was, no temporary left', async () => {
    writeFile(join(work, 'mine.yaml'), 'service: Mine\n');
    const result = await run(['init', '--catalog', 'mine.yaml']);
    expect(result.error).toBeInstanceOf(WriteError);
    expect((result.error as Error).message).toBe(
      'mine.yaml: exists; init never replaces a catalog (remove it first, or name another file with --catalog)',
    );
    expect(readFileSync(join(work, 'mine.yaml'), 'utf8')).toBe('service: Mine\n');
    expect(readdirSync(work)).toEqual(['mine.yaml']);
    expect(result.stdout).toBe('');
  });

  test('a folder that cannot be made: a WriteError naming the file', async () => {
    writeFile(join(work, 'file'), 'x');
    const result = await run(['init', '--catalog', 'file/sub/catalog.yaml']);
    expect(result.error).toBeInstanceOf(WriteError);
    expect((result.error as Error).message).toMatch(/^file\/sub\/catalog\.yaml: could not create its folder: .*(EEXIST|ENOTDIR)/);
    expect(readdirSync(work)).toEqual(['file']);
  });

  test('a target that is a folder: a WriteError, and nothing left beside it', async () => {
    writeFile(join(work, 'dir', 'keep'), 'x');
    const result = await run(['init', '--catalog', 'dir']);
    expect(result.error).toBeInstanceOf(WriteError);
    expect((result.error as Error).message).toBe(
      'dir: exists; init never replaces a catalog (remove it first, or name another file with --catalog)',
    );
    expect(readdirSync(work)).toEqual(['dir']);
    expect(readdirSync(join(work, 'dir'))).toEqual(['keep']);
  });

  test('a name the system refuses: a WriteError saying it could not write, and nothing left', async () => {
    const name = `${'n'.repeat(300)}.yaml`;
    const result = await run(['init', '--catalog', name]);
    expect(result.error).toBeInstanceOf(WriteError);
    expect((result.error as Error).message).toMatch(new RegExp(`^${name}: could not write: .*ENAMETOOLONG`));
    expect(readdirSync(work)).toEqual([]);
  });

  const failures: TestCase<string[], string>[] = [
    ['an unknown starter', { given: ['init', '--from', 'rfc'], want: '--from: "rfc" is not a starting catalog; choose "iana" or "s3m"' }],
    ['an empty --catalog', { given: ['init', '--catalog', ''], want: '--catalog needs a file' }],
    ['an unexpected argument', { given: ['init', 'catalog.yaml'], want: 'unexpected argument "catalog.yaml"' }],
    ['--strict, which init does not take', { given: ['init', '--strict'], want: "Unknown option '--strict'" }],
  ];
  test.each(failures)('a UsageError on %s, and nothing written', async (_name, { given, want }) => {
    const result = await run(given);
    expect(result.error).toBeInstanceOf(UsageError);
    expect((result.error as Error).message.startsWith(want)).toBe(true);
    expect(readdirSync(work)).toEqual([]);
  });
});

describe('STARTERS and packageDataFile', () => {
  test('every starter is a file the package ships in data/', () => {
    for (const { file } of Object.values(STARTERS)) {
      expect(packageDataFile(file)).toBe(join(DATA, file));
      expect(readFileSync(packageDataFile(file), 'utf8').length).toBeGreaterThan(0);
    }
  });
});
