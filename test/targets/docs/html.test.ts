/**
 * The HTML reference (docs/errors.html), read back with a strict HTML reader and compared with
 * the catalog, for the committed output and for catalogs with codes: every status, code entry
 * and header at its anchor, every text as the catalog has it, every example body the OpenAPI
 * example, a page that loads nothing.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCatalog, parseCatalog } from '../../../generator/index.js';
import { buildModel, paragraphsOf, type CatalogModel } from '../../../generator/model/model.js';
import { emitDocs } from '../../../generator/targets/docs/docs.js';
import { buildOpenApiDocuments } from '../../../generator/targets/openapi/openapi.js';
import { byTag, elementsOf, findAll, parseHtml, textOf, type HtmlDocument, type HtmlElement } from '../../harness/html.js';
import { DEFAULT_CATALOG, OUTPUT, ROOT } from '../../harness/helpers.js';

/** Integer codes, one spelled like a status it is not listed under, one under two statuses, a docUrl with characters HTML escapes. */
const COLLIDING = `service: NUM
errorBody:
  codeType: integer
  defaultCode: 1
statuses:
  - { status: 400, name: BadRequest, message: Bad Request, description: "Broken <b>request</b> & more." }
  - { status: 404, name: NotFound, message: Not Found, description: "Nothing\\n\\nthere." }
  - { status: 409, name: Conflict, message: Conflict, description: Clash. }
errors:
  - { code: 404, status: 409, message: Already exists., docUrl: "https://docs.example.com/e?a=1&b='x'#404" }
  - { code: 1100, status: 400, message: Bad name., measure: "Use a-z." }
  - { code: 1100, status: 404, message: No such name., deprecated: true }
`;

interface Case {
  readonly name: string;
  readonly model: CatalogModel;
  readonly html: string;
}

function emitted(model: CatalogModel): string {
  return emitDocs(model).find((file) => file.path === 'errors.html')!.contents;
}

const fixture = (...path: string[]): CatalogModel => buildModel(loadCatalog(join(ROOT, 'test', 'fixtures', ...path)));

const CASES: Case[] = [
  {
    name: 'the default catalog (output/docs/errors.html)',
    model: buildModel(loadCatalog(DEFAULT_CATALOG)),
    html: readFileSync(join(OUTPUT, 'docs', 'errors.html'), 'utf8'),
  },
  ...[
    ['identity.yaml: problem bodies, a docUrl, a code under a status the catalog does not list', fixture('catalogs', 'identity.yaml')],
    ['storage.yaml: codes on 200 and on 204, which carries no content', fixture('catalogs', 'storage.yaml')],
    ['billing.json: nested bodies, integer codes', fixture('catalogs', 'billing.json')],
    ['huawei-apig.yaml: a code under seven statuses', fixture('public', 'huawei-apig.yaml')],
    ['integer codes: one spelled like a status, one under two statuses', buildModel(parseCatalog(COLLIDING, 'num.yaml'))],
  ].map(([name, model]) => ({ name: name as string, model: model as CatalogModel, html: emitted(model as CatalogModel) })),
];

/** The anchors the page must have, by the rule its module documents (written out again here, not imported). */
function expectedAnchors(model: CatalogModel): {
  statuses: Map<number, string>;
  entries: Map<string, string>;
  headers: Map<string, string>;
} {
  const codes = new Set(model.errors.map((e) => e.code));
  const statuses = [...new Set([...model.statuses.map((s) => s.status), ...model.errors.map((e) => e.status)])];
  return {
    statuses: new Map(statuses.map((s) => [s, codes.has(String(s)) ? `status:${s}` : String(s)])),
    entries: new Map(model.errors.map((e) => [`${e.code} ${e.status}`, e.status === e.codeStatuses[0] ? e.code : `${e.code}@${e.status}`])),
    headers: new Map(model.headers.map((h) => [h.name, `header:${h.name}`])),
  };
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64');
const cells = (row: HtmlElement): HtmlElement[] => elementsOf(row).filter((e) => e.tag === 'td' || e.tag === 'th');

for (const { name, model, html } of CASES) {
  describe(`errors.html of ${name}`, () => {
    const page: HtmlDocument = parseHtml(html);
    const root = page.root;
    const all = findAll(root, () => true);
    const byId = new Map(all.filter((e) => e.attributes.has('id')).map((e) => [e.attributes.get('id')!, e]));
    const anchors = expectedAnchors(model);
    const examples = buildOpenApiDocuments(model)['3.1'].components!.examples! as Record<string, { value: unknown }>;

    test('starts with the generated-file notice; says its language, encoding and title', () => {
      expect(page.comments[0]).toContain('Generated file. Do not edit.');
      expect(root.attributes.get('lang')).toBe('en');
      const head = elementsOf(root)[0]!;
      expect(head.tag).toBe('head');
      expect(elementsOf(head)[0]!.attributes.get('charset')).toBe('utf-8');
      expect(textOf(findAll(head, byTag('title'))[0]!)).toBe(model.title);
      expect(textOf(findAll(root, byTag('h1'))[0]!)).toBe(model.title);
    });

    test('loads nothing: one inline style and one inline script, the only ones its Content-Security-Policy allows', () => {
      const styles = findAll(root, byTag('style'));
      const scripts = findAll(root, byTag('script'));
      expect(styles).toHaveLength(1);
      expect(scripts).toHaveLength(1);
      const policy = findAll(root, (e) => e.tag === 'meta' && e.attributes.get('http-equiv') === 'Content-Security-Policy')[0]!;
      expect(policy.attributes.get('content')).toBe(
        `default-src 'none'; style-src 'sha256-${sha256(styles[0]!.children[0] as string)}'; ` +
          `script-src 'sha256-${sha256(scripts[0]!.children[0] as string)}'; base-uri 'none'; form-action 'none'`,
      );
      expect(all.filter((e) => ['link', 'img', 'iframe', 'object', 'embed', 'base', 'form'].includes(e.tag))).toEqual([]);
      expect(
        all.filter((e) => e.attributes.has('src') || e.attributes.has('style') || [...e.attributes.keys()].some((k) => k.startsWith('on'))),
      ).toEqual([]);
      expect(styles[0]!.children[0]).not.toMatch(/url\(|@import/);
    });

    test('has each status, code entry and header at its anchor, and no id twice', () => {
      const ids = all.flatMap((e) => (e.attributes.has('id') ? [e.attributes.get('id')!] : []));
      expect(new Set(ids).size).toBe(ids.length);
      for (const [status, id] of anchors.statuses) expect(byId.get(id)?.tag, `${status}`).toBe('h3');
      for (const [entry, id] of anchors.entries) expect(byId.get(id)?.tag, entry).toBe('tr');
      for (const [header, id] of anchors.headers) expect(byId.get(id)?.tag, header).toBe('tr');
      const expected = [
        ...anchors.statuses.values(),
        ...anchors.entries.values(),
        ...anchors.headers.values(),
        'section:error-body',
        'section:statuses',
        ...(model.headers.length > 0 ? ['section:headers'] : []),
        'search',
        'filter',
        'filter-help',
        'filter-count',
      ];
      expect(ids.sort()).toEqual(expected.sort());
    });

    test('links only to its own anchors, and to the docUrls the catalog gives', () => {
      const hrefs = all.flatMap((e) => (e.attributes.has('href') ? [e.attributes.get('href')!] : []));
      const outside = hrefs.filter((href) => !href.startsWith('#'));
      expect(outside.sort()).toEqual(model.errors.flatMap((e) => (e.docUrl === undefined ? [] : [e.docUrl])).sort());
      for (const href of hrefs.filter((h) => h.startsWith('#'))) expect(byId.has(href.slice(1)), href).toBe(true);
      // Each anchor links to itself, so that a reader can copy its address.
      for (const id of [...anchors.statuses.values(), ...anchors.entries.values()]) {
        expect(findAll(byId.get(id)!, byTag('a'))[0]?.attributes.get('href'), id).toBe(`#${id}`);
      }
    });

    test('shows each status as the catalog has it, with its example body the OpenAPI example', () => {
      for (const status of model.statuses) {
        const heading = byId.get(anchors.statuses.get(status.status)!)!;
        expect(textOf(heading)).toBe(`${status.status} ${status.message}`);
        const section = findAll(root, (e) => byTag('section', 'status')(e) && elementsOf(e)[0] === heading)[0]!;
        const about = findAll(section, byTag('div', 'about'))[0]!;
        expect(elementsOf(about).map(textOf)).toEqual(paragraphsOf(status.description));
        // The status's own example is in its facts; the codes' are in their table.
        const pre = findAll(section, byTag('dl')).flatMap((facts) => findAll(facts, byTag('pre')));
        if (status.isError && status.bodyAllowed) {
          expect(JSON.parse(textOf(pre[0]!)), `${status.status}`).toEqual(examples[status.name]!.value);
        } else expect(pre, `${status.status}`).toEqual([]);
        for (const header of status.headers) expect(textOf(section)).toContain(header);
      }
    });

    test('shows each code entry as the catalog has it, with its example body the OpenAPI example', () => {
      for (const error of model.errors) {
        const row = byId.get(anchors.entries.get(`${error.code} ${error.status}`)!)!;
        const [code, message, details, body] = cells(row);
        expect(code!.tag).toBe('th');
        expect(code!.attributes.get('scope')).toBe('row');
        expect(textOf(code!)).toBe(error.code + (error.deprecated ? ' deprecated' : ''));
        expect(textOf(message!)).toBe(error.message);
        const paragraphs = elementsOf(details!).map(textOf);
        for (const p of paragraphsOf(error.description ?? '')) expect(paragraphs).toContain(p);
        if (error.measure !== undefined) expect(paragraphs).toContain(`Measure: ${error.measure}`);
        const links = findAll(details!, byTag('a'));
        if (error.docUrl !== undefined) {
          expect(links[0]!.attributes.get('href')).toBe(error.docUrl);
          expect(textOf(links[0]!)).toBe(`Documentation of ${error.code}`);
        }
        // The code's other statuses, linked.
        const others = error.codeStatuses.filter((s) => s !== error.status);
        expect(links.slice(error.docUrl === undefined ? 0 : 1).map((a) => a.attributes.get('href'))).toEqual(
          others.map((s) => `#${anchors.entries.get(`${error.code} ${s}`)!}`),
        );
        if (error.bodyAllowed) {
          const shown = JSON.parse(textOf(body!)) as Record<string, unknown>;
          expect(shown, error.code).toEqual(examples[error.exampleKey]!.value);
          // A problem's type: the code's docUrl, else problemTypeBase and the code.
          const base = model.errorBody.problemTypeBase;
          if (model.errorBody.preset === 'problem')
            expect(shown['type']).toBe(error.docUrl ?? (base === undefined ? 'about:blank' : base + error.code));
        } else expect(textOf(body!)).toBe('None: a response of this status carries no content.');
      }
    });

    test('lists the headers with their descriptions and the statuses that send them', () => {
      for (const header of model.headers) {
        const [nameCell, required, , description, sentWith] = cells(byId.get(anchors.headers.get(header.name)!)!);
        expect(textOf(nameCell!)).toBe(header.name);
        expect(textOf(required!)).toBe(header.required ? 'yes' : 'no');
        expect(elementsOf(description!).map(textOf)).toEqual(paragraphsOf(header.description));
        expect(findAll(sentWith!, byTag('a')).map((a) => a.attributes.get('href'))).toEqual(
          model.statuses.filter((s) => s.headers.includes(header.name)).map((s) => `#${anchors.statuses.get(s.status)!}`),
        );
      }
    });

    test('marks tables up as tables: a caption, column headings, row headings', () => {
      const tables = findAll(root, byTag('table'));
      expect(tables.length).toBe(1 + (model.headers.length > 0 ? 1 : 0) + new Set(model.errors.map((e) => e.status)).size);
      for (const table of tables) {
        expect(elementsOf(table).map((e) => e.tag)).toEqual(['caption', 'thead', 'tbody']);
        for (const th of findAll(elementsOf(table)[1]!, byTag('th'))) expect(th.attributes.get('scope')).toBe('col');
        for (const row of elementsOf(elementsOf(table)[2]!)) expect(cells(row)[0]!.attributes.get('scope')).toBe('row');
      }
    });

    test('keeps the search box hidden until its script shows it, labelled, and shows every status and code without it', () => {
      const search = byId.get('search')!;
      expect(search.attributes.get('hidden')).toBe('');
      expect(search.attributes.get('role')).toBe('search');
      const label = findAll(search, byTag('label'))[0]!;
      expect(label.attributes.get('for')).toBe('filter');
      expect(byId.get('filter')!.attributes.get('type')).toBe('search');
      expect(all.filter((e) => e !== search && e.attributes.has('hidden'))).toEqual([]);
    });

    test('is the same bytes when emitted again', () => {
      expect(emitted(model)).toBe(html);
    });
  });
}

describe('anchors of codes a status shares its spelling with', () => {
  test('the code keeps the bare id (problemTypeBase + code lands on it), the status moves to status:<status>', () => {
    const page = parseHtml(CASES.at(-1)!.html);
    const ids = findAll(page.root, (e) => e.attributes.has('id')).map((e) => e.attributes.get('id'));
    expect(ids).toContain('404');
    expect(ids).toContain('status:404');
    expect(ids).toContain('400');
    expect(ids).toContain('1100@404');
    expect(findAll(page.root, (e) => e.attributes.get('id') === '404')[0]!.tag).toBe('tr');
  });
});
