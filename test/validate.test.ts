/**
 * Invalid catalogs: every problem is reported at once, each as one line naming the file,
 * line, column and field.
 */
import { describe, expect, it } from 'vitest';
import { CatalogError, formatDiagnostic, parseCatalog } from '../generator/index.js';
import { catalogWith } from './catalog-lines.js';

function errorsOf(text: string, file = 'cat.yaml'): string[] {
  try {
    parseCatalog(text, file);
  } catch (error) {
    if (error instanceof CatalogError) return error.diagnostics.map(formatDiagnostic);
    throw error;
  }
  return [];
}

describe('catalog validation', () => {
  it('accepts the base catalog', () => {
    expect(errorsOf(catalogWith({}))).toEqual([]);
  });

  const cases: [string, string, string[]][] = [
    ['unknown field', catalogWith({ 13: '    description: Nothing here.\n    colour: red' }), ['cat.yaml:14:5: statuses[0].colour: unknown field "colour"']],
    ['missing field', catalogWith({ 11: null }), ['cat.yaml:10:5: statuses[0].name: missing required field "name"']],
    ['wrong type', catalogWith({ 10: '  - status: "404"' }), ['cat.yaml:10:13: statuses[0].status: must be an integer']],
    ['bad enum', catalogWith({ 19: '    retry: later' }), ['cat.yaml:19:12: statuses[1].retry: must be one of: modify, anytime, retry-after, if-retry-after']],
    ['empty string', catalogWith({ 12: "    message: ''" }), ['cat.yaml:12:14: statuses[0].message: must not be empty']],
    ['duplicate status', catalogWith({ 14: '  - status: 404' }), [
      'cat.yaml:14:13: statuses[1].status: duplicate status 404 (first at line 10)',
    ]],
    ['status out of range', catalogWith({ 10: '  - status: 600' }), ['cat.yaml:10:13: statuses[0].status: status 600 is outside 100-599']],
    ['status below range', catalogWith({ 10: '  - status: 99' }), ['cat.yaml:10:13: statuses[0].status: status 99 is outside 100-599']],
    ['identifier with a space', catalogWith({ 11: '    name: Not Found' }), [
      'cat.yaml:11:11: statuses[0].name: "Not Found" is not an identifier: use ASCII letters, digits and underscores, starting with a letter',
    ]],
    ['identifier with a leading digit', catalogWith({ 11: '    name: 404NotFound' }), [
      'cat.yaml:11:11: statuses[0].name: "404NotFound" is not an identifier: use ASCII letters, digits and underscores, starting with a letter',
    ]],
    ['reserved word', catalogWith({ 11: '    name: delete' }), ['cat.yaml:11:11: statuses[0].name: "delete" is a reserved word']],
    ...['toString', 'valueOf', 'hasOwnProperty'].map((name): [string, string, string[]] => [
      `a member of every object: ${name}`,
      catalogWith({ 11: `    name: ${name}` }),
      [`cat.yaml:11:11: statuses[0].name: "${name}" is a member of every JavaScript object, which a key of StatusCode or ErrorCode would hide`],
    ]),
    ['name that would shadow a generated class', catalogWith({ 11: '    name: Api' }), [
      'cat.yaml:11:11: statuses[0].name: "Api" would generate class ApiError, which the generated code or the JavaScript runtime already defines',
    ]],
    ['name that would shadow a global', catalogWith({ 11: '    name: Type' }), [
      'cat.yaml:11:11: statuses[0].name: "Type" would generate class TypeError, which the generated code or the JavaScript runtime already defines',
    ]],
    ['colliding names', catalogWith({ 15: '    name: NotFound' }), [
      'cat.yaml:15:11: statuses[1].name: name "NotFound" of status 429 collides with status 404 (line 11); give one a different name',
    ]],
    ['duplicate message', catalogWith({ 16: '    message: Not Found' }), [
      'cat.yaml:16:14: statuses[1].message: duplicate message "Not Found" (also status 404, line 12)',
    ]],
    ['unknown header', catalogWith({ 18: '    headers: [Retry-After, X-Nope]' }), [
      'cat.yaml:18:28: statuses[1].headers[1]: unknown header "X-Nope": declare it under the top-level headers',
    ]],
    ['body on a bodiless status', catalogWith({ 10: '  - status: 204', 13: '    description: Nothing here.\n    bodyAllowed: true' }), [
      'cat.yaml:14:18: statuses[0].bodyAllowed: a 204 response cannot carry content (RFC 9110)',
    ]],
    ['invalid code pattern', catalogWith({ 3: "  codePattern: '^T1\\.[0-9{4}$('" }), [
      'cat.yaml:3:16: errorBody.codePattern: not a valid regular expression: Invalid regular expression: /^T1\\.[0-9{4}$(/u: Unterminated character class',
    ]],
    ['default code not matching', catalogWith({ 4: '  defaultCode: T1.00' }), [
      'cat.yaml:4:16: errorBody.defaultCode: "T1.00" does not match codePattern ^T1\\.[0-9]{4}$',
    ]],
    ['bad header name', catalogWith({ 6: '  Retry After:' }), [
      'cat.yaml:6:3: headers["Retry After"]: invalid name "Retry After": use letters, digits and hyphens, starting with a letter',
    ]],
    ['control character', catalogWith({ 13: '    description: "Nothing\\u0007 here."' }), [
      'cat.yaml:13:18: statuses[0].description: contains the control character U+0007 at offset 7',
    ]],
    ['duplicate key', catalogWith({ 12: '    message: Not Found\n    message: Gone' }), ['cat.yaml:13:5: (catalog): Map keys must be unique']],
    ['YAML syntax error', catalogWith({ 12: '    message: [Not Found' }), ['cat.yaml:13:5: (catalog): Flow sequence in block collection must be sufficiently indented and end with a ]']],
    ['empty file', '', ['cat.yaml:1:1: (catalog): catalog is empty']],
    ['not a mapping', '- 1\n- 2\n', ['cat.yaml:1:1: (catalog): must be a mapping']],
  ];

  for (const [name, text, expected] of cases) {
    it(`reports ${name}`, () => {
      expect(errorsOf(text)).toEqual(expected);
    });
  }

  it('reports every problem at once, in file order', () => {
    const text = catalogWith({ 10: '  - status: 700', 11: '    name: Not Found', 19: '    retry: soon' });
    const errors = errorsOf(text);
    expect(errors).toEqual([
      'cat.yaml:19:12: statuses[1].retry: must be one of: modify, anytime, retry-after, if-retry-after',
    ]);
    // Schema errors come first; once the shape is right, the semantic ones all appear together.
    const semantic = errorsOf(catalogWith({ 10: '  - status: 700', 11: '    name: Not Found', 16: '    message: Not Found' }));
    expect(semantic).toHaveLength(3);
    expect(semantic.map((line) => line.split(':').slice(0, 2).join(':'))).toEqual(['cat.yaml:10', 'cat.yaml:11', 'cat.yaml:16']);
  });

  it('locates errors in JSON catalogs too', () => {
    const json = '{\n  "service": "T1",\n  "errorBody": { "codePattern": "^T1$", "defaultCode": "T1" },\n  "statuses": [\n    { "status": 404, "name": "NotFound", "message": "x", "description": "y", "oops": 1 }\n  ]\n}\n';
    expect(errorsOf(json, 'cat.json')).toEqual(['cat.json:5:78: statuses[0].oops: unknown field "oops"']);
  });

  it('accepts a byte order mark and CRLF line ends', () => {
    expect(errorsOf(`\uFEFF${catalogWith({}).replace(/\n/g, '\r\n')}`)).toEqual([]);
  });

  it('refuses an alias bomb with a limit in the message', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]'].join('\n');
    const [line, ...rest] = errorsOf(bomb);
    expect(rest).toEqual([]);
    expect(line).toMatch(/^cat\.yaml:1:1: \(catalog\): .*\(limit: 100 aliases\)$/);
  });
});
