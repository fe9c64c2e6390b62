/** generator/util/yaml-aliases.ts: aliases bounded by what they expand to, for specs (merge) and catalogs (load). */
import { parseEvents } from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { aliasProblem, aliasProblemOfText } from '../../generator/util/yaml-aliases.js';
import { CatalogError, positionAt } from '../../generator/util/diagnostics.js';
import { parseCatalog } from '../../generator/index.js';
import { MAX_ALIAS_EXPANSION } from '../../generator/util/limits.js';
import type { TestCase } from '../harness/cases.js';

/** `levels` anchors, each a list of two aliases of the one before: about 24 bytes a level, 2^levels nodes. */
function doubling(levels: number): string {
  const lines = ['x-k0: &k0 ["x","x"]'];
  for (let level = 1; level <= levels; level += 1) lines.push(`x-k${level}: &k${level} [*k${level - 1},*k${level - 1}]`);
  return `${lines.join('\n')}\n`;
}

/** The problem of `source` as `line:column message`, or undefined. */
function problemOf(source: string): string | undefined {
  const problem = aliasProblem(source, parseEvents(source, {}));
  if (problem === undefined) return undefined;
  const { line, column } = positionAt(source, problem.offset);
  return `${line}:${column} ${problem.message}`;
}

const EXPANSION = `aliases expand to more than ${MAX_ALIAS_EXPANSION} nodes and characters (limit: ${MAX_ALIAS_EXPANSION})`;

describe('aliasProblem', () => {
  const tests: TestCase<string, string | undefined>[] = [
    ['no aliases', { given: 'a: [1, 2]\nb: {c: d}\n', want: undefined }],
    ['aliases within bounds', { given: 'a: &a {description: shared}\nb: *a\nc: [*a, *a]\n', want: undefined }],
    // Each level doubles: 16 levels stand for 786,388, the 17th's first alias goes past 1,000,000.
    ['a doubling bomb, at the first alias past the limit', { given: doubling(45), want: `18:14 ${EXPANSION}` }],
    ['a doubling bomb that stays under the limit', { given: doubling(16), want: undefined }],
    [
      'one long scalar named many times: its characters count',
      {
        given: `a: &a "${'x'.repeat(20_000)}"\nb: [${Array.from({ length: 60 }, () => '*a').join(', ')}]\n`,
        want: `2:${5 + 4 * 49} ${EXPANSION}`,
      },
    ],
    [
      'more than 100 aliases',
      {
        given: `a: &a 1\nb: [${Array.from({ length: 101 }, () => '*a').join(', ')}]\n`,
        want: `2:405 more than 100 aliases (limit: 100 aliases)`,
      },
    ],
    [
      'an alias inside the map it names',
      { given: 'a: &a\n  b: *a\n', want: '2:6 alias *a is inside the node it names: its data would never end' },
    ],
    [
      'an alias inside the list it names, deeper down',
      { given: 'a: &a [1, [2, *a]]\n', want: '1:15 alias *a is inside the node it names: its data would never end' },
    ],
    // As js-yaml and the yaml library read it: the last anchor of a name before the alias.
    ['an anchor named again inside: the alias names the inner one', { given: 'a: &a [&a 1, *a]\n', want: undefined }],
    ['an alias that names no anchor is left to the parser', { given: 'a: *nothing\n', want: undefined }],
    ['anchors end with their document', { given: '--- &a [1]\n--- [*a]\n', want: undefined }],
  ];
  test.each(tests)('%s', (_name, { given, want }) => {
    expect(problemOf(given)).toBe(want);
  });

  test('aliasProblemOfText reads the events itself, and steps aside where js-yaml cannot read the text', () => {
    expect(aliasProblemOfText('a: &a\n  b: *a\n')?.message).toMatch(/inside the node it names/);
    expect(aliasProblemOfText('a: [1, 2\n')).toBeUndefined();
  });
});

describe('catalogs: the same bound, located in the catalog', () => {
  const diagnosticsOf = (text: string): string[] => {
    try {
      parseCatalog(text, 'c.yaml');
    } catch (error) {
      if (error instanceof CatalogError) return error.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.path}: ${d.message}`);
      throw error;
    }
    return [];
  };
  test('a doubling bomb is refused at its alias, before anything expands it', () => {
    expect(diagnosticsOf(`service: T1\n${doubling(45)}statuses: []\n`)).toEqual([`c.yaml:19:14 (catalog): ${EXPANSION}`]);
  });
  test('a cycle is refused at its alias', () => {
    expect(diagnosticsOf('service: T1\nstatuses:\n  - &self [*self]\n')).toEqual([
      'c.yaml:3:12 (catalog): alias *self is inside the node it names: its data would never end',
    ]);
  });
});
