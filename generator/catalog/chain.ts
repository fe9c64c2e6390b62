/**
 * The catalogs of a chain laid over each other (`extends`), each value keeping the file and
 * path it came from, so that the rules (rules/) report each problem where it was written.
 */
import { dirname, resolve } from 'node:path';
import { DEFAULT_PRESET } from '../body/presets/index.js';
import type { FieldPath } from '../util/diagnostics.js';
import type { SourceDocument } from './read.js';
import type { CatalogFile, ErrorBodySpec, ErrorNames, HeaderSpec, OpenApiSpec, OutputSpec, StatusSpec, TypeScriptSpec } from './types.js';

/** A value and where it was written. */
export interface Located<T> {
  readonly value: T;
  readonly source: SourceDocument;
  readonly path: FieldPath;
}

export type RawError = NonNullable<CatalogFile['errors']>[number];

/** The catalogs of a chain laid over each other: later files override or extend earlier ones. */
export interface MergedCatalog {
  readonly chain: readonly SourceDocument[];
  readonly service: Located<string> | undefined;
  readonly title: Located<string> | undefined;
  readonly version: Located<string> | undefined;
  readonly errorNames: Located<ErrorNames> | undefined;
  /** Each field from the last file that sets it; the layout keys (LAYOUT_KEYS) from one file together. */
  readonly errorBody: Located<ErrorBodySpec> | undefined;
  readonly errorBodyFields: ReadonlyMap<string, Located<unknown>>;
  readonly headers: ReadonlyMap<string, Located<HeaderSpec>>;
  readonly statuses: readonly Located<StatusSpec>[];
  readonly errors: readonly Located<RawError>[];
  /** Options of the generated TypeScript, key by key from the last file that sets each. */
  readonly typescript: TypeScriptSpec;
  /** Options of the generated OpenAPI, key by key from the last file that sets each. */
  readonly openapi: OpenApiSpec;
  /** The same options, each where it was written. */
  readonly typescriptFields: ReadonlyMap<string, Located<unknown>>;
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

/**
 * The errorBody keys that lay the body out: a file that sets any of them replaces the inherited
 * layout as a whole (none of these is inherited then), since a member name or pointer of one
 * layout means nothing in another. The other keys are inherited key by key.
 */
export const LAYOUT_KEYS = ['shape', 'codeField', 'messageField', 'fields'] as const;

/** A code a file writes as a number, as it wrote it (`0042` stays `0042`), like the codes under errors. */
function writtenCode(value: unknown, source: SourceDocument, path: FieldPath): unknown {
  return typeof value === 'number' ? (source.sourceTextOf(path) ?? String(value)) : value;
}

export function mergeChain(chain: readonly SourceDocument[]): MergedCatalog {
  let service: Located<string> | undefined;
  let title: Located<string> | undefined;
  let version: Located<string> | undefined;
  let errorNames: Located<ErrorNames> | undefined;
  let errorBody: Located<ErrorBodySpec> | undefined;
  const errorBodyFields = new Map<string, Located<unknown>>();
  const headers = new Map<string, Located<HeaderSpec>>();
  const statuses: Located<StatusSpec>[] = [];
  const errors: Located<RawError>[] = [];
  let typescript: TypeScriptSpec = {};
  let openapi: OpenApiSpec = {};
  const typescriptFields = new Map<string, Located<unknown>>();
  let output: OutputSpec = {};
  for (const source of chain) {
    const file = source.data as CatalogFile;
    const at = <T>(value: T, ...path: FieldPath): Located<T> => ({ value, source, path });
    if (file.service !== undefined) {
      // Another service's title and version are not this one's.
      if (service !== undefined && service.value !== file.service) title = version = undefined;
      service = at(file.service, 'service');
    }
    if (file.title !== undefined) title = at(file.title, 'title');
    if (file.version !== undefined) version = at(file.version, 'version');
    if (file.errorNames !== undefined) errorNames = at(file.errorNames, 'errorNames');
    if (file.typescript !== undefined) {
      typescript = { ...typescript, ...file.typescript };
      for (const [key, value] of Object.entries(file.typescript)) typescriptFields.set(key, at(value, 'typescript', key));
    }
    if (file.openapi !== undefined) openapi = { ...openapi, ...file.openapi };
    // A path in a catalog means the same wherever the generator is run from: relative to the file.
    for (const [target, dir] of Object.entries(file.output ?? {}) as [string, string][])
      output = { ...output, [target]: resolve(dirname(source.file), dir) };
    if (file.errorBody !== undefined) {
      // Another shape makes the inherited description meaningless too.
      if (file.errorBody.shape !== undefined && (errorBodyFields.get('shape')?.value ?? DEFAULT_PRESET) !== file.errorBody.shape) {
        errorBodyFields.delete('description');
      }
      if (LAYOUT_KEYS.some((key) => Object.hasOwn(file.errorBody!, key))) for (const key of LAYOUT_KEYS) errorBodyFields.delete(key);
      for (const [key, value] of Object.entries(file.errorBody)) {
        const path: FieldPath = ['errorBody', key];
        errorBodyFields.set(key, at(key === 'defaultCode' ? writtenCode(value, source, path) : value, ...path));
      }
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
      if (typeof status.defaultCode === 'number') {
        status = { ...status, defaultCode: writtenCode(status.defaultCode, source, ['statuses', index, 'defaultCode']) as string };
      }
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
  return {
    chain,
    service,
    title,
    version,
    errorNames,
    errorBody,
    errorBodyFields,
    headers,
    statuses,
    errors,
    typescript,
    typescriptFields,
    openapi,
    output,
  };
}
