/**
 * What the references say of the catalog, in sentences and table cells that the Markdown page
 * and the HTML page share: each cell is built from catalog fields, every catalog text going
 * through the page's own escaper (TextFormat).
 */
import type { HeaderValueSchema, RetryPolicy } from '../../catalog/types.js';
import type { JsonValue } from '../typescript/runtime/error-body.js';
import type { ExtraSchema } from '../../body/spec.js';
import { partIsOptional } from '../../body/descriptor.js';
import { paragraphsOf, type CatalogModel } from '../../model/model.js';

/** How a page writes catalog text: each function shows its text exactly, inline (in a table cell). */
export interface TextFormat {
  /** Text on its own: line breaks as the page writes them. */
  readonly text: (text: string) => string;
  /** A multi-paragraph description: paragraphs joined by a blank line's worth of breaks. */
  readonly paragraphs: (text: string) => string;
}

export const RETRY_TEXT: Readonly<Record<RetryPolicy, string>> = {
  modify: 'Not without modifications',
  anytime: 'Yes, unmodified, at any later time',
  'retry-after': 'Yes, after the Retry-After delay',
  'if-retry-after': 'Only when Retry-After is sent, after that delay',
};

/** A description's paragraphs, each escaped by `text`, joined by two `<br>`s (a cell holds no paragraphs). */
export function paragraphsWith(text: (text: string) => string): (description: string) => string {
  return (description) => paragraphsOf(description).map(text).join('<br><br>');
}

/** `Optional: ` before a description, its first word in lower case unless it is an acronym. */
function optional(text: string): string {
  return `Optional: ${/^[A-Z](?![A-Z0-9])/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text}`;
}

/** The JSON type of a constant as the docs name it: numbers of every kind are `number`. */
function constantType(value: JsonValue): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/** A schema's type as the docs name it: `string or null`, `array of object`. */
function schemaType(schema: ExtraSchema): string {
  const type = schema.type === undefined ? 'any' : typeof schema.type === 'string' ? schema.type : schema.type.join(' or ');
  return schema.items?.type === undefined ? type : `${type} of ${schemaType(schema.items)}`;
}

/** What the type member of a problem body holds, in a sentence (catalog text unescaped). */
export function problemTypeText(model: CatalogModel): string {
  const base = model.errorBody.problemTypeBase;
  const linked = model.errors.some((e) => e.docUrl !== undefined);
  if (base === undefined) return linked ? "The code's docUrl where the catalog gives one; else about:blank." : 'about:blank.';
  return linked
    ? `The code's docUrl where the catalog gives one, else ${base} followed by the error code; about:blank without a code listed under the status.`
    : `${base} followed by the error code; about:blank without one.`;
}

/** One row per member of the body (member, type, description), by JSON Pointer, in body order. */
export function errorBodyRows(model: CatalogModel, format: TextFormat): string[][] {
  const body = model.errorBody;
  const pattern = body.codePattern === undefined ? '' : `, expected to match ${format.text(body.codePattern)}`;
  const own = model.statuses.filter((st) => st.defaultCode !== undefined && st.defaultCode !== body.defaultCode);
  const perStatus = own.map((st) => `${format.text(st.defaultCode!)} on ${st.status}`).join(', ');
  const fallback =
    body.defaultCode === undefined
      ? own.length === 0
        ? '; optional'
        : `; ${perStatus} when no specific code applies, else optional`
      : `; ${format.text(body.defaultCode)} when no specific code applies${own.length === 0 ? '' : ` (${perStatus})`}`;
  return body.members.map((member) => {
    const pointer = format.text(member.pointer);
    switch (member.kind) {
      case 'constant':
        return [pointer, constantType(member.value), `Always ${format.text(JSON.stringify(member.value))}.`];
      case 'extra':
        return [pointer, format.text(schemaType(member.schema)), optional(format.paragraphs(member.description))];
      case 'part': {
        switch (member.part) {
          case 'code':
            return [pointer, body.codeType, `Service error code${pattern}${fallback}.`];
          case 'status':
            return body.statusType === 'integer'
              ? [pointer, 'integer', member.description]
              : [pointer, 'string', `${member.description} Three digits, such as "404".`];
          case 'type':
            return [pointer, 'string', format.text(problemTypeText(model))];
          default:
            return [pointer, 'string', partIsOptional(member.part, body) ? optional(member.description) : member.description];
        }
      }
    }
  });
}

/**
 * The success statuses that answer errors too (the catalog lists codes under them), and what
 * tells an error body from a success body there: its constants. One sentence, or none.
 */
export function errorsOnSuccess(model: CatalogModel, format: TextFormat): string[] {
  const statuses = model.statuses.filter((s) => s.errorOnSuccess && s.bodyAllowed);
  if (statuses.length === 0) return [];
  const constants = model.errorBody.members.flatMap((member) =>
    member.kind === 'constant' ? [`${format.text(member.pointer)} is ${format.text(JSON.stringify(member.value))}`] : [],
  );
  const told =
    constants.length === 0 ? 'no constant member tells it from a success body' : `a body is an error when ${constants.join(' and ')}`;
  const list = statuses.map((s) => `${s.status} ${format.text(s.message)}`).join(', ');
  return [`Errors are also answered with success statuses (${list}), in this body: ${told}.`];
}

/** A header's value schema in words: `integer, at least 0, or string (http-date)`. */
export function headerValueText(schema: HeaderValueSchema): string {
  if (schema.oneOf !== undefined) return schema.oneOf.map(headerValueText).join(', or ');
  const type = schema.type ?? 'any';
  return [
    schema.format === undefined ? type : `${type} (${schema.format})`,
    ...(schema.minimum === undefined ? [] : [`at least ${schema.minimum}`]),
    ...(schema.pattern === undefined ? [] : [`matching ${schema.pattern}`]),
  ].join(', ');
}
