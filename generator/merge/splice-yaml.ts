/**
 * YAML out by insertion only. New entries of a block map are rendered on their own and put
 * into the text after the entry they follow, at the map's indentation; every line of the
 * input stays as it was, in order. A flow collection (`{…}`) cannot take block entries: the
 * outermost one that must receive entries is rewritten alone, in block style like its
 * neighbours, and so is an empty value (`components:` or `~`) that becomes a map.
 * New text is written by js-yaml's dump (strings a YAML 1.1 or 1.2 reader would take for
 * another type are quoted) in the file's indentation and quotes.
 */
import { dump } from 'js-yaml';
import { nodeAt, type LocatedMap, type LocatedNode, type LocatedSpec } from './located.js';
import { placeEntries } from './order.js';
import type { Insertion } from './plan.js';
import { applyEdits, type Edit } from './edits.js';

interface Style {
  readonly indent: number;
  readonly seqNoIndent: boolean;
  readonly quoteStyle: 'single' | 'double';
  readonly flowBracketPadding: boolean;
}

/** The merged text: `source` with every insertion made; `merged` is the data it must read back as. */
export function spliceYaml(source: string, spec: LocatedSpec, insertions: readonly Insertion[], merged: unknown, eol: string): string {
  const style = yamlStyle(source, spec);
  const edits: Edit[] = [];
  const rewritten = new Set<LocatedNode>();
  // Attaching gives thousands of operations the same entries: each is dumped once.
  const rendered = new Map<string, string>();
  const once = (id: string, make: () => string): string => {
    let text = rendered.get(id);
    if (text === undefined) rendered.set(id, (text = make()));
    return text;
  };
  const render: Render = {
    key: (key) => once(`key\u0000${key}`, () => dump(key, dumpOptions(style)).trimEnd()),
    entry: (key, value, column) =>
      once(`${column}\u0000${key}\u0000${JSON.stringify(value)}`, () => renderEntry(key, value, column, style)),
  };
  for (const insertion of insertions) {
    const chain = [spec.root];
    for (let i = 1; i <= insertion.path.length; i += 1) chain.push(nodeAt(spec.root, insertion.path.slice(0, i))!);
    const flowAt = chain.findIndex((node) => node.flow);
    const at = flowAt !== -1 ? flowAt : insertion.fill ? chain.length - 1 : -1;
    if (at === 0) return dumpWhole(merged, style, source, eol);
    if (at !== -1) {
      const node = chain[at]!;
      if (rewritten.has(node)) continue;
      rewritten.add(node);
      const path = insertion.path.slice(0, at);
      edits.push(rewrite(source, chain[at - 1]!, node, valueAt(merged, path), style, at));
      continue;
    }
    edits.push(...insert(source, chain.at(-1) as LocatedMap, insertion, render));
  }
  // New text takes the file's line breaks (CRLF stays CRLF).
  return applyEdits(source, eol === '\n' ? edits : edits.map((edit) => ({ ...edit, text: edit.text.replace(/\n/g, eol) })));
}

function valueAt(data: unknown, path: readonly string[]): unknown {
  let value = data;
  for (const segment of path) value = (value as Record<string, unknown>)[segment];
  return value;
}

const lineStart = (source: string, offset: number): number => source.lastIndexOf('\n', offset - 1) + 1;
/** Just past the line break ending the line that holds the character before `offset`. */
const lineEnd = (source: string, offset: number): number => {
  const newline = source.indexOf('\n', Math.max(offset - 1, 0));
  return newline === -1 ? source.length : newline + 1;
};

/** New text as dump writes it, each piece made once: a key, and `key: value` at `column` (renderEntry). */
interface Render {
  key(key: string): string;
  entry(key: string, value: unknown, column: number): string;
}

/** New entries of a block map, each group after the entry it follows. */
function insert(source: string, map: LocatedMap, insertion: Insertion, render: Render): Edit[] {
  const first = map.entries[0]!.keyNode.start;
  const column = first - lineStart(source, first);
  // The first key alone on its line (not after `- ` or `? `): a group may go before it.
  const firstOwnsLine = source.slice(lineStart(source, first), first).trim() === '';
  const keys = map.entries.map((entry) => entry.key);
  return placeEntries(keys, insertion).map(({ before, entries }) => {
    const atStart = before === 0 && firstOwnsLine;
    const offset = atStart ? lineStart(source, first) : lineEnd(source, map.entries[Math.max(before, 1) - 1]!.value.end);
    let text = entries.map(([key, value]) => render.entry(keyText(key, map, insertion, render), value, column)).join('');
    if (offset === source.length && !source.endsWith('\n')) text = `\n${text.replace(/\n$/, '')}`;
    return { start: offset, end: offset, text, depth: insertion.path.length };
  });
}

/**
 * A response key written like the map's other status keys: `404:` where they are plain
 * numbers, quoted the same way where they are quoted, single-quoted in a map without any.
 */
function keyText(key: string, map: LocatedMap, insertion: Insertion, render: Render): string {
  if (!insertion.inCodeOrder || !/^\d{3}$/.test(key)) return render.key(key);
  const status = map.entries.find((entry) => /^\d{3}$/.test(entry.key));
  const written = status?.keyNode.style;
  if (written === 'plain') return key;
  return written === 'double' ? `"${key}"` : `'${key}'`;
}

/** `key: value` at `column`, in block style, ending in a line break. */
function renderEntry(key: string, value: unknown, column: number, style: Style): string {
  const pad = ' '.repeat(column);
  const nested = value !== null && typeof value === 'object' && Object.keys(value).length > 0;
  if (!nested) return `${pad}${key}: ${dump(value, dumpOptions(style)).trimEnd()}\n`;
  const childPad = Array.isArray(value) && style.seqNoIndent ? pad : pad + ' '.repeat(style.indent);
  return `${pad}${key}:\n${indentLines(dump(value, dumpOptions(style)), childPad)}`;
}

function indentLines(text: string, pad: string): string {
  return text.replace(/^(?=.)/gm, pad);
}

/**
 * `node` (a flow collection or an empty value, the value of the last entry of `parent` on
 * the way) replaced by `value` in block style, on the lines after its key. A comment that
 * followed it on its line stays on the key's line.
 */
function rewrite(source: string, parent: LocatedNode, node: LocatedNode, value: unknown, style: Style, depth: number): Edit {
  // An empty value has no text of its own: it sits before its key's colon, so what follows
  // it on the line (a comment) is read from after the colon.
  const afterColon = node.kind === 'scalar' && node.empty ? source.indexOf(':', node.start) + 1 : undefined;
  let start = afterColon ?? node.start;
  while (start > 0 && (source[start - 1] === ' ' || source[start - 1] === '\t')) start -= 1;
  const newline = source.indexOf('\n', afterColon ?? node.end);
  let end = newline === -1 ? source.length : newline;
  if (source[end - 1] === '\r') end -= 1;
  const rest = source.slice(afterColon ?? node.end, end).trim();
  let column: number;
  if (parent.kind === 'map') {
    const key = parent.entries[0]!.keyNode.start;
    column = key - lineStart(source, key) + style.indent;
  } else {
    column = node.start - lineStart(source, node.start);
  }
  const block = indentLines(dump(value, dumpOptions(style)), ' '.repeat(column)).replace(/\n$/, '');
  return { start, end, text: `${rest === '' ? '' : ` ${rest}`}\n${block}`, depth };
}

/** A document that is one flow collection has no lines to keep: it is written anew. */
function dumpWhole(merged: unknown, style: Style, source: string, eol: string): string {
  const text = dump(merged, dumpOptions(style));
  const out = source.endsWith('\n') ? text : text.replace(/\n$/, '');
  return eol === '\n' ? out : out.replace(/\n/g, eol);
}

function dumpOptions(style: Style) {
  return {
    noRefs: true,
    lineWidth: -1,
    indent: style.indent,
    seqNoIndent: style.seqNoIndent,
    quoteStyle: style.quoteStyle,
    flowBracketPadding: style.flowBracketPadding,
  } as const;
}

/** How the file writes YAML, so that what the merge adds reads like the rest of it. */
function yamlStyle(source: string, spec: LocatedSpec): Style {
  const padded = (source.match(/[[{] [^\s\]}]/g) ?? []).length;
  const tight = (source.match(/[[{][^\s\]}]/g) ?? []).length;
  return {
    indent: Math.max(detectIndent(source), 1),
    // A sequence item at its key's indentation means the file does not indent sequences.
    seqNoIndent: /^( *)[^\s#-][^\n]*:\s*\n\1- /m.test(source),
    quoteStyle: spec.quotes.single > spec.quotes.double ? 'single' : 'double',
    flowBracketPadding: padded >= tight,
  };
}

/** The file's indentation unit: the smallest indentation of a line that has one, comment lines aside. */
export function detectIndent(source: string): number {
  let best = Number.POSITIVE_INFINITY;
  const pattern = /^( +)[^\s#]/gm;
  for (let match = pattern.exec(source); match !== null; match = pattern.exec(source)) best = Math.min(best, match[1]!.length);
  return Number.isFinite(best) ? best : 2;
}
