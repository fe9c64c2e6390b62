/**
 * Validate stage: the catalog's JSON Schema first (shape and types), then the rules a
 * schema cannot say (duplicates, ranges, identifiers, cross-references). Every problem is
 * collected and reported at once, each with its position in the file.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Catalog, CatalogData } from './catalog.js';
import { CatalogError, formatPath, type Diagnostic, type FieldPath } from './diagnostics.js';
import type { SourceDocument } from './load.js';
import { bodyForbidden } from './http.js';

/** Words that cannot name a generated class or enum member. */
const RESERVED_WORDS = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'yield let static implements interface package private protected public await abstract any as async boolean ' +
    'constructor declare get is module namespace never readonly require number object set string symbol type from ' +
    'of undefined unique unknown arguments eval NaN Infinity'
  ).split(' '),
);

/**
 * Class names the generated module defines itself or that would shadow a global error
 * class inside it; a status named `Api` would produce `ApiError`, and so on.
 */
const TAKEN_CLASS_NAMES = new Set([
  'ApiError',
  'ClientError',
  'ServerError',
  'Error',
  'AggregateError',
  'EvalError',
  'RangeError',
  'ReferenceError',
  'SuppressedError',
  'SyntaxError',
  'TypeError',
  'URIError',
  'DOMException',
]);

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*$/;

let compiledSchema: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  if (compiledSchema === undefined) {
    const schema: unknown = JSON.parse(
      readFileSync(new URL('../data/catalog.schema.json', import.meta.url), 'utf8'),
    );
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    compiledSchema = ajv.compile(schema as object);
  }
  return compiledSchema;
}

/** Checks a parsed catalog; returns it typed, or throws a CatalogError listing every problem. */
export function validateCatalog(source: SourceDocument): Catalog {
  const validate = schemaValidator();
  if (!validate(source.data)) {
    throw new CatalogError(sortDiagnostics(schemaDiagnostics(source, validate.errors ?? [])));
  }
  const data = source.data as CatalogData;
  const problems = semanticDiagnostics(source, data);
  if (problems.length > 0) throw new CatalogError(sortDiagnostics(problems));
  return { file: source.file, data };
}

function schemaDiagnostics(source: SourceDocument, errors: readonly ErrorObject[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    // Errors raised inside `propertyNames` repeat the propertyNames error itself.
    if (error.propertyName !== undefined) continue;
    const path = pointerToPath(error.instancePath, source.data);
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
        message = `unknown field "${String(params['additionalProperty'])}"`;
        break;
      case 'propertyNames':
        at = field = [...path, String(params['propertyName'])];
        key = true;
        message = `invalid name "${String(params['propertyName'])}": use letters, digits and hyphens, starting with a letter`;
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
      case 'minItems':
        message = `must have at least ${String(params['limit'])} item${params['limit'] === 1 ? '' : 's'}`;
        break;
      default:
        message = error.message ?? `fails ${error.keyword}`;
    }
    const diagnostic = located(source, at, field, message, key);
    const id = `${diagnostic.line}:${diagnostic.column}:${diagnostic.path}:${diagnostic.message}`;
    if (!seen.has(id)) {
      seen.add(id);
      out.push(diagnostic);
    }
  }
  return out;
}

function semanticDiagnostics(source: SourceDocument, data: CatalogData): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (path: FieldPath, message: string): void => {
    out.push(located(source, path, path, message));
  };
  const lineOf = (path: FieldPath): number => source.positionOf(path).line;

  reportControlCharacters(data, [], report);

  const body = data.errorBody;
  let codeRegExp: RegExp | undefined;
  try {
    codeRegExp = new RegExp(body.codePattern, 'u');
  } catch (error) {
    report(['errorBody', 'codePattern'], `not a valid regular expression: ${(error as Error).message}`);
  }
  if (codeRegExp !== undefined && !codeRegExp.test(body.defaultCode)) {
    report(['errorBody', 'defaultCode'], `"${body.defaultCode}" does not match codePattern ${body.codePattern}`);
  }
  const codeField = body.codeField ?? 'error_code';
  const messageField = body.messageField ?? 'error_msg';
  if (codeField === messageField) {
    report(['errorBody', 'messageField'], `must differ from codeField ("${codeField}")`);
  }

  for (const [name, header] of Object.entries(data.headers ?? {})) {
    const patterns = [header.schema.pattern, ...(header.schema.oneOf ?? []).map((s) => s.pattern)];
    for (const pattern of patterns) {
      if (pattern === undefined) continue;
      try {
        new RegExp(pattern, 'u');
      } catch (error) {
        report(['headers', name, 'schema'], `pattern is not a valid regular expression: ${(error as Error).message}`);
      }
    }
  }

  const firstStatus = new Map<number, number>();
  const firstName = new Map<string, number>();
  const firstMessage = new Map<string, number>();
  data.statuses.forEach((entry, index) => {
    const at = (field: string): FieldPath => ['statuses', index, field];
    if (entry.status < 100 || entry.status > 599) {
      report(at('status'), `status ${entry.status} is outside 100-599`);
    }
    const earlierStatus = firstStatus.get(entry.status);
    if (earlierStatus === undefined) firstStatus.set(entry.status, index);
    else report(at('status'), `duplicate status ${entry.status} (first at line ${lineOf(['statuses', earlierStatus, 'status'])})`);

    const nameProblem = identifierProblem(entry.name, entry.status);
    if (nameProblem !== undefined) report(at('name'), nameProblem);
    const earlierName = firstName.get(entry.name);
    if (earlierName === undefined) firstName.set(entry.name, index);
    else {
      const other = data.statuses[earlierName]!;
      report(
        at('name'),
        `name "${entry.name}" of status ${entry.status} collides with status ${other.status} (line ${lineOf(['statuses', earlierName, 'name'])}); give one a different name`,
      );
    }

    const earlierMessage = firstMessage.get(entry.message);
    if (earlierMessage === undefined) firstMessage.set(entry.message, index);
    else {
      report(
        at('message'),
        `duplicate message "${entry.message}" (also status ${data.statuses[earlierMessage]!.status}, line ${lineOf(['statuses', earlierMessage, 'message'])})`,
      );
    }

    const listed = new Set<string>();
    (entry.headers ?? []).forEach((header, headerIndex) => {
      const path: FieldPath = ['statuses', index, 'headers', headerIndex];
      if (data.headers?.[header] === undefined || !Object.hasOwn(data.headers, header)) {
        report(path, `unknown header "${header}": declare it under the top-level headers`);
      }
      if (listed.has(header)) report(path, `header "${header}" listed twice`);
      listed.add(header);
    });
    if (entry.bodyAllowed === true && bodyForbidden(entry.status)) {
      report(at('bodyAllowed'), `a ${entry.status} response cannot carry content (RFC 9110)`);
    }
  });
  return out;
}

/**
 * Control characters (C0 but tab and line ends, DEL, C1) have no business in catalog text and
 * cannot be shown faithfully in every output (Markdown has no way to write most of them).
 */
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

function identifierProblem(name: string, status: number): string | undefined {
  if (!IDENTIFIER.test(name)) {
    return `"${name}" is not an identifier: use ASCII letters and digits, starting with a letter`;
  }
  if (RESERVED_WORDS.has(name)) return `"${name}" is a reserved word`;
  if (status >= 400 && TAKEN_CLASS_NAMES.has(`${name}Error`)) {
    return `"${name}" would generate class ${name}Error, which the generated code or the JavaScript runtime already defines`;
  }
  return undefined;
}

function located(source: SourceDocument, at: FieldPath, field: FieldPath, message: string, key = false): Diagnostic {
  const { line, column } = source.positionOf(at, key);
  return { file: source.file, line, column, path: formatPath(field), message };
}

/** JSON Pointer from ajv → path segments, with array indices as numbers. */
function pointerToPath(pointer: string, data: unknown): FieldPath {
  if (pointer === '') return [];
  const out: (string | number)[] = [];
  let node: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      const index = Number(segment);
      out.push(index);
      node = node[index];
    } else {
      out.push(segment);
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
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

function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => a.line - b.line || a.column - b.column || a.path.localeCompare(b.path));
}
