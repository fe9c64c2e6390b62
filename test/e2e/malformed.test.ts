/**
 * The malformed-catalog corpus (test/fixtures/malformed): each file gives exactly its expected
 * lines on stderr, exit 1, no stack trace, no hang and nothing written; the two that are only
 * unusual (a byte order mark, CRLF line ends) load.
 */
import { existsSync, openSync, readdirSync, writeSync, closeSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CATALOG_BYTES } from '../../generator/util/limits.js';
import { CLI, removeDir, ROOT, tempDir } from '../harness/helpers.js';

const CORPUS = join(ROOT, 'test', 'fixtures', 'malformed');

/** Expected stderr lines, with `F` standing for the fixture's path; `[]` means it loads. */
const EXPECTED: Record<string, string[]> = {
  'alias-bomb.yaml': ['F:6:16: (catalog): aliases expand to more than 1000000 nodes and characters (limit: 1000000)'],
  // 1 KB of text, 2^46 nodes of data: each anchor a list of two aliases of the one before.
  'alias-bomb-doubling.yaml': ['F:19:14: (catalog): aliases expand to more than 1000000 nodes and characters (limit: 1000000)'],
  'alias-cycle.yaml': ['F:3:12: (catalog): alias *self is inside the node it names: its data would never end'],
  'alias-count.yaml': ['F:3:412: (catalog): more than 100 aliases (limit: 100 aliases)'],
  'bad-doc-url.yaml': [
    'F:9:13: errors[0].docUrl: docUrl "https://docs.example.com/errors/T1.1 (old)" holds a space, which a URI cannot hold as it is: percent-encode it',
  ],
  'binary-junk.yaml': ['F:1:1: (catalog): invalid UTF-8: a catalog is UTF-8 text'],
  'bom.yaml': [],
  'crlf.yaml': [],
  'deep-nesting.yaml': ['F:3:110: (catalog): collections nest deeper than 100 levels (limit: 100)'],
  'duplicate-code.yaml': ['F:7:12: errors[1].code: duplicate code T1.1 under status 404 (first at line 6)'],
  'duplicate-key.yaml': ['F:2:1: (catalog): Map keys must be unique'],
  'duplicate-status.yaml': ['F:5:14: statuses[1].status: duplicate status 404 (first at line 4)'],
  'empty.yaml': ['F:1:1: (catalog): catalog is empty'],
  'proto-keys.yaml': ['F:3:1: __proto__: unknown field "__proto__"', 'F:5:63: statuses[0].__proto__: unknown field "__proto__"'],
  'status-out-of-range.yaml': ['F:4:14: statuses[0].status: status 1000 is outside 100-599'],
  // Schema problems, problems of the rules and a warning, all from one run.
  'schema-and-rules.yaml': [
    'F:4:78: statuses[0].retry: must be one of: modify, anytime, retry-after, if-retry-after',
    'F:5:72: statuses[1].headers[0]: unknown header "Retry-After": declare it under the top-level headers',
    'F:6:14: statuses[2].status: status 999 is outside 100-599',
    'F:6:25: statuses[2].name: name "Gone" of status 999 collides with status 410 (line 5); give one a different name',
    'F:9:12: warning: errors[1].code: code "X.2" does not match codePattern ^T1\\.[0-9]$',
    'F:10:43: errors[2].colour: unknown field "colour"',
  ],
  'syntax-error.yaml': ['F:3:1: (catalog): Flow map in block collection must be sufficiently indented and end with a }'],
  'trailing-comma.json': ['F:6:3: (catalog): not valid JSON: value expected'],
  'wrong-types.yaml': ['F:1:10: service: must be a string', 'F:4:14: statuses[0].status: must be an integer'],
};

function run(catalog: string, out: string): { status: number | null; stdout: string; stderr: string; signal: NodeJS.Signals | null } {
  // A hang is a failure too: every run is bounded.
  const result = spawnSync(process.execPath, [CLI, 'generate', '--catalog', catalog, '--out', out], { encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, signal: result.signal };
}

let work: string;
beforeAll(() => {
  work = tempDir();
});
afterAll(() => removeDir(work));

describe('malformed catalogs', () => {
  it('has an expectation for every file in the corpus', () => {
    expect(readdirSync(CORPUS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}: ${expected.length === 0 ? 'loads' : expected.length === 1 ? 'one located line' : `${expected.length} located lines`}`, () => {
      const catalog = join(CORPUS, name);
      const out = join(work, name);
      const result = run(catalog, out);
      expect(result.signal).toBeNull();
      if (expected.length === 0) {
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        return;
      }
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(expected.map((line) => line.replace(/^F/, catalog)).join('\n') + '\n');
      expect(existsSync(out)).toBe(false);
    });
  }

  it('refuses a 50 MB file before parsing it, naming the limit', () => {
    const big = join(work, 'big.yaml');
    const fd = openSync(big, 'w');
    const line = `# ${'x'.repeat(1021)}\n`;
    for (let i = 0; i < 50 * 1024; i += 1) writeSync(fd, line);
    closeSync(fd);
    const result = run(big, join(work, 'big-out'));
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`${big}: (catalog): file is 52428800 bytes; catalogs are limited to ${MAX_CATALOG_BYTES} bytes\n`);
  });
});
