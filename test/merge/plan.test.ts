/** generator/merge/plan.ts: what a merge adds, decided on the spec's data alone. */
import { describe, expect, test } from 'vitest';
import { applyPlan, planMerge, type Attachment, type MergePlan, type PlanOptions } from '../../generator/merge/plan.js';
import type { TestCase } from '../harness/cases.js';

type Tree = Record<string, unknown>;

/** A catalog's components in miniature: ErrorBody is used by NotFound only, Orphan by nothing. */
const OURS = {
  schemas: { ErrorBody: { type: 'object' }, Orphan: { type: 'string' } },
  responses: {
    NotFound: { description: 'nf', content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } },
    Teapot: { description: 'tea', headers: { 'Retry-After': { $ref: '#/components/headers/Retry-After' } } },
    DefaultError: { description: 'any' },
  },
  headers: { 'Retry-After': { schema: { type: 'integer' } } },
  examples: {},
};

const NOT_FOUND: Attachment = { key: '404', ref: '#/components/responses/NotFound' };
const DEFAULT: Attachment = { key: 'default', ref: '#/components/responses/DefaultError' };
const NO_ATTACH: PlanOptions = { attachments: [], attachWebhooks: false, onlyUsed: false };
const ATTACH: PlanOptions = { attachments: [NOT_FOUND, DEFAULT], attachWebhooks: false, onlyUsed: false };
/** Every component of OURS, as a spec would hold it. */
const ALL_COMPONENTS = structuredClone(OURS);

const op = (responses?: unknown): Tree => ({ get: responses === undefined ? { summary: 's' } : { responses } });

/** The plan's insertions as `path (flags): keys`, its problems as `path: message`. */
function describePlan(plan: MergePlan): { insertions: string[]; problems: string[] } {
  return {
    insertions: plan.insertions.map(
      (i) => `/${i.path.join('/')}${i.fill ? ' fill' : ''}${i.inCodeOrder ? ' ordered' : ''}: ${i.entries.map(([key]) => key).join(',')}`,
    ),
    problems: plan.problems.map((p) => `/${p.path.join('/')}: ${p.message}`),
  };
}

describe('planMerge: attaching responses', () => {
  const tests: TestCase<
    { spec: Tree; options?: PlanOptions; version?: '3.0' | '3.1' },
    { insertions: string[]; attached: number; skipped?: string[] }
  >[] = [
    [
      'an operation with responses gets the missing ones, in code order',
      {
        given: { spec: { paths: { '/a': op({ '200': {}, '500': {} }) }, components: ALL_COMPONENTS } },
        want: { insertions: ['/paths//a/get/responses ordered: 404,default'], attached: 2 },
      },
    ],
    [
      'a response the operation already answers is left alone',
      {
        given: { spec: { paths: { '/a': op({ '404': { description: 'own' } }) }, components: ALL_COMPONENTS } },
        want: { insertions: ['/paths//a/get/responses ordered: default'], attached: 1 },
      },
    ],
    [
      'an operation that answers everything gets nothing',
      {
        given: { spec: { paths: { '/a': op({ '404': {}, default: {} }) }, components: ALL_COMPONENTS } },
        want: { insertions: [], attached: 0 },
      },
    ],
    [
      'an operation without responses gets a responses map',
      {
        given: { spec: { paths: { '/a': op() }, components: ALL_COMPONENTS } },
        want: { insertions: ['/paths//a/get: responses'], attached: 2 },
      },
    ],
    [
      'responses: null is filled',
      {
        given: { spec: { paths: { '/a': op(null) }, components: ALL_COMPONENTS } },
        want: { insertions: ['/paths//a/get/responses fill ordered: 404,default'], attached: 2 },
      },
    ],
    [
      'every HTTP method counts; other members of a path item do not',
      {
        given: {
          spec: {
            paths: { '/a': { summary: 's', parameters: [], servers: [{ url: 'x' }], trace: { responses: {} }, patch: { responses: {} } } },
            components: ALL_COMPONENTS,
          },
        },
        want: {
          insertions: ['/paths//a/patch/responses ordered: 404,default', '/paths//a/trace/responses ordered: 404,default'],
          attached: 4,
        },
      },
    ],
    [
      'path items and operations that are not maps are passed over',
      {
        given: { spec: { paths: { '/a': 'text', '/b': { get: [1] } }, components: ALL_COMPONENTS } },
        want: { insertions: [], attached: 0 },
      },
    ],
    [
      'paths that are not a map are passed over',
      { given: { spec: { paths: [], components: ALL_COMPONENTS } }, want: { insertions: [], attached: 0 } },
    ],
    [
      'a path item, an operation or a responses map given by $ref is skipped, not given siblings',
      {
        given: {
          spec: {
            paths: {
              '/a': { $ref: 'other.yaml#/a' },
              '/b': { get: { $ref: 'ops.yaml#/get' } },
              '/c': { post: { responses: { $ref: 'r.yaml' } } },
            },
            components: ALL_COMPONENTS,
          },
        },
        want: {
          insertions: [],
          attached: 0,
          skipped: ['#/paths/~1a -> other.yaml#/a', '#/paths/~1b/get -> ops.yaml#/get', '#/paths/~1c/post/responses -> r.yaml'],
        },
      },
    ],
    [
      'webhooks are left alone by default',
      {
        given: { spec: { webhooks: { hook: op({ '200': {} }) }, components: ALL_COMPONENTS }, version: '3.1' },
        want: { insertions: [], attached: 0 },
      },
    ],
    [
      'webhooks get responses on request in 3.1',
      {
        given: {
          spec: { webhooks: { hook: op({ '200': {} }) }, components: ALL_COMPONENTS },
          version: '3.1',
          options: { ...ATTACH, attachWebhooks: true },
        },
        want: { insertions: ['/webhooks/hook/get/responses ordered: 404,default'], attached: 2 },
      },
    ],
    [
      '3.0 has no webhooks, even on request',
      {
        given: {
          spec: { webhooks: { hook: op({ '200': {} }) }, components: ALL_COMPONENTS },
          version: '3.0',
          options: { ...ATTACH, attachWebhooks: true },
        },
        want: { insertions: [], attached: 0 },
      },
    ],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      const plan = planMerge(given.spec, OURS, given.version ?? '3.1', given.options ?? ATTACH);
      expect(describePlan(plan)).toEqual({ insertions: want.insertions, problems: [] });
      expect(plan.attached).toBe(want.attached);
      expect(plan.skipped.map((s) => `${s.pointer} -> ${s.ref}`)).toEqual(want.skipped ?? []);
    });
  }

  test('attached entries are $refs to the responses', () => {
    const plan = planMerge({ paths: { '/a': op({}) }, components: ALL_COMPONENTS }, OURS, '3.1', ATTACH);
    expect(plan.insertions[0]!.entries).toEqual([
      ['404', { $ref: '#/components/responses/NotFound' }],
      ['default', { $ref: '#/components/responses/DefaultError' }],
    ]);
  });

  test('responses that are not a map are a problem at their path', () => {
    const plan = planMerge({ paths: { '/a': op('none') }, components: ALL_COMPONENTS }, OURS, '3.1', ATTACH);
    expect(describePlan(plan)).toEqual({
      insertions: [],
      problems: ['/paths//a/get/responses: expected a mapping here; merge does not replace content of the spec'],
    });
    expect(plan.problems[0]!.field).toBe('(spec)');
  });
});

describe('planMerge: adding components', () => {
  const tests: TestCase<Tree, { insertions: string[]; problems?: string[] }>[] = [
    [
      'no components: one insertion at the root, every section at once',
      { given: { openapi: '3.1.0' }, want: { insertions: ['/: components'] } },
    ],
    [
      'components: null is filled with the sections',
      { given: { components: null }, want: { insertions: ['/components fill: schemas,responses,headers'] } },
    ],
    [
      'components without the sections: the sections are added to it',
      { given: { components: { securitySchemes: {} } }, want: { insertions: ['/components: schemas,responses,headers'] } },
    ],
    [
      'an existing section gets the entries it lacks',
      {
        given: { components: { schemas: { Pet: {}, ErrorBody: { type: 'object' } }, responses: OURS.responses, headers: OURS.headers } },
        want: { insertions: ['/components/schemas: Orphan'] },
      },
    ],
    [
      'a section that is null is filled',
      {
        given: { components: { schemas: null, responses: OURS.responses, headers: OURS.headers } },
        want: { insertions: ['/components/schemas fill: ErrorBody,Orphan'] },
      },
    ],
    [
      'sections that exist and sections that do not, in one plan',
      {
        given: { components: { schemas: {} } },
        want: { insertions: ['/components/schemas: ErrorBody,Orphan', '/components: responses,headers'] },
      },
    ],
    ['everything there and identical: nothing to do', { given: { components: ALL_COMPONENTS }, want: { insertions: [] } }],
    [
      'a component of the same name that differs is a problem, not an overwrite',
      {
        given: { components: { ...ALL_COMPONENTS, schemas: { ...OURS.schemas, ErrorBody: { type: 'string' } } } },
        want: {
          insertions: [],
          problems: [
            "/components/schemas/ErrorBody: the spec has a different schema of this name; --prefix namespaces the catalog's components",
          ],
        },
      },
    ],
    [
      'components that are not a map are a problem',
      {
        given: { components: 'none' },
        want: { insertions: [], problems: ['/components: expected a mapping here; merge does not replace content of the spec'] },
      },
    ],
    [
      'a section that is not a map is a problem; the others are still added',
      {
        given: { components: { schemas: [], responses: {} } },
        want: {
          insertions: ['/components/responses: NotFound,Teapot,DefaultError', '/components: headers'],
          problems: ['/components/schemas: expected a mapping here; merge does not replace content of the spec'],
        },
      },
    ],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      const plan = planMerge(given, OURS, '3.1', NO_ATTACH);
      expect(describePlan(plan)).toEqual({ insertions: want.insertions, problems: want.problems ?? [] });
    });
  }

  test('added lists the pointer of every component added, and only those', () => {
    const plan = planMerge({ components: { schemas: { ErrorBody: { type: 'object' } } } }, OURS, '3.1', NO_ATTACH);
    expect(plan.added).toEqual([
      '#/components/schemas/Orphan',
      '#/components/responses/NotFound',
      '#/components/responses/Teapot',
      '#/components/responses/DefaultError',
      '#/components/headers/Retry-After',
    ]);
  });

  test('the values added are the catalog components themselves', () => {
    const plan = planMerge({}, OURS, '3.1', NO_ATTACH);
    expect(plan.insertions[0]!.entries).toEqual([
      ['components', { schemas: OURS.schemas, responses: OURS.responses, headers: OURS.headers }],
    ]);
  });
});

describe("planMerge: names a YAML merge key (<<) brings in count as the spec's own", () => {
  const DIFFERENT = { type: 'string' };
  const tests: TestCase<Tree, { insertions: string[]; problems: string[] }>[] = [
    [
      'a different component brought into a section: a problem, not an overwrite',
      {
        given: { components: { ...ALL_COMPONENTS, schemas: { '<<': { ErrorBody: DIFFERENT }, Orphan: OURS.schemas.Orphan } } },
        want: {
          insertions: [],
          problems: [
            "/components/schemas/ErrorBody: the spec has a different schema of this name; --prefix namespaces the catalog's components",
          ],
        },
      },
    ],
    [
      'identical components brought in by a list of merge keys: accepted',
      {
        given: {
          components: {
            ...ALL_COMPONENTS,
            schemas: { '<<': [{ Other: {} }, { ErrorBody: OURS.schemas.ErrorBody, Orphan: OURS.schemas.Orphan }] },
          },
        },
        want: { insertions: [], problems: [] },
      },
    ],
    [
      'a section brought into components by a merge key',
      {
        given: {
          components: {
            '<<': { schemas: { ErrorBody: DIFFERENT, Orphan: OURS.schemas.Orphan } },
            responses: OURS.responses,
            headers: OURS.headers,
          },
        },
        want: {
          insertions: [],
          problems: [
            "/components/schemas/ErrorBody: the spec has a different schema of this name; --prefix namespaces the catalog's components",
          ],
        },
      },
    ],
    [
      'a name of its own wins over one a merge key brings in',
      {
        given: {
          components: {
            ...ALL_COMPONENTS,
            schemas: { '<<': { ErrorBody: DIFFERENT }, ErrorBody: OURS.schemas.ErrorBody, Orphan: OURS.schemas.Orphan },
          },
        },
        want: { insertions: [], problems: [] },
      },
    ],
    [
      'a merge key that is not a map brings in nothing',
      {
        given: { components: { ...ALL_COMPONENTS, schemas: { '<<': 'text', ErrorBody: OURS.schemas.ErrorBody } } },
        want: { insertions: ['/components/schemas: Orphan'], problems: [] },
      },
    ],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => expect(describePlan(planMerge(given, OURS, '3.1', NO_ATTACH))).toEqual(want));
  }

  test('merge keys are followed no deeper than 100 levels', () => {
    const chain = (levels: number): Tree => {
      let map: Tree = { ErrorBody: DIFFERENT, Orphan: OURS.schemas.Orphan };
      for (let i = 0; i < levels; i += 1) map = { '<<': map };
      return { components: { ...ALL_COMPONENTS, schemas: map } };
    };
    expect(describePlan(planMerge(chain(101), OURS, '3.1', NO_ATTACH)).problems).toHaveLength(1);
    expect(describePlan(planMerge(chain(102), OURS, '3.1', NO_ATTACH))).toEqual({
      insertions: ['/components/schemas: ErrorBody,Orphan'],
      problems: [],
    });
  });
});

describe('planMerge: only the components used', () => {
  const tests: TestCase<{ spec: Tree; attachments: Attachment[] }, string[]>[] = [
    ['nothing referenced: nothing added', { given: { spec: { paths: {} }, attachments: [] }, want: [] }],
    [
      'an attached response and what it references, transitively',
      {
        given: { spec: { paths: { '/a': op({}) } }, attachments: [NOT_FOUND] },
        want: ['#/components/schemas/ErrorBody', '#/components/responses/NotFound'],
      },
    ],
    [
      "the spec's own references count, in any depth and in arrays",
      {
        given: {
          spec: { paths: { '/a': { get: { responses: { '429': { allOf: [{ $ref: '#/components/responses/Teapot' }] } } } } } },
          attachments: [],
        },
        want: ['#/components/responses/Teapot', '#/components/headers/Retry-After'],
      },
    ],
    [
      'references to components the catalog does not have, or outside components, are ignored',
      {
        given: { spec: { a: { $ref: '#/components/schemas/Pet' }, b: { $ref: 'other.yaml#/x' }, c: { $ref: 42 } }, attachments: [] },
        want: [],
      },
    ],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      const plan = planMerge(given.spec, OURS, '3.1', { attachments: given.attachments, attachWebhooks: false, onlyUsed: true });
      expect(plan.added).toEqual(want);
    });
  }
});

describe('applyPlan', () => {
  test('makes every insertion: new maps, entries added, null filled', () => {
    const spec: Tree = {
      paths: { '/a': op({ '200': { description: 'ok' } }), '/b': op(), '/c': op(null) },
      components: { schemas: null, responses: { Own: { description: 'o' } } },
    };
    const plan = planMerge(spec, OURS, '3.1', ATTACH);
    const merged = applyPlan(structuredClone(spec), plan);
    const ref404 = { $ref: NOT_FOUND.ref };
    const refDefault = { $ref: DEFAULT.ref };
    expect(merged).toEqual({
      paths: {
        '/a': { get: { responses: { '200': { description: 'ok' }, '404': ref404, default: refDefault } } },
        '/b': { get: { summary: 's', responses: { '404': ref404, default: refDefault } } },
        '/c': { get: { responses: { '404': ref404, default: refDefault } } },
      },
      components: {
        schemas: OURS.schemas,
        responses: { Own: { description: 'o' }, ...OURS.responses },
        headers: OURS.headers,
      },
    });
  });

  test('an empty plan leaves the spec as it was, and returns it', () => {
    const spec: Tree = { components: ALL_COMPONENTS };
    const plan = planMerge(spec, OURS, '3.1', NO_ATTACH);
    expect(applyPlan(spec, plan)).toBe(spec);
    expect(spec).toEqual({ components: ALL_COMPONENTS });
  });
});
