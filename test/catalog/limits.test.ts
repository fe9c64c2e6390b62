/**
 * The limits on what a catalog lists (generator/util/limits.ts): error codes and declared headers
 * over a whole extends chain, statuses per file. Past one, the catalog is refused with one
 * located line naming the limit, before anything else is checked.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ERROR_CODES, MAX_HEADERS, MAX_STATUSES } from '../../generator/util/limits.js';
import { problemsOf, removeDir, runCli, tempDir, writeFile } from '../harness/helpers.js';

const HEAD = ['service: T1', 'errorBody: {}', 'statuses:', '  - { status: 404, name: NotFound, message: Not Found, description: d }'];

/** A catalog listing `count` error codes, one line each, from line HEAD.length + 2 on. */
function withCodes(count: number, from = 0, head: readonly string[] = HEAD): string {
  const lines = [...head, 'errors:'];
  for (let i = from; i < from + count; i += 1) lines.push(`  - { code: C${i}, status: 404, message: m${i} }`);
  return `${lines.join('\n')}\n`;
}

describe('catalog size limits', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });
  afterAll(() => removeDir(dir));

  it(`accepts ${MAX_ERROR_CODES} error codes`, () => {
    expect(problemsOf(withCodes(MAX_ERROR_CODES))).toEqual([]);
  });

  it('refuses one more, at the entry past the limit', () => {
    const line = HEAD.length + 2 + MAX_ERROR_CODES;
    expect(problemsOf(withCodes(MAX_ERROR_CODES + 1))).toEqual([
      `cat.yaml:${line}:5: errors[${MAX_ERROR_CODES}]: ${MAX_ERROR_CODES + 1} error codes listed; catalogs are limited to ${MAX_ERROR_CODES} error codes in all`,
    ]);
  });

  it('counts the codes of the catalogs a catalog extends', () => {
    const inherited = 30_000;
    writeFile(join(dir, 'base.yaml'), withCodes(inherited));
    const child = withCodes(MAX_ERROR_CODES - inherited + 1, inherited, ['extends: base.yaml']);
    const index = MAX_ERROR_CODES - inherited;
    expect(problemsOf(child, join(dir, 'child.yaml'))).toEqual([
      `${join(dir, 'child.yaml')}:${index + 3}:5: errors[${index}]: ${MAX_ERROR_CODES + 1} error codes listed (${inherited} of them in the catalogs it extends); catalogs are limited to ${MAX_ERROR_CODES} error codes in all`,
    ]);
  });

  it(`refuses more than ${MAX_STATUSES} statuses in a file, however they repeat`, () => {
    const lines = ['service: T1', 'errorBody: {}', 'statuses:'];
    for (let i = 0; i <= MAX_STATUSES; i += 1) lines.push(`  - { status: 404, name: NotFound, message: Not Found, description: d }`);
    expect(problemsOf(lines.join('\n'))).toEqual([
      `cat.yaml:${MAX_STATUSES + 4}:5: statuses[${MAX_STATUSES}]: ${MAX_STATUSES + 1} statuses listed; a catalog lists at most ${MAX_STATUSES} (one entry per status 100-599)`,
    ]);
  });

  it(`refuses more than ${MAX_HEADERS} declared headers, counted over the chain by name`, () => {
    const declare = (from: number, to: number): string[] => {
      const lines = ['headers:'];
      for (let i = from; i < to; i += 1) lines.push(`  X-H${i}: { description: d, schema: { type: string } }`);
      return lines;
    };
    // The base declares 60, the child redeclares 10 of them and adds 40: 100 names, within the limit.
    writeFile(join(dir, 'headers-base.yaml'), [...HEAD, ...declare(0, 60)].join('\n'));
    const within = ['extends: headers-base.yaml', ...declare(50, 100)].join('\n');
    expect(problemsOf(within, join(dir, 'within.yaml'))).toEqual([]);
    const past = ['extends: headers-base.yaml', ...declare(50, 101)].join('\n');
    expect(problemsOf(past, join(dir, 'past.yaml'))).toEqual([
      `${join(dir, 'past.yaml')}:53:3: headers.X-H100: more than ${MAX_HEADERS} headers declared; catalogs are limited to ${MAX_HEADERS} headers in all`,
    ]);
  });

  it('the CLI refuses a catalog past the limit in one line, exit 1, writing nothing', () => {
    const catalog = writeFile(join(dir, 'many.yaml'), withCodes(MAX_ERROR_CODES + 1));
    const result = runCli(['generate', '--catalog', catalog, '--out', join(dir, 'out')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `${catalog}:${HEAD.length + 2 + MAX_ERROR_CODES}:5: errors[${MAX_ERROR_CODES}]: ${MAX_ERROR_CODES + 1} error codes listed; catalogs are limited to ${MAX_ERROR_CODES} error codes in all\n`,
    );
    expect(result.stdout).toBe('');
  });
});
