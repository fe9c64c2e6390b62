/**
 * catalog.ts of the generated module: the constants of this catalog that the copied runtime
 * reads (service, error body layout, default code, declared headers) and the ErrorBody type.
 */
import { util } from 'prettier';
import {
  bodyTree,
  nodeIsRequired,
  type BodyItem,
  type BodyList,
  type BodyMember,
  type BodyNode,
  type ExtraMember,
} from '../../../body/descriptor.js';
import { alsoRead, runtimeLayout } from '../../../body/runtime-layout.js';
import { PRESETS } from '../../../body/presets/index.js';
import type { ExtraSchema, JsonScalar } from '../../../catalog/types.js';
import type { CatalogModel } from '../../../model/model.js';
import { stringLiteral } from '../../../util/escape.js';
import { assignment, block, fits, integer, jsDoc, list, PRETTIER_OPTIONS, union, type Writer } from '../writer/layout.js';
import { doc, objectKey, StructureKind, type Statement } from '../writer/structures.js';
import { codeLiteral, codeType } from './common.js';
import type { ErrorBodyMember, ErrorBodyPathToken, JsonValue } from '../runtime/error-body.js';

/** A JSON scalar as a TypeScript literal (a value, or a literal type). */
function scalarLiteral(value: JsonScalar): string {
  return typeof value === 'string' ? stringLiteral(value) : String(value);
}

/** Any JSON value as a TypeScript expression, strings through the escaper, keys as prettier keeps them. */
function jsonLiteral(value: JsonValue): string {
  if (value === null) return 'null';
  if (isJsonArray(value)) return `[${value.map(jsonLiteral).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([key, item]) => `${objectKey(key)}: ${jsonLiteral(item)}`).join(', ')} }`;
  }
  return scalarLiteral(value);
}

/** The type of exactly one JSON value: literal types, read-only tuples and objects, `{}` an object without members. */
function jsonType(value: JsonValue): string {
  if (value === null) return 'null';
  if (isJsonArray(value)) return `readonly [${value.map(jsonType).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{ readonly [key: string]: never }';
    return `{ ${entries.map(([key, item]) => `readonly ${objectKey(key)}: ${jsonType(item)}`).join('; ')} }`;
  }
  return scalarLiteral(value);
}

function isJsonArray(value: JsonValue): value is readonly JsonValue[] {
  return Array.isArray(value);
}

/** A path token as a TypeScript literal: a member name as a string, an array index as a number. */
function pathTokenLiteral(token: ErrorBodyPathToken): string {
  return typeof token === 'number' ? String(token) : stringLiteral(token);
}

/** One member of ERROR_BODY.members: on one line when it fits, else one property per line. */
function layoutMember(w: Writer, member: ErrorBodyMember): void {
  const path = member.path.map(pathTokenLiteral);
  const rest: [string, string][] =
    member.part === 'constant'
      ? [
          ['part', '"constant"'],
          ['value', jsonLiteral(member.value)],
        ]
      : member.part === 'extra'
        ? [
            ['part', '"extra"'],
            ['name', stringLiteral(member.name)],
            ['type', member.type === undefined ? 'undefined' : stringLiteral(member.type)],
          ]
        : [['part', stringLiteral(member.part)]];
  const line = `{ path: [${path.join(', ')}], ${rest.map(([key, value]) => `${key}: ${value}`).join(', ')} },`;
  if (fits(w, line)) {
    w.writeLine(line);
    return;
  }
  w.writeLine('{');
  w.indent(() => {
    list(w, 'path: [', path, '],');
    for (const [key, value] of rest) assignment(w, `${key}:`, value, ',');
  });
  w.writeLine('},');
}

/** The layout the runtime writes and reads bodies by (see runtime/error-body.ts). */
function errorBodyLayout(model: CatalogModel): (w: Writer) => void {
  const layout = runtimeLayout(model.errorBody);
  return (w) => {
    w.writeLine('/** Where the parts of an error body travel, and its media type. */');
    w.writeLine('export const ERROR_BODY: ErrorBodyLayout = {');
    w.indent(() => {
      assignment(w, 'mediaType:', stringLiteral(layout.mediaType), ',');
      w.writeLine('members: [');
      w.indent(() => layout.members.forEach((member) => layoutMember(w, member)));
      w.writeLine('],');
      assignment(w, 'problemTypeBase:', layout.problemTypeBase === undefined ? 'undefined' : stringLiteral(layout.problemTypeBase), ',');
      assignment(w, 'codeType:', stringLiteral(layout.codeType), ',');
      assignment(w, 'statusType:', stringLiteral(layout.statusType), ',');
    });
    w.writeLine('};');
  };
}

/**
 * Where else a body read from a response may carry each part: a constant of its own, which
 * bundles that never read a body leave out.
 */
function errorBodyAlsoRead(): (w: Writer) => void {
  return (w) => {
    jsDoc(
      w,
      "Where else a body read from a response may carry each part, after ERROR_BODY's own member: every body preset's members and the names gateways use in them.",
    );
    block(
      w,
      'export const ERROR_BODY_ALSO_READ: ErrorBodyAlsoRead = {',
      Object.entries(alsoRead()),
      ([part, paths]) =>
        list(
          w,
          `${part}: [`,
          paths.map((path) => `[${path.map(pathTokenLiteral).join(', ')}]`),
          '],',
        ),
      '};',
    );
  };
}

/** The TypeScript type of an extra's value, from its schema. */
function extraType(schema: ExtraSchema): string {
  if (schema.type === undefined) return 'unknown';
  if (typeof schema.type !== 'string') {
    const types = schema.type.map((type) => (type === 'null' ? 'null' : extraType({ type })));
    return types.join(' | ');
  }
  switch (schema.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'object':
      return '{ readonly [key: string]: unknown }';
    case 'array':
      return 'readonly unknown[]';
  }
}

function memberType(model: CatalogModel, member: BodyMember): string {
  switch (member.kind) {
    case 'constant':
      return jsonType(member.value);
    case 'extra':
      return extraType(member.schema);
    case 'part':
      // Codes and the echoed status travel in the types the catalog declares.
      if (member.part === 'code') return codeType(model);
      if (member.part === 'status') return model.errorBody.statusType === 'string' ? 'string' : 'number';
      return 'string';
  }
}

function memberDoc(member: BodyMember): string {
  switch (member.kind) {
    case 'constant':
      return `Always ${JSON.stringify(member.value)}.`;
    case 'extra':
      return member.description;
    case 'part':
      return member.description;
  }
}

/** Members of one level of the body, objects written inline, lists as tuples. */
function bodyMembers(w: Writer, model: CatalogModel, nodes: readonly BodyNode[]): void {
  for (const node of nodes) {
    const key = `readonly ${objectKey(String(node.key))}${nodeIsRequired(node, model.errorBody) ? '' : '?'}:`;
    if ('children' in node) {
      jsDoc(w, `The ${JSON.stringify(node.key)} object of the body.`);
      w.write(`${key} `).inlineBlock(() => bodyMembers(w, model, node.children));
      w.write(';').newLine();
      continue;
    }
    if ('list' in node) {
      jsDoc(w, `The ${JSON.stringify(node.key)} list of the body: the error is its item ${node.list.index}.`);
      w.write(`${key} `);
      listType(w, model, node.list);
      w.write(';').newLine();
      continue;
    }
    jsDoc(w, memberDoc(node.member));
    if (node.member.kind === 'constant') constantType(w, key, node.member.value, ';');
    else assignment(w, key, memberType(model, node.member), ';');
  }
}

/**
 * A list of the body as the error writes it: a tuple whose item at the error's index is the
 * error (an index no member uses, before it, holds any value).
 */
function listType(w: Writer, model: CatalogModel, list: BodyList): void {
  w.write('readonly [').newLine();
  w.indent(() => {
    for (let index = 0; index < list.index; index += 1) w.writeLine('unknown,');
    listItem(w, model, list.item);
  });
  w.write(']');
}

/** The error's item of a list: an object of members, a member, or a list again. */
function listItem(w: Writer, model: CatalogModel, item: BodyItem): void {
  if ('children' in item) {
    w.inlineBlock(() => bodyMembers(w, model, item.children));
    w.write(',').newLine();
  } else if ('list' in item) {
    listType(w, model, item.list);
    w.write(',').newLine();
  } else {
    jsDoc(w, memberDoc(item.member));
    if (item.member.kind === 'constant') constantType(w, '', item.member.value, ',');
    else w.writeLine(`${memberType(model, item.member)},`);
  }
}

/**
 * The type of a constant as prettier lays it out: on one line when it fits, else an array one
 * item per line and an object one member per line, each broken the same way.
 */
function constantType(w: Writer, lead: string, value: JsonValue, end: string): void {
  const type = jsonType(value);
  const opened = lead === '' ? '' : `${lead} `;
  const empty = isJsonArray(value) && value.length === 0;
  if (value === null || typeof value !== 'object' || empty || fits(w, `${opened}${type}${end}`)) {
    if (lead === '') w.writeLine(`${type}${end}`);
    else assignment(w, lead, type, end);
    return;
  }
  if (isJsonArray(value)) {
    w.writeLine(`${opened}readonly [`);
    w.indent(() => value.forEach((item) => constantType(w, '', item, ',')));
    w.writeLine(`]${end}`);
    return;
  }
  const entries = Object.entries(value);
  w.writeLine(`${opened}{`);
  w.indent(() => {
    if (entries.length === 0) w.writeLine('readonly [key: string]: never;');
    entries.forEach(([key, item]) => constantType(w, `readonly ${objectKey(key)}:`, item, ';'));
  });
  w.writeLine(`}${end}`);
}

function errorBodyType(model: CatalogModel): (w: Writer) => void {
  const body = model.errorBody;
  const about = body.description ?? `The JSON body of an error response of the ${model.service} service.`;
  return (w) => {
    const presetDoc = PRESETS[body.preset].typeDoc;
    jsDoc(w, presetDoc === undefined ? about : `${about}\n\n${presetDoc} (${body.mediaType}).`);
    w.write('export interface ErrorBody ').block(() => bodyMembers(w, model, bodyTree(body.members)));
  };
}

/** The extras an error carries by name, typed by their schemas. */
function errorExtrasType(model: CatalogModel): (w: Writer) => void {
  const extras = model.errorBody.members.filter((m): m is ExtraMember => m.kind === 'extra');
  return (w) => {
    if (extras.length === 0) {
      // Not an empty interface, which would take any value but null and undefined (a number, a
      // string): any object, as typescript-eslint's no-empty-object-type advises; reading a
      // member of it is an error, as it was of the empty interface.
      jsDoc(w, 'The extra members the catalog documents for the error body: none, so the `extras` of an error is an empty object.');
      w.writeLine('export type ErrorExtras = object;');
      return;
    }
    jsDoc(w, 'The extra members the catalog documents for the error body, by name: `extras` of an error.');
    block(w, 'export interface ErrorExtras {', extras, (extra) => {
      jsDoc(w, `${extra.description}\n\nSent at ${extra.pointer}.`);
      assignment(w, `readonly ${objectKey(extra.name)}?:`, extraType(extra.schema), ';');
    });
  };
}

/** The most characters a listed code may have (data/catalog.schema.json, errors[].code). */
const SCHEMA_MAX_CODE_LENGTH = 128;

/** The longest code the catalog has, its default codes among them; the schema's bound when it has none. */
function maxCodeLength(model: CatalogModel): number {
  const codes = [
    ...model.errors.map((e) => e.code),
    ...(model.errorBody.defaultCode === undefined ? [] : [model.errorBody.defaultCode]),
    ...model.statuses.flatMap((s) => (s.defaultCode === undefined ? [] : [s.defaultCode])),
  ];
  return codes.length === 0 ? SCHEMA_MAX_CODE_LENGTH : codes.reduce((longest, code) => Math.max(longest, code.length), 0);
}

export function catalogStatements(model: CatalogModel): Statement[] {
  const body = model.errorBody;
  // Statuses whose default code is their own, not the body's.
  const ownDefaults = model.statuses.filter((s) => s.defaultCode !== undefined && s.defaultCode !== body.defaultCode);
  const defaultCodes = [
    ...new Set([...(body.defaultCode === undefined ? [] : [body.defaultCode]), ...ownDefaults.map((s) => s.defaultCode!)]),
  ];
  const headerNames = model.headers.map((h) => stringLiteral(h.name.toLowerCase()));
  return [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: './error-body.js',
      namedImports: ['ErrorBodyAlsoRead', 'ErrorBodyLayout'],
    },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: 'const' as never,
      docs: [doc("The catalog's service: the key under which copies of this code recognise each other's errors.")],
      declarations: [{ name: 'SERVICE', initializer: stringLiteral(model.service) }],
    },
    errorBodyLayout(model),
    errorBodyAlsoRead(),
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: 'const' as never,
      docs: [doc('Media type of error bodies.')],
      declarations: [{ name: 'ERROR_MEDIA_TYPE', initializer: stringLiteral(body.mediaType) }],
    },
    (w) => {
      // Its declared type is the runtime's ErrorCodeType: string, or number where codes travel as numbers.
      jsDoc(w, 'The error code a server sends for an error raised without one; undefined when the catalog sets none.');
      const lead = `export const DEFAULT_ERROR_CODE: ${codeType(model)} | undefined =`;
      if (body.defaultCode === undefined) w.writeLine(`${lead} undefined;`);
      else assignment(w, lead, codeLiteral(model, body.defaultCode), ';');
    },
    (w) => {
      jsDoc(w, 'The default codes as a type: DEFAULT_ERROR_CODE and those of single statuses, or never.');
      union(
        w,
        'export type DefaultErrorCode =',
        defaultCodes.length === 0 ? ['never'] : defaultCodes.map((code) => codeLiteral(model, code)),
      );
    },
    (w) => {
      jsDoc(
        w,
        "The error code a server sends for an error of `status` raised without one: the status's own default code, else DEFAULT_ERROR_CODE.",
      );
      w.write(`export function defaultErrorCodeFor(status: number): ${codeType(model)} | undefined `).block(() => {
        if (ownDefaults.length === 0) {
          w.writeLine('void status;');
          w.writeLine('return DEFAULT_ERROR_CODE;');
          return;
        }
        w.write('switch (status) ').block(() => {
          for (const s of ownDefaults) {
            w.writeLine(`case ${integer(s.status)}:`);
            w.indent(() => w.writeLine(`return ${codeLiteral(model, s.defaultCode!)};`));
          }
          w.writeLine('default:');
          w.indent(() => w.writeLine('return DEFAULT_ERROR_CODE;'));
        });
      });
    },
    (w) => {
      jsDoc(w, "The pattern service error codes are expected to match (the catalog's errorBody.codePattern); undefined when it sets none.");
      if (body.codePattern === undefined) w.writeLine('export const ERROR_CODE_PATTERN: RegExp | undefined = undefined;');
      else {
        // Prettier's layout of a call: on one line, else one argument per line.
        const lead = 'export const ERROR_CODE_PATTERN: RegExp | undefined = /*#__PURE__*/ new RegExp(';
        const pattern = stringLiteral(body.codePattern);
        const line = `${lead}${pattern}, "u");`;
        if (util.getStringWidth(line) <= PRETTIER_OPTIONS.printWidth) w.writeLine(line);
        else {
          w.writeLine(lead);
          w.indent(() => w.writeLine(`${pattern},`).writeLine('"u",'));
          w.writeLine(');');
        }
      }
    },
    (w) => {
      jsDoc(
        w,
        "The length of the longest code this service sends: the longest the catalog lists (default codes included), else the most the catalog schema allows a code. A longer code read from a response is none of this service's: codePattern never runs on one.",
      );
      w.writeLine(`export const MAX_ERROR_CODE_LENGTH = ${integer(maxCodeLength(model))};`);
    },
    (w) => {
      jsDoc(w, 'Names of the headers the catalog declares, lower-case: the only ones an error sends, or keeps from a response.');
      list(w, 'export const DECLARED_HEADERS: readonly string[] = [', headerNames, '];');
    },
    errorBodyType(model),
    errorExtrasType(model),
  ];
}
