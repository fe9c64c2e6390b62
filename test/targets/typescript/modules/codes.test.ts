/**
 * StatusCode and ErrorCode in-process, as `as const` objects (typescript.enums const, the
 * default) and as enums: what each form declares, one JSDoc per member either way, no
 * namespace; and the declarations that would be empty in a small catalog (no extras, no
 * required header), written so that typescript-eslint's recommended rules take them.
 */
import * as prettier from 'prettier';
import { describe, expect, test } from 'vitest';
import { parseCatalog } from '../../../../generator/index.js';
import { buildModel } from '../../../../generator/model/model.js';
import { loadRuntimeSources } from '../../../../generator/targets/typescript/runtime-sources.js';
import { emitTypeScript, PRETTIER_OPTIONS } from '../../../../generator/targets/typescript/typescript.js';

const STATUSES = `statuses:
  - { status: 404, name: NotFound, message: Not Found, description: None here. }
  - { status: 500, name: InternalServerError, message: Internal Server Error, description: Broken. }
`;

/** The generated modules of a catalog's YAML, by file name. */
async function modulesOf(text: string): Promise<Record<string, string>> {
  const files = await emitTypeScript(buildModel(parseCatalog(text, 'codes.yaml')), loadRuntimeSources());
  return Object.fromEntries(files.map((f) => [f.path, f.contents]));
}

const catalog = (enums: string, codeType = 'string', errors = ['  - { code: "1001", status: 404, message: No widget. }']): string =>
  [
    'service: C1',
    `typescript: { enums: ${enums} }`,
    `errorBody: { codeType: ${codeType} }`,
    STATUSES,
    ...(errors.length === 0 ? [] : ['errors:', ...errors]),
    '',
  ].join('\n');

describe('enums: const (the default)', () => {
  test('an as const object and a union type of the same name, no namespace', async () => {
    const m = await modulesOf(catalog('const'));
    expect(m['status-codes.ts']).toContain(
      'export const StatusCode = {\n  /**\n   * 404 Not Found\n   *\n   * None here.\n   */\n  NotFound: 404,',
    );
    expect(m['status-codes.ts']).toContain('export type StatusCode = (typeof StatusCode)[keyof typeof StatusCode];');
    expect(m['error-codes.ts']).toContain('  NoWidget: "1001",\n} as const;');
    expect(m['error-codes.ts']).toContain('`ErrorCode.NoWidget` is "1001"; its type alone is `typeof ErrorCode.NoWidget`.');
    for (const text of Object.values(m)) expect(text).not.toMatch(/\bnamespace\b|^\s*(?:export )?enum /m);
  });
});

describe('enums: enum', () => {
  test('StatusCode a numeric enum, ErrorCode a string enum, a JSDoc per member, no type alias beside them', async () => {
    const m = await modulesOf(catalog('enum'));
    expect(m['status-codes.ts']).toContain(
      'export enum StatusCode {\n  /**\n   * 404 Not Found\n   *\n   * None here.\n   */\n  NotFound = 404,\n',
    );
    expect(m['status-codes.ts']).toContain('`StatusCode[404]` is "NotFound"');
    expect(m['error-codes.ts']).toContain('export enum ErrorCode {\n  /** 1001 No widget. (HTTP 404) */\n  NoWidget = "1001",\n}');
    expect(m['status-codes.ts']).not.toContain('export type StatusCode ');
    expect(m['error-codes.ts']).not.toContain('export type ErrorCode ');
    for (const [file, text] of Object.entries(m)) expect(await prettier.check(text, PRETTIER_OPTIONS), file).toBe(true);
  });

  test('ErrorCode numeric where codes travel as numbers; empty without codes', async () => {
    expect((await modulesOf(catalog('enum', 'integer')))['error-codes.ts']).toContain('  NoWidget = 1001,\n}');
    expect((await modulesOf(catalog('enum', 'string', [])))['error-codes.ts']).toContain('export enum ErrorCode {}');
  });
});

describe('declarations with nothing to declare', () => {
  test('ErrorExtras without extras is object; RequiredHeadersByStatus without required headers a record of no key', async () => {
    const m = await modulesOf(catalog('const'));
    expect(m['catalog.ts']).toContain('export type ErrorExtras = object;');
    expect(m['errors.ts']).toContain('export type RequiredHeadersByStatus = Record<never, never>;');
    for (const text of Object.values(m)) expect(text).not.toMatch(/^export interface \w+ \{\}$/m);
  });

  test('ErrorCodesByStatus and ErrorClasses of a catalog without error statuses or codes: records of no key', async () => {
    const m = await modulesOf('service: C2\nerrorBody: {}\nstatuses:\n  - { status: 200, name: OK, message: OK, description: Fine. }\n');
    expect(m['error-codes.ts']).toContain('export type ErrorCodesByStatus = Record<never, never>;');
    expect(m['errors.ts']).toContain('export type ErrorClasses = Record<never, never>;');
  });
});
