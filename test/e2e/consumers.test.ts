/**
 * The generated TypeScript as its users meet it: two compiled copies of one catalog's output (a
 * server and an SDK each hold one) that must recognise each other's errors, two catalogs that
 * must not, and the bundles a bundler makes of one-line importers.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compileTypeScript,
  DEFAULT_CATALOG,
  importFile,
  OUTPUT,
  removeDir,
  ROOT,
  seedCatalog,
  tempDir,
  TSC,
  writeFile,
} from '../harness/helpers.js';
import { generateCatalog } from '../harness/cases.js';

type Generated = typeof import('../../output/ts/index.js');
type ApiErrorLike = InstanceType<Generated['ApiError']>;
/** How these tests call any generated class: the required headers of every status are in HEADERS. */
type AnyClass = new (errorMsg?: string, options?: object) => ApiErrorLike;
type Bundle = { bytes: number; gzipBytes: number };

const TS_DIR = join(OUTPUT, 'ts');
/** Every header the default catalog and storage.yaml mark required (401, 405, 407). */
const HEADERS = { headers: { 'WWW-Authenticate': 'Bearer', Allow: 'GET', 'Proxy-Authenticate': 'Basic' } };
const errorStatuses = seedCatalog.statuses.map((s) => s.status).filter((s) => s >= 400);
const messageOf = (status: number): string => seedCatalog.statuses.find((s) => s.status === status)!.message;

const make = (type: unknown, errorMsg?: string): ApiErrorLike => new (type as AnyClass)(errorMsg, HEADERS);
const is = (value: unknown, type: unknown): boolean => value instanceof (type as AnyClass);

let dir: string;

/** Compiles a folder of generated TypeScript with tsc into `dir/<name>` and imports its index. */
async function compiledCopy(sourceDir: string, name: string): Promise<Generated> {
  const result = compileTypeScript(sourceDir, join(dir, name));
  expect(result.stdout + result.stderr).toBe('');
  expect(result.status).toBe(0);
  return importFile<Generated>(join(dir, name, 'index.js'));
}

/** TypeScript folders of the catalogs generated with the real CLI, by name. */
const generated: Record<string, string> = {};
const CATALOGS = join(ROOT, 'test', 'fixtures', 'catalogs');

beforeAll(async () => {
  dir = tempDir('status-catalog-consumers-');
  // The default catalog under another service: the same statuses and class names, another brand.
  const other = writeFile(
    join(dir, 'other-service.yaml'),
    `extends: ${relative(dir, DEFAULT_CATALOG)}\nservice: OTHER\ntitle: The default catalog under another service\nversion: "1.0.0"\n`,
  );
  const thousand = join(dir, 'synthetic-1000.yaml');
  const made = spawnSync(process.execPath, [join(ROOT, 'bench', 'synthetic.js'), '1000', thousand], { encoding: 'utf8' });
  expect(made.status, made.stderr).toBe(0);
  // The CLI takes seconds per catalog: all at once.
  const jobs: [string, string][] = [
    ['storage', join(CATALOGS, 'storage.yaml')],
    ['identity', join(CATALOGS, 'identity.yaml')],
    ['other-service', other],
    ['synthetic-1000', thousand],
  ];
  const folders = await Promise.all(jobs.map(([name, catalog]) => generateCatalog(catalog, join(dir, name))));
  jobs.forEach(([name], i) => (generated[name] = folders[i]!));
});
afterAll(() => removeDir(dir));

describe('two copies of the default catalog (a server and an SDK)', () => {
  let A: Generated;
  let B: Generated;

  beforeAll(async () => {
    A = await compiledCopy(TS_DIR, 'copy-a');
    B = await compiledCopy(TS_DIR, 'copy-b');
  });

  it('are two copies: different classes, the same catalog', () => {
    expect(A.NotFoundError).not.toBe(B.NotFoundError);
    expect(A.ApiError).not.toBe(B.ApiError);
    expect(A.SERVICE).toBe(B.SERVICE);
    // Control: without the brand, the copies' prototypes are unrelated.
    expect(Object.prototype.isPrototypeOf.call(B.NotFoundError.prototype, new A.NotFoundError())).toBe(false);
    expect(errorStatuses.length).toBeGreaterThan(20);
  });

  it("are one type to tsc: a handler typed with one copy takes the other copy's errors", () => {
    const work = join(dir, 'types-two-copies');
    cpSync(TS_DIR, join(work, 'a'), { recursive: true });
    cpSync(TS_DIR, join(work, 'b'), { recursive: true });
    writeFileSync(join(work, 'package.json'), '{"type":"module"}\n');
    const use = [
      'import * as A from "./a/index.js";',
      'import * as B from "./b/index.js";',
      'function handle(error: A.ApiError): number { return error.toResponse().status; }',
      'handle(new B.NotFoundError());',
      'handle(B.errorFromResponse(503, "{}"));',
      'const client: A.ClientError = new B.BadRequestError();',
      '// @ts-expect-error a 4xx of one copy is no ServerError of the other',
      'const server: A.ServerError = new B.BadRequestError();',
      'void client, server;',
    ].join('\n');
    writeFileSync(join(work, 'use.ts'), `${use}\n`);
    const options = {
      strict: true,
      target: 'ES2022',
      lib: ['ES2022'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      types: [],
      noEmit: true,
      exactOptionalPropertyTypes: true,
    };
    writeFileSync(join(work, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files: ['use.ts'] }));
    const result = spawnSync(process.execPath, [TSC, '-p', join(work, 'tsconfig.json')], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  for (const [fromName, toName] of [
    ['A', 'B'],
    ['B', 'A'],
  ] as const) {
    describe(`an error made by copy ${fromName}, checked by copy ${toName}`, () => {
      const copies = (): [Generated, Generated] => (fromName === 'A' ? [A, B] : [B, A]);

      for (const status of errorStatuses) {
        it(`${status}`, () => {
          const [from, to] = copies();
          const FromClass = from.errorClassFor(status);
          const ToClass = to.errorClassFor(status);
          expect(FromClass).toBeDefined();
          expect(ToClass).toBeDefined();
          const error = make(FromClass, 'x');
          expect(to.isApiError(error)).toBe(true);
          expect(to.isApiError(error, status)).toBe(true);
          expect(to.isApiError(error, status === 404 ? 400 : 404)).toBe(false);
          expect(is(error, ToClass)).toBe(true);
          expect(is(error, to.ApiError)).toBe(true);
          expect(is(error, to.ClientError)).toBe(status < 500);
          expect(is(error, to.ServerError)).toBe(status >= 500);
          for (const other of errorStatuses.filter((s) => s !== status)) {
            expect(is(error, to.errorClassFor(other)), `${status} instanceof ${other}`).toBe(false);
          }
          // The same holds for an error rebuilt from a response by the other copy.
          const rebuilt = from.errorFromResponse(status, JSON.stringify(error.toJSON()));
          expect(is(rebuilt, ToClass)).toBe(true);
          expect(to.isApiError(rebuilt, status)).toBe(true);
        });
      }

      it('the named checks of the issue', () => {
        const [from, to] = copies();
        const notFound = new from.NotFoundError();
        expect(to.isApiError(notFound)).toBe(true);
        expect(to.isApiError(notFound, 404)).toBe(true);
        expect(notFound instanceof to.NotFoundError).toBe(true);
        expect(notFound instanceof to.ClientError).toBe(true);
        expect(notFound instanceof to.ApiError).toBe(true);
        expect(new from.BadRequestError() instanceof to.NotFoundError).toBe(false);
        const internal = new from.InternalServerError();
        expect(internal instanceof to.ServerError).toBe(true);
        expect(internal instanceof to.ClientError).toBe(false);
        expect(internal instanceof to.InternalServerError).toBe(true);
        expect(new from.BadGatewayError() instanceof to.InternalServerError).toBe(false);
        expect(new from.ApiError(418) instanceof to.ClientError).toBe(false);
        expect(new from.ClientError(418) instanceof to.ClientError).toBe(true);
        expect(new from.ClientError(418) instanceof to.NotFoundError).toBe(false);
        expect(new from.ServerError(599) instanceof to.ServerError).toBe(true);
      });

      it('a user subclass in one copy matches the other copy by its generated class, and itself by prototype only', () => {
        const [from, to] = copies();
        class MyNotFound extends from.NotFoundError {}
        const mine = new MyNotFound();
        expect(mine.name).toBe('MyNotFound');
        expect(mine instanceof to.NotFoundError).toBe(true);
        expect(to.isApiError(mine, 404)).toBe(true);
        expect(new to.NotFoundError() instanceof MyNotFound).toBe(false);
        expect(new from.NotFoundError() instanceof MyNotFound).toBe(false);
      });
    });
  }

  it('a plain Error, or an object faking status 404, is not an error of either copy', () => {
    const fakes: unknown[] = [
      new Error('Not Found'),
      Object.assign(new Error('Not Found'), { status: 404, name: 'NotFoundError', errorCode: 'S3M.0000' }),
      { status: 404 },
      { status: 404, name: 'NotFoundError', message: 'Not Found', errorCode: 'S3M.0000', errorMsg: 'Not Found' },
      JSON.parse(JSON.stringify(new A.NotFoundError())) as unknown,
      { ...new A.NotFoundError() },
    ];
    for (const copy of [A, B]) {
      for (const fake of fakes) {
        expect(copy.isApiError(fake)).toBe(false);
        expect(copy.isApiError(fake, 404)).toBe(false);
        expect(fake instanceof copy.NotFoundError).toBe(false);
        expect(fake instanceof copy.ClientError).toBe(false);
        expect(fake instanceof copy.ApiError).toBe(false);
      }
    }
  });
});

/** Catalogs with `typescript: errorCodeClasses: true`, and how many codes each lists. */
const CODE_CLASS_CATALOGS: readonly (readonly [name: string, codes: number])[] = [
  ['storage', 12],
  ['identity', 8],
];

for (const [catalogName, codeCount] of CODE_CLASS_CATALOGS) {
  describe(`two copies of a catalog with a class per error code (${catalogName})`, () => {
    let A: Generated;
    let B: Generated;
    let codes: { code: string; status: number }[];
    const forCode = (m: Generated, code: string): { errorCode: string; status: number } | undefined =>
      (m.errorClassForCode as (code: string) => { errorCode: string; status: number } | undefined)(code);

    beforeAll(async () => {
      A = await compiledCopy(generated[catalogName]!, `${catalogName}-a`);
      B = await compiledCopy(generated[catalogName]!, `${catalogName}-b`);
      codes = A.ERRORS.map((e) => ({ code: e.code, status: e.status }));
    });

    it('has a class for every code (guards the loops below)', () => {
      expect(codes.length).toBe(codeCount);
      for (const { code, status } of codes) {
        const type = forCode(A, code);
        expect(type?.errorCode).toBe(code);
        expect(type?.status).toBe(status);
      }
    });

    for (const [fromName, toName] of [
      ['A', 'B'],
      ['B', 'A'],
    ] as const) {
      it(`a code-class error from copy ${fromName} is an instance of copy ${toName}'s code class and status class, not of another code's`, () => {
        const [from, to] = fromName === 'A' ? [A, B] : [B, A];
        for (const { code, status } of codes) {
          const error = make(forCode(from, code));
          expect(error.errorCode).toBe(code);
          expect(is(error, forCode(to, code)), code).toBe(true);
          expect(to.isApiError(error)).toBe(true);
          expect(to.isApiError(error, status)).toBe(true);
          expect(is(error, to.ApiError)).toBe(true);
          expect(is(error, to.ClientError)).toBe(status >= 400 && status < 500);
          expect(is(error, to.ServerError)).toBe(status >= 500);
          const StatusClass = to.errorClassFor(status);
          if (StatusClass !== undefined) expect(is(error, StatusClass), `${code} instanceof ${status}`).toBe(true);
          for (const other of codes.filter((c) => c.code !== code)) {
            expect(is(error, forCode(to, other.code)), `${code} instanceof ${other.code}`).toBe(false);
          }
          for (const other of errorStatuses.filter((s) => s !== status)) {
            const OtherClass = to.errorClassFor(other);
            if (OtherClass !== undefined) expect(is(error, OtherClass), `${code} instanceof ${other}`).toBe(false);
          }
          // A status-class error is no instance of a code class, even with that code.
          const FromStatusClass = from.errorClassFor(status);
          if (FromStatusClass !== undefined) {
            const plain = new (FromStatusClass as unknown as AnyClass)(undefined, { ...HEADERS, errorCode: code });
            expect(is(plain, forCode(to, code))).toBe(false);
            expect(is(plain, StatusClass)).toBe(true);
          }
          // An error rebuilt from a response by one copy is an instance of the other's code class.
          expect(is(from.errorFromResponse(status, JSON.stringify(error.toJSON())), forCode(to, code))).toBe(true);
        }
      });
    }
  });
}

describe('two different catalogs: the default one, and the same statuses under service OTHER', () => {
  let S3M: Generated;
  let OTHER: Generated;

  beforeAll(async () => {
    S3M = await compiledCopy(TS_DIR, 'other-s3m');
    OTHER = await compiledCopy(generated['other-service']!, 'other-service-copy');
  });

  it('differ only by service: same statuses, same class names', () => {
    expect(S3M.SERVICE).toBe('S3M');
    expect(OTHER.SERVICE).toBe('OTHER');
    for (const status of errorStatuses)
      expect((OTHER.errorClassFor(status) as unknown as { errorName: string }).errorName).toBe(
        (S3M.errorClassFor(status) as unknown as { errorName: string }).errorName,
      );
  });

  for (const [fromName, toName] of [
    ['S3M', 'OTHER'],
    ['OTHER', 'S3M'],
  ] as const) {
    it(`do not recognise each other's errors: made by ${fromName}, checked by ${toName}`, () => {
      const [from, to] = fromName === 'S3M' ? [S3M, OTHER] : [OTHER, S3M];
      for (const status of errorStatuses) {
        const error = make(from.errorClassFor(status));
        expect(to.isApiError(error)).toBe(false);
        expect(to.isApiError(error, status)).toBe(false);
        expect(is(error, to.errorClassFor(status))).toBe(false);
        expect(is(error, to.ClientError)).toBe(false);
        expect(is(error, to.ServerError)).toBe(false);
        expect(is(error, to.ApiError)).toBe(false);
        // Control: the catalog that made it recognises it.
        expect(from.isApiError(error, status)).toBe(true);
      }
      expect(to.isApiError(new from.ApiError(404))).toBe(false);
      expect(to.isApiError(from.errorFromResponse(404, '{}'))).toBe(false);
    });
  }
});

describe('bundles of one-line importers (esbuild, minified)', () => {
  let bundleSize: (entryDir: string, importerSource: string) => Bundle;
  /** The minified ESM bundle text of an importer (bench/consumer.js). */
  let bundle: (entryDir: string, importerSource: string) => string;
  let thousandTs: string;

  const STATUS_CODE = 'import { StatusCode } from "./index.ts"; console.log(StatusCode);';
  const NOT_FOUND = 'import { NotFoundError } from "./index.ts"; console.log(new NotFoundError());';

  beforeAll(async () => {
    ({ bundleSize, bundle } = (await import(pathToFileURL(join(ROOT, 'bench', 'consumer.js')).href)) as {
      bundleSize: typeof bundleSize;
      bundle: typeof bundle;
    });
    thousandTs = generated['synthetic-1000']!;
  });

  it('import { StatusCode }, default catalog: ≤ 3 KiB', () => {
    const size = bundleSize(TS_DIR, STATUS_CODE);
    expect(size.bytes).toBeGreaterThan(0);
    expect(size.bytes).toBeLessThanOrEqual(3072);
  });

  it('import { StatusCode }, 1,000-code catalog: ≤ 3 KiB', () => {
    const size = bundleSize(thousandTs, STATUS_CODE);
    expect(size.bytes).toBeLessThanOrEqual(3072);
    // Control: the catalog really has its 1,000 codes, which the import leaves out.
    const everything = bundleSize(thousandTs, 'import * as all from "./index.ts"; console.log(all);');
    expect(everything.bytes).toBeGreaterThan(100 * 1024);
    expect(bundle(thousandTs, STATUS_CODE)).not.toContain('SVC.OBS.');
  });

  it('import { NotFoundError }, default catalog: ≤ 8 KiB', () => {
    const size = bundleSize(TS_DIR, NOT_FOUND);
    expect(size.bytes).toBeLessThanOrEqual(8192);
  });

  it('toApiError is left out of bundles that do not import it', () => {
    // Its lookup of the member "statusCode" by name is in no other module (ApiError's getter is no string).
    expect(bundle(TS_DIR, NOT_FOUND)).not.toContain('"statusCode"');
    expect(bundle(TS_DIR, 'import { toApiError } from "./index.ts"; console.log(toApiError);')).toContain('"statusCode"');
  });

  it('control: the bundler really bundles and minifies (StatusCode only, no lookup code)', () => {
    const text = bundle(TS_DIR, STATUS_CODE);
    expect(text).toContain('NotFound:404');
    expect(text).not.toContain('getStatusInfo');
    expect(text).not.toContain('STATUS_MESSAGES');
    expect(text).not.toContain('/**');
    expect(text.split('\n').filter((line) => line.trim() !== '').length).toBeLessThanOrEqual(3);
    // Control of the control: unminified, the same bundle is larger.
    const plain = buildSync({
      stdin: { contents: STATUS_CODE, resolveDir: TS_DIR, loader: 'js' },
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      write: false,
      logLevel: 'silent',
    }).outputFiles[0]!.text;
    expect(plain.length).toBeGreaterThan(text.length);
  });

  it('the class name survives minification: new NotFoundError().name, toJSON()', async () => {
    const text = bundle(
      TS_DIR,
      'import { NotFoundError, InternalServerError, isApiError } from "./index.ts"; export { NotFoundError, InternalServerError, isApiError };',
    );
    // Control: the minifier renamed the classes (their constructor.name is not the class name).
    expect(text).not.toMatch(/class NotFoundError\b/);
    const file = join(dir, 'bundle.mjs');
    writeFileSync(file, text);
    const m = (await import(pathToFileURL(file).href)) as {
      NotFoundError: new (msg?: string) => ApiErrorLike;
      InternalServerError: new (msg?: string) => ApiErrorLike;
      isApiError: (v: unknown, s?: number) => boolean;
    };
    expect(m.NotFoundError.name).not.toBe('NotFoundError');
    const error = new m.NotFoundError();
    expect(error.name).toBe('NotFoundError');
    expect(String(error)).toBe(`NotFoundError: ${messageOf(404)}`);
    expect(error.toJSON()).toEqual({ error_code: 'S3M.0000', error_msg: messageOf(404) });
    expect(JSON.stringify(error)).toBe(JSON.stringify({ error_code: 'S3M.0000', error_msg: messageOf(404) }));
    const internal = new m.InternalServerError('db password=hunter2');
    expect(internal.name).toBe('InternalServerError');
    expect(internal.message).toBe('db password=hunter2');
    expect(internal.toJSON()).toEqual({ error_code: 'S3M.0000', error_msg: messageOf(500) });
    expect(m.isApiError(error, 404)).toBe(true);
  });

  it('a minified bundle and a tsc-compiled copy still recognise each other', async () => {
    const text = bundle(TS_DIR, 'import { NotFoundError, isApiError } from "./index.ts"; export { NotFoundError, isApiError };');
    const file = join(dir, 'bundle-cross.mjs');
    writeFileSync(file, text);
    const m = (await import(pathToFileURL(file).href)) as { NotFoundError: AnyClass; isApiError: (v: unknown, s?: number) => boolean };
    const compiled = await compiledCopy(TS_DIR, 'copy-for-bundle');
    expect(new m.NotFoundError() instanceof compiled.NotFoundError).toBe(true);
    expect(new compiled.NotFoundError() instanceof m.NotFoundError).toBe(true);
    expect(m.isApiError(new compiled.BadRequestError(), 400)).toBe(true);
    expect(new compiled.BadRequestError() instanceof m.NotFoundError).toBe(false);
  });
});
