/**
 * Service error codes end to end, on fixture tables written in the styles real services
 * publish: each loads, generates through the generate command (in this process), validates as OpenAPI, compiles strict (erasable
 * syntax only), and for every code errorFromResponse(status, body) gives that code's class (with
 * typescript.errorCodeClasses) or its status class, whose toJSON() is the wire body. Then the
 * message rules for a catalog whose default code is listed under 500.
 */
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import * as prettier from 'prettier';
import { buildOpenApiDocuments, toJson, toYaml } from '../../generator/targets/openapi/openapi.js';
import { PRETTIER_OPTIONS } from '../../generator/targets/typescript/writer/layout.js';
import { loadCatalog, type Catalog } from '../../generator/index.js';
import { buildModel } from '../../generator/model/model.js';
import {
  compileTypeScript,
  ERASABLE_OPTIONS,
  importFile,
  removeDir,
  ROOT,
  tempDir,
  writeFile,
  ENUM_DECLARATION,
} from '../harness/helpers.js';
import { runInProcess } from '../harness/cli.js';
import { parser, readTables } from '../harness/markdown.js';
import { lintFragment, validateSpec } from '../harness/openapi-check.js';

type Generated = typeof import('../../output/ts/index.js');
type ApiErrorInstance = InstanceType<Generated['ApiError']>;
/** A generated class as tests call it: some constructors require options in their types, none at run time. */
type AnyErrorClass = (new (errorMsg?: string, options?: Record<string, unknown>) => ApiErrorInstance) & {
  readonly status: number;
  readonly errorCode?: string;
};
type Body = Record<string, unknown>;
interface Components {
  schemas: Record<string, { enum?: string[]; pattern?: string }>;
  responses: Record<
    string,
    { 'x-status-code': number; 'x-error-codes'?: string[]; content?: Record<string, { examples: Record<string, { $ref: string }> }> }
  >;
  examples: Record<string, { value: Body }>;
}

const FIXTURES = [
  // Two codes on 200 and 204, and two codes sharing a message (their names get code suffixes).
  { dir: 'catalogs', file: 'storage.yaml', shape: 'flat', mediaType: 'application/json', warnings: 4 },
  // Two codes sharing a message.
  { dir: 'catalogs', file: 'billing.json', shape: 'nested', mediaType: 'application/json', warnings: 2 },
  // A code on 418, which the catalog does not list.
  { dir: 'catalogs', file: 'identity.yaml', shape: 'problem', mediaType: 'application/problem+json', warnings: 1 },
  // Written from public error tables (see each file's head): APIG.0201 under seven statuses; two pairs of codes share a message.
  { dir: 'public', file: 'huawei-apig.yaml', shape: 'flat', mediaType: 'application/json', warnings: 4 },
  // RequestId, HostId and Recommend at the top level; codes sharing a message.
  { dir: 'public', file: 'alibaba.yaml', shape: 'flat', mediaType: 'application/json', warnings: 4 },
  // type, param, doc_url … as extras inside "error".
  { dir: 'public', file: 'stripe.yaml', shape: 'flat', mediaType: 'application/json', warnings: 0 },
  // "status": "failed" in every body.
  { dir: 'public', file: 'codearts-repo.yaml', shape: 'flat', mediaType: 'application/json', warnings: 0 },
] as const;

/** An entry of a catalog: a code under one status (a code may be listed under several). */
interface Entry {
  readonly code: string;
  readonly status: number;
}

const OPENAPI_FILES = ['components.yaml', 'components.json', 'components.oas30.yaml', 'components.oas30.json'];

/** The file of type-level checks compiled with each fixture's output (each @ts-expect-error must stay an error). */
const TYPE_CHECKS = 'type-checks.ts';

const literal = (text: string): string => JSON.stringify(text);

/** Type-level checks of one catalog's output, from its model: literal codes, fixed codes, required headers. */
function typeChecks(model: ReturnType<typeof buildModel>): string {
  const lines = [
    `import * as m from "./index.js";`,
    `type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;`,
    `function assertType<T extends true>(_value?: T): void {}`,
    `void assertType;`,
  ];
  for (const e of model.codes) {
    // ErrorCode.Name is a value whose type is the code's literal (as const objects have no member types).
    lines.push(`assertType<Equal<typeof m.ErrorCode.${e.name}, ${literal(e.code)}>>();`);
    lines.push(
      `// @ts-expect-error another code is not this one`,
      `export const not${e.name}: typeof m.ErrorCode.${e.name} = ${literal(e.code + 'x')};`,
    );
  }
  for (const e of model.errors) {
    if (!model.errorCodeClasses) continue;
    const headers = e.requiredHeaders.length === 0 ? '' : `headers: { ${e.requiredHeaders.map((h) => `${literal(h)}: "x"`).join(', ')} }`;
    const args = headers === '' ? '' : `undefined, { ${headers} }`;
    lines.push(`{`, `  const e = new m.${e.className}(${args});`);
    lines.push(`  assertType<Equal<typeof e.errorCode, ${literal(e.code)}>>();`);
    lines.push(`  assertType<Equal<typeof e.status, ${e.status}>>();`);
    lines.push(`  assertType<Equal<typeof m.${e.className}.errorCode, ${literal(e.code)}>>();`);
    lines.push(`}`);
    lines.push(
      `// @ts-expect-error a code class fixes its code`,
      `new m.${e.className}(undefined, { ${headers === '' ? '' : `${headers}, `}errorCode: "other" });`,
    );
    if (headers !== '') lines.push(`// @ts-expect-error ${e.requiredHeaders.join(', ')} required`, `new m.${e.className}();`);
  }
  // The codes listed under each status, as a union of literals.
  for (const s of model.statuses.filter((x) => x.isError)) {
    const codes = model.errors.filter((e) => e.status === s.status).map((e) => literal(e.code));
    lines.push(`assertType<Equal<m.ErrorCodesByStatus[${s.status}], ${codes.length === 0 ? 'never' : codes.join(' | ')}>>();`);
  }
  return lines.join('\n') + '\n';
}

/** Sets a member at a path of member names, making the objects on the way. */
function setAt(body: Body, path: readonly (string | number)[], value: unknown): void {
  let at = body;
  for (const key of path.slice(0, -1)) at = (at[key] ??= {}) as Body;
  at[path.at(-1)!] = value;
}

/** tsc's diagnostics, one entry per error (continuation lines attached), split by whether they are about TYPE_CHECKS. */
function splitDiagnostics(output: string): { output: string[]; checks: string[] } {
  const entries: string[] = [];
  for (const line of output.split('\n')) {
    if (line.trim() === '') continue;
    if (/^\s/.test(line) && entries.length > 0) entries[entries.length - 1] += `\n${line}`;
    else entries.push(line);
  }
  return { output: entries.filter((e) => !e.includes(TYPE_CHECKS)), checks: entries.filter((e) => e.includes(TYPE_CHECKS)) };
}

for (const fixture of FIXTURES) {
  describe(`${fixture.file} (${fixture.shape} body)`, () => {
    const catalogPath = join(ROOT, 'test', 'fixtures', fixture.dir, fixture.file);
    const catalog: Catalog = loadCatalog(catalogPath);
    const model = buildModel(catalog);
    /** Whether the catalog asks for one class per error code (typescript.errorCodeClasses). */
    const codeClasses = catalog.data.typescript?.errorCodeClasses === true;
    let dir: string;
    let out: string;
    let stderr: string;
    let diagnostics: { output: string[]; checks: string[] };
    let loaded: Generated | undefined;
    let loadError: unknown;
    let components: Components;
    const errors = (): NonNullable<Catalog['data']['errors']> => catalog.data.errors ?? [];
    const statusMessage = (status: number): string | undefined => catalog.data.statuses.find((s) => s.status === status)?.message;
    /** The generated module; a test that needs it fails, saying why, when it could not be imported. */
    const gen = (): Generated => {
      if (loaded === undefined) throw new Error(`the generated module did not load: ${String(loadError)}`);
      return loaded;
    };
    /** The class errorFromResponse gives an entry: its code class, else its status class, else the class of its range. */
    const classOf = (entry: Entry): AnyErrorClass => {
      const m = gen();
      const Class = codeClasses
        ? m.errorClassForCode(entry.code, entry.status)
        : (m.errorClassFor(entry.status) ?? (entry.status >= 500 ? m.ServerError : entry.status >= 400 ? m.ClientError : m.ApiError));
      return Class as unknown as AnyErrorClass;
    };
    /** An error of an entry as a server raises it: `new CodeClass()`, or the status class given the code. */
    const raise = (entry: Entry, errorMsg?: string): ApiErrorInstance => {
      const Class = classOf(entry);
      if (codeClasses) return new Class(errorMsg);
      return Class.status === undefined
        ? new (Class as unknown as new (status: number, errorMsg?: string, options?: object) => ApiErrorInstance)(entry.status, errorMsg, {
            errorCode: entry.code,
          })
        : new Class(errorMsg, { errorCode: entry.code });
    };
    /** The OpenAPI example key of an entry. */
    const keyOf = (entry: Entry): string => model.errors.find((e) => e.code === entry.code && e.status === entry.status)!.exampleKey;
    /** The statuses a code is listed under. */
    const statusesOf = (code: string): number[] =>
      errors()
        .filter((e) => e.code === code)
        .map((e) => e.status);

    beforeAll(async () => {
      dir = tempDir();
      out = join(dir, 'out');
      const result = await runInProcess(['generate', '--catalog', catalogPath, '--out', out]);
      expect(result.status, result.stderr).toBe(0);
      stderr = result.stderr;
      // The output and the type-level checks, compiled together once.
      const source = join(dir, 'src');
      cpSync(join(out, 'ts'), source, { recursive: true });
      writeFile(join(source, TYPE_CHECKS), typeChecks(model));
      const compiled = compileTypeScript(source, join(dir, 'js'), ERASABLE_OPTIONS);
      diagnostics = splitDiagnostics(compiled.stdout + compiled.stderr);
      try {
        loaded = await importFile<Generated>(join(dir, 'js', 'index.js'));
      } catch (error) {
        loadError = error;
      }
      components = (JSON.parse(readFileSync(join(out, 'openapi', 'components.json'), 'utf8')) as { components: Components }).components;
    });
    afterAll(() => removeDir(dir));

    it('compiles strict with erasable syntax only (--erasableSyntaxOnly --verbatimModuleSyntax), and imports', () => {
      expect(diagnostics.output).toEqual([]);
      expect(loadError).toBeUndefined();
    });

    it(`its types hold: literal codes${codeClasses ? ', fixed codes and required headers of the code classes' : ''}, codes by status`, () => {
      expect(diagnostics.checks).toEqual([]);
    });

    it('has no enum in any generated file', () => {
      const files = readdirSync(join(out, 'ts'));
      expect(files.length).toBeGreaterThan(10);
      for (const file of files) expect(readFileSync(join(out, 'ts', file), 'utf8'), file).not.toMatch(ENUM_DECLARATION);
    });

    it(
      codeClasses
        ? 'generates one class per error code, each with its own name'
        : 'generates no class per error code: errorClassForCode is always undefined',
      () => {
        const m = gen();
        const exported = m as unknown as Record<string, unknown>;
        for (const e of model.errors) {
          if (codeClasses) {
            const Class = m.errorClassForCode(e.code, e.status) as unknown as AnyErrorClass & { errorName: string };
            expect(Class, e.code).toBe(exported[e.className]);
            expect(Class.errorName).toBe(e.className);
            expect(new Class().name).toBe(e.className);
            expect(Object.getPrototypeOf(Class)).toBe(exported[e.parentClass]);
          } else {
            expect(m.errorClassForCode(e.code), e.code).toBeUndefined();
            expect(exported[e.className], e.className).toBeUndefined();
          }
        }
        expect(m.errorClassForCode('NO.SUCH.CODE')).toBeUndefined();
      },
    );

    it('loads with exactly its expected warnings, each located, and --strict refuses them', async () => {
      const lines = stderr.trim() === '' ? [] : stderr.trim().split('\n');
      expect(lines).toHaveLength(fixture.warnings);
      for (const line of lines)
        expect(line).toMatch(new RegExp(`${fixture.file.replace('.', '\\.')}:\\d+:\\d+: warning: errors\\[\\d+\\]\\.\\w+: `));
      const strictOut = join(dir, 'strict');
      const strict = await runInProcess(['generate', '--catalog', catalogPath, '--out', strictOut, '--strict']);
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
      expect(components.schemas['ErrorCode']?.enum).toEqual([...new Set(errors().map((e) => e.code))].sort());
      for (const [name, response] of Object.entries(components.responses)) {
        if (name === 'DefaultError') continue;
        const entries = errors().filter((e) => e.status === response['x-status-code']);
        const codes = entries.map((e) => e.code).sort();
        expect(response['x-error-codes'] ?? [], name).toEqual(codes);
        const examples = response.content?.[fixture.mediaType]?.examples;
        const bodiless = response['x-status-code'] < 200 || [204, 304].includes(response['x-status-code']);
        // Error responses, and success responses the catalog lists codes under, show an example per code;
        // another success response's body is the operation's own.
        if (response['x-status-code'] >= 400 || (entries.length > 0 && !bodiless)) {
          for (const entry of entries) expect(examples?.[keyOf(entry)]?.$ref).toBe(`#/components/examples/${keyOf(entry)}`);
        } else {
          expect(response.content).toBeUndefined();
        }
        // Every code that can be sent has an example; one on a status without content cannot.
        for (const entry of entries) expect(components.examples[keyOf(entry)] !== undefined, entry.code).toBe(!bodiless);
      }
    });

    it('has an ErrorCode member, info and class for every code', () => {
      const m = gen();
      expect(Object.entries(m.ErrorCode).sort()).toEqual(model.codes.map((e) => [e.name, e.code]).sort());
      for (const error of errors()) {
        const name = model.codes.find((e) => e.code === error.code)!.name;
        expect((m.ErrorCode as unknown as Record<string, string>)[name], error.code).toBe(error.code);
        expect(m.isErrorCode(error.code)).toBe(true);
        const info = m.getErrorInfo(error.code, error.status);
        expect(info).toMatchObject({
          code: error.code,
          status: error.status,
          message: error.message,
          deprecated: error.deprecated ?? false,
        });
        expect(info?.description).toBe(error.description);
        expect(info?.measure).toBe(error.measure);
        const Class = classOf(error);
        if (codeClasses) expect(Class.errorCode).toBe(error.code);
        if (codeClasses || Class.status !== undefined) expect(Class.status).toBe(error.status);
        // A code given (or fixed by its class) and listed under its status lends its message.
        const instance = raise(error);
        expect(instance.errorCode).toBe(error.code);
        expect(instance.errorMsg).toBe(error.message);
        expect(instance.message).toBe(error.message);
        expect(instance.status).toBe(error.status);
        // It is (or extends) its status class when the catalog has one, else the class of its range.
        const StatusClass = m.errorClassFor(error.status);
        if (StatusClass !== undefined) expect(instance).toBeInstanceOf(StatusClass);
        else
          expect(instance.constructor.prototype).toBeInstanceOf(
            error.status >= 500 ? m.ServerError : error.status >= 400 ? m.ClientError : m.ApiError,
          );
        if (!codeClasses) expect(instance.constructor).toBe(StatusClass ?? instance.constructor);
      }
      for (const code of new Set(errors().map((e) => e.code))) {
        // Without a status, the entry of the code's first status; under a status it is not listed under, none.
        expect(m.getErrorInfo(code)?.status, code).toBe(Math.min(...statusesOf(code)));
        expect(m.getErrorInfo(code, 599), code).toBeUndefined();
      }
      expect(m.getErrorInfo('NO.SUCH.CODE')).toBeUndefined();
      expect(m.isErrorCode(42)).toBe(false);
    });

    it('masks the message given to a 5xx error of a code in its body (the catalog message of the code), sends it for the others', () => {
      for (const error of errors()) {
        const secret = `${error.code}: token=s3cr3t`;
        const instance = raise(error, secret);
        expect(instance.message).toBe(secret);
        const server = error.status >= 500;
        expect(instance.expose, error.code).toBe(!server);
        expect(instance.errorMsg).toBe(server ? error.message : secret);
        expect(JSON.stringify(instance.toJSON()).includes('s3cr3t')).toBe(!server);
      }
    });

    it('agrees with the OpenAPI examples, and round-trips every code through errorFromResponse', () => {
      const m = gen();
      const sendable = errors().filter((e) => ![204, 304].includes(e.status) && e.status >= 200);
      expect(sendable.length).toBeGreaterThan(6);
      for (const error of sendable) {
        const wire = components.examples[keyOf(error)]?.value;
        expect(wire, error.code).toBeDefined();
        const Class = classOf(error);
        expect(raise(error).toJSON()).toEqual(wire);
        // The same body with a request id (and for a problem an instance) where the catalog puts them.
        const withRequest = structuredClone(wire!);
        const requestIdAt = model.errorBody.members.find((m) => m.kind === 'part' && m.part === 'requestId')?.path;
        if (requestIdAt !== undefined) setAt(withRequest, requestIdAt, 'req-7');
        if (fixture.shape === 'problem') withRequest['instance'] = '/requests/7';
        for (const body of [wire, withRequest, JSON.stringify(withRequest)]) {
          const received = m.errorFromResponse(error.status, body);
          expect(received.constructor, error.code).toBe(Class);
          expect(received.toJSON()).toEqual(typeof body === 'string' ? withRequest : body);
        }
        if (requestIdAt !== undefined) expect(m.errorFromResponse(error.status, withRequest).requestId).toBe('req-7');
        expect(m.errorFromResponse(error.status, wire, { 'X-Request-Id': 'hdr-1' }).requestId).toBe('hdr-1');
        expect(m.errorFromResponse(error.status, wire, { 'X-Request-Id': 'hdr-1' }).toJSON()).toEqual(wire);
      }
    });

    const wirePath = catalogPath.replace(/\.(yaml|json)$/, '.wire.json');
    if (existsSync(wirePath)) {
      it("reads every real wire body into its entry's class, with message, request id and extras, and sends it back as it came", () => {
        const m = gen();
        const samples = JSON.parse(readFileSync(wirePath, 'utf8')) as { status: number; body: Body }[];
        expect(samples.length).toBeGreaterThanOrEqual(3);
        const at = (body: Body, path: readonly (string | number)[]): unknown =>
          path.reduce<unknown>((v, key) => (v as Body | undefined)?.[key], body);
        const pathOf = (part: string): readonly (string | number)[] | undefined =>
          model.errorBody.members.find((x) => x.kind === 'part' && x.part === part)?.path;
        for (const { status, body } of samples) {
          const code = at(body, pathOf('code')!) as string;
          const label = `${status} ${code}`;
          expect(statusesOf(code), label).toContain(status);
          const received = m.errorFromResponse(status, body);
          expect(received.constructor, label).toBe(classOf({ code, status }));
          expect(received.status).toBe(status);
          expect(received.errorCode).toBe(code);
          expect(received.message).toBe(at(body, pathOf('message')!));
          const requestIdAt = pathOf('requestId');
          expect(received.requestId).toBe(requestIdAt === undefined ? undefined : at(body, requestIdAt));
          const extras: Record<string, unknown> = {};
          for (const member of model.errorBody.members) {
            if (member.kind === 'extra' && at(body, member.path) !== undefined) extras[member.name] = at(body, member.path);
          }
          expect(received.extras).toEqual(extras);
          // A 5xx re-sent carries the catalog's message (masking); everything else is the body as received.
          const sent = structuredClone(body);
          if (status >= 500) setAt(sent, pathOf('message')!, m.getErrorInfo(code, status)?.message);
          expect(received.toJSON(), label).toEqual(sent);
          expect(JSON.parse(JSON.stringify(m.errorFromResponse(status, JSON.stringify(body))))).toEqual(sent);
        }
      });
    }

    it('reads every body shape, whatever the declared one', () => {
      const m = gen();
      for (const error of errors()) {
        const bodies: Body[] = [
          { error_code: error.code, error_msg: 'm' },
          { error: { code: error.code, message: 'm' } },
          { type: 'about:blank', title: 't', status: error.status, detail: 'm', code: error.code },
        ];
        for (const body of bodies) {
          const received = m.errorFromResponse(error.status, JSON.stringify(body));
          expect(received.constructor, `${error.code} ${JSON.stringify(body)}`).toBe(classOf(error));
          expect(received.errorCode).toBe(error.code);
          // The message received is on .message; the body re-sent carries it unless the status is 5xx.
          expect(received.message).toBe('m');
          expect(received.errorMsg).toBe(error.status >= 500 ? error.message : 'm');
        }
        // A known code under a status it is not listed under keeps the status: the status class, with the code, and no message of the code's.
        const other = [500, 400, 503, 404].find((s) => !statusesOf(error.code).includes(s))!;
        const moved = m.errorFromResponse(other, { error_code: error.code, error: { code: error.code } });
        if (codeClasses) expect(moved.constructor).not.toBe(classOf(error));
        expect(moved.constructor).toBe(m.errorClassFor(other) ?? (other === 500 ? m.ServerError : m.ClientError));
        expect(moved.status).toBe(other);
        expect(moved.errorCode).toBe(error.code);
        expect(moved.errorMsg).toBe(statusMessage(other) ?? `HTTP ${other}`);
        // A body without a code: no code, whatever the catalog's default.
        const codeless = m.errorFromResponse(error.status, { message: 'm' });
        expect(codeless.errorCode).toBeUndefined();
      }
    });

    if (fixture.shape === 'nested') {
      it('finds a code sent as a JSON number, leading zeros and all', () => {
        const m = gen();
        const received = m.errorFromResponse(500, { error: { code: 500, message: 'down' } });
        expect(received.constructor).toBe(classOf({ code: '0500', status: 500 }));
        expect(received.errorCode).toBe('0500');
        expect(received.message).toBe('down');
        expect(received.errorMsg).toBe('Ledger unavailable.');
        expect(m.errorFromResponse(400, { error: { code: 1100 } }).constructor).toBe(classOf({ code: '1100', status: 400 }));
        expect(m.errorFromResponse(400, { error: { code: 1100 } }).errorCode).toBe('1100');
      });
    }

    if (fixture.shape === 'problem') {
      it('follows RFC 9457: a listed code has its own type and title, anything else is about:blank titled by the status', () => {
        const m = gen();
        const body = raise({ code: '0404', status: 404 }).toJSON() as unknown as Body;
        expect(body).toMatchObject({
          type: 'https://errors.identity.example/0404',
          title: 'User not found.',
          status: 404,
          detail: 'User not found.',
          code: '0404',
        });
        // A code with a docUrl: that page is its type, in the runtime's body and in the OpenAPI example.
        const documented = raise({ code: '0101', status: 401 }).toJSON() as unknown as Body;
        expect(documented).toMatchObject({
          type: 'https://docs.identity.example/errors/token-expired',
          title: 'Token expired.',
          code: '0101',
        });
        expect(components.examples['0101']?.value).toEqual(documented);
        const generic = new m.BadRequestError('Broken JSON').toJSON() as unknown as Body;
        expect(generic).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400, detail: 'Broken JSON', code: '0000' });
        expect(components.examples['BadRequest']?.value).toEqual({ ...generic, detail: 'Bad Request' });
      });
    }

    it('marks deprecated codes in the OpenAPI examples, and only those', () => {
      let checked = 0;
      for (const error of errors()) {
        // A code on a status without content has no example (checked above).
        const example = components.examples[keyOf(error)] as Record<string, unknown> | undefined;
        if (example === undefined) continue;
        expect(example['x-deprecated'], error.code).toBe(error.deprecated === true ? true : undefined);
        checked += 1;
      }
      expect(checked).toBeGreaterThan(6);
    });

    it("writes TypeScript already in prettier's layout", async () => {
      for (const file of readdirSync(join(out, 'ts'))) {
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
        const row = rows.find((r) => r[1]?.replace(' (deprecated)', '') === error.code && r[0] === String(error.status));
        expect(row, error.code).toEqual([
          String(error.status),
          error.code + (error.deprecated === true ? ' (deprecated)' : ''),
          error.message,
          error.description ?? '',
          error.measure ?? '',
        ]);
      }
      // A code with a docUrl links it; the others link nothing.
      const links = parser
        .parse(readFileSync(join(out, 'docs', 'error-codes.md'), 'utf8'), {})
        .flatMap((token) => token.children ?? [])
        .flatMap((token, i, all) => (token.type === 'link_open' ? [[all[i + 1]?.content, token.attrGet('href')]] : []));
      expect(links).toEqual(errors().flatMap((e) => (e.docUrl === undefined ? [] : [[e.code, e.docUrl]])));
    });
  });
}

/**
 * Generates a catalog written into `dir` through the generate command, compiles its TypeScript strict
 * (erasable syntax only) and imports it; the CLI's stderr (its warnings) with the module.
 */
async function generateAndImport(dir: string, name: string, text: string): Promise<{ stderr: string; m: Generated }> {
  const catalogPath = writeFile(join(dir, name), text);
  const result = await runInProcess(['generate', '--catalog', catalogPath, '--out', join(dir, 'out')]);
  expect(result.status, result.stderr).toBe(0);
  const compiled = compileTypeScript(join(dir, 'out', 'ts'), join(dir, 'js'), ERASABLE_OPTIONS);
  expect(compiled.stdout + compiled.stderr).toBe('');
  expect(compiled.status).toBe(0);
  return { stderr: result.stderr, m: await importFile<Generated>(join(dir, 'js', 'index.js')) };
}

describe('a catalog whose default code is listed under 500', () => {
  // Every status raises the default code when raised without one; the default code lends no message.
  const CATALOG = `service: DC
title: Default code listed under 500
version: "1.0.0"
errorBody:
  codePattern: '^DC\\.[0-9]{4}$'
  defaultCode: DC.0000
statuses:
  - status: 400
    name: BadRequest
    message: Bad Request
    description: The request is malformed.
  - status: 404
    name: NotFound
    message: Not Found
    description: No such resource.
  - status: 500
    name: InternalServerError
    message: Internal Server Error
    description: Something failed.
  - status: 503
    name: ServiceUnavailable
    message: Service Unavailable
    description: Try again later.
errors:
  - code: DC.0000
    status: 500
    message: Something failed on our side.
  - code: DC.0404
    status: 404
    message: Widget not found.
  - code: DC.0400
    status: 400
    message: Widget name too long.
`;
  const statuses = [
    { status: 400, className: 'BadRequestError', message: 'Bad Request' },
    { status: 404, className: 'NotFoundError', message: 'Not Found' },
    { status: 500, className: 'InternalServerError', message: 'Internal Server Error' },
    { status: 503, className: 'ServiceUnavailableError', message: 'Service Unavailable' },
  ];
  const codes = [
    { code: 'DC.0000', status: 500, message: 'Something failed on our side.' },
    { code: 'DC.0404', status: 404, message: 'Widget not found.' },
    { code: 'DC.0400', status: 400, message: 'Widget name too long.' },
  ];
  let dir: string;
  let stderr: string;
  let m: Generated;
  const classOf = (className: string): AnyErrorClass => (m as unknown as Record<string, AnyErrorClass>)[className]!;

  beforeAll(async () => {
    dir = tempDir();
    ({ stderr, m } = await generateAndImport(dir, 'default-code.yaml', CATALOG));
  });
  afterAll(() => removeDir(dir));

  it('loads with a warning that the default code is listed under a status', () => {
    expect(stderr).toMatch(/warning: .*default code DC\.0000 is listed under status 500/);
    expect(m.DEFAULT_ERROR_CODE).toBe('DC.0000');
  });

  it("a bare error of every status gets the default code and its status message, never the default code's", () => {
    for (const s of statuses) {
      const error = new (classOf(s.className))();
      expect(error.errorCode, s.className).toBe('DC.0000');
      expect(error.errorMsg, s.className).toBe(s.message);
      expect(error.message).toBe(s.message);
      expect(error.toJSON()).toEqual({ error_code: 'DC.0000', error_msg: s.message });
    }
    expect(new m.NotFoundError().toJSON()).toEqual({ error_code: 'DC.0000', error_msg: 'Not Found' });
    // Even on 500, where the default code is listed, only a code given lends its message.
    expect(new m.InternalServerError().errorMsg).toBe('Internal Server Error');
  });

  it('an explicit code lends its message only to the status it is listed under', () => {
    for (const s of statuses) {
      for (const c of codes) {
        const error = new (classOf(s.className))(undefined, { errorCode: c.code });
        expect(error.errorCode).toBe(c.code);
        expect(error.errorMsg, `${c.code} on ${s.status}`).toBe(c.status === s.status ? c.message : s.message);
      }
    }
    expect(new m.NotFoundError(undefined, { errorCode: 'DC.0404' }).toJSON()).toEqual({
      error_code: 'DC.0404',
      error_msg: 'Widget not found.',
    });
    expect(new m.InternalServerError(undefined, { errorCode: 'DC.0000' }).errorMsg).toBe('Something failed on our side.');
  });

  it('errorFromResponse applies no default code, and a received code lends its message under its own status only', () => {
    for (const s of statuses) {
      for (const body of [undefined, '{}', '<html>oops</html>', { error_msg: 'x' }]) {
        expect(m.errorFromResponse(s.status, body).errorCode, `${s.status} ${JSON.stringify(body)}`).toBeUndefined();
      }
      for (const c of codes) {
        const error = m.errorFromResponse(s.status, { error_code: c.code });
        expect(error.errorCode).toBe(c.code);
        expect(error.errorMsg).toBe(c.status === s.status ? c.message : s.message);
      }
    }
  });
});

describe('statuses with a default code of their own', () => {
  // 404 and 429 have their own default codes; the others fall back to the body's DF.0000.
  const CATALOG = `service: DF
errorBody:
  codePattern: '^DF\\.[0-9]{4}$'
  defaultCode: DF.0000
headers:
  Retry-After:
    description: Seconds to wait.
    schema: { type: integer, minimum: 0 }
statuses:
  - { status: 400, name: BadRequest, message: Bad Request, description: Malformed. }
  - { status: 404, name: NotFound, message: Not Found, description: No such thing., defaultCode: DF.0404 }
  - { status: 429, name: TooManyRequests, message: Too Many Requests, description: Slow down., defaultCode: DF.0429, headers: [Retry-After] }
  - { status: 500, name: InternalServerError, message: Internal Server Error, description: Failed., defaultCode: DF.0404 }
errors:
  - { code: DF.0404, status: 404, message: Widget not found. }
  - { code: DF.0001, status: 400, message: Name too long. }
`;
  const expected = { 400: 'DF.0000', 404: 'DF.0404', 429: 'DF.0429', 500: 'DF.0404' } as const;
  let dir: string;
  let stderr: string;
  let m: Generated;
  let components: Components;

  beforeAll(async () => {
    dir = tempDir();
    ({ stderr, m } = await generateAndImport(dir, 'status-defaults.yaml', CATALOG));
    components = (JSON.parse(readFileSync(join(dir, 'out', 'openapi', 'components.json'), 'utf8')) as { components: Components })
      .components;
  });
  afterAll(() => removeDir(dir));

  it('warns, located, when a status defaults to a code listed under another status', () => {
    const lines = stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        /status-defaults\.yaml:13:114: warning: statuses\[3\]\.defaultCode: default code DF\.0404 is listed under status 404 \(line 15\), not 500$/,
      ),
    ]);
  });

  it("a bare error carries its status's default code, else the body's; the default lends no message", () => {
    const classes = {
      400: m.BadRequestError,
      404: m.NotFoundError,
      429: m.TooManyRequestsError,
      500: m.InternalServerError,
    } as unknown as Record<number, AnyErrorClass>;
    for (const [status, code] of Object.entries(expected)) {
      const error = new classes[Number(status)]!();
      expect(error.errorCode, status).toBe(code);
      expect(error.errorMsg).toBe(m.getStatusMessage(Number(status)));
      expect(m.defaultErrorCodeFor(Number(status))).toBe(code);
    }
    expect(m.defaultErrorCodeFor(418)).toBe('DF.0000');
    // A response without a code gets none; sent on, its body takes the status's default.
    const received = m.errorFromResponse(404, { error_msg: 'gone' });
    expect(received.errorCode).toBeUndefined();
    expect(received.toJSON()).toEqual({ error_code: 'DF.0404', error_msg: 'gone' });
  });

  it("shows each status's default code in its OpenAPI example", () => {
    for (const [status, code] of Object.entries(expected)) {
      const name = Object.entries(components.responses).find(([, r]) => r['x-status-code'] === Number(status))![0];
      expect(components.examples[name]?.value, status).toMatchObject({ error_code: code });
    }
  });
});
