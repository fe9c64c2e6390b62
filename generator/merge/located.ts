/**
 * The spec's YAML (or JSON) as a tree of source ranges: for every map its entries with the
 * offsets of their keys, for every node where it starts and ends. Built from js-yaml's event
 * stream (one pass, no syntax tree of values), so that merge can splice text in at the right
 * place and report a problem at its line and column. Values are read elsewhere (js-yaml's load).
 */
import { EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE, type Event } from 'js-yaml';
import { positionsIn, type LocatedDocument } from '../util/diagnostics.js';
import { MAX_NESTING } from '../util/limits.js';

interface Range {
  /** Offset of the node's first character (its anchor or tag when it has one). */
  readonly start: number;
  /** Offset just past its last character (a flow collection's closing bracket included). */
  end: number;
  /** Flow style: `{…}` or `[…]`; every collection of a JSON file. */
  readonly flow: boolean;
}

export interface LocatedEntry {
  readonly key: string;
  readonly keyNode: LocatedScalar;
  value: LocatedNode;
}
export interface LocatedMap extends Range {
  readonly kind: 'map';
  readonly entries: LocatedEntry[];
}
export interface LocatedSeq extends Range {
  readonly kind: 'seq';
  readonly items: LocatedNode[];
}
export interface LocatedScalar extends Range {
  readonly kind: 'scalar';
  readonly style: 'plain' | 'single' | 'double' | 'block';
  /** Nothing written: an empty value (`key:` alone). */
  readonly empty: boolean;
}
export interface LocatedAlias extends Range {
  readonly kind: 'alias';
}
export type LocatedNode = LocatedMap | LocatedSeq | LocatedScalar | LocatedAlias;

export interface LocatedSpec {
  readonly root: LocatedNode;
  /** How many quoted scalars of each kind the file has: new text quotes like the majority. */
  readonly quotes: { readonly single: number; readonly double: number };
}

const STYLES = {
  [SCALAR_STYLE.PLAIN]: 'plain',
  [SCALAR_STYLE.SINGLE_QUOTED]: 'single',
  [SCALAR_STYLE.DOUBLE_QUOTED]: 'double',
  [SCALAR_STYLE.LITERAL_BLOCK]: 'block',
  [SCALAR_STYLE.FOLDED_BLOCK]: 'block',
} as const;

/**
 * Where every node of `source` sits. The text has already been read by js-yaml, so it parses;
 * `events` are js-yaml's events of it when they are at hand.
 */
export function locateSpec(source: string, events: readonly Event[] = parseEvents(source, { maxDepth: MAX_NESTING })): LocatedSpec {
  const quotes = { single: 0, double: 0 };
  let root: LocatedNode | undefined;
  // Open collections, innermost last; a map's key waits here for its value.
  const open: { node: LocatedMap | LocatedSeq; key?: { text: string; node: LocatedScalar } | undefined }[] = [];
  // Just past the last token read: where a flow collection's closing bracket is looked for.
  let cursor = 0;
  // The value of each anchored scalar, for an alias used as a key (`*name :`); a collection has none.
  const anchoredScalars = new Map<string, string | undefined>();

  /** Whether the next node placed is a map's key. */
  const atKey = (): boolean => {
    const parent = open.at(-1);
    return parent?.node.kind === 'map' && parent.key === undefined;
  };
  /** `keyText`: the key `node` stands for, when it is one; a key that is not a scalar (`? [a, b]`) gets a name no OpenAPI field has. */
  const place = (node: LocatedNode, keyText: string | undefined): void => {
    const parent = open.at(-1);
    if (parent === undefined) {
      root ??= node;
      return;
    }
    if (parent.node.kind === 'seq') {
      parent.node.items.push(node);
    } else if (parent.key === undefined) {
      parent.key = {
        text: keyText ?? '\u0000complex key',
        node:
          node.kind === 'scalar' ? node : { kind: 'scalar', start: node.start, end: node.end, flow: false, style: 'plain', empty: false },
      };
    } else {
      parent.node.entries.push({ key: parent.key.text, keyNode: parent.key.node, value: node });
      parent.key = undefined;
    }
  };
  // js-yaml's anchorStart is just past the `&` (its tagStart is at the `!`).
  const startOf = (event: { anchorStart: number; tagStart: number }, own: number): number =>
    Math.min(...[own, event.anchorStart < 0 ? -1 : event.anchorStart - 1, event.tagStart].filter((offset) => offset >= 0));

  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const flow = event.style === 2;
        const start = startOf(event, event.start);
        const node: LocatedMap | LocatedSeq =
          event.type === EVENT_ID.MAPPING
            ? { kind: 'map', start, end: start, flow, entries: [] }
            : { kind: 'seq', start, end: start, flow, items: [] };
        if (event.anchorStart >= 0) anchoredScalars.set(source.slice(event.anchorStart, event.anchorEnd), undefined);
        place(node, undefined);
        open.push({ node });
        cursor = flow ? event.start + 1 : event.start;
        break;
      }
      case EVENT_ID.SCALAR: {
        const style = STYLES[event.style];
        const quoted = style === 'single' || style === 'double';
        if (style === 'single') quotes.single += 1;
        if (style === 'double') quotes.double += 1;
        const empty = event.valueStart < 0;
        const valueStart = empty ? cursor : event.valueStart;
        const end = empty ? cursor : quoted ? event.valueEnd + 1 : event.valueEnd;
        const node: LocatedScalar = {
          kind: 'scalar',
          start: startOf(event, quoted ? valueStart - 1 : valueStart),
          end,
          flow: false,
          style,
          empty,
        };
        const anchored = event.anchorStart >= 0;
        const value = anchored || atKey() ? getScalarValue(source, event) : undefined;
        if (anchored) anchoredScalars.set(source.slice(event.anchorStart, event.anchorEnd), value);
        place(node, value);
        cursor = Math.max(cursor, end);
        break;
      }
      case EVENT_ID.ALIAS: {
        const node: LocatedAlias = { kind: 'alias', start: event.anchorStart - 1, end: event.anchorEnd, flow: false };
        place(node, anchoredScalars.get(source.slice(event.anchorStart, event.anchorEnd)));
        cursor = event.anchorEnd;
        break;
      }
      case EVENT_ID.POP: {
        const closed = open.pop();
        if (closed === undefined) {
          break;
        }
        const node = closed.node;
        node.end = node.flow ? closingBracket(source, cursor) : Math.max(cursor, node.start);
        cursor = node.end;
        break;
      }
    }
  }
  if (root === undefined) throw new Error('locateSpec: the spec has no document');
  return { root, quotes };
}

/** Just past the `}` or `]` that closes a flow collection whose content ends before `from`. */
function closingBracket(source: string, from: number): number {
  let at = from;
  while (at < source.length) {
    const ch = source[at]!;
    if (ch === '}' || ch === ']') return at + 1;
    if (ch === '#') {
      const newline = source.indexOf('\n', at);
      at = newline === -1 ? source.length : newline;
      continue;
    }
    at += 1;
  }
  return source.length;
}

/** Each map's entries by key, made on the first lookup: a spec's `paths` can hold tens of thousands. */
const entriesByKey = new WeakMap<LocatedMap, { readonly indexed: number; readonly byKey: Map<string, LocatedEntry> }>();

/** The entry of `map` for `key` (the first, as a search would find it), in constant time. */
export function entryOf(map: LocatedMap, key: string): LocatedEntry | undefined {
  let index = entriesByKey.get(map);
  if (index?.indexed !== map.entries.length) {
    const byKey = new Map<string, LocatedEntry>();
    for (const entry of map.entries) if (!byKey.has(entry.key)) byKey.set(entry.key, entry);
    index = { indexed: map.entries.length, byKey };
    entriesByKey.set(map, index);
  }
  return index.byKey.get(key);
}

/** The node at `path` (keys of maps, indexes of sequences), or undefined. */
export function nodeAt(root: LocatedNode, path: readonly string[]): LocatedNode | undefined {
  let node: LocatedNode | undefined = root;
  for (const segment of path) {
    if (node?.kind === 'map') node = entryOf(node, segment)?.value;
    else if (node?.kind === 'seq') node = node.items[Number(segment)];
    else return undefined;
  }
  return node;
}

/** Each node on the way to `path`, the root first (as far as the path exists). */
export function nodesTo(root: LocatedNode, path: readonly string[]): LocatedNode[] {
  const out: LocatedNode[] = [root];
  for (let i = 1; i <= path.length; i += 1) {
    const node = nodeAt(root, path.slice(0, i));
    if (node === undefined) break;
    out.push(node);
  }
  return out;
}

/**
 * The spec `file` as diagnostics see it: a path places a problem at its node, or at the closest
 * ancestor that is written; with `key`, at the key of that node when it is a map's entry (as
 * catalogs place them). `locate` is asked on the first lookup.
 */
export function locatedDocument(file: string, source: string, locate: () => LocatedSpec): LocatedDocument {
  const at = positionsIn(source);
  return {
    file,
    positionOf(path, key = false) {
      const { root } = locate();
      const segments = path.map(String);
      for (let depth = segments.length; depth >= 0; depth -= 1) {
        const node = nodeAt(root, segments.slice(0, depth));
        if (node === undefined) continue;
        const parent = key && depth > 0 ? nodeAt(root, segments.slice(0, depth - 1)) : undefined;
        const keyNode = parent?.kind === 'map' ? entryOf(parent, segments[depth - 1]!)?.keyNode : undefined;
        return at((keyNode ?? node).start);
      }
      return at(0);
    },
  };
}
