/**
 * The rules a JSON Schema cannot say, checked on the whole catalog after `extends` is merged:
 * duplicates, ranges, identifiers, cross-references. Every entry keeps the file and path it
 * came from, so each problem is reported where it was written, whichever file that is.
 * Suspicious but usable entries are warnings.
 */
import {
  type CatalogData,
  type CatalogFile,
  type ErrorBodySpec,
  type ErrorSpec,
  type HeaderSpec,
  type StatusSpec,
  type OutputSpec,
  type TypeScriptSpec,
} from './types.js';
import { dirname, resolve } from 'node:path';
import { errorBodyProblems } from '../body/descriptor.js';
import { DEFAULT_PRESET } from '../body/presets/index.js';
import type { Diagnostic, FieldPath } from '../util/diagnostics.js';
import { bodyForbidden } from '../util/http.js';
import { classNameOf, codeSuffix, deriveIdentifier, identifierProblem } from './identifiers.js';
import { diagnosticAt, type SourceDocument } from './read.js';
import { codePatternProblem, matchAll, PATTERN_TIME_LIMIT_MS, PatternTimeout } from './pattern.js';
import { closestMatch } from '../util/suggest.js';

/** A value and where it was written. */
interface Located<T> {
  readonly value: T;
  readonly source: SourceDocument;
  readonly path: FieldPath;
}

type RawError = NonNullable<CatalogFile['errors']>[number];

/** The catalogs of a chain laid over each other: later files override or extend earlier ones. */
export interface MergedCatalog {
  readonly chain: readonly SourceDocument[];
  readonly service: Located<string> | undefined;
  readonly title: Located<string> | undefined;
  readonly version: Located<string> | undefined;
  /** Each field from the last file that sets it. */
  readonly errorBody: Located<ErrorBodySpec> | undefined;
  readonly errorBodyFields: ReadonlyMap<string, Located<unknown>>;
  readonly headers: ReadonlyMap<string, Located<HeaderSpec>>;
  readonly statuses: readonly Located<StatusSpec>[];
  readonly errors: readonly Located<RawError>[];
  /** Options of the generated TypeScript, key by key from the last file that sets each. */
  readonly typescript: TypeScriptSpec;
  /** Output folders, key by key from the last file that sets each, resolved from that file's folder. */
  readonly output: OutputSpec;
}

/**
 * What validation leaves out of these checks because the schema found its own shape broken
 * (the schema's report says what is wrong with it): the checks that refer to it then say
 * nothing rather than something false ("status 429 has no entry" when its entry has a typo).
 */
export interface SkippedEntries {
  /** The status of each skipped entry under statuses; undefined when one has no integer status, or a statuses is no list. */
  readonly statuses: ReadonlySet<number> | undefined;
  /** Whether the schema found fault with statuses in any file (missing, empty, not a list, an entry). */
  readonly statusesFaulted: boolean;
  /** The names of skipped header declarations; undefined when a headers is no mapping. */
  readonly headers: ReadonlySet<string> | undefined;
  /** Those of them that the schema refuses as names: never suggested. */
  readonly refusedHeaderNames: ReadonlySet<string>;
}

export const NOTHING_SKIPPED: SkippedEntries = {
  statuses: new Set(),
  statusesFaulted: false,
  headers: new Set(),
  refusedHeaderNames: new Set(),
};

export function mergeChain(chain: readonly SourceDocument[]): MergedCatalog {
  let service: Located<string> | undefined;
  let title: Located<string> | undefined;
  let version: Located<string> | undefined;
  let errorBody: Located<ErrorBodySpec> | undefined;
  const errorBodyFields = new Map<string, Located<unknown>>();
  const headers = new Map<string, Located<HeaderSpec>>();
  const statuses: Located<StatusSpec>[] = [];
  const errors: Located<RawError>[] = [];
  let typescript: TypeScriptSpec = {};
  let output: OutputSpec = {};
  for (const source of chain) {
    const file = source.data as CatalogFile;
    const at = <T>(value: T, ...path: FieldPath): Located<T> => ({ value, source, path });
    if (file.service !== undefined) service = at(file.service, 'service');
    if (file.title !== undefined) title = at(file.title, 'title');
    if (file.version !== undefined) version = at(file.version, 'version');
    if (file.typescript !== undefined) typescript = { ...typescript, ...file.typescript };
    // A path in a catalog means the same wherever the generator is run from: relative to the file.
    for (const [target, dir] of Object.entries(file.output ?? {}) as [string, string][])
      output = { ...output, [target]: resolve(dirname(source.file), dir) };
    if (file.errorBody !== undefined) {
      // Another shape makes the inherited field names and description meaningless: they go.
      const shape = file.errorBody.shape ?? DEFAULT_PRESET;
      if (file.errorBody.shape !== undefined && (errorBodyFields.get('shape')?.value ?? DEFAULT_PRESET) !== shape) {
        for (const key of ['codeField', 'messageField', 'fields', 'description']) errorBodyFields.delete(key);
      }
      for (const [key, value] of Object.entries(file.errorBody)) errorBodyFields.set(key, at(value, 'errorBody', key));
      const merged: Record<string, unknown> = {};
      for (const [key, field] of errorBodyFields) merged[key] = field.value;
      errorBody = at(merged as ErrorBodySpec, 'errorBody');
    }
    for (const [name, header] of Object.entries(file.headers ?? {})) headers.set(name, at(header, 'headers', name));
    // A status or code that a file it extends already has is replaced, in place; within one
    // file a repeat is a duplicate, reported by the checks.
    const inheritedStatuses = new Map(statuses.map((entry, index) => [entry.value.status, index]));
    (file.statuses ?? []).forEach((status, index) => {
      // A hole is an entry validation skipped (SkippedEntries): its index stays its path.
      if (status === undefined) return;
      const replaced = inheritedStatuses.get(status.status);
      if (replaced === undefined) statuses.push(at(status, 'statuses', index));
      else statuses[replaced] = at(status, 'statuses', index);
    });
    // An entry is a (status, code) pair: the same code under another status is another entry.
    const entryKey = (error: RawError): string => `${String(error.code)} ${String(error.status)}`;
    const inheritedErrors = new Map(errors.map((entry, index) => [entryKey(entry.value), index]));
    (file.errors ?? []).forEach((error, index) => {
      if (error === undefined) return;
      const replaced = inheritedErrors.get(entryKey(error));
      if (replaced === undefined) errors.push(at(error, 'errors', index));
      else errors[replaced] = at(error, 'errors', index);
    });
  }
  return { chain, service, title, version, errorBody, errorBodyFields, headers, statuses, errors, typescript, output };
}

/**
 * Checks the merged catalog and builds its data: error codes as strings exactly as written,
 * every error with its final `name`. Returns errors and warnings together (by severity).
 */
export function checkSemantics(
  merged: MergedCatalog,
  skipped: SkippedEntries = NOTHING_SKIPPED,
): { data: CatalogData; problems: Diagnostic[] } {
  const problems: Diagnostic[] = [];
  const root = merged.chain.at(-1)!;
  const error = (at: Located<unknown>, message: string, ...field: FieldPath): void => {
    problems.push(diagnosticAt(at.source, [...at.path, ...field], message));
  };
  const warn = (at: Located<unknown>, message: string, ...field: FieldPath): void => {
    problems.push(diagnosticAt(at.source, [...at.path, ...field], message, { severity: 'warning' }));
  };
  /** A problem with a key itself (a header's name), located at the key rather than its value. */
  const errorAtKey = (at: Located<unknown>, message: string): void => {
    problems.push(diagnosticAt(at.source, at.path, message, { key: true }));
  };
  /** How another entry is named in a message: `line 40`, or `base.yaml:40` in another file. */
  const where = (at: Located<unknown>, ...field: FieldPath): string => {
    const line = at.source.positionOf([...at.path, ...field]).line;
    return at.source === root ? `line ${line}` : `${at.source.file}:${line}`;
  };
  /**
   * Like `where`, for a message reported at `from`: `line 40` when both are in the same file,
   * else `file:40`; `key` takes the line of the key (a header's name) rather than its value.
   */
  const whereFrom = (from: Located<unknown>, at: Located<unknown>, field: FieldPath = [], key = false): string => {
    const line = at.source.positionOf([...at.path, ...field], key).line;
    return at.source === from.source ? `line ${line}` : `${at.source.file}:${line}`;
  };

  for (const source of merged.chain)
    reportControlCharacters(source.data, [], (path, message) => error({ value: null, source, path }, message));

  const rootAt: Located<null> = { value: null, source: root, path: [] };
  if (merged.service === undefined) problems.push(diagnosticAt(root, [], 'missing required field "service"', { field: ['service'] }));
  if (merged.errorBody === undefined) problems.push(diagnosticAt(root, [], 'missing required field "errorBody"', { field: ['errorBody'] }));
  if (merged.statuses.length === 0 && !skipped.statusesFaulted)
    error(rootAt, 'the catalog and those it extends list no statuses', 'statuses');

  // The error body.
  const body = merged.errorBody?.value ?? {};
  const bodyProblems = errorBodyProblems(body);
  const bodyField = (name: string): Located<unknown> => merged.errorBodyFields.get(name) ?? merged.errorBody ?? rootAt;
  let codeRegExp: RegExp | undefined;
  if (body.codePattern !== undefined) {
    try {
      codeRegExp = new RegExp(body.codePattern, 'u');
    } catch (caught) {
      error(bodyField('codePattern'), `not a valid regular expression: ${(caught as Error).message}`);
    }
    // A pattern that can backtrack catastrophically is refused before it is run on anything.
    const problem = codeRegExp === undefined ? undefined : codePatternProblem(body.codePattern);
    if (problem !== undefined) {
      error(bodyField('codePattern'), problem);
      codeRegExp = undefined;
    }
  }
  /** Whether each value matches codePattern, or undefined where there is no usable pattern. */
  const matching = (values: readonly string[]): boolean[] | undefined => {
    if (codeRegExp === undefined || body.codePattern === undefined) return undefined;
    try {
      return matchAll(body.codePattern, values);
    } catch (caught) {
      if (!(caught instanceof PatternTimeout)) throw caught;
      error(
        bodyField('codePattern'),
        `matching codes takes over ${PATTERN_TIME_LIMIT_MS} ms (catastrophic backtracking?); simplify the pattern`,
      );
      codeRegExp = undefined;
      return undefined;
    }
  };
  if (body.defaultCode !== undefined && matching([body.defaultCode])?.[0] === false) {
    error(bodyField('defaultCode'), `"${body.defaultCode}" does not match codePattern ${body.codePattern}`);
  }
  for (const problem of bodyProblems) {
    const [key, ...rest] = problem.field;
    error(bodyField(String(key)), problem.message, ...rest);
  }

  // Headers. Their names are case-insensitive (RFC 9110): one declaration per name, whatever the case.
  const declaredHeaders = new Map<string, { name: string; at: Located<HeaderSpec> }>();
  for (const [name, header] of merged.headers) {
    if (isUnsendableHeader(name)) errorAtKey(header, unsendableHeaderMessage(name));
    const first = declaredHeaders.get(name.toLowerCase());
    if (first === undefined) declaredHeaders.set(name.toLowerCase(), { name, at: header });
    else {
      errorAtKey(
        header,
        `header "${name}" is already declared as "${first.name}" (${whereFrom(header, first.at, [], true)}); header names are case-insensitive: declare it once`,
      );
    }
    const patterns = [header.value.schema.pattern, ...(header.value.schema.oneOf ?? []).map((s) => s.pattern)];
    for (const pattern of patterns) {
      if (pattern === undefined) continue;
      try {
        new RegExp(pattern, 'u');
      } catch (caught) {
        error(header, `pattern is not a valid regular expression: ${(caught as Error).message}`, 'schema');
      }
    }
  }

  // What a status may list, for the hint on one it may not: the declared names, and those of skipped declarations.
  const headerNames = [...merged.headers.keys(), ...[...(skipped.headers ?? [])].filter((name) => !skipped.refusedHeaderNames.has(name))];

  // Statuses.
  const byStatus = new Map<number, Located<StatusSpec>>();
  const statusNames = new Map<string, Located<StatusSpec>>();
  // Names that differ can still give one class: NotFound and NotFoundError both give NotFoundError.
  const statusClasses = new Map<string, Located<StatusSpec>>();
  const byMessage = new Map<string, Located<StatusSpec>>();
  for (const entry of merged.statuses) {
    const { status, name, message } = entry.value;
    if (status < 100 || status > 599) error(entry, `status ${status} is outside 100-599`, 'status');
    const earlier = byStatus.get(status);
    if (earlier === undefined) byStatus.set(status, entry);
    else error(entry, `duplicate status ${status} (first at ${where(earlier, 'status')})`, 'status');

    const nameProblem = identifierProblem(name);
    if (nameProblem !== undefined) error(entry, nameProblem, 'name');
    const sameName = statusNames.get(name) ?? statusClasses.get(classNameOf(name));
    if (sameName === undefined) {
      statusNames.set(name, entry);
      statusClasses.set(classNameOf(name), entry);
    } else {
      error(
        entry,
        `name "${name}" of status ${status} collides with status ${sameName.value.status} (${where(sameName, 'name')}); give one a different name`,
        'name',
      );
    }
    const sameMessage = byMessage.get(message);
    if (sameMessage === undefined) byMessage.set(message, entry);
    else
      error(
        entry,
        `duplicate message ${JSON.stringify(message)} (also status ${sameMessage.value.status}, ${where(sameMessage, 'message')})`,
        'message',
      );

    const listed = new Set<string>();
    (entry.value.headers ?? []).forEach((header, index) => {
      if (isUnsendableHeader(header)) error(entry, unsendableHeaderMessage(header), 'headers', index);
      else if (!merged.headers.has(header) && skipped.headers?.has(header) === false) {
        // Names are matched as written (the hint is the fix), the hint ignores case.
        const declared = closestMatch(header, headerNames);
        const hint = declared === undefined ? 'declare it under the top-level headers' : `did you mean ${declared}?`;
        error(entry, `unknown header ${JSON.stringify(header)}: ${hint}`, 'headers', index);
      }
      if (listed.has(header)) error(entry, `header ${JSON.stringify(header)} listed twice`, 'headers', index);
      listed.add(header);
    });
    if (entry.value.bodyAllowed === true && bodyForbidden(status)) {
      error(entry, `a ${status} response cannot carry content (RFC 9110)`, 'bodyAllowed');
    }
  }

  // Error codes.
  /** The first entry of each code, and each (code, status) entry. */
  const byCode = new Map<string, Located<RawError>>();
  const byEntry = new Map<string, Located<RawError>>();
  const codes: { entry: Located<RawError>; code: string }[] = [];
  for (const entry of merged.errors) {
    const raw = entry.value.code;
    // A numeric code is kept as written: `0042` stays `0042`.
    const code = typeof raw === 'number' ? (entry.source.sourceTextOf([...entry.path, 'code']) ?? String(raw)) : raw;
    if (typeof raw === 'number' && !/^[0-9]+$/.test(code)) {
      error(entry, `numeric code ${code} is not written in plain digits; write it as a string`, 'code');
    }
    const { status } = entry.value;
    // A code may be listed under several statuses (one entry each), but once per status.
    const earlier = byEntry.get(`${code} ${status}`);
    if (earlier === undefined) byEntry.set(`${code} ${status}`, entry);
    else error(entry, `duplicate code ${code} under status ${status} (first at ${where(earlier, 'code')})`, 'code');
    if (!byCode.has(code)) byCode.set(code, entry);
    if (status < 100 || status > 599) error(entry, `status ${status} is outside 100-599`, 'status');
    else if (!byStatus.has(status) && skipped.statuses?.has(status) === false) {
      // Only a status of the same class is suggested (not 400 for a code on 200), and of
      // equally close ones the nearest in value: 403 is likelier 404 than 400.
      const listed = [...byStatus.keys(), ...skipped.statuses].filter((s) => Math.floor(s / 100) === Math.floor(status / 100)).map(String);
      const near = closestMatch(
        String(status),
        listed,
        (a, b) => Math.abs(Number(a) - status) - Math.abs(Number(b) - status) || Number(a) - Number(b),
      );
      warn(entry, `status ${status} has no entry under statuses${near === undefined ? '' : `: did you mean ${near}?`}`, 'status');
    }
    if (status >= 100 && bodyForbidden(status)) {
      warn(entry, `a ${status} response carries no content, so code ${code} can never be sent`, 'status');
    } else if (status < 400 && status >= 100) warn(entry, `error code ${code} on the non-error status ${status}`, 'status');
    codes.push({ entry, code });
  }
  // The default code goes out on errors of any status raised without a code: a listing under
  // one status (500 "Internal server error.") tells readers of the others something false.
  if (body.defaultCode !== undefined) {
    const listed = byCode.get(body.defaultCode);
    if (listed !== undefined) {
      const at = bodyField('defaultCode');
      warn(
        at,
        `default code ${body.defaultCode} is listed under status ${listed.value.status} (${whereFrom(at, listed, ['code'])}); it is sent on errors of every status raised without a code`,
      );
    }
  }
  // A status's own default code: like the body's, expected to match codePattern, and not a
  // code the catalog lists under another status (it would be sent with that code's meaning).
  for (const entry of merged.statuses) {
    const own = entry.value.defaultCode;
    if (own === undefined) continue;
    if (matching([own])?.[0] === false) error(entry, `"${own}" does not match codePattern ${body.codePattern}`, 'defaultCode');
    const listed = byCode.get(own);
    if (listed !== undefined && !byEntry.has(`${own} ${entry.value.status}`)) {
      warn(
        entry,
        `default code ${own} is listed under status ${listed.value.status} (${whereFrom(entry, listed, ['code'])}), not ${entry.value.status}`,
        'defaultCode',
      );
    }
  }
  const matches = matching(codes.map(({ code }) => code));
  codes.forEach(({ entry, code }, index) => {
    if (matches?.[index] === false) warn(entry, `code "${code}" does not match codePattern ${body.codePattern}`, 'code');
  });
  const names = assignErrorNames(codes, statusClasses, error, warn, where, whereFrom);

  const data: CatalogData = {
    service: merged.service?.value ?? '',
    ...(merged.title === undefined ? {} : { title: merged.title.value }),
    ...(merged.version === undefined ? {} : { version: merged.version.value }),
    errorBody: merged.errorBody?.value ?? {},
    headers: Object.fromEntries([...merged.headers].map(([name, header]) => [name, header.value])),
    statuses: merged.statuses.map((entry) => entry.value),
    errors: codes.map(({ entry, code }, index): ErrorSpec => ({ ...entry.value, code, name: names[index]! })),
    typescript: merged.typescript,
    ...(Object.keys(merged.output).length === 0 ? {} : { output: merged.output }),
  };
  return { data, problems };
}

/**
 * Final identifiers of the error codes. A `name` given in the catalog is used as it is; two
 * given names that clash are an error. A name derived from the message that is shared with
 * another entry gets the code's letters and digits appended (`BucketNotFound_SVC0042`), with a
 * warning saying why (the same message, messages cut to the same name, messages that differ
 * only in case or punctuation, a name another entry already has) and naming the other entry;
 * if it still clashes, that is an error asking for an explicit `name`.
 */
function assignErrorNames(
  codes: readonly { entry: Located<RawError>; code: string }[],
  statusClasses: ReadonlyMap<string, Located<StatusSpec>>,
  error: (at: Located<unknown>, message: string, ...field: FieldPath) => void,
  warn: (at: Located<unknown>, message: string, ...field: FieldPath) => void,
  where: (at: Located<unknown>, ...field: FieldPath) => string,
  whereFrom: (from: Located<unknown>, at: Located<unknown>, field?: FieldPath) => string,
): string[] {
  // Keyed by class name: that is what must be unique in the generated module.
  const taken = new Map<string, { entry: Located<unknown>; label: string }>();
  for (const [className, entry] of statusClasses) taken.set(className, { entry, label: `status ${entry.value.status}` });
  const names: string[] = new Array<string>(codes.length).fill('');

  codes.forEach(({ entry, code }, index) => {
    const name = entry.value.name;
    if (name === undefined) return;
    names[index] = name;
    const problem = identifierProblem(name);
    if (problem !== undefined) {
      error(entry, problem, 'name');
      return;
    }
    const other = taken.get(classNameOf(name));
    if (other !== undefined) {
      error(
        entry,
        `name "${name}" of code ${code} collides with ${other.label} (${where(other.entry, 'name')}); give one a different name`,
        'name',
      );
      return;
    }
    taken.set(classNameOf(name), { entry, label: `code ${code}` });
  });

  const entriesOf = new Map<string, number>();
  for (const { code } of codes) entriesOf.set(code, (entriesOf.get(code) ?? 0) + 1);
  const derived = codes.map(({ entry, code }) =>
    entry.value.name === undefined ? deriveIdentifier(entry.value.message, code) : undefined,
  );
  /** The entries deriving each name, by index. */
  const sharing = new Map<string, number[]>();
  derived.forEach((base, index) => {
    if (base !== undefined) sharing.set(base, [...(sharing.get(base) ?? []), index]);
  });
  /** Why the name derived for entry `index` needs its code appended, naming the other entry. */
  const whySuffixed = (index: number, base: string): string => {
    const { entry } = codes[index]!;
    const other = codes[(sharing.get(base) ?? []).find((i) => i !== index) ?? -1];
    if (other === undefined) {
      const holder = taken.get(classNameOf(base))!;
      return `that gives ${base}, already the name of ${holder.label} (${whereFrom(entry, holder.entry, ['name'])})`;
    }
    const them = `code ${other.code} (${whereFrom(entry, other.entry, ['message'])})`;
    const { message } = entry.value;
    if (message === other.entry.value.message) return `that ${them} shares`;
    // Derived without the length cap, the names differ: only the cut made them one.
    if (deriveIdentifier(message, codes[index]!.code, Infinity) !== deriveIdentifier(other.entry.value.message, other.code, Infinity)) {
      return `cut to the same name as that of ${them}, though the messages differ`;
    }
    return `that differs from that of ${them} only in case, accents or punctuation`;
  };
  codes.forEach(({ entry, code }, index) => {
    const base = derived[index];
    if (base === undefined) return;
    const suffixed = (sharing.get(base)?.length ?? 0) > 1 || taken.has(classNameOf(base));
    // A code listed under several statuses also needs the status to tell its entries apart.
    const suffix = (entriesOf.get(code) ?? 0) > 1 ? `${codeSuffix(code)}_${entry.value.status}` : codeSuffix(code);
    const name = suffixed ? `${base}_${suffix}` : base;
    names[index] = name;
    if (suffixed) {
      // Adding a code with the same message later would rename this one: a given name stays put.
      warn(entry, `name ${name} is derived from a message ${whySuffixed(index, base)}; set "name" to keep it stable`, 'message');
    }
    const other = taken.get(classNameOf(name));
    if (other !== undefined) {
      error(
        entry,
        `name "${name}" derived from the message of code ${code} collides with ${other.label} (${where(other.entry)}); set "name" on one of them`,
        'message',
      );
      return;
    }
    taken.set(classNameOf(name), { entry, label: `code ${code}` });
  });
  return names;
}

/**
 * Headers a catalog must not promise on an error response: hop-by-hop headers (RFC 9110,
 * section 7.6.1) and those describing the message or its encoding rather than the error. The
 * transport sets them; the generated code never replays them, and a replayed one would break
 * clients (a gzip Content-Encoding over a plain JSON body, a stale Content-Length).
 */
const UNSENDABLE_HEADERS: ReadonlySet<string> = new Set(
  [
    'Connection',
    'Keep-Alive',
    'Transfer-Encoding',
    'Content-Length',
    'Content-Encoding',
    'Date',
    'TE',
    'Trailer',
    'Upgrade',
    'Proxy-Connection',
  ].map((name) => name.toLowerCase()),
);

function isUnsendableHeader(name: string): boolean {
  return UNSENDABLE_HEADERS.has(name.toLowerCase());
}

function unsendableHeaderMessage(name: string): string {
  return `${name} is a hop-by-hop or entity header that the generated code never sends; remove it`;
}

/**
 * Control characters (C0 but tab and line ends, DEL, C1) have no business in catalog text and
 * cannot be shown faithfully in every output (Markdown has no way to write most of them).
 */
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;

function reportControlCharacters(value: unknown, path: FieldPath, report: (path: FieldPath, message: string) => void): void {
  if (typeof value === 'string') {
    const match = CONTROL_CHARACTER.exec(value);
    if (match !== null) {
      const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      report(path, `contains the control character U+${code} at offset ${match.index}`);
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => reportControlCharacters(item, [...path, index], report));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) reportControlCharacters(item, [...path, key], report);
  }
}
