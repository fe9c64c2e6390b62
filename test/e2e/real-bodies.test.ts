/**
 * Real error bodies end to end, on catalogs written from three services' published tables
 * (test/fixtures/public/{cloudflare,slack,google}.yaml) and the bodies those services are
 * documented or seen to send (the .wire.json next to each catalog): a list of errors with
 * integer codes and constants of any JSON value (Cloudflare), errors answered with HTTP 200 and
 * no message member (Slack), the HTTP status echoed in the body and a list of details (Google).
 * Each catalog generates in this process; its OpenAPI is valid and Redocly-clean, its
 * TypeScript compiles strict and imports, every real body is valid against the generated
 * ErrorBody schema, is read back into its code's error, and a thrown error of each code writes
 * a body of the same members and types.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCatalog, type Catalog } from '../../generator/index.js';
import { buildModel } from '../../generator/model/model.js';
import { runInProcess } from '../harness/cli.js';
import { compileTypeScript, ERASABLE_OPTIONS, importFile, removeDir, ROOT, tempDir } from '../harness/helpers.js';
import { lintFragment, validateSpec } from '../harness/openapi-check.js';

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };
type Body = { readonly [key: string]: Json };

/** A real body as the .wire.json files record it: where it was published, and whether it was assembled from a table row. */
interface WireSample {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: Body;
  readonly source: string;
  readonly constructed?: boolean;
}

/** The part of a generated error these tests read. */
interface GeneratedError {
  readonly status: number;
  readonly errorCode?: unknown;
  readonly errorMsg: string;
  readonly message: string;
  toJSON(): unknown;
}
type GeneratedErrorClass = new (errorMsg?: string) => GeneratedError;

/** The functions of a generated module these tests call. */
interface Generated {
  errorFromResponse(status: number | string, body?: unknown, headers?: Readonly<Record<string, string>>): GeneratedError;
  isErrorResponse(status: number, body: unknown): boolean;
  errorClassForCode(code: string | number, status?: number): unknown;
}

const FIXTURES = [
  {
    // {"success":false,"errors":[{"code":7003,"message":"…"}],"messages":[],"result":null}
    file: 'cloudflare.yaml',
    codeType: 'number',
    successBodies: [{ success: true, errors: [], messages: [], result: { id: '023e105f4ecef8ad9ca31a8372d0c353' } }],
  },
  {
    // HTTP 200 with {"ok":false,"error":"invalid_auth"}; 429 with Retry-After for ratelimited.
    file: 'slack.yaml',
    codeType: 'string',
    successBodies: [{ ok: true }, { ok: true, canvas_id: 'F1234ABCD' }],
  },
  {
    // {"error":{"code":429,"message":"…","status":"RESOURCE_EXHAUSTED","details":[…]}}
    file: 'google.yaml',
    codeType: 'string',
    successBodies: [],
  },
] as const;

const OPENAPI_FILES = ['components.yaml', 'components.json', 'components.oas30.yaml', 'components.oas30.json'];

/** The JSON type of a value, as a body's schema speaks of it. */
function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** The value at a path of member names and array indices (a number, or a token of digits, is an index into an array). */
function at(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const token of path) {
    if (Array.isArray(current)) current = (current as unknown[])[Number(token)];
    else if (current !== null && typeof current === 'object') current = (current as Record<string, unknown>)[String(token)];
    else return undefined;
  }
  return current;
}

/** Removes the member at a path, if there is one. */
function removeAt(value: unknown, path: readonly (string | number)[]): void {
  const parent = at(value, path.slice(0, -1));
  if (parent !== null && typeof parent === 'object' && !Array.isArray(parent))
    delete (parent as Record<string, unknown>)[String(path.at(-1))];
}

/** A body's members and their JSON types, nested as in the body: what a writer must reproduce whatever the values. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, member]) => [key, shapeOf(member)]),
    );
  }
  return jsonType(value);
}

for (const fixture of FIXTURES) {
  describe(`${fixture.file} (real bodies)`, () => {
    const catalogPath = join(ROOT, 'test', 'fixtures', 'public', fixture.file);
    const samples = JSON.parse(readFileSync(catalogPath.replace(/\.yaml$/, '.wire.json'), 'utf8')) as WireSample[];
    let catalog: Catalog | undefined;
    let model: ReturnType<typeof buildModel> | undefined;
    let catalogError: unknown;
    let dir: string;
    let out: string;
    let generated: { status: number | null; stderr: string } | undefined;
    let compiled: string;
    let loaded: Generated | undefined;
    let loadError: unknown;
    let document: Record<string, unknown> | undefined;

    /** The catalog and its model; a test that needs them fails, saying why, when the catalog did not load. */
    const loadedModel = (): { catalog: Catalog; model: ReturnType<typeof buildModel> } => {
      if (catalog === undefined || model === undefined) throw new Error(`the catalog did not load: ${String(catalogError)}`);
      return { catalog, model };
    };
    const gen = (): Generated => {
      if (loaded === undefined) throw new Error(`the generated module did not load: ${String(loadError)}`);
      return loaded;
    };
    const errors = (): NonNullable<Catalog['data']['errors']> => loadedModel().catalog.data.errors ?? [];
    /** Where the body carries a part (code, message, status), or undefined when it has none. */
    const pathOf = (part: string): readonly (string | number)[] | undefined => {
      const member = loadedModel().model.errorBody.members.find((m) => m.kind === 'part' && m.part === part);
      return member?.path;
    };
    /** The paths of the extras: members that describe one occurrence (details, error chains, scopes), not the error. */
    const extraPaths = (): (readonly (string | number)[])[] =>
      loadedModel()
        .model.errorBody.members.filter((m) => m.kind === 'extra')
        .map((m) => m.path);
    /** The catalog entry a real body stands for: its code (in the catalog's text) under its status. */
    const entryOf = (sample: WireSample): { code: string; status: number; message: string } => {
      const code = String(at(sample.body, pathOf('code')!));
      const entry = errors().find((e) => e.code === code && e.status === sample.status);
      if (entry === undefined) throw new Error(`${fixture.file}: no entry ${code} under ${sample.status} for ${sample.source}`);
      return entry;
    };
    /** The catalog keeps codes as written; the generated API takes them in their wire type. */
    const classOf = (code: string, status: number): GeneratedErrorClass => {
      const Class = gen().errorClassForCode(loadedModel().model.errorBody.codeType === 'integer' ? Number(code) : code, status);
      expect(Class, `the class of ${code} under ${status}`).toBeTypeOf('function');
      return Class as GeneratedErrorClass;
    };

    beforeAll(async () => {
      try {
        catalog = loadCatalog(catalogPath);
        model = buildModel(catalog);
      } catch (error) {
        catalogError = error;
      }
      dir = tempDir();
      out = join(dir, 'out');
      generated = await runInProcess(['generate', '--catalog', catalogPath, '--out', out]);
      if (generated.status !== 0) return;
      const source = join(dir, 'src');
      cpSync(join(out, 'ts'), source, { recursive: true });
      const result = compileTypeScript(source, join(dir, 'js'), ERASABLE_OPTIONS);
      compiled = result.stdout + result.stderr;
      try {
        loaded = await importFile<Generated>(join(dir, 'js', 'index.js'));
      } catch (error) {
        loadError = error;
      }
      document = JSON.parse(readFileSync(join(out, 'openapi', 'components.json'), 'utf8')) as Record<string, unknown>;
    });
    afterAll(() => removeDir(dir));

    it('loads without errors or warnings, and generate writes its output', () => {
      expect(catalogError).toBeUndefined();
      expect(generated?.stderr).toBe('');
      expect(generated?.status).toBe(0);
      expect(errors().length).toBeGreaterThanOrEqual(15);
      expect(samples.length).toBeGreaterThanOrEqual(5);
    });

    for (const file of OPENAPI_FILES) {
      it(`${file} is valid OpenAPI with no Redocly errors`, async () => {
        const path = join(out, 'openapi', file);
        const validation = await validateSpec(parse(readFileSync(path, 'utf8')) as Record<string, unknown>);
        expect(validation.valid, JSON.stringify(validation.errors)).toBe(true);
        expect((await lintFragment(path)).errors).toEqual([]);
      });
    }

    it('compiles strict with erasable syntax only, and imports', () => {
      expect(compiled).toBe('');
      expect(loadError).toBeUndefined();
      expect(loaded).toBeDefined();
    });

    it('every real body is valid against the generated ErrorBody schema (3.1, $refs resolved within the document)', () => {
      expect(document, 'components.json').toBeDefined();
      const ajv = new Ajv2020({ allErrors: true, strict: false });
      ajv.addSchema(document!, 'components.json');
      const validate = ajv.getSchema('components.json#/components/schemas/ErrorBody');
      expect(validate).toBeDefined();
      for (const sample of samples) expect(validate!(sample.body), `${sample.source}: ${JSON.stringify(validate!.errors)}`).toBe(true);
      // Control: the schema tells an error body from what is not one.
      expect(validate!({}), 'an empty object').toBe(false);
      for (const success of fixture.successBodies) expect(validate!(success), JSON.stringify(success)).toBe(false);
    });

    it("reads every real body into its code's error: the code in its JSON type, the message, the status", () => {
      const m = gen();
      for (const sample of samples) {
        const entry = entryOf(sample);
        const label = `${sample.status} ${entry.code} (${sample.source})`;
        const code = at(sample.body, pathOf('code')!);
        expect(jsonType(code), label).toBe(fixture.codeType);
        for (const body of [sample.body, JSON.stringify(sample.body)]) {
          const received = m.errorFromResponse(sample.status, body, sample.headers);
          expect(received, label).toBeInstanceOf(classOf(entry.code, entry.status));
          expect(received.errorCode, label).toBe(code);
          expect(received.status, label).toBe(sample.status);
          const messageAt = pathOf('message');
          // A body without a message member gets the catalog's message of its code.
          if (messageAt === undefined) expect(received.errorMsg, label).toBe(entry.message);
          else expect(received.message, label).toBe(at(sample.body, messageAt));
          const statusAt = pathOf('status');
          if (statusAt !== undefined) expect(at(sample.body, statusAt), label).toBe(sample.status);
        }
      }
    });

    it("a thrown error of each real body's code writes that body's members and member types", () => {
      for (const sample of samples) {
        const entry = entryOf(sample);
        const label = `${sample.status} ${entry.code} (${sample.source})`;
        const written = new (classOf(entry.code, entry.status))().toJSON();
        // Extras describe one occurrence; other items of a list of errors are other errors.
        const expected = structuredClone(sample.body) as Record<string, unknown>;
        for (const path of extraPaths()) removeAt(expected, path);
        const codeAt = pathOf('code')!;
        codeAt.forEach((token, i) => {
          const list = at(expected, codeAt.slice(0, i));
          if (Array.isArray(list) && /^[0-9]+$/.test(String(token))) list.splice(Number(token) + 1);
        });
        expect(shapeOf(written), label).toEqual(shapeOf(expected));
        expect(at(written, codeAt), label).toBe(at(sample.body, codeAt));
        const statusAt = pathOf('status');
        if (statusAt !== undefined) expect(at(written, statusAt), label).toBe(sample.status);
        for (const member of loadedModel().model.errorBody.members) {
          if (member.kind !== 'constant') continue;
          const path = member.path;
          expect(at(written, path), `${label} ${path.join('/')}`).toEqual(at(sample.body, path));
        }
      }
    });

    it('says every real body is an error response, and a success body is not', () => {
      const m = gen();
      for (const sample of samples) expect(m.isErrorResponse(sample.status, sample.body), sample.source).toBe(true);
      for (const success of fixture.successBodies) expect(m.isErrorResponse(200, success), JSON.stringify(success)).toBe(false);
      // A 2xx error body is read into its error, and an error of a 2xx code is listed under its 2xx status.
      for (const sample of samples.filter((s) => s.status < 300)) {
        expect(m.errorFromResponse(sample.status, sample.body).status).toBe(sample.status);
      }
    });
  });
}
