/** generator/merge/splice-yaml.ts: YAML out by insertion only, every line of the input kept. */
import { load } from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { locateSpec } from '../../generator/merge/located.js';
import { applyPlan, type Insertion } from '../../generator/merge/plan.js';
import { detectIndent, spliceYaml } from '../../generator/merge/splice-yaml.js';
import type { TestCase } from '../harness/cases.js';

type Tree = Record<string, unknown>;

/** `source` spliced with `insertions`; asserts the contract that the text reads back as the data with them applied. */
function splice(source: string, insertions: Insertion[], eol = '\n'): string {
  const merged = applyPlan(load(source) as Tree, { insertions, added: [], attached: 0, skipped: [], problems: [] });
  const out = spliceYaml(source, locateSpec(source), insertions, merged, eol);
  expect(load(out)).toEqual(merged);
  return out;
}

const add = (path: string[], entries: [string, unknown][], inCodeOrder = false): Insertion => ({ path, entries, inCodeOrder, fill: false });
const fill = (path: string[], entries: [string, unknown][]): Insertion => ({ path, entries, inCodeOrder: false, fill: true });
const ref = (name: string) => ({ $ref: `#/components/responses/${name}` });

describe('spliceYaml', () => {
  const tests: TestCase<{ source: string; insertions: Insertion[]; eol?: string }, string>[] = [
    [
      'responses in code order, between and after the existing ones, as the map writes status keys',
      {
        given: {
          source: 'r:\n  200: {}\n  500: {}\n',
          insertions: [
            add(
              ['r'],
              [
                ['404', ref('NF')],
                ['default', ref('D')],
              ],
              true,
            ),
          ],
        },
        want: 'r:\n  200: {}\n  404:\n    $ref: "#/components/responses/NF"\n  500: {}\n  default:\n    $ref: "#/components/responses/D"\n',
      },
    ],
    [
      'a status before the first entry goes on its own line above it, quoted like the other status keys',
      { given: { source: "r:\n  '200': x\n", insertions: [add(['r'], [['100', 1]], true)] }, want: "r:\n  '100': 1\n  '200': x\n" },
    ],
    [
      'double-quoted status keys stay double-quoted',
      { given: { source: 'r:\n  "500": x\n', insertions: [add(['r'], [['404', 1]], true)] }, want: 'r:\n  "404": 1\n  "500": x\n' },
    ],
    [
      'a status key in a map without any is single-quoted',
      { given: { source: 'r:\n  default: x\n', insertions: [add(['r'], [['404', 1]], true)] }, want: "r:\n  '404': 1\n  default: x\n" },
    ],
    [
      'a map that is a sequence item: nothing goes before its first key, on the "- " line',
      {
        given: { source: 'x:\n  - 500: a\n    600: b\n', insertions: [add(['x', '0'], [['404', 1]], true)] },
        want: 'x:\n  - 500: a\n    404: 1\n    600: b\n',
      },
    ],
    [
      'a text without a final line break: the entry goes on a new last line, still without one',
      { given: { source: 'a: 1', insertions: [add([], [['b', { c: [1, 2] }]])] }, want: 'a: 1\nb:\n  c:\n    - 1\n    - 2' },
    ],
    [
      "the file's indentation unit, and empty collections in flow style",
      {
        given: {
          source: 'a:\n    b: 1\n',
          insertions: [
            add(
              ['a'],
              [
                ['c', { d: { e: 'x' } }],
                ['f', []],
                ['g', {}],
              ],
            ),
          ],
        },
        want: 'a:\n    b: 1\n    c:\n        d:\n            e: x\n    f: []\n    g: {}\n',
      },
    ],
    [
      'sequences are indented where the file indents them',
      {
        given: { source: 'a:\n  - x\nb:\n  c: 1\n', insertions: [add(['b'], [['l', ['p']]])] },
        want: 'a:\n  - x\nb:\n  c: 1\n  l:\n    - p\n',
      },
    ],
    [
      'and not where it does not',
      { given: { source: 'a:\n- x\nb:\n  c: 1\n', insertions: [add(['b'], [['l', ['p']]])] }, want: 'a:\n- x\nb:\n  c: 1\n  l:\n  - p\n' },
    ],
    [
      'strings another YAML reader would retype are quoted, in the quotes most of the file uses',
      {
        given: {
          source: "a: 'x'\nb: 'y'\nc: \"z\"\n",
          insertions: [
            add(
              [],
              [
                ['d', 'yes'],
                ['e', '3.0'],
                ['n', 'plain'],
              ],
            ),
          ],
        },
        want: "a: 'x'\nb: 'y'\nc: \"z\"\nd: 'yes'\ne: '3.0'\n'n': plain\n",
      },
    ],
    [
      'double quotes when the file has no majority of single ones',
      { given: { source: 'a: x\n', insertions: [add([], [['d', 'no']])] }, want: 'a: x\nd: "no"\n' },
    ],
    [
      'insertions into several maps at once, the deeper one first at a shared offset',
      {
        given: { source: 'a:\n  b: 1\nz:\n  y: 2\n', insertions: [add(['a'], [['c', 1]]), add([], [['m', 1]]), add(['z'], [['c', 1]])] },
        want: 'a:\n  b: 1\n  c: 1\nz:\n  y: 2\n  c: 1\nm: 1\n',
      },
    ],
    [
      'after a nested value: after its last line',
      { given: { source: 'a:\n  b:\n    c: 1\nd: 2\n', insertions: [add(['a'], [['e', 3]])] }, want: 'a:\n  b:\n    c: 1\n  e: 3\nd: 2\n' },
    ],
    [
      'after a block scalar: after its last line',
      {
        given: { source: 'a:\n  b: |\n    text\n  c: 1\n', insertions: [add(['a'], [['d', 2]])] },
        want: 'a:\n  b: |\n    text\n  c: 1\n  d: 2\n',
      },
    ],
    [
      'a tilde filled: the map goes on the lines after the key, a comment stays on the key line',
      {
        given: { source: 'c: ~  # tilde\nd: 1\n', insertions: [fill(['c'], [['s', { x: 1 }]])] },
        want: 'c: # tilde\n  s:\n    x: 1\nd: 1\n',
      },
    ],
    [
      'a flow map that receives entries is rewritten alone in block style, once for all its insertions',
      {
        given: {
          source: 'p:\n  /a: {get: {responses: {200: {description: ok}}}}  # c\nq: 1\n',
          insertions: [add(['p', '/a', 'get', 'responses'], [['404', ref('NF')]], true), add(['p', '/a', 'get'], [['x', 1]])],
        },
        want: 'p:\n  /a: # c\n    get:\n      responses:\n        "200":\n          description: ok\n        "404":\n          $ref: "#/components/responses/NF"\n      x: 1\nq: 1\n',
      },
    ],
    [
      'an empty flow map at the top level',
      {
        given: { source: 'a: 1\ncomponents: {}\n', insertions: [add(['components'], [['schemas', { E: { type: 'object' } }]])] },
        want: 'a: 1\ncomponents:\n  schemas:\n    E:\n      type: object\n',
      },
    ],
    [
      'a flow map in a sequence keeps its place after the dash',
      { given: { source: 's:\n  - {a: 1}\n', insertions: [add(['s', '0'], [['b', 2]])] }, want: 's:\n  -\n    a: 1\n    b: 2\n' },
    ],
    [
      'a document that is one flow map is written anew',
      { given: { source: '{a: 1, b: {}}\n', insertions: [add(['b'], [['c', 1]])] }, want: 'a: 1\nb:\n  c: 1\n' },
    ],
    [
      'written anew without a final line break when it had none',
      { given: { source: '{a: 1}', insertions: [add([], [['c', 1]])] }, want: 'a: 1\nc: 1' },
    ],
    [
      'CRLF stays CRLF in inserted lines',
      {
        given: { source: 'a: 1\r\nb:\r\n  c: 2\r\n', insertions: [add(['b'], [['d', { e: 1 }]])], eol: '\r\n' },
        want: 'a: 1\r\nb:\r\n  c: 2\r\n  d:\r\n    e: 1\r\n',
      },
    ],
    [
      'CRLF stays CRLF in a rewritten flow map',
      {
        given: { source: 'a: 1\r\nb: {c: 2}\r\n', insertions: [add(['b'], [['d', 1]])], eol: '\r\n' },
        want: 'a: 1\r\nb:\r\n  c: 2\r\n  d: 1\r\n',
      },
    ],
    [
      'CRLF stays CRLF in a document written anew',
      { given: { source: '{a: 1}\r\n', insertions: [add([], [['c', 1]])], eol: '\r\n' }, want: 'a: 1\r\nc: 1\r\n' },
    ],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => expect(splice(given.source, given.insertions, given.eol)).toBe(want));
  }

  test('no insertions: the text as it was', () => {
    const source = 'a: {b: 1}  # kept\n';
    expect(splice(source, [])).toBe(source);
  });

  // An empty value (`components:` alone) ends, in located.ts, before its key's colon: the
  // rewrite must not copy that colon again (`components: :` would not parse).
  test('an empty value filled: `key:` becomes the map on the lines after it', () => {
    expect(splice('c:\nd: 1\n', [fill(['c'], [['s', 1]])])).toBe('c:\n  s: 1\nd: 1\n');
  });
});

describe('detectIndent', () => {
  const tests: TestCase<string, number>[] = [
    ['two spaces', { given: 'a:\n  b:\n    c: 1\n', want: 2 }],
    ['four spaces', { given: 'a:\n    b:\n        c: 1\n', want: 4 }],
    ['the smallest indentation wins', { given: 'a:\n    b: 1\nc:\n   d: 1\n', want: 3 }],
    ['comment lines do not count', { given: '  # note\na:\n    b: 1\n', want: 4 }],
    ['nothing indented: 2', { given: 'a: 1\nb: 2\n', want: 2 }],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => expect(detectIndent(given)).toBe(want));
  }
});
