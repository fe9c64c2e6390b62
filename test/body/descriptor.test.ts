/** generator/body/: the error body descriptor, built from presets, fields, constants and extras. */
import { describe, expect, test } from 'vitest';
import {
  bodyTree,
  buildBodyDescriptor,
  errorBodyProblems,
  nodeIsRequired,
  partIsOptional,
  type BodyItem,
  type BodyList,
  type BodyNode,
} from '../../generator/body/descriptor.js';
import { PRESETS } from '../../generator/body/presets/index.js';
import type { ErrorBodySpec, JsonValue } from '../../generator/catalog/types.js';
import type { TestCase } from '../harness/cases.js';

/** A descriptor's members as `kind:part-or-name@pointer` strings, in body order. */
function membersOf(spec: ErrorBodySpec): string[] {
  return buildBodyDescriptor(spec).members.map(
    (m) => `${m.kind === 'part' ? m.part : m.kind === 'extra' ? `extra:${m.name}` : `constant:${JSON.stringify(m.value)}`}@${m.pointer}`,
  );
}

describe('buildBodyDescriptor: members', () => {
  const tests: TestCase<ErrorBodySpec, string[]>[] = [
    ['flat by default', { given: {}, want: ['code@/error_code', 'message@/error_msg', 'requestId@/request_id'] }],
    [
      'flat with shorthands',
      { given: { codeField: 'code', messageField: 'msg' }, want: ['code@/code', 'message@/msg', 'requestId@/request_id'] },
    ],
    ['nested', { given: { shape: 'nested' }, want: ['code@/error/code', 'message@/error/message', 'requestId@/error/request_id'] }],
    [
      'problem: the RFC 9457 members, then the code',
      {
        given: { shape: 'problem' },
        want: [
          'type@/type',
          'title@/title',
          'status@/status',
          'message@/detail',
          'instance@/instance',
          'code@/code',
          'requestId@/request_id',
        ],
      },
    ],
    [
      'fields move parts anywhere (Alibaba Cloud style)',
      {
        given: { fields: { code: '/Code', message: '/Message', requestId: '/RequestId' } },
        want: ['code@/Code', 'message@/Message', 'requestId@/RequestId'],
      },
    ],
    [
      'constants and extras follow the parts, in catalog order',
      {
        given: {
          shape: 'nested',
          constants: { '/status': 'failed', '/ok': false },
          extra: { '/error/doc_url': { description: 'd' }, '/HostId': { description: 'h' } },
        },
        want: [
          'code@/error/code',
          'message@/error/message',
          'requestId@/error/request_id',
          'constant:"failed"@/status',
          'constant:false@/ok',
          'extra:doc_url@/error/doc_url',
          'extra:HostId@/HostId',
        ],
      },
    ],
    [
      'a list of errors, no request id (Cloudflare)',
      {
        given: {
          fields: { code: '/errors/0/code', message: '/errors/0/message', requestId: null },
          constants: { '/success': false, '/messages': [], '/result': null },
        },
        want: [
          'code@/errors/0/code',
          'message@/errors/0/message',
          'constant:false@/success',
          'constant:[]@/messages',
          'constant:null@/result',
        ],
      },
    ],
    [
      'no message, no request id (Slack)',
      {
        given: { fields: { code: '/error', message: null, requestId: null }, constants: { '/ok': false } },
        want: ['code@/error', 'constant:false@/ok'],
      },
    ],
    [
      'the status echoed after the preset parts (Google)',
      {
        given: { fields: { code: '/error/status', message: '/error/message', status: '/error/code', requestId: null } },
        want: ['code@/error/status', 'message@/error/message', 'status@/error/code'],
      },
    ],
    [
      "the problem preset's own status may be named where it is",
      {
        given: { shape: 'problem', fields: { status: '/status', requestId: null } },
        want: ['type@/type', 'title@/title', 'status@/status', 'message@/detail', 'instance@/instance', 'code@/code'],
      },
    ],
    [
      'constants of nested values',
      {
        given: { constants: { '/meta': { tags: ['a', 1, null], empty: {} } } },
        want: ['code@/error_code', 'message@/error_msg', 'requestId@/request_id', 'constant:{"tags":["a",1,null],"empty":{}}@/meta'],
      },
    ],
    [
      'a token with a leading zero, or not digits, names a member',
      {
        given: { fields: { code: '/errors/00/code', message: '/x1/message' } },
        want: ['code@/errors/00/code', 'message@/x1/message', 'requestId@/request_id'],
      },
    ],
    [
      'an escaped pointer is kept escaped, named by its unescaped last token',
      {
        given: { extra: { '/a~1b': { description: 'd' } } },
        want: ['code@/error_code', 'message@/error_msg', 'requestId@/request_id', 'extra:a/b@/a~1b'],
      },
    ],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      expect(errorBodyProblems(given)).toEqual([]);
      expect(membersOf(given)).toEqual(want);
    });
  }

  test('a token of digits without a leading zero is an array index: a number in the path', () => {
    const { members } = buildBodyDescriptor({
      fields: { code: '/errors/0/code', message: '/errors/0/message' },
      extra: { '/errors/0/x': { description: 'd' } },
    });
    expect(members.map((m) => m.path)).toEqual([['errors', 0, 'code'], ['errors', 0, 'message'], ['request_id'], ['errors', 0, 'x']]);
    expect(buildBodyDescriptor({ fields: { code: '/errors/00/code' } }).members[0]!.path).toEqual(['errors', '00', 'code']);
    expect(buildBodyDescriptor({ fields: { code: '/a/12/b/3' } }).members[0]!.path).toEqual(['a', 12, 'b', 3]);
  });

  test('codeType and statusType: string and integer by default, else as the catalog says', () => {
    expect(buildBodyDescriptor({})).toMatchObject({ codeType: 'string', statusType: 'integer' });
    expect(buildBodyDescriptor({ codeType: 'integer', statusType: 'string' })).toMatchObject({ codeType: 'integer', statusType: 'string' });
  });

  test('identifiedByConstants: whether the body has a constant', () => {
    expect(buildBodyDescriptor({}).identifiedByConstants).toBe(false);
    expect(buildBodyDescriptor({ extra: { '/x': { description: 'd' } } }).identifiedByConstants).toBe(false);
    expect(buildBodyDescriptor({ constants: { '/ok': false } }).identifiedByConstants).toBe(true);
    expect(buildBodyDescriptor({ constants: { '/result': null } }).identifiedByConstants).toBe(true);
  });

  test('each preset gives its media type; the catalog may set another JSON one', () => {
    expect(buildBodyDescriptor({ shape: 'problem' }).mediaType).toBe('application/problem+json');
    expect(buildBodyDescriptor({}).mediaType).toBe('application/json');
    expect(buildBodyDescriptor({ mediaType: 'application/vnd.api+json' }).mediaType).toBe('application/vnd.api+json');
  });

  test('every preset has a code and a message part', () => {
    for (const preset of Object.values(PRESETS)) {
      const parts = preset.members({ codeField: undefined, messageField: undefined }).map((m) => m.part);
      expect(parts, preset.name).toContain('code');
      expect(parts, preset.name).toContain('message');
    }
  });
});

describe('errorBodyProblems', () => {
  const tests: TestCase<ErrorBodySpec, { field: (string | number)[]; message: RegExp }[]>[] = [
    [
      'a pointer without its slash',
      { given: { fields: { code: 'error/code' } }, want: [{ field: ['fields', 'code'], message: /must start with "\/"/ }] },
    ],
    [
      'code and message on one member',
      {
        given: { fields: { message: '/error_code' } },
        want: [{ field: ['fields', 'message'], message: /\/error_code is already the code member/ }],
      },
    ],
    [
      'a member inside another',
      {
        given: { fields: { message: '/error_code/text' } },
        want: [{ field: ['fields', 'message'], message: /lies inside \/error_code, the code member/ }],
      },
    ],
    [
      'a member holding another',
      {
        given: { shape: 'nested', constants: { '/error': 'x' } },
        want: [{ field: ['constants', '/error'], message: /holds \/error\/code/ }],
      },
    ],
    [
      'a problem member for the code',
      {
        given: { shape: 'problem', codeField: 'detail' },
        want: [{ field: ['codeField'], message: /\/detail is already the message member/ }],
      },
    ],
    [
      'the request id member for the code',
      { given: { codeField: 'request_id' }, want: [{ field: ['codeField'], message: /\/request_id is already the requestId member/ }] },
    ],
    [
      'the problem preset fixes the message (shorthand)',
      { given: { shape: 'problem', messageField: 'msg' }, want: [{ field: ['messageField'], message: /fixes the message member/ }] },
    ],
    [
      'the problem preset fixes the message (fields)',
      {
        given: { shape: 'problem', fields: { message: '/msg' } },
        want: [{ field: ['fields', 'message'], message: /fixes the message member at \/detail/ }],
      },
    ],
    [
      'a shorthand and its field both given',
      { given: { codeField: 'c', fields: { code: '/c' } }, want: [{ field: ['codeField'], message: /fields\.code sets it too/ }] },
    ],
    [
      'two extras with one name',
      {
        given: { extra: { '/a/x': { description: 'd' }, '/b/x': { description: 'd' } } },
        want: [{ field: ['extra', '/b/x'], message: /ends in "x" like \/a\/x/ }],
      },
    ],
    [
      '__proto__ in a pointer',
      { given: { extra: { '/__proto__/x': { description: 'd' } } }, want: [{ field: ['extra', '/__proto__/x'], message: /__proto__/ }] },
    ],
    [
      'a constant without a JSON form',
      { given: { constants: { '/n': Number.POSITIVE_INFINITY } }, want: [{ field: ['constants', '/n'], message: /finite number/ }] },
    ],
    [
      'a constant holding a value without a JSON form',
      {
        given: { constants: { '/n': { list: [1, Number.NaN] } } },
        want: [{ field: ['constants', '/n'], message: /NaN has no JSON form/ }],
      },
    ],
    [
      'a constant with a __proto__ member',
      {
        given: { constants: { '/n': JSON.parse('{"__proto__": 1}') as JsonValue } },
        want: [{ field: ['constants', '/n'], message: /"__proto__"/ }],
      },
    ],
    [
      'the "-" token',
      {
        given: { fields: { code: '/errors/-/code' } },
        want: [{ field: ['fields', 'code'], message: /"-" names the item after the end of an array/ }],
      },
    ],
    [
      'the "-" token in a constant',
      { given: { constants: { '/-': 1 } }, want: [{ field: ['constants', '/-'], message: /"-" names the item/ }] },
    ],
    [
      'an index at the root',
      {
        given: { fields: { code: '/0/code' } },
        want: [{ field: ['fields', 'code'], message: /starts with an array index, but the body is a JSON object/ }],
      },
    ],
    [
      'an index past the limit',
      { given: { fields: { code: '/errors/100/code' } }, want: [{ field: ['fields', 'code'], message: /an index is at most 99/ }] },
    ],
    [
      'two parts in different items of one list',
      {
        given: { fields: { code: '/errors/0/code', message: '/errors/1/message' } },
        want: [
          {
            field: ['fields', 'message'],
            message: /puts the message member in item 1 of the list \/errors, but the code member \(\/errors\/0\/code\) is in item 0/,
          },
        ],
      },
    ],
    [
      'a constant in another item of a list',
      {
        given: { fields: { code: '/errors/0/code', message: '/errors/0/message' }, constants: { '/errors/1/x': 1 } },
        want: [{ field: ['constants', '/errors/1/x'], message: /item 1 of the list \/errors/ }],
      },
    ],
    [
      'a part inside a constant',
      {
        given: { fields: { code: '/messages/0/code' }, constants: { '/messages': [] } },
        want: [{ field: ['constants', '/messages'], message: /\/messages holds \/messages\/0\/code, the code member/ }],
      },
    ],
    [
      'a part inside a constant given after it',
      {
        given: { constants: { '/meta': {} }, extra: { '/meta/x': { description: 'd' } } },
        want: [{ field: ['extra', '/meta/x'], message: /\/meta\/x lies inside \/meta, a constant, whose value is written as it is/ }],
      },
    ],
    [
      'a member both an array and an object',
      {
        given: { fields: { code: '/errors/0/code', message: '/errors/message' } },
        want: [{ field: ['fields', 'message'], message: /makes \/errors both an array and an object/ }],
      },
    ],
    [
      'an extra ending in an index',
      {
        given: { extra: { '/details/0': { description: 'd' } } },
        want: [{ field: ['extra', '/details/0'], message: /ends in an array index/ }],
      },
    ],
    [
      'the problem preset cannot leave its message out',
      {
        given: { shape: 'problem', fields: { message: null } },
        want: [{ field: ['fields', 'message'], message: /fixes the message member at \/detail: a body of it cannot leave it out/ }],
      },
    ],
    [
      'the problem preset fixes the status',
      {
        given: { shape: 'problem', fields: { status: '/code2' } },
        want: [{ field: ['fields', 'status'], message: /fixes the status member at \/status/ }],
      },
    ],
    [
      'the code cannot be left out',
      {
        given: { fields: { code: null as unknown as string } },
        want: [{ field: ['fields', 'code'], message: /the code member cannot be left out/ }],
      },
    ],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      const problems = errorBodyProblems(given);
      expect(problems).toHaveLength(want.length);
      want.forEach((w, i) => {
        expect(problems[i]!.field).toEqual(w.field);
        expect(problems[i]!.message).toMatch(w.message);
      });
    });
  }

  test('of two members that clash, the one a later file wrote is blamed', () => {
    const spec: ErrorBodySpec = { fields: { code: '/error/code' }, constants: { '/error': 'x' } };
    expect(errorBodyProblems(spec).map((p) => p.field)).toEqual([['constants', '/error']]);
    const later = (field: readonly (string | number)[]): number => (field[0] === 'fields' ? 1 : 0);
    expect(errorBodyProblems(spec, later).map((p) => p.field)).toEqual([['fields', 'code']]);
  });

  test('a member with a problem is left out, the rest is kept', () => {
    expect(membersOf({ fields: { code: 'nope' }, extra: { '/x': { description: 'd' } } })).toEqual([
      'message@/error_msg',
      'requestId@/request_id',
      'extra:x@/x',
    ]);
  });
});

describe('bodyTree and nodeIsRequired', () => {
  const shape = (nodes: readonly BodyNode[], required: (n: BodyNode | BodyItem) => boolean): unknown =>
    nodes.map((n) => {
      const key = `${n.key}${required(n) ? '' : '?'}`;
      return 'children' in n ? { [key]: shape(n.children, required) } : 'list' in n ? { [key]: item(n.list, required) } : key;
    });
  const item = (list: BodyList, required: (n: BodyNode | BodyItem) => boolean): unknown => {
    const what =
      'children' in list.item
        ? shape(list.item.children, required)
        : 'list' in list.item
          ? item(list.item.list, required)
          : list.item.member.pointer;
    return { [`[${list.index}]`]: what };
  };
  const tests: TestCase<ErrorBodySpec, unknown>[] = [
    ['flat, no default code: the code is optional', { given: {}, want: ['error_code?', 'error_msg', 'request_id?'] }],
    ['flat with a default code: the code is required', { given: { defaultCode: 'X.0' }, want: ['error_code', 'error_msg', 'request_id?'] }],
    [
      'an object sits where its first member is; constants are required, extras optional',
      {
        given: {
          fields: { code: '/error/code', message: '/error/message', requestId: '/RequestId' },
          constants: { '/status': 'failed' },
          extra: { '/error/doc_url': { description: 'd' }, '/meta/x': { description: 'd' } },
        },
        want: [{ error: ['code?', 'message', 'doc_url?'] }, 'RequestId?', 'status', { 'meta?': ['x?'] }],
      },
    ],
    [
      'a list holds the item the error goes in; it is required when the item holds a required member',
      {
        given: { fields: { code: '/errors/0/code', message: '/errors/0/message', requestId: null }, constants: { '/success': false } },
        want: [{ errors: { '[0]': ['code?', 'message'] } }, 'success'],
      },
    ],
    [
      'lists of lists, and a member as an item',
      {
        given: { fields: { code: '/codes/2', message: '/m/0/1/text', requestId: '/r/0' } },
        want: [{ 'codes?': { '[2]': '/codes/2' } }, { m: { '[0]': { '[1]': ['text'] } } }, { 'r?': { '[0]': '/r/0' } }],
      },
    ],
    [
      'the status echoed is required',
      {
        given: { fields: { code: '/error/status', message: null, status: '/error/code', requestId: null } },
        want: [{ error: ['status?', 'code'] }],
      },
    ],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      const descriptor = buildBodyDescriptor(given);
      expect(shape(bodyTree(descriptor.members), (n) => nodeIsRequired(n, descriptor))).toEqual(want);
    });
  }
});

test('partIsOptional: the status echoed never is', () => {
  expect(partIsOptional('status', { defaultCode: undefined })).toBe(false);
  expect(partIsOptional('requestId', { defaultCode: undefined })).toBe(true);
});
