/**
 * The generated TypeScript: compiled by the real tsc under strict options (erasable syntax
 * only), imported, and exercised by looping over the catalog.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import * as prettier from 'prettier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRETTIER_OPTIONS } from '../../../generator/targets/typescript/typescript.js';
import { CATALOG_MODULES as CATALOG_SOURCES, RUNTIME_MODULES } from '../../../generator/targets/typescript/runtime-sources.js';
import {
  compileTypeScript,
  ERASABLE_OPTIONS,
  importFile,
  OUTPUT,
  removeDir,
  ROOT,
  runCli,
  seedCatalog,
  STRICT_OPTIONS,
  tempDir,
  writeFile,
  type RunResult,
  ENUM_DECLARATION,
} from '../../harness/helpers.js';

type Generated = typeof import('../../../output/ts/index.js');
type ApiErrorInstance = InstanceType<Generated['ApiError']>;
/** A generated class as tests call it: some constructors require options in their types, none at run time. */
type AnyErrorClass = (new (errorMsg?: string, options?: Record<string, unknown>) => ApiErrorInstance) & {
  readonly status: number;
  readonly errorName: string;
};

const TS_DIR = join(OUTPUT, 'ts');
/** The runtime as the built generator ships it (the build copies generator/targets/typescript/runtime there). */
const RUNTIME_DIR = join(ROOT, 'dist', 'targets', 'typescript', 'runtime');
const errorStatuses = seedCatalog.statuses.filter((s) => s.status >= 400);
/** The documented naming rule: `<name>Error`, unless the name already ends in Error. */
const classNameOf = (name: string): string => (name.endsWith('Error') ? name : `${name}Error`);
const defaultCode = seedCatalog.errorBody.defaultCode;
const declaredHeaders = Object.keys(seedCatalog.headers ?? {});

/** Modules built from the catalog, the entry point among them. */
const CATALOG_MODULES = [...CATALOG_SOURCES, 'index.ts'];
/** Modules that import nothing. */
const LEAVES = ['error-body.ts', 'headers.ts', 'retry-after.ts', 'types.ts'];
/** Data modules: they import types only, so that at run time they stand alone. */
const TYPE_ONLY_IMPORTS: Record<string, string[]> = {
  'catalog.ts': ['./error-body.js'],
  'error-codes.ts': ['./types.js'],
  'status-codes.ts': ['./types.js'],
};

/** Hop-by-hop and entity headers a response carries, which an error must never keep or send. */
const CONNECTION_HEADERS: [string, string][] = [
  ['Content-Encoding', 'gzip'],
  ['Content-Length', '123'],
  ['Connection', 'keep-alive'],
  ['Keep-Alive', 'timeout=5'],
  ['Transfer-Encoding', 'chunked'],
  ['Date', 'Thu, 01 Jan 2026 00:00:00 GMT'],
];

let dir: string;
let compiled: RunResult;
let m: Generated;
/** A second copy of the same compiled output, as a server and an SDK may each bundle one. */
let other: Generated;

beforeAll(async () => {
  dir = tempDir();
  compiled = compileTypeScript(TS_DIR, join(dir, 'js'), ERASABLE_OPTIONS);
  expect(compiled.stdout + compiled.stderr).toBe('');
  expect(compiled.status).toBe(0);
  m = await importFile<Generated>(join(dir, 'js', 'index.js'));
  cpSync(join(dir, 'js'), join(dir, 'copy'), { recursive: true });
  other = await importFile<Generated>(join(dir, 'copy', 'index.js'));
});

afterAll(() => removeDir(dir));

const errorBodySchema = (
  JSON.parse(readFileSync(join(OUTPUT, 'openapi', 'components.json'), 'utf8')) as {
    components: { schemas: { ErrorBody: object } };
  }
).components.schemas.ErrorBody;
const validateBody = new Ajv({ strict: false }).compile(errorBodySchema);

const classOf = (name: string): AnyErrorClass => (m as unknown as Record<string, AnyErrorClass>)[classNameOf(name)]!;

interface ImportStatement {
  readonly from: string;
  /** `import type {…}`, or every name imported with `type`. */
  readonly typeOnly: boolean;
  readonly reExport: boolean;
}

/** The top-level import and export-from statements of a prettier-formatted module. */
function importsOf(text: string): ImportStatement[] {
  return [...text.matchAll(/^(import|export)(\s+type)?\b([^;]*?)from\s+"([^"]+)";$/gm)].map((match) => {
    const names =
      /\{([^}]*)\}/
        .exec(match[3]!)?.[1]
        ?.split(',')
        .map((n) => n.trim())
        .filter((n) => n !== '') ?? [];
    return {
      from: match[4]!,
      typeOnly: match[2] !== undefined || (names.length > 0 && names.every((n) => n.startsWith('type '))),
      reExport: match[1] === 'export',
    };
  });
}

describe('generated source files', () => {
  const files = readdirSync(TS_DIR).filter((f) => f.endsWith('.ts'));
  const texts = new Map(files.map((file) => [file, readFileSync(join(TS_DIR, file), 'utf8')]));

  it('has the runtime modules and the catalog modules, nothing else', () => {
    expect(files.sort()).toEqual([...RUNTIME_MODULES, ...CATALOG_MODULES].sort());
    expect(readdirSync(TS_DIR).sort()).toEqual(files);
  });

  for (const file of files) {
    const text = texts.get(file)!;
    it(`${file} starts with the generated-file header naming the catalog`, () => {
      expect(text.startsWith('/**\n * Generated file. Do not edit.\n * Generated by status-catalog from status-codes.yaml')).toBe(true);
    });
    it(`${file} imports only sibling modules, with .js extensions`, () => {
      const imports = importsOf(text);
      if (LEAVES.includes(file)) expect(imports).toEqual([]);
      else expect(imports.length).toBeGreaterThan(0);
      for (const { from } of imports) {
        expect(from).toMatch(/^\.\/[a-z-]+\.js$/);
        expect(files, from).toContain(from.slice(2).replace(/\.js$/, '.ts'));
        expect(from).not.toBe(`./${file.replace(/\.ts$/, '.js')}`);
      }
      const typeOnly = TYPE_ONLY_IMPORTS[file];
      if (typeOnly !== undefined) expect(imports).toEqual(typeOnly.map((from) => ({ from, typeOnly: true, reExport: false })));
    });
    it(`${file} is prettier-formatted`, async () => {
      expect(await prettier.check(text, PRETTIER_OPTIONS)).toBe(true);
    });
    it(`${file} has no enum`, () => {
      expect(text).not.toMatch(ENUM_DECLARATION);
      expect(text).not.toMatch(/^\s*(export\s+)?(const\s+|declare\s+)*enum\b/m);
    });
  }

  for (const file of RUNTIME_MODULES) {
    it(`${file} is the runtime module (dist/targets/typescript/runtime/${file}) copied verbatim under the header`, () => {
      const text = texts.get(file)!;
      const source = readFileSync(join(RUNTIME_DIR, file), 'utf8');
      expect(text.endsWith(source)).toBe(true);
      expect(text.slice(0, text.length - source.length)).toMatch(
        /^\/\*\*\n \* Generated file\. Do not edit\.\n \* Generated by status-catalog from status-codes\.yaml \(service S3M, [^\n]*\n \*\n \* Runtime shared by every status-catalog output, copied verbatim; [^\n]*\n \*\/\n\n$/,
      );
    });
  }

  it('the import graph finds the controls it should (the checks can fail)', () => {
    expect(
      importsOf(
        'import type { A } from "./a.js";\nimport { type B, C } from "./b.js";\nexport * from "./c.js";\n/** import { D } from "./d.js"; */\n',
      ),
    ).toEqual([
      { from: './a.js', typeOnly: true, reExport: false },
      { from: './b.js', typeOnly: false, reExport: false },
      { from: './c.js', typeOnly: false, reExport: true },
    ]);
    expect(importsOf('import {\n  type A,\n  type B,\n} from "./a.js";\n')).toEqual([{ from: './a.js', typeOnly: true, reExport: false }]);
  });

  it('index.ts re-exports names from sibling modules, no module as a whole, and none of the plumbing', () => {
    const index = texts.get('index.ts')!;
    const reExports = importsOf(index);
    expect(reExports.length).toBeGreaterThan(0);
    expect(reExports.every((i) => i.reExport)).toBe(true);
    expect(index).not.toMatch(/^export \*/m);
    for (const name of ['FROM_RESPONSE', 'ERROR_BODY', 'writeErrorBody', 'readErrorBody', 'normalizeHeaders']) {
      expect(Object.keys(m), name).not.toContain(name);
    }
    // Control: the public API is there, and the plumbing is still exported by its own module.
    expect(Object.keys(m)).toEqual(expect.arrayContaining(['ApiError', 'NotFoundError', 'errorFromResponse', 'StatusCode']));
    expect(texts.get('error-body.ts')).toMatch(/^export function writeErrorBody\(/m);
  });

  it('value imports form no cycle (a class used before its module ran would throw)', () => {
    const edges = new Map(
      files
        .filter((f) => f !== 'index.ts')
        .map((f) => [
          f,
          importsOf(texts.get(f)!)
            .filter((i) => !i.typeOnly)
            .map((i) => i.from.slice(2).replace(/\.js$/, '.ts')),
        ]),
    );
    const visiting = new Set<string>();
    const done = new Set<string>();
    const visit = (file: string, path: string[]): void => {
      if (done.has(file)) return;
      expect(visiting.has(file), `cycle: ${[...path, file].join(' -> ')}`).toBe(false);
      visiting.add(file);
      for (const next of edges.get(file) ?? []) visit(next, [...path, file]);
      visiting.delete(file);
      done.add(file);
    };
    for (const file of edges.keys()) visit(file, []);
  });

  it('the data modules stand alone at run time: their compiled JavaScript imports nothing', () => {
    for (const file of Object.keys(TYPE_ONLY_IMPORTS)) {
      const js = readFileSync(join(dir, 'js', file.replace(/\.ts$/, '.js')), 'utf8');
      expect(js, file).not.toMatch(/^\s*import\b/m);
    }
    // Control: a module with value imports keeps them.
    expect(readFileSync(join(dir, 'js', 'errors.js'), 'utf8')).toMatch(/^import \{[^}]*ClientError[^}]*\} from "\.\/api-error\.js";$/m);
  });
});

describe('erasable syntax', () => {
  it('the output compiled under --erasableSyntaxOnly --verbatimModuleSyntax and the strict options', () => {
    expect(ERASABLE_OPTIONS).toMatchObject({ ...STRICT_OPTIONS, erasableSyntaxOnly: true, verbatimModuleSyntax: true });
    expect(compiled.stdout + compiled.stderr).toBe('');
    expect(compiled.status).toBe(0);
  });

  it('the options refuse an enum and a parameter property, which the strict ones alone accept (the check can fail)', () => {
    const work = tempDir();
    try {
      writeFile(
        join(work, 'src', 'a.ts'),
        'export enum Color {\n  Red = 1,\n}\nexport class P {\n  constructor(readonly x: number) {}\n}\n',
      );
      const erasable = compileTypeScript(join(work, 'src'), join(work, 'erasable'), ERASABLE_OPTIONS);
      expect(erasable.status).not.toBe(0);
      expect((erasable.stdout.match(/error TS1294/g) ?? []).length).toBe(2);
      const strict = compileTypeScript(join(work, 'src'), join(work, 'strict'));
      expect(strict.stdout + strict.stderr).toBe('');
      expect(strict.status).toBe(0);
    } finally {
      removeDir(work);
    }
  });

  it('the runtime stand-ins catalog (runtime.yaml) compiles under the same options and has no enum', () => {
    const work = tempDir();
    try {
      const result = runCli([
        'generate',
        '--catalog',
        join(ROOT, 'test', 'fixtures', 'catalogs', 'runtime.yaml'),
        '--out',
        join(work, 'out'),
      ]);
      expect(result.status, result.stderr).toBe(0);
      const build = compileTypeScript(join(work, 'out', 'ts'), join(work, 'js'), ERASABLE_OPTIONS);
      expect(build.stdout + build.stderr).toBe('');
      expect(build.status).toBe(0);
      for (const file of readdirSync(join(work, 'out', 'ts'))) {
        expect(readFileSync(join(work, 'out', 'ts', file), 'utf8'), file).not.toMatch(ENUM_DECLARATION);
      }
    } finally {
      removeDir(work);
    }
  });
});

describe('status codes', () => {
  it('has a StatusCode member, message and info for every catalog status', () => {
    for (const s of seedCatalog.statuses) {
      expect((m.StatusCode as unknown as Record<string, number>)[s.name], s.name).toBe(s.status);
      expect(m.getStatusMessage(s.status)).toBe(s.message);
      expect(m.getStatusCode(s.message)).toBe(s.status);
      expect(m.isStatusCode(s.status)).toBe(true);
      const info = m.getStatusInfo(s.status);
      expect(info).toMatchObject({ status: s.status, name: s.name, message: s.message, description: s.description });
      expect(info?.headers).toEqual(s.headers ?? []);
      expect(info?.retry).toBe(s.retry);
    }
    expect(m.STATUSES.map((s) => s.status)).toEqual(seedCatalog.statuses.map((s) => s.status).sort((a, b) => a - b));
  });

  it('StatusCode is a plain object of name → code, in catalog order, without the reverse mapping an enum has', () => {
    expect(typeof m.StatusCode).toBe('object');
    expect(Object.entries(m.StatusCode)).toEqual(
      [...seedCatalog.statuses].sort((a, b) => a.status - b.status).map((s) => [s.name, s.status]),
    );
    for (const s of seedCatalog.statuses) expect((m.StatusCode as unknown as Record<number, unknown>)[s.status]).toBeUndefined();
  });

  it('ErrorCode is a plain object of name → code, empty for a catalog without error codes', () => {
    expect(typeof m.ErrorCode).toBe('object');
    expect(Object.values(m.ErrorCode).sort()).toEqual((seedCatalog.errors ?? []).map((e) => e.code).sort());
    expect(m.ERRORS).toHaveLength(seedCatalog.errors?.length ?? 0);
    expect(m.ERROR_MESSAGES).toEqual(Object.fromEntries((seedCatalog.errors ?? []).map((e) => [e.code, [e.status, e.message]])));
  });

  it('finds codes by message ignoring case, spaces and punctuation', () => {
    expect(m.getStatusCode('Not Found')).toBe(404);
    expect(m.getStatusCode('request timeout')).toBe(408);
    expect(m.getStatusCode('BAD_REQUEST')).toBe(400);
  });

  it('returns undefined for unknown input and never throws', () => {
    for (const code of [0, 99, 418, 600, Number.NaN, 404.5, -1]) expect(m.getStatusMessage(code)).toBeUndefined();
    for (const message of ['', 'nope', 'I am a teapot', '__proto__', 'constructor']) expect(m.getStatusCode(message)).toBeUndefined();
    expect(m.getStatusCode(undefined as unknown as string)).toBeUndefined();
    expect(m.getStatusCode(404 as unknown as string)).toBeUndefined();
    expect(m.isStatusCode('404')).toBe(false);
  });

  it('classifies codes by range', () => {
    for (const s of seedCatalog.statuses) {
      const c = s.status;
      expect(m.isInformational(c)).toBe(c < 200);
      expect(m.isSuccess(c)).toBe(c >= 200 && c < 300);
      expect(m.isRedirection(c)).toBe(c >= 300 && c < 400);
      expect(m.isClientError(c)).toBe(c >= 400 && c < 500);
      expect(m.isServerError(c)).toBe(c >= 500);
      expect(m.isError(c)).toBe(c >= 400);
    }
    expect(m.isClientError(499)).toBe(true);
    expect(m.isServerError(600)).toBe(false);
  });

  it('exposes category sets from the catalog data', () => {
    for (const s of seedCatalog.statuses) {
      const c = s.status as never;
      expect(m.EMPTY_BODY_STATUSES.has(c), `${s.status}`).toBe(s.bodyAllowed === false);
      expect(m.RETRYABLE_STATUSES.has(c)).toBe(s.retry !== undefined && s.retry !== 'modify');
      expect(m.REDIRECT_STATUSES.has(c)).toBe(s.status >= 300 && s.status < 400 && (s.headers ?? []).includes('Location'));
    }
    expect([...m.RETRYABLE_STATUSES].sort()).toEqual([408, 413, 429]);
  });

  it('answers isRetryable by the retry policy and Retry-After', () => {
    for (const s of seedCatalog.statuses) {
      const always = s.retry === 'anytime' || s.retry === 'retry-after';
      expect(m.isRetryable(s.status), `${s.status}`).toBe(always);
      expect(m.isRetryable(s.status, true), `${s.status}`).toBe(always || s.retry === 'if-retry-after');
    }
  });
});

describe('error classes', () => {
  it('has one class per 4xx/5xx status, under ClientError or ServerError', () => {
    for (const s of errorStatuses) {
      const Class = classOf(s.name);
      expect(Class, s.name).toBeTypeOf('function');
      expect(Class.status).toBe(s.status);
      expect(m.errorClassFor(s.status)).toBe(Class);
      const error = new Class();
      expect(error).toBeInstanceOf(s.status < 500 ? m.ClientError : m.ServerError);
      expect(error).not.toBeInstanceOf(s.status < 500 ? m.ServerError : m.ClientError);
      expect(error).toBeInstanceOf(m.ApiError);
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe(classNameOf(s.name));
      expect(error.status).toBe(s.status);
      expect(error.errorMsg).toBe(s.message);
      expect(error.message).toBe(s.message);
      expect(error.errorCode).toBe(defaultCode);
      expect(error.expose).toBe(s.status < 500);
      expect(error.toJSON()).toEqual({ error_code: defaultCode, error_msg: s.message });
      expect(validateBody(error.toJSON()), JSON.stringify(validateBody.errors)).toBe(true);
      expect(error.retryable).toBe(s.retry === 'anytime' || s.retry === 'retry-after');
      expect(error.stack).toContain(classNameOf(s.name));
    }
    expect(m.errorClassFor(200)).toBeUndefined();
    expect(m.errorClassForCode('S3M.0000')).toBeUndefined();
  });

  it('name is the class name for every generated class, from its own static errorName, even when a minifier renames the class', () => {
    const classes: [AnyErrorClass, string][] = [
      ...errorStatuses.map((s): [AnyErrorClass, string] => [classOf(s.name), classNameOf(s.name)]),
      [m.ApiError as unknown as AnyErrorClass, 'ApiError'],
      [m.ClientError as unknown as AnyErrorClass, 'ClientError'],
      [m.ServerError as unknown as AnyErrorClass, 'ServerError'],
    ];
    for (const [Class, name] of classes) {
      expect(Object.hasOwn(Class, 'errorName'), name).toBe(true);
      expect(Class.errorName).toBe(name);
      const make = (): ApiErrorInstance =>
        Class.status === undefined
          ? new (Class as unknown as new (status: number) => ApiErrorInstance)(name === 'ServerError' ? 599 : 418)
          : new Class();
      expect(make().name).toBe(name);
      // What a minifier does: the class itself is renamed; the name must not follow it.
      const renamed = Object.getOwnPropertyDescriptor(Class, 'name')!;
      Object.defineProperty(Class, 'name', { ...renamed, value: 'a' });
      try {
        expect(Class.name).toBe('a');
        expect(make().name, name).toBe(name);
      } finally {
        Object.defineProperty(Class, 'name', renamed);
      }
    }
  });

  it('takes a message, code, cause and headers like Error does; sends only declared headers and the request id', () => {
    const cause = new Error('disk full');
    const error = new m.TooManyRequestsError('Slow down', {
      errorCode: 'S3M.0429',
      cause,
      headers: { 'Retry-After': '30', 'X-Request-Id': ['a', 'b'], 'X-Count': 3 },
    });
    expect(error.errorMsg).toBe('Slow down');
    expect(error.errorCode).toBe('S3M.0429');
    expect(error.cause).toBe(cause);
    // The error keeps what it was given, with lower-case names...
    expect(error.headers).toEqual({ 'retry-after': '30', 'x-request-id': 'a, b', 'x-count': '3' });
    expect(error.requestId).toBe('a, b');
    expect(error.retryAfter).toBe(30);
    expect(error.retryable).toBe(true);
    // ...the body has no request id (it came as a header)...
    expect(error.toJSON()).toEqual({ error_code: 'S3M.0429', error_msg: 'Slow down' });
    // ...and the response sends the declared Retry-After and the request id, not X-Count.
    const response = error.toResponse();
    expect(response).toEqual({
      status: 429,
      headers: { 'retry-after': '30', 'x-request-id': 'a, b', 'content-type': 'application/json' },
      body: { error_code: 'S3M.0429', error_msg: 'Slow down' },
    });
    expect(Object.keys(response.headers)).toEqual(['retry-after', 'x-request-id', 'content-type']);
    expect(JSON.parse(JSON.stringify(error))).toEqual(error.toJSON());
    expect('cause' in new m.NotFoundError()).toBe(false);
    // A request id given as an option goes into the body and the header.
    const withId = new m.NotFoundError(undefined, { requestId: 'r-9' });
    expect(withId.toJSON()).toEqual({ error_code: defaultCode, error_msg: 'NotFound', request_id: 'r-9' });
    expect(withId.toResponse().headers).toEqual({ 'x-request-id': 'r-9', 'content-type': 'application/json' });
  });

  it('a server-raised error keeps every header it was given but never sends connection or encoding headers, nor undeclared ones', () => {
    for (const s of errorStatuses) {
      const given: [string, string][] = [
        ...CONNECTION_HEADERS,
        ...declaredHeaders.map((name): [string, string] => [name, `value of ${name}`]),
        ['X-Request-Id', 'req-1'],
        ['X-Powered-By', 'Express'],
      ];
      const error = new (classOf(s.name))(undefined, { headers: Object.fromEntries(given) });
      expect(error.headers).toEqual(Object.fromEntries(given.map(([n, v]) => [n.toLowerCase(), v])));
      const expected = Object.fromEntries(
        [
          ...declaredHeaders.map((name): [string, string] => [name.toLowerCase(), `value of ${name}`]),
          ['x-request-id', 'req-1'] as [string, string],
        ].sort(([a], [b]) => (a < b ? -1 : 1)),
      );
      const sent = error.toResponse().headers;
      expect(sent).toEqual({ ...expected, 'content-type': 'application/json' });
      expect(Object.keys(sent)).toEqual([...Object.keys(expected), 'content-type']);
    }
  });

  it('makes 413 retryable only with Retry-After', () => {
    expect(new m.RequestEntityTooLargeError().retryable).toBe(false);
    expect(new m.RequestEntityTooLargeError(undefined, { headers: { 'retry-after': '5' } }).retryable).toBe(true);
  });

  it('masks the given message of every 5xx status in the body, keeps it on .message for logs; sends it for every 4xx', () => {
    for (const s of errorStatuses) {
      const secret = `status ${s.status} failed: db password=hunter2`;
      const cause = new Error(`cause of ${s.status}`);
      const Class = classOf(s.name);
      const error = new Class(secret, { cause });
      expect(error.message).toBe(secret);
      expect(error.cause).toBe(cause);
      expect(String(error)).toContain(secret);
      const server = s.status >= 500;
      expect(error.expose, String(s.status)).toBe(!server);
      const sent = server ? s.message : secret;
      expect(error.errorMsg).toBe(sent);
      expect(error.toJSON()).toEqual({ error_code: defaultCode, error_msg: sent });
      expect(error.toResponse().body).toEqual({ error_code: defaultCode, error_msg: sent });
      expect(JSON.stringify(error).includes('hunter2')).toBe(!server);
      expect(JSON.stringify(error.toResponse()).includes('hunter2')).toBe(!server);

      // expose overrides the default either way.
      const exposed = new Class(secret, { expose: true, cause });
      expect(exposed.expose).toBe(true);
      expect(exposed.errorMsg).toBe(secret);
      expect(exposed.toJSON()).toEqual({ error_code: defaultCode, error_msg: secret });
      expect(exposed.cause).toBe(cause);
      const hidden = new Class(secret, { expose: false });
      expect(hidden.message).toBe(secret);
      expect(hidden.toResponse().body).toEqual({ error_code: defaultCode, error_msg: s.message });
    }
    // Statuses the catalog does not list: masked by range, with the generic message.
    expect(new m.ServerError(599, 'stack trace').toJSON()).toEqual({ error_code: defaultCode, error_msg: 'HTTP 599' });
    expect(new m.ClientError(418, 'teapot').toJSON()).toEqual({ error_code: defaultCode, error_msg: 'teapot' });
  });

  it('new NotFoundError() sends the catalog message of its status; a code the catalog does not list lends none', () => {
    for (const s of errorStatuses) {
      const Class = classOf(s.name);
      expect(new Class().toJSON()).toEqual({ error_code: defaultCode, error_msg: s.message });
      const unlisted = new Class(undefined, { errorCode: 'S3M.9999' });
      expect(unlisted.errorCode).toBe('S3M.9999');
      expect(unlisted.errorMsg).toBe(s.message);
    }
  });

  it('keeps instanceof and the name of subclasses users write', () => {
    class MissingWidgetError extends m.NotFoundError {}
    const error = new MissingWidgetError('no widget');
    expect(error).toBeInstanceOf(MissingWidgetError);
    expect(error).toBeInstanceOf(m.NotFoundError);
    expect(error).toBeInstanceOf(m.ClientError);
    expect(error).toBeInstanceOf(m.ApiError);
    expect(error.name).toBe('MissingWidgetError');
    expect(error.status).toBe(404);
    expect(error.errorMsg).toBe('no widget');
    expect(m.isApiError(error, 404)).toBe(true);
    // A generated NotFoundError is not an instance of the user's subclass.
    expect(new m.NotFoundError()).not.toBeInstanceOf(MissingWidgetError);
    class MyError extends m.NotFoundError {}
    expect(new MyError().name).toBe('MyError');
    expect(new MyError()).toBeInstanceOf(m.NotFoundError);
  });

  it('instanceof and isApiError hold across two copies of the generated code', () => {
    expect(other.NotFoundError).not.toBe(m.NotFoundError);
    const theirs = new other.NotFoundError('elsewhere');
    expect(theirs).toBeInstanceOf(m.NotFoundError);
    expect(theirs).toBeInstanceOf(m.ClientError);
    expect(theirs).toBeInstanceOf(m.ApiError);
    expect(theirs).not.toBeInstanceOf(m.ServerError);
    expect(theirs).not.toBeInstanceOf(m.BadRequestError);
    expect(m.isApiError(theirs)).toBe(true);
    expect(m.isApiError(theirs, 404)).toBe(true);
    expect(m.isApiError(theirs, 400)).toBe(false);
    expect(new other.BadRequestError()).not.toBeInstanceOf(m.NotFoundError);
    expect(new other.InternalServerError()).toBeInstanceOf(m.ServerError);
    expect(new m.NotFoundError()).toBeInstanceOf(other.NotFoundError);
    // A user's subclass matches only by prototype: another copy's NotFoundError is not one.
    class MyError extends m.NotFoundError {}
    expect(new other.NotFoundError()).not.toBeInstanceOf(MyError);
    expect(new MyError()).toBeInstanceOf(other.NotFoundError);
    // Look-alikes without the brand are not errors of the catalog.
    for (const value of [new Error('x'), { status: 404, errorCode: defaultCode, name: 'NotFoundError' }, Object.create(null) as object]) {
      expect(value).not.toBeInstanceOf(m.ApiError);
      expect(m.isApiError(value)).toBe(false);
    }
  });

  it('isApiError checks the class and optionally the status', () => {
    expect(m.isApiError(new m.NotFoundError())).toBe(true);
    expect(m.isApiError(new m.NotFoundError(), 404)).toBe(true);
    expect(m.isApiError(new m.NotFoundError(), 500)).toBe(false);
    for (const value of [new Error('x'), { status: 404 }, null, undefined, 'NotFound', 404]) expect(m.isApiError(value)).toBe(false);
  });

  it('reads Retry-After as seconds or an HTTP-date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(m.parseRetryAfter('120', now)).toBe(120);
    expect(m.parseRetryAfter(' 0 ', now)).toBe(0);
    expect(m.parseRetryAfter('Thu, 01 Jan 2026 00:01:30 GMT', now)).toBe(90);
    expect(m.parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(m.parseRetryAfter('soon', now)).toBeUndefined();
    expect(m.parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('errorFromResponse', () => {
  it('returns the status class with the body fields, for every error status; a 5xx message stays on .message, the body carries the catalog one', () => {
    for (const s of errorStatuses) {
      const body = { error_code: 'S3M.0001', error_msg: `Failed with ${s.status}` };
      for (const input of [body, JSON.stringify(body)]) {
        const error = m.errorFromResponse(s.status, input, { 'Retry-After': '7' });
        expect(error.constructor).toBe(m.errorClassFor(s.status));
        expect(error.name).toBe(classNameOf(s.name));
        expect(error.message).toBe(body.error_msg);
        expect(error.errorCode).toBe('S3M.0001');
        expect(error.expose).toBe(s.status < 500);
        expect(error.toJSON()).toEqual(s.status < 500 ? body : { ...body, error_msg: s.message });
        expect(error.headers['retry-after']).toBe('7');
      }
    }
  });

  it('leaves errorCode undefined for a body without a code or text that is not JSON; the catalog message of the status', () => {
    const bodies: unknown[] = [
      undefined,
      null,
      '',
      'not json',
      '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>\n',
      '[1,2]',
      '"text"',
      42,
      [],
      {},
      { error_code: true, error_msg: false },
      { error_code: -1, error_msg: 7 },
      { error_code: 1.5 },
      { error: 'not an object' },
      { error: { code: true, message: null } },
      Object.create({ error_code: 'S3M.0001', error_msg: 'inherited' }) as object,
    ];
    for (const s of errorStatuses) {
      for (const body of bodies) {
        const error = m.errorFromResponse(s.status, body);
        expect(error.constructor, `${s.status} ${String(body)}`).toBe(classOf(s.name));
        expect(error.errorCode).toBeUndefined();
        expect(error.errorMsg).toBe(s.message);
        // What it sends on stays a valid body: the default code fills the gap on the wire only.
        expect(error.toJSON()).toEqual({ error_code: defaultCode, error_msg: s.message });
        expect(validateBody(error.toJSON()), JSON.stringify(validateBody.errors)).toBe(true);
      }
      // Control: the same status raised on the server without a code gets the default code.
      expect(new (classOf(s.name))().errorCode).toBe(defaultCode);
      expect(m.DEFAULT_ERROR_CODE).toBe(defaultCode);
    }
    // Unlisted statuses too.
    for (const status of [418, 599, 302]) expect(m.errorFromResponse(status, 'oops').errorCode).toBeUndefined();
  });

  it('takes a code sent as a JSON number', () => {
    expect(m.errorFromResponse(400, { error_code: 1100 }).errorCode).toBe('1100');
  });

  it("takes another layout's code only when it is this service's (listed, or matching codePattern)", () => {
    // A gateway's own {"error":{"code":404}} or {"code":"NOT_FOUND"} is not an S3M code.
    expect(m.errorFromResponse(404, '{"error":{"code":404}}').errorCode).toBeUndefined();
    expect(m.errorFromResponse(404, { code: 'NOT_FOUND' }).errorCode).toBeUndefined();
    // The catalog's own field is taken as it is; elsewhere a code matching the pattern is.
    expect(m.errorFromResponse(404, { error_code: 'NOT_FOUND' }).errorCode).toBe('NOT_FOUND');
    expect(m.errorFromResponse(404, '{"error":{"code":"S3M.0404"}}').errorCode).toBe('S3M.0404');
    expect(m.errorFromResponse(404, { code: 'S3M.0404' }).errorCode).toBe('S3M.0404');
  });

  it('keeps the fields it can use and ignores extra ones', () => {
    const error = m.errorFromResponse(400, { error_msg: 'Invalid parameter', extra: true, request_id: 'r1' });
    expect(error.toJSON()).toEqual({ error_code: defaultCode, error_msg: 'Invalid parameter', request_id: 'r1' });
    expect(error.errorCode).toBeUndefined();
    expect(error.requestId).toBe('r1');
  });

  it('uses ClientError, ServerError or ApiError for statuses without a class', () => {
    expect(m.errorFromResponse(418, '{}').constructor).toBe(m.ClientError);
    expect(m.errorFromResponse(599, '{}').constructor).toBe(m.ServerError);
    expect(m.errorFromResponse(302, '{}').constructor).toBe(m.ApiError);
    expect(m.errorFromResponse(418, '{}').errorMsg).toBe('HTTP 418');
    expect(m.errorFromResponse(418, '{}').name).toBe('ClientError');
    expect(m.errorFromResponse(599, '{}').name).toBe('ServerError');
    expect(m.errorFromResponse(302, '{}').name).toBe('ApiError');
  });

  it('never throws, even on hostile input', () => {
    const throwing = new Proxy(
      {},
      {
        getOwnPropertyDescriptor() {
          throw new Error('trap');
        },
        ownKeys() {
          throw new Error('trap');
        },
      },
    );
    const badHeaders = {
      forEach() {
        throw new Error('headers');
      },
    };
    expect(m.errorFromResponse(500, throwing)).toBeInstanceOf(m.ApiError);
    expect(m.errorFromResponse(503, '{}', badHeaders).status).toBe(503);
    expect(m.errorFromResponse(Number.NaN, '{}')).toBeInstanceOf(m.BadGatewayError);
    expect(m.errorFromResponse('404', '{}')).toBeInstanceOf(m.NotFoundError);
    expect(m.errorFromResponse(404, '{"__proto__":{"error_msg":"polluted"}}').errorMsg).toBe('NotFound');
    expect(({} as Record<string, unknown>)['error_msg']).toBeUndefined();
  });

  it('reads headers from fetch Headers and Maps', () => {
    const headers = new Headers({ 'Retry-After': '12', 'X-Request-Id': 'abc' });
    const error = m.errorFromResponse(429, '{}', headers);
    expect(error.retryAfter).toBe(12);
    expect(error.headers['x-request-id']).toBe('abc');
    expect(m.errorFromResponse(429, '{}', new Map([['Retry-After', '3']])).retryAfter).toBe(3);
  });

  it('keeps only the declared headers and x-request-id of a response, from a record, fetch Headers or a Map', () => {
    const pairs: [string, string][] = [
      ...CONNECTION_HEADERS,
      ['Retry-After', '30'],
      ['X-Request-Id', 'req-1'],
      ['Content-Type', 'text/html'],
      ['X-Powered-By', 'Express'],
    ];
    const inputs = {
      record: Object.fromEntries(pairs),
      Headers: new Headers(pairs),
      Map: new Map(pairs),
    };
    for (const s of errorStatuses) {
      for (const [kind, headers] of Object.entries(inputs)) {
        const error = m.errorFromResponse(s.status, '{"error_code":"S3M.0001","error_msg":"x"}', headers);
        expect(error.headers, `${s.status} ${kind}`).toEqual({ 'retry-after': '30', 'x-request-id': 'req-1' });
        expect(error.requestId).toBe('req-1');
        expect(error.retryAfter).toBe(30);
        const sent = error.toResponse().headers;
        expect(sent).toEqual({ 'retry-after': '30', 'x-request-id': 'req-1', 'content-type': 'application/json' });
        expect(Object.keys(sent)).toEqual(['retry-after', 'x-request-id', 'content-type']);
        // The request id came as a header: it is not put into the body.
        expect(error.toJSON()).not.toHaveProperty('request_id');
      }
    }
    // Every header the catalog declares is kept, whatever its case on the wire.
    const all = m.errorFromResponse(
      401,
      '{}',
      Object.fromEntries([...CONNECTION_HEADERS, ...declaredHeaders.map((name) => [name.toUpperCase(), name])]) as Record<string, string>,
    );
    expect(all.headers).toEqual(Object.fromEntries(declaredHeaders.map((name) => [name.toLowerCase(), name])));
    expect(declaredHeaders.map((h) => h.toLowerCase()).sort()).toEqual([...m.DECLARED_HEADERS]);
  });
});

describe('what errorFromResponse reads from untrusted bodies is bounded', () => {
  /** Backtracks exponentially on a run of letters that fails at its end: 31 letters took 22 s. */
  const BACKTRACKING = '^([A-Z0-9]+\\.?)+[0-9]{4}$';

  it('codePattern never runs on a code longer than the catalog has: a pattern that backtracks costs nothing there (child process, 20 s bound)', () => {
    // The generator refuses such patterns; the runtime does not count on it (a module generated
    // before, or edited by hand), so the test writes one into the compiled catalog.js itself.
    const hostile = join(dir, 'hostile-pattern');
    cpSync(join(dir, 'js'), hostile, { recursive: true });
    const file = join(hostile, 'catalog.js');
    const text = readFileSync(file, 'utf8');
    const patched = text.replace(/new RegExp\([^;]*\);/, `new RegExp(${JSON.stringify(BACKTRACKING)}, "u");`);
    expect(patched).not.toBe(text);
    writeFileSync(file, patched);
    const script = [
      `const m = await import(${JSON.stringify(pathToFileURL(join(hostile, 'index.js')).href)});`,
      `const hostile = m.errorFromResponse(404, '{"error":{"code":"' + 'A'.repeat(31) + '!"}}');`,
      `const own = m.errorFromResponse(404, '{"error":{"code":"S3M.0001"}}');`,
      'console.log(JSON.stringify({ source: m.ERROR_CODE_PATTERN.source, max: m.MAX_ERROR_CODE_LENGTH, hostile: hostile.errorCode ?? null, own: own.errorCode ?? null }));',
    ].join('\n');
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(result.error, 'the child finished within 20 s').toBeUndefined();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // The longest code of the default catalog is its default code, S3M.0000: 8 characters.
    expect(JSON.parse(result.stdout)).toEqual({ source: BACKTRACKING, max: 8, hostile: null, own: 'S3M.0001' });
  }, 30_000);

  it('a body past MAX_ERROR_BODY_LENGTH is not parsed: a 64 MiB body is the status class without a code', () => {
    expect(m.MAX_ERROR_BODY_LENGTH).toBe(1024 * 1024);
    const body = JSON.stringify({ error_code: 'S3M.0001', error_msg: 'x'.repeat(64 * 1024 * 1024) });
    const error = m.errorFromResponse(404, body);
    expect(error).toBeInstanceOf(m.NotFoundError);
    expect(error.errorCode).toBeUndefined();
    expect(error.errorMsg).toBe(m.getStatusMessage(404));
  });
});
