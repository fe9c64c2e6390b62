/**
 * User-facing errors. A problem in the user's input is a Diagnostic (file, line, column,
 * field path, message) printed as one line; only bugs in the generator itself get a stack.
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
