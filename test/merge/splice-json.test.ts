/** generator/merge/splice-json.ts: JSON out by insertion only, in the file's own layout. */
import { describe, expect, test } from 'vitest';
import { locateSpec } from '../../generator/merge/located.js';
import { applyPlan, type Insertion } from '../../generator/merge/plan.js';
import { spliceJson } from '../../generator/merge/splice-json.js';
import type { TestCase } from '../harness/cases.js';

type Tree = Record<string, unknown>;

/** `source` spliced; asserts the contract that the text parses as JSON to the data with the insertions applied. */
function splice(source: string, insertions: Insertion[], eol = '\n'): string {
  const merged = applyPlan(JSON.parse(source) as Tree, { insertions, added: [], attached: 0, skipped: [], problems: [] });
  const out = spliceJson(source, locateSpec(source), insertions, eol);
  expect(JSON.parse(out)).toEqual(merged);
  return out;
}

const add = (path: string[], entries: [string, unknown][], inCodeOrder = false): Insertion => ({ path, entries, inCodeOrder, fill: false });
const fill = (path: string[], entries: [string, unknown][]): Insertion => ({ path, entries, inCodeOrder: false, fill: true });

describe('spliceJson', () => {
  const tests: TestCase<{ source: string; insertions: Insertion[]; eol?: string }, string>[] = [
    [
      'a map over several lines: an entry after the last, the comma moved where JSON wants it',
      {
        given: { source: '{\n  "a": 1\n}\n', insertions: [add([], [['b', { c: 1 }]])] },
        want: '{\n  "a": 1,\n  "b": {\n    "c": 1\n  }\n}\n',
      },
    ],
    [
      'responses in code order: before the first, between, and last',
      {
        given: {
          source: '{\n  "r": {\n    "200": {},\n    "500": {}\n  }\n}\n',
          insertions: [
            add(
              ['r'],
              [
                ['404', { $ref: 'x' }],
                ['100', 1],
                ['default', [1]],
              ],
              true,
            ),
          ],
        },
        want: '{\n  "r": {\n    "100": 1,\n    "200": {},\n    "404": {\n      "$ref": "x"\n    },\n    "500": {},\n    "default": [\n      1\n    ]\n  }\n}\n',
      },
    ],
    [
      'a map on one line is rewritten over several, its entries as written, the new ones in code order',
      {
        given: {
          source: '{\n  "r": {"200": {"description":"ok"}, "500": {}}\n}\n',
          insertions: [
            add(
              ['r'],
              [
                ['404', 1],
                ['default', 2],
              ],
              true,
            ),
          ],
        },
        want: '{\n  "r": {\n    "200": {"description":"ok"},\n    "404": 1,\n    "500": {},\n    "default": 2\n  }\n}\n',
      },
    ],
    [
      'an empty map is rewritten',
      { given: { source: '{\n  "b": {}\n}\n', insertions: [add(['b'], [['c', 2]])] }, want: '{\n  "b": {\n    "c": 2\n  }\n}\n' },
    ],
    [
      'a whole document on one line',
      { given: { source: '{"a": 1}', insertions: [add([], [['b', 2]])] }, want: '{\n  "a": 1,\n  "b": 2\n}' },
    ],
    [
      'tabs when the file indents with tabs',
      {
        given: { source: '{\n\t"a": {"x": 1},\n\t"b": {}\n}\n', insertions: [add(['a'], [['y', { z: 1 }]]), add(['b'], [['c', 2]])] },
        want: '{\n\t"a": {\n\t\t"x": 1,\n\t\t"y": {\n\t\t\t"z": 1\n\t\t}\n\t},\n\t"b": {\n\t\t"c": 2\n\t}\n}\n',
      },
    ],
    [
      'four spaces when the file indents with four',
      {
        given: { source: '{\n    "a": 1\n}\n', insertions: [add([], [['b', [1]]])] },
        want: '{\n    "a": 1,\n    "b": [\n        1\n    ]\n}\n',
      },
    ],
    [
      'null filled with the new map',
      {
        given: { source: '{\n  "a": null\n}\n', insertions: [fill(['a'], [['b', { c: 1 }]])] },
        want: '{\n  "a": {\n    "b": {\n      "c": 1\n    }\n  }\n}\n',
      },
    ],
    [
      'insertions in a map and in its parent, both over several lines',
      {
        given: { source: '{\n  "a": {\n    "x": 1\n  }\n}\n', insertions: [add(['a'], [['y', 2]]), add([], [['b', 3]])] },
        want: '{\n  "a": {\n    "x": 1,\n    "y": 2\n  },\n  "b": 3\n}\n',
      },
    ],
    [
      'CRLF in the new lines of a rewritten map',
      {
        given: { source: '{\r\n  "a": {"x": 1}\r\n}\r\n', insertions: [add(['a'], [['y', { z: 1 }]])], eol: '\r\n' },
        want: '{\r\n  "a": {\r\n    "x": 1,\r\n    "y": {\r\n      "z": 1\r\n    }\r\n  }\r\n}\r\n',
      },
    ],
    [
      'CRLF in the new lines of a map over several lines',
      {
        given: { source: '{\r\n  "a": 1\r\n}\r\n', insertions: [add([], [['b', [1]]])], eol: '\r\n' },
        want: '{\r\n  "a": 1,\r\n  "b": [\r\n    1\r\n  ]\r\n}\r\n',
      },
    ],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => expect(splice(given.source, given.insertions, given.eol)).toBe(want));
  }

  test('no insertions: the text as it was', () => {
    const source = '{"a": {"b": 1}}';
    expect(splice(source, [])).toBe(source);
  });

  // A map on one line inside a map on one line, both receiving entries (a minified spec;
  // `"components": {"schemas": {…}}` on one line): the outer rewrite writes the inner map too,
  // one level deeper, rather than two rewrites over the same text.
  test('a one-line map and a one-line map inside it, both receiving entries', () => {
    const out = splice('{"a": {"b": {}}}', [add(['a', 'b'], [['c', 1]]), add(['a'], [['d', 2]])]);
    expect(JSON.parse(out)).toEqual({ a: { b: { c: 1 }, d: 2 } });
    expect(out).toBe('{"a": {\n  "b": {\n    "c": 1\n  },\n  "d": 2\n}}');
  });

  test('three one-line levels, the outermost receiving entries too', () => {
    const out = splice('{"p": {"q": {"r": {}}}, "z": 0}', [add([], [['n', true]]), add(['p', 'q', 'r'], [['s', 's']])]);
    expect(JSON.parse(out)).toEqual({ p: { q: { r: { s: 's' } } }, z: 0, n: true });
  });
});
