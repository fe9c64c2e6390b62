/** generator/commands/merge.ts in-process: runMerge on real spec and catalog files in a temp folder. */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { runMerge, shellQuote } from '../../generator/commands/merge.js';
import { displayPath } from '../../generator/util/display-path.js';
import { UsageError } from '../../generator/commands/shared.js';
import { CatalogError } from '../../generator/util/diagnostics.js';
import { WriteError } from '../../generator/write/write-error.js';
import { MAX_SPEC_BYTES } from '../../generator/util/limits.js';
import { ROOT, writeFile, inTempWorkingFolder } from '../harness/helpers.js';
import type { TestCase } from '../harness/cases.js';
import { lines, runCommand, type Ran } from '../harness/cli.js';

const run = (argv: readonly string[]): Promise<Ran> => runCommand(runMerge, argv);
const read = (name: string): string => readFileSync(join(work, name), 'utf8');

const SPECS = join(ROOT, 'test', 'fixtures', 'specs');

/** A small catalog: three statuses, one code (so 400 has a body schema of its own). */
const CATALOG = `service: Pets
errorBody:
  codePattern: '^P\\.[0-9]{4}$'
statuses:
  - status: 400
    name: BadRequest
    message: Bad Request
    description: Malformed.
  - status: 404
    name: NotFound
    message: Not Found
    description: Nothing here.
  - status: 500
    name: InternalServerError
    message: Internal Server Error
    description: Broken.
errors:
  - code: P.0001
    status: 400
    message: Bad pet.
`;

let work: string;
let petstore: string;
inTempWorkingFolder((dir) => {
  work = dir;
  writeFile(join(work, 'catalog.yaml'), CATALOG);
  copyFileSync(join(SPECS, 'petstore.oas30.yaml'), join(work, 'spec.yaml'));
  petstore = read('spec.yaml');
});
describe('runMerge writes', () => {
  test('to standard output by default, leaving the spec as it was', async () => {
    const result = await run(['merge', 'spec.yaml', '--catalog', 'catalog.yaml', '--attach', '400,500']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toBe(petstore);
    expect(result.stdout).toContain('$ref: "#/components/responses/BadRequest"');
    expect(result.stdout).toContain('$ref: "#/components/responses/InternalServerError"');
    expect(read('spec.yaml')).toBe(petstore);
    // The same text as --out writes.
    const out = await run(['merge', 'spec.yaml', '--catalog', 'catalog.yaml', '--attach', '400,500', '--out', 'merged.yaml']);
    expect(out.code).toBe(0);
    expect(read('merged.yaml')).toBe(result.stdout);
  });

  const tests: TestCase<string[], { stderr: string[]; files: string[] }>[] = [
    [
      '--out: a new file, and one line saying what was added',
      {
        given: ['merge', 'spec.yaml', '--catalog', 'catalog.yaml', '--out', 'merged.yaml'],
        want: {
          stderr: ['status-catalog: wrote merged.yaml (OpenAPI 3.0: 11 components added, 0 responses attached)'],
          files: ['catalog.yaml', 'merged.yaml', 'spec.yaml'],
        },
      },
    ],
    [
      '--attach and --attach-default: the attached responses counted',
      {
        given: ['merge', 'spec.yaml', '--catalog', 'catalog.yaml', '--out', 'merged.yaml', '--attach', '400', '--attach-default'],
        want: {
          stderr: ['status-catalog: wrote merged.yaml (OpenAPI 3.0: 11 components added, 4 responses attached)'],
          files: ['catalog.yaml', 'merged.yaml', 'spec.yaml'],
        },
      },
    ],
    [
      '--in-place: the spec itself',
      {
        given: ['merge', 'spec.yaml', '--catalog', 'catalog.yaml', '--in-place'],
        want: {
          stderr: ['status-catalog: wrote spec.yaml (OpenAPI 3.0: 11 components added, 0 responses attached)'],
          files: ['catalog.yaml', 'spec.yaml'],
        },
      },
    ],
  ];
  test.each(tests)('%s', async (_name, { given, want }) => {
    const result = await run(given);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(lines(result.stderr)).toEqual(want.stderr);
    expect(readdirSync(work).sort()).toEqual(want.files);
    const target = given.includes('--in-place') ? 'spec.yaml' : 'merged.yaml';
    const merged = parse(read(target)) as { components: { responses: Record<string, unknown> } };
    expect(Object.keys(merged.components.responses)).toEqual(expect.arrayContaining(['BadRequest', 'NotFound', 'InternalServerError']));
    expect(read(target).includes('$ref: "#/components/responses/BadRequest"')).toBe(given.includes('--attach'));
  });

  test('--in-place a second time: the spec is left as it is, and says so', async () => {
    expect((await run(['merge', 'spec.yaml', '--catalog', 'catalog.yaml', '--in-place'])).code).toBe(0);
    const merged = read('spec.yaml');
    const again = await run(['merge', 'spec.yaml', '--catalog', 'catalog.yaml', '--in-place']);
    expect(again.code).toBe(0);
    expect(lines(again.stderr)).toEqual(['status-catalog: left spec.yaml (OpenAPI 3.0: 0 components added, 0 responses attached)']);
    expect(read('spec.yaml')).toBe(merged);
  });

  test('--prefix and --only-used: only the referenced components, renamed', async () => {
    const result = await run(['merge', 'spec.yaml', '--catalog', 'catalog.yaml', '--attach', '404', '--prefix', 'Cat', '--only-used']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('$ref: "#/components/responses/CatNotFound"');
    expect(result.stdout).not.toContain('CatBadRequest');
    expect(result.stdout).not.toContain('"#/components/responses/NotFound"');
  });

  test('an operation that is a $ref is named on stderr and left alone', async () => {
    const result = await run(['merge', join(SPECS, 'split', 'openapi.yaml'), '--catalog', 'catalog.yaml', '--attach', '400']);
    expect(result.code).toBe(0);
    const spec = join(SPECS, 'split', 'openapi.yaml');
    expect(lines(result.stderr)).toEqual([
      `status-catalog: ${spec}: #/paths/~1v2~1droplets/get is a $ref to resources/droplets/droplets_list.yml: left as it is; attach there`,
      `status-catalog: ${spec}: #/paths/~1v2~1droplets/post is a $ref to resources/droplets/droplets_create.yml: left as it is; attach there`,
      `status-catalog: ${spec}: #/paths/~1v2~1droplets~1{droplet_id} is a $ref to resources/droplets/droplet_item.yml: left as it is; attach there`,
    ]);
  });

  test('--attach-webhooks attaches to the operations under webhooks too', async () => {
    copyFileSync(join(SPECS, 'callbacks.oas31.yaml'), join(work, 'hooks.yaml'));
    const paths = await run(['merge', 'hooks.yaml', '--catalog', 'catalog.yaml', '--attach', '400', '--out', 'a.yaml']);
    const hooks = await run([
      'merge',
      'hooks.yaml',
      '--catalog',
      'catalog.yaml',
      '--attach',
      '400',
      '--attach-webhooks',
      '--out',
      'b.yaml',
    ]);
    const attached = (ran: Ran): number => Number(/(\d+) responses attached/.exec(ran.stderr)?.[1]);
    expect(lines(paths.stderr)).toEqual([
      expect.stringMatching(/^status-catalog: wrote a\.yaml \(OpenAPI 3\.1: \d+ components added, \d+ responses attached\)$/),
    ]);
    expect(attached(hooks)).toBe(attached(paths) + 1);
  });
});

describe('runMerge --check', () => {
  const command = 'status-catalog merge spec.yaml';
  const tests: TestCase<{ before?: string[]; check: string[] }, { code: number; stdout: string[]; stderr: string[] }>[] = [
    [
      'the --out target up to date',
      {
        given: { before: ['--out', 'merged.yaml'], check: ['--out', 'merged.yaml'] },
        want: { code: 0, stdout: ['status-catalog: merged.yaml already has the catalog merged'], stderr: [] },
      },
    ],
    [
      'the spec merged in place, checked in place',
      {
        given: { before: ['--in-place'], check: ['--in-place'] },
        want: { code: 0, stdout: ['status-catalog: spec.yaml already has the catalog merged'], stderr: [] },
      },
    ],
    [
      'the spec merged in place, checked alone',
      {
        given: { before: ['--in-place'], check: [] },
        want: { code: 0, stdout: ['status-catalog: spec.yaml already has the catalog merged'], stderr: [] },
      },
    ],
    [
      'the spec alone, not merged: the fix is --in-place',
      {
        given: { check: [] },
        want: {
          code: 1,
          stdout: [],
          stderr: [
            `status-catalog: merging would change spec.yaml (11 components, 0 responses); run: ${command} --catalog catalog.yaml --in-place`,
          ],
        },
      },
    ],
    [
      'a missing --out target, every flag repeated in the fix',
      {
        given: {
          check: [
            '--out',
            'merged.yaml',
            '--attach',
            '400',
            '--attach-default',
            '--attach-webhooks',
            '--only-used',
            '--prefix',
            'X',
            '--strict',
          ],
        },
        want: {
          code: 1,
          stdout: [],
          stderr: [
            `status-catalog: merging would change merged.yaml (6 components, 4 responses); run: ${command} --catalog catalog.yaml --attach 400 --attach-default --attach-webhooks --only-used --prefix X --strict --out merged.yaml`,
          ],
        },
      },
    ],
    [
      'an out-of-date --out target, with a name the shell must have quoted',
      {
        given: { before: ['--out', "it's mine.yaml"], check: ['--out', "it's mine.yaml", '--attach', '404'] },
        want: {
          code: 1,
          stdout: [],
          stderr: [
            `status-catalog: merging would change it's mine.yaml (11 components, 2 responses); run: ${command} --catalog catalog.yaml --attach 404 --out 'it'\\''s mine.yaml'`,
          ],
        },
      },
    ],
  ];
  test.each(tests)('%s', async (_name, { given, want }) => {
    if (given.before !== undefined) expect((await run(['merge', 'spec.yaml', '--catalog', 'catalog.yaml', ...given.before])).code).toBe(0);
    const files = readdirSync(work).sort();
    const contents = files.map(read);
    const result = await run(['merge', 'spec.yaml', '--catalog', 'catalog.yaml', '--check', ...given.check]);
    expect({ code: result.code, stdout: lines(result.stdout), stderr: lines(result.stderr) }).toEqual(want);
    // --check writes nothing.
    expect(readdirSync(work).sort()).toEqual(files);
    expect(files.map(read)).toEqual(contents);
  });
});

describe('runMerge refuses', () => {
  const usage: TestCase<string[], string>[] = [
    ['no spec', { given: ['merge'], want: 'merge needs the spec file: status-catalog merge SPEC' }],
    ['two specs', { given: ['merge', 'spec.yaml', 'other.yaml'], want: 'unexpected argument "other.yaml"' }],
    [
      '--out with --in-place',
      { given: ['merge', 'spec.yaml', '--out', 'o.yaml', '--in-place'], want: '--out and --in-place exclude each other' },
    ],
    ['an empty --out', { given: ['merge', 'spec.yaml', '--out', ''], want: '--out needs a file' }],
    ['a status out of range', { given: ['merge', 'spec.yaml', '--attach', '400,600'], want: '--attach: "600" is not a status (100-599)' }],
    ['a word for a status', { given: ['merge', 'spec.yaml', '--attach', ' 400 ,x'], want: '--attach: "x" is not a status (100-599)' }],
    ['an empty --catalog', { given: ['merge', 'spec.yaml', '--catalog', ''], want: '--catalog needs a file' }],
    [
      'a status the catalog does not have',
      {
        given: ['merge', 'spec.yaml', '--catalog', 'catalog.yaml', '--attach', '400,418'],
        want: '--attach: the catalog has no status 418',
      },
    ],
    ['an unknown option', { given: ['merge', 'spec.yaml', '--json'], want: "Unknown option '--json'" }],
  ];
  test.each(usage)('a UsageError on %s', async (_name, { given, want }) => {
    const result = await run(given);
    expect(result.error).toBeInstanceOf(UsageError);
    expect((result.error as Error).message.startsWith(want)).toBe(true);
    expect((result.error as Error).message.split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
    expect(read('spec.yaml')).toBe(petstore);
  });

  const invalid: TestCase<string[], string>[] = [
    ['a missing spec', { given: ['merge', 'gone.yaml', '--catalog', 'catalog.yaml'], want: 'gone.yaml: (spec): no such file' }],
    [
      'a missing catalog',
      {
        given: ['merge', 'spec.yaml', '--catalog', 'gone.yaml'],
        want: 'gone.yaml: (catalog): cannot read catalog: no such file; create it with "status-catalog init --catalog gone.yaml"',
      },
    ],
    [
      'a prefix no component name may start with',
      {
        given: ['merge', 'spec.yaml', '--catalog', 'catalog.yaml', '--prefix', 'a b'],
        want: 'spec.yaml: (options): --prefix "a b": component names allow letters, digits, ".", "_" and "-"',
      },
    ],
  ];
  test.each(invalid)('a CatalogError on %s', async (_name, { given, want }) => {
    const result = await run(given);
    expect(result.error).toBeInstanceOf(CatalogError);
    expect((result.error as Error).message).toBe(want);
    expect(result.stdout).toBe('');
  });

  test('a spec over the size limit, as a CatalogError, before reading it', async () => {
    writeFileSync(join(work, 'huge.yaml'), '');
    truncateSync(join(work, 'huge.yaml'), MAX_SPEC_BYTES + 1);
    const result = await run(['merge', 'huge.yaml', '--catalog', 'catalog.yaml']);
    expect(result.error).toBeInstanceOf(CatalogError);
    expect((result.error as Error).message).toBe(
      `huge.yaml: (spec): file is ${MAX_SPEC_BYTES + 1} bytes; specs are limited to ${MAX_SPEC_BYTES} bytes`,
    );
  });

  const unreadable: TestCase<string, string>[] = [
    ['a folder', { given: 'folder', want: 'status-catalog: folder: is a folder, not a spec' }],
    ['a device', { given: '/dev/null', want: 'status-catalog: /dev/null: is not a regular file (a device)' }],
  ];
  test.each(unreadable)('%s as the spec: one line and exit 1', async (_name, { given, want }) => {
    writeFile(join(work, 'folder', 'x.yaml'), 'x');
    const result = await run(['merge', given, '--catalog', 'catalog.yaml', '--out', 'o.yaml']);
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual([want]);
    expect(result.stdout).toBe('');
    expect(readdirSync(work)).not.toContain('o.yaml');
  });

  test('catalog warnings under --strict: exit 1, nothing written', async () => {
    writeFile(
      join(work, 'warns.yaml'),
      `${CATALOG}  - code: P.0002\n    status: 200\n    message: Odd.\n`.replace(
        'statuses:\n',
        'statuses:\n  - status: 200\n    name: Ok\n    message: OK\n    description: Fine.\n',
      ),
    );
    const relaxed = await run(['merge', 'spec.yaml', '--catalog', 'warns.yaml', '--out', 'a.yaml']);
    expect(relaxed.code).toBe(0);
    const strict = await run(['merge', 'spec.yaml', '--catalog', 'warns.yaml', '--out', 'b.yaml', '--strict']);
    expect(strict.code).toBe(1);
    expect(lines(strict.stderr)).toEqual([
      expect.stringMatching(/^warns\.yaml:\d+:\d+: warning: errors\[1\]\.status: error code P\.0002 on the non-error status 200$/),
      'status-catalog: 1 warning(s) and --strict: nothing done',
    ]);
    expect(lines(relaxed.stderr)[0]).toBe(lines(strict.stderr)[0]);
    expect(readdirSync(work)).not.toContain('b.yaml');
  });
});

describe('runMerge leaves a file that has the merged text already', () => {
  const unchanged = (name: string): (() => number[]) => {
    utimesSync(join(work, name), new Date('2020-01-01T00:00:00Z'), new Date('2020-01-01T00:00:00Z'));
    const before = statSync(join(work, name));
    return () => {
      const after = statSync(join(work, name));
      return [after.ino - before.ino, after.mtimeMs - before.mtimeMs];
    };
  };

  test('--in-place: nothing written, one line saying it was left', async () => {
    expect((await run(['merge', 'spec.yaml', '--catalog', 'catalog.yaml', '--in-place'])).code).toBe(0);
    const same = unchanged('spec.yaml');
    const again = await run(['merge', 'spec.yaml', '--catalog', 'catalog.yaml', '--in-place']);
    expect(lines(again.stderr)).toEqual(['status-catalog: left spec.yaml (OpenAPI 3.0: 0 components added, 0 responses attached)']);
    expect(same()).toEqual([0, 0]);
  });

  test('--out: nothing written when the target holds the merged text, written when it does not', async () => {
    expect((await run(['merge', 'spec.yaml', '--catalog', 'catalog.yaml', '--out', 'merged.yaml'])).code).toBe(0);
    const same = unchanged('merged.yaml');
    const again = await run(['merge', 'spec.yaml', '--catalog', 'catalog.yaml', '--out', 'merged.yaml']);
    expect(lines(again.stderr)).toEqual([
      'status-catalog: left merged.yaml as it was: it holds the merged spec already (OpenAPI 3.0: 11 components added, 0 responses attached)',
    ]);
    expect(same()).toEqual([0, 0]);
    const attached = await run(['merge', 'spec.yaml', '--catalog', 'catalog.yaml', '--out', 'merged.yaml', '--attach', '404']);
    expect(lines(attached.stderr)).toEqual(['status-catalog: wrote merged.yaml (OpenAPI 3.0: 11 components added, 2 responses attached)']);
  });
});

describe('runMerge --check on a target that cannot be compared', () => {
  const tests: TestCase<() => string, string>[] = [
    ['a folder', { given: () => '.', want: 'status-catalog: .: is a folder, not a spec; --check compares with a regular file' }],
    [
      'a FIFO, never waited on',
      {
        given: () => {
          expect(spawnSync('mkfifo', [join(work, 'merged.fifo')]).status).toBe(0);
          return 'merged.fifo';
        },
        want: 'status-catalog: merged.fifo: is not a regular file (a pipe); --check compares with a regular file',
      },
    ],
    [
      'a link to /dev/zero, never read',
      {
        given: () => {
          symlinkSync('/dev/zero', join(work, 'zero.yaml'));
          return 'zero.yaml';
        },
        want: 'status-catalog: zero.yaml: is not a regular file (a device); --check compares with a regular file',
      },
    ],
  ];
  test.each(tests)('%s: one line, exit 1', async (_name, { given, want }) => {
    const result = await run(['merge', 'spec.yaml', '--catalog', 'catalog.yaml', '--check', '--out', given()]);
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual([want]);
    expect(result.stdout).toBe('');
  });
});

describe('names as merge shows them', () => {
  test('displayPath: invisible characters as escapes, everything else as it is', () => {
    expect(displayPath('spec\u202e.yaml')).toBe('spec\\u202e.yaml');
    expect(displayPath('a\u200bb\u00adc\ufeffd\u{e0041}e\nf')).toBe('a\\u200bb\\u00adc\\ufeffd\\u{e0041}e\\u000af');
    expect(displayPath('api/spéc 1.yaml')).toBe('api/spéc 1.yaml');
  });

  test('a spec whose name holds a bidi control is named with it escaped, in every line', async () => {
    const name = 'spec\u202egnp.yaml';
    copyFileSync(join(work, 'spec.yaml'), join(work, name));
    const written = await run(['merge', name, '--catalog', 'catalog.yaml', '--in-place']);
    expect(lines(written.stderr)).toEqual([
      'status-catalog: wrote spec\\u202egnp.yaml (OpenAPI 3.0: 11 components added, 0 responses attached)',
    ]);
    writeFileSync(join(work, name), 'openapi: 3.0.3\npaths: [\n');
    const broken = await run(['merge', name, '--catalog', 'catalog.yaml']);
    expect(broken.error).toBeInstanceOf(CatalogError);
    expect((broken.error as CatalogError).diagnostics[0]!.file).toBe('spec\\u202egnp.yaml');
  });

  test('a write that fails names the file escaped too', async () => {
    const name = 'out\u200b.yaml';
    writeFileSync(join(work, name), 'mine\n');
    chmodSync(join(work, name), 0o444);
    const result = await run(['merge', 'spec.yaml', '--catalog', 'catalog.yaml', '--out', name]);
    expect(result.error).toBeInstanceOf(WriteError);
    expect((result.error as Error).message).toBe('out\\u200b.yaml: is read-only; refusing to replace it (make it writable first)');
    expect(read(name)).toBe('mine\n');
  });

  const words: TestCase<string, string>[] = [
    ['a plain word, as it is', { given: 'api/spec.yaml', want: 'api/spec.yaml' }],
    ['a space and a quote, single-quoted', { given: "it's mine.yaml", want: `'it'\\''s mine.yaml'` }],
    ["a line break, as $'\\n'", { given: 'two\nlines.yaml', want: "$'two\\nlines.yaml'" }],
    ['a tab, a quote and a backslash beside a control', { given: "a\tb'c\\d\u0001", want: "$'a\\tb\\'c\\\\d\\x01'" }],
    ['a bidi control', { given: 'spec\u202e.yaml', want: "$'spec\\u202e.yaml'" }],
  ];
  test.each(words)('shellQuote: %s', (_name, { given, want }) => {
    expect(shellQuote(given)).toBe(want);
  });

  test('shellQuote: bash reads every quoted word back as the word', () => {
    for (const [, { given }] of words) {
      const echoed = spawnSync('bash', ['-c', `printf %s ${shellQuote(given)}`], {
        encoding: 'utf8',
        env: { ...process.env, LC_ALL: 'C.UTF-8' },
      });
      expect(echoed.stdout, JSON.stringify(given)).toBe(given);
    }
  });

  test('--check prints the fix with a line break in a name quoted, on one line', async () => {
    const result = await run(['merge', 'spec.yaml', '--catalog', 'catalog.yaml', '--check', '--out', 'new\nname.yaml']);
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual([
      "status-catalog: merging would change new\\u000aname.yaml (11 components, 0 responses); run: status-catalog merge spec.yaml --catalog catalog.yaml --out $'new\\nname.yaml'",
    ]);
  });
});
