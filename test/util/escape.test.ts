/**
 * Catalog text reaches generated code only through the escapers. Unit properties of each
 * escaper, then a hostile catalog taken end to end: generated, compiled by tsc, imported,
 * every string read back exactly and nothing executed on import.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import MarkdownIt from 'markdown-it';
import { Node, Project } from 'ts-morph';
import * as prettier from 'prettier';
import { PRETTIER_OPTIONS } from '../../generator/targets/typescript/writer/layout.js';
import {
  docText,
  htmlAttribute,
  htmlPreformatted,
  htmlText,
  markdownCell,
  markdownLinkDestination,
  markdownParagraph,
  stringLiteral,
} from '../../generator/util/escape.js';
import { byTag, decodeReferences, findAll, parseHtml, textOf } from '../harness/html.js';
import { compileTypeScript, importFile, removeDir, runCli, tempDir, writeFile } from '../harness/helpers.js';
import { readTables } from '../harness/markdown.js';

const HOSTILE = [
  '*/ globalThis.__pwned = 1; /*',
  '`${globalThis.__pwned = 2}`',
  '${process.exit(1)}',
  '"; globalThis.__pwned = 3; "',
  "'; globalThis.__pwned = 4; '",
  'back\\slash \\u0041 \\n',
  'line\nbreak\r\nand\rreturn',
  'separator\u2028globalThis.__pwned = 5\u2029end',
  'bidi \u202Eevil\u202C \u2066isolate\u2069 \u200F',
  '</script><script>alert(1)</script>',
  '| pipe | in | table |',
  '@param x injected tag\n@internal',
  'astral 😀 𝒳 and CJK 漢字',
  'yes',
  '~',
  '!!str &a *a',
  '# not a heading',
  '[link](javascript:alert(1)) *em* _em_ ~~strike~~ `code`',
  '/* nested */ */ */',
  'Gone /* away',
  '*/*/ and /*/',
  'Fine.\n\u200b@deprecated Evil\n\u00a0@param x',
  'soft\u00adhyphen zero\u200bwidth joiner\u200d word\u2060joiner tag\u{E0041}\u{E007F} filler\u3164',
  'x'.repeat(2000),
];

/** Control characters are refused by validation (see validate.test.ts); the escapers still make them inert. */
const CONTROLS = 'nul \u0000 bell \u0007 del \u007F c1 \u0085 esc \u001b';

describe('stringLiteral', () => {
  it('round-trips every string and stays on one line with no invisible characters', () => {
    for (const text of [...HOSTILE, CONTROLS, `it's "quoted" twice: "a" "b"`]) {
      const literal = stringLiteral(text);
      // Evaluated as JavaScript: the literal's meaning is what counts.
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- evaluating the literal is the test
      expect((new Function(`return ${literal};`) as () => unknown)()).toBe(text);
      expect(literal).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u);
      const quote = literal[0]!;
      expect(['"', "'"]).toContain(quote);
      expect(literal.slice(1, -1)).not.toMatch(new RegExp(`(^|[^\\\\])(\\\\\\\\)*${quote}`));
    }
  });

  it('picks the quotes prettier picks', async () => {
    for (const text of [...HOSTILE, `say "hi"`, `it's`, `"a" 'b'`, `'a' "b" "c"`]) {
      // Prettier may move a long literal to its own line, but never rewrites it.
      const literal = stringLiteral(text);
      expect(await prettier.format(`export const x = ${literal};\n`, PRETTIER_OPTIONS), text).toContain(literal);
    }
  });
});

describe('docText', () => {
  it('cannot close or open a comment, start a tag, or hide a line break', () => {
    for (const text of [...HOSTILE, CONTROLS]) {
      const doc = docText(text);
      expect(doc).not.toContain('*/');
      // An opening inside JSDoc makes comment-tracking printers (ts-morph's) close it early.
      expect(doc).not.toContain('/*');
      expect(doc).not.toMatch(/^\s*@/m);
      expect(doc).not.toMatch(/[\r\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u);
    }
  });
});

describe('markdownCell', () => {
  it('stays one cell on one line', () => {
    for (const text of [...HOSTILE, CONTROLS]) {
      const cell = markdownCell(text);
      expect(cell).not.toMatch(/[\n\r\u2028\u2029]/u);
      expect(cell).not.toMatch(/(^|[^\\])(\\\\)*\|/);
      expect(cell).not.toMatch(/(^|[^\\])(\\\\)*<(?!br>)/);
    }
  });
});

describe('markdownParagraph', () => {
  it('stays one paragraph that reads back exactly, whatever block syntax it starts with', () => {
    const md = new MarkdownIt({ html: true });
    const blockStarts = [
      '# heading',
      '## h2',
      '- item',
      '+ item',
      '* item',
      '1. item',
      '2) item',
      '---',
      '===',
      '> quote',
      '    code',
      '```js',
      '<div>',
      '| a | b |',
    ];
    for (const text of [...HOSTILE, ...blockStarts].filter((t) => !/[\r\n\u2028\u2029]/u.test(t))) {
      const tokens = md.parse(markdownParagraph(text.trim()), {});
      expect(
        tokens.map((t) => t.type),
        text,
      ).toEqual(['paragraph_open', 'inline', 'paragraph_close']);
      const inline = tokens[1]!.children!.map((c) => (c.type === 'html_inline' ? '' : c.content)).join('');
      expect(inline).toBe(text.trim());
    }
  });
});

/** Line breaks as HTML text shows them: one kind, from `<br>`. */
const asOneKindOfBreak = (text: string): string => text.replace(/\r\n|[\r\u2028\u2029]/g, '\n');

describe('htmlText', () => {
  it('opens no tag, comment or reference, and reads back exactly (line breaks as <br>)', () => {
    for (const text of [...HOSTILE, CONTROLS, '&amp; &#x41; <!-- x --> ]]> &']) {
      const html = htmlText(text);
      expect(html.replace(/<br>/g, '')).not.toMatch(/[<>]/);
      expect(html).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u);
      expect(decodeReferences(html.replace(/<br>/g, '\n'))).toBe(asOneKindOfBreak(text));
    }
  });
});

describe('htmlAttribute', () => {
  it('cannot end its quoted value or open a tag, and reads back exactly', () => {
    for (const text of [...HOSTILE, CONTROLS, `" onload="x' a='b`]) {
      const value = htmlAttribute(text);
      expect(value).not.toMatch(/["'<>]/);
      expect(value).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u);
      expect(decodeReferences(value)).toBe(text);
    }
  });
});

describe('htmlPreformatted', () => {
  it('keeps line feeds, opens no tag, and reads back exactly', () => {
    for (const text of [...HOSTILE, CONTROLS]) {
      const html = htmlPreformatted(text);
      expect(html).not.toMatch(/[<>]/);
      expect(html.replace(/\n/g, '')).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u);
      expect(decodeReferences(html)).toBe(text);
    }
  });
});

describe('markdownLinkDestination', () => {
  it('reaches exactly the URL, whatever URI characters it holds', () => {
    const md = new MarkdownIt();
    for (const url of [
      'https://docs.example.com/errors/E1',
      "https://docs.example.com/e?a=1&b='x'&copy;#frag",
      'https://docs.example.com/(a)/b)c(/*_[x]_*',
      'https://docs.example.com/%3C%20%3E',
    ]) {
      const link = md.parseInline(`[E1](${markdownLinkDestination(url)})`, {})[0]!.children!.find((t) => t.type === 'link_open');
      // markdown-it percent-encodes what a URL may not hold as it is ([ and ] in a path): the URL as it normalizes it.
      expect(link?.attrGet('href'), url).toBe(md.normalizeLink(url));
      // Not a reference: &copy; stays those six characters.
      if (url.includes('&copy;')) expect(link?.attrGet('href')).toContain('&copy;');
    }
  });
});

describe('a hostile catalog, end to end', () => {
  let dir: string;
  type Generated = typeof import('../../output/ts/index.js');
  let m: Generated;
  const catalog = {
    service: 'Evil',
    title: HOSTILE[0],
    version: HOSTILE[6],
    errorBody: { description: HOSTILE.join('\n'), codePattern: '^E\\.[0-9]+$', defaultCode: 'E.0' },
    statuses: HOSTILE.map((text, index) => ({
      status: 400 + index,
      name: `Hostile${index}`,
      message: `${text} (${index})`,
      description: `${HOSTILE[(index + 1) % HOSTILE.length]!}\n\n${text}`,
    })),
  };

  beforeAll(async () => {
    dir = tempDir();
    // JSON keeps every character exactly; YAML would too, but JSON is simpler to write here.
    const file = writeFile(join(dir, 'evil.json'), JSON.stringify(catalog));
    const result = runCli(['generate', '--catalog', file, '--out', join(dir, 'out')]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const compiled = compileTypeScript(join(dir, 'out', 'ts'), join(dir, 'js'));
    expect(compiled.stdout + compiled.stderr).toBe('');
    expect(compiled.status).toBe(0);
    m = await importFile<Generated>(join(dir, 'js', 'index.js'));
  });

  afterAll(() => removeDir(dir));

  it("generates TypeScript already in prettier's layout", async () => {
    for (const file of ['errors.ts', 'error-codes.ts', 'status-codes.ts', 'index.ts']) {
      const text = readFileSync(join(dir, 'out', 'ts', file), 'utf8');
      expect(await prettier.check(text, PRETTIER_OPTIONS), file).toBe(true);
    }
  });

  it('lets no catalog text become a JSDoc tag, as TypeScript itself parses the comments', () => {
    const project = new Project({ skipAddingFilesFromTsConfig: true });
    const tags = new Set<string>();
    for (const file of project.addSourceFilesAtPaths(join(dir, 'out', 'ts', '*.ts'))) {
      file.forEachDescendant((node) => {
        if (!Node.isJSDocable(node)) return;
        for (const doc of node.getJsDocs()) for (const tag of doc.getTags()) tags.add(tag.getTagName());
      });
    }
    // The catalog marks nothing deprecated: @param is the only tag the generator writes here.
    expect([...tags]).toEqual(['param']);
  });

  it('runs nothing on import', () => {
    expect((globalThis as Record<string, unknown>)['__pwned']).toBeUndefined();
  });

  it('reads every string back exactly from the compiled module', () => {
    for (const s of catalog.statuses) {
      expect(m.getStatusMessage(s.status)).toBe(s.message);
      expect(m.getStatusInfo(s.status)?.description).toBe(s.description);
      const error = m.errorFromResponse(s.status, undefined);
      expect(error.errorMsg).toBe(s.message);
      expect(error.name).toBe(`${s.name}Error`);
    }
  });

  it('reads every string back exactly from the OpenAPI JSON and YAML', async () => {
    const { parse } = await import('yaml');
    for (const file of ['components.json', 'components.yaml', 'components.oas30.json', 'components.oas30.yaml']) {
      const doc = parse(readFileSync(join(dir, 'out', 'openapi', file), 'utf8')) as {
        info: { title: string; version: string };
        components: { responses: Record<string, { description: string }> };
      };
      expect(doc.info.title).toBe(catalog.title);
      expect(doc.info.version).toBe(catalog.version);
      for (const s of catalog.statuses) expect(doc.components.responses[s.name]?.description).toBe(s.description);
    }
  });

  it('keeps the HTML reference inert, every string read back by a strict HTML reader', () => {
    const page = parseHtml(readFileSync(join(dir, 'out', 'docs', 'errors.html'), 'utf8'));
    // Only the elements the page is made of: no catalog text became one.
    const tags = new Set(findAll(page.root, () => true).map((e) => e.tag));
    const allowed =
      'html head meta title style body header h1 p nav ul li a span div label input main section h2 h3 code table caption thead tbody tr th td dl dt dd pre br script';
    expect([...tags].filter((tag) => !allowed.split(' ').includes(tag))).toEqual([]);
    expect(findAll(page.root, byTag('script'))).toHaveLength(1);
    expect(textOf(findAll(page.root, byTag('title'))[0]!)).toBe(catalog.title);
    expect(textOf(findAll(page.root, byTag('h1'))[0]!)).toBe(catalog.title);
    const headings = new Map(findAll(page.root, byTag('h3')).map((h) => [h.attributes.get('id'), h]));
    for (const s of catalog.statuses) {
      const heading = headings.get(String(s.status))!;
      expect(textOf(heading)).toBe(`${s.status} ${asOneKindOfBreak(s.message)}`);
      const section = findAll(page.root, (e) => byTag('section', 'status')(e) && e.children[0] === heading)[0]!;
      const about = findAll(section, byTag('div', 'about'))[0]!;
      expect(textOf(about)).toBe(
        asOneKindOfBreak(s.description)
          .split(/\n[ \t]*\n/)
          .map((p) => p.replace(/^[ \t\n]+|[ \t\n]+$/g, ''))
          .filter((p) => p !== '')
          .join(''),
      );
    }
  });

  it('keeps the Markdown table one row per status, every string read back by a Markdown parser', () => {
    const markdown = readFileSync(join(dir, 'out', 'docs', 'status-codes.md'), 'utf8');
    const table = readTables(markdown).find((t) => t[0]?.[0] === 'Status')!;
    expect(table.slice(1)).toHaveLength(catalog.statuses.length);
    // Markdown has one kind of line break, and a description's paragraphs are trimmed.
    const asMarkdownReadsIt = (text: string): string =>
      text
        .replace(/\r\n|[\r\u2028\u2029]/g, '\n')
        .split(/\n[ \t]*\n/)
        .map((p) => p.replace(/^[ \t\n]+|[ \t\n]+$/g, ''))
        .filter((p) => p !== '')
        .join('\n\n');
    for (const s of catalog.statuses) {
      const row = table.find((r) => r[0] === String(s.status));
      expect(row).toHaveLength(5);
      expect(row![1]).toBe(s.message.replace(/\r\n|[\r\u2028\u2029]/g, '\n'));
      expect(row![2]).toBe(asMarkdownReadsIt(s.description));
    }
  });
});
