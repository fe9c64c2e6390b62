/** generator/util/compare.ts: the one string order, by code unit, whatever the locale. */
import { describe, expect, test } from 'vitest';
import { byPath, compareStrings } from '../../generator/util/compare.js';

describe('compareStrings', () => {
  const tests: [string, { given: string[]; want: string[] }][] = [
    ['upper case before lower case', { given: ['b', 'B', 'a', 'Z'], want: ['B', 'Z', 'a', 'b'] }],
    ['accented letters after every ASCII letter', { given: ['é', 'z', 'e'], want: ['e', 'z', 'é'] }],
    ['a prefix first', { given: ['ab', 'a', 'abc'], want: ['a', 'ab', 'abc'] }],
    ['digits by code unit, not by value', { given: ['10', '9', '1'], want: ['1', '10', '9'] }],
    ['equal strings compare equal', { given: ['x', 'x'], want: ['x', 'x'] }],
  ];
  for (const [name, { given, want }] of tests) test(name, () => expect([...given].sort(compareStrings)).toEqual(want));

  test('returns 0 only for equal strings, and is antisymmetric', () => {
    expect(compareStrings('a', 'a')).toBe(0);
    expect(compareStrings('a', 'b')).toBe(-1);
    expect(compareStrings('b', 'a')).toBe(1);
  });
});

describe('byPath', () => {
  test('orders files by path, by code unit', () => {
    const files = [{ path: 'ts/index.ts' }, { path: 'docs/a.md' }, { path: 'ts/Index.ts' }, { path: '.status-catalog.json' }];
    expect(files.sort(byPath).map((file) => file.path)).toEqual(['.status-catalog.json', 'docs/a.md', 'ts/Index.ts', 'ts/index.ts']);
  });
});
