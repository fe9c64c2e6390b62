/**
 * Load stage: catalog text → parsed data plus a way to find where any field sits in the
 * file. The data comes from js-yaml where it can (quickParse: fast on large catalogs); where
 * a position is wanted (an error or warning to locate, a code written as a number) or js-yaml
 * must not speak, the yaml library parses the same text with positions. YAML and JSON share
 * that position model (JSON is YAML 1.2), so every later error can name a line and column.
 *
 * Why two YAML libraries. Measured on a 10,000-code catalog (2.7 MB) and the OpenAI spec
 * (3 MB): js-yaml reads either in 0.15-0.3 s, with positions from its event stream in
 * 0.35-0.7 s; the yaml library takes 2-2.6 s for a Document (1-1.9 s for its CST alone) and
 * keeps 64 MB of it for the catalog, where js-yaml's data is 2 MB. So js-yaml reads every catalog and spec, bounds aliases and writes
 * YAML (nothing else writes the OpenAPI target's bytes). The yaml library stays for what only
 * it says: its syntax messages and positions are the ones a user reads for a broken catalog
 * (js-yaml says "deficient indentation" where it says "Flow map in block collection must be
 * sufficiently indented and end with a }"), and its reading is the reference a problem is
 * reported from. It is reached only then: a valid catalog is parsed once, by js-yaml (a .json
 * one is also checked by JSON.parse).
 */
import { isUtf8 } from 'node:buffer';
import { basename, dirname, extname, resolve } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { aliasProblemOfText } from '../util/yaml-aliases.js';
import {
  CatalogError,
  diagnosticAt,
  positionsIn,
  type Diagnostic,
  type FieldPath,
  type LocatedDocument,
  type Position,
} from '../util/diagnostics.js';
import { strictJsonProblem } from '../util/strict-json.js';
import { MAX_ALIAS_COUNT, MAX_CATALOG_BYTES, MAX_EXTENDS_DEPTH, MAX_NESTING } from '../util/limits.js';
import { sha256 } from '../util/hash.js';
import { readRegularFile, UnreadableFileError } from '../util/read-file.js';

/** A parsed catalog file that still knows where each of its fields came from. */
export interface SourceDocument extends LocatedDocument {
  /** sha256 of the text, for the manifest's record of what the outputs were made from. */
  readonly sha256: string;
  /** Length of the text in characters, for the limit on a whole extends chain. */
  readonly size: number;
  readonly data: unknown;
  /** The text of the plain scalar at `path` exactly as written (`0001`, not 1), if there is one. */
  sourceTextOf(path: FieldPath): string | undefined;
  /**
   * Where the data came from the quick parse: the same file parsed by the yaml library, whose
   * reading is the reference. Validation falls back to it whenever it has something to report.
   */
  exact?: () => SourceDocument;
}

/**
 * Where the catalogs of a chain are read from when not from the file system (`diff REV:PATH`
 * reads them from a git revision): the bytes of a catalog by its name (or a CatalogError on
 * line 0 naming it), and the name of the catalog an `extends` in `from` names.
 */
export interface CatalogSource {
  read(file: string): Buffer;
  resolve(from: string, base: string): string;
}

/**
 * Reads a catalog (or takes it already parsed) and, through `extends`, every catalog it builds
 * on: the most basic one first.
 * Paths in `extends` are relative to the file that names them. A cycle or a missing base is a
 * diagnostic located at the `extends` that leads to it. `from` reads them elsewhere than the
 * file system.
 */
export function readCatalogChain(file: string, parsed?: SourceDocument, from?: CatalogSource): SourceDocument[] {
  const chain: SourceDocument[] = [];
  const seen: string[] = [];
  let current: string = file;
  let via: { source: SourceDocument; path: FieldPath } | undefined;
  let total = 0;
  for (;;) {
    const absolute = resolve(current);
    if (seen.includes(absolute)) {
      throw locatedError(via!, `extends forms a cycle: ${[...seen, absolute].map((f) => basename(f)).join(' -> ')}`);
    }
    if (seen.length >= MAX_EXTENDS_DEPTH) {
      throw locatedError(via!, `extends chain is longer than ${MAX_EXTENDS_DEPTH} catalogs`);
    }
    seen.push(absolute);
    let source: SourceDocument;
    try {
      if (parsed !== undefined && chain.length === 0) source = parsed;
      else source = from === undefined ? readCatalogFile(current) : parseCatalogText(decodeUtf8(from.read(current), current), current);
    } catch (error) {
      // A base that cannot be read is reported where it is named.
      if (via !== undefined && error instanceof CatalogError && error.diagnostics[0]?.line === 0) {
        throw locatedError(via, `${current}: ${error.diagnostics[0].message}`);
      }
      throw error;
    }
    chain.unshift(source);
    // Each file is capped; so is the whole chain, or 8 files of 15 MB each would pass.
    total += source.size;
    if (total > MAX_CATALOG_BYTES) {
      throw via === undefined
        ? new CatalogError([
            {
              file: source.file,
              line: 0,
              column: 0,
              path: '(catalog)',
              message: `text is ${total} characters; catalogs are limited to ${MAX_CATALOG_BYTES}`,
            },
          ])
        : locatedError(
            via,
            `${current}: the catalog and those it extends hold ${total} characters; they are limited to ${MAX_CATALOG_BYTES} in all`,
          );
    }
    const base = (source.data as { extends?: unknown } | null)?.extends;
    if (typeof base !== 'string' || base === '') return chain;
    via = { source, path: ['extends'] };
    current = from === undefined ? resolve(dirname(current), base) : from.resolve(current, base);
  }
}

function locatedError(at: { source: SourceDocument; path: FieldPath }, message: string): CatalogError {
  return new CatalogError([diagnosticAt(at.source, at.path, message)]);
}

/**
 * Reads one catalog file. Only a regular file of at most MAX_CATALOG_BYTES is read, checked on
 * the open file and never read past the limit: a pipe, a device (`/dev/zero`) or a huge file,
 * named directly or through a symlink, is an error before anything is read.
 */
export function readCatalogFile(file: string): SourceDocument {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file, { maxBytes: MAX_CATALOG_BYTES, what: 'catalog' });
  } catch (error) {
    if (error instanceof UnreadableFileError)
      fail(file, error.code === 'EFBIG' ? `file ${error.reason}` : `cannot read catalog: ${error.reason}`);
    throw error;
  }
  return parseCatalogText(decodeUtf8(bytes, file), file);
}

/**
 * The text of a catalog (or spec) file, which must be UTF-8: an invalid byte is an error at
 * its line and column, not a silent U+FFFD in a message that ends up in generated code.
 */
export function decodeUtf8(bytes: Buffer, file: string, what: 'catalog' | 'spec' = 'catalog'): string {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  // A line feed byte is never part of a multi-byte character: lines can be checked one by one.
  let start = 0;
  for (let line = 1; ; line += 1) {
    const end = bytes.indexOf(0x0a, start);
    const bytesOfLine = bytes.subarray(start, end === -1 ? bytes.length : end);
    if (!isUtf8(bytesOfLine)) {
      const column = bytesOfLine.toString('utf8').indexOf('\uFFFD') + 1;
      throw new CatalogError([
        { file, line, column: Math.max(column, 1), path: `(${what})`, message: `invalid UTF-8: a ${what} is UTF-8 text` },
      ]);
    }
    if (end === -1) return bytes.toString('utf8');
    start = end + 1;
  }
}

/** Parses catalog text; `file` only names it in diagnostics and picks JSON or YAML rules. */
export function parseCatalogText(text: string, file: string): SourceDocument {
  if (text.length > MAX_CATALOG_BYTES) {
    fail(file, `text is ${text.length} characters; catalogs are limited to ${MAX_CATALOG_BYTES}`);
  }
  if (text.includes('\u0000')) fail(file, 'file contains NUL bytes; a catalog is UTF-8 text');
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const hash = sha256(text);
  const data = quickParse(source, file);
  // A .json catalog is JSON: what YAML would forgive (trailing commas, comments) is refused.
  if (extname(file).toLowerCase() === '.json') checkJson(source, file);
  if (data === undefined) return parseWithPositions(source, file, hash, { aliasFree: false });
  // Positions are only needed to report a problem: the positioned parse waits until then.
  let positioned: SourceDocument | undefined;
  const full = (): SourceDocument => (positioned ??= parseWithPositions(source, file, hash, { aliasFree: true }));
  return {
    file,
    sha256: hash,
    size: source.length,
    data,
    positionOf: (path, key) => full().positionOf(path, key),
    sourceTextOf: (path) => full().sourceTextOf(path),
    exact: full,
  };
}

function checkJson(source: string, file: string): void {
  const problem = strictJsonProblem(source);
  if (problem === undefined) return;
  const { line, column } = positionsIn(source)(problem.offset);
  fail(file, `not valid JSON: ${problem.message}`, line, column);
}

/**
 * The data of a catalog by js-yaml (YAML 1.2 core schema, as the yaml library reads it), five
 * times faster than the yaml library's positioned parse on large catalogs. Undefined where
 * only the positioned parse should speak: anything js-yaml refuses (its messages have no
 * place here), an empty document, and any alias (the positioned parse limits how far aliases
 * expand; js-yaml would share them, and walks over the data would not end).
 */
function quickParse(source: string, file: string): unknown {
  try {
    const data: unknown = loadYaml(source, { maxAliases: 0, maxDepth: MAX_NESTING });
    return data === null || data === undefined ? undefined : data;
  } catch (error) {
    // Too deep for any parser's stack: refused here, where the place is known.
    const mark = (error as { reason?: string; mark?: { line: number; column: number } }).mark;
    if (/maxDepth/.test((error as { reason?: string }).reason ?? '') && mark !== undefined) {
      fail(file, `collections nest deeper than ${MAX_NESTING} levels (limit: ${MAX_NESTING})`, mark.line + 1, mark.column + 1);
    }
    return undefined;
  }
}

/**
 * Parses with the yaml library, which knows where every node is. `aliasFree`: the quick parse
 * read the text and met no alias, so their bounds need no second reading.
 */
function parseWithPositions(source: string, file: string, hash: string, { aliasFree }: { aliasFree: boolean }): SourceDocument {
  const isJson = extname(file).toLowerCase() === '.json';
  const doc = parseDocument(source, {
    prettyErrors: false,
    uniqueKeys: true,
    schema: isJson ? 'json' : 'core',
    strict: true,
    // Problems are errors, reported as such; nothing is printed on the side.
    logLevel: 'error',
  });
  const at = positionsIn(source);
  const syntaxError = doc.errors[0];
  if (syntaxError !== undefined) {
    // Only the first: after a syntax error the parser's later complaints are mostly echoes of it.
    fail(file, firstLine(syntaxError.message), at(syntaxError.pos[0]).line, at(syntaxError.pos[0]).column);
  }
  if (doc.contents === null) fail(file, 'catalog is empty', 1, 1);

  // Aliases bounded by what they expand to, at the alias that goes too far, before toJS expands them.
  const aliases = !aliasFree && source.includes('*') ? aliasProblemOfText(source) : undefined;
  if (aliases !== undefined) fail(file, aliases.message, at(aliases.offset).line, at(aliases.offset).column);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // The yaml library throws here for alias expansion past maxAliasCount.
    fail(file, `${firstLine(error instanceof Error ? error.message : String(error))} (limit: ${MAX_ALIAS_COUNT} aliases)`, 1, 1);
  }

  const positionOf = (path: FieldPath, key = false): Position => {
    let node: unknown = doc.contents;
    let keyNode: unknown;
    for (const segment of path) {
      const next = childOf(node, segment);
      if (next === undefined) break;
      node = next.value;
      keyNode = next.key;
    }
    const target = key && keyNode !== undefined ? keyNode : node;
    const range = (target as Node | null)?.range;
    return at(range ? range[0] : 0);
  };
  const sourceTextOf = (path: FieldPath): string | undefined => {
    let node: unknown = doc.contents;
    for (const segment of path) {
      node = childOf(node, segment)?.value;
      if (node === undefined) return undefined;
    }
    return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
  };
  return { file, sha256: hash, size: source.length, data, positionOf, sourceTextOf };
}

function childOf(node: unknown, segment: string | number): { key?: unknown; value: unknown } | undefined {
  if (isMap(node)) {
    for (const item of node.items) {
      if (isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment)) {
        return { key: item.key, value: item.value ?? item.key };
      }
    }
    return undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const value = node.items[segment];
    return value === undefined ? undefined : { value };
  }
  return undefined;
}

function fail(file: string, message: string, line = 0, column = 0): never {
  const diagnostic: Diagnostic = { file, line, column, path: '(catalog)', message };
  throw new CatalogError([diagnostic]);
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0]!.trim();
}
