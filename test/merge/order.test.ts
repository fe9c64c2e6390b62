/** generator/merge/order.ts: where new entries go among a map's existing keys. */
import { describe, expect, test } from 'vitest';
import { placeEntries } from '../../generator/merge/order.js';
import type { Insertion } from '../../generator/merge/plan.js';
import type { TestCase } from '../harness/cases.js';

interface Given {
  readonly existing: readonly string[];
  readonly keys: readonly string[];
  readonly inCodeOrder: boolean;
}

/** Each group as `before:key,key`. */
function groupsOf({ existing, keys, inCodeOrder }: Given): string[] {
  const insertion: Insertion = { path: [], entries: keys.map((key) => [key, { key }] as const), inCodeOrder, fill: false };
  return placeEntries(existing, insertion).map(({ before, entries }) => `${before}:${entries.map(([key]) => key).join(',')}`);
}

describe('placeEntries', () => {
  const tests: TestCase<Given, string[]>[] = [
    [
      'not in code order: everything after the last entry',
      { given: { existing: ['500', 'a'], keys: ['404', 'x'], inCodeOrder: false }, want: ['2:404,x'] },
    ],
    [
      'an empty map takes everything at 0',
      { given: { existing: [], keys: ['404', 'default'], inCodeOrder: true }, want: ['0:404,default'] },
    ],
    [
      'a status goes between a smaller and a larger one',
      { given: { existing: ['200', '400', '500'], keys: ['404'], inCodeOrder: true }, want: ['2:404'] },
    ],
    ['a status smaller than all goes first', { given: { existing: ['400', '500'], keys: ['201'], inCodeOrder: true }, want: ['0:201'] }],
    ['a status larger than all goes last', { given: { existing: ['200', '400'], keys: ['503'], inCodeOrder: true }, want: ['2:503'] }],
    [
      'a status goes before a range such as 4XX',
      { given: { existing: ['200', '4XX', '500'], keys: ['503'], inCodeOrder: true }, want: ['1:503'] },
    ],
    ['a status goes before default', { given: { existing: ['200', 'default'], keys: ['404'], inCodeOrder: true }, want: ['1:404'] }],
    [
      'default goes after everything, even in code order',
      { given: { existing: ['200', 'default'], keys: ['default'], inCodeOrder: true }, want: ['2:default'] },
    ],
    ['a key that is not three digits goes last', { given: { existing: ['200', '500'], keys: ['40'], inCodeOrder: true }, want: ['2:40'] }],
    [
      'entries at one place form one group, in the order given; groups sorted by place',
      {
        given: { existing: ['200', '500'], keys: ['default', '404', '400', '100'], inCodeOrder: true },
        want: ['0:100', '1:404,400', '2:default'],
      },
    ],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      expect(groupsOf(given)).toEqual(want);
    });
  }

  test('keeps each entry with its value', () => {
    const value = { $ref: '#/components/responses/NotFound' };
    const groups = placeEntries(['200'], { path: [], entries: [['404', value]], inCodeOrder: true, fill: false });
    expect(groups).toEqual([{ before: 1, entries: [['404', value]] }]);
    expect(groups[0]!.entries[0]![1]).toBe(value);
  });
});
