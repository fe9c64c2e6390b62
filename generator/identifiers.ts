/**
 * Identifiers in generated code: the rules a `name` must follow, and how a name is derived
 * from a message when the catalog gives none. Derivation is deterministic: the same catalog
 * always yields the same names, on every machine.
 */

/** Words that cannot name a generated class or a StatusCode or ErrorCode member. */
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
 * Class names the generated module defines itself or that would shadow a global error class
 * inside it; a status named `Api` would produce `ApiError`, and so on.
 */
const TAKEN_CLASS_NAMES = new Set([
  'ApiError',
  'ClientError',
  'ServerError',
  // The OpenAPI response for `default` (a status named DefaultError or Default would clash).
  'DefaultError',
  // Functions the generated module exports.
  'isApiError',
  'isClientError',
  'isServerError',
  'isError',
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

/**
 * Members every JavaScript object inherits: as keys of the generated StatusCode and ErrorCode
 * objects they would hide them (`String(StatusCode)` throws once `toString` is a number).
 */
const OBJECT_MEMBERS = new Set(['toString', 'toLocaleString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable']);

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Longest name derived from a message; longer messages keep their first words. */
const MAX_DERIVED_LENGTH = 48;

/** The error class of a name: `NotFound` → `NotFoundError`; a name that already ends in Error is kept. */
export function classNameOf(name: string): string {
  return name.endsWith('Error') ? name : `${name}Error`;
}

/** Why `name` cannot be used, or undefined when it can. */
export function identifierProblem(name: string): string | undefined {
  if (!IDENTIFIER.test(name)) {
    return `${JSON.stringify(name)} is not an identifier: use ASCII letters, digits and underscores, starting with a letter`;
  }
  if (RESERVED_WORDS.has(name)) return `"${name}" is a reserved word`;
  if (OBJECT_MEMBERS.has(name)) return `"${name}" is a member of every JavaScript object, which a key of StatusCode or ErrorCode would hide`;
  const className = classNameOf(name);
  if (TAKEN_CLASS_NAMES.has(className)) {
    return `"${name}" would generate class ${className}, which the generated code or the JavaScript runtime already defines`;
  }
  return undefined;
}

/** Letters and digits of a code, for names: `SVCSTG.CCE-ADDONMGR.4000003` → `SVCSTGCCEADDONMGR4000003`. */
export function codeSuffix(code: string): string {
  return code.replace(/[^A-Za-z0-9]/g, '');
}

/**
 * A PascalCase identifier from a message: accents are dropped, apostrophes join their word
 * ("doesn't" → "Doesnt"), other punctuation separates words, a leading digit gets an `E`
 * prefix, and a name the rules refuse gets a `Code` suffix. A message with no ASCII letters
 * or digits falls back to the code.
 */
export function deriveIdentifier(message: string, code: string): string {
  const words = message
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['\u2019`]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '');
  let name = '';
  for (const word of words) {
    const next = name + word[0]!.toUpperCase() + word.slice(1);
    if (name !== '' && next.length > MAX_DERIVED_LENGTH) break;
    name = next;
  }
  if (name === '') name = `E${codeSuffix(code)}`;
  if (/^[0-9]/.test(name)) name = `E${name}`;
  if (identifierProblem(name) !== undefined) name = `${name}Code`;
  return name;
}
