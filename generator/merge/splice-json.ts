/**
 * JSON out by insertion only. A map laid out over several lines gets each new entry on a line
 * of its own, in the file's indentation, the comma moved where JSON wants it; a map on one
 * line (`"responses": {"200": {…}}`, `{}`) is rewritten alone over several lines, its own
 * entries copied as written. Every other line stays as it was.
 */
import { nodeAt, type LocatedMap, type LocatedNode, type LocatedSpec } from './located.js';
import { placeEntries } from './order.js';
import type { Insertion } from './plan.js';
import { applyEdits, type Edit } from './edits.js';

export function spliceJson(source: string, spec: LocatedSpec, insertions: readonly Insertion[], eol: string): string {
  const unit = detectUnit(source);
  const edits: Edit[] = [];
  const byPath = new Map(insertions.map((insertion) => [pathKey(insertion.path), insertion]));
  // Asked for every insertion below it: answered once per map (a root map's text is the whole file).
  const rewrittenMaps = new Map<Insertion, boolean>();
  const rewritten = (insertion: Insertion): boolean => {
    let answer = rewrittenMaps.get(insertion);
    if (answer === undefined) {
      const node = nodeAt(spec.root, insertion.path)!;
      const multiline = node.kind === 'map' && node.entries.length > 0 && source.slice(node.start, node.end).includes('\n');
      answer = !insertion.fill && !multiline;
      rewrittenMaps.set(insertion, answer);
    }
    return answer;
  };
  for (const insertion of insertions) {
    // A map rewritten over several lines writes the maps inside it that receive entries too
    // (a minified spec is one line): their own edits would overlap its.
    const ancestors = insertion.path.map((_, length) => byPath.get(pathKey(insertion.path.slice(0, length))));
    if (ancestors.some((ancestor) => ancestor !== undefined && rewritten(ancestor))) continue;
    const node = nodeAt(spec.root, insertion.path)!;
    const depth = insertion.path.length;
    if (insertion.fill) {
      edits.push({
        start: node.start,
        end: node.end,
        text: jsonValue(Object.fromEntries(insertion.entries), indentOf(source, node), unit, eol),
        depth,
      });
      continue;
    }
    const map = node as LocatedMap;
    if (!rewritten(insertion)) edits.push(...insertLines(source, map, insertion, unit, eol, depth));
    else {
      const text = renderMap(source, map, insertion.path, byPath, indentOf(source, map), unit, eol);
      edits.push({ start: map.start, end: map.end, text, depth });
    }
  }
  return applyEdits(source, edits);
}

function pathKey(path: readonly string[]): string {
  return JSON.stringify(path);
}

const prefixesOf = new WeakMap<ReadonlyMap<string, Insertion>, Set<string>>();

/** The keys of every path an insertion is at or below. */
function onTheWay(byPath: ReadonlyMap<string, Insertion>): Set<string> {
  let prefixes = prefixesOf.get(byPath);
  if (prefixes === undefined) {
    prefixes = new Set();
    for (const { path } of byPath.values())
      for (let length = 0; length <= path.length; length += 1) prefixes.add(pathKey(path.slice(0, length)));
    prefixesOf.set(byPath, prefixes);
  }
  return prefixes;
}

function insertLines(source: string, map: LocatedMap, insertion: Insertion, unit: string, eol: string, depth: number): Edit[] {
  const pad = indentOf(source, map.entries[0]!.keyNode);
  const entryText = ([key, value]: readonly [string, unknown]): string => `${JSON.stringify(key)}: ${jsonValue(value, pad, unit, eol)}`;
  return placeEntries(
    map.entries.map((entry) => entry.key),
    insertion,
  ).map(({ before, entries }) => {
    const lines = entries.map(entryText);
    if (before === 0) {
      const offset = map.entries[0]!.keyNode.start;
      return { start: offset, end: offset, text: lines.map((line) => `${line},${eol}${pad}`).join(''), depth };
    }
    const offset = map.entries[before - 1]!.value.end;
    return { start: offset, end: offset, text: lines.map((line) => `,${eol}${pad}${line}`).join(''), depth };
  });
}

/**
 * A map on one line, over several: its entries as written, the new ones in their place. A map
 * inside it that receives entries (or holds one that does) is written the same way, one level
 * deeper; a null that becomes a map is written as that map.
 */
function renderMap(
  source: string,
  map: LocatedMap,
  path: readonly string[],
  byPath: ReadonlyMap<string, Insertion>,
  close: string,
  unit: string,
  eol: string,
): string {
  const pad = close + unit;
  // Every path on the way to an insertion, made once: a minified spec's root map holds all of them.
  const below = (inner: readonly string[]): boolean => onTheWay(byPath).has(pathKey(inner));
  const own = map.entries.map((entry) => {
    const inner = [...path, entry.key];
    const key = source.slice(entry.keyNode.start, entry.keyNode.end);
    const fill = byPath.get(pathKey(inner));
    if (fill?.fill === true) return `${key}: ${jsonValue(Object.fromEntries(fill.entries), pad, unit, eol)}`;
    if (entry.value.kind === 'map' && below(inner)) return `${key}: ${renderMap(source, entry.value, inner, byPath, pad, unit, eol)}`;
    return source.slice(entry.keyNode.start, entry.value.end);
  });
  const insertion = byPath.get(pathKey(path));
  const groups =
    insertion === undefined
      ? []
      : placeEntries(
          map.entries.map((entry) => entry.key),
          insertion,
        );
  const lines: string[] = [];
  for (let i = 0; i <= own.length; i += 1) {
    for (const group of groups.filter((g) => g.before === i)) {
      for (const [key, value] of group.entries) lines.push(`${JSON.stringify(key)}: ${jsonValue(value, pad, unit, eol)}`);
    }
    if (i < own.length) lines.push(own[i]!);
  }
  if (lines.length === 0) return '{}';
  return `{${eol}${lines.map((line) => pad + line).join(`,${eol}`)}${eol}${close}}`;
}

/** A value as JSON, its later lines indented to sit under a line that starts with `pad`. */
function jsonValue(value: unknown, pad: string, unit: string, eol: string): string {
  return JSON.stringify(value, null, unit).replace(/\n/g, `${eol}${pad}`);
}

/** The white space that starts the line `node` is on. */
function indentOf(source: string, node: LocatedNode): string {
  const start = source.lastIndexOf('\n', node.start - 1) + 1;
  return /^[ \t]*/.exec(source.slice(start, node.start))![0];
}

/** The file's indentation unit: the smallest indentation of a line that has one. */
function detectUnit(source: string): string {
  let best: string | undefined;
  const pattern = /^([ \t]+)\S/gm;
  for (let match = pattern.exec(source); match !== null; match = pattern.exec(source)) {
    if (best === undefined || match[1]!.length < best.length) best = match[1];
  }
  return best ?? '  ';
}
