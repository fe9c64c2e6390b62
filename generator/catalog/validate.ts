/**
 * Validate stage: the catalog's JSON Schema (shape and types) and the rules a schema cannot
 * say (duplicates, ranges, identifiers, cross-references), in one pass. Every problem, error
 * or warning, is collected and reported at once, each with its position in the file, in file
 * order. The rules run on what the schema found well-formed: an entry whose own shape is
 * broken is left out of them (its schema problem is reported), the rest is checked as usual.
 */
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Catalog } from './types.js';
import { CatalogError, formatDiagnostic, type Diagnostic, type FieldPath } from '../util/diagnostics.js';
import { MAX_ERROR_CODES, MAX_HEADERS, MAX_STATUSES } from '../util/limits.js';
import { pointerToFieldPath } from '../util/json-pointer.js';
import { diagnosticAt } from '../util/diagnostics.js';
import type { SourceDocument } from './read.js';
import { mergeChain, NOTHING_SKIPPED, type SkippedEntries } from './chain.js';
import { checkRules } from './rules/index.js';
import { compareStrings } from '../util/compare.js';

let compiledSchema: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  if (compiledSchema === undefined) {
    const schema: unknown = JSON.parse(readFileSync(new URL('../../data/catalog.schema.json', import.meta.url), 'utf8'));
    // strictRequired would refuse the schema's if/then/else on `extends`, which lists required keys only.
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, strictRequired: false });
    compiledSchema = ajv.compile(schema as object);
  }
  return compiledSchema;
}

/**
 * Checks a catalog and the catalogs it extends (most basic first, as `readCatalogChain` gives
 * them), merges them, and returns the whole catalog typed, with its warnings; or throws a
 * CatalogError listing every problem, its warnings among them.
 */
export function validateCatalog(chain: readonly SourceDocument[]): Catalog {
  try {
    return validateChain(chain);
  } catch (error) {
    // A problem in a quickly parsed file is reported from the yaml library's reading of it,
    // which is the reference reading and knows every position.
    if (error instanceof CatalogError && chain.some((source) => source.exact !== undefined)) {
      return validateChain(chain.map((source) => source.exact?.() ?? source));
    }
    throw error;
  }
}

function validateChain(chain: readonly SourceDocument[]): Catalog {
  // Past a size limit nothing else is checked: the checks and the outputs grow with the entries.
  const tooLarge = sizeProblem(chain);
  if (tooLarge !== undefined) throw new CatalogError([tooLarge]);
  const validate = schemaValidator();
  const problems: Diagnostic[] = [];
  /** Per file, the fields the schema found at fault, when it found any. */
  const faults = new Map<SourceDocument, Fault[]>();
  for (const source of chain) {
    if (validate(source.data)) continue;
    const found = schemaProblems(source, validate.errors ?? []);
    problems.push(...found.map(({ diagnostic }) => diagnostic));
    faults.set(
      source,
      found.flatMap(({ fault }) => (fault === undefined ? [] : [fault])),
    );
  }
  const wellFormed = faults.size === 0 ? { chain, skipped: NOTHING_SKIPPED } : wellFormedParts(chain, faults);
  const checked = wellFormed === undefined ? undefined : checkRules(mergeChain(wellFormed.chain), wellFormed.skipped);
  problems.push(...(checked?.problems ?? []));
  const all = sortDiagnostics(withoutRepeats(problems), chain);
  if (checked === undefined || all.some((p) => p.severity !== 'warning')) throw new CatalogError(all);
  return {
    file: chain.at(-1)!.file,
    data: checked.data,
    warnings: all,
    fileHashes: chain.map((source) => source.sha256),
    files: chain.map((source) => resolve(source.file)),
  };
}

/**
 * The first count of the chain past its limit (generator/util/limits.ts), located at the entry that
 * passes it: statuses per file, error codes and declared headers over the whole chain.
 */
function sizeProblem(chain: readonly SourceDocument[]): Diagnostic | undefined {
  let codes = 0;
  const headers = new Set<string>();
  for (const source of chain) {
    if (!isMapping(source.data)) continue;
    const { statuses, errors, headers: declared } = source.data;
    if (Array.isArray(statuses) && statuses.length > MAX_STATUSES) {
      return diagnosticAt(
        source,
        ['statuses', MAX_STATUSES],
        `${statuses.length} statuses listed; a catalog lists at most ${MAX_STATUSES} (one entry per status 100-599)`,
      );
    }
    if (Array.isArray(errors)) {
      if (codes + errors.length > MAX_ERROR_CODES) {
        const inherited = codes === 0 ? '' : ` (${codes} of them in the catalogs it extends)`;
        return diagnosticAt(
          source,
          ['errors', MAX_ERROR_CODES - codes],
          `${codes + errors.length} error codes listed${inherited}; catalogs are limited to ${MAX_ERROR_CODES} error codes in all`,
        );
      }
      codes += errors.length;
    }
    if (!isMapping(declared)) continue;
    for (const name of Object.keys(declared)) {
      headers.add(name);
      if (headers.size > MAX_HEADERS) {
        return diagnosticAt(
          source,
          ['headers', name],
          `more than ${MAX_HEADERS} headers declared; catalogs are limited to ${MAX_HEADERS} headers in all`,
          { key: true },
        );
      }
    }
  }
  return undefined;
}

/** A problem both the schema and the rules see (a missing "service") is reported once. */
function withoutRepeats(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const id = formatDiagnostic(d);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Lists checked entry by entry: an entry the schema faults is skipped, the others are checked. */
const LISTS = new Set(['statuses', 'errors']);
/** Mappings checked key by key: headers by name; errorBody, typescript, openapi and output setting by setting. */
const MAPPINGS = new Set(['headers', 'errorBody', 'typescript', 'openapi', 'output']);
/** Top-level text: the rules only ask whether it is there. */
const TEXT_FIELDS = new Set(['service', 'title', 'version', 'extends']);

/**
 * The parts of a chain the schema found well-formed, for the rules, each file keeping its
 * positions and every kept entry its path: an entry of statuses or errors the schema faults
 * becomes a hole in its list (so the others keep their index), a faulted header declaration or
 * errorBody or typescript setting is left out, and so is a statuses, errors, headers or
 * typescript that is not a list or mapping at all (a faulted errorBody is kept, empty, so it is
 * not also reported missing). Undefined when a file is not even a mapping: nothing to check.
 */
function wellFormedParts(
  chain: readonly SourceDocument[],
  faults: ReadonlyMap<SourceDocument, readonly Fault[]>,
): { chain: SourceDocument[]; skipped: SkippedEntries } | undefined {
  let statuses: Set<number> | undefined = new Set<number>();
  let statusesFaulted = false;
  let headers: Set<string> | undefined = new Set<string>();
  const refusedHeaderNames = new Set<string>();
  const out: SourceDocument[] = [];
  for (const source of chain) {
    const faulted = (faults.get(source) ?? []).map(({ field }) => field);
    if (faulted.length === 0) {
      out.push(source);
      continue;
    }
    if (!isMapping(source.data) || faulted.some((path) => path.length === 0)) return undefined;
    for (const { field, key } of faults.get(source) ?? []) {
      if (key && field.length === 2 && field[0] === 'headers') refusedHeaderNames.add(String(field[1]));
    }
    if (faulted.some((path) => path[0] === 'statuses')) statusesFaulted = true;
    // Faults of a top-level field itself (not even of the right kind, or unknown), and of entries: `statuses\u00003`.
    const wholeFaults = new Set(faulted.filter((path) => path.length === 1).map((path) => String(path[0])));
    const entryFaults = new Set(faulted.filter((path) => path.length > 1).map((path) => `${path[0]}\u0000${path[1]}`));
    /** Whether the schema faults the entry (or setting) `name` of `key`, or anything in it. */
    const isFaulted = (key: string, name: string | number): boolean => entryFaults.has(`${key}\u0000${name}`);
    const kept: [string, unknown][] = [];
    for (const [key, value] of Object.entries(source.data)) {
      if (LISTS.has(key)) {
        if (!Array.isArray(value)) {
          if (key === 'statuses') statuses = undefined;
          continue;
        }
        const list: unknown[] = new Array<unknown>(value.length);
        value.forEach((item: unknown, index) => {
          if (!isFaulted(key, index)) list[index] = item;
          else if (key === 'statuses') {
            const status = isMapping(item) ? item['status'] : undefined;
            if (typeof status === 'number' && Number.isInteger(status)) statuses?.add(status);
            else statuses = undefined;
          }
        });
        kept.push([key, list]);
      } else if (MAPPINGS.has(key)) {
        if (!isMapping(value) || wholeFaults.has(key)) {
          if (key === 'headers') headers = undefined;
          if (key === 'errorBody') kept.push([key, {}]);
          continue;
        }
        const entries = Object.entries(value).filter(([name]) => {
          if (!isFaulted(key, name)) return true;
          if (key === 'headers') headers?.add(name);
          return false;
        });
        kept.push([key, Object.fromEntries(entries)]);
      } else if (!wholeFaults.has(key) || TEXT_FIELDS.has(key)) {
        // Text of the wrong type is kept, so that it is not also reported missing; an unknown key goes.
        kept.push([key, value]);
      }
    }
    // Object.fromEntries makes own properties, even of a key such as __proto__.
    out.push({ ...source, data: Object.fromEntries(kept) });
  }
  return { chain: out, skipped: { statuses, statusesFaulted, headers, refusedHeaderNames } };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A field the schema finds at fault; `key` when it is the name of the field (a header's). */
interface Fault {
  readonly field: FieldPath;
  readonly key: boolean;
}

/**
 * The schema's problems with one file, each with the field it faults (what makes an entry
 * ill-formed), if any: the `if` on `extends` faults nothing, the fields `else` requires do.
 */
function schemaProblems(source: SourceDocument, errors: readonly ErrorObject[]): { diagnostic: Diagnostic; fault: Fault | undefined }[] {
  const out: { diagnostic: Diagnostic; fault: Fault | undefined }[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    // Errors raised inside `propertyNames` repeat the propertyNames error itself.
    if (error.propertyName !== undefined) continue;
    const path = pointerToFieldPath(error.instancePath, source.data);
    let at: FieldPath = path;
    let field: FieldPath = path;
    let key = false;
    let message: string;
    const params = error.params as Record<string, unknown>;
    switch (error.keyword) {
      case 'required':
        field = [...path, String(params['missingProperty'])];
        message = `missing required field "${String(params['missingProperty'])}"`;
        break;
      case 'additionalProperties':
        at = field = [...path, String(params['additionalProperty'])];
        key = true;
        message = `unknown field ${JSON.stringify(String(params['additionalProperty']))}`;
        break;
      case 'propertyNames':
        at = field = [...path, String(params['propertyName'])];
        key = true;
        message = `invalid name ${JSON.stringify(String(params['propertyName']))}: use letters, digits and hyphens, starting with a letter`;
        break;
      case 'type':
        message = `must be ${article(String(params['type']).replace(',', ' or '))}`;
        break;
      case 'enum':
        message = `must be one of: ${(params['allowedValues'] as unknown[]).map(String).join(', ')}`;
        break;
      case 'pattern':
        message = `must match ${String(params['pattern'])}`;
        break;
      case 'minLength':
        message = params['limit'] === 1 ? 'must not be empty' : `must be at least ${String(params['limit'])} characters`;
        break;
      case 'uniqueItems': {
        // ajv names the later of the two equal items i, the earlier j.
        const later = Math.max(Number(params['i']), Number(params['j']));
        at = field = [...path, later];
        const list = path.reduce<unknown>((value, token) => (value as Record<string | number, unknown> | undefined)?.[token], source.data);
        message = `lists ${JSON.stringify((list as unknown[] | undefined)?.[later])} twice`;
        break;
      }
      case 'minItems':
        message = `must have at least ${String(params['limit'])} item${params['limit'] === 1 ? '' : 's'}`;
        break;
      default:
        message = error.message ?? `fails ${error.keyword}`;
    }
    const diagnostic = diagnosticAt(source, at, message, { field, key });
    const id = `${diagnostic.line}:${diagnostic.column}:${diagnostic.path}:${diagnostic.message}`;
    if (!seen.has(id)) {
      seen.add(id);
      out.push({ diagnostic, fault: error.keyword === 'if' ? undefined : { field, key } });
    }
  }
  return out;
}

function article(type: string): string {
  const words: Record<string, string> = {
    object: 'a mapping',
    array: 'a list',
    string: 'a string',
    integer: 'an integer',
    number: 'a number',
    boolean: 'true or false',
  };
  return type
    .split(' or ')
    .map((t) => words[t] ?? t)
    .join(' or ');
}

/** File order of the chain (most basic first), then position, so reports read top to bottom. */
function sortDiagnostics(diagnostics: Diagnostic[], chain: readonly SourceDocument[]): Diagnostic[] {
  const rank = (d: Diagnostic): number => chain.findIndex((source) => source.file === d.file);
  return diagnostics.sort((a, b) => rank(a) - rank(b) || a.line - b.line || a.column - b.column || compareStrings(a.path, b.path));
}
