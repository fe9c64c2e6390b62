/**
 * Service error codes end to end, on fixture tables written in the styles real services
 * publish: each loads, generates through the CLI, validates as OpenAPI, compiles strict, and
 * for every code errorFromResponse(status, body) gives that code's class whose toJSON() is
 * the wire body.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import * as prettier from 'prettier';
import { buildOpenApiDocuments, toJson, toYaml } from '../generator/emit/openapi.js';
import { PRETTIER_OPTIONS } from '../generator/emit/ts-layout.js';
import { loadCatalog, type Catalog } from '../generator/index.js';
import { buildModel } from '../generator/model.js';
import { compileTypeScript, importFile, removeDir, ROOT, runCli, tempDir } from './helpers.js';
import { readTables } from './markdown.js';
import { lintFragment, validateSpec } from './openapi-check.js';

type Generated = typeof import('../output/ts/index.js');
type Body = Record<string, unknown>;
interface Components {
  schemas: Record<string, { enum?: string[]; pattern?: string }>;
  responses: Record<string, { 'x-status-code': number; 'x-error-codes'?: string[]; content?: Record<string, { examples: Record<string, { $ref: string }> }> }>;
  examples: Record<string, { value: Body }>;
}

const FIXTURES = [
  // Two codes on 200 and 204, and two codes sharing a message (their names get code suffixes).
  { file: 'storage.yaml', shape: 'flat', mediaType: 'application/json', warnings: 4 },
  // Two codes sharing a message.
  { file: 'billing.json', shape: 'nested', mediaType: 'application/json', warnings: 2 },
  // A code on 418, which the catalog does not list.
  { file: 'identity.yaml', shape: 'problem', mediaType: 'application/problem+json', warnings: 1 },
] as const;

const OPENAPI_FILES = ['components.yaml', 'components.json', 'components.oas30.yaml', 'components.oas30.json'];

for (const fixture of FIXTURES) {
  describe(`${fixture.file} (${fixture.shape} body)`, () => {
    const catalogPath = join(ROOT, 'test', 'fixtures', 'catalogs', fixture.file);
    let dir: string;
    let out: string;
    let stderr: string;
    let catalog: Catalog;
    let m: Generated;
    let components: Components;
    const errors = (): NonNullable<Catalog['data']['errors']> => catalog.data.errors ?? [];
    const classOf = (code: string): NonNullable<ReturnType<Generated['errorClassForCode']>> => m.errorClassForCode(code)!;

    beforeAll(async () => {
      dir = tempDir();
      out = join(dir, 'out');
      const result = runCli(['generate', '--catalog', catalogPath, '--out', out]);
      expect(result.status, result.stderr).toBe(0);
      stderr = result.stderr;
      catalog = loadCatalog(catalogPath);
      const compiled = compileTypeScript(join(out, 'ts'), join(dir, 'js'));
      expect(compiled.stdout + compiled.stderr).toBe('');
      m = await importFile<Generated>(join(dir, 'js', 'index.js'));
      components = (JSON.parse(readFileSync(join(out, 'openapi', 'components.json'), 'utf8')) as { components: Components }).components;
    });
    afterAll(() => removeDir(dir));

    it('loads with exactly its expected warnings, each located, and --strict refuses them', () => {
      const lines = stderr.trim() === '' ? [] : stderr.trim().split('\n');
      expect(lines).toHaveLength(fixture.warnings);
      for (const line of lines) expect(line).toMatch(new RegExp(`${fixture.file.replace('.', '\\.')}:\\d+:\\d+: warning: errors\\[\\d+\\]\\.\\w+: `));
      const strictOut = join(dir, 'strict');
      const strict = runCli(['generate', '--catalog', catalogPath, '--out', strictOut, '--strict']);
      expect(strict.status).toBe(Number(fixture.warnings) > 0 ? 1 : 0);
      expect(existsSync(strictOut)).toBe(Number(fixture.warnings) === 0);
    });

    it('keeps codes as written, numbers and leading zeros included', () => {
      const source = readFileSync(catalogPath, 'utf8');
      for (const error of errors()) expect(source).toContain(error.code);
      expect(errors().length).toBeGreaterThan(7);
    });

    for (const file of OPENAPI_FILES) {
      it(`${file} is valid OpenAPI with no Redocly errors`, async () => {
        const path = join(out, 'openapi', file);
        const document = parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
        const validation = await validateSpec(document);
        expect(validation.valid, JSON.stringify(validation.errors)).toBe(true);
        const lint = await lintFragment(path);
        expect(lint.errors).toEqual([]);
      });
    }

    it('lists the codes in the ErrorCode schema and under each status response', () => {
      expect(components.schemas['ErrorCode']?.enum).toEqual(errors().map((e) => e.code).sort());
      for (const [name, response] of Object.entries(components.responses)) {
        if (name === 'DefaultError') continue;
        const codes = errors().filter((e) => e.status === response['x-status-code']).map((e) => e.code).sort();
        expect(response['x-error-codes'] ?? [], name).toEqual(codes);
        const examples = response.content?.[fixture.mediaType]?.examples;
        // Error responses show an example per code; a success response's body is the operation's own.
        if (response['x-status-code'] >= 400) {
          for (const code of codes) expect(examples?.[code]?.$ref).toBe(`#/components/examples/${code}`);
        } else {
          expect(response.content).toBeUndefined();
        }
        // Every code that can be sent has an example; one on a status without content cannot.
        const bodiless = response['x-status-code'] < 200 || [204, 304].includes(response['x-status-code']);
        for (const code of codes) expect(components.examples[code] !== undefined, code).toBe(!bodiless);
      }
    });

    it('has an enum member, info and class for every code', () => {
      for (const error of errors()) {
        expect((m.ErrorCode as unknown as Record<string, string>)[error.name!], error.code).toBe(error.code);
        expect(m.isErrorCode(error.code)).toBe(true);
        const info = m.getErrorInfo(error.code);
        expect(info).toMatchObject({ code: error.code, status: error.status, message: error.message, deprecated: error.deprecated ?? false });
        expect(info?.description).toBe(error.description);
        expect(info?.measure).toBe(error.measure);
        const Class = classOf(error.code);
        expect(Class.errorCode).toBe(error.code);
        expect(Class.status).toBe(error.status);
        const instance = new Class();
        expect(instance.errorCode).toBe(error.code);
        expect(instance.errorMsg).toBe(error.message);
        expect(instance.status).toBe(error.status);
        // It extends its status class when the catalog has one, else the class of its range.
        const StatusClass = m.errorClassFor(error.status);
        if (StatusClass !== undefined) expect(instance).toBeInstanceOf(StatusClass);
        else expect(instance.constructor.prototype).toBeInstanceOf(error.status >= 500 ? m.ServerError : error.status >= 400 ? m.ClientError : m.ApiError);
      }
      expect(m.getErrorInfo('NO.SUCH.CODE')).toBeUndefined();
      expect(m.isErrorCode(42)).toBe(false);
    });

    it('agrees with the OpenAPI examples, and round-trips every code through errorFromResponse', () => {
      const sendable = errors().filter((e) => ![204, 304].includes(e.status) && e.status >= 200);
      expect(sendable.length).toBeGreaterThan(6);
      for (const error of sendable) {
        const wire = components.examples[error.code]?.value;
        expect(wire, error.code).toBeDefined();
        const Class = classOf(error.code);
        expect(new Class().toJSON()).toEqual(wire);
        const extra: Body = fixture.shape === 'problem' ? { instance: '/requests/7', request_id: 'req-7' } : { request_id: 'req-7' };
        const withRequest = fixture.shape === 'nested' ? { error: { ...(wire!['error'] as Body), request_id: 'req-7' } } : { ...wire, ...extra };
        for (const body of [wire, withRequest, JSON.stringify(withRequest)]) {
          const received = m.errorFromResponse(error.status, body);
          expect(received.constructor, error.code).toBe(Class);
          expect(received.toJSON()).toEqual(typeof body === 'string' ? withRequest : body);
        }
        expect(m.errorFromResponse(error.status, withRequest).requestId).toBe('req-7');
        expect(m.errorFromResponse(error.status, wire, { 'X-Request-Id': 'hdr-1' }).requestId).toBe('hdr-1');
        expect(m.errorFromResponse(error.status, wire, { 'X-Request-Id': 'hdr-1' }).toJSON()).toEqual(wire);
      }
    });

    it('reads every body shape, whatever the declared one', () => {
      for (const error of errors()) {
        const bodies: Body[] = [
          { error_code: error.code, error_msg: 'm' },
          { error: { code: error.code, message: 'm' } },
          { type: 'about:blank', title: 't', status: error.status, detail: 'm', code: error.code },
        ];
        for (const body of bodies) {
          const received = m.errorFromResponse(error.status, JSON.stringify(body));
          expect(received.constructor, `${error.code} ${JSON.stringify(body)}`).toBe(classOf(error.code));
          expect(received.errorMsg).toBe('m');
        }
        // A known code under another status keeps the status: the status class, with the code.
        const other = error.status === 500 ? 400 : 500;
        const moved = m.errorFromResponse(other, { error_code: error.code, error: { code: error.code } });
        expect(moved.constructor).not.toBe(classOf(error.code));
        expect(moved.status).toBe(other);
        expect(moved.errorCode).toBe(error.code);
      }
    });

    if (fixture.shape === 'nested') {
      it('finds a code sent as a JSON number, leading zeros and all', () => {
        const received = m.errorFromResponse(500, { error: { code: 500, message: 'down' } });
        expect(received.constructor).toBe(classOf('0500'));
        expect(received.errorCode).toBe('0500');
        expect(m.errorFromResponse(400, { error: { code: 1100 } }).constructor).toBe(classOf('1100'));
      });
    }

    if (fixture.shape === 'problem') {
      it('follows RFC 9457: a listed code has its own type and title, anything else is about:blank titled by the status', () => {
        const body = new (classOf('0404'))().toJSON() as unknown as Body;
        expect(body).toMatchObject({ type: 'https://errors.identity.example/0404', title: 'User not found.', status: 404, detail: 'User not found.', code: '0404' });
        const generic = new m.BadRequestError('Broken JSON').toJSON() as unknown as Body;
        expect(generic).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400, detail: 'Broken JSON', code: '0000' });
        expect(components.examples['BadRequest']?.value).toEqual({ ...generic, detail: 'Bad Request' });
      });
    }

    it('marks deprecated codes in the OpenAPI examples', () => {
      for (const error of errors().filter((e) => e.deprecated === true)) {
        expect(components.examples[error.code]).toMatchObject({ 'x-deprecated': true });
      }
    });

    it('writes TypeScript already in prettier\'s layout', async () => {
      for (const file of ['errors.ts', 'error-codes.ts', 'status-codes.ts', 'index.ts']) {
        const text = readFileSync(join(out, 'ts', file), 'utf8');
        expect(await prettier.check(text, PRETTIER_OPTIONS), file).toBe(true);
      }
    });

    it('writes the 3.0 files as a full serialisation of the 3.0 document would', () => {
      const documents = buildOpenApiDocuments(buildModel(catalog));
      expect(readFileSync(join(out, 'openapi', 'components.oas30.yaml'), 'utf8')).toBe(toYaml(documents['3.0']));
      expect(readFileSync(join(out, 'openapi', 'components.oas30.json'), 'utf8')).toBe(toJson(documents['3.0']));
      expect(readFileSync(join(out, 'openapi', 'components.yaml'), 'utf8')).toBe(toYaml(documents['3.1']));
    });

    it('lists every code in docs/error-codes.md', () => {
      const table = readTables(readFileSync(join(out, 'docs', 'error-codes.md'), 'utf8'))[0]!;
      expect(table[0]).toEqual(['Status', 'Code', 'Message', 'Description', 'Measure']);
      const rows = table.slice(1);
      expect(rows).toHaveLength(errors().length);
      for (const error of errors()) {
        const row = rows.find((r) => r[1]?.replace(' (deprecated)', '') === error.code);
        expect(row, error.code).toEqual([
          String(error.status),
          error.code + (error.deprecated === true ? ' (deprecated)' : ''),
          error.message,
          error.description ?? '',
          error.measure ?? '',
        ]);
      }
    });
  });
}
