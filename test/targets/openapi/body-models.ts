/**
 * Catalog models with the error bodies of three public APIs (Cloudflare API v4, the Slack Web
 * API, Google APIs) and of each body feature on its own, with the body descriptor written out
 * member by member, and the bodies those services document. The OpenAPI and docs tests read
 * them.
 */
import { PART_DESCRIPTIONS, type BodyDescriptor, type BodyMember, type BodyPart } from '../../../generator/body/descriptor.js';
import { parseCatalog } from '../../../generator/index.js';
import { buildModel, type CatalogModel } from '../../../generator/model/model.js';
import type { ExtraSchema } from '../../../generator/body/spec.js';
import type { JsonValue } from '../../../generator/targets/typescript/runtime/error-body.js';

/** The reference tokens of a pointer: a token of digits without a leading zero is an array index. */
function tokensOf(pointer: string): (string | number)[] {
  return pointer
    .slice(1)
    .split('/')
    .map((token) => (/^(?:0|[1-9][0-9]*)$/.test(token) ? Number(token) : token.replace(/~1/g, '/').replace(/~0/g, '~')));
}

// The descriptor's members as the catalog places them; their paths hold array indices as numbers.
export function part(partName: BodyPart, pointer: string): BodyMember {
  return {
    kind: 'part',
    part: partName,
    description: PART_DESCRIPTIONS[partName],
    pointer,
    path: tokensOf(pointer),
  } as unknown as BodyMember;
}

export function constant(pointer: string, value: JsonValue): BodyMember {
  return { kind: 'constant', value, pointer, path: tokensOf(pointer) } as unknown as BodyMember;
}

export function extra(pointer: string, schema: ExtraSchema, description: string): BodyMember {
  const path = tokensOf(pointer);
  return { kind: 'extra', name: String(path.at(-1)), schema, description, pointer, path } as unknown as BodyMember;
}

/** A catalog's model with its body replaced by `members` (and codeType, statusType); success statuses listing codes answer errors. */
export function withBody(
  catalogText: string,
  members: readonly BodyMember[],
  types: Partial<Pick<BodyDescriptor, 'codeType' | 'statusType'>> = {},
): CatalogModel {
  const model = buildModel(parseCatalog(catalogText, 'body.yaml'));
  return {
    ...model,
    errorBody: { ...model.errorBody, summary: 'its members at the JSON Pointers below', members, ...types },
    statuses: model.statuses.map((status) => ({ ...status, errorOnSuccess: status.status < 300 && status.codes.length > 0 })),
  };
}

/** A body model, the real bodies it must accept and bodies it must refuse. */
export interface BodyCase {
  readonly name: string;
  readonly model: CatalogModel;
  /** Real bodies, by the status they are answered with. */
  readonly valid: readonly { readonly status: number; readonly body: unknown }[];
  readonly invalid: readonly { readonly why: string; readonly body: unknown }[];
}

// https://developers.cloudflare.com/fundamentals/api/reference/ (API v4 envelope)
const CLOUDFLARE = withBody(
  `service: Cloudflare
errorBody: {}
statuses:
  - { status: 400, name: BadRequest, message: Bad Request, description: The request was not valid. }
  - { status: 403, name: Forbidden, message: Forbidden, description: Not allowed. }
errors:
  - { code: '7003', status: 400, name: NoRoute, message: No route for the URI }
  - { code: '10000', status: 403, name: AuthenticationError, message: Authentication error }
`,
  [
    part('code', '/errors/0/code'),
    part('message', '/errors/0/message'),
    constant('/success', false),
    constant('/messages', []),
    constant('/result', null),
  ],
  { codeType: 'integer' },
);

// https://api.slack.com/web#responses: errors on HTTP 200, `ok` false.
const SLACK = withBody(
  `service: Slack
errorBody: {}
statuses:
  - { status: 200, name: Ok, message: OK, description: The method ran; the body's ok member says whether it succeeded. }
  - { status: 429, name: TooManyRequests, message: Too Many Requests, description: Rate limited. }
errors:
  - { code: invalid_auth, status: 200, name: InvalidAuth, message: Some aspect of authentication cannot be validated. }
  - { code: not_authed, status: 200, name: NotAuthed, message: No authentication token provided. }
  - { code: ratelimited, status: 429, name: Ratelimited, message: The request has been ratelimited. }
`,
  [part('code', '/error'), constant('/ok', false)],
);

const GOOGLE_CATALOG = `service: Google
errorBody: {}
statuses:
  - { status: 404, name: NotFound, message: Not Found, description: Not found. }
  - { status: 429, name: TooManyRequests, message: Too Many Requests, description: Quota exceeded. }
errors:
  - { code: NOT_FOUND, status: 404, name: NotFoundCode, message: Not found. }
  - { code: RESOURCE_EXHAUSTED, status: 429, name: ResourceExhausted, message: Quota exceeded. }
`;

// https://google.aip.dev/193
const GOOGLE_MEMBERS = [
  part('code', '/error/status'),
  part('message', '/error/message'),
  part('status', '/error/code'),
  extra('/error/details', { type: 'array', items: { type: 'object' } }, 'Details of the error (google.rpc.Status details).'),
];

const GOOGLE_BODY = {
  error: {
    code: 429,
    message: 'Quota exceeded.',
    status: 'RESOURCE_EXHAUSTED',
    details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'RATE_LIMIT_EXCEEDED' }],
  },
};

export const BODY_CASES: readonly BodyCase[] = [
  {
    name: 'Cloudflare: a list of errors, integer codes, constants false, [] and null',
    model: CLOUDFLARE,
    valid: [
      {
        status: 400,
        body: { success: false, errors: [{ code: 7003, message: 'No route for the URI' }], messages: [], result: null },
      },
      {
        status: 400,
        body: {
          success: false,
          errors: [
            { code: 7003, message: 'No route for the URI' },
            { code: 10000, message: 'Authentication error' },
          ],
          messages: [],
          result: null,
        },
      },
    ],
    invalid: [
      { why: 'the code as a string', body: { success: false, errors: [{ code: '7003', message: 'x' }], messages: [], result: null } },
      { why: 'an empty list of errors', body: { success: false, errors: [], messages: [], result: null } },
      { why: 'the errors as an object', body: { success: false, errors: { 0: { code: 7003, message: 'x' } }, messages: [], result: null } },
      { why: 'a result', body: { success: false, errors: [{ code: 7003, message: 'x' }], messages: [], result: {} } },
      { why: 'messages', body: { success: false, errors: [{ code: 7003, message: 'x' }], messages: ['m'], result: null } },
    ],
  },
  {
    name: 'Slack: no message member, errors on 200 told by ok: false',
    model: SLACK,
    valid: [
      { status: 200, body: { ok: false, error: 'invalid_auth' } },
      { status: 429, body: { ok: false, error: 'ratelimited' } },
    ],
    invalid: [
      { why: 'a success body', body: { ok: true } },
      { why: 'no ok member', body: { error: 'invalid_auth' } },
    ],
  },
  {
    name: 'Google: the status echoed as an integer, details as a list of objects',
    model: withBody(GOOGLE_CATALOG, GOOGLE_MEMBERS),
    valid: [{ status: 429, body: GOOGLE_BODY }],
    invalid: [
      { why: 'the status as a string', body: { error: { ...GOOGLE_BODY.error, code: '429' } } },
      { why: 'no status', body: { error: { message: 'Quota exceeded.', status: 'RESOURCE_EXHAUSTED' } } },
      { why: 'a status out of range', body: { error: { ...GOOGLE_BODY.error, code: 42 } } },
      { why: 'details that are not objects', body: { error: { ...GOOGLE_BODY.error, details: ['reason'] } } },
    ],
  },
  {
    name: 'the status echoed as a string',
    model: withBody(GOOGLE_CATALOG, GOOGLE_MEMBERS, { statusType: 'string' }),
    valid: [{ status: 429, body: { error: { ...GOOGLE_BODY.error, code: '429' } } }],
    invalid: [
      { why: 'the status as a number', body: GOOGLE_BODY },
      { why: 'a status of four digits', body: { error: { ...GOOGLE_BODY.error, code: '4290' } } },
    ],
  },
  {
    name: 'constants {} and nested; extras with properties, required, enum and nullable types',
    model: withBody(GOOGLE_CATALOG, [
      part('code', '/code'),
      part('message', '/message'),
      constant('/meta', {}),
      constant('/envelope', { version: [1, { beta: null }] }),
      extra(
        '/violation',
        {
          type: ['object', 'null'],
          required: ['field'],
          properties: {
            field: { type: 'string' },
            kind: { type: ['string', 'null'], enum: ['missing', 'invalid', null] },
            limits: { type: 'array', items: { type: ['integer', 'null'], minimum: 0 } },
          },
        },
        'The request field at fault.',
      ),
      extra('/hint', { type: ['integer', 'null'] }, 'A hint: a number, or null.'),
    ]),
    valid: [
      {
        status: 404,
        body: {
          code: 'NOT_FOUND',
          message: 'Not found.',
          meta: {},
          envelope: { version: [1, { beta: null }] },
          violation: { field: 'name', kind: null, limits: [1, null] },
          hint: 3,
        },
      },
      {
        status: 404,
        body: { code: 'NOT_FOUND', message: 'Not found.', meta: {}, envelope: { version: [1, { beta: null }] }, violation: null },
      },
    ],
    invalid: [
      { why: 'a meta with members', body: { code: 'NOT_FOUND', message: 'x', meta: { a: 1 }, envelope: { version: [1, { beta: null }] } } },
      { why: 'another envelope', body: { code: 'NOT_FOUND', message: 'x', meta: {}, envelope: { version: [2] } } },
      {
        why: 'a violation without its field',
        body: { code: 'NOT_FOUND', message: 'x', meta: {}, envelope: { version: [1, { beta: null }] }, violation: { kind: 'missing' } },
      },
      {
        why: 'a kind outside the enum',
        body: {
          code: 'NOT_FOUND',
          message: 'x',
          meta: {},
          envelope: { version: [1, { beta: null }] },
          violation: { field: 'f', kind: 'other' },
        },
      },
      {
        why: 'a negative limit',
        body: {
          code: 'NOT_FOUND',
          message: 'x',
          meta: {},
          envelope: { version: [1, { beta: null }] },
          violation: { field: 'f', limits: [-1] },
        },
      },
      {
        why: 'a boolean hint',
        body: { code: 'NOT_FOUND', message: 'x', meta: {}, envelope: { version: [1, { beta: null }] }, hint: true },
      },
    ],
  },
];

/** The model of a case by name's start (Cloudflare, Slack, Google, …). */
export function bodyCase(name: string): BodyCase {
  const found = BODY_CASES.find((c) => c.name.startsWith(name));
  if (found === undefined) throw new Error(`no body case ${name}`);
  return found;
}
