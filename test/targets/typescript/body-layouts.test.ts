/**
 * The generated TypeScript for bodies that are not flat, end to end: a model whose body
 * descriptor lists errors in an array with integer codes, one without a message that answers
 * errors on 200, and one that echoes the status. Each is emitted, compiled by the real tsc under
 * the strict erasable options (the type-level tests of test/types/bodies/ beside it), imported,
 * and its errors written and read.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BodyMember } from '../../../generator/body/descriptor.js';
import { parseCatalog } from '../../../generator/index.js';
import { buildModel, type CatalogModel } from '../../../generator/model/model.js';
import { loadRuntimeSources } from '../../../generator/targets/typescript/runtime-sources.js';
import { emitTypeScript, PRETTIER_OPTIONS } from '../../../generator/targets/typescript/typescript.js';
import type { TestCase } from '../../harness/cases.js';
import { compileTypeScript, ERASABLE_OPTIONS, importFile, removeDir, ROOT, tempDir, writeFile } from '../../harness/helpers.js';

/** What these tests read of an error, whatever its catalog's code type. */
interface AnyError extends Error {
  readonly status: number;
  readonly errorCode: string | number | undefined;
  readonly errorMsg: string;
  readonly requestId: string | undefined;
  readonly related?: readonly { readonly errorCode: string | number | undefined; readonly errorMsg: string | undefined }[];
  toJSON(): unknown;
}
/** A generated module as these tests call it. */
interface Module {
  readonly errorFromResponse: (status: number | string, body?: unknown, headers?: Record<string, string>) => AnyError;
  readonly isErrorResponse: (status: number | string, body?: unknown) => boolean;
  readonly errorClassForCode: (code: never, status?: number) => (new (msg?: string, options?: object) => AnyError) | undefined;
  readonly isErrorCode: (value: unknown) => boolean;
  readonly getErrorInfo: (code: never, status?: number) => { readonly code: unknown; readonly message: string } | undefined;
  readonly ErrorCode: Readonly<Record<string, unknown>>;
  readonly ERRORS: readonly { readonly code: unknown }[];
  readonly DEFAULT_ERROR_CODE: unknown;
  readonly ApiError: new (status: number, msg?: string, options?: object) => AnyError;
  readonly [name: string]: unknown;
}

type PartName = Extract<BodyMember, { kind: 'part' }>['part'];
/** A part member at a path of tokens (a number is an array index, as the descriptor will give it). */
function partAt(name: PartName, pointer: string, ...path: (string | number)[]): BodyMember {
  return { kind: 'part', part: name, description: `The ${name}.`, pointer, path: path };
}
function constantAt(pointer: string, value: unknown, ...path: (string | number)[]): BodyMember {
  return { kind: 'constant', value: value as never, pointer, path: path };
}

/** A model from a catalog's YAML text, its body's members and types replaced as the descriptor will give them. */
function modelOf(yaml: string, body: Partial<CatalogModel['errorBody']>): CatalogModel {
  const model = buildModel(parseCatalog(yaml, 'bodies.yaml'));
  return { ...model, errorBody: { ...model.errorBody, ...body } };
}

/** Cloudflare API v4: `{"success":false,"errors":[{"code":7003,"message":"…"}],"messages":[],"result":null}`. */
const LISTED = modelOf(
  `service: CF
errorBody: { defaultCode: "1000" }
typescript: { errorCodeClasses: true }
statuses:
  - { status: 400, name: BadRequest, message: Bad Request, description: Bad. }
  - { status: 404, name: NotFound, message: Not Found, description: None. }
  - { status: 500, name: InternalServerError, message: Internal Server Error, description: Failed. }
errors:
  - { code: "7003", status: 404, name: NoRoute, message: No route for the URI }
  - { code: "1000", status: 500, name: Internal, message: Internal error }
  - { code: "0400", status: 400, name: Padded, message: A code written with a leading zero }
`,
  {
    codeType: 'integer',
    members: [
      constantAt('/success', false, 'success'),
      partAt('code', '/errors/0/code', 'errors', 0, 'code'),
      partAt('message', '/errors/0/message', 'errors', 0, 'message'),
      constantAt('/messages', [], 'messages'),
      constantAt('/result', null, 'result'),
      constantAt('/meta', { api: 4, tags: ['a', { deep: null }], empty: {} }, 'meta'),
    ],
  },
);

/** Slack Web API: HTTP 200 with `{"ok":false,"error":"invalid_auth"}`, no message member. */
const ON_SUCCESS = modelOf(
  `service: SL
errorBody: {}
typescript: { errorCodeClasses: true }
statuses:
  - { status: 200, name: Ok, message: OK, description: Succeeded. }
  - { status: 429, name: TooManyRequests, message: Too Many Requests, description: Slow down. }
errors:
  - { code: invalid_auth, status: 200, name: InvalidAuth, message: Some aspect of authentication cannot be validated. }
  - { code: ratelimited, status: 429, name: Ratelimited, message: The request has been ratelimited. }
  - { code: ratelimited, status: 200, name: RatelimitedOnOk, message: "Rate limited, answered with 200." }
`,
  { members: [constantAt('/ok', false, 'ok'), partAt('code', '/error', 'error')] },
);

/** Google APIs (AIP-193): `{"error":{"code":404,"message":"…","status":"NOT_FOUND"}}`, the status echoed. */
const ECHOED = (statusType: 'integer' | 'string'): CatalogModel =>
  modelOf(
    `service: GO
errorBody: {}
statuses:
  - { status: 404, name: NotFound, message: Not Found, description: None. }
  - { status: 429, name: TooManyRequests, message: Too Many Requests, description: Slow down. }
errors:
  - { code: NOT_FOUND, status: 404, message: Not found. }
  - { code: RESOURCE_EXHAUSTED, status: 429, message: Quota exhausted. }
`,
    {
      statusType,
      members: [
        partAt('status', '/error/code', 'error', 'code'),
        partAt('message', '/error/message', 'error', 'message'),
        partAt('code', '/error/status', 'error', 'status'),
      ],
    },
  );

const CATALOGS = { listed: LISTED, onSuccess: ON_SUCCESS, echoed: ECHOED('integer'), echoedText: ECHOED('string') } as const;
type Name = keyof typeof CATALOGS;

let dir: string;
const modules = {} as Record<Name, Module>;
const sources = {} as Record<Name, Record<string, string>>;

beforeAll(async () => {
  dir = tempDir();
  for (const [name, model] of Object.entries(CATALOGS) as [Name, CatalogModel][]) {
    const src = join(dir, name, 'src');
    const files = await emitTypeScript(model, loadRuntimeSources());
    sources[name] = Object.fromEntries(files.map((f) => [f.path, f.contents]));
    for (const file of files) writeFile(join(src, file.path), file.contents);
    // The type-level tests of this catalog, compiled with it: each @ts-expect-error must stay an error.
    const types = join(ROOT, 'test', 'types', 'bodies', `${name}.types.ts`);
    writeFileSync(join(src, 'types.test-d.ts'), readFileSync(types, 'utf8'));
    const compiled = compileTypeScript(src, join(dir, name, 'js'), ERASABLE_OPTIONS);
    expect(compiled.stdout + compiled.stderr, name).toBe('');
    expect(compiled.status).toBe(0);
    modules[name] = await importFile<Module>(join(dir, name, 'js', 'index.js'));
  }
}, 120_000);

afterAll(() => removeDir(dir));

const make = (m: Module, className: string, msg?: string, options?: object): AnyError =>
  new (m[className] as new (msg?: string, options?: object) => AnyError)(msg, options);
/** The body an error writes, as its wire text. */
const wire = (error: AnyError): string => JSON.stringify(error.toJSON());

describe('errors in a list, integer codes, constants of any JSON value', () => {
  test('the error is written as item 0 of a real array, its code a JSON number, every constant as declared', () => {
    const m = modules.listed;
    expect(wire(make(m, 'NoRouteError'))).toBe(
      '{"success":false,"errors":[{"code":7003,"message":"No route for the URI"}],"messages":[],"result":null,"meta":{"api":4,"tags":["a",{"deep":null}],"empty":{}}}',
    );
    const body = make(m, 'NotFoundError', 'gone').toJSON() as { errors: unknown };
    expect(Array.isArray(body.errors)).toBe(true);
  });

  test('a status error without a code writes the default code, a number', () => {
    expect(wire(make(modules.listed, 'BadRequestError', 'bad'))).toContain('"errors":[{"code":1000,"message":"bad"}]');
  });

  test('a code with a leading zero is its number on the wire and in the types', () => {
    const m = modules.listed;
    expect(m.ErrorCode['Padded']).toBe(400);
    expect(wire(make(m, 'PaddedError'))).toContain('"code":400');
    expect(m.isErrorCode(400)).toBe(true);
    expect(m.getErrorInfo(400 as never)?.message).toBe('A code written with a leading zero');
  });

  test('each body has constants of its own: changing one written body changes no other', () => {
    const m = modules.listed;
    const first = make(m, 'NoRouteError').toJSON() as { messages: unknown[]; meta: { tags: unknown[] } };
    first.messages.push('changed');
    first.meta.tags.push('changed');
    expect(wire(make(m, 'NoRouteError'))).toContain('"messages":[],"result":null,"meta":{"api":4,"tags":["a",{"deep":null}]');
  });

  test('codes are numbers everywhere: ErrorCode, ERRORS, DEFAULT_ERROR_CODE, the classes, the lookups', () => {
    const m = modules.listed;
    expect(m.ErrorCode).toEqual({ NoRoute: 7003, Internal: 1000, Padded: 400 });
    expect(m.ERRORS.map((e) => e.code)).toEqual([400, 1000, 7003]);
    expect(m.DEFAULT_ERROR_CODE).toBe(1000);
    expect((m['NoRouteError'] as { errorCode: unknown }).errorCode).toBe(7003);
    expect(make(m, 'NoRouteError').errorCode).toBe(7003);
    expect(m.errorClassForCode(7003 as never)).toBe(m['NoRouteError']);
    expect(m.errorClassForCode('7003' as never)).toBeUndefined();
    expect(m.isErrorCode(7003)).toBe(true);
    expect(m.isErrorCode('7003')).toBe(false);
    expect(m.getErrorInfo(7003 as never)?.message).toBe('No route for the URI');
  });

  const reads: TestCase<unknown, { errorCode: number | undefined; errorMsg: string; className: string }>[] = [
    [
      'the real wire body',
      {
        given: { success: false, errors: [{ code: 7003, message: 'No route for the URI' }], messages: [], result: null },
        want: { errorCode: 7003, errorMsg: 'No route for the URI', className: 'NoRouteError' },
      },
    ],
    [
      'its text',
      {
        given: '{"success":false,"errors":[{"code":7003,"message":"No route"}],"messages":[],"result":null}',
        want: { errorCode: 7003, errorMsg: 'No route', className: 'NoRouteError' },
      },
    ],
    [
      'a code sent as text is read leniently',
      { given: { errors: [{ code: '7003', message: 'm' }] }, want: { errorCode: 7003, errorMsg: 'm', className: 'NoRouteError' } },
    ],
    [
      'a code that is no number is none',
      { given: { errors: [{ code: 'E7003', message: 'm' }] }, want: { errorCode: undefined, errorMsg: 'm', className: 'NotFoundError' } },
    ],
    [
      'an object where the list should be reads nothing',
      {
        given: { errors: { 0: { code: 7003, message: 'm' } } },
        want: { errorCode: undefined, errorMsg: 'Not Found', className: 'NotFoundError' },
      },
    ],
    [
      'an empty list reads nothing',
      { given: { errors: [] }, want: { errorCode: undefined, errorMsg: 'Not Found', className: 'NotFoundError' } },
    ],
  ];
  for (const [name, { given, want }] of reads) {
    test(`errorFromResponse(404, …): ${name}`, () => {
      const m = modules.listed;
      const error = m.errorFromResponse(404, given);
      expect({ errorCode: error.errorCode, errorMsg: error.errorMsg, className: error.name }).toEqual(want);
    });
  }

  test('a body read back writes the same body', () => {
    const m = modules.listed;
    const sent = make(m, 'NoRouteError', 'No route for /x');
    expect(wire(m.errorFromResponse(404, wire(sent)))).toBe(wire(sent));
  });

  test('the other errors of the list are the error’s related, read like its own', () => {
    const m = modules.listed;
    const error = m.errorFromResponse(404, {
      success: false,
      errors: [
        { code: 7003, message: 'No route for the URI' },
        { code: 1000, message: 'Internal error' },
        'not an error',
        { code: '0400' },
        { message: 'only a message' },
        {},
      ],
    });
    expect(error.errorCode).toBe(7003);
    expect(error.related).toEqual([
      { errorCode: 1000, errorMsg: 'Internal error' },
      { errorCode: 400, errorMsg: undefined },
      { errorCode: undefined, errorMsg: 'only a message' },
    ]);
    expect(Object.keys(error)).toContain('related');
    expect(m.errorFromResponse(404, { errors: [{ code: 7003 }] }).related).toEqual([]);
    expect(m.errorFromResponse(404, 'not json').related).toEqual([]);
    // Control: an error made by a server has none.
    expect(make(m, 'NoRouteError').related).toBeUndefined();
  });

  test('isErrorResponse: a 4xx/5xx always; a 2xx never without matching constants', () => {
    const m = modules.listed;
    expect(m.isErrorResponse(404, {})).toBe(true);
    expect(m.isErrorResponse(200, { success: true, errors: [], messages: [], result: {} })).toBe(false);
    expect(m.isErrorResponse(200, wire(make(m, 'NoRouteError')))).toBe(true);
  });
});

describe('errors on 2xx, a body without a message', () => {
  const okBody = { ok: true, channel: 'C1' };
  const errorBody = { ok: false, error: 'invalid_auth' };

  test('a code class under 200 writes the real body: no message member, the status 200', () => {
    const m = modules.onSuccess;
    const error = make(m, 'InvalidAuthError');
    expect(error.status).toBe(200);
    expect(error.errorMsg).toBe('Some aspect of authentication cannot be validated.');
    expect(wire(error)).toBe('{"ok":false,"error":"invalid_auth"}');
    expect(error instanceof m.ApiError).toBe(true);
  });

  const isError: TestCase<[number | string, unknown], boolean>[] = [
    ['a 2xx error body', { given: [200, errorBody], want: true }],
    ['its text', { given: [200, JSON.stringify(errorBody)], want: true }],
    ['with a BOM and other members', { given: [201, '\uFEFF{"ok":false,"error":"x","warning":"w"}'], want: true }],
    ['a success', { given: [200, okBody], want: false }],
    ['a constant of another type', { given: [200, { ok: 'false', error: 'invalid_auth' }], want: false }],
    ['no body', { given: [200, undefined], want: false }],
    ['text that is not JSON', { given: [200, '<html>'], want: false }],
    ['a JSON array', { given: [200, '[{"ok":false}]'], want: false }],
    ['a 204', { given: [204, ''], want: false }],
    ['a 3xx with the constants', { given: [304, errorBody], want: false }],
    ['a 1xx', { given: [101, errorBody], want: false }],
    ['any 4xx', { given: [429, okBody], want: true }],
    ['any 5xx', { given: [503, undefined], want: true }],
    ['the status as text', { given: ['200', errorBody], want: true }],
    ['a status no response carries (read as 502)', { given: [1000, okBody], want: true }],
    ['an inherited constant does not count', { given: [200, Object.create({ ok: false }) as unknown], want: false }],
  ];
  for (const [name, { given, want }] of isError) {
    test(`isErrorResponse: ${name}`, () => expect(modules.onSuccess.isErrorResponse(...given)).toBe(want));
  }

  test('isErrorResponse never throws, nor runs a getter', () => {
    let runs = 0;
    const getter = Object.defineProperty({}, 'ok', {
      enumerable: true,
      get: () => {
        runs += 1;
        return false;
      },
    });
    const hostile = new Proxy(
      {},
      {
        getOwnPropertyDescriptor: () => {
          throw new Error('trap');
        },
      },
    );
    expect(modules.onSuccess.isErrorResponse(200, getter)).toBe(false);
    expect(modules.onSuccess.isErrorResponse(200, hostile)).toBe(false);
    expect(runs).toBe(0);
  });

  test('a catalog without constants tells no 2xx body from a success', () => {
    expect(modules.echoed.isErrorResponse(200, { error: { code: 404, status: 'NOT_FOUND' } })).toBe(false);
    expect(modules.echoed.isErrorResponse(404, undefined)).toBe(true);
  });

  const reads: TestCase<[number, unknown], { className: string; status: number; errorCode: string | undefined; errorMsg: string }>[] = [
    [
      'a 2xx error body: the class of its code under 200',
      {
        given: [200, errorBody],
        want: {
          className: 'InvalidAuthError',
          status: 200,
          errorCode: 'invalid_auth',
          errorMsg: 'Some aspect of authentication cannot be validated.',
        },
      },
    ],
    [
      'a code listed under 200 and 429: the class of its entry under the response’s status',
      {
        given: [200, { ok: false, error: 'ratelimited' }],
        want: { className: 'RatelimitedOnOkError', status: 200, errorCode: 'ratelimited', errorMsg: 'Rate limited, answered with 200.' },
      },
    ],
    [
      'on 429',
      {
        given: [429, { ok: false, error: 'ratelimited' }],
        want: { className: 'RatelimitedError', status: 429, errorCode: 'ratelimited', errorMsg: 'The request has been ratelimited.' },
      },
    ],
    [
      'a code the catalog does not list, on 200: an ApiError with that status and its message',
      {
        given: [200, { ok: false, error: 'channel_not_found' }],
        want: { className: 'ApiError', status: 200, errorCode: 'channel_not_found', errorMsg: 'OK' },
      },
    ],
    [
      'a code listed under another status only: its message all the same, the body has none',
      {
        given: [429, { ok: false, error: 'invalid_auth' }],
        want: {
          className: 'TooManyRequestsError',
          status: 429,
          errorCode: 'invalid_auth',
          errorMsg: 'Some aspect of authentication cannot be validated.',
        },
      },
    ],
    [
      'a message found where gateways put one still wins',
      {
        given: [429, { ok: false, error: 'ratelimited', message: 'slow down' }],
        want: { className: 'RatelimitedError', status: 429, errorCode: 'ratelimited', errorMsg: 'slow down' },
      },
    ],
  ];
  for (const [name, { given, want }] of reads) {
    test(`errorFromResponse: ${name}`, () => {
      const error = modules.onSuccess.errorFromResponse(...given);
      expect({ className: error.name, status: error.status, errorCode: error.errorCode, errorMsg: error.errorMsg }).toEqual(want);
    });
  }

  test('a body read from a 2xx writes the real body back', () => {
    const m = modules.onSuccess;
    expect(wire(m.errorFromResponse(200, JSON.stringify(errorBody)))).toBe(JSON.stringify(errorBody));
  });

  test('the request id travels only in the header', () => {
    const error = make(modules.onSuccess, 'RatelimitedError', undefined, { requestId: 'r-1' });
    expect(wire(error)).toBe('{"ok":false,"error":"ratelimited"}');
    expect((error as unknown as { toResponse(): { headers: Record<string, string> } }).toResponse().headers['x-request-id']).toBe('r-1');
  });

  test('a catalog with a list has related; one without has none', () => {
    expect(modules.onSuccess.errorFromResponse(200, errorBody).related).toBeUndefined();
  });
});

describe('the status echoed in the body', () => {
  const tests: TestCase<Name, string>[] = [
    [
      'as a JSON number (statusType integer)',
      { given: 'echoed', want: '{"error":{"code":404,"message":"Not found.","status":"NOT_FOUND"}}' },
    ],
    ['as text (statusType string)', { given: 'echoedText', want: '{"error":{"code":"404","message":"Not found.","status":"NOT_FOUND"}}' }],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      const m = modules[given];
      expect(wire(make(m, 'NotFoundError', undefined, { errorCode: 'NOT_FOUND' }))).toBe(want);
      // Read back: the code at /error/status, the status from the response.
      const back = m.errorFromResponse(404, want);
      expect([back.errorCode, back.errorMsg, back.status]).toEqual(['NOT_FOUND', 'Not found.', 404]);
      expect(wire(back)).toBe(want);
    });
  }

  test('a status without a class of its own is echoed too', () => {
    const error = new modules.echoedText.ApiError(418, 'teapot', { errorCode: 'TEAPOT' });
    expect(wire(error)).toBe('{"error":{"code":"418","message":"teapot","status":"TEAPOT"}}');
  });
});

describe('the ErrorBody type of each catalog', () => {
  const bodyOf = (name: Name): string => {
    const catalog = sources[name]['catalog.ts']!;
    return catalog.slice(catalog.indexOf('export interface ErrorBody '), catalog.indexOf('/** The extra members the catalog documents'));
  };
  const tests: TestCase<Name, string[]>[] = [
    [
      'a list: a tuple of one item; constants typed exactly',
      {
        given: 'listed',
        want: [
          'readonly success: false;',
          'readonly errors: readonly [',
          'readonly code: number;',
          'readonly message: string;',
          'readonly messages: readonly [];',
          'readonly result: null;',
          'readonly meta: {',
          'readonly api: 4;',
          'readonly tags: readonly ["a", { readonly deep: null }];',
          'readonly empty: { readonly [key: string]: never };',
        ],
      },
    ],
    ['no message member', { given: 'onSuccess', want: ['readonly ok: false;', 'readonly error?: string;'] }],
    ['the status echoed as a number', { given: 'echoed', want: ['readonly code: number;', 'readonly status?: string;'] }],
    ['the status echoed as text', { given: 'echoedText', want: ['readonly code: string;', 'readonly status?: string;'] }],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      const lines = bodyOf(given)
        .split('\n')
        .map((line) => line.trim());
      for (const line of want) expect(lines).toContain(line);
    });
  }

  test('every generated file is in prettier’s layout', async () => {
    for (const name of Object.keys(CATALOGS) as Name[]) {
      for (const [path, text] of Object.entries(sources[name])) {
        expect(await prettier.check(text, { ...PRETTIER_OPTIONS, filepath: path }), `${name}: ${path}`).toBe(true);
      }
    }
  });

  test('no member the body lacks', () => {
    expect(bodyOf('onSuccess')).not.toMatch(/message|request_id/);
    expect(bodyOf('listed')).not.toContain('request_id');
  });
});
