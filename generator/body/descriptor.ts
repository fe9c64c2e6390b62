/**
 * The error body as one object: where each part of an error travels (JSON Pointers), the
 * constants every body carries, the documented extra members, the media type. Built once from
 * the catalog's errorBody (a preset adjusted by `fields`, `constants` and `extra`); every
 * emitter (OpenAPI schema and examples, TypeScript layout and types, docs) reads only this.
 * Building never fails: errorBodyProblems says, for validation, what the building left out.
 */
import type { ErrorBodySpec, ExtraSchema, JsonScalar } from './spec.js';
import type { FieldPath } from '../util/diagnostics.js';
import { formatPointer, parsePointer } from '../util/json-pointer.js';
import { FIELD_PARTS, type BodyPart, type BodyPreset, type FieldPart } from './preset.js';
import { DEFAULT_PRESET, PRESETS, type PresetName } from './presets/index.js';

export type { BodyPart } from './preset.js';

interface MemberBase {
  /** JSON Pointer of the member, as written (escaped). */
  readonly pointer: string;
  /** Its reference tokens: member names from the body's root. */
  readonly path: readonly string[];
}

/** A part of the error (code, message, …), filled in from the error when it is sent. */
export interface PartMember extends MemberBase {
  readonly kind: 'part';
  readonly part: BodyPart;
  readonly description: string;
}

/** A member every error body carries, with the same value. */
export interface ConstantMember extends MemberBase {
  readonly kind: 'constant';
  readonly value: JsonScalar;
}

/** A documented optional member: errors carry it by name (the last token of its pointer). */
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
  /** In body order: the preset's parts, then constants, then extras, as the catalog lists them. */
  readonly members: readonly BodyMember[];
  readonly codePattern: string | undefined;
  readonly defaultCode: string | undefined;
  /** For a body with a `type` part (problem): the prefix of type URIs of listed codes. */
  readonly problemTypeBase: string | undefined;
  /** How codes travel on the wire: JSON strings (the default) or JSON numbers. */
  readonly codeType: 'string' | 'integer';
  /** How a `status` member echoes the HTTP status: a JSON number (the default) or a string. */
  readonly statusType: 'integer' | 'string';
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
  const { kept } = separateOverlaps(placeMembers(spec, preset).placed);
  return {
    preset: presetName,
    summary: summaryOf(spec, preset, kept),
    mediaType: spec.mediaType ?? preset.mediaType,
    description: spec.description,
    members: kept,
    codePattern: spec.codePattern,
    defaultCode: spec.defaultCode,
    problemTypeBase: spec.problemTypeBase,
    codeType: 'string',
    statusType: 'integer',
  };
}

/** What is wrong with a catalog's errorBody: the shorthands, then the members as they are placed, then their overlaps. */
export function errorBodyProblems(spec: ErrorBodySpec): BodyProblem[] {
  const preset = PRESETS[presetOf(spec)];
  const { placed, refused } = placeMembers(spec, preset);
  return [...shorthandProblems(spec, preset), ...refused, ...separateOverlaps(placed).refused];
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

/**
 * The members the errorBody places, in body order (the preset's parts as `fields` and the
 * shorthands move them, then constants, then extras), and why those it cannot place are left
 * out. Members may still overlap: see separateOverlaps.
 */
function placeMembers(spec: ErrorBodySpec, preset: BodyPreset): { placed: Placed[]; refused: BodyProblem[] } {
  const placed: Placed[] = [];
  const refused: BodyProblem[] = [];
  const fields = spec.fields ?? {};
  const located = (text: string, field: FieldPath): { pointer: string; path: string[] } | undefined => {
    const parsed = parsePointer(text);
    if ('problem' in parsed) {
      refused.push({ field, message: parsed.problem });
      return undefined;
    }
    return { pointer: formatPointer(parsed.tokens), path: parsed.tokens };
  };
  const shorthands = { codeField: spec.codeField, messageField: spec.messageField };
  for (const member of preset.members(shorthands)) {
    const movable = (FIELD_PARTS as readonly BodyPart[]).includes(member.part) && !preset.fixed.includes(member.part as FieldPart);
    const given = (FIELD_PARTS as readonly BodyPart[]).includes(member.part) ? fields[member.part as FieldPart] : undefined;
    if (given !== undefined && !movable) {
      refused.push({
        field: ['fields', member.part],
        message: `the ${preset.name} preset fixes the ${member.part} member at ${member.pointer}`,
      });
    }
    const origin: FieldPath =
      given !== undefined && movable
        ? ['fields', member.part]
        : member.part === 'code' && spec.codeField !== undefined
          ? ['codeField']
          : member.part === 'message' && spec.messageField !== undefined && movable
            ? ['messageField']
            : ['shape'];
    const at = located(given !== undefined && movable ? given : member.pointer, origin);
    if (at === undefined) continue;
    const description = member.description ?? PART_DESCRIPTIONS[member.part];
    placed.push({ member: { kind: 'part', part: member.part, description, ...at }, origin });
  }
  for (const [pointer, value] of Object.entries(spec.constants ?? {})) {
    const at = located(pointer, ['constants', pointer]);
    if (at === undefined) continue;
    if (typeof value === 'number' && !Number.isFinite(value)) {
      refused.push({ field: ['constants', pointer], message: `${String(value)} has no JSON form: give a finite number` });
      continue;
    }
    placed.push({ member: { kind: 'constant', value, ...at }, origin: ['constants', pointer] });
  }
  const extraNames = new Map<string, string>();
  for (const [pointer, extra] of Object.entries(spec.extra ?? {})) {
    const at = located(pointer, ['extra', pointer]);
    if (at === undefined) continue;
    const name = at.path.at(-1)!;
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
 * The members that can share one body: one pointer per member, no member inside another's
 * value, no `__proto__`; the others are refused. Of two that clash, the one the catalog placed
 * is refused rather than the one the preset put there.
 */
function separateOverlaps(placed: readonly Placed[]): { kept: BodyMember[]; refused: BodyProblem[] } {
  const kept: Placed[] = [];
  const refused: BodyProblem[] = [];
  const fromPreset = (entry: Placed): boolean => entry.origin[0] === 'shape';
  for (const entry of placed) {
    const { member } = entry;
    if (member.path.includes('__proto__')) {
      refused.push({ field: entry.origin, message: `"${member.pointer}": "__proto__" cannot name a JSON member in generated code` });
      continue;
    }
    const clash = kept.find(({ member: other }) => isPrefix(other.path, member.path) || isPrefix(member.path, other.path));
    if (clash === undefined) {
      kept.push(entry);
      continue;
    }
    const [blamed, other] = fromPreset(entry) && !fromPreset(clash) ? [clash, entry] : [entry, clash];
    const how =
      other.member.path.length === blamed.member.path.length
        ? `is already the ${describeMember(other.member)}`
        : other.member.path.length < blamed.member.path.length
          ? `lies inside ${other.member.pointer}, the ${describeMember(other.member)}, which is not an object`
          : `holds ${other.member.pointer}, the ${describeMember(other.member)}, so it cannot be a value itself`;
    refused.push({
      field: blamed.origin,
      message: `${blamed.member.pointer} ${how}; give the ${describeMember(blamed.member)} a member of its own`,
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

function isPrefix(prefix: readonly string[], path: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((token, index) => token === path[index]);
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

/** A member or an object of members, as the body nests them: the shape schemas and types follow. */
export type BodyNode =
  { readonly key: string; readonly member: BodyMember } | { readonly key: string; readonly children: readonly BodyNode[] };

/** The members as a tree of objects, keys in body order (an object sits where its first member does). */
export function bodyTree(members: readonly BodyMember[]): readonly BodyNode[] {
  interface Branch {
    key: string;
    children: (Branch | { key: string; member: BodyMember })[];
  }
  const root: Branch = { key: '', children: [] };
  for (const member of members) {
    let branch = root;
    for (const token of member.path.slice(0, -1)) {
      let next = branch.children.find((c): c is Branch => c.key === token && 'children' in c);
      if (next === undefined) {
        next = { key: token, children: [] };
        branch.children.push(next);
      }
      branch = next;
    }
    branch.children.push({ key: member.path.at(-1)!, member });
  }
  return root.children;
}

/** Whether a node must be present in every body: a member that is not optional, or an object holding one. */
export function nodeIsRequired(node: BodyNode, body: Pick<BodyDescriptor, 'defaultCode'>): boolean {
  if ('children' in node) return node.children.some((child) => nodeIsRequired(child, body));
  const { member } = node;
  return member.kind === 'constant' || (member.kind === 'part' && !partIsOptional(member.part, body));
}
