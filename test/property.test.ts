/**
 * Property-based test (fast-check) of the whole generator on random catalogs full of hostile
 * text: comment and string terminators, template syntax, quotes and backslashes, line and
 * paragraph separators, bidi controls, HTML, Markdown and YAML specials, astral characters,
 * names such as constructor, __proto__, delete or 1st.
 *
 * Property: loading either fails with located, one-line diagnostics, or it succeeds and then
 * every output is sound: the OpenAPI validates and every catalog string reads back exactly from
 * the JSON and the YAML; the Markdown tables read back cell by cell; the TypeScript is in
 * prettier's layout, compiles under the strict options, and once imported gives every string
 * back exactly, with nothing run on import.
 *
 * Compiling is batched: every run that generates keeps its TypeScript, and one tsc run checks
 * them all at the end (a tsc per run would take minutes). FUZZ_RUNS sets the number of runs
 * (`npm run fuzz` runs 2,000 with random seeds); FUZZ_SEED (and FUZZ_PATH) replay a failing run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import fc from 'fast-check';
import * as prettier from 'prettier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { PRETTIER_OPTIONS } from '../generator/emit/ts-layout.js';
import { CatalogError, formatDiagnostic, generate, loadCatalog, type Catalog } from '../generator/index.js';
import { compileTypeScript, importFile, removeDir, tempDir } from './helpers.js';
import { inlineText, parser, readTables } from './markdown.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 200);
// A fixed seed in `npm test`, so CI is deterministic; `npm run fuzz` explores with random seeds.
const SEED =
  process.env['FUZZ_SEED'] !== undefined ? Number(process.env['FUZZ_SEED']) : process.env['FUZZ_RANDOM'] !== undefined ? undefined : 20261125;

const HOSTILE = [
  '*/', '/*', '/**', '${', '`', '"', "'", '\\', '\\u0041', '\u2028', '\u2029', '\u202E', '\u2066', '\u200F', '\uFEFF',
  '</script>', '<img src=x onerror=alert(1)>', '|', '# ', '- ', '1. ', '> ', '---', '***', '_', '[x](javascript:x)',
  'yes', 'no', '~', 'null', '!!str', '&a', '*a', '0o17', '2024-09-04', '@param x', '@deprecated', '{@link x}',
  'constructor', '__proto__', 'prototype', 'delete', '1st', '😀', '𝒳', '漢字', 'é', '\n', '\r\n', '\t',
  '${globalThis.__fuzzPwned = 1}', '*/ globalThis.__fuzzPwned = 2; /*', '"; globalThis.__fuzzPwned = 3; "',
  "'; globalThis.__fuzzPwned = 4; '", '`; globalThis.__fuzzPwned = 5; `',
  '\u200b@deprecated x', '\u00ad', '\u200d', '\u2060', '\u{E0041}', '\u3164', '\ufe0f', ' # ', 'Issue #', '\u00a0',
];

/** Text: mostly hostile fragments and printable strings, sometimes anything at all (controls, lone surrogates). */
const text = fc.oneof(
  { weight: 24, arbitrary: fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 8 })), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')) },
  { weight: 8, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }) },
  { weight: 2, arbitrary: fc.constant('x'.repeat(300)) },
  // Lengths around the print width, in characters prettier counts as 0, 1 or 2 columns.
  { weight: 4, arbitrary: fc.array(fc.constantFrom('x', 'x', 'x', ' ', '漢', '😀', 'é', '\u0301', '"', "'"), { minLength: 30, maxLength: 110 }).map((chars) => chars.join('')) },
);

// Invalid choices are rare on purpose: a catalog needs every part right to get generated, and
// most runs must get that far; the rare ones still check that refusals are located.
const name = fc.oneof(
  { weight: 20, arbitrary: fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,12}$/) },
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Z][A-Za-z0-9_]{40,63}$/) },
  { weight: 1, arbitrary: fc.constantFrom('constructor', '__proto__', 'delete', '1st', 'Error', 'Api', 'Type', 'isApi', 'Default', 'NotFound', 'InternalServerError', 'Hello World', 'ok') },
);

const status = fc.oneof({ weight: 40, arbitrary: fc.integer({ min: 100, max: 599 }) }, { weight: 1, arbitrary: fc.constantFrom(99, 600, 404) });

const code = fc.oneof(
  { weight: 30, arbitrary: fc.stringMatching(/^[A-Z]{2,5}\.[0-9]{4}$/) },
  { weight: 8, arbitrary: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,10}$/) },
  { weight: 1, arbitrary: text },
);

const catalogArbitrary = fc.record(
  {
    service: fc.oneof({ weight: 30, arbitrary: fc.constantFrom('S3M', 'Svc', 'x-y') }, { weight: 1, arbitrary: text }),
    title: text,
    version: text,
    errorBody: fc.record(
      {
        shape: fc.constantFrom('flat', 'nested', 'problem'),
        description: text,
        codeField: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('error_code', 'code', 'err') }, { weight: 1, arbitrary: fc.stringMatching(/^[a-z_][a-z0-9_]{20,31}$/) }),
        messageField: fc.constantFrom('error_msg', 'message', 'msg'),
        codePattern: fc.oneof({ weight: 12, arbitrary: fc.constantFrom('^.+$', '^[A-Z]{2,5}\\.[0-9]{4}$') }, { weight: 1, arbitrary: fc.constant('[') }),
        defaultCode: fc.constantFrom('AB.0000', 'AB.0000', 'CD.1234', 'X'),
        problemTypeBase: fc.oneof(fc.constantFrom('https://errors.example/', 'urn:x:'), fc.constant(`https://errors.example/${'segment/'.repeat(12)}`)),
      },
      { requiredKeys: [] },
    ).map((body) => {
      // The problem shape has no messageField; keep the rare invalid pairing rare.
      if (body.shape !== 'problem' || body.messageField === undefined || body.codeField === 'err') return body;
      const { messageField: _, ...rest } = body;
      return rest;
    }),
    statuses: fc.uniqueArray(
      fc.record(
        {
          status,
          name,
          message: text,
          description: text,
          retry: fc.constantFrom('modify', 'anytime', 'retry-after', 'if-retry-after'),
          bodyAllowed: fc.boolean(),
        },
        { requiredKeys: ['status', 'name', 'message', 'description'] },
      ),
      // Unique statuses; a repeated name is made unique but for the rare constant names.
      { minLength: 1, maxLength: 20, selector: (entry) => entry.status },
    ).map((entries) =>
      entries.map((entry, index) => {
        const named = index === 0 ? entry : { ...entry, name: `${entry.name}${index}` };
        // A body on 1xx, 204 or 304 is refused; keep that rare too.
        const bodiless = entry.status < 200 || entry.status === 204 || entry.status === 304;
        if (!bodiless || entry.bodyAllowed !== true || index === 7) return named;
        const { bodyAllowed: _, ...rest } = named;
        return rest;
      }),
    ),
    headers: fc.dictionary(
      fc.stringMatching(/^[A-Z][A-Za-z0-9-]{0,20}$/),
      fc.record({ description: text, required: fc.boolean(), schema: fc.constant({ type: 'string' }), example: fc.constantFrom('x', 5) }, { requiredKeys: ['description', 'schema'] }),
      { maxKeys: 3 },
    ),
    errors: fc.uniqueArray(
      fc.record(
        { code, status, message: text, name, description: text, measure: text, deprecated: fc.boolean() },
        { requiredKeys: ['code', 'status', 'message'] },
      ),
      { maxLength: 5, selector: (entry) => entry.code },
    ),
  },
  { requiredKeys: ['service', 'errorBody', 'statuses'] },
);

type Generated = typeof import('../output/ts/index.js');

/** Markdown has one kind of line break, and paragraphs come out trimmed. */
function asMarkdownReadsIt(value: string, paragraphs: boolean): string {
  const lines = value.replace(/\r\n|[\r\u2028\u2029]/g, '\n');
  if (!paragraphs) return lines;
  return lines
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^[ \t\n]+|[ \t\n]+$/g, ''))
    .filter((p) => p !== '')
    .join('\n\n');
}

describe('random hostile catalogs', () => {
  let dir: string;
  const kept: { index: number; catalog: Catalog; source: string }[] = [];
  let generatedRuns = 0;
  let refusedRuns = 0;
  const validator = new Validator();

  beforeAll(() => {
    dir = tempDir();
  });
  afterAll(() => removeDir(dir));

  it(`holds for ${RUNS} catalogs`, { timeout: 900_000 }, async () => {
    let index = 0;
    await fc.assert(
      fc.asyncProperty(catalogArbitrary, fc.constantFrom('json', 'yaml'), async (raw, format) => {
        index += 1;
        const source = format === 'json' ? JSON.stringify(raw, null, 2) : stringifyYaml(raw);
        const file = join(dir, `catalog-${index}.${format}`);
        writeFileSync(file, source);

        let catalog: Catalog;
        try {
          catalog = loadCatalog(file);
        } catch (error) {
          // Refused: only located, one-line diagnostics that name the file.
          expect(error).toBeInstanceOf(CatalogError);
          for (const diagnostic of (error as CatalogError).diagnostics) {
            const line = formatDiagnostic(diagnostic);
            expect(line.startsWith(file)).toBe(true);
            expect(line).not.toMatch(/[\n\r]/);
          }
          refusedRuns += 1;
          if (process.env["FUZZ_DEBUG"]) console.log("REFUSED", (error as CatalogError).diagnostics.map((d) => d.path + ": " + d.message.slice(0, 60)).join(" ; "));
          return;
        }
        generatedRuns += 1;
        const files = new Map((await generate(catalog)).map((f) => [f.path, f.contents]));
        const data = catalog.data;

        // OpenAPI: valid, and every string reads back exactly from JSON and YAML.
        for (const [json, yaml] of [
          ['openapi/components.json', 'openapi/components.yaml'],
          ['openapi/components.oas30.json', 'openapi/components.oas30.yaml'],
        ] as const) {
          const document = JSON.parse(files.get(json)!) as {
            info: { title: string; version: string };
            components: { responses: Record<string, { description: string }>; examples: Record<string, { value: unknown }> };
          };
          expect(parseYaml(files.get(yaml)!)).toEqual(document);
          const result = await validator.validate(document as never);
          expect(result.valid, JSON.stringify(result.errors)).toBe(true);
          if (data.title !== undefined) expect(document.info.title).toBe(data.title);
          for (const s of data.statuses) expect(document.components.responses[s.name]?.description).toBe(s.description);
        }

        // Markdown: the title and every status row read back, cell by cell.
        if (data.title !== undefined) {
          const heading = parser.parse(files.get('docs/status-codes.md')!, {}).find((t) => t.type === 'inline' && t.map?.[0] === 2);
          expect(inlineText(heading!)).toBe(data.title.replace(/\r\n|[\r\n\u2028\u2029]/g, '\n'));
        }
        const table = readTables(files.get('docs/status-codes.md')!).find((t) => t[0]?.[0] === 'Status')!;
        for (const s of data.statuses) {
          const row = table.find((r) => r[0] === String(s.status));
          expect(row).toHaveLength(5);
          expect(row![1]).toBe(asMarkdownReadsIt(s.message, false));
          expect(row![2]).toBe(asMarkdownReadsIt(s.description, true));
        }
        if ((data.errors ?? []).length > 0) {
          const codes = readTables(files.get('docs/error-codes.md')!)[0]!;
          expect(codes.slice(1)).toHaveLength(data.errors!.length);
        }

        // TypeScript: already in prettier's layout; kept for the batched compile.
        const runDir = join(dir, 'ts', `run-${index}`);
        mkdirSync(runDir, { recursive: true });
        for (const [path, contents] of files) {
          if (!path.startsWith('ts/')) continue;
          const formatted = await prettier.format(contents, PRETTIER_OPTIONS);
          if (formatted !== contents) {
            const ours = contents.split('\n');
            const theirs = formatted.split('\n');
            const at = ours.findIndex((line, i) => line !== theirs[i]);
            expect.fail(`${path} of ${file} is not in prettier's layout at line ${at + 1}:\n${JSON.stringify(ours.slice(at, at + 3))}\nprettier:\n${JSON.stringify(theirs.slice(at, at + 4))}`);
          }
          writeFileSync(join(runDir, path.slice(3)), contents);
        }
        kept.push({ index, catalog, source });
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }), ...(process.env["FUZZ_PATH"] === undefined ? {} : { path: process.env["FUZZ_PATH"] }) },
    );
    // A property that never generates proves little: most runs must get through validation.
    expect(generatedRuns).toBeGreaterThan(RUNS / 4);
    expect(refusedRuns).toBeGreaterThan(0);
  });

  it('compiles every generated module strict, and each gives its strings back with nothing run on import', { timeout: 900_000 }, async () => {
    expect(kept.length).toBeGreaterThan(0);
    const compiled = compileTypeScript(join(dir, 'ts'), join(dir, 'js'));
    expect(compiled.stdout + compiled.stderr).toBe('');
    expect(compiled.status).toBe(0);
    for (const { index, catalog } of kept) {
      const m = await importFile<Generated>(join(dir, 'js', `run-${index}`, 'index.js'));
      for (const s of catalog.data.statuses) {
        expect(m.getStatusMessage(s.status), `run ${index}`).toBe(s.message);
        expect(m.getStatusInfo(s.status)?.description).toBe(s.description);
      }
      for (const e of catalog.data.errors ?? []) {
        const info = m.getErrorInfo(e.code);
        expect(info?.message, `run ${index} code ${e.code}`).toBe(e.message);
        expect(info?.description).toBe(e.description);
        expect(info?.measure).toBe(e.measure);
        const Class = m.errorClassForCode(e.code)!;
        expect(new Class().errorMsg).toBe(e.message);
      }
    }
    expect((globalThis as Record<string, unknown>)['__fuzzPwned']).toBeUndefined();
  });
});
