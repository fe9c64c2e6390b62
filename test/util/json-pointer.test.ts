/** generator/util/json-pointer.ts: JSON Pointers (RFC 6901), written and read back. */
import { describe, expect, test } from 'vitest';
import {
  escapeToken,
  formatPointer,
  formatPointerFragment,
  parsePointer,
  pointerToFieldPath,
  pointerTokens,
  unescapeToken,
} from '../../generator/util/json-pointer.js';
import type { FieldPath } from '../../generator/util/diagnostics.js';
import type { TestCase } from '../harness/cases.js';

describe('escapeToken and unescapeToken', () => {
  const tests: TestCase<string, string>[] = [
    ['a plain token is left alone', { given: 'error_code', want: 'error_code' }],
    ['"/" is ~1', { given: '/pets/{id}', want: '~1pets~1{id}' }],
    ['"~" is ~0', { given: 'a~b', want: 'a~0b' }],
    ['the tilde first: "~/" is ~0~1, not ~01', { given: 'a~/b', want: 'a~0~1b' }],
    ['"~1" as text is ~01', { given: '~1', want: '~01' }],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      expect(escapeToken(given)).toBe(want);
      expect(unescapeToken(want)).toBe(given);
    });
  }
});

describe('formatPointer and formatPointerFragment', () => {
  const tests: TestCase<string[], { pointer: string; fragment: string }>[] = [
    ['the whole document', { given: [], want: { pointer: '', fragment: '#' } }],
    [
      'plain tokens',
      { given: ['components', 'schemas', 'Pet'], want: { pointer: '/components/schemas/Pet', fragment: '#/components/schemas/Pet' } },
    ],
    [
      'escaped tokens',
      { given: ['paths', '/pets/{id}', 'a~/b'], want: { pointer: '/paths/~1pets~1{id}/a~0~1b', fragment: '#/paths/~1pets~1{id}/a~0~1b' } },
    ],
    ['an empty token', { given: ['a', ''], want: { pointer: '/a/', fragment: '#/a/' } }],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      expect(formatPointer(given)).toBe(want.pointer);
      expect(formatPointerFragment(given)).toBe(want.fragment);
      expect(pointerTokens(want.pointer)).toEqual(given);
    });
  }
});

describe('pointerToFieldPath', () => {
  const data = { statuses: [{ status: 404 }, { status: 500 }], headers: { 'a/b': { '0': 'x' } } };
  const tests: TestCase<string, FieldPath>[] = [
    ['the whole document', { given: '', want: [] }],
    ['an index into a list is a number', { given: '/statuses/1/status', want: ['statuses', 1, 'status'] }],
    ['a digit key of a mapping stays a string', { given: '/headers/a~1b/0', want: ['headers', 'a/b', '0'] }],
    ['past the data, tokens stay strings', { given: '/errors/0', want: ['errors', '0'] }],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => expect(pointerToFieldPath(given, data)).toEqual(want));
  }
});

describe('parsePointer (a member of the error body)', () => {
  const tests: TestCase<string, string[] | RegExp>[] = [
    ['one member', { given: '/error_code', want: ['error_code'] }],
    ['nested members', { given: '/error/code', want: ['error', 'code'] }],
    ['~1 is a slash, ~0 a tilde, in that order', { given: '/a~1b/c~0d/~01', want: ['a/b', 'c~d', '~1'] }],
    ['the empty pointer is the whole body', { given: '', want: /whole body/ }],
    ['no leading slash', { given: 'error/code', want: /must start with "\/"/ }],
    ['a bare tilde', { given: '/a~b', want: /"~"/ }],
    ['a tilde at the end', { given: '/a~', want: /"~"/ }],
    ['an empty member name', { given: '/error//code', want: /empty member name/ }],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      const parsed = parsePointer(given);
      if (want instanceof RegExp) expect('problem' in parsed ? parsed.problem : parsed).toMatch(want);
      else {
        expect(parsed).toEqual({ tokens: want });
        expect(formatPointer(want)).toBe(given);
      }
    });
  }
});
