/**
 * User-facing errors. A problem in the user's input is a Diagnostic (file, line, column,
 * field path, message) printed as one line; only bugs in the generator itself get a stack.
 * Every stage that reads text (catalogs, specs) takes its lines and columns from here, so a
 * place is counted the same way whichever parser found it.
 */
import { displayPath } from './display-path.js';

export interface Diagnostic {
  readonly file: string;
  /** 1-based; 0 when the problem has no position in the file (e.g. it cannot be read). */
  readonly line: number;
  readonly column: number;
  /** Field path in the catalog, e.g. `statuses[3].status`; `(catalog)` for the whole file. */
  readonly path: string;
  readonly message: string;
  /** Errors stop generation; warnings are printed and, with `--strict`, stop it too. */
  readonly severity?: 'error' | 'warning';
}

/**
 * The diagnostic as one line. The file name, and any other name or catalog text the message
 * quotes, shows invisible, bidi and control characters as `\uXXXX`: a name that holds a line
 * break or a right-to-left override cannot forge or reorder the line a user reads.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
  return displayPath(`${where}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.path}: ${d.message}`);
}

/** Thrown for invalid input; carries every problem found, not just the first. */
export class CatalogError extends Error {
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'CatalogError';
    this.diagnostics = diagnostics;
  }
}

/** A path into the catalog, as segments: `['statuses', 3, 'status']`. */
export type FieldPath = readonly (string | number)[];

/** `['statuses', 3, 'status']` → `statuses[3].status`. */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out === '' ? '(catalog)' : out;
}

/** 1-based line and column; a column counts UTF-16 code units from the start of the line. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * The position of any offset of `text`. Lines end at `\n` (a `\r\n` line's `\r` is the last
 * character of its line). The line starts are found on the first call, then every lookup is a
 * binary search: a validation of a large catalog asks for thousands of them.
 */
export function positionsIn(text: string): (offset: number) => Position {
  let lineStarts: number[] | undefined;
  return (offset) => {
    if (lineStarts === undefined) {
      lineStarts = [0];
      for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
    }
    // The last line start at or before the offset.
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 };
  };
}

/** The position of one offset of `text` (positionsIn for many). */
export function positionAt(text: string, offset: number): Position {
  return positionsIn(text)(offset);
}

/** A parsed file that knows where its fields are written: a catalog, a spec. */
export interface LocatedDocument {
  /** The file as the user named it, for the diagnostic. */
  readonly file: string;
  /** Position of the value at `path` (of its key when `key` is set), or of the closest ancestor that exists. */
  positionOf(path: FieldPath, key?: boolean): Position;
}

/**
 * A diagnostic at `path` of a file. `field` names the field when it differs from where the
 * position is taken (a missing field is reported at its parent); a string is shown as it is
 * (`(spec)`, a JSON pointer). `key` points at the key rather than the value.
 */
export function diagnosticAt(
  document: LocatedDocument,
  path: FieldPath,
  message: string,
  options: { field?: FieldPath | string; key?: boolean; severity?: 'error' | 'warning' } = {},
): Diagnostic {
  const { line, column } = document.positionOf(path, options.key ?? false);
  const field = options.field ?? path;
  return {
    file: document.file,
    line,
    column,
    path: typeof field === 'string' ? field : formatPath(field),
    message,
    ...(options.severity === 'warning' ? { severity: 'warning' as const } : {}),
  };
}
