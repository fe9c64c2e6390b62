/**
 * The error body as one object: where each part of an error travels (JSON Pointers), the
 * constants every body carries, the documented extra members, the media type. Built once from
 * the catalog's errorBody (a preset adjusted by `fields`, `constants` and `extra`); every
 * emitter (OpenAPI schema and examples, TypeScript layout and types, docs) reads only this.
 */
import type { ErrorBodySpec, ExtraSchema, JsonScalar } from './spec.js';
import type { FieldPath } from '../util/diagnostics.js';
import { formatPointer, parsePointer } from '../util/json-pointer.js';
import { FIELD_PARTS, type BodyPart, type FieldPart } from './preset.js';
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
 * The descriptor of a catalog's errorBody, and what is wrong with it. With problems the
 * descriptor is still whole (a bad pointer is left out), so that later checks can run.
 */
export function describeErrorBody(spec: ErrorBodySpec): { descriptor: BodyDescriptor; problems: BodyProblem[] } {
  const problems: BodyProblem[] = [];
  const presetName: PresetName = spec.shape !== undefined && Object.hasOwn(PRESETS, spec.shape) ? spec.shape : DEFAULT_PRESET;
  const preset = PRESETS[presetName];
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

  // Where each member came from, to locate a problem with it.
  const origins = new Map<BodyMember, FieldPath>();
  const members: BodyMember[] = [];
  const pointerOf = (text: string, field: FieldPath): { pointer: string; path: string[] } | undefined => {
    const parsed = parsePointer(text);
    if ('problem' in parsed) {
      problems.push({ field, message: parsed.problem });
      return undefined;
    }
    return { pointer: formatPointer(parsed.tokens), path: parsed.tokens };
  };
  const shorthands = { codeField: spec.codeField, messageField: spec.messageField };
  for (const member of preset.members(shorthands)) {
    const movable = (FIELD_PARTS as readonly BodyPart[]).includes(member.part) && !preset.fixed.includes(member.part as FieldPart);
    const given = (FIELD_PARTS as readonly BodyPart[]).includes(member.part) ? fields[member.part as FieldPart] : undefined;
    if (given !== undefined && !movable) {
      problems.push({
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
    const at = pointerOf(given !== undefined && movable ? given : member.pointer, origin);
    if (at === undefined) continue;
    const made: PartMember = { kind: 'part', part: member.part, description: member.description ?? PART_DESCRIPTIONS[member.part], ...at };
    members.push(made);
    origins.set(made, origin);
  }
  for (const [pointer, value] of Object.entries(spec.constants ?? {})) {
    const at = pointerOf(pointer, ['constants', pointer]);
    if (at === undefined) continue;
    if (typeof value === 'number' && !Number.isFinite(value)) {
      problems.push({ field: ['constants', pointer], message: `${String(value)} has no JSON form: give a finite number` });
      continue;
    }
    const made: ConstantMember = { kind: 'constant', value, ...at };
    members.push(made);
    origins.set(made, ['constants', pointer]);
  }
  const extraNames = new Map<string, string>();
  for (const [pointer, extra] of Object.entries(spec.extra ?? {})) {
    const at = pointerOf(pointer, ['extra', pointer]);
    if (at === undefined) continue;
    const name = at.path.at(-1)!;
    const earlier = extraNames.get(name);
    if (earlier !== undefined) {
      problems.push({
        field: ['extra', pointer],
        message: `ends in "${name}" like ${earlier}: errors carry extras by that last name, so it must be unique`,
      });
      continue;
    }
    extraNames.set(name, pointer);
    const made: ExtraMember = { kind: 'extra', name, schema: extra.schema ?? {}, description: extra.description, ...at };
    members.push(made);
    origins.set(made, ['extra', pointer]);
  }

  // Members must not overlap: one pointer per member, and no member inside another's value.
  const kept: BodyMember[] = [];
  const fromPreset = (member: BodyMember): boolean => origins.get(member)![0] === 'shape';
  for (const member of members) {
    if (member.path.includes('__proto__')) {
      problems.push({
        field: origins.get(member)!,
        message: `"${member.pointer}": "__proto__" cannot name a JSON member in generated code`,
      });
      continue;
    }
    const clash = kept.find((other) => isPrefix(other.path, member.path) || isPrefix(member.path, other.path));
    if (clash === undefined) {
      kept.push(member);
      continue;
    }
    // The member the catalog placed is the one to move, not the one the preset put there.
    const [blamed, other] = fromPreset(member) && !fromPreset(clash) ? [clash, member] : [member, clash];
    const how =
      other.path.length === blamed.path.length
        ? `is already the ${describeMember(other)}`
        : other.path.length < blamed.path.length
          ? `lies inside ${other.pointer}, the ${describeMember(other)}, which is not an object`
          : `holds ${other.pointer}, the ${describeMember(other)}, so it cannot be a value itself`;
    problems.push({
      field: origins.get(blamed)!,
      message: `${blamed.pointer} ${how}; give the ${describeMember(blamed)} a member of its own`,
    });
    if (blamed === clash) kept.splice(kept.indexOf(clash), 1, member);
  }
  return {
    descriptor: {
      preset: presetName,
      // Once the catalog moves a part, the preset's phrase no longer describes the body.
      summary:
        spec.fields !== undefined
          ? 'its members at the JSON Pointers below'
          : kept.some((m) => m.kind !== 'part')
            ? `${preset.summary}, with the members below`
            : preset.summary,
      mediaType: spec.mediaType ?? preset.mediaType,
      description: spec.description,
      members: kept,
      codePattern: spec.codePattern,
      defaultCode: spec.defaultCode,
      problemTypeBase: spec.problemTypeBase,
    },
    problems,
  };
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
