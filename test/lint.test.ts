/** `status-catalog lint`, the real CLI in a subprocess: located findings, --json, exit codes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RULES } from '../generator/lint/rules.js';
import { DEFAULT_CATALOG, removeDir, ROOT, runCli, tempDir, writeFile } from './helpers.js';

const EVERY_RULE = 'test/fixtures/lint/every-rule.yaml';

/** What lint prints for the catalog that breaks every rule once: file order, one line each. */
const EVERY_RULE_LINES = [
  `${EVERY_RULE}:10:5: warning content-range-on-206 (RFC 9110 §15.3.7): status 206 does not list Content-Range: a 206 response with a single part MUST send it`,
  `${EVERY_RULE}:14:5: warning location-on-redirect (RFC 9110 §15.4.2): status 301 does not list Location: a 301 response SHOULD send it`,
  `${EVERY_RULE}:18:13: warning deprecated-status (RFC 9110 §15.4.6): 305 (Use Proxy) is deprecated: clients do not act on it`,
  `${EVERY_RULE}:22:13: warning unused-status (RFC 9110 §15.4.7): 306 is reserved as "(Unused)": it is not to be sent`,
  `${EVERY_RULE}:26:5: error www-authenticate-on-401 (RFC 9110 §15.5.2): status 401 does not list WWW-Authenticate: a 401 response MUST send it`,
  `${EVERY_RULE}:32:14: info reason-phrase (RFC 9110 §15.5.5): message "Nothing here" is not the reason phrase "Not Found"`,
  `${EVERY_RULE}:38:14: error allow-on-405 (RFC 9110 §15.5.6): status 405 does not list Allow: a 405 response MUST send it`,
  `${EVERY_RULE}:39:5: error proxy-authenticate-on-407 (RFC 9110 §15.5.8): status 407 does not list Proxy-Authenticate: a 407 response MUST send it`,
  `${EVERY_RULE}:43:5: warning content-range-on-416 (RFC 9110 §15.5.17): status 416 does not list Content-Range: a 416 response SHOULD send it`,
  `${EVERY_RULE}:47:5: warning retry-after-listed (RFC 9110 §10.2.3): status 429 says to retry after Retry-After (retry: retry-after) but does not list the Retry-After header`,
  `${EVERY_RULE}:52:13: warning unregistered-status (RFC 9110 §16.2.1): 499 is not in the IANA status code registry: clients know it only by its class (4xx)`,
];

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
  it('prints one located line per finding on a catalog breaking every rule, and exits 1 for its errors', () => {
    const result = runCli(['lint', '--catalog', EVERY_RULE]);
    expect(result.stdout.trimEnd().split('\n')).toEqual(EVERY_RULE_LINES);
    expect(result.stderr.trim()).toBe(`status-catalog: lint ${EVERY_RULE}: 3 error(s), 7 warning(s), 1 info(s)`);
    expect(result.status).toBe(1);
  });

  it('breaks every rule in the table: a new rule needs a line in the fixture', () => {
    const broken = new Set(EVERY_RULE_LINES.map((line) => / (?:error|warning|info) ([a-z0-9-]+) \(/.exec(line)?.[1]));
    expect([...broken].sort()).toEqual(RULES.map((rule) => rule.name).sort());
  });

  it('--json prints the same findings as an array, with the field of each', () => {
    const result = runCli(['lint', '--catalog', EVERY_RULE, '--json']);
    expect(result.status).toBe(1);
    const findings = JSON.parse(result.stdout) as Finding[];
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.rule} (${f.reference}): ${f.message}`)).toEqual(
      EVERY_RULE_LINES,
    );
    expect(findings.find((f) => f.rule === 'allow-on-405')?.field).toBe('statuses[6].headers');
    expect(findings.find((f) => f.rule === 'reason-phrase')?.field).toBe('statuses[5].message');
  });

  it('passes the default catalog (exit 0): its deprecated 305 and unused 306 are warnings, its own messages infos', () => {
    const result = runCli(['lint', '--catalog', DEFAULT_CATALOG, '--json']);
    expect(result.status, result.stderr).toBe(0);
    const findings = JSON.parse(result.stdout) as Finding[];
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.filter((f) => f.severity === 'warning').map((f) => f.rule)).toEqual(['deprecated-status', 'unused-status']);
    expect(new Set(findings.filter((f) => f.severity === 'info').map((f) => f.rule))).toEqual(new Set(['reason-phrase']));
    expect(findings.some((f) => f.message === 'message "Request Time-out" is not the reason phrase "Request Timeout"')).toBe(true);
    // --strict makes its warnings fail.
    expect(runCli(['lint', '--catalog', DEFAULT_CATALOG, '--strict']).status).toBe(1);
  });

  it('finds nothing in the IANA catalog but the deprecated 305 it registers', () => {
    const result = runCli(['lint', '--catalog', join(ROOT, 'data', 'iana.yaml'), '--json']);
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as Finding[]).map((f) => f.rule)).toEqual(['deprecated-status']);
  });

  it('reports a finding in the file that lists the status, through extends', () => {
    const base = writeFile(join(work, 'shared', 'base.yaml'), readFileSync(join(ROOT, 'data', 'iana.yaml'), 'utf8'));
    const own = writeFile(
      join(work, 'service.yaml'),
      `extends: ${'shared/base.yaml'}\nstatuses:\n  - status: 401\n    name: Unauthorized\n    message: Unauthorized\n    description: Without the header.\n`,
    );
    const result = runCli(['lint', '--catalog', own]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`${own}:3:5: error www-authenticate-on-401 (RFC 9110 §15.5.2)`);
    expect(result.stdout).toContain(`${base}:`);
  });

  it('refuses an invalid catalog with its located errors, and lints nothing', () => {
    const bad = writeFile(
      join(work, 'bad.yaml'),
      'service: X\nerrorBody: {}\nstatuses:\n  - status: 404\n    name: NotFound\n    message: Not Found\n',
    );
    const result = runCli(['lint', '--catalog', bad]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe(`${bad}:4:5: statuses[0].description: missing required field "description"`);
  });
});
