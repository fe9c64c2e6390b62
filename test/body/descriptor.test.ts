/** generator/body/: the error body descriptor, built from presets, fields, constants and extras. */
import { describe, expect, test } from 'vitest';
import { bodyTree, buildBodyDescriptor, errorBodyProblems, nodeIsRequired, type BodyNode } from '../../generator/body/descriptor.js';
import { PRESETS } from '../../generator/body/presets/index.js';
import type { ErrorBodySpec } from '../../generator/catalog/types.js';
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

  test('a member with a problem is left out, the rest is kept', () => {
    expect(membersOf({ fields: { code: 'nope' }, extra: { '/x': { description: 'd' } } })).toEqual([
      'message@/error_msg',
      'requestId@/request_id',
      'extra:x@/x',
    ]);
  });
});

describe('bodyTree and nodeIsRequired', () => {
  const shape = (nodes: readonly BodyNode[], required: (n: BodyNode) => boolean): unknown =>
    nodes.map((n) =>
      'children' in n ? { [`${n.key}${required(n) ? '' : '?'}`]: shape(n.children, required) } : `${n.key}${required(n) ? '' : '?'}`,
    );
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
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      const descriptor = buildBodyDescriptor(given);
      expect(shape(bodyTree(descriptor.members), (n) => nodeIsRequired(n, descriptor))).toEqual(want);
    });
  }
});
