/**
 * The OpenAPI client generators users run on a spec merged with the catalog: openapi-typescript
 * (with openapi-fetch), @hey-api/openapi-ts (types, SDK, zod) and orval (fetch client). One spec,
 * merged once from the petstore fixture with a catalog that lists codes under several statuses
 * (storage.yaml, closed) and again with the same catalog open (openapi.errorCodes: open, under
 * --prefix Open); each generator runs once on it. Their output compiles under strict tsc, and
 * type-level tests, written from the catalog, show each error status's code narrowed to that
 * status's codes (a code of another status is a type error), Retry-After optional and
 * WWW-Authenticate required. At run time, orval's client calls a server answering the catalog's
 * bodies, and hey-api's zod schemas refuse a code the catalog does not list (closed) or take it
 * (open).
 */
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createClient as heyApi } from '@hey-api/openapi-ts';
import { lint, type NormalizedProblem } from '@redocly/openapi-core';
import openapiTS, { astToString } from 'openapi-typescript';
import { generate as orval } from 'orval';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../generator/index.js';
import { buildModel, type CatalogModel, type StatusModel } from '../../generator/model/model.js';
import { wireBody } from '../../generator/targets/openapi/openapi.js';
import { captured, runInProcess } from '../harness/cli.js';
import { importFile, removeDir, ROOT, STRICT_OPTIONS, tempDir, TSC, writeFile } from '../harness/helpers.js';
import { recommendedLintConfig } from '../harness/openapi-check.js';

const CATALOG = join(ROOT, 'test', 'fixtures', 'catalogs', 'storage.yaml');
const SPEC = join(ROOT, 'test', 'fixtures', 'specs', 'petstore.oas31.json');
const PATH = '/pets/{petId}';
/** The statuses attached to every operation (with `default`): several with codes, 401 with a required header, 429 with an optional one. */
const ATTACHED = [400, 401, 404, 429, 500];

const model: CatalogModel = buildModel(loadCatalog(CATALOG));
const statusOf = (status: number): StatusModel => model.statuses.find((s) => s.status === status)!;
/** The attached statuses the catalog lists codes under: each has a body schema of its own. */
const WITH_CODES = ATTACHED.map(statusOf).filter((status) => status.bodyCodes.length > 0);
/** A code the catalog lists under no status but matching its pattern: what a newer server may send. */
const NEW_CODE = 'SVCSTG.NEW.99999';

const union = (codes: readonly string[]): string => codes.map((code) => JSON.stringify(code)).join(' | ');
/** A code of another status, never one `status` may carry. */
const foreignCode = (status: StatusModel): string => model.errors.find((e) => !status.bodyCodes.includes(e.code))!.code;
/** The body the generated runtime writes for an error of `status` with `code`. */
const bodyOf = (status: StatusModel, code: string): unknown =>
  wireBody(model, { status: status.status, statusMessage: status.message, code, codeMessage: undefined, message: 'Message.' });

let dir: string;
let server: Server;
const compiled: Record<'strict' | 'heyApi', { status: number | null; output: string }> = {
  strict: { status: null, output: '' },
  heyApi: { status: null, output: '' },
};

/** Type-checks (and emits) a project of the work folder with TypeScript 7. */
function compile(
  name: string,
  include: readonly string[],
  options: Readonly<Record<string, unknown>>,
): { status: number | null; output: string } {
  const config = join(dir, `tsconfig.${name}.json`);
  const compilerOptions = { ...options, lib: ['ES2022', 'DOM'], rootDir: '.', outDir: `out-${name}`, declaration: false };
  writeFileSync(config, JSON.stringify({ compilerOptions, include }));
  const result = spawnSync(process.execPath, [TSC, '-p', config], { encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

/**
 * The strict project's use of openapi-typescript, openapi-fetch and orval: for each attached
 * status with codes, its code is exactly the catalog's codes of the status, and a code of
 * another status is an error (@ts-expect-error fails the build when there is no error).
 */
function strictUse(): string {
  const lines = [
    "import createClient from 'openapi-fetch';",
    "import type { components, paths } from './openapi-typescript/api.js';",
    "import { showPetById } from './orval/api.js';",
    '',
    'type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;',
    `type Responses = paths['${PATH}']['get']['responses'];`,
    'type Orval<S extends number> = Extract<Awaited<ReturnType<typeof showPetById>>, { status: S }>;',
  ];
  for (const status of WITH_CODES) {
    const s = status.status;
    lines.push(
      `type Ot${s} = Responses[${s}]['content']['application/json']['error_code'];`,
      `export const ot${s}: Equal<Ot${s}, ${union(status.bodyCodes)}> = true;`,
      `// @ts-expect-error a code of another status is no ${s} code`,
      `export const otForeign${s}: Ot${s} = ${JSON.stringify(foreignCode(status))};`,
      `export const orval${s}: Equal<Orval<${s}>['data']['error_code'], ${union(status.bodyCodes)}> = true;`,
      `// @ts-expect-error a code of another status is no ${s} code`,
      `export const orvalForeign${s}: Orval<${s}>['data']['error_code'] = ${JSON.stringify(foreignCode(status))};`,
      // Open: the code is any string to the types, so a newer server's code is no type error.
      `export const open${s}: Equal<components['schemas']['Open${status.name}ErrorBody']['error_code'], string> = true;`,
    );
  }
  lines.push(
    "export const retryAfterOptional: Responses[429]['headers'] = {};",
    "export const retryAfterGiven: Responses[429]['headers'] = { 'Retry-After': 120 };",
    '// @ts-expect-error WWW-Authenticate is required on 401',
    "export const authenticateMissing: Responses[401]['headers'] = {};",
    "export const authenticateGiven: Responses[401]['headers'] = { 'WWW-Authenticate': 'Bearer' };",
    '',
    '/** The narrowed client call of the README: the code of a 404, as the catalog lists them. */',
    `export async function notFoundCode(petId: string): Promise<${union(statusOf(404).bodyCodes)} | undefined> {`,
    '  const res = await showPetById(petId);',
    '  if (res.status === 404) return res.data.error_code;',
    '  return undefined;',
    '}',
    '',
    'export async function retryAfter(petId: string): Promise<string | null> {',
    '  const res = await showPetById(petId);',
    "  return res.status === 429 ? res.headers.get('Retry-After') : null;",
    '}',
    '',
    '/** openapi-fetch: the error of any status, its body typed by the spec. */',
    'export async function fetchError(baseUrl: string, petId: string): Promise<unknown> {',
    '  const client = createClient<paths>({ baseUrl });',
    `  const { error } = await client.GET('${PATH}', { params: { path: { petId } } });`,
    '  return error;',
    '}',
  );
  return `${lines.join('\n')}\n`;
}

/** The hey-api project's use of its types: the same narrowing, from its per-operation error map. */
function heyApiUse(): string {
  const lines = ["import type { ShowPetByIdErrors } from './hey-api/types.gen.js';", ''];
  lines.push('type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;');
  for (const status of WITH_CODES) {
    const s = status.status;
    lines.push(
      `export const hey${s}: Equal<ShowPetByIdErrors[${s}]['error_code'], ${union(status.bodyCodes)}> = true;`,
      `// @ts-expect-error a code of another status is no ${s} code`,
      `export const heyForeign${s}: ShowPetByIdErrors[${s}]['error_code'] = ${JSON.stringify(foreignCode(status))};`,
    );
  }
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  dir = tempDir('status-catalog-client-generators-');
  // The generated code imports openapi-fetch and zod as a user's project would: from node_modules.
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
  server = createServer((request, response) => {
    const [status, code] = request.url === '/pets/1' ? [404, statusOf(404).codes[0]!] : [429, statusOf(429).codes[0]!];
    const headers = { 'content-type': 'application/json', ...(status === 429 ? { 'retry-after': '120' } : {}) };
    response.writeHead(status, headers).end(JSON.stringify(bodyOf(statusOf(status), code)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // The spec, merged twice: the catalog closed, then open under a prefix.
  const open = writeFile(join(dir, 'open.yaml'), `extends: ${relative(dir, CATALOG)}\nopenapi: { errorCodes: open }\n`);
  const closed = join(dir, 'closed.json');
  const spec = join(dir, 'spec.json');
  const attach = ['--attach', ATTACHED.join(','), '--attach-default', '--only-used'];
  for (const [args, out] of [
    [['merge', SPEC, '--catalog', CATALOG, ...attach], closed],
    [['merge', closed, '--catalog', open, '--prefix', 'Open'], spec],
  ] as const) {
    const merged = await runInProcess([...args, '--out', out]);
    expect(merged.status, merged.stderr).toBe(0);
  }

  // Each generator once, on the one spec. (orval says on the console that it is done: it holds
  // console.log from its loading on, so that line reaches the test's output.)
  mkdirSync(join(dir, 'openapi-typescript'));
  const ran = await captured(() =>
    Promise.all([
      openapiTS(pathToFileURL(spec)).then((ast) => writeFileSync(join(dir, 'openapi-typescript', 'api.ts'), astToString(ast))),
      heyApi({
        input: spec,
        output: { path: join(dir, 'hey-api'), postProcess: [] },
        // zod 3's API from zod/v3, which zod 3.25 and 4 both have.
        plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk', { name: 'zod', compatibilityVersion: 3 }],
        logs: { level: 'silent' },
      }),
      orval({
        input: { target: spec },
        output: { target: join(dir, 'orval', 'api.ts'), client: 'fetch', mode: 'single', baseUrl, prettier: false },
      }),
    ]),
  );
  expect(ran.stderr).toBe('');

  writeFileSync(join(dir, 'strict-use.ts'), strictUse());
  writeFileSync(join(dir, 'hey-api-use.ts'), heyApiUse());
  // hey-api's own client code assigns undefined to optional members: it does not compile under
  // exactOptionalPropertyTypes, so its project leaves that option (only) out.
  const { exactOptionalPropertyTypes: _left, ...heyApiOptions } = STRICT_OPTIONS;
  compiled.strict = compile('strict', ['strict-use.ts', 'openapi-typescript/**/*.ts', 'orval/**/*.ts'], STRICT_OPTIONS);
  compiled.heyApi = compile('hey-api', ['hey-api-use.ts', 'hey-api/**/*.ts'], heyApiOptions);
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  removeDir(dir);
});

describe('the merged spec, through three client generators', () => {
  it('the catalog lists codes under several attached statuses, and a 401 and a 429 with headers', () => {
    expect(WITH_CODES.map((status) => status.status)).toEqual([400, 404, 429, 500]);
    expect(statusOf(400).codes.length).toBeGreaterThan(1);
    expect(statusOf(401).requiredHeaders).toEqual(['WWW-Authenticate']);
    expect(statusOf(429).headers).toEqual(['Retry-After']);
  });

  it("adds no Redocly error to the spec's own (recommended rules), and no warning but the unused Open components", async () => {
    const config = await recommendedLintConfig();
    const problems = async (path: string): Promise<{ errors: string[]; warnings: string[] }> => {
      const found = await lint({ ref: path, config });
      const describe = (p: NormalizedProblem): string => `${p.ruleId} at ${p.location[0]?.pointer ?? '?'}`;
      return {
        errors: found.filter((p) => p.severity === 'error').map(describe),
        warnings: found.filter((p) => p.severity !== 'error').map(describe),
      };
    };
    const before = await problems(SPEC);
    const after = await problems(join(dir, 'spec.json'));
    expect(after.errors.filter((error) => !before.errors.includes(error))).toEqual([]);
    const added = after.warnings.filter((warning) => !before.warnings.includes(warning));
    // Merged with --only-used, the closed catalog adds only what the operations use; the open one, merged without, all of it.
    for (const warning of added) expect(warning).toMatch(/^no-unused-components at #\/components\/\w+\/Open/);
    expect(added.length).toBeGreaterThan(0);
  });

  it('openapi-typescript and orval compile under the strict options, narrowing codes by status', () => {
    expect(compiled.strict.output).toBe('');
    expect(compiled.strict.status).toBe(0);
    // The type-level tests are there: one per attached status with codes, in each generator.
    const use = readFileSync(join(dir, 'strict-use.ts'), 'utf8');
    expect(use.match(/@ts-expect-error a code of another status/g)).toHaveLength(2 * WITH_CODES.length);
  });

  it('hey-api compiles under the strict options but exactOptionalPropertyTypes, narrowing codes by status', () => {
    expect(compiled.heyApi.output).toBe('');
    expect(compiled.heyApi.status).toBe(0);
  });

  it('control: a code of another status, given as a status code, fails the build', () => {
    const bad = strictUse().replace(`// @ts-expect-error a code of another status is no 404 code\n`, '');
    writeFileSync(join(dir, 'strict-use.ts'), bad);
    const result = compile('control', ['strict-use.ts', 'openapi-typescript/**/*.ts', 'orval/**/*.ts'], {
      ...STRICT_OPTIONS,
      noEmit: true,
    });
    writeFileSync(join(dir, 'strict-use.ts'), strictUse());
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/strict-use\.ts\(\d+,\d+\): error TS(?:2322|2820): Type '"[^"]+"' is not assignable to type/);
  });

  it("orval's client, calling a server: the 404's code, and Retry-After on a 429", async () => {
    const client = await importFile<{
      notFoundCode(id: string): Promise<string | undefined>;
      retryAfter(id: string): Promise<string | null>;
    }>(join(dir, 'out-strict', 'strict-use.js'));
    expect(await client.notFoundCode('1')).toBe(statusOf(404).codes[0]);
    expect(await client.retryAfter('2')).toBe('120');
  });

  describe("hey-api's zod schemas of each status's body", () => {
    type Zod = Record<string, { safeParse(value: unknown): { success: boolean } }>;
    let zod: Zod;
    beforeAll(async () => {
      zod = await importFile<Zod>(join(dir, 'out-hey-api', 'hey-api', 'zod.gen.js'));
    });

    it.each(WITH_CODES.map((status) => [status.status, status] as const))(
      '%s: closed takes its codes and refuses others; open takes a newer code too',
      (_s, status) => {
        const closed = zod[`z${status.name}ErrorBody`]!;
        const open = zod[`zOpen${status.name}ErrorBody`]!;
        for (const code of status.bodyCodes) {
          expect(closed.safeParse(bodyOf(status, code)).success, code).toBe(true);
          expect(open.safeParse(bodyOf(status, code)).success, code).toBe(true);
        }
        for (const code of [foreignCode(status), NEW_CODE]) {
          expect(closed.safeParse(bodyOf(status, code)).success, code).toBe(false);
          expect(open.safeParse(bodyOf(status, code)).success, code).toBe(true);
        }
        // Open is not anything: a code outside the catalog's pattern is refused.
        expect(open.safeParse(bodyOf(status, 'not a code')).success).toBe(false);
      },
    );
  });
});
