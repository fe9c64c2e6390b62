/**
 * Identifiers in generated code: the rules a `name` must follow, and how a name is derived
 * from a message (or, with `errorNames: code`, from a code) when the catalog gives none. Derivation is deterministic: the same catalog
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
  // A request that got no response (connection-error.ts).
  'ConnectionError',
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
export const MAX_DERIVED_LENGTH = 48;

/**
 * Words a cut name does not end on: articles, conjunctions, prepositions, auxiliary verbs and
 * `not` lead into the words that were cut (`…PublishedInThe`, `…BucketDoesNot`).
 */
const DANGLING_WORDS = new Set(
  (
    'a an the and or nor but of in on at to for from by with into onto about as than that which who whose if when ' +
    'is are was were be been being has have had do does did not can cannot could will would shall should may might must'
  ).split(' '),
);

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
  if (OBJECT_MEMBERS.has(name))
    return `"${name}" is a member of every JavaScript object, which a key of StatusCode or ErrorCode would hide`;
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
 *
 * A long message is cut between words: it keeps the whole words that fit in `maxLength`
 * characters, then drops the dangling words it would end on (`…PublishedInThe` →
 * `…Published`), keeping at least one word. Only a first word longer than `maxLength` is
 * itself cut, to its first `maxLength` characters.
 */
export function deriveIdentifier(message: string, code: string, maxLength = MAX_DERIVED_LENGTH): string {
  const words = message
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['\u2019`]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '');
  const kept = wordsThatFit(words, maxLength);
  if (kept.length < words.length) {
    while (kept.length > 1 && DANGLING_WORDS.has(kept.at(-1)!.toLowerCase())) kept.pop();
  }
  return identifierOf(
    kept.map((word) => word[0]!.toUpperCase() + word.slice(1)),
    code,
  );
}

/** The first words whose letters fit in `maxLength`, at least one (cut to `maxLength` when it alone is longer). */
function wordsThatFit(words: readonly string[], maxLength: number): string[] {
  const kept: string[] = [];
  let length = 0;
  for (const word of words) {
    if (length + word.length > maxLength) break;
    kept.push(word);
    length += word.length;
  }
  if (kept.length === 0 && words.length > 0) kept.push(words[0]!.slice(0, maxLength));
  return kept;
}

/** PascalCase words joined into a name the rules accept; no words give `E` and the code's letters and digits. */
function identifierOf(words: readonly string[], code: string): string {
  let name = words.join('');
  if (name === '') name = `E${codeSuffix(code)}`;
  if (/^[0-9]/.test(name)) name = `E${name}`;
  if (identifierProblem(name) !== undefined) name = `${name}Code`;
  return name;
}

/** Whether `errorNames: code` derives a name from this code: a code without letters keeps the message rule. */
export function namesFromCode(code: string): boolean {
  return /[A-Za-z]/.test(code);
}

/**
 * A PascalCase identifier from a code (`errorNames: code`): the code splits into words at every
 * character that is not an ASCII letter or digit (`_`, `-`, `.`, …); a word of capitals only is
 * capitalized (`RESOURCE_EXHAUSTED` → `ResourceExhausted`), any other word gets its first letter
 * upper-cased and keeps the rest as written (`invalid_auth` → `InvalidAuth`, `NoSuchKey` stays,
 * `S3M.0001` → `S3M0001`: a word with digits keeps its capitals). A leading digit gets an `E`
 * prefix and a name the rules refuse a `Code` suffix, as for messages; past `maxLength` letters
 * the last words are dropped. Only for a code with letters (namesFromCode).
 */
export function deriveIdentifierFromCode(code: string, maxLength = MAX_DERIVED_LENGTH): string {
  const words = code.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  return identifierOf(
    wordsThatFit(words, maxLength).map((word) =>
      /^[A-Z]+$/.test(word) ? word[0]! + word.slice(1).toLowerCase() : word[0]!.toUpperCase() + word.slice(1),
    ),
    code,
  );
}
