/**
 * Validate stage: the catalog's JSON Schema first (shape and types), then the rules a
 * schema cannot say (duplicates, ranges, identifiers, cross-references). Every problem is
 * collected and reported at once, each with its position in the file.
 */
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Catalog } from './catalog.js';
import { CatalogError, type Diagnostic, type FieldPath } from './diagnostics.js';
import { diagnosticAt, type SourceDocument } from './load.js';
import { checkSemantics, mergeChain } from './semantics.js';

let compiledSchema: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  if (compiledSchema === undefined) {
    const schema: unknown = JSON.parse(
      readFileSync(new URL('../data/catalog.schema.json', import.meta.url), 'utf8'),
    );
    // strictRequired would refuse the schema's if/then/else on `extends`, which lists required keys only.
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, strictRequired: false });
    compiledSchema = ajv.compile(schema as object);
  }
  return compiledSchema;
}

/**
 * Checks a catalog and the catalogs it extends (most basic first, as `readCatalogChain` gives
 * them), merges them, and returns the whole catalog typed, with its warnings; or throws a
 * CatalogError listing every problem.
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
  const validate = schemaValidator();
  const schemaProblems = chain.flatMap((source) =>
    validate(source.data) ? [] : schemaDiagnostics(source, validate.errors ?? []),
  );
  if (schemaProblems.length > 0) throw new CatalogError(sortDiagnostics(schemaProblems, chain));
  const { data, problems } = checkSemantics(mergeChain(chain));
  const errors = problems.filter((p) => p.severity !== 'warning');
  if (errors.length > 0) throw new CatalogError(sortDiagnostics(errors, chain));
  return {
    file: chain.at(-1)!.file,
    data,
    warnings: sortDiagnostics(problems.filter((p) => p.severity === 'warning'), chain),
    fileHashes: chain.map((source) => source.sha256),
    files: chain.map((source) => resolve(source.file)),
  };
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
      out.push(diagnostic);
    }
  }
  return out;
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

/** File order of the chain (most basic first), then position, so reports read top to bottom. */
function sortDiagnostics(diagnostics: Diagnostic[], chain: readonly SourceDocument[]): Diagnostic[] {
  const rank = (d: Diagnostic): number => chain.findIndex((source) => source.file === d.file);
  return diagnostics.sort((a, b) => rank(a) - rank(b) || a.line - b.line || a.column - b.column || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
