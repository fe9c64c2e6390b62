/**
 * What every catalog rule is given: the merged catalog, what validation skipped, one reporter
 * for its problems, and the facts several rules look up (the first entry of each status and
 * code, the compiled codePattern), each computed once.
 */
import type { ErrorBodySpec, StatusSpec } from '../types.js';
import type { Diagnostic, FieldPath } from '../../util/diagnostics.js';
import { diagnosticAt } from '../../util/diagnostics.js';
import type { SourceDocument } from '../read.js';
import type { Located, MergedCatalog, RawError, SkippedEntries } from '../chain.js';
import { classNameOf } from '../identifiers.js';
import { codePatternProblem, matchAll, PATTERN_TIME_LIMIT_MS, PatternTimeout } from '../pattern.js';

/** Where rules report problems, each at the entry (and field inside it) it is about. */
export interface Reporter {
  error(at: Located<unknown>, message: string, ...field: FieldPath): void;
  warn(at: Located<unknown>, message: string, ...field: FieldPath): void;
  /** A problem with a key itself (a header's name), located at the key rather than its value. */
  errorAtKey(at: Located<unknown>, message: string): void;
  /** A required top-level field that no file of the chain sets, reported at the top of the catalog. */
  missingField(name: string): void;
  /** How another entry is named in a message: `line 40`, or `base.yaml:40` in another file. */
  where(at: Located<unknown>, ...field: FieldPath): string;
  /**
   * Like `where`, for a message reported at `from`: `line 40` when both are in the same file,
   * else `file:40`; `key` takes the line of the key (a header's name) rather than its value.
   */
  whereFrom(from: Located<unknown>, at: Located<unknown>, field?: FieldPath, key?: boolean): string;
}

/** A reporter adding to `problems`; `root` is the catalog the chain was read from. */
export function createReporter(root: SourceDocument, problems: Diagnostic[]): Reporter {
  return {
    error: (at, message, ...field) => problems.push(diagnosticAt(at.source, [...at.path, ...field], message)),
    warn: (at, message, ...field) => problems.push(diagnosticAt(at.source, [...at.path, ...field], message, { severity: 'warning' })),
    errorAtKey: (at, message) => problems.push(diagnosticAt(at.source, at.path, message, { key: true })),
    missingField: (name) => problems.push(diagnosticAt(root, [], `missing required field "${name}"`, { field: [name] })),
    where: (at, ...field) => {
      const line = at.source.positionOf([...at.path, ...field]).line;
      return at.source === root ? `line ${line}` : `${at.source.file}:${line}`;
    },
    whereFrom: (from, at, field = [], key = false) => {
      const line = at.source.positionOf([...at.path, ...field], key).line;
      return at.source === from.source ? `line ${line}` : `${at.source.file}:${line}`;
    },
  };
}

/** The first entry of each status, and of each name a status class is made from. */
export interface StatusIndex {
  readonly byStatus: ReadonlyMap<number, Located<StatusSpec>>;
  readonly byName: ReadonlyMap<string, Located<StatusSpec>>;
  /** Names that differ can still give one class: NotFound and NotFoundError both give NotFoundError. */
  readonly byClass: ReadonlyMap<string, Located<StatusSpec>>;
}

function indexStatuses(statuses: readonly Located<StatusSpec>[]): StatusIndex {
  const byStatus = new Map<number, Located<StatusSpec>>();
  const byName = new Map<string, Located<StatusSpec>>();
  const byClass = new Map<string, Located<StatusSpec>>();
  for (const entry of statuses) {
    const { status, name } = entry.value;
    if (!byStatus.has(status)) byStatus.set(status, entry);
    if (!byName.has(name) && !byClass.has(classNameOf(name))) {
      byName.set(name, entry);
      byClass.set(classNameOf(name), entry);
    }
  }
  return { byStatus, byName, byClass };
}

/** An entry under errors with its code as text. */
export interface CodeEntry {
  readonly entry: Located<RawError>;
  /** The code as written: a numeric `0042` stays `0042`. */
  readonly code: string;
}

/** The entries under errors, in order, and the first entry of each code and of each (code, status) pair. */
export interface CodeIndex {
  readonly entries: readonly CodeEntry[];
  readonly byCode: ReadonlyMap<string, Located<RawError>>;
  /** Keyed by `${code} ${status}`. */
  readonly byEntry: ReadonlyMap<string, Located<RawError>>;
}

function indexCodes(errors: readonly Located<RawError>[]): CodeIndex {
  const entries: CodeEntry[] = [];
  const byCode = new Map<string, Located<RawError>>();
  const byEntry = new Map<string, Located<RawError>>();
  for (const entry of errors) {
    const raw = entry.value.code;
    const code = typeof raw === 'number' ? (entry.source.sourceTextOf([...entry.path, 'code']) ?? String(raw)) : raw;
    entries.push({ entry, code });
    if (!byCode.has(code)) byCode.set(code, entry);
    const key = `${code} ${entry.value.status}`;
    if (!byEntry.has(key)) byEntry.set(key, entry);
  }
  return { entries, byCode, byEntry };
}

/** The errorBody's codePattern, compiled once for the rules that match codes against it. */
export interface CodePattern {
  readonly text: string | undefined;
  /** Why the pattern cannot be used: not a regular expression, or one that may backtrack catastrophically. */
  readonly problem: string | undefined;
  /**
   * Whether each value matches, or undefined where there is no usable pattern. A pattern that
   * takes too long is reported (once) and not used again.
   */
  matching(values: readonly string[]): boolean[] | undefined;
}

function compileCodePattern(text: string | undefined, report: Reporter, at: Located<unknown>): CodePattern {
  if (text === undefined) return { text, problem: undefined, matching: () => undefined };
  let problem: string | undefined;
  try {
    new RegExp(text, 'u');
  } catch (caught) {
    problem = `not a valid regular expression: ${(caught as Error).message}`;
  }
  // A pattern that can backtrack catastrophically is refused before it is run on anything.
  problem ??= codePatternProblem(text);
  let usable = problem === undefined;
  return {
    text,
    problem,
    matching: (values) => {
      if (!usable) return undefined;
      try {
        return matchAll(text, values);
      } catch (caught) {
        if (!(caught instanceof PatternTimeout)) throw caught;
        report.error(at, `matching codes takes over ${PATTERN_TIME_LIMIT_MS} ms (catastrophic backtracking?); simplify the pattern`);
        usable = false;
        return undefined;
      }
    },
  };
}

export interface RuleContext {
  readonly merged: MergedCatalog;
  readonly skipped: SkippedEntries;
  readonly report: Reporter;
  /** The top of the catalog the chain was read from. */
  readonly root: Located<null>;
  /** The merged errorBody; empty when no file has one. */
  readonly body: ErrorBodySpec;
  /** Where a setting of errorBody was written: else the errorBody, else the top of the catalog. */
  readonly bodyField: (name: string) => Located<unknown>;
  readonly codePattern: CodePattern;
  readonly statuses: StatusIndex;
  readonly codes: CodeIndex;
}

export function createContext(merged: MergedCatalog, skipped: SkippedEntries, report: Reporter): RuleContext {
  const root: Located<null> = { value: null, source: merged.chain.at(-1)!, path: [] };
  const bodyField = (name: string): Located<unknown> => merged.errorBodyFields.get(name) ?? merged.errorBody ?? root;
  const body = merged.errorBody?.value ?? {};
  return {
    merged,
    skipped,
    report,
    root,
    body,
    bodyField,
    codePattern: compileCodePattern(body.codePattern, report, bodyField('codePattern')),
    statuses: indexStatuses(merged.statuses),
    codes: indexCodes(merged.errors),
  };
}

/** One check of the catalog: it reports what it finds through the context's reporter. */
export interface CatalogRule {
  readonly name: string;
  check(context: RuleContext): void;
}
