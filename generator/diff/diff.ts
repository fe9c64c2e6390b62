/**
 * What changed between two versions of a catalog, compared as models (what the generator makes
 * of each), not as text: a reordered file or a reworded comment is no change, an inherited
 * status counts as much as one written in the file. Each change has a level by what it does to
 * those who use the outputs, as semantic versioning reads it:
 *
 * - major: something users rely on goes or changes meaning (a status, a code, a class name, a
 *   body member's place, a header a constructor now requires);
 * - minor: something is added (a status, a code, a header, an optional body member);
 * - patch: wording only (messages, descriptions, measures, titles).
 */
import type { BodyMember } from '../body/descriptor.js';
import type { CatalogModel, ErrorModel, HeaderModel, StatusModel } from '../model/model.js';

export const LEVELS = ['none', 'patch', 'minor', 'major'] as const;
export type Level = (typeof LEVELS)[number];
export type ChangeLevel = Exclude<Level, 'none'>;

export interface Change {
  readonly level: ChangeLevel;
  /** What changed: a status, an error code entry, a member of the error body, a declared header, the catalog itself. */
  readonly area: 'status' | 'code' | 'body' | 'header' | 'catalog';
  /** Which one: `404`, `S3M.0001 (400)`, `/error/code`, `Retry-After`, `service`. */
  readonly subject: string;
  readonly change: 'added' | 'removed' | 'changed';
  /** The field that changed, for `changed`. */
  readonly field?: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

export interface CatalogDiff {
  /** The highest level among the changes; none without any. */
  readonly level: Level;
  readonly changes: readonly Change[];
}

export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

export function diffModels(before: CatalogModel, after: CatalogModel): CatalogDiff {
  const changes = [
    ...diffCatalog(before, after),
    ...diffKeyed('status', before.statuses, after.statuses, (s) => String(s.status), diffStatus),
    ...diffKeyed(
      'code',
      before.errors,
      after.errors,
      (e) => `${e.code} (${e.status})`,
      (a, b) => diffError(a, b, sendsType(after)),
    ),
    ...diffBody(before, after),
    ...diffKeyed('header', before.headers, after.headers, (h) => h.name, diffHeader),
  ];
  const level = changes.reduce<Level>((highest, change) => (levelRank(change.level) > levelRank(highest) ? change.level : highest), 'none');
  return { level, changes };
}

type FieldChange = Omit<Change, 'area' | 'subject' | 'change'>;

/** A field compared: a change at `level` when the values differ (as JSON, so lists and schemas compare by content). */
function field(name: string, level: ChangeLevel, before: unknown, after: unknown): FieldChange[] {
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ level, field: name, before, after }];
}

/**
 * Entries matched by key: those only in `after` are added (minor), those only in `before`
 * removed (major), the others compared field by field.
 */
function diffKeyed<T>(
  area: Change['area'],
  before: readonly T[],
  after: readonly T[],
  keyOf: (item: T) => string,
  compare: (a: T, b: T) => FieldChange[],
): Change[] {
  const old = new Map(before.map((item) => [keyOf(item), item]));
  const now = new Map(after.map((item) => [keyOf(item), item]));
  const changes: Change[] = [];
  for (const [subject, item] of old) {
    const next = now.get(subject);
    if (next === undefined) changes.push({ level: 'major', area, subject, change: 'removed', before: summary(item) });
    else changes.push(...compare(item, next).map((change) => ({ area, subject, change: 'changed' as const, ...change })));
  }
  for (const [subject, item] of now) {
    if (!old.has(subject)) changes.push({ level: 'minor', area, subject, change: 'added', after: summary(item) });
  }
  return changes;
}

/** What an added or removed entry is, in a few words: its name, or its message. */
function summary(item: unknown): unknown {
  const { name, message } = item as { name?: unknown; message?: unknown };
  return name ?? message;
}

function diffCatalog(before: CatalogModel, after: CatalogModel): Change[] {
  const fields = [
    // The service names the brand that makes errors of two copies of the generated code one kind.
    ...field('service', 'major', before.service, after.service),
    ...field('title', 'patch', before.title, after.title),
    ...field('version', 'patch', before.version, after.version),
    // On → off removes the code classes; off → on adds them.
    ...field('errorCodeClasses', after.errorCodeClasses ? 'minor' : 'major', before.errorCodeClasses, after.errorCodeClasses),
    // An adapter dropped is a module gone that code imports; one added is a module more.
    ...field(
      'adapters',
      before.adapters.some((name) => !after.adapters.includes(name)) ? 'major' : 'minor',
      before.adapters,
      after.adapters,
    ),
    // Closed → open widens the generated code types to string; open → closed makes validators refuse unlisted codes.
    ...field('openapi.errorCodes', 'major', before.openApiErrorCodes, after.openApiErrorCodes),
    // Each way round: enums take no string literal where const objects did, and const objects are no enum types;
    // the other files, or the other specifiers, need another consumer setup.
    ...field('typescript.enums', 'major', before.typescript.enums, after.typescript.enums),
    ...field('typescript.emit', 'major', before.typescript.emit, after.typescript.emit),
    ...field('typescript.importExtension', 'major', before.typescript.importExtension, after.typescript.importExtension),
  ];
  return fields.map((change) => ({ area: 'catalog', subject: change.field!, change: 'changed', ...change }));
}

function diffStatus(a: StatusModel, b: StatusModel): FieldChange[] {
  const declaredAfter = new Set(b.requiredHeaders);
  const added = b.headers.filter((name) => !a.headers.includes(name));
  const removed = a.headers.filter((name) => !b.headers.includes(name));
  return [
    // The StatusCode member and the class are named by it.
    ...field('name', 'major', a.name, b.name),
    ...field('message', 'patch', a.message, b.message),
    ...field('description', 'patch', a.description, b.description),
    ...field('retry', 'minor', a.retry, b.retry),
    ...field('bodyAllowed', 'major', a.bodyAllowed, b.bodyAllowed),
    ...field('defaultCode', 'minor', a.defaultCode, b.defaultCode),
    // A header gone is an option gone from the constructor; a required one added is one it demands.
    ...(removed.length > 0 || added.some((name) => declaredAfter.has(name))
      ? field('headers', 'major', a.headers, b.headers)
      : field('headers', 'minor', a.headers, b.headers)),
  ];
}

/** Whether bodies carry a problem type, which a code's docUrl is. */
function sendsType(model: CatalogModel): boolean {
  return model.errorBody.members.some((member) => member.kind === 'part' && member.part === 'type');
}

function diffError(a: ErrorModel, b: ErrorModel, typeSent: boolean): FieldChange[] {
  return [
    ...field('name', 'major', a.name, b.name),
    ...field('message', 'patch', a.message, b.message),
    ...field('description', 'patch', a.description, b.description),
    ...field('measure', 'patch', a.measure, b.measure),
    ...field('deprecated', 'minor', a.deprecated, b.deprecated),
    ...field('retry', 'minor', a.retry, b.retry),
    // Sent as the problem type, a new docUrl is a new type (as problemTypeBase is); else a link of the docs.
    ...field('docUrl', typeSent ? 'major' : 'patch', a.docUrl, b.docUrl),
  ];
}

function diffHeader(a: HeaderModel, b: HeaderModel): FieldChange[] {
  return [
    // Required, a header is a constructor option every status listing it demands.
    ...field('required', b.required ? 'major' : 'minor', a.required, b.required),
    ...field('schema', 'minor', a.schema, b.schema),
    ...field('description', 'patch', a.description, b.description),
    ...field('example', 'patch', a.example, b.example),
  ];
}

/**
 * The error body, member by member (errorBody.members): a part is matched by what it carries
 * (code, message, …), so a part that moves is a change of its JSON Pointer; constants and
 * extras are matched by pointer.
 */
function diffBody(before: CatalogModel, after: CatalogModel): Change[] {
  const keyOf = (member: BodyMember): string => (member.kind === 'part' ? `${member.part} part` : `${member.kind} ${member.pointer}`);
  const changes = diffKeyed('body', before.errorBody.members, after.errorBody.members, keyOf, (a, b) => {
    if (a.kind === 'part' && b.kind === 'part')
      return [...field('pointer', 'major', a.pointer, b.pointer), ...field('description', 'patch', a.description, b.description)];
    if (a.kind === 'constant' && b.kind === 'constant') return field('value', 'major', a.value, b.value);
    if (a.kind === 'extra' && b.kind === 'extra')
      return [...field('schema', 'major', a.schema, b.schema), ...field('description', 'patch', a.description, b.description)];
    return [];
  }).map((change): Change =>
    change.change === 'added' || change.change === 'removed' ? { ...change, ...pointers(change, before, after) } : change,
  );
  const a = before.errorBody;
  const b = after.errorBody;
  const fields = [
    ...field('mediaType', 'major', a.mediaType, b.mediaType),
    // A new pattern can refuse codes that were valid; the schema carries it.
    ...field('codePattern', 'major', a.codePattern, b.codePattern),
    ...field('defaultCode', 'minor', a.defaultCode, b.defaultCode),
    ...field('problemTypeBase', 'major', a.problemTypeBase, b.problemTypeBase),
    ...field('description', 'patch', a.description, b.description),
  ];
  return [
    ...changes,
    ...fields.map((change): Change => ({ area: 'body', subject: `errorBody.${change.field!}`, change: 'changed', ...change })),
  ];
}

/** An added or removed body member shows its pointer rather than its name. */
function pointers(change: Change, before: CatalogModel, after: CatalogModel): Partial<Change> {
  const find = (model: CatalogModel): BodyMember | undefined =>
    model.errorBody.members.find(
      (member) => (member.kind === 'part' ? `${member.part} part` : `${member.kind} ${member.pointer}`) === change.subject,
    );
  const member = change.change === 'added' ? find(after) : find(before);
  return change.change === 'added' ? { after: member?.pointer } : { before: member?.pointer };
}
