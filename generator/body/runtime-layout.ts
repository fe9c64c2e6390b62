/**
 * The body descriptor as the generated runtime reads it (ErrorBodyLayout of
 * runtime/error-body.ts), and where else the runtime reads a response's body: the TypeScript
 * target writes them into catalog.ts as ERROR_BODY and ERROR_BODY_ALSO_READ.
 */
import type { ErrorBodyAlsoRead, ErrorBodyLayout, ErrorBodyMember, ExtraType } from '../targets/typescript/runtime/error-body.js';
import { parsePointer } from '../util/json-pointer.js';
import type { BodyDescriptor, BodyMember } from './descriptor.js';
import type { ExtraSchema } from './spec.js';
import { READ_PARTS, type ReadPart } from './preset.js';
import { PRESETS } from './presets/index.js';

/**
 * The one JSON type a value read from a response must have for the runtime to keep it; any value
 * is kept for an extra without a type, or whose type also allows null.
 */
function extraType(schema: ExtraSchema): ExtraType | undefined {
  return typeof schema.type === 'string' ? schema.type : undefined;
}

function layoutMember(member: BodyMember): ErrorBodyMember {
  switch (member.kind) {
    case 'part':
      return { path: member.path, part: member.part };
    case 'constant':
      return { path: member.path, part: 'constant', value: member.value };
    case 'extra':
      return { path: member.path, part: 'extra', name: member.name, type: extraType(member.schema) };
  }
}

/**
 * Where a response's body may carry each part besides the catalog's own member: every preset's
 * members and its `alsoRead` pointers, the same for every catalog. Top-level members come before
 * members inside an object (a gateway's own answer is flat), then presets in registry order;
 * each path once.
 */
export function alsoRead(): ErrorBodyAlsoRead {
  const paths = new Map<ReadPart, string[][]>(READ_PARTS.map((part) => [part, []]));
  for (const preset of Object.values(PRESETS)) {
    const members = preset.members({ codeField: undefined, messageField: undefined });
    for (const part of READ_PARTS) {
      const pointers = [...members.filter((m) => m.part === part).map((m) => m.pointer), ...(preset.alsoRead?.[part] ?? [])];
      for (const pointer of pointers) {
        const parsed = parsePointer(pointer);
        if ('problem' in parsed) throw new Error(`preset ${preset.name}: ${parsed.problem}`);
        const known = paths.get(part)!;
        if (!known.some((path) => JSON.stringify(path) === JSON.stringify(parsed.tokens))) known.push(parsed.tokens);
      }
    }
  }
  const byDepth = (part: ReadPart): string[][] => [...paths.get(part)!].sort((a, b) => a.length - b.length);
  return { code: byDepth('code'), message: byDepth('message'), requestId: byDepth('requestId'), instance: byDepth('instance') };
}

export function runtimeLayout(body: BodyDescriptor): ErrorBodyLayout {
  return {
    mediaType: body.mediaType,
    members: body.members.map(layoutMember),
    problemTypeBase: body.problemTypeBase,
    codeType: body.codeType,
    statusType: body.statusType,
  };
}
