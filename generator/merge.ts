/**
 * Merge stage: puts the catalog's components (built for the spec's OpenAPI version) into a
 * user's spec, and optionally attaches catalog responses to its operations. Works on the
 * yaml library's Document, never parse-then-stringify, so everything of the user's (order,
 * comments, quoting, blank lines) stays as it was. JSON specs are written back as JSON:
 * untouched parts verbatim, new parts in the file's own indentation.
 *
 * Text in, text out: reading and writing files is the CLI's and the writer's business.
 */
import { isDeepStrictEqual } from 'node:util';
import {
  Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  Scalar,
  YAMLMap,
  type Node,
  type Pair,
} from 'yaml';
import { CatalogError, type Diagnostic } from './diagnostics.js';
import { buildOpenApiDocument, DEFAULT_ERROR_RESPONSE, type OpenApiVersion } from './emit/openapi.js';
import type { CatalogModel } from './model.js';

export interface MergeOptions {
  /** Statuses whose catalog response every operation gets, unless it answers them already. */
  readonly attach?: readonly number[];
  /** Give every operation without a `default` response the catalog's DefaultError. */
  readonly attachDefault?: boolean;
  /** Prepended to the name of every component the catalog adds (and to the `$ref`s to them). */
  readonly prefix?: string;
}

export interface MergeResult {
  /** The merged spec; byte-identical to the input when nothing had to change. */
  readonly text: string;
  readonly changed: boolean;
  /** JSON pointers of the components added. */
  readonly added: readonly string[];
  /** How many responses were attached to operations. */
  readonly attached: number;
  readonly version: OpenApiVersion;
}

const SECTIONS = ['schemas', 'responses', 'headers', 'examples'] as const;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const COMPONENT_NAME = /^[A-Za-z0-9._-]+$/;

/** Merges the catalog into spec text; `file` names the spec in errors and picks JSON output for `.json`. */
export function mergeSpec(text: string, file: string, model: CatalogModel, options: MergeOptions = {}): MergeResult {
  const prefix = options.prefix ?? '';
  if (prefix !== '' && !COMPONENT_NAME.test(prefix)) {
    throw specError(file, 0, 0, '(options)', `--prefix ${JSON.stringify(prefix)}: component names allow letters, digits, ".", "_" and "-"`);
  }
  const isJson = /\.json$/i.test(file) || /^\s*\{/.test(text);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.startsWith('\uFEFF') ? text.slice(1) : text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    keepSourceTokens: true,
    // Problems are errors, reported as such; nothing is printed on the side.
    logLevel: 'error',
  });
  const at = (offset: number): { line: number; col: number } => lineCounter.linePos(offset);
  const firstError = doc.errors[0];
  if (firstError !== undefined) {
    const { line, col } = at(firstError.pos[0]);
    throw specError(file, line, col, '(spec)', firstError.message.split('\n', 1)[0]!);
  }
  if (!isMap(doc.contents)) throw specError(file, 1, 1, '(spec)', 'an OpenAPI document is a mapping');
  const versionNode = doc.get('openapi', true);
  const versionText = isScalar(versionNode) ? String(versionNode.value) : '';
  const version: OpenApiVersion | undefined = /^3\.0\.\d+$/.test(versionText) ? '3.0' : /^3\.1\.\d+$/.test(versionText) ? '3.1' : undefined;
  if (version === undefined) {
    const { line, col } = at((versionNode as Node | undefined)?.range?.[0] ?? 0);
    throw specError(file, line, col, 'openapi', `unsupported version ${JSON.stringify(versionText)}: merge takes OpenAPI 3.0.x and 3.1.x`);
  }

  const notMap = (node: Node): never => {
    const { line, col } = at(node.range?.[0] ?? 0);
    throw specError(file, line, col, '(spec)', 'expected a mapping here; merge does not replace content of the spec');
  };
  const ours = prefixed(buildOpenApiDocument(model, version).components as Record<string, Record<string, unknown>>, prefix);
  const dirty = new Set<unknown>();
  const added: string[] = [];
  const clashes: Diagnostic[] = [];

  // Components: add what is missing, accept what is identical, refuse what differs.
  const root = doc.contents;
  for (const section of SECTIONS) {
    for (const [name, value] of Object.entries(ours[section] ?? {})) {
      const existing = doc.getIn(['components', section, name], true) as Node | undefined;
      const pointer = `#/components/${section}/${name}`;
      if (existing !== undefined) {
        if (!isDeepStrictEqual(existing.toJSON(), value)) {
          const { line, col } = at(existing.range?.[0] ?? 0);
          clashes.push({
            file,
            line,
            column: col,
            path: pointer,
            message: `the spec has a different ${section.slice(0, -1)} of this name; --prefix namespaces the catalog's components`,
          });
        }
        continue;
      }
      const components = childMap(doc, root, 'components', dirty, notMap);
      const target = childMap(doc, components, section, dirty, notMap);
      target.add(doc.createPair(name, value, { aliasDuplicateObjects: false }));
      added.push(pointer);
    }
  }
  if (clashes.length > 0) throw new CatalogError(clashes);

  // Attach catalog responses to operations that do not answer the status.
  const attachments = [...new Set(options.attach ?? [])].sort((a, b) => a - b).map((status) => {
    const status_ = model.statuses.find((s) => s.status === status);
    if (status_ === undefined) throw specError(file, 0, 0, '(options)', `--attach ${status}: the catalog has no status ${status}`);
    return { key: String(status), ref: `#/components/responses/${prefix}${status_.name}` };
  });
  if (options.attachDefault === true) attachments.push({ key: 'default', ref: `#/components/responses/${prefix}${DEFAULT_ERROR_RESPONSE}` });
  let attached = 0;
  if (attachments.length > 0) {
    for (const operation of operationsOf(doc, version)) {
      const responses = childMap(doc, operation, 'responses', dirty, notMap);
      for (const { key, ref } of attachments) {
        if (hasResponse(responses, key)) continue;
        insertResponse(doc, responses, key, ref);
        attached += 1;
      }
    }
  }

  if (added.length === 0 && attached === 0) return { text, changed: false, added, attached, version };
  markAncestors(root, dirty);
  const merged = isJson ? printJson(doc, text, dirty) : printYaml(doc, text);
  return { text: merged, changed: merged !== text, added, attached, version };
}

function specError(file: string, line: number, column: number, path: string, message: string): CatalogError {
  return new CatalogError([{ file, line, column, path, message }]);
}

/** Our components with every name and every `$ref` to them prefixed. */
function prefixed(components: Record<string, Record<string, unknown>>, prefix: string): Record<string, Record<string, unknown>> {
  if (prefix === '') return components;
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] =
        key === '$ref' && typeof item === 'string'
          ? item.replace(/^#\/components\/(\w+)\//, (_whole, section: string) => `#/components/${section}/${prefix}`)
          : rewrite(item);
    }
    return out;
  };
  const out: Record<string, Record<string, unknown>> = {};
  for (const [section, entries] of Object.entries(components)) {
    out[section] = Object.fromEntries(Object.entries(entries).map(([name, value]) => [prefix + name, rewrite(value)]));
  }
  return out;
}

/**
 * The map under `key` of `parent`, created (empty, block style) when absent. Anything else
 * there is the spec's own content, not to be replaced: `notMap` reports it.
 */
function childMap(doc: Document, parent: YAMLMap, key: string, dirty: Set<unknown>, notMap: (node: Node) => never): YAMLMap {
  const existing: unknown = parent.get(key, true);
  let child: YAMLMap;
  if (isMap(existing)) child = existing;
  else if (existing !== undefined && !(isScalar(existing) && existing.value === null)) notMap(existing as Node);
  else {
    child = doc.createNode({});
    parent.set(key, child);
  }
  // An empty flow map (`components: {}`) would keep every added entry on one line.
  if (child.flow === true && child.items.length === 0) child.flow = false;
  dirty.add(child);
  dirty.add(parent);
  return child;
}

/** Every operation object: paths, and (3.1) webhooks. Path items given by `$ref` are not ours to change. */
function* operationsOf(doc: Document, version: OpenApiVersion): Generator<YAMLMap> {
  for (const section of version === '3.1' ? ['paths', 'webhooks'] : ['paths']) {
    const items = doc.get(section, true);
    if (!isMap(items)) continue;
    for (const pair of items.items) {
      const item = pair.value;
      if (!isMap(item) || item.has('$ref')) continue;
      for (const method of METHODS) {
        const operation = item.get(method, true);
        if (isMap(operation)) yield operation;
      }
    }
  }
}

function keyText(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

function hasResponse(responses: YAMLMap, key: string): boolean {
  return responses.items.some((pair) => keyText(pair) === key);
}

/**
 * Adds `key: { $ref }` among the responses in code order (`default` and ranges stay after),
 * with a key written like the map's other status keys: `404:` where they are plain numbers,
 * quoted the same way where they are quoted, single-quoted in a map without any.
 */
function insertResponse(doc: Document, responses: YAMLMap, key: string, ref: string): void {
  const numeric = responses.items.find((pair) => /^\d{3}$/.test(keyText(pair)));
  let keyNode: Scalar;
  if (key === 'default') keyNode = new Scalar('default');
  else if (numeric !== undefined && isScalar(numeric.key) && typeof numeric.key.value === 'number') keyNode = new Scalar(Number(key));
  else {
    keyNode = new Scalar(key);
    keyNode.type = numeric !== undefined && isScalar(numeric.key) && numeric.key.type === 'QUOTE_DOUBLE' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
  }
  const pair = doc.createPair(keyNode, { $ref: ref }, { aliasDuplicateObjects: false });
  const code = Number(key);
  const index =
    key === 'default'
      ? -1
      : responses.items.findIndex((item) => {
          const text = keyText(item);
          return !/^\d{3}$/.test(text) || Number(text) > code;
        });
  if (index < 0) responses.items.push(pair);
  else responses.items.splice(index, 0, pair);
}

/** Adds to `dirty` every collection on the way from `node` to a dirty one. */
function markAncestors(node: unknown, dirty: Set<unknown>): boolean {
  let found = dirty.has(node);
  const children = isMap(node) ? node.items.map((pair) => pair.value) : isSeq(node) ? node.items : [];
  for (const child of children) if (markAncestors(child, dirty)) found = true;
  if (found) dirty.add(node);
  return found;
}

/** The file's indentation unit: the smallest indentation of a line that has one. */
function detectIndent(text: string): string {
  let best: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const match = /^([ \t]+)\S/.exec(line);
    if (match !== null && (best === undefined || match[1]!.length < best.length)) best = match[1];
  }
  return best ?? '  ';
}

interface YamlStyle {
  readonly indent: number;
  readonly indentSeq: boolean;
  readonly singleQuote: true | null;
  readonly flowCollectionPadding: boolean;
}

/** How the file writes YAML, so that what the merge adds reads like the rest of it. */
function yamlStyle(doc: Document, original: string): YamlStyle {
  let single = 0;
  let double = 0;
  const count = (node: unknown): void => {
    if (isMap(node)) for (const pair of node.items) count(pair.value);
    else if (isSeq(node)) for (const item of node.items) count(item);
    else if (isScalar(node)) {
      if (node.type === 'QUOTE_SINGLE') single += 1;
      if (node.type === 'QUOTE_DOUBLE') double += 1;
    }
  };
  count(doc.contents);
  const padded = (original.match(/[[{] [^\s\]}]/g) ?? []).length;
  const tight = (original.match(/[[{][^\s\]}]/g) ?? []).length;
  return {
    indent: Math.max(detectIndent(original.replace(/^\s*#.*$/gm, '')).length, 1),
    // A sequence item at its key's indentation means the file does not indent sequences.
    indentSeq: !/^( *)[^\s#-][^\n]*:\s*\n\1- /m.test(original),
    // null keeps each existing scalar's own quotes; new strings follow the file's majority.
    singleQuote: single > double ? true : null,
    flowCollectionPadding: padded >= tight,
  };
}

/**
 * YAML out. Every entry the merge added is rendered on its own and spliced into the original
 * text after the entry it follows, at its map's indentation: the rest of the file stays byte
 * for byte as it was, comments and spacing included. Where that cannot be done (an entry
 * added to a flow-style map), the whole document is printed by the yaml library instead,
 * which still keeps comments, order and quoting.
 */
function printYaml(doc: Document, original: string): string {
  const style = yamlStyle(doc, original);
  const spliced = spliceYaml(doc, original, style);
  const expected = doc.toJS({ maxAliasCount: -1 }) as unknown;
  if (spliced !== undefined && isDeepStrictEqual(parseDocument(spliced).toJS({ maxAliasCount: -1 }), expected)) return spliced;
  const out = doc.toString({ ...style, lineWidth: 0 });
  return original.endsWith('\n') ? out : out.replace(/\n$/, '');
}

function spliceYaml(doc: Document, original: string, style: YamlStyle): string | undefined {
  const edits: { offset: number; text: string }[] = [];
  const lineStart = (offset: number): number => original.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = (offset: number): number => {
    const newline = original.indexOf('\n', Math.max(offset - 1, 0));
    return newline === -1 ? original.length : newline + 1;
  };
  const isNew = (pair: Pair): boolean => !(isScalar(pair.key) && pair.key.range);
  const endOf = (pair: Pair): number => (pair.value as Node | null)?.range?.[1] ?? (pair.key as Node).range![1];
  const render = (pairs: Pair[], column: number): string => {
    const fragment = new Document();
    const map = new YAMLMap();
    map.items.push(...pairs);
    fragment.contents = map;
    const text = fragment.toString({ ...style, lineWidth: 0 });
    return text
      .split('\n')
      .map((line) => (line === '' ? line : ' '.repeat(column) + line))
      .join('\n');
  };
  let possible = true;
  const visit = (node: unknown): void => {
    if (isSeq(node)) node.items.forEach(visit);
    if (!isMap(node)) return;
    const items = node.items;
    const originals = items.filter((pair) => !isNew(pair));
    if (originals.length === items.length) {
      for (const pair of items) visit(pair.value);
      return;
    }
    if (node.flow === true || originals.length === 0 || node.range === undefined) {
      possible = false;
      return;
    }
    const firstKey = (originals[0]!.key as Node).range![0];
    const column = firstKey - lineStart(firstKey);
    for (let i = 0; i < items.length; ) {
      if (!isNew(items[i]!)) {
        visit(items[i]!.value);
        i += 1;
        continue;
      }
      let j = i;
      while (j < items.length && isNew(items[j]!)) j += 1;
      const offset = i > 0 ? lineEnd(endOf(items[i - 1]!)) : lineStart((items[j]!.key as Node).range![0]);
      const text = render(items.slice(i, j), column);
      edits.push({ offset, text: offset === original.length && !original.endsWith('\n') ? `\n${text.replace(/\n$/, '')}` : text });
      i = j;
    }
  };
  visit(doc.contents);
  if (!possible) return undefined;
  let out = original;
  // Applied from the end; at one offset the edit found first (the deeper one) must come first in the text.
  const order = edits.map((edit, index) => ({ ...edit, index })).sort((a, b) => b.offset - a.offset || b.index - a.index);
  for (const edit of order) out = out.slice(0, edit.offset) + edit.text + out.slice(edit.offset);
  return out;
}

/**
 * JSON out: collections the merge did not touch are copied from the input verbatim (so their
 * formatting stays), touched ones are laid out in the input's indentation.
 */
function printJson(doc: Document, original: string, dirty: Set<unknown>): string {
  const unit = detectIndent(original);
  const print = (node: unknown, level: number): string => {
    const range = (node as Node | undefined)?.range;
    if (!dirty.has(node) && range !== undefined && range !== null) return original.slice(range[0], range[1]);
    const pad = unit.repeat(level + 1);
    const close = unit.repeat(level);
    if (isMap(node)) {
      if (node.items.length === 0) return '{}';
      const entries = node.items.map((pair) => `${pad}${JSON.stringify(keyText(pair))}: ${print(pair.value, level + 1)}`);
      return `{\n${entries.join(',\n')}\n${close}}`;
    }
    if (isSeq(node)) {
      if (node.items.length === 0) return '[]';
      return `[\n${node.items.map((item) => `${pad}${print(item, level + 1)}`).join(',\n')}\n${close}]`;
    }
    if (isScalar(node)) return JSON.stringify(node.value);
    if (isPair(node)) return print(node.value, level);
    return JSON.stringify(null);
  };
  const body = print(doc.contents, 0);
  const start = original.match(/^\s*/)?.[0] ?? '';
  const end = original.match(/\s*$/)?.[0] ?? '';
  return `${start}${body}${end}`;
}
