/** The Markdown reference, read back with a real Markdown parser and compared with the catalog. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../../generator/index.js';
import { buildModel } from '../../../generator/model/model.js';
import { emitDocs } from '../../../generator/targets/docs/docs.js';
import { OUTPUT, seedCatalog } from '../../harness/helpers.js';
import { readTables } from '../../harness/markdown.js';

const markdown = readFileSync(join(OUTPUT, 'docs', 'status-codes.md'), 'utf8');
const tables = readTables(markdown);

describe('docs/status-codes.md', () => {
  it('starts with the generated-file notice and the catalog title', () => {
    expect(markdown.startsWith('<!-- Generated file. Do not edit.')).toBe(true);
    expect(markdown).toContain(`\n# ${seedCatalog.title!}\n`);
  });

  it('has one row per status with its text verbatim', () => {
    const statuses = tables.find((t) => t[0]?.[0] === 'Status');
    expect(statuses?.[0]).toEqual(['Status', 'Message', 'Description', 'Retry', 'Headers']);
    const rows = statuses!.slice(1);
    expect(rows).toHaveLength(seedCatalog.statuses.length);
    for (const s of seedCatalog.statuses) {
      const row = rows.find((r) => r[0] === String(s.status));
      expect(row, `${s.status}`).toBeDefined();
      expect(row![1]).toBe(s.message);
      expect(row![2]).toBe(s.description);
      expect(row![3] !== '').toBe(s.retry !== undefined);
      expect(row![4]).toBe((s.headers ?? []).join(', '));
    }
  });

  it('documents the error body fields and every header', () => {
    const fields = tables.find((t) => t[0]?.[0] === 'Member');
    expect(fields?.slice(1).map((r) => r[0])).toEqual(['/error_code', '/error_msg', '/request_id']);
    expect(fields?.[1]?.[2]).toContain(seedCatalog.errorBody.codePattern!);
    const headers = tables.find((t) => t[0]?.[0] === 'Header');
    expect(headers?.slice(1).map((r) => r[0])).toEqual(Object.keys(seedCatalog.headers ?? {}).sort());
    for (const row of headers!.slice(1)) expect(row[2]).toBe(seedCatalog.headers?.[row[0]!]?.description);
  });
});

describe('error-codes.md: retry guidance of a code', () => {
  const catalog = (retry: string): string =>
    [
      'service: Q',
      'errorBody: { shape: nested }',
      'headers:',
      '  Retry-After: { description: Seconds to wait., schema: { type: integer } }',
      'statuses:',
      '  - { status: 429, name: TooManyRequests, message: Too Many Requests, description: Slow down., retry: retry-after, headers: [Retry-After] }',
      'errors:',
      `  - { code: insufficient_quota, status: 429, message: Quota exhausted.${retry} }`,
      '  - { code: rate_limited, status: 429, message: Rate limited. }',
    ].join('\n');
  const codeTable = (text: string): string[][] => {
    const file = emitDocs(buildModel(parseCatalog(text, 'q.yaml'))).find((f) => f.path === 'error-codes.md')!;
    return readTables(file.contents).find((t) => t[0]?.[0] === 'Status')!;
  };

  it('gets a Retry column: its own guidance, or its status’s', () => {
    const rows = codeTable(catalog(', retry: modify'));
    expect(rows[0]).toEqual(['Status', 'Code', 'Message', 'Description', 'Measure', 'Retry']);
    expect(rows.slice(1).map((r) => [r[1], r[5]])).toEqual([
      ['insufficient_quota', 'Not without modifications'],
      ['rate_limited', 'As its status'],
    ]);
  });
  it('has no Retry column when no code has guidance of its own', () => {
    expect(codeTable(catalog(''))[0]).toEqual(['Status', 'Code', 'Message', 'Description', 'Measure']);
  });
});
