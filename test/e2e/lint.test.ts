/** `status-catalog lint`, the command in process: located findings, --json, exit codes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RULES } from '../../generator/lint/rules.js';
import { runInProcess } from '../harness/cli.js';
import { DEFAULT_CATALOG, removeDir, ROOT, tempDir, writeFile } from '../harness/helpers.js';
import { everyRuleLines } from '../harness/lint-expected.js';

const EVERY_RULE = 'test/fixtures/lint/every-rule.yaml';

/** What lint prints for the catalog that breaks every rule once. */
const EVERY_RULE_LINES = everyRuleLines(EVERY_RULE);

interface Finding {
  file: string;
  line: number;
  column: number;
  field: string;
  severity: string;
  rule: string;
  reference: string;
  message: string;
}

let work: string;
beforeEach(() => {
  work = tempDir();
});
afterEach(() => removeDir(work));

describe('lint', () => {
  it('prints one located line per finding on a catalog breaking every rule, and exits 1 for its errors', async () => {
    const result = await runInProcess(['lint', '--catalog', EVERY_RULE]);
    expect(result.stdout.trimEnd().split('\n')).toEqual(EVERY_RULE_LINES);
    expect(result.stderr.trim()).toBe(`status-catalog: lint ${EVERY_RULE}: 3 error(s), 7 warning(s), 1 info(s)`);
    expect(result.status).toBe(1);
  });

  it('breaks every rule in the table: a new rule needs a line in the fixture', () => {
    const broken = new Set(EVERY_RULE_LINES.map((line) => / (?:error|warning|info) ([a-z0-9-]+) \(/.exec(line)?.[1]));
    expect([...broken].sort()).toEqual(RULES.map((rule) => rule.name).sort());
  });

  it('--json prints the same findings as an array, with the field of each', async () => {
    const result = await runInProcess(['lint', '--catalog', EVERY_RULE, '--json']);
    expect(result.status).toBe(1);
    const findings = JSON.parse(result.stdout) as Finding[];
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.rule} (${f.reference}): ${f.message}`)).toEqual(
      EVERY_RULE_LINES,
    );
    expect(findings.find((f) => f.rule === 'allow-on-405')?.field).toBe('statuses[6].headers');
    expect(findings.find((f) => f.rule === 'reason-phrase')?.field).toBe('statuses[5].message');
  });

  it('passes the default catalog (exit 0): its deprecated 305 and unused 306 are warnings, its own messages infos', async () => {
    const result = await runInProcess(['lint', '--catalog', DEFAULT_CATALOG, '--json']);
    expect(result.status, result.stderr).toBe(0);
    const findings = JSON.parse(result.stdout) as Finding[];
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.filter((f) => f.severity === 'warning').map((f) => f.rule)).toEqual(['deprecated-status', 'unused-status']);
    expect(new Set(findings.filter((f) => f.severity === 'info').map((f) => f.rule))).toEqual(new Set(['reason-phrase']));
    expect(findings.some((f) => f.message === 'message "Request Time-out" is not the reason phrase "Request Timeout"')).toBe(true);
    // --strict makes its warnings fail.
    expect((await runInProcess(['lint', '--catalog', DEFAULT_CATALOG, '--strict'])).status).toBe(1);
  });

  it('finds nothing in the IANA catalog but the deprecated 305 it registers', async () => {
    const result = await runInProcess(['lint', '--catalog', join(ROOT, 'data', 'iana.yaml'), '--json']);
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as Finding[]).map((f) => f.rule)).toEqual(['deprecated-status']);
  });

  it('reports a finding in the file that lists the status, through extends', async () => {
    const base = writeFile(join(work, 'shared', 'base.yaml'), readFileSync(join(ROOT, 'data', 'iana.yaml'), 'utf8'));
    const own = writeFile(
      join(work, 'service.yaml'),
      `extends: ${'shared/base.yaml'}\nstatuses:\n  - status: 401\n    name: Unauthorized\n    message: Unauthorized\n    description: Without the header.\n`,
    );
    const result = await runInProcess(['lint', '--catalog', own]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`${own}:3:5: error www-authenticate-on-401 (RFC 9110 §15.5.2)`);
    expect(result.stdout).toContain(`${base}:`);
  });

  it('refuses an invalid catalog with its located errors, and lints nothing', async () => {
    const bad = writeFile(
      join(work, 'bad.yaml'),
      'service: X\nerrorBody: {}\nstatuses:\n  - status: 404\n    name: NotFound\n    message: Not Found\n',
    );
    const result = await runInProcess(['lint', '--catalog', bad]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe(`${bad}:4:5: statuses[0].description: missing required field "description"`);
  });
});
