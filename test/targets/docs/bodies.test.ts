/**
 * The Markdown reference of bodies that are not flat objects of strings, read back with a real
 * Markdown parser: each member's row (constants as JSON, integer codes, the status echoed, no row
 * for an absent part) and the note on success statuses that answer errors.
 */
import { describe, expect, test } from 'vitest';
import type { CatalogModel } from '../../../generator/model/model.js';
import { emitDocs } from '../../../generator/targets/docs/docs.js';
import type { TestCase } from '../../harness/cases.js';
import { parser, readTables } from '../../harness/markdown.js';
import { BODY_CASES, bodyCase } from '../openapi/body-models.js';
import { byTag, elementsOf, findAll, parseHtml, textOf } from '../../harness/html.js';

function statusPage(model: CatalogModel): string {
  return emitDocs(model).find((file) => file.path === 'status-codes.md')!.contents;
}

/** The HTML reference's error body table, read back as text: rows of member, type and description. */
function htmlMemberRows(model: CatalogModel): string[][] {
  const html = emitDocs(model).find((file) => file.path === 'errors.html')!.contents;
  const table = findAll(parseHtml(html).root, byTag('table'))[0]!;
  expect(textOf(elementsOf(table)[0]!)).toBe('Members of the error body');
  expect(elementsOf(elementsOf(elementsOf(table)[1]!)[0]!).map(textOf)).toEqual(['Member', 'Type', 'Description']);
  return elementsOf(elementsOf(table)[2]!).map((row) => elementsOf(row).map(textOf));
}

/** The error body's table: rows of member, type and description. */
function memberRows(model: CatalogModel): string[][] {
  const table = readTables(statusPage(model)).find((t) => t[0]?.[0] === 'Member');
  expect(table?.[0]).toEqual(['Member', 'Type', 'Description']);
  return table!.slice(1);
}

/** The text of the page's paragraphs, as a reader sees it. */
function paragraphs(markdown: string): string[] {
  const tokens = parser.parse(markdown, {});
  return tokens.flatMap((token, i) => (token.type === 'inline' && tokens[i - 1]?.type === 'paragraph_open' ? [token.content] : []));
}

describe('the error body table', () => {
  const tests: TestCase<string, string[][]>[] = [
    [
      'Cloudflare: a list of errors, integer codes, constants as JSON, no request id',
      {
        given: 'Cloudflare',
        want: [
          ['/errors/0/code', 'integer', 'Service error code; optional.'],
          ['/errors/0/message', 'string', 'Error message.'],
          ['/success', 'boolean', 'Always false.'],
          ['/messages', 'array', 'Always [].'],
          ['/result', 'null', 'Always null.'],
        ],
      },
    ],
    [
      'Slack: no message member',
      {
        given: 'Slack',
        want: [
          ['/error', 'string', 'Service error code; optional.'],
          ['/ok', 'boolean', 'Always false.'],
        ],
      },
    ],
    [
      'Google: the status echoed as an integer, a list of objects',
      {
        given: 'Google',
        want: [
          ['/error/status', 'string', 'Service error code; optional.'],
          ['/error/message', 'string', 'Error message.'],
          ['/error/code', 'integer', 'The HTTP status.'],
          ['/error/details', 'array of object', 'Optional: details of the error (google.rpc.Status details).'],
        ],
      },
    ],
    [
      'the status echoed as a string',
      {
        given: 'the status echoed as a string',
        want: [
          ['/error/status', 'string', 'Service error code; optional.'],
          ['/error/message', 'string', 'Error message.'],
          ['/error/code', 'string', 'The HTTP status. Three digits, such as "404".'],
          ['/error/details', 'array of object', 'Optional: details of the error (google.rpc.Status details).'],
        ],
      },
    ],
    [
      'constants {} and nested, nullable and union types',
      {
        given: 'constants {}',
        want: [
          ['/code', 'string', 'Service error code; optional.'],
          ['/message', 'string', 'Error message.'],
          ['/meta', 'object', 'Always {}.'],
          ['/envelope', 'object', 'Always {"version":[1,{"beta":null}]}.'],
          ['/violation', 'object or null', 'Optional: the request field at fault.'],
          ['/hint', 'integer or null', 'Optional: a hint: a number, or null.'],
        ],
      },
    ],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => expect(memberRows(bodyCase(given).model)).toEqual(want));
  }
});

describe('the error body table of the HTML reference', () => {
  for (const { name, model } of BODY_CASES) {
    test(`${name}: the rows of the Markdown table, as a reader sees them`, () => {
      expect(htmlMemberRows(model)).toEqual(memberRows(model));
    });
  }
});

describe('errors on success statuses', () => {
  test('the page says which success statuses answer errors and what tells an error body there', () => {
    expect(paragraphs(statusPage(bodyCase('Slack').model))).toContain(
      'Errors are also answered with success statuses (200 OK), in this body: a body is an error when /ok is false.',
    );
  });

  test('a page without them says nothing of it', () => {
    expect(statusPage(bodyCase('Cloudflare').model)).not.toContain('success statuses');
  });

  test('the HTML reference says the same', () => {
    const page = (name: string): string =>
      findAll(parseHtml(emitDocs(bodyCase(name).model).find((file) => file.path === 'errors.html')!.contents).root, byTag('p'))
        .map(textOf)
        .join('\n');
    expect(page('Slack')).toContain(
      'Errors are also answered with success statuses (200 OK), in this body: a body is an error when /ok is false.',
    );
    expect(page('Cloudflare')).not.toContain('success statuses');
  });
});
