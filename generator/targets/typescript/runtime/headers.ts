/**
 * Response headers of an error: what the caller gives (a record, fetch's Headers, a Map),
 * normalized to lower-case names, and which of them may travel with an error response.
 */

/**
 * A header's value as servers and clients hand it over: text, a number, or a list of text (Node's
 * set-cookie). The rest is dropped: `null`, `undefined` and `false` (axios' "no such header"),
 * `true`, and a nested object (axios types a value as AxiosHeaders too).
 */
export type HeaderValue =
  | string
  | number
  | readonly string[]
  | boolean
  | null
  | undefined
  | { readonly [key: string]: unknown };

/** Response headers: a plain record (a literal, Node's IncomingHttpHeaders, axios' headers) or anything with forEach (fetch's Headers, a Map). Names are case-insensitive. */
export type HeaderInput =
  | Readonly<Record<string, HeaderValue>>
  | { forEach(callback: (value: string | number | readonly string[], name: string) => void): void };

/** The header that carries a request id when the body has none. */
export const REQUEST_ID_HEADER = "x-request-id";

/**
 * Headers that describe one connection or one encoding of one body, never an error: replaying
 * them over another body breaks the client (a gzip content-encoding over plain JSON, a stale
 * content-length), so an error never sends them, whatever the catalog or the caller says.
 */
export function isHopByHopOrEntityHeader(name: string): boolean {
  switch (name.toLowerCase()) {
    case "connection":
    case "keep-alive":
    case "proxy-connection":
    case "transfer-encoding":
    case "te":
    case "trailer":
    case "upgrade":
    case "content-length":
    case "content-encoding":
    case "date":
      return true;
    default:
      return false;
  }
}

function headerText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.filter((v) => typeof v === "string").join(", ");
  return undefined;
}

type ForEachHeaders = { forEach(callback: (value: unknown, name: unknown) => void): void };

// What a field value may hold (RFC 9110, section 5.5): tab, space, visible ASCII and obs-text
// (U+0080 to U+00FF, one octet each). Never CR, LF, NUL or another control character, which
// would end the header or smuggle in another, nor a character above U+00FF, which is no octet:
// Node's writeHead throws on either, and fetch's Headers refuses them.
const NOT_IN_FIELD_VALUE = /[^\t\x20-\x7e\x80-\xff]/;

/** The error for a header value no response can carry, naming the header and the character. */
function invalidValueError(name: string, text: string, index: number): TypeError {
  const code = text.codePointAt(index)!;
  const char = "U+" + code.toString(16).toUpperCase().padStart(4, "0");
  return new TypeError(
    `Invalid value for header ${JSON.stringify(name)}: ${char} at index ${String(index)}; ` +
      "a header value holds no control character (CR, LF, NUL, ...) but tab, and no character above U+00FF",
  );
}

/**
 * Headers with lower-case names; repeated names are joined with ", ". Only names `keep`
 * accepts are kept (all of them without `keep`). Values that are not text or numbers are
 * dropped, and so are values no header can hold (a control character but tab, a character
 * above U+00FF): with `invalid` "drop" (the default) it never throws on odd input; with
 * "throw" such a value is a TypeError naming the header.
 */
export function normalizeHeaders(
  input: HeaderInput | undefined,
  keep?: (name: string) => boolean,
  invalid: "drop" | "throw" = "drop",
): Readonly<Record<string, string>> {
  // No prototype: a header named __proto__ or constructor is just a header.
  const out = Object.create(null) as Record<string, string>;
  const add = (name: unknown, value: unknown): void => {
    const text = headerText(value);
    if (typeof name !== "string" || text === undefined) return;
    const key = name.toLowerCase();
    if (keep !== undefined && !keep(key)) return;
    const bad = text.search(NOT_IN_FIELD_VALUE);
    if (bad !== -1) {
      if (invalid === "throw") throw invalidValueError(name, text, bad);
      return;
    }
    const previous = out[key];
    out[key] = previous === undefined ? text : previous + ", " + text;
  };
  if (input !== null && typeof input === "object") {
    if (typeof input.forEach === "function") {
      (input as ForEachHeaders).forEach((value, name) => add(name, value));
    } else {
      for (const name of Object.keys(input)) add(name, (input as Record<string, unknown>)[name]);
    }
  }
  return Object.freeze(out);
}

/**
 * Headers given as a record that must hold each of `Name` (a status whose responses always
 * send them, such as WWW-Authenticate on 401), spelled as declared or in lower case. A Map or
 * fetch Headers cannot be checked this way: spread them into a record first.
 */
export type RequiredHeaders<Name extends string> = (
  { readonly [K in Name]: string | number } | { readonly [K in Lowercase<Name>]: string | number }
) &
  Readonly<Record<string, string | number | readonly string[] | undefined>>;
