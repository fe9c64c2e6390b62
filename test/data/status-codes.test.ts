/**
 * The default catalog: it loads, and it is a faithful transcription of the seed table
 * (every code, message and description exactly as the seed writes them).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog, parseCatalog } from '../../generator/index.js';
import { DEFAULT_CATALOG, ROOT, seedBody, seedCatalog } from '../harness/helpers.js';

/**
 * The seed table the default catalog transcribes, as kept in the fixtures: the tests read this
 * copy, so they run the same in any checkout. Its hash pins it to the seed as published.
 */
const SEED = join(ROOT, 'test', 'fixtures', 'seed', 'status-code-table.txt');
const SEED_SHA256 = '99e658ed6bf7895ea1353ef139a8d653ba2d8420d18d8c501c914f6867ea4298';
/** The shared copy, beside the repository in the team's workspace only. */
const SHARED_SEED = join(ROOT, '..', 'shared', 'seeds', '000_0fd445b2c74702cf.txt');

interface SeedEntry {
  status: number;
  message: string;
  description: string;
}

/** Reads the seed's status table: a code line, a message line, then description paragraphs. */
function readSeedTable(text: string): { entries: SeedEntry[]; errorBodyExample: string } {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const entries: SeedEntry[] = [];
  let i = lines.indexOf('Description') + 1;
  let errorBodyExample = '';
  while (i < lines.length) {
    const line = lines[i]!;
    if (/^\d{3}$/.test(line)) {
      const paragraphs: string[] = [];
      let j = i + 2;
      while (j < lines.length && !/^\d{3}$/.test(lines[j]!) && !lines[j]!.startsWith('In the message body')) {
        paragraphs.push(lines[j]!);
        j += 1;
      }
      entries.push({ status: Number(line), message: lines[i + 1]!, description: paragraphs.join('\n\n') });
      i = j;
    } else {
      if (line.startsWith('{')) errorBodyExample = line;
      i += 1;
    }
  }
  return { entries, errorBodyExample };
}

describe('default catalog', () => {
  it('loads and validates', () => {
    const catalog = loadCatalog(DEFAULT_CATALOG);
    expect(catalog.data.service).toBe('S3M');
    expect(catalog.data.statuses).toHaveLength(42);
  });

  it('loads the same from JSON as from YAML', () => {
    const json = JSON.stringify(seedCatalog, null, 2);
    expect(parseCatalog(json, 'status-codes.json').data).toEqual(loadCatalog(DEFAULT_CATALOG).data);
  });

  it('keeps the fixture copy of the seed exactly as the seed was published', () => {
    const copy = readFileSync(SEED);
    expect(createHash('sha256').update(copy).digest('hex')).toBe(SEED_SHA256);
    // Where the shared copy is at hand, the two are one file.
    const shared = existsSync(SHARED_SEED) ? readFileSync(SHARED_SEED) : copy;
    expect(shared.equals(copy)).toBe(true);
  });

  it('transcribes every seed status verbatim', () => {
    const seed = readSeedTable(readFileSync(SEED, 'utf8'));
    expect(seed.entries).toHaveLength(42);
    const byStatus = new Map(seedCatalog.statuses.map((s) => [s.status, s]));
    expect([...byStatus.keys()].sort()).toEqual(seed.entries.map((e) => e.status).sort());
    for (const entry of seed.entries) {
      const status = byStatus.get(entry.status);
      expect(status?.message, `message of ${entry.status}`).toBe(entry.message);
      expect(status?.description, `description of ${entry.status}`).toBe(entry.description);
    }
  });

  it('keeps the seed error body format: pattern and example', () => {
    const seed = readSeedTable(readFileSync(SEED, 'utf8'));
    const example = JSON.parse(seed.errorBodyExample) as Record<string, string>;
    const body = seedBody;
    const pointers = ['code', 'message'].map((part) => body.members.find((m) => m.kind === 'part' && m.part === part)?.pointer);
    expect(pointers).toEqual(Object.keys(example).map((key) => `/${key}`));
    expect(seedCatalog.errorBody.description).toContain(seed.errorBodyExample);
    const pattern = new RegExp(body.codePattern!, 'u');
    expect(pattern.test('S3M.0001')).toBe(true);
    expect(pattern.test(body.defaultCode!)).toBe(true);
    for (const bad of ['S3M.001', 'S3M.00012', 'S3MX0001', 'ABC.0001', 'S3M.XXXX']) expect(pattern.test(bad), bad).toBe(false);
  });

  it('derives structured fields from the text they claim to come from', () => {
    for (const status of seedCatalog.statuses) {
      const text = status.description;
      if (status.retry === 'modify') expect(text).toContain('should not repeat the request without modifications');
      if (status.retry === 'anytime') expect(text).toContain('may repeat the request without modifications at any later time');
      if (status.retry === 'retry-after' || status.retry === 'if-retry-after') expect(text).toContain('Retry-After');
      if (text.includes('Retry-After')) expect(status.headers ?? []).toContain('Retry-After');
      if (text.includes('should not repeat the request without modifications')) expect(status.retry).toBe('modify');
    }
  });

  it('lists the headers RFC 9110 requires', () => {
    const required: [number, string][] = [
      [401, 'WWW-Authenticate'],
      [405, 'Allow'],
      [407, 'Proxy-Authenticate'],
      [201, 'Location'],
      [301, 'Location'],
      [302, 'Location'],
      [303, 'Location'],
      [206, 'Content-Range'],
      [416, 'Content-Range'],
    ];
    for (const [code, header] of required) {
      expect(seedCatalog.statuses.find((s) => s.status === code)?.headers, `${code}`).toContain(header);
    }
  });

  it('marks 1xx, 204 and 304 as carrying no body', () => {
    for (const status of seedCatalog.statuses) {
      const forbidden = status.status < 200 || status.status === 204 || status.status === 304;
      expect(status.bodyAllowed ?? true, `${status.status}`).toBe(!forbidden);
    }
  });
});
