/** generator/diff/diff.ts: what changed between two catalogs, as models, and at which level. */
import { describe, expect, test } from 'vitest';
import { diffModels, levelRank, LEVELS, type Change, type Level } from '../../generator/diff/diff.js';
import { parseCatalog } from '../../generator/index.js';
import { buildModel, type CatalogModel } from '../../generator/model/model.js';
import type { TestCase } from '../harness/cases.js';

/** A small catalog: two statuses, two codes, one header. */
const BASE = {
  service: 'Shop',
  title: 'Shop errors',
  version: '1.0.0',
  errorBody: { codeField: 'error_code', messageField: 'error_msg', description: 'The body.' },
  headers: {
    'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer', minimum: 0 }, example: 30 },
  },
  statuses: [
    { status: 400, name: 'BadRequest', message: 'Bad Request', description: 'Malformed.', retry: 'modify' },
    { status: 503, name: 'ServiceUnavailable', message: 'Service Unavailable', description: 'Down.', headers: ['Retry-After'] },
  ],
  errors: [
    { code: 'SHOP.0001', status: 400, name: 'InvalidParameter', message: 'Invalid parameter', measure: 'Fix it.' },
    { code: 'SHOP.0002', status: 503, name: 'Maintenance', message: 'Under maintenance' },
  ],
};

type Data = typeof BASE & Record<string, unknown>;

function modelOf(data: unknown): CatalogModel {
  return buildModel(parseCatalog(JSON.stringify(data), 'catalog.json'));
}

const BEFORE = modelOf(BASE);

/** The changes as `level area subject change[ field]`. */
const shown = (changes: readonly Change[]): string[] =>
  changes.map((c) => `${c.level} ${c.area} ${c.subject} ${c.change}${c.field === undefined ? '' : ` ${c.field}`}`);

function after(edit: (data: Data) => void): CatalogModel {
  const data = structuredClone(BASE) as Data;
  edit(data);
  return modelOf(data);
}

describe('diffModels', () => {
  const tests: TestCase<(data: Data) => void, { level: Level; changes: string[] }>[] = [
    ['the same catalog: no change', { given: () => {}, want: { level: 'none', changes: [] } }],
    [
      'entries reordered: no change',
      {
        given: (d) => {
          d.statuses.reverse();
          d.errors.reverse();
        },
        want: { level: 'none', changes: [] },
      },
    ],
    [
      'the title and version: patch',
      {
        given: (d) => Object.assign(d, { title: 'T', version: '2' }),
        want: { level: 'patch', changes: ['patch catalog title changed title', 'patch catalog version changed version'] },
      },
    ],
    [
      'the service: major',
      {
        given: (d) => Object.assign(d, { service: 'Store' }),
        want: { level: 'major', changes: ['major catalog service changed service'] },
      },
    ],
    [
      'code classes turned on: minor',
      {
        given: (d) => Object.assign(d, { typescript: { errorCodeClasses: true } }),
        want: { level: 'minor', changes: ['minor catalog errorCodeClasses changed errorCodeClasses'] },
      },
    ],
    [
      'adapters added: minor',
      {
        given: (d) => Object.assign(d, { typescript: { adapters: ['express', 'koa'] } }),
        want: { level: 'minor', changes: ['minor catalog adapters changed adapters'] },
      },
    ],
    [
      'OpenAPI error codes opened: major',
      {
        given: (d) => Object.assign(d, { openapi: { errorCodes: 'open' } }),
        want: { level: 'major', changes: ['major catalog openapi.errorCodes changed openapi.errorCodes'] },
      },
    ],
    [
      'TypeScript declared with enums, emitted as JavaScript: major',
      {
        given: (d) => Object.assign(d, { typescript: { enums: 'enum', emit: 'js' } }),
        want: {
          level: 'major',
          changes: ['major catalog typescript.enums changed typescript.enums', 'major catalog typescript.emit changed typescript.emit'],
        },
      },
    ],
    [
      'TypeScript imports by .ts: major',
      {
        given: (d) => Object.assign(d, { typescript: { importExtension: '.ts' } }),
        want: { level: 'major', changes: ['major catalog typescript.importExtension changed typescript.importExtension'] },
      },
    ],
    [
      'a status reworded: patch',
      {
        given: (d) => Object.assign(d.statuses[0]!, { message: 'Bad', description: 'Wrong.' }),
        want: { level: 'patch', changes: ['patch status 400 changed message', 'patch status 400 changed description'] },
      },
    ],
    [
      'a status renamed: major',
      {
        given: (d) => Object.assign(d.statuses[0]!, { name: 'Invalid' }),
        want: { level: 'major', changes: ['major status 400 changed name'] },
      },
    ],
    [
      'a retry policy changed: minor',
      {
        given: (d) => Object.assign(d.statuses[0]!, { retry: 'anytime' }),
        want: { level: 'minor', changes: ['minor status 400 changed retry'] },
      },
    ],
    [
      'a body no longer allowed: major',
      {
        given: (d) => Object.assign(d.statuses[0]!, { bodyAllowed: false }),
        want: { level: 'major', changes: ['major status 400 changed bodyAllowed'] },
      },
    ],
    [
      'a status default code: minor',
      {
        given: (d) => Object.assign(d.statuses[0]!, { defaultCode: 'SHOP.0001' }),
        want: { level: 'minor', changes: ['minor status 400 changed defaultCode'] },
      },
    ],
    [
      'an optional header added to a status: minor',
      {
        given: (d) => Object.assign(d.statuses[0]!, { headers: ['Retry-After'] }),
        want: { level: 'minor', changes: ['minor status 400 changed headers'] },
      },
    ],
    [
      'a header gone from a status: major',
      {
        given: (d) => Object.assign(d.statuses[1]!, { headers: [] }),
        want: { level: 'major', changes: ['major status 503 changed headers'] },
      },
    ],
    [
      'a required header added to a status: major for the status, major for the header',
      {
        given: (d) => {
          Object.assign(d.headers['Retry-After'], { required: true });
          Object.assign(d.statuses[0]!, { headers: ['Retry-After'] });
        },
        want: { level: 'major', changes: ['major status 400 changed headers', 'major header Retry-After changed required'] },
      },
    ],
    [
      'a status added: minor',
      {
        given: (d) => d.statuses.push({ status: 404, name: 'NotFound', message: 'Not Found', description: 'None.', retry: 'modify' }),
        want: { level: 'minor', changes: ['minor status 404 added'] },
      },
    ],
    [
      'a status removed, with its code: major',
      {
        given: (d) => {
          d.statuses.splice(1, 1);
          d.errors.splice(1, 1);
          d.statuses[0]!.retry = 'modify';
        },
        want: { level: 'major', changes: ['major status 503 removed', 'major code SHOP.0002 (503) removed'] },
      },
    ],
    [
      'a code reworded, measured, described: patch',
      {
        given: (d) => Object.assign(d.errors[0]!, { message: 'Bad parameter', measure: 'Check it.', description: 'More.' }),
        want: {
          level: 'patch',
          changes: [
            'patch code SHOP.0001 (400) changed message',
            'patch code SHOP.0001 (400) changed description',
            'patch code SHOP.0001 (400) changed measure',
          ],
        },
      },
    ],
    [
      'a docUrl given, in a body without a problem type: patch',
      {
        given: (d) => Object.assign(d.errors[0]!, { docUrl: 'https://docs.example.com/errors/SHOP.0001' }),
        want: { level: 'patch', changes: ['patch code SHOP.0001 (400) changed docUrl'] },
      },
    ],
    [
      'a code renamed: major',
      {
        given: (d) => Object.assign(d.errors[0]!, { name: 'BadParameter' }),
        want: { level: 'major', changes: ['major code SHOP.0001 (400) changed name'] },
      },
    ],
    [
      'a code deprecated: minor',
      {
        given: (d) => Object.assign(d.errors[0]!, { deprecated: true }),
        want: { level: 'minor', changes: ['minor code SHOP.0001 (400) changed deprecated'] },
      },
    ],
    [
      'a code listed under a second status: minor',
      {
        given: (d) => d.errors.push({ code: 'SHOP.0001', status: 503, message: 'Invalid parameter' } as never),
        want: { level: 'minor', changes: ['minor code SHOP.0001 (503) added'] },
      },
    ],
    [
      'a header turned optional, its schema, description and example: minor',
      {
        given: (d) => {
          d.headers['Retry-After'] = { description: 'Wait.', schema: { type: 'string' }, example: 'Wed' } as never;
        },
        want: {
          level: 'minor',
          changes: [
            'minor header Retry-After changed schema',
            'patch header Retry-After changed description',
            'patch header Retry-After changed example',
          ],
        },
      },
    ],
    [
      'a header declared: minor',
      {
        given: (d) => Object.assign(d.headers, { 'X-Trace': { description: 'Trace.', schema: { type: 'string' } } }),
        want: { level: 'minor', changes: ['minor header X-Trace added'] },
      },
    ],
    [
      'a body part moved: major',
      {
        given: (d) => Object.assign(d.errorBody, { codeField: 'code' }),
        want: { level: 'major', changes: ['major body code part changed pointer'] },
      },
    ],
    [
      'a constant added, then its value changed',
      {
        given: (d) => Object.assign(d.errorBody, { constants: { '/ok': false } }),
        want: { level: 'minor', changes: ['minor body constant /ok added'] },
      },
    ],
    [
      'an extra member added: minor',
      {
        given: (d) => Object.assign(d.errorBody, { extra: { '/doc_url': { description: 'Docs.', schema: { type: 'string' } } } }),
        want: { level: 'minor', changes: ['minor body extra /doc_url added'] },
      },
    ],
    [
      'the body media type, pattern and default code (which every status without its own inherits)',
      {
        given: (d) =>
          Object.assign(d.errorBody, {
            mediaType: 'application/vnd.shop+json',
            codePattern: '^SHOP\\.[0-9]{4}$',
            defaultCode: 'SHOP.0001',
          }),
        want: {
          level: 'major',
          changes: [
            'minor status 400 changed defaultCode',
            'minor status 503 changed defaultCode',
            'major body errorBody.mediaType changed mediaType',
            'major body errorBody.codePattern changed codePattern',
            'minor body errorBody.defaultCode changed defaultCode',
          ],
        },
      },
    ],
    [
      'the body description: patch',
      {
        given: (d) => Object.assign(d.errorBody, { description: 'Reworded.' }),
        want: { level: 'patch', changes: ['patch body errorBody.description changed description'] },
      },
    ],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      const diff = diffModels(BEFORE, after(given));
      expect({ level: diff.level, changes: shown(diff.changes) }).toEqual(want);
    });
  }

  test('the other way round: what was added is removed, major', () => {
    const more = after((d) =>
      d.statuses.push({ status: 404, name: 'NotFound', message: 'Not Found', description: 'None.', retry: 'modify' }),
    );
    expect(diffModels(more, BEFORE).changes).toEqual([
      { level: 'major', area: 'status', subject: '404', change: 'removed', before: 'NotFound' },
    ]);
    expect(diffModels(BEFORE, more).changes).toEqual([
      { level: 'minor', area: 'status', subject: '404', change: 'added', after: 'NotFound' },
    ]);
  });

  test('code classes turned off: major', () => {
    const on = after((d) => Object.assign(d, { typescript: { errorCodeClasses: true } }));
    expect(diffModels(on, BEFORE)).toEqual({
      level: 'major',
      changes: [
        {
          level: 'major',
          area: 'catalog',
          subject: 'errorCodeClasses',
          change: 'changed',
          field: 'errorCodeClasses',
          before: true,
          after: false,
        },
      ],
    });
  });

  test('an adapter dropped: major, even with another added', () => {
    const two = after((d) => Object.assign(d, { typescript: { adapters: ['express', 'koa'] } }));
    const swapped = after((d) => Object.assign(d, { typescript: { adapters: ['express', 'hono'] } }));
    expect(shown(diffModels(two, BEFORE).changes)).toEqual(['major catalog adapters changed adapters']);
    expect(shown(diffModels(two, swapped).changes)).toEqual(['major catalog adapters changed adapters']);
    expect(diffModels(two, swapped).changes[0]).toMatchObject({ before: ['express', 'koa'], after: ['express', 'hono'] });
  });

  test('a header made required on its own: major; made optional: minor', () => {
    const required = after((d) => Object.assign(d.headers['Retry-After'], { required: true }));
    expect(shown(diffModels(BEFORE, required).changes)).toEqual(['major header Retry-After changed required']);
    expect(shown(diffModels(required, BEFORE).changes)).toEqual(['minor header Retry-After changed required']);
  });

  test('a changed field carries its values before and after', () => {
    const [change] = diffModels(
      BEFORE,
      after((d) => Object.assign(d.statuses[0]!, { name: 'Invalid' })),
    ).changes;
    expect(change).toEqual({
      level: 'major',
      area: 'status',
      subject: '400',
      change: 'changed',
      field: 'name',
      before: 'BadRequest',
      after: 'Invalid',
    });
  });

  test('a code removed shows its message when it has no name to show', () => {
    const [change] = diffModels(
      BEFORE,
      after((d) => d.errors.splice(0, 1)),
    ).changes;
    expect(change).toMatchObject({ subject: 'SHOP.0001 (400)', change: 'removed', before: 'InvalidParameter' });
  });

  test('body members added and removed show their pointers', () => {
    const withExtra = after((d) =>
      Object.assign(d.errorBody, {
        constants: { '/ok': false },
        extra: { '/doc_url': { description: 'Docs.', schema: { type: 'string' } } },
      }),
    );
    expect(diffModels(BEFORE, withExtra).changes.map((c) => c.after)).toEqual(['/ok', '/doc_url']);
    expect(diffModels(withExtra, BEFORE).changes.map((c) => [c.level, c.change, c.before])).toEqual([
      ['major', 'removed', '/ok'],
      ['major', 'removed', '/doc_url'],
    ]);
  });

  test('body members compared field by field: a constant value, an extra schema and description', () => {
    const one = after((d) =>
      Object.assign(d.errorBody, {
        constants: { '/ok': false },
        extra: { '/doc_url': { description: 'Docs.', schema: { type: 'string' } } },
      }),
    );
    const two = after((d) =>
      Object.assign(d.errorBody, {
        constants: { '/ok': 'no' },
        extra: { '/doc_url': { description: 'Links.', schema: { type: 'integer' } } },
      }),
    );
    expect(shown(diffModels(one, two).changes)).toEqual([
      'major body constant /ok changed value',
      'major body extra /doc_url changed schema',
      'patch body extra /doc_url changed description',
    ]);
  });

  test("a docUrl changed in problem bodies changes the code's type: major", () => {
    const problem = (url: string): CatalogModel =>
      after((d) => {
        d.errorBody = { shape: 'problem', problemTypeBase: 'https://errors.example.com/' } as never;
        Object.assign(d.errors[0]!, { docUrl: url });
      });
    const diff = diffModels(problem('https://docs.example.com/a'), problem('https://docs.example.com/b'));
    expect(shown(diff.changes)).toEqual(['major code SHOP.0001 (400) changed docUrl']);
  });

  test('the problem shape: parts added and removed, the type base', () => {
    const problem = after((d) => {
      d.errorBody = { shape: 'problem', problemTypeBase: 'https://errors.example.com/' } as never;
    });
    const diff = diffModels(BEFORE, problem);
    expect(diff.level).toBe('major');
    expect(shown(diff.changes)).toEqual(
      expect.arrayContaining([
        'major body code part changed pointer',
        'minor body type part added',
        'major body errorBody.mediaType changed mediaType',
        'major body errorBody.problemTypeBase changed problemTypeBase',
        'patch body errorBody.description changed description',
      ]),
    );
  });
});

describe('levelRank', () => {
  test('orders the levels none < patch < minor < major', () => {
    expect(LEVELS.map(levelRank)).toEqual([0, 1, 2, 3]);
    expect(levelRank('major')).toBeGreaterThan(levelRank('minor'));
  });
});
