/** generator/merge/located.ts: the spec's text as a tree of source ranges. */
import { describe, expect, test } from 'vitest';
import { entryOf, locatedDocument, locateSpec, nodeAt, nodesTo, type LocatedNode } from '../../generator/merge/located.js';
import type { TestCase } from '../harness/cases.js';

/** The text of the node at `path` in `source`, and its kind (with its style for scalars). */
function located(source: string, path: readonly string[]): { kind: string; text: string } | undefined {
  const node = nodeAt(locateSpec(source).root, path);
  if (node === undefined) return undefined;
  const kind = node.kind === 'scalar' ? `scalar ${node.style}${node.empty ? ' empty' : ''}` : node.flow ? `${node.kind} flow` : node.kind;
  return { kind, text: source.slice(node.start, node.end) };
}

const SPEC = `openapi: 3.1.0
info:
  title: 'Pets'
  version: "1"
tags:
  - name: a
  - name: b
paths:
  /pets: {get: {responses: {200: {description: ok}}}, post: {}}
components:
empty: ~
list: [1, [2, 3]]
block: |
  line one
  line two
last: end
`;

describe('locateSpec and nodeAt: where each node is', () => {
  const tests: TestCase<string[], { kind: string; text: string } | undefined>[] = [
    ['the root map spans the document', { given: [], want: { kind: 'map', text: SPEC.slice(0, -1) } }],
    ['a plain scalar', { given: ['openapi'], want: { kind: 'scalar plain', text: '3.1.0' } }],
    ['a single-quoted scalar, quotes included', { given: ['info', 'title'], want: { kind: 'scalar single', text: "'Pets'" } }],
    ['a double-quoted scalar, quotes included', { given: ['info', 'version'], want: { kind: 'scalar double', text: '"1"' } }],
    ['a block map ends with its last value', { given: ['info'], want: { kind: 'map', text: 'title: \'Pets\'\n  version: "1"' } }],
    ['a block sequence', { given: ['tags'], want: { kind: 'seq', text: '- name: a\n  - name: b' } }],
    ['a sequence item by index', { given: ['tags', '1', 'name'], want: { kind: 'scalar plain', text: 'b' } }],
    ['an index past the end', { given: ['tags', '2'], want: undefined }],
    [
      'a flow map, closing bracket included',
      { given: ['paths', '/pets'], want: { kind: 'map flow', text: '{get: {responses: {200: {description: ok}}}, post: {}}' } },
    ],
    ['a nested flow map', { given: ['paths', '/pets', 'get', 'responses'], want: { kind: 'map flow', text: '{200: {description: ok}}' } }],
    ['an empty flow map', { given: ['paths', '/pets', 'post'], want: { kind: 'map flow', text: '{}' } }],
    [
      'a key that is a number is found by its text',
      { given: ['paths', '/pets', 'get', 'responses', '200', 'description'], want: { kind: 'scalar plain', text: 'ok' } },
    ],
    ['an empty value has no text', { given: ['components'], want: { kind: 'scalar plain empty', text: '' } }],
    ['a tilde is a plain scalar', { given: ['empty'], want: { kind: 'scalar plain', text: '~' } }],
    ['a flow sequence and one inside it', { given: ['list'], want: { kind: 'seq flow', text: '[1, [2, 3]]' } }],
    ['an item of the inner sequence', { given: ['list', '1', '0'], want: { kind: 'scalar plain', text: '2' } }],
    ['a block scalar is a scalar of style block', { given: ['block'], want: { kind: 'scalar block', text: '  line one\n  line two\n' } }],
    ['the entry after a block scalar', { given: ['last'], want: { kind: 'scalar plain', text: 'end' } }],
    ['a key that is not there', { given: ['info', 'summary'], want: undefined }],
    ['a path through a scalar', { given: ['openapi', 'x'], want: undefined }],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => expect(located(SPEC, given)).toEqual(want));
  }
});

describe('locateSpec: other nodes', () => {
  const tests: TestCase<{ source: string; path: string[] }, { kind: string; text: string } | undefined>[] = [
    ['an alias covers the star and its name', { given: { source: 'a: &x 1\nb: *x\n', path: ['b'] }, want: { kind: 'alias', text: '*x' } }],
    [
      'a tagged node starts at its tag',
      { given: { source: 'a: !!str 5\n', path: ['a'] }, want: { kind: 'scalar plain', text: '!!str 5' } },
    ],
    [
      'a comment with a bracket inside a flow map does not close it',
      {
        given: { source: 'a: {b: 1, # not } this\n  c: 2\n  }\nd: 3\n', path: ['a'] },
        want: { kind: 'map flow', text: '{b: 1, # not } this\n  c: 2\n  }' },
      },
    ],
    [
      'JSON: every collection is flow',
      { given: { source: '{"a": {"b": [1]}}', path: ['a'] }, want: { kind: 'map flow', text: '{"b": [1]}' } },
    ],
    [
      'JSON: keys are double-quoted scalars',
      { given: { source: '{"a": "x"}', path: ['a'] }, want: { kind: 'scalar double', text: '"x"' } },
    ],
    ['a document that is a scalar', { given: { source: 'hello\n', path: [] }, want: { kind: 'scalar plain', text: 'hello' } }],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => expect(located(given.source, given.path)).toEqual(want));
  }

  // js-yaml's anchorStart is the first character of the anchor's name, past the `&`: an
  // anchored node must start at the `&`, or merging into `components: &c {…}` leaves it behind.
  test('an anchored node starts at its anchor (the "&")', () => {
    expect(located('a: &x {b: 1}\n', ['a'])).toEqual({ kind: 'map flow', text: '&x {b: 1}' });
  });

  test('keys: their offsets, and a key that is not a scalar gets a name no field has', () => {
    const source = 'x: 1\n"y": 2\n? [a, b]\n: 3\n';
    const root = locateSpec(source).root;
    expect(root.kind).toBe('map');
    if (root.kind !== 'map') return;
    expect(root.entries.slice(0, 2).map((e) => [e.key, source.slice(e.keyNode.start, e.keyNode.end), e.keyNode.style])).toEqual([
      ['x', 'x', 'plain'],
      ['y', '"y"', 'double'],
    ]);
    expect(root.entries[2]!.key).toBe('\u0000complex key');
    expect(root.entries[2]!.keyNode.start).toBe(source.indexOf('['));
  });

  test('an alias as a key has the key its anchored scalar has; one naming a collection gets the name no field has', () => {
    const source = 'a: &k components\nb: &c [1]\n*k : 1\n*c : 2\n';
    const root = locateSpec(source).root;
    if (root.kind !== 'map') throw new Error('not a map');
    expect(root.entries.map((e) => [e.key, source.slice(e.keyNode.start, e.keyNode.end)])).toEqual([
      ['a', 'a'],
      ['b', 'b'],
      ['components', '*k'],
      ['\u0000complex key', '*c'],
    ]);
    expect(located(source, ['components'])).toEqual({ kind: 'scalar plain', text: '1' });
  });

  test('counts quoted scalars of each kind, keys included', () => {
    expect(locateSpec(`'a': "b"\nc: 'd'\ne: f\n`).quotes).toEqual({ single: 2, double: 1 });
    expect(locateSpec('{"a": "b", "c": 1}').quotes).toEqual({ single: 0, double: 3 });
  });

  test('a text without a document is refused', () => {
    expect(() => locateSpec('')).toThrow(/no document/);
    expect(() => locateSpec('# only a comment\n')).toThrow(/no document/);
  });

  test('only the first document is the root', () => {
    expect(located('a: 1\n---\nb: 2\n', ['a'])).toEqual({ kind: 'scalar plain', text: '1' });
    expect(located('a: 1\n---\nb: 2\n', ['b'])).toBeUndefined();
  });
});

describe('entryOf', () => {
  test('finds an entry of a large map by key, the first of a name, and sees entries added later', () => {
    const source = Array.from({ length: 5000 }, (_, i) => `k${i}: ${i}\n`).join('');
    const root = locateSpec(source).root;
    if (root.kind !== 'map') throw new Error('not a map');
    expect(entryOf(root, 'k4999')?.value).toBe(root.entries[4999]!.value);
    expect(entryOf(root, 'k5000')).toBeUndefined();
    const later = { key: 'k5000', keyNode: root.entries[0]!.keyNode, value: root.entries[0]!.value };
    root.entries.push(later, { ...later, value: root.entries[1]!.value });
    expect(entryOf(root, 'k5000')).toBe(later);
  });
});

describe('nodesTo', () => {
  const root = locateSpec('a:\n  b:\n    c: 1\n').root;
  const kinds = (nodes: LocatedNode[]): string[] => nodes.map((n) => n.kind);
  const tests: TestCase<string[], string[]>[] = [
    ['the root alone for the empty path', { given: [], want: ['map'] }],
    ['every node on the way, the root first', { given: ['a', 'b', 'c'], want: ['map', 'map', 'map', 'scalar'] }],
    ['as far as the path exists', { given: ['a', 'x', 'c'], want: ['map', 'map'] }],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => expect(kinds(nodesTo(root, given))).toEqual(want));
  }

  test('the nodes are the ones nodeAt finds', () => {
    expect(nodesTo(root, ['a', 'b'])).toEqual([root, nodeAt(root, ['a']), nodeAt(root, ['a', 'b'])]);
  });
});

describe('locatedDocument', () => {
  const source = 'openapi: 3.1.0\npaths:\n  /pets:\n    get: {}\n';
  const document = locatedDocument('spec.yaml', source, () => locateSpec(source));
  const tests: TestCase<{ path: string[]; key?: boolean }, { line: number; column: number }>[] = [
    ['a written value', { given: { path: ['paths', '/pets', 'get'] }, want: { line: 4, column: 10 } }],
    ['its key', { given: { path: ['paths', '/pets', 'get'], key: true }, want: { line: 4, column: 5 } }],
    [
      'a path not written: its closest written ancestor (a block map starts at its first key)',
      { given: { path: ['paths', '/pets', 'post', 'responses'] }, want: { line: 4, column: 5 } },
    ],
    [
      'the key of a path not written: the key of its closest written ancestor',
      { given: { path: ['paths', 'x'], key: true }, want: { line: 2, column: 1 } },
    ],
    ['the key of the root: the root', { given: { path: [], key: true }, want: { line: 1, column: 1 } }],
    ['the root', { given: { path: [] }, want: { line: 1, column: 1 } }],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => expect(document.positionOf(given.path, given.key)).toEqual(want));
  }

  test('names the file', () => expect(document.file).toBe('spec.yaml'));
});
