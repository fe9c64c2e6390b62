/** generator/util/strict-json.ts: strict JSON for `.json` catalogs and specs, and where a text is not. */
import { describe, expect, test } from 'vitest';
import { strictJsonProblem, type JsonProblem } from '../../generator/util/strict-json.js';
import type { TestCase } from '../harness/cases.js';

describe('strictJsonProblem', () => {
  const tests: TestCase<string, JsonProblem | undefined>[] = [
    ['JSON', { given: '{"a": [1, -0.5e3, true, null, "\\u00e9"]}\n', want: undefined }],
    ['a trailing comma', { given: '{"a": 1,\n}', want: { offset: 9, message: 'property name expected' } }],
    ['a comment', { given: '{"a": 1 // one\n}', want: { offset: 8, message: 'invalid comment token' } }],
    ['YAML', { given: 'a: 1\n', want: { offset: 0, message: 'invalid symbol' } }],
    ['nothing', { given: '', want: { offset: 0, message: 'value expected' } }],
    ['a second value', { given: '{} {}', want: { offset: 3, message: 'end of file expected' } }],
    ['a single-quoted string', { given: "{'a': 1}", want: { offset: 1, message: 'invalid symbol' } }],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => expect(strictJsonProblem(given)).toEqual(want));
  }
});
