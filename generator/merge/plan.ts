/**
 * What a merge changes, decided on the spec's data alone (no text, no positions): which
 * catalog components are added, which clash with the spec's own, which operations get which
 * responses, and which operations are given by `$ref` and so left to the user. The plan is
 * made of insertions into maps that exist in the spec: everything merge does is add entries.
 */
import { isDeepStrictEqual } from 'node:util';
import type { OpenApiVersion } from '../targets/openapi/openapi.js';
import { formatPointerFragment } from '../util/json-pointer.js';

export const SECTIONS = ['schemas', 'responses', 'headers', 'examples'] as const;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Entries to add to the map at `path`; with `fill`, the value there is null and becomes that map. */
export interface Insertion {
  readonly path: readonly string[];
  readonly entries: readonly (readonly [key: string, value: unknown])[];
  /** Response keys: placed among the existing ones in code order (`default` last). */
  readonly inCodeOrder: boolean;
  readonly fill: boolean;
}

/** An operation or path item given by `$ref`: merge does not give it siblings. */
export interface SkippedRef {
  /** JSON pointer of the object that holds the `$ref`. */
  readonly pointer: string;
  /** Where it points: the place to attach responses by hand. */
  readonly ref: string;
}

/** Something of the spec's own that stands in the way, at `path`. */
export interface PlanProblem {
  readonly path: readonly string[];
  readonly field: string;
  readonly message: string;
}

export interface MergePlan {
  readonly insertions: Insertion[];
  /** JSON pointers of the components added. */
  readonly added: string[];
  attached: number;
  readonly skipped: SkippedRef[];
  readonly problems: PlanProblem[];
}

export interface Attachment {
  /** The response key: a status (`"404"`) or `default`. */
  readonly key: string;
  readonly ref: string;
}

export interface PlanOptions {
  readonly attachments: readonly Attachment[];
  readonly attachWebhooks: boolean;
  readonly onlyUsed: boolean;
}

type Tree = Record<string, unknown>;
type Components = Record<string, Record<string, unknown>>;

const isTree = (value: unknown): value is Tree => value !== null && typeof value === 'object' && !Array.isArray(value);

export function planMerge(spec: Tree, ours: Components, version: OpenApiVersion, options: PlanOptions): MergePlan {
  const plan: MergePlan = { insertions: [], added: [], attached: 0, skipped: [], problems: [] };
  const attachedRefs = attachResponses(spec, version, options, plan);
  const wanted = options.onlyUsed ? usedComponents(ours, [...attachedRefs, ...refsIn(spec)]) : undefined;
  addComponents(spec, ours, wanted, plan);
  return plan;
}

/** Gives every operation the attachments it does not answer yet; returns the refs it used. */
function attachResponses(spec: Tree, version: OpenApiVersion, options: PlanOptions, plan: MergePlan): Set<string> {
  const used = new Set<string>();
  if (options.attachments.length === 0) return used;
  // Webhook responses are the subscriber's answers, like callbacks': only on request.
  const sections = version === '3.1' && options.attachWebhooks ? ['paths', 'webhooks'] : ['paths'];
  for (const section of sections) {
    const items = spec[section];
    if (!isTree(items)) continue;
    for (const [name, item] of Object.entries(items)) {
      const itemPath = [section, name];
      if (!isTree(item)) continue;
      if (typeof item['$ref'] === 'string') {
        plan.skipped.push({ pointer: formatPointerFragment(itemPath), ref: item['$ref'] });
        continue;
      }
      for (const method of METHODS) {
        const operation = item[method];
        if (!isTree(operation)) continue;
        const operationPath = [...itemPath, method];
        if (typeof operation['$ref'] === 'string') {
          plan.skipped.push({ pointer: formatPointerFragment(operationPath), ref: operation['$ref'] });
          continue;
        }
        const responses = operation['responses'];
        const responsesPath = [...operationPath, 'responses'];
        if (isTree(responses) && typeof responses['$ref'] === 'string') {
          plan.skipped.push({ pointer: formatPointerFragment(responsesPath), ref: responses['$ref'] });
          continue;
        }
        const missing = options.attachments.filter((a) => !(isTree(responses) && Object.hasOwn(responses, a.key)));
        if (missing.length === 0) continue;
        const entries = missing.map((a) => [a.key, { $ref: a.ref }] as const);
        for (const a of missing) used.add(a.ref);
        plan.attached += missing.length;
        if (responses === undefined)
          plan.insertions.push({
            path: operationPath,
            entries: [['responses', Object.fromEntries(entries)]],
            inCodeOrder: false,
            fill: false,
          });
        else if (responses === null) plan.insertions.push({ path: responsesPath, entries, inCodeOrder: true, fill: true });
        else if (isTree(responses)) plan.insertions.push({ path: responsesPath, entries, inCodeOrder: true, fill: false });
        else plan.problems.push(notMap(responsesPath));
      }
    }
  }
  return used;
}

/**
 * A member of a map as a YAML 1.1 reader sees it: its own, else one a merge key (`<<: *base`,
 * or a list of them) brings in. The spec's data has `<<` as a plain key (YAML 1.2 has no merge
 * keys), yet many tools apply it: a name it brings in is the spec's own all the same.
 */
function memberOf(map: unknown, name: string, depth = 0): unknown {
  if (!isTree(map)) return undefined;
  if (Object.hasOwn(map, name)) return map[name];
  const merged = map['<<'];
  // Aliases are expanded into shared objects: a merge key cannot nest deeper than the data.
  if (merged === undefined || depth > 100) return undefined;
  for (const source of Array.isArray(merged) ? merged : [merged]) {
    const found = memberOf(source, name, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Adds what is missing, accepts what is identical, reports what differs. */
function addComponents(spec: Tree, ours: Components, wanted: Set<string> | undefined, plan: MergePlan): void {
  const missing: [section: string, entries: [string, unknown][]][] = [];
  const components = spec['components'];
  for (const section of SECTIONS) {
    const entries: [string, unknown][] = [];
    for (const [name, value] of Object.entries(ours[section] ?? {})) {
      const pointer = `#/components/${section}/${name}`;
      if (wanted !== undefined && !wanted.has(pointer)) continue;
      const existing = memberOf(memberOf(components, section), name);
      if (existing === undefined) {
        entries.push([name, value]);
        plan.added.push(pointer);
      } else if (!isDeepStrictEqual(existing, value)) {
        plan.problems.push({
          path: ['components', section, name],
          field: pointer,
          message: `the spec has a different ${section.slice(0, -1)} of this name; --prefix namespaces the catalog's components`,
        });
      }
    }
    if (entries.length > 0) missing.push([section, entries]);
  }
  if (missing.length === 0) return;
  const asMap = (entries: [string, unknown][]): Tree => Object.fromEntries(entries);
  if (components === undefined) {
    const value = Object.fromEntries(missing.map(([section, entries]) => [section, asMap(entries)]));
    plan.insertions.push({ path: [], entries: [['components', value]], inCodeOrder: false, fill: false });
    return;
  }
  if (components !== null && !isTree(components)) {
    plan.problems.push(notMap(['components']));
    return;
  }
  const newSections: [string, unknown][] = [];
  for (const [section, entries] of missing) {
    const current = components?.[section];
    if (current === undefined || components === null) newSections.push([section, asMap(entries)]);
    else if (current === null) plan.insertions.push({ path: ['components', section], entries, inCodeOrder: false, fill: true });
    else if (isTree(current)) plan.insertions.push({ path: ['components', section], entries, inCodeOrder: false, fill: false });
    else plan.problems.push(notMap(['components', section]));
  }
  if (newSections.length > 0)
    plan.insertions.push({ path: ['components'], entries: newSections, inCodeOrder: false, fill: components === null });
}

function notMap(path: readonly string[]): PlanProblem {
  return { path, field: '(spec)', message: 'expected a mapping here; merge does not replace content of the spec' };
}

/** Every `$ref` string in a value. */
function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refsIn(item, out);
  else if (isTree(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') out.push(item);
      else refsIn(item, out);
    }
  }
  return out;
}

/** Pointers of our components that `roots` reference, and of those they reference in turn. */
function usedComponents(ours: Components, roots: readonly string[]): Set<string> {
  const used = new Set<string>();
  const visit = (ref: string): void => {
    const match = /^#\/components\/(\w+)\/(.+)$/.exec(ref);
    if (match === null || used.has(ref)) return;
    const value = ours[match[1]!]?.[match[2]!];
    if (value === undefined) return;
    used.add(ref);
    for (const inner of refsIn(value)) visit(inner);
  };
  for (const ref of roots) visit(ref);
  return used;
}

/** The spec's data as the merged text must read back: every insertion applied. */
export function applyPlan(spec: Tree, plan: MergePlan): Tree {
  for (const insertion of plan.insertions) {
    const parentPath = insertion.fill ? insertion.path.slice(0, -1) : insertion.path;
    let target: Tree = spec;
    for (const segment of parentPath) target = target[segment] as Tree;
    if (insertion.fill) target[insertion.path.at(-1)!] = Object.fromEntries(insertion.entries);
    else for (const [key, value] of insertion.entries) target[key] = value;
  }
  return spec;
}
