/** Docs emitter: the catalog as a Markdown reference page, every cell built from catalog fields. */
import type { RetryPolicy } from '../../catalog/types.js';
import type { JsonValue } from '../typescript/runtime/error-body.js';
import type { ExtraSchema } from '../../body/spec.js';
import { partIsOptional } from '../../body/descriptor.js';
import { paragraphsOf, type CatalogModel } from '../../model/model.js';
import { markdownCell, markdownParagraph } from '../../util/escape.js';
import type { GeneratedFile } from '../target.js';
import { compareStrings } from '../../util/compare.js';

const RETRY_TEXT: Record<RetryPolicy, string> = {
  modify: 'Not without modifications',
  anytime: 'Yes, unmodified, at any later time',
  'retry-after': 'Yes, after the Retry-After delay',
  'if-retry-after': 'Only when Retry-After is sent, after that delay',
};

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A multi-paragraph description in one cell: paragraphs joined by a blank line's worth of breaks. */
function paragraphsCell(text: string): string {
  return paragraphsOf(text).map(markdownCell).join('<br><br>');
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

/** One row per member of the body, by JSON Pointer, in body order. */
function errorBodyRows(model: CatalogModel): string[][] {
  const body = model.errorBody;
  const pattern = body.codePattern === undefined ? '' : `, expected to match ${markdownCell(body.codePattern)}`;
  const own = model.statuses.filter((st) => st.defaultCode !== undefined && st.defaultCode !== body.defaultCode);
  const perStatus = own.map((st) => `${markdownCell(st.defaultCode!)} on ${st.status}`).join(', ');
  const fallback =
    body.defaultCode === undefined
      ? own.length === 0
        ? '; optional'
        : `; ${perStatus} when no specific code applies, else optional`
      : `; ${markdownCell(body.defaultCode)} when no specific code applies${own.length === 0 ? '' : ` (${perStatus})`}`;
  return body.members.map((member) => {
    const pointer = markdownCell(member.pointer);
    switch (member.kind) {
      case 'constant':
        return [pointer, constantType(member.value), `Always ${markdownCell(JSON.stringify(member.value))}.`];
      case 'extra':
        return [pointer, markdownCell(schemaType(member.schema)), optional(paragraphsCell(member.description))];
      case 'part': {
        switch (member.part) {
          case 'code':
            return [pointer, body.codeType, `Service error code${pattern}${fallback}.`];
          case 'status':
            return body.statusType === 'integer'
              ? [pointer, 'integer', member.description]
              : [pointer, 'string', `${member.description} Three digits, such as "404".`];
          case 'type':
            return [
              pointer,
              'string',
              body.problemTypeBase === undefined
                ? 'about:blank.'
                : `${markdownCell(body.problemTypeBase)} followed by the error code; about:blank without one.`,
            ];
          default:
            return [pointer, 'string', partIsOptional(member.part, body) ? optional(member.description) : member.description];
        }
      }
    }
  });
}

/**
 * The success statuses that answer errors too (the catalog lists codes under them), and what
 * tells an error body from a success body there: its constants.
 */
function errorsOnSuccess(model: CatalogModel): string[] {
  const statuses = model.statuses.filter((s) => s.errorOnSuccess && s.bodyAllowed);
  if (statuses.length === 0) return [];
  const constants = model.errorBody.members.flatMap((member) =>
    member.kind === 'constant' ? [`${markdownCell(member.pointer)} is ${markdownCell(JSON.stringify(member.value))}`] : [],
  );
  const told =
    constants.length === 0 ? 'no constant member tells it from a success body' : `a body is an error when ${constants.join(' and ')}`;
  const list = statuses.map((s) => `${s.status} ${markdownCell(s.message)}`).join(', ');
  return [`Errors are also answered with success statuses (${list}), in this body: ${told}.`];
}

function header(model: CatalogModel): string {
  return `<!-- Generated file. Do not edit. Generated by status-catalog from ${model.sourceName}; change the catalog and run \`status-catalog generate\`. -->`;
}

export function emitDocs(model: CatalogModel): GeneratedFile[] {
  const body = model.errorBody;
  const sections: string[] = [
    header(model),
    `# ${markdownCell(model.title)}`,
    `Service ${markdownCell(model.service)}, catalog version ${markdownCell(model.version)}: ${model.statuses.length} statuses` +
      (model.errors.length > 0 ? `, ${model.errors.length} error codes (see error-codes.md).` : '.'),
    '## Error body',
    ...(body.description === undefined ? [] : paragraphsOf(body.description).map(markdownParagraph)),
    `Media type ${markdownCell(body.mediaType)}: ${body.summary}.`,
    table(['Member', 'Type', 'Description'], errorBodyRows(model)),
    ...errorsOnSuccess(model),
    '## Statuses',
    table(
      ['Status', 'Message', 'Description', 'Retry', 'Headers'],
      model.statuses.map((s) => [
        String(s.status),
        markdownCell(s.message),
        paragraphsCell(s.description),
        s.retry === undefined ? '' : RETRY_TEXT[s.retry],
        s.headers.map(markdownCell).join(', '),
      ]),
    ),
  ];
  if (model.headers.length > 0) {
    sections.push(
      '## Headers',
      table(
        ['Header', 'Required', 'Description', 'Sent with'],
        model.headers.map((h) => [
          markdownCell(h.name),
          h.required ? 'yes' : 'no',
          paragraphsCell(h.description),
          model.statuses
            .filter((s) => s.headers.includes(h.name))
            .map((s) => String(s.status))
            .join(', '),
        ]),
      ),
    );
  }
  const files: GeneratedFile[] = [{ path: 'status-codes.md', contents: `${sections.join('\n\n')}\n` }];
  if (model.errors.length > 0) files.unshift(emitErrorCodes(model));
  return files;
}

function emitErrorCodes(model: CatalogModel): GeneratedFile {
  // A Retry column only where some code has guidance of its own: the others follow their status's (status-codes.md).
  const ownRetry = model.errors.some((e) => e.retry !== undefined);
  const rows = [...model.errors]
    .sort((a, b) => a.status - b.status || compareStrings(a.code, b.code))
    .map((e) => [
      String(e.status),
      markdownCell(e.code) + (e.deprecated ? ' (deprecated)' : ''),
      markdownCell(e.message),
      e.description === undefined ? '' : paragraphsCell(e.description),
      e.measure === undefined ? '' : paragraphsCell(e.measure),
      ...(ownRetry ? [e.retry === undefined ? 'As its status' : RETRY_TEXT[e.retry]] : []),
    ]);
  const sections = [
    header(model),
    `# Error codes of ${markdownCell(model.service)}`,
    `${model.errors.length} service error codes, sent in the error body (see status-codes.md) with the HTTP status given here.`,
    table(['Status', 'Code', 'Message', 'Description', 'Measure', ...(ownRetry ? ['Retry'] : [])], rows),
  ];
  return { path: 'error-codes.md', contents: `${sections.join('\n\n')}\n` };
}
