/**
 * The JSON error body on the wire: written in the catalog's layout, read in that layout or at
 * the other places the layout names (the common layouts: gateways and proxies answer in their own).
 */

/** The parts of an error that travel in its body. */
export type ErrorBodyPart =
  "code" | "message" | "requestId" | "type" | "title" | "status" | "instance";

/** A JSON value. */
export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A JSON value a constant member holds. */
export type ErrorBodyConstant = JsonValue;

/** One step of a member's path from the body's root: a member name, or (a number) an index in an array. */
export type ErrorBodyPathToken = string | number;

/** One member of the body: where it travels (its path from the body's root) and what it holds. */
export type ErrorBodyMember =
  | { readonly path: readonly ErrorBodyPathToken[]; readonly part: ErrorBodyPart }
  | {
      readonly path: readonly ErrorBodyPathToken[];
      readonly part: "constant";
      readonly value: ErrorBodyConstant;
    }
  | {
      readonly path: readonly ErrorBodyPathToken[];
      readonly part: "extra";
      /** The key of the extra in an error's `extras`. */
      readonly name: string;
      /** The JSON type a value read from a response must have to be kept (any when undefined). */
      readonly type: ExtraType | undefined;
    };

/** The parts of an error a client reads from a response's body. */
export type ErrorBodyReadPart = "code" | "message" | "requestId" | "instance";

/** JSON types an extra member may be declared with. */
export type ExtraType = "string" | "integer" | "number" | "boolean" | "object" | "array";

/** Where the parts of an error body travel. */
export interface ErrorBodyLayout {
  /** Media type of error bodies. */
  readonly mediaType: string;
  /** Members in body order. */
  readonly members: readonly ErrorBodyMember[];
  /** With a `type` member (RFC 9457 problems): the prefix of the type URI of a listed code. */
  readonly problemTypeBase: string | undefined;
  /** How codes travel: as JSON strings, or as JSON numbers ("integer"). */
  readonly codeType: "string" | "integer";
  /** How a `status` member echoes the HTTP status: a JSON number ("integer"), or a string such as "404". */
  readonly statusType: "integer" | "string";
}

/**
 * Where else a response's body may carry each part, tried in order after the layout's own
 * member: the layouts of every body preset and the names gateways use in them.
 */
export type ErrorBodyAlsoRead = {
  readonly [P in ErrorBodyReadPart]: readonly (readonly ErrorBodyPathToken[])[];
};

/** What a body read from a response is read by: the catalog's layout, and where else to look. */
export interface ErrorBodyReadLayout extends ErrorBodyLayout {
  /** The places tried after the layout's own members (ERROR_BODY_ALSO_READ of catalog.ts). */
  readonly alsoRead: ErrorBodyAlsoRead;
}

/** What an error puts into its body. */
export interface ErrorBodyParts {
  /** HTTP status (problem documents carry it, and layouts that echo it), written in the layout's statusType. */
  readonly status: number;
  /** Service error code (a number where the layout's codeType is integer); left out when undefined. */
  readonly code: string | number | undefined;
  /** The message the body carries. */
  readonly message: string;
  /** Identifier of the request; left out when undefined. */
  readonly requestId: string | undefined;
  /** Problem documents: the catalog message of the code, or of the status. */
  readonly title: string;
  /** Problem documents: whether the catalog lists the code under this status (then it has its own type). */
  readonly listedCode: boolean;
  /** Problem documents: the page the catalog gives for the code under this status, its type instead of problemTypeBase and the code. */
  readonly docUrl: string | undefined;
  /** Problem documents: URI of this occurrence. */
  readonly instance: string | undefined;
  /** Values of the extra members, by name; an undefined one is left out. */
  readonly extras: object;
}

/**
 * The body of an error, members in the layout's order so that bodies compare byte for byte. A
 * number in a member's path is an index in an array: the error is written as that item.
 */
export function writeErrorBody(layout: ErrorBodyLayout, parts: ErrorBodyParts): object {
  const body: Record<string, unknown> = {};
  for (const member of layout.members) {
    setPath(body, member.path, memberValue(layout, member, parts));
  }
  return body;
}

function memberValue(
  layout: ErrorBodyLayout,
  member: ErrorBodyMember,
  parts: ErrorBodyParts,
): unknown {
  switch (member.part) {
    case "constant":
      // A copy: a body handed out must not share its arrays and objects with the layout.
      return JSON.parse(JSON.stringify(member.value));
    case "extra":
      // Own members only; typed as any object, as an error's extras are (ErrorExtras).
      return Object.hasOwn(parts.extras, member.name)
        ? (parts.extras as Readonly<Record<string, unknown>>)[member.name]
        : undefined;
    case "type":
      // A code listed under the status has a type of its own: its docUrl, else the base and the code.
      if (!parts.listedCode) return "about:blank";
      return (
        parts.docUrl ??
        (layout.problemTypeBase === undefined ? "about:blank" : layout.problemTypeBase + parts.code)
      );
    default:
      // The status echoed in a body travels in the type the catalog declares.
      return member.part === "status" && layout.statusType === "string"
        ? String(parts.status)
        : parts[member.part];
  }
}

function setPath(
  body: Record<string, unknown>,
  path: readonly ErrorBodyPathToken[],
  value: unknown,
): void {
  if (value === undefined || path.length === 0) return;
  let target = body;
  for (let i = 1; i < path.length; i += 1) {
    const key = String(path[i - 1]);
    const next = Object.hasOwn(target, key) ? target[key] : undefined;
    // What holds the next token: an array for an index, an object for a name.
    target = (
      typeof next === "object" && next !== null
        ? next
        : defineOwn(target, key, typeof path[i] === "number" ? [] : {})
    ) as Record<string, unknown>;
  }
  defineOwn(target, String(path[path.length - 1]), value);
}

/** Sets a member as plain data, whatever its name (`__proto__` included). */
function defineOwn(target: Record<string, unknown>, key: string, value: unknown): unknown {
  Object.defineProperty(target, key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
  return value;
}

/** The path of a part in the layout, if the body carries it. */
function pathOf(
  layout: ErrorBodyLayout,
  part: ErrorBodyPart,
): readonly ErrorBodyPathToken[] | undefined {
  return layout.members.find((m) => m.part === part)?.path;
}

/** Another error of the same body: an item of the list the error's own parts are read from. */
export interface ReadRelatedError {
  /** Its service error code, spelled as the catalog spells it. */
  readonly code: string | undefined;
  /** Its message. */
  readonly message: string | undefined;
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
  /** The extra members the layout declares, by name: those present with their declared JSON type. */
  readonly extras: Readonly<Record<string, unknown>>;
  /**
   * Where the layout reads the code (else the message) from an item of a list (`/errors/0/code`):
   * the other items of that list that carry a code or a message, in list order (none when the
   * body has no such list); undefined for a layout that reads no part from a list.
   */
  readonly related: readonly ReadRelatedError[] | undefined;
}

/**
 * The longest body text read, in characters (UTF-16 code units): 1 MiB. An error body is a
 * few hundred bytes; longer text is not parsed (a multi-megabyte page would cost its parse
 * and its memory on every error), and reads as text that is not JSON.
 */
export const MAX_ERROR_BODY_LENGTH = 1_048_576;

const NOTHING: ReadErrorBody = {
  code: undefined,
  message: undefined,
  requestId: undefined,
  instance: undefined,
  extras: {},
  related: undefined,
};

/** A body given as text parsed (at most MAX_ERROR_BODY_LENGTH, a BOM dropped), else as given; undefined for text that is not JSON. */
function parsedBody(body: unknown): unknown {
  if (typeof body !== "string") return body;
  if (body.length > MAX_ERROR_BODY_LENGTH) return undefined;
  try {
    return JSON.parse(body.replace(/^\uFEFF/, ""));
  } catch {
    return undefined;
  }
}

/**
 * Reads an error body, raw text (at most MAX_ERROR_BODY_LENGTH) or parsed JSON: the catalog's own paths first, then the
 * layout's `alsoRead` paths (the flat `error_code`, `code`, the nested `error.code`, the problem `detail`, …); extras only at
 * the catalog's own paths. Missing members,
 * text that is not JSON and wrong types give `undefined` parts; it never throws on plain data
 * and runs no getters.
 * @param numericCode - Maps a code sent as a JSON number to the catalog's spelling ("0500" for 500).
 * @param isOwnCode - Whether a code found outside the catalog's own path is this service's: the
 * `code` of another service's body (a gateway's `{"error":{"code":404}}`) is not.
 */
export function readErrorBody(
  layout: ErrorBodyReadLayout,
  body: unknown,
  numericCode: (value: number) => string = String,
  isOwnCode: (code: string) => boolean = () => true,
): ReadErrorBody {
  const value = parsedBody(body);
  if (!isRecord(value)) {
    return { ...NOTHING, related: listOf(layout) === undefined ? undefined : [] };
  }
  const code = (found: unknown): string | undefined => {
    if (typeof found === "string") return found;
    // Services with numeric tables often send the code as a JSON number: 1100, or 500 for "0500".
    if (typeof found === "number" && Number.isSafeInteger(found) && found >= 0)
      return numericCode(found);
    return undefined;
  };
  const text = (found: unknown): string | undefined =>
    typeof found === "string" ? found : undefined;
  // A declaration rather than a generic arrow: prettier spells those differently in .ts and .tsx.
  function first<T>(
    read: (found: unknown) => T | undefined,
    paths: readonly (readonly ErrorBodyPathToken[])[],
  ): T | undefined {
    for (const path of paths) {
      const found = read(atPath(value, path));
      if (found !== undefined) return found;
    }
    return undefined;
  }
  const foreignCode = (found: unknown): string | undefined => {
    const read = code(found);
    return read !== undefined && isOwnCode(read) ? read : undefined;
  };
  const own = (part: ErrorBodyReadPart): (readonly ErrorBodyPathToken[])[] => {
    const path = pathOf(layout, part);
    return path === undefined ? [] : [path];
  };
  const paths = (part: ErrorBodyReadPart): (readonly ErrorBodyPathToken[])[] => [
    ...own(part),
    ...layout.alsoRead[part],
  ];
  const extras: Record<string, unknown> = {};
  for (const member of layout.members) {
    if (member.part !== "extra") continue;
    const found = atPath(value, member.path);
    if (found !== undefined && hasType(found, member.type)) defineOwn(extras, member.name, found);
  }
  return {
    code: first(code, own("code")) ?? first(foreignCode, layout.alsoRead.code),
    message: first(text, paths("message")),
    requestId: first(text, paths("requestId")),
    instance: first(text, paths("instance")),
    extras,
    related: relatedErrors(layout, value, code, text),
  };
}

/** The other items of the list the layout reads the error's code (else its message) from. */
function relatedErrors(
  layout: ErrorBodyLayout,
  body: object,
  code: (found: unknown) => string | undefined,
  text: (found: unknown) => string | undefined,
): ReadRelatedError[] | undefined {
  const listed = listOf(layout);
  if (listed === undefined) return undefined;
  const { list, index: own } = listed;
  const items = atPath(body, list);
  if (!Array.isArray(items)) return [];
  const codePath = pathOf(layout, "code");
  const messagePath = pathOf(layout, "message");
  // A part read from item `index`: its own path with that index; none for a part outside the item.
  function inItem<T>(
    read: (found: unknown) => T | undefined,
    path: Path | undefined,
    index: number,
  ) {
    if (path === undefined || !startsWith(path, [...list, own])) return undefined;
    return read(atPath(body, [...list, index, ...path.slice(list.length + 1)]));
  }
  const related: ReadRelatedError[] = [];
  for (let index = 0; index < items.length; index += 1) {
    if (index === own) continue;
    const item = { code: inItem(code, codePath, index), message: inItem(text, messagePath, index) };
    if (item.code !== undefined || item.message !== undefined) related.push(item);
  }
  return related;
}

type Path = readonly ErrorBodyPathToken[];

/** The list the layout reads the code (else the message) from, and the error's index in it; undefined when neither path goes through an array. */
function listOf(layout: ErrorBodyLayout): { list: Path; index: number } | undefined {
  for (const part of ["code", "message"] as const) {
    const path = pathOf(layout, part) ?? [];
    const at = path.findIndex((token) => typeof token === "number");
    if (at !== -1) return { list: path.slice(0, at), index: path[at] as number };
  }
  return undefined;
}

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.every((token, index) => path[index] === token);
}

/**
 * Whether a body (raw text or parsed JSON) carries every constant of the layout, each equal as
 * JSON (deep, own data members only): what tells an error body that comes with a 2xx status
 * from a success. False for a layout without constants, and for anything that is not JSON.
 */
export function carriesErrorConstants(layout: ErrorBodyLayout, body: unknown): boolean {
  const value = parsedBody(body);
  const constants = layout.members.filter((m) => m.part === "constant");
  return constants.length > 0 && constants.every((m) => jsonEquals(atPath(value, m.path), m.value));
}

function jsonEquals(found: unknown, want: JsonValue): boolean {
  if (typeof want !== "object" || want === null) return found === want;
  if (Array.isArray(want)) {
    return (
      Array.isArray(found) &&
      found.length === want.length &&
      want.every((item: JsonValue, index) => jsonEquals(ownValue(found, String(index)), item))
    );
  }
  if (!isRecord(found)) return false;
  const keys = Object.keys(want);
  return (
    Object.keys(found).length === keys.length &&
    keys.every(
      (key) =>
        Object.hasOwn(found, key) &&
        jsonEquals(ownValue(found, key), (want as { readonly [key: string]: JsonValue })[key]!),
    )
  );
}

function hasType(value: unknown, type: ExtraType | undefined): boolean {
  switch (type) {
    case undefined:
      return true;
    case "integer":
      return Number.isSafeInteger(value);
    case "object":
      return isRecord(value);
    case "array":
      return Array.isArray(value);
    default:
      return typeof value === type;
  }
}

function isRecord(value: unknown): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function ownValue(value: object, key: string): unknown {
  // Own data properties only: nothing inherited, no getters run.
  return Object.getOwnPropertyDescriptor(value, key)?.value;
}

/** The value at a path: a number token reads an array's item, a name an object's member; else undefined. */
function atPath(value: unknown, path: readonly ErrorBodyPathToken[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof key === "number" ? !Array.isArray(current) : !isRecord(current)) return undefined;
    current = ownValue(current as object, String(key));
  }
  return current;
}
