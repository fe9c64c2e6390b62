/**
 * The error body as one object: where each part of an error travels (JSON Pointers), the
 * constants every body carries, the documented extra members, the media type. Built once from
 * the catalog's errorBody (a preset adjusted by `fields`, `constants` and `extra`); every
 * emitter (OpenAPI schema and examples, TypeScript layout and types, docs) reads only this.
 * Building never fails: errorBodyProblems says, for validation, what the building left out.
 */
import type { ErrorBodySpec, ExtraSchema, JsonValue } from './spec.js';
import type { FieldPath } from '../util/diagnostics.js';
import { formatPointer, parsePointer } from '../util/json-pointer.js';
import { FIELD_PARTS, OMISSIBLE_PARTS, type BodyPart, type BodyPreset, type FieldPart } from './preset.js';
import { DEFAULT_PRESET, PRESETS, type PresetName } from './presets/index.js';

export type { BodyPart } from './preset.js';

/** The highest index a pointer may name in a list: writing a body fills the items before it. */
export const MAX_ITEM_INDEX = 99;

interface MemberBase {
  /** JSON Pointer of the member, as written (escaped). */
  readonly pointer: string;
  /**
   * Its reference tokens from the body's root: member names, and (numbers) indices in arrays,
   * a pointer's token of digits without a leading zero (`/errors/0/code` → ["errors", 0, "code"]).
   */
  readonly path: readonly (string | number)[];
}

/** A part of the error (code, message, …), filled in from the error when it is sent. */
export interface PartMember extends MemberBase {
  readonly kind: 'part';
  readonly part: BodyPart;
  readonly description: string;
}

/** A member every error body carries, with the same value: any JSON value (null, [], {} and nested ones too). */
export interface ConstantMember extends MemberBase {
  readonly kind: 'constant';
  readonly value: JsonValue;
}

/** A documented optional member: errors carry it by name (the last token of its pointer, always a member name). */
export interface ExtraMember extends MemberBase {
  readonly kind: 'extra';
  readonly name: string;
  readonly schema: ExtraSchema;
  readonly description: string;
}

export type BodyMember = PartMember | ConstantMember | ExtraMember;

export interface BodyDescriptor {
  readonly preset: PresetName;
  /** How the body is laid out, in a phrase for the docs (the preset's, unless `fields` moved its parts). */
  readonly summary: string;
  readonly mediaType: string;
  readonly description: string | undefined;
  /**
   * In body order: the preset's parts (those `fields` leaves out with null are not there; a
   * `status` the preset lacks follows them), then constants, then extras, as the catalog lists them.
   */
  readonly members: readonly BodyMember[];
  readonly codePattern: string | undefined;
  readonly defaultCode: string | undefined;
  /** For a body with a `type` part (problem): the prefix of type URIs of listed codes. */
  readonly problemTypeBase: string | undefined;
  /** How codes travel on the wire: JSON strings (the default) or JSON numbers (every code is then digits). */
  readonly codeType: 'string' | 'integer';
  /** How a `status` member echoes the HTTP status: a JSON number (the default) or a string. */
  readonly statusType: 'integer' | 'string';
  /**
   * Whether the body carries at least one constant, so that a body of a success status (2xx)
   * carrying them all is an error body: a catalog may then list codes under a 2xx status (see
   * StatusModel.errorOnSuccess of the model), answered with an error body and a 2xx status.
   */
  readonly identifiedByConstants: boolean;
}

/** A problem with the errorBody, at a field path inside it. */
export interface BodyProblem {
  readonly field: FieldPath;
  readonly message: string;
}

/** What each part holds, as schemas and docs describe it. */
export const PART_DESCRIPTIONS: Readonly<Record<BodyPart, string>> = {
  code: 'Service error code.',
  message: 'Error message.',
  requestId: 'Identifier of the request, for support and logs.',
  type: 'URI of the problem type (RFC 9457).',
  title: 'Short summary: the message of the error code, else of the status.',
  status: 'The HTTP status.',
  instance: 'URI of this occurrence.',
};

/** Whether a part may be missing from a body: the code only when there is no default code. */
export function partIsOptional(part: BodyPart, body: Pick<BodyDescriptor, 'defaultCode'>): boolean {
  return part === 'requestId' || part === 'instance' || (part === 'code' && body.defaultCode === undefined);
}

/**
 * The descriptor of a catalog's errorBody. A member the catalog places badly is left out
 * (errorBodyProblems says why), so that the rest still describes the body and later checks
 * can run.
 */
export function buildBodyDescriptor(spec: ErrorBodySpec): BodyDescriptor {
  const presetName = presetOf(spec);
  const preset = PRESETS[presetName];
  const { kept } = separateOverlaps(placeMembers(spec, preset).placed, () => 0);
  return {
    preset: presetName,
    summary: summaryOf(spec, preset, kept),
    mediaType: spec.mediaType ?? preset.mediaType,
    description: spec.description,
    members: kept,
    codePattern: spec.codePattern,
    defaultCode: spec.defaultCode,
    problemTypeBase: spec.problemTypeBase,
    codeType: spec.codeType ?? 'string',
    statusType: spec.statusType ?? 'integer',
    identifiedByConstants: kept.some((member) => member.kind === 'constant'),
  };
}

/**
 * What is wrong with a catalog's errorBody: the shorthands, then the members as they are placed,
 * then their overlaps. `writtenLater` ranks the errorBody's fields by the file of an `extends`
 * chain that set them (higher: a later file): of two members that cannot share a body, the one
 * a later file placed is blamed, so that no problem is reported in a file the catalog extends
 * because of what the catalog itself set.
 */
export function errorBodyProblems(spec: ErrorBodySpec, writtenLater: (field: FieldPath) => number = () => 0): BodyProblem[] {
  const preset = PRESETS[presetOf(spec)];
  const { placed, refused } = placeMembers(spec, preset);
  return [...shorthandProblems(spec, preset), ...refused, ...separateOverlaps(placed, writtenLater).refused];
}

function presetOf(spec: ErrorBodySpec): PresetName {
  return spec.shape !== undefined && Object.hasOwn(PRESETS, spec.shape) ? spec.shape : DEFAULT_PRESET;
}

/** A shorthand that repeats its field, or that names a member its preset fixes. */
function shorthandProblems(spec: ErrorBodySpec, preset: BodyPreset): BodyProblem[] {
  const problems: BodyProblem[] = [];
  const fields = spec.fields ?? {};
  for (const [part, shorthand] of [
    ['code', 'codeField'],
    ['message', 'messageField'],
  ] as const) {
    if (spec[shorthand] !== undefined && fields[part] !== undefined) {
      problems.push({ field: [shorthand], message: `gives the ${part} member a second time (fields.${part} sets it too): keep one` });
    }
    if (spec[shorthand] !== undefined && preset.fixed.includes(part)) {
      problems.push({ field: [shorthand], message: `does not apply to the ${preset.name} preset, which fixes the ${part} member` });
    }
  }
  return problems;
}

/** A member and the errorBody field that placed it, where a problem with it is reported. */
interface Placed {
  readonly member: BodyMember;
  readonly origin: FieldPath;
}

const INDEX_TOKEN = /^(?:0|[1-9][0-9]*)$/;

/**
 * The path of a pointer the catalog wrote, its tokens of digits without a leading zero as array
 * indices, or why the body cannot hold a member there.
 */
export function bodyPath(text: string): { pointer: string; path: (string | number)[] } | { problem: string } {
  const parsed = parsePointer(text);
  if ('problem' in parsed) return parsed;
  if (parsed.tokens.includes('-')) {
    return {
      problem: `"${text}": "-" names the item after the end of an array (RFC 6901), which no body holds; give the index of the item`,
    };
  }
  const path = parsed.tokens.map((token) => (INDEX_TOKEN.test(token) ? Number(token) : token));
  if (typeof path[0] === 'number') {
    return { problem: `"${text}" starts with an array index, but the body is a JSON object: start with a member name` };
  }
  const tooFar = path.find((token) => typeof token === 'number' && token > MAX_ITEM_INDEX);
  if (tooFar !== undefined) {
    return { problem: `"${text}" names item ${String(tooFar)} of an array; an index is at most ${MAX_ITEM_INDEX}` };
  }
  return { pointer: formatPointer(parsed.tokens), path };
}

/** Why a JSON value cannot be written into generated code as it is, if it cannot. */
function jsonValueProblem(value: JsonValue): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${String(value)} has no JSON form: give a finite number`;
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const item of value as readonly JsonValue[]) {
      const problem = jsonValueProblem(item);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    if (key === '__proto__') return 'has a member "__proto__", which generated code cannot write as a member';
    const problem = jsonValueProblem(item);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** Whether `part` is a part `fields` may place (or, for some, leave out). */
function isFieldPart(part: BodyPart): part is FieldPart {
  return (FIELD_PARTS as readonly BodyPart[]).includes(part);
}

/**
 * The members the errorBody places, in body order (the preset's parts as `fields` and the
 * shorthands move them, then constants, then extras), and why those it cannot place are left
 * out. Members may still overlap: see separateOverlaps.
 */
function placeMembers(spec: ErrorBodySpec, preset: BodyPreset): { placed: Placed[]; refused: BodyProblem[] } {
  const placed: Placed[] = [];
  const refused: BodyProblem[] = [];
  const fields = spec.fields ?? {};
  const located = (text: string, field: FieldPath): { pointer: string; path: (string | number)[] } | undefined => {
    const at = bodyPath(text);
    if ('problem' in at) {
      refused.push({ field, message: at.problem });
      return undefined;
    }
    return at;
  };
  const shorthands = { codeField: spec.codeField, messageField: spec.messageField };
  const presetMembers = preset.members(shorthands);
  // A field part the preset has no member for (status, but in problem) goes after the preset's own.
  const added = FIELD_PARTS.filter((part) => fields[part] != null && !presetMembers.some((member) => member.part === part)).map((part) => ({
    part,
    pointer: fields[part]!,
    description: undefined,
  }));
  for (const member of [...presetMembers, ...added]) {
    const fixed = isFieldPart(member.part) && preset.fixed.includes(member.part);
    const given = isFieldPart(member.part) ? fields[member.part] : undefined;
    // A fixed part may be named where the preset has it: that moves nothing.
    if (given !== undefined && fixed && given !== member.pointer) {
      refused.push({
        field: ['fields', member.part],
        message:
          given === null
            ? `the ${preset.name} preset fixes the ${member.part} member at ${member.pointer}: a body of it cannot leave it out`
            : `the ${preset.name} preset fixes the ${member.part} member at ${member.pointer}`,
      });
    }
    const moved = given !== undefined && !fixed;
    if (moved && given === null) {
      if ((OMISSIBLE_PARTS as readonly BodyPart[]).includes(member.part)) continue;
      refused.push({ field: ['fields', member.part], message: `the ${member.part} member cannot be left out of a body` });
    }
    const origin: FieldPath = moved
      ? ['fields', member.part]
      : member.part === 'code' && spec.codeField !== undefined
        ? ['codeField']
        : member.part === 'message' && spec.messageField !== undefined && !fixed
          ? ['messageField']
          : ['shape'];
    const at = located(moved && given !== null ? given : member.pointer, origin);
    if (at === undefined) continue;
    const description = member.description ?? PART_DESCRIPTIONS[member.part];
    placed.push({ member: { kind: 'part', part: member.part, description, ...at }, origin });
  }
  for (const [pointer, value] of Object.entries(spec.constants ?? {})) {
    const at = located(pointer, ['constants', pointer]);
    if (at === undefined) continue;
    const problem = jsonValueProblem(value);
    if (problem !== undefined) {
      refused.push({ field: ['constants', pointer], message: problem });
      continue;
    }
    placed.push({ member: { kind: 'constant', value, ...at }, origin: ['constants', pointer] });
  }
  const extraNames = new Map<string, string>();
  for (const [pointer, extra] of Object.entries(spec.extra ?? {})) {
    const at = located(pointer, ['extra', pointer]);
    if (at === undefined) continue;
    const name = at.path.at(-1)!;
    if (typeof name === 'number') {
      refused.push({
        field: ['extra', pointer],
        message: `ends in an array index: errors carry an extra by the member name its pointer ends in, so end it in a name`,
      });
      continue;
    }
    const earlier = extraNames.get(name);
    if (earlier !== undefined) {
      refused.push({
        field: ['extra', pointer],
        message: `ends in "${name}" like ${earlier}: errors carry extras by that last name, so it must be unique`,
      });
      continue;
    }
    extraNames.set(name, pointer);
    placed.push({
      member: { kind: 'extra', name, schema: extra.schema ?? {}, description: extra.description, ...at },
      origin: ['extra', pointer],
    });
  }
  return { placed, refused };
}

/**
 * Why two members cannot share one body, or undefined when they can: one pointer per member, no
 * member inside another's value, one kind (object or array) per place, one item per list.
 */
function clashOf(member: BodyMember, other: BodyMember): string | undefined {
  const shared = Math.min(member.path.length, other.path.length);
  const at = member.path.findIndex((token, index) => index < shared && token !== other.path[index]);
  if (at === -1) {
    if (member.path.length === other.path.length) return `is already the ${describeMember(other)}`;
    if (other.path.length < member.path.length) {
      return other.kind === 'constant'
        ? `lies inside ${other.pointer}, a constant, whose value is written as it is`
        : `lies inside ${other.pointer}, the ${describeMember(other)}, which is not an object`;
    }
    return `holds ${other.pointer}, the ${describeMember(other)}, so it cannot be a value itself`;
  }
  const place = formatPointer(member.path.slice(0, at).map(String));
  const mine = member.path[at]!;
  const theirs = other.path[at]!;
  if (typeof mine === 'number' && typeof theirs === 'number') {
    return `puts the ${describeMember(member)} in item ${mine} of the list ${place}, but the ${describeMember(other)} (${other.pointer}) is in item ${theirs}: an error's members go in one item`;
  }
  if (typeof mine === 'number' || typeof theirs === 'number') {
    const [list, object] =
      typeof mine === 'number'
        ? ['it', `the ${describeMember(other)} (${other.pointer})`]
        : [`the ${describeMember(other)} (${other.pointer})`, 'it'];
    return `makes ${place} both an array and an object: ${list} indexes it, ${object} names a member of it`;
  }
  return undefined;
}

/**
 * The members that can share one body (see clashOf), without `__proto__`; the others are
 * refused. Of two that clash, the one a later file of the chain placed is refused, then the one
 * the catalog placed rather than the one the preset put there, then the later one.
 */
function separateOverlaps(
  placed: readonly Placed[],
  writtenLater: (field: FieldPath) => number,
): { kept: BodyMember[]; refused: BodyProblem[] } {
  const kept: Placed[] = [];
  const refused: BodyProblem[] = [];
  const fromPreset = (entry: Placed): boolean => entry.origin[0] === 'shape';
  for (const entry of placed) {
    const { member } = entry;
    if (member.path.includes('__proto__')) {
      refused.push({ field: entry.origin, message: `"${member.pointer}": "__proto__" cannot name a JSON member in generated code` });
      continue;
    }
    const clash = kept.find((other) => clashOf(member, other.member) !== undefined);
    if (clash === undefined) {
      kept.push(entry);
      continue;
    }
    const later = writtenLater(entry.origin) - writtenLater(clash.origin);
    const blameClash = later < 0 || (later === 0 && fromPreset(entry) && !fromPreset(clash));
    const [blamed, other] = blameClash ? [clash, entry] : [entry, clash];
    refused.push({
      field: blamed.origin,
      message: `${blamed.member.pointer} ${clashOf(blamed.member, other.member)!}; give the ${describeMember(blamed.member)} a member of its own`,
    });
    if (blamed === clash) kept.splice(kept.indexOf(clash), 1, entry);
  }
  return { kept: kept.map(({ member }) => member), refused };
}

/** How the body is laid out, in a phrase: once the catalog moves a part, the preset's phrase no longer describes it. */
function summaryOf(spec: ErrorBodySpec, preset: BodyPreset, members: readonly BodyMember[]): string {
  if (spec.fields !== undefined) return 'its members at the JSON Pointers below';
  return members.some((m) => m.kind !== 'part') ? `${preset.summary}, with the members below` : preset.summary;
}

/** How a message names a member: "code member", "constant", "extra doc_url". */
export function describeMember(member: BodyMember): string {
  switch (member.kind) {
    case 'part':
      return `${member.part} member`;
    case 'constant':
      return 'constant';
    case 'extra':
      return `extra ${member.name}`;
  }
}

/**
 * A member, an object of members or a list, under its name in the object that holds it: the
 * shape schemas and types follow.
 */
export type BodyNode =
  | { readonly key: string; readonly member: BodyMember }
  | { readonly key: string; readonly children: readonly BodyNode[] }
  | { readonly key: string; readonly list: BodyList };

/**
 * A list of the body: the error's members travel in its item at `index` (`/errors/0/code`:
 * index 0 of "errors"); other items a response may carry are not described.
 */
export interface BodyList {
  readonly index: number;
  readonly item: BodyItem;
}

/** What a list's item is: a member, an object of members, or a list again. */
export type BodyItem = { readonly member: BodyMember } | { readonly children: readonly BodyNode[] } | { readonly list: BodyList };

interface Pending {
  readonly rest: readonly (string | number)[];
  readonly member: BodyMember;
}

/**
 * The members as a tree of objects and lists, keys in body order (an object or a list sits where
 * its first member does). The members are a descriptor's: they share a body (no two in different
 * items of one list, none both a list and an object).
 */
export function bodyTree(members: readonly BodyMember[]): readonly BodyNode[] {
  return objectNodes(members.map((member) => ({ rest: member.path, member })));
}

function objectNodes(pending: readonly Pending[]): BodyNode[] {
  const groups = new Map<string, Pending[]>();
  for (const entry of pending) {
    const key = String(entry.rest[0]);
    groups.set(key, [...(groups.get(key) ?? []), { rest: entry.rest.slice(1), member: entry.member }]);
  }
  return [...groups].map(([key, group]): BodyNode => {
    const item = itemOf(group);
    return 'member' in item ? { key, member: item.member } : 'list' in item ? { key, list: item.list } : { key, children: item.children };
  });
}

/** What the members below one place make of it: a member (its path ends there), a list or an object. */
function itemOf(group: readonly Pending[]): BodyItem {
  const ended = group.find((entry) => entry.rest.length === 0);
  if (ended !== undefined) return { member: ended.member };
  const first = group[0]!.rest[0]!;
  if (typeof first === 'number') {
    return { list: { index: first, item: itemOf(group.map((entry) => ({ rest: entry.rest.slice(1), member: entry.member }))) } };
  }
  return { children: objectNodes(group) };
}

/** Whether a node (or a list's item) must be present in every body: a member that is not optional, or an object or list holding one. */
export function nodeIsRequired(node: BodyNode | BodyItem, body: Pick<BodyDescriptor, 'defaultCode'>): boolean {
  if ('children' in node) return node.children.some((child) => nodeIsRequired(child, body));
  if ('list' in node) return nodeIsRequired(node.list.item, body);
  const { member } = node;
  return member.kind === 'constant' || (member.kind === 'part' && !partIsOptional(member.part, body));
}
