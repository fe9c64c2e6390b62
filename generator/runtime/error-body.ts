/**
 * The JSON error body on the wire: written in the catalog's layout, read in any of the common
 * layouts (gateways and proxies answer in their own).
 */

/** Where the parts of an error body travel: paths of member names from the body's root. */
export interface ErrorBodyLayout {
  /** Media type of error bodies. */
  readonly mediaType: string;
  /** Path of the service error code, e.g. `["error_code"]` or `["error", "code"]`. */
  readonly code: readonly string[];
  /** Path of the message, e.g. `["error_msg"]`, or `["detail"]` in a problem document. */
  readonly message: readonly string[];
  /** Path of the request id. */
  readonly requestId: readonly string[];
  /**
   * For RFC 9457 problem documents: the prefix of problem type URIs (the type of a listed code
   * is this followed by the code; `about:blank` otherwise). `false` for other bodies.
   */
  readonly problem: false | { readonly typeBase: string | undefined };
}

/** What an error puts into its body. */
export interface ErrorBodyParts {
  /** HTTP status (problem documents carry it). */
  readonly status: number;
  /** Service error code; left out when undefined. */
  readonly code: string | undefined;
  /** The message the body carries. */
  readonly message: string;
  /** Identifier of the request; left out when undefined. */
  readonly requestId: string | undefined;
  /** Problem documents: the catalog message of the code, or of the status. */
  readonly title: string;
  /** Problem documents: whether the catalog lists the code under this status (then it has its own type). */
  readonly listedCode: boolean;
  /** Problem documents: URI of this occurrence. */
  readonly instance: string | undefined;
}

/** The body of an error, members in a fixed order so that bodies compare byte for byte. */
export function writeErrorBody(layout: ErrorBodyLayout, parts: ErrorBodyParts): object {
  const body: Record<string, unknown> = {};
  if (layout.problem !== false) {
    const base = layout.problem.typeBase;
    body["type"] = base !== undefined && parts.listedCode ? base + parts.code : "about:blank";
    body["title"] = parts.title;
    body["status"] = parts.status;
  }
  if (layout.problem === false) setPath(body, layout.code, parts.code);
  setPath(body, layout.message, parts.message);
  if (layout.problem !== false) {
    setPath(body, ["instance"], parts.instance);
    setPath(body, layout.code, parts.code);
  }
  setPath(body, layout.requestId, parts.requestId);
  return body;
}

function setPath(body: Record<string, unknown>, path: readonly string[], value: unknown): void {
  if (value === undefined || path.length === 0) return;
  let target = body;
  for (const key of path.slice(0, -1)) {
    const next = Object.hasOwn(target, key) ? target[key] : undefined;
    if (typeof next === "object" && next !== null) target = next as Record<string, unknown>;
    else target = (target[key] = {}) as Record<string, unknown>;
  }
  target[path[path.length - 1]!] = value;
}

/** The parts of an error body a client can read; each undefined when absent or of the wrong type. */
export interface ReadErrorBody {
  /** Service error code, a JSON number spelled as the catalog spells it. */
  readonly code: string | undefined;
  /** The message. */
  readonly message: string | undefined;
  /** Identifier of the request. */
  readonly requestId: string | undefined;
  /** URI of the occurrence (problem documents). */
  readonly instance: string | undefined;
}

const NOTHING: ReadErrorBody = {
  code: undefined,
  message: undefined,
  requestId: undefined,
  instance: undefined,
};

/**
 * Reads an error body, raw text or parsed JSON: the catalog's own paths first, then the flat
 * (`error_code`, `code`), nested (`error.code`) and problem (`detail`) layouts. Missing members,
 * text that is not JSON and wrong types give `undefined` parts; it never throws on plain data
 * and runs no getters.
 * @param numericCode - Maps a code sent as a JSON number to the catalog's spelling ("0500" for 500).
 * @param isOwnCode - Whether a code found outside the catalog's own path is this service's: the
 * `code` of another service's body (a gateway's `{"error":{"code":404}}`) is not.
 */
export function readErrorBody(
  layout: ErrorBodyLayout,
  body: unknown,
  numericCode: (value: number) => string = String,
  isOwnCode: (code: string) => boolean = () => true,
): ReadErrorBody {
  let value = body;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value.replace(/^\uFEFF/, ""));
    } catch {
      return NOTHING;
    }
  }
  if (!isRecord(value)) return NOTHING;
  const code = (found: unknown): string | undefined => {
    if (typeof found === "string") return found;
    // Services with numeric tables often send the code as a JSON number: 1100, or 500 for "0500".
    if (typeof found === "number" && Number.isSafeInteger(found) && found >= 0)
      return numericCode(found);
    return undefined;
  };
  const text = (found: unknown): string | undefined =>
    typeof found === "string" ? found : undefined;
  const first = <T,>(
    read: (found: unknown) => T | undefined,
    paths: readonly (readonly string[])[],
  ): T | undefined => {
    for (const path of paths) {
      const found = read(atPath(value, path));
      if (found !== undefined) return found;
    }
    return undefined;
  };
  const foreignCode = (found: unknown): string | undefined => {
    const read = code(found);
    return read !== undefined && isOwnCode(read) ? read : undefined;
  };
  const otherCodePaths = [["error_code"], ["code"], ["error", "code"], ["error", "error_code"]];
  const messagePaths = [
    layout.message,
    ["error_msg"],
    ["message"],
    ["detail"],
    ["error", "message"],
    ["error", "error_msg"],
  ];
  const requestIdPaths = [layout.requestId, ["request_id"], ["error", "request_id"]];
  return {
    code: first(code, [layout.code]) ?? first(foreignCode, otherCodePaths),
    message: first(text, messagePaths),
    requestId: first(text, requestIdPaths),
    instance: first(text, [["instance"]]),
  };
}

function isRecord(value: unknown): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function ownValue(value: object, key: string): unknown {
  // Own data properties only: nothing inherited, no getters run.
  return Object.getOwnPropertyDescriptor(value, key)?.value;
}

function atPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isRecord(current)) return undefined;
    current = ownValue(current, key);
  }
  return current;
}
