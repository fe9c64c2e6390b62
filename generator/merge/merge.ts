/**
 * Merge stage: puts the catalog's components (built for the spec's OpenAPI version) into a
 * user's spec, and optionally attaches catalog responses to its operations. Only ever adds:
 * the plan (merge/plan.ts) is made on the data js-yaml reads, then the text is spliced
 * (merge/splice-yaml.ts, merge/splice-json.ts) at places found in js-yaml's event stream
 * (merge/located.ts), so every line of the user's stays as it was. The merged text is read
 * back and must equal the spec's data with the plan applied, or nothing is returned.
 *
 * Text in, text out: reading and writing files is the CLI's and the writer's business.
 */
import { isDeepStrictEqual } from 'node:util';
import { constructFromEvents, parseEvents, type Event } from 'js-yaml';
import { aliasProblem } from '../util/yaml-aliases.js';
import { CatalogError, diagnosticAt, positionsIn, type LocatedDocument } from '../util/diagnostics.js';
import { strictJsonProblem } from '../util/strict-json.js';
import { buildOpenApiDocument, DEFAULT_ERROR_RESPONSE, type OpenApiVersion } from '../targets/openapi/openapi.js';
import { MAX_ALIAS_COUNT, MAX_NESTING, MAX_SPEC_BYTES } from '../util/limits.js';
import { locatedDocument, locateSpec, nodeAt, type LocatedSpec } from './located.js';
import { applyPlan, planMerge, type Attachment, type MergePlan, type SkippedRef } from './plan.js';
import { spliceJson } from './splice-json.js';
import { spliceYaml } from './splice-yaml.js';
import type { CatalogModel } from '../model/model.js';

export type { SkippedRef } from './plan.js';

export interface MergeOptions {
  /** Statuses whose catalog response every operation gets, unless it answers them already. */
  readonly attach?: readonly number[];
  /** Give every operation without a `default` response the catalog's DefaultError. */
  readonly attachDefault?: boolean;
  /** Attach to the operations under `webhooks` (3.1) too; by default only `paths`. */
  readonly attachWebhooks?: boolean;
  /** Add only the components the spec's responses reference (attached ones included). */
  readonly onlyUsed?: boolean;
  /** Prepended to the name of every component the catalog adds (and to the `$ref`s to them). */
  readonly prefix?: string;
}

export interface MergeResult {
  /** The merged spec; byte-identical to the input when nothing had to change. */
  readonly text: string;
  readonly changed: boolean;
  /** JSON pointers of the components added. */
  readonly added: readonly string[];
  /** How many responses were attached to operations. */
  readonly attached: number;
  /** Operations and path items given by `$ref`, left as they are: attach in the file they point to. */
  readonly skipped: readonly SkippedRef[];
  readonly version: OpenApiVersion;
}

const COMPONENT_NAME = /^[A-Za-z0-9._-]+$/;

/** Merges the catalog into spec text; `file` names the spec in errors and picks JSON output for `.json`. */
export function mergeSpec(text: string, file: string, model: CatalogModel, options: MergeOptions = {}): MergeResult {
  const prefix = options.prefix ?? '';
  if (prefix !== '' && !COMPONENT_NAME.test(prefix)) {
    throw specError(file, 0, 0, '(options)', `--prefix ${JSON.stringify(prefix)}: component names allow letters, digits, ".", "_" and "-"`);
  }
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const source = text.slice(bom.length);
  // The input's size only: what merge adds to it is the catalog's, bounded by the catalog.
  if (source.length > MAX_SPEC_BYTES) {
    throw specError(file, 0, 0, '(spec)', `text is ${source.length} characters; specs are limited to ${MAX_SPEC_BYTES}`);
  }
  const isJsonFile = /\.json$/i.test(file);
  // A .json spec is JSON, as a .json catalog is: what YAML would forgive (trailing commas,
  // comments, YAML itself) would be written back as a file no JSON reader takes.
  if (isJsonFile) checkJson(source, file);
  const { data, events } = readSpecData(source, file);
  // Positions are needed only to report a problem or to splice: they wait until then.
  let located: LocatedSpec | undefined;
  const locate = (): LocatedSpec => (located ??= locateSpec(source, events));
  const document = locatedDocument(file, source, locate);
  const version = specVersion(data, source, file, locate);
  const ours = buildOpenApiDocument(model, version, prefix).components as Record<string, Record<string, unknown>>;
  const plan = planMerge(data, ours, version, {
    attachments: attachmentsFor(model, options, prefix, file),
    attachWebhooks: options.attachWebhooks === true,
    onlyUsed: options.onlyUsed === true,
  });
  const result = { added: plan.added, attached: plan.attached, skipped: plan.skipped, version };
  if (plan.problems.length > 0) {
    throw new CatalogError(plan.problems.map((problem) => diagnosticAt(document, problem.path, problem.message, { field: problem.field })));
  }
  if (plan.insertions.length === 0) return { ...result, text, changed: false };

  checkEditable(locate(), document, plan);
  const merged = applyPlan(data, plan);
  const eol = /\r\n/.test(source.slice(0, source.indexOf('\n') + 1)) ? '\r\n' : '\n';
  const isJson = isJsonFile || /^\s*\{/.test(source);
  const out = isJson ? spliceJson(source, locate(), plan.insertions, eol) : spliceYaml(source, locate(), plan.insertions, merged, eol);
  // Read back before anyone writes it: text that does not say exactly the merged spec is a bug.
  if (!isDeepStrictEqual(readSpecData(out, file).data, merged)) {
    throw new Error('merge: the merged text does not read back as the spec with the catalog added');
  }
  if (isJsonFile && strictJsonProblem(out) !== undefined) throw new Error('merge: the merged text is not valid JSON');
  return { ...result, text: bom + out, changed: true };
}

/** Strict JSON (as for catalogs), or a located error at the first place that is not. */
function checkJson(source: string, file: string): void {
  const problem = strictJsonProblem(source);
  if (problem === undefined) return;
  const { line, column } = positionsIn(source)(problem.offset);
  throw specError(file, line, column, '(spec)', `not valid JSON: ${problem.message}`);
}

function specError(file: string, line: number, column: number, path: string, message: string): CatalogError {
  return new CatalogError([{ file, line, column, path, message }]);
}

/**
 * The spec's data by js-yaml (YAML 1.2 core schema; JSON is YAML), with the limits catalogs
 * have: aliases (how many, and how much data they stand for) and nesting, each named in its
 * error. Duplicate keys are errors. The events are read once; they are all the rest needs.
 */
function readSpecData(source: string, file: string): { data: Record<string, unknown>; events: Event[] } {
  let events: Event[];
  let documents: unknown[];
  try {
    events = parseEvents(source, { maxDepth: MAX_NESTING });
    // Before anything is built: built data is walked, and aliases would be expanded by the walk.
    const problem = aliasProblem(source, events);
    if (problem !== undefined) {
      const { line, column } = positionsIn(source)(problem.offset);
      throw specError(file, line, column, '(spec)', problem.message);
    }
    documents = constructFromEvents(events, { source, maxAliases: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof CatalogError) throw error;
    const { reason, mark } = error as { reason?: string; mark?: { line: number; column: number } };
    let message = reason ?? (error instanceof Error ? error.message : String(error));
    if (/maxAliases/.test(message)) message = `more than ${MAX_ALIAS_COUNT} aliases (limit: ${MAX_ALIAS_COUNT} aliases)`;
    if (/maxDepth/.test(message)) message = `collections nest deeper than ${MAX_NESTING} levels (limit: ${MAX_NESTING})`;
    throw specError(file, (mark?.line ?? 0) + 1, (mark?.column ?? 0) + 1, '(spec)', message.split('\n', 1)[0]!);
  }
  // As js-yaml's load: one document.
  if (documents.length === 0) throw specError(file, 1, 1, '(spec)', 'expected a document, but the input is empty');
  if (documents.length > 1) throw specError(file, 1, 1, '(spec)', 'expected a single document in the stream, but found more');
  const data = documents[0];
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw specError(file, 1, 1, '(spec)', 'an OpenAPI document is a mapping');
  return { data: data as Record<string, unknown>, events };
}

function specVersion(data: Record<string, unknown>, source: string, file: string, locate: () => LocatedSpec): OpenApiVersion {
  const versionText = typeof data['openapi'] === 'string' ? data['openapi'] : '';
  if (/^3\.0\.\d+$/.test(versionText)) return '3.0';
  if (/^3\.1\.\d+$/.test(versionText)) return '3.1';
  const at = data['openapi'] === undefined ? { line: 1, column: 1 } : positionsIn(source)(nodeAt(locate().root, ['openapi'])?.start ?? 0);
  throw specError(
    file,
    at.line,
    at.column,
    'openapi',
    `unsupported version ${JSON.stringify(versionText)}: merge takes OpenAPI 3.0.x and 3.1.x`,
  );
}

function attachmentsFor(model: CatalogModel, options: MergeOptions, prefix: string, file: string): Attachment[] {
  const attachments = [...new Set(options.attach ?? [])]
    .sort((a, b) => a - b)
    .map((status) => {
      const entry = model.statuses.find((s) => s.status === status);
      if (entry === undefined) throw specError(file, 0, 0, '(options)', `--attach ${status}: the catalog has no status ${status}`);
      return { key: String(status), ref: `#/components/responses/${prefix}${entry.name}` };
    });
  if (options.attachDefault === true)
    attachments.push({ key: 'default', ref: `#/components/responses/${prefix}${DEFAULT_ERROR_RESPONSE}` });
  return attachments;
}

/**
 * Every map that receives entries is found in the text, and is reached through maps, not
 * through an alias (which would share the change).
 */
function checkEditable(spec: LocatedSpec, document: LocatedDocument, plan: MergePlan): void {
  for (const insertion of plan.insertions) {
    for (let depth = 0; depth <= insertion.path.length; depth += 1) {
      const path = insertion.path.slice(0, depth);
      const node = nodeAt(spec.root, path);
      if (node === undefined) {
        // A key whose data is not its text: `1.0:` is the key "1", `~:` the key "null".
        const key = JSON.stringify(path.at(-1));
        throw new CatalogError([
          diagnosticAt(document, path, `the key ${key} here is written as another value (such as 1.0 for "1"); quote it`, {
            field: '(spec)',
          }),
        ]);
      }
      if (node.kind === 'alias') {
        throw new CatalogError([
          diagnosticAt(document, path, 'merge does not add entries through an alias; write the mapping out here', { field: '(spec)' }),
        ]);
      }
    }
  }
}
