/**
 * Property-based test (fast-check) of the whole generator on random catalogs full of hostile
 * text: comment and string terminators, template syntax, quotes and backslashes, line and
 * paragraph separators, bidi controls, HTML, Markdown and YAML specials, astral characters,
 * names such as constructor, __proto__, delete or 1st.
 *
 * Property: loading either fails with located, one-line diagnostics, or it succeeds and then
 * every output is sound: the OpenAPI validates and every catalog string reads back exactly from
 * the JSON and the YAML; the Markdown tables read back cell by cell; the TypeScript is in
 * prettier's layout, compiles under the strict options with erasable syntax only, and once
 * imported gives every string back exactly, with nothing run on import, and its error classes
 * behave as the catalog says (per-code classes only when typescript.errorCodeClasses is on).
 *
 * Compiling is batched: the second test generates the same sample of catalogs on its own (no
 * state passes between the tests), and one tsc run checks them all (a tsc per run would take
 * minutes). FUZZ_RUNS sets the number of runs (`npm run fuzz` runs 2,000 with random seeds);
 * FUZZ_SEED (and FUZZ_PATH, for the first test) replay a failing run.
 *
 * A file that is not in prettier's layout (or does not parse) does not stop the first test, nor
 * does a run whose TypeScript does not compile stop the second: each is collected with its
 * catalog, the other runs are still checked, and the test fails at the end on them. Catalogs
 * that once broke the generator (REGRESSIONS) run first in both tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import fc from 'fast-check';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { PRETTIER_OPTIONS } from '../../generator/targets/typescript/writer/layout.js';
import { CatalogError, formatDiagnostic, generate, loadCatalog, type Catalog } from '../../generator/index.js';
import type { CodeErrorClass } from '../../output/ts/index.js';
import { compileTypeScript, ERASABLE_OPTIONS, importFile, removeDir, tempDir } from '../harness/helpers.js';
import { inlineText, parser, readTables } from '../harness/markdown.js';

// Few in `npm test` (it must stay quick), many in `npm run fuzz`.
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 30);
// A fixed seed in `npm test`, so CI is deterministic; `npm run fuzz` explores with a random seed,
// drawn once so that both tests sample the same catalogs (failure messages name it for FUZZ_SEED).
const DEFAULT_SEED = 20261125;
const SEED =
  process.env['FUZZ_SEED'] !== undefined
    ? Number(process.env['FUZZ_SEED'])
    : process.env['FUZZ_RANDOM'] !== undefined
      ? Math.floor(Math.random() * 0x7fffffff)
      : DEFAULT_SEED;

const HOSTILE = [
  '*/',
  '/*',
  '/**',
  '${',
  '`',
  '"',
  "'",
  '\\',
  '\\u0041',
  '\u2028',
  '\u2029',
  '\u202E',
  '\u2066',
  '\u200F',
  '\uFEFF',
  '</script>',
  '<img src=x onerror=alert(1)>',
  '|',
  '# ',
  '- ',
  '1. ',
  '> ',
  '---',
  '***',
  '_',
  '[x](javascript:x)',
  'yes',
  'no',
  '~',
  'null',
  '!!str',
  '&a',
  '*a',
  '0o17',
  '2024-09-04',
  '@param x',
  '@deprecated',
  '{@link x}',
  'constructor',
  '__proto__',
  'prototype',
  'delete',
  '1st',
  '😀',
  '𝒳',
  '漢字',
  'é',
  '\n',
  '\r\n',
  '\t',
  '${globalThis.__fuzzPwned = 1}',
  '*/ globalThis.__fuzzPwned = 2; /*',
  '"; globalThis.__fuzzPwned = 3; "',
  "'; globalThis.__fuzzPwned = 4; '",
  '`; globalThis.__fuzzPwned = 5; `',
  '\u200b@deprecated x',
  '\u00ad',
  '\u200d',
  '\u2060',
  '\u{E0041}',
  '\u3164',
  '\ufe0f',
  ' # ',
  'Issue #',
  '\u00a0',
];

/** Text: mostly hostile fragments and printable strings, sometimes anything at all (controls, lone surrogates). */
const text = fc.oneof(
  {
    weight: 24,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 8 })), { minLength: 1, maxLength: 6 })
      .map((parts) => parts.join('')),
  },
  { weight: 8, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }) },
  { weight: 2, arbitrary: fc.constant('x'.repeat(300)) },
  // Lengths around the print width, in characters prettier counts as 0, 1 or 2 columns.
  {
    weight: 4,
    arbitrary: fc
      .array(fc.constantFrom('x', 'x', 'x', ' ', '漢', '😀', 'é', '\u0301', '"', "'"), { minLength: 30, maxLength: 110 })
      .map((chars) => chars.join('')),
  },
);

// Invalid choices are rare on purpose: a catalog needs every part right to get generated, and
// most runs must get that far; the rare ones still check that refusals are located.
const name = fc.oneof(
  { weight: 20, arbitrary: fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,12}$/) },
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Z][A-Za-z0-9_]{40,63}$/) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'constructor',
      '__proto__',
      'delete',
      '1st',
      'Error',
      'Api',
      'Type',
      'isApi',
      'Default',
      'NotFound',
      'InternalServerError',
      'Hello World',
      'ok',
    ),
  },
);

const status = fc.oneof(
  { weight: 40, arbitrary: fc.integer({ min: 100, max: 599 }) },
  { weight: 1, arbitrary: fc.constantFrom(99, 600, 404) },
);

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
    errorBody: fc
      .record(
        {
          shape: fc.constantFrom('flat', 'nested', 'problem'),
          description: text,
          codeField: fc.oneof(
            { weight: 3, arbitrary: fc.constantFrom('error_code', 'code', 'err') },
            { weight: 1, arbitrary: fc.stringMatching(/^[a-z_][a-z0-9_]{20,31}$/) },
          ),
          messageField: fc.constantFrom('error_msg', 'message', 'msg'),
          codePattern: fc.oneof(
            { weight: 12, arbitrary: fc.constantFrom('^.+$', '^[A-Z]{2,5}\\.[0-9]{4}$') },
            { weight: 1, arbitrary: fc.constant('[') },
          ),
          defaultCode: fc.constantFrom('AB.0000', 'AB.0000', 'CD.1234', 'X'),
          problemTypeBase: fc.oneof(
            fc.constantFrom('https://errors.example/', 'urn:x:'),
            fc.constant(`https://errors.example/${'segment/'.repeat(12)}`),
          ),
        },
        { requiredKeys: [] },
      )
      .map((body) => {
        // The problem shape has no messageField; keep the rare invalid pairing rare.
        if (body.shape !== 'problem' || body.messageField === undefined || body.codeField === 'err') return body;
        const { messageField: _, ...rest } = body;
        return rest;
      }),
    statuses: fc
      .uniqueArray(
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
      )
      .map((entries) =>
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
      fc.record(
        { description: text, required: fc.boolean(), schema: fc.constant({ type: 'string' }), example: fc.constantFrom('x', 5) },
        { requiredKeys: ['description', 'schema'] },
      ),
      { maxKeys: 3 },
    ),
    errors: fc.uniqueArray(
      fc.record(
        { code, status, message: text, name, description: text, measure: text, deprecated: fc.boolean() },
        { requiredKeys: ['code', 'status', 'message'] },
      ),
      { maxLength: 5, selector: (entry) => entry.code },
    ),
    // Per-code classes are opt-in: absent (no typescript key, or an empty one), off, or on.
    typescript: fc.record({ errorCodeClasses: fc.boolean() }, { requiredKeys: [] }),
  },
  { requiredKeys: ['service', 'errorBody', 'statuses'] },
);

/** One run: a catalog and the format it is written in. */
const runArbitrary = fc.tuple(catalogArbitrary, fc.constantFrom('json', 'yaml'));
type RawCatalog = typeof catalogArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** Whether the catalog as written asks for one class per error code. */
const asksForCodeClasses = (raw: RawCatalog): boolean => raw.typescript?.errorCodeClasses === true;

const NOT_FOUND = { status: 404, name: 'NotFound', message: 'Not found.', description: 'Nothing here.' };

/**
 * Catalogs that once broke the generator, run first by both tests (before the random ones, so
 * the run numbers of the two tests still match).
 */
const REGRESSIONS: [RawCatalog, 'json' | 'yaml'][] = [
  // A class per code for a code below 400 extends ApiError, which errors.ts must import.
  [
    {
      service: 'Svc',
      errorBody: { shape: 'flat' },
      statuses: [NOT_FOUND],
      errors: [{ code: 'AB.0001', status: 302, message: 'Moved.' }],
      typescript: { errorCodeClasses: true },
    },
    'yaml',
  ],
  // "/*" in the JSDoc of a deprecated code's class, whose @deprecated tag follows the catalog text.
  [
    {
      service: 'Svc',
      errorBody: { shape: 'flat' },
      statuses: [NOT_FOUND],
      errors: [{ code: 'AB.0001', status: 404, message: 'Gone /* away', deprecated: true }],
      typescript: { errorCodeClasses: true },
    },
    'yaml',
  ],
  [
    {
      service: 'Svc',
      errorBody: { shape: 'flat' },
      statuses: [NOT_FOUND],
      errors: [{ code: 'AB.0001', status: 404, message: 'm', measure: '*/*/', deprecated: true }],
      typescript: { errorCodeClasses: true },
    },
    'json',
  ],
  // Keys of ERROR_MESSAGES, some of which need quotes and some not (prettier quotes only those).
  [
    {
      service: 'Svc',
      errorBody: { shape: 'flat', codePattern: '^.+$' },
      statuses: [NOT_FOUND],
      errors: [
        { code: 'AB.0001', status: 404, message: 'Gone.' },
        { code: 'Gone1', status: 404, message: 'Also gone.' },
      ],
    },
    'yaml',
  ],
  // No error codes at all: empty ErrorCode tables.
  [{ service: 'Svc', errorBody: { shape: 'flat' }, statuses: [NOT_FOUND], typescript: { errorCodeClasses: true } }, 'yaml'],
];

type Generated = typeof import('../../output/ts/index.js');

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

/** Writes run `index`'s catalog into `dir`, in its format. */
function writeCatalog(dir: string, index: number, raw: RawCatalog, format: 'json' | 'yaml'): { file: string; source: string } {
  const source = format === 'json' ? JSON.stringify(raw, null, 2) : stringifyYaml(raw);
  const file = join(dir, `catalog-${index}.${format}`);
  writeFileSync(file, source);
  return { file, source };
}

/** Loads a catalog, or the CatalogError that refused it; any other error is thrown. */
function loadOrRefuse(file: string): { catalog: Catalog } | { refused: CatalogError } {
  try {
    return { catalog: loadCatalog(file) };
  } catch (error) {
    if (error instanceof CatalogError) return { refused: error };
    throw error;
  }
}

/** Writes the TypeScript of one generated run into `runDir`, for the batched compile. */
function keepTypeScript(runDir: string, files: ReadonlyMap<string, string>): void {
  mkdirSync(runDir, { recursive: true });
  for (const [path, contents] of files) if (path.startsWith('ts/')) writeFileSync(join(runDir, path.slice(3)), contents);
}

/** A generated file prettier would lay out differently, with everything needed to reproduce it. */
interface LayoutFailure {
  readonly run: number;
  readonly file: string;
  readonly source: string;
  readonly path: string;
  readonly generated: string;
  /** Prettier's layout of the file; undefined when prettier could not parse it. */
  readonly formatted: string | undefined;
  readonly parseError?: string;
}

/** The first line where a generated file and prettier's version of it part. */
function firstDifference(f: LayoutFailure): number {
  const ours = f.generated.split('\n');
  const theirs = (f.formatted ?? '').split('\n');
  return ours.findIndex((line, i) => line !== theirs[i]);
}

/**
 * What kind of layout difference a failure is: the file and its first differing line with
 * strings and words blanked, so that one construct laid out wrong in many catalogs is one kind.
 */
function layoutKind(f: LayoutFailure): string {
  if (f.formatted === undefined) return `${f.path}: prettier cannot parse it`;
  const line = f.generated.split('\n')[firstDifference(f)] ?? '';
  return `${f.path}: ${line
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/[\p{L}\p{N}_$]+/gu, 'w')
    .trim()}`;
}

function describeLayoutFailure(f: LayoutFailure): string {
  const catalog = `catalog ${f.file}:\n${f.source}`;
  if (f.formatted === undefined) return `${f.path} of run ${f.run} (FUZZ_SEED=${SEED}) does not parse: ${f.parseError ?? ''}\n${catalog}`;
  const at = firstDifference(f);
  return (
    `${f.path} of run ${f.run} (FUZZ_SEED=${SEED}) is not in prettier's layout at line ${at + 1}:\n` +
    `generated: ${JSON.stringify(f.generated.split('\n').slice(at, at + 3))}\n` +
    `prettier:  ${JSON.stringify(f.formatted.split('\n').slice(at, at + 4))}\n` +
    catalog
  );
}

/**
 * Fails on layout failures, readably: for each kind (up to five), the run with the shortest
 * catalog, with prettier's diff; then every kind with the runs that show it.
 */
function expectNoLayoutFailures(failures: readonly LayoutFailure[]): void {
  const kinds = new Map<string, LayoutFailure[]>();
  for (const f of failures) {
    const kind = layoutKind(f);
    kinds.set(kind, [...(kinds.get(kind) ?? []), f]);
  }
  for (const group of [...kinds.values()].slice(0, 5)) {
    const shortest = group.reduce((a, b) => (b.source.length < a.source.length ? b : a));
    if (shortest.formatted === undefined) expect.soft(shortest.parseError, describeLayoutFailure(shortest)).toBeUndefined();
    else expect.soft(shortest.generated, describeLayoutFailure(shortest)).toBe(shortest.formatted);
  }
  expect(
    [...kinds].map(([kind, group]) => `${kind} (runs ${group.map((f) => f.run).join(', ')})`),
    `generated files not in prettier's layout (FUZZ_SEED=${SEED})`,
  ).toEqual([]);
}

describe('random hostile catalogs', () => {
  const validator = new Validator();

  it(`holds for ${RUNS} catalogs`, { timeout: 900_000 }, async () => {
    const dir = tempDir();
    try {
      let index = 0;
      let generatedRuns = 0;
      let refusedRuns = 0;
      const variants = { absent: 0, off: 0, on: 0, onWithCodes: 0 };
      const layoutFailures: LayoutFailure[] = [];
      await fc.assert(
        fc.asyncProperty(runArbitrary, async ([raw, format]) => {
          index += 1;
          const { file, source } = writeCatalog(dir, index, raw, format);
          const loaded = loadOrRefuse(file);
          if ('refused' in loaded) {
            // Refused: only located, one-line diagnostics that name the file.
            for (const diagnostic of loaded.refused.diagnostics) {
              const line = formatDiagnostic(diagnostic);
              expect(line.startsWith(file)).toBe(true);
              expect(line).not.toMatch(/[\n\r]/);
            }
            refusedRuns += 1;
            return;
          }
          const { catalog } = loaded;
          generatedRuns += 1;
          const files = new Map((await generate(catalog)).map((f) => [f.path, f.contents]));
          const data = catalog.data;

          // The option reaches the loaded catalog as written.
          expect(data.typescript?.errorCodeClasses).toBe(raw.typescript?.errorCodeClasses);
          const option = raw.typescript?.errorCodeClasses;
          if (option === undefined) variants.absent += 1;
          else if (!option) variants.off += 1;
          else {
            variants.on += 1;
            if ((data.errors ?? []).length > 0) variants.onWithCodes += 1;
          }

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
            const result = await validator.validate(document);
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

          // TypeScript: already in prettier's layout (the ts-morph-built files are written in it
          // directly). A file that is not is collected, and the test fails on it at the end.
          for (const [path, contents] of files) {
            if (!path.startsWith('ts/')) continue;
            let formatted: string;
            try {
              formatted = await prettier.format(contents, PRETTIER_OPTIONS);
            } catch (error) {
              // Not even TypeScript: collected too, so that the other runs still get checked.
              layoutFailures.push({ run: index, file, source, path, generated: contents, formatted: undefined, parseError: String(error) });
              continue;
            }
            if (formatted !== contents) layoutFailures.push({ run: index, file, source, path, generated: contents, formatted });
          }
        }),
        {
          numRuns: RUNS,
          seed: SEED,
          examples: REGRESSIONS.map((run) => [run] as [typeof run]),
          ...(process.env['FUZZ_PATH'] === undefined ? {} : { path: process.env['FUZZ_PATH'] }),
        },
      );
      // A property that never generates proves little: most runs must get through validation.
      expect(generatedRuns).toBeGreaterThan(RUNS / 4);
      expect(refusedRuns).toBeGreaterThan(0);
      // Every setting of typescript.errorCodeClasses is tried, classes with codes among them: the
      // default seed's first 30 runs are known to try them all; another seed needs many runs.
      if ((SEED === DEFAULT_SEED && RUNS >= 30) || RUNS >= 100)
        for (const [variant, count] of Object.entries(variants)) expect(count, `runs with errorCodeClasses ${variant}`).toBeGreaterThan(0);

      // Layout last, so that every other check has run over every catalog.
      expectNoLayoutFailures(layoutFailures);
    } finally {
      removeDir(dir);
    }
  });

  it(
    'compiles every generated module strict, and each gives its strings back with nothing run on import',
    { timeout: 900_000 },
    async () => {
      // Its own catalogs (the same sample as the test above when run with the same seed): this test
      // depends on no other having run.
      const dir = tempDir();
      try {
        const kept: { index: number; raw: RawCatalog; catalog: Catalog; file: string; source: string }[] = [];
        for (const [i, [raw, format]] of [...REGRESSIONS, ...fc.sample(runArbitrary, { numRuns: RUNS, seed: SEED })].entries()) {
          const index = i + 1;
          const { file, source } = writeCatalog(dir, index, raw, format);
          const loaded = loadOrRefuse(file);
          if ('refused' in loaded) continue;
          let generated: Awaited<ReturnType<typeof generate>>;
          try {
            generated = await generate(loaded.catalog);
          } catch (error) {
            if (error instanceof Error) error.message = `run ${index} (FUZZ_SEED=${SEED}), catalog ${file}: ${error.message}\n${source}`;
            throw error;
          }
          const files = new Map(generated.map((f) => [f.path, f.contents]));
          keepTypeScript(join(dir, 'ts', `run-${index}`), files);
          kept.push({ index, raw, catalog: loaded.catalog, file, source });
        }
        expect(kept.length).toBeGreaterThan(RUNS / 4);

        // The strict options, and erasable syntax only (what Node's type stripping and single-file
        // transpilers need). tsc emits JavaScript in spite of errors: the runs it names are reported
        // at the end, and the others are still checked.
        const compiled = compileTypeScript(join(dir, 'ts'), join(dir, 'js'), ERASABLE_OPTIONS);
        const diagnostics = compiled.stdout + compiled.stderr;
        expect.soft(diagnostics).toBe('');
        expect.soft(compiled.status).toBe(0);
        const broken = new Set([...diagnostics.matchAll(/\brun-(\d+)\//g)].map((match) => Number(match[1])));

        const classes = { withClass: 0, without: 0 };
        for (const { index, raw, catalog, file, source } of kept) {
          if (broken.has(index)) continue;
          const m = await importFile<Generated>(join(dir, 'js', `run-${index}`, 'index.js'));
          try {
            const codes = checkRuntime(m, raw, catalog);
            classes[asksForCodeClasses(raw) ? 'withClass' : 'without'] += codes;
          } catch (error) {
            if (error instanceof Error) error.message = `run ${index} (FUZZ_SEED=${SEED}), catalog ${file}: ${error.message}\n${source}`;
            throw error;
          }
        }
        expect((globalThis as Record<string, unknown>)['__fuzzPwned']).toBeUndefined();
        expect(
          kept
            .filter((run) => broken.has(run.index))
            .map((run) => `run ${run.index} (FUZZ_SEED=${SEED}), catalog ${run.file}:\n${run.source}`),
          'catalogs whose TypeScript does not compile',
        ).toEqual([]);
        // Codes were checked both with and without per-code classes.
        if (RUNS >= 0) for (const [variant, count] of Object.entries(classes)) expect(count, `codes checked ${variant}`).toBeGreaterThan(0);
      } finally {
        removeDir(dir);
      }
    },
  );
});

/** What the compiled module of a catalog gives back at run time; returns how many codes it checked. */
function checkRuntime(m: Generated, raw: RawCatalog, catalog: Catalog): number {
  const data = catalog.data;
  const errors = data.errors ?? [];
  const listedStatuses = new Set(data.statuses.map((s) => s.status));
  // A status the catalog does not list, and a code it does not list.
  let unlistedStatus = 599;
  while (listedStatuses.has(unlistedStatus) || errors.some((e) => e.status === unlistedStatus)) unlistedStatus -= 1;
  const unlistedCode = `unlisted:${errors.map((e) => e.code).join('|')}`;

  for (const s of data.statuses) {
    expect(m.getStatusMessage(s.status), `status ${s.status}`).toBe(s.message);
    expect(m.getStatusInfo(s.status)?.description).toBe(s.description);
    // The default code lends no message: an error without a code has its status's message.
    const plain = new m.ApiError(s.status);
    expect(plain.message, `ApiError ${s.status}`).toBe(s.message);
    expect(plain.errorMsg, `ApiError ${s.status}`).toBe(s.message);
    if (s.status >= 400) {
      const StatusClass = m.errorClassFor(s.status);
      expect(StatusClass?.status, `errorClassFor(${s.status})`).toBe(s.status);
      const made = new StatusClass!(undefined, undefined);
      expect(made.status).toBe(s.status);
      expect(made.errorMsg, `new errorClassFor(${s.status})()`).toBe(s.message);
      expect(made).toBeInstanceOf(m.ApiError);
    } else {
      // One class per 4xx/5xx status only.
      expect(m.errorClassFor(s.status), `errorClassFor(${s.status})`).toBeUndefined();
    }
  }
  expect(new m.ApiError(unlistedStatus).message).toBe(`HTTP ${unlistedStatus}`);

  const codeClasses = asksForCodeClasses(raw);
  for (const e of errors) {
    const about = `code ${JSON.stringify(e.code)} (status ${e.status}, errorCodeClasses ${String(raw.typescript?.errorCodeClasses)})`;
    // The lookups work with or without code classes.
    const info = m.getErrorInfo(e.code);
    expect(info?.status, about).toBe(e.status);
    expect(info?.message, about).toBe(e.message);
    expect(info?.description, about).toBe(e.description);
    expect(info?.measure, about).toBe(e.measure);
    expect(m.isErrorCode(e.code), about).toBe(true);

    // A code's catalog message is the default message only for errors of its own status.
    const own = new m.ApiError(e.status, undefined, { errorCode: e.code });
    expect(own.errorCode, about).toBe(e.code);
    expect(own.message, about).toBe(e.message);
    expect(own.errorMsg, about).toBe(e.message);
    for (const s of data.statuses) {
      if (s.status === e.status) continue;
      const other = new m.ApiError(s.status, undefined, { errorCode: e.code });
      expect(other.message, `${about} on ${s.status}`).toBe(s.message);
      expect(other.errorMsg, `${about} on ${s.status}`).toBe(s.message);
    }
    expect(new m.ApiError(unlistedStatus, undefined, { errorCode: e.code }).message, `${about} on ${unlistedStatus}`).toBe(
      `HTTP ${unlistedStatus}`,
    );

    const Class = m.errorClassForCode(e.code) as CodeErrorClass | undefined;
    if (!codeClasses) {
      expect(Class, about).toBeUndefined();
      continue;
    }
    expect(Class, about).toBeDefined();
    expect(Class!.errorCode, about).toBe(e.code);
    expect(Class!.status, about).toBe(e.status);
    const made = new Class!(undefined, undefined);
    expect(made.errorCode, about).toBe(e.code);
    expect(made.status, about).toBe(e.status);
    expect(made.message, about).toBe(e.message);
    // For a 5xx code the body carries the catalog message anyway; here it is the code's own.
    expect(made.errorMsg, about).toBe(e.message);
    expect(made, about).toBeInstanceOf(m.ApiError);
    const StatusClass = e.status >= 400 && listedStatuses.has(e.status) ? m.errorClassFor(e.status) : undefined;
    if (StatusClass !== undefined) expect(made, about).toBeInstanceOf(StatusClass);
    // A message given is sent as is below 500; a 5xx body carries the catalog message.
    const given = new Class!('given message', undefined);
    expect(given.message, about).toBe('given message');
    expect(given.errorMsg, about).toBe(e.status >= 500 ? e.message : 'given message');
  }
  expect(m.getErrorInfo(unlistedCode)).toBeUndefined();
  expect(m.isErrorCode(unlistedCode)).toBe(false);
  expect(m.errorClassForCode(unlistedCode)).toBeUndefined();
  return errors.length;
}
