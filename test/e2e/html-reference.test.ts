/**
 * The HTML reference (docs/errors.html) in a real browser: Chromium, headless, driven by
 * puppeteer-core (which downloads nothing), the page opened from file://. Every status, code
 * entry and header anchor is targeted and scrolled into view, the search box filters by typing
 * and is usable from the keyboard, the page shows everything without its script, makes no
 * request, and renders (a screenshot that is not blank) in light and dark colour schemes.
 * Skipped where no Chromium is installed (.ci/run installs Debian's).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadCatalog } from '../../generator/index.js';
import { buildModel, type CatalogModel } from '../../generator/model/model.js';
import { emitDocs } from '../../generator/targets/docs/docs.js';
import { DEFAULT_CATALOG, OUTPUT, removeDir, ROOT, tempDir, writeFile } from '../harness/helpers.js';
import { decodePng } from '../harness/png.js';

/**
 * The little of the DOM the functions run in the page use, typed here (the project's TypeScript
 * has no DOM library): those functions run in the browser, where these names are its own.
 */
interface PageElement {
  readonly id: string;
  readonly textContent: string | null;
  readonly value?: string;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { readonly top: number };
  checkVisibility(): boolean;
  querySelector(selector: string): PageElement | null;
}
declare const document: {
  readonly activeElement: PageElement | null;
  readonly documentElement: PageElement;
  getElementById(id: string): PageElement | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement> & { readonly length: number };
};
declare const location: { hash: string };
declare const innerHeight: number;
declare function requestAnimationFrame(callback: () => void): number;
declare function getComputedStyle(element: PageElement): { readonly backgroundColor: string };

/** Debian's chromium, else whatever `chromium` the PATH has. */
function findChromium(): string | undefined {
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const found = spawnSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() !== '' ? found.stdout.trim() : undefined;
}

const CHROMIUM = findChromium();

/** Flags that keep a headless Chromium to itself: no sandbox (containers), GPU, QUIC, first-run work or background traffic. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const CATALOGS = join(ROOT, 'test', 'fixtures');

interface PageCase {
  readonly name: string;
  readonly model: CatalogModel;
  /** The page, as generated. */
  readonly file: () => string;
}

describe.skipIf(CHROMIUM === undefined)('errors.html in Chromium', () => {
  let work: string;
  let browser: Browser;
  const generated = new Map<string, string>();
  const cases: PageCase[] = [
    // The committed output: the default catalog, statuses and headers, no codes.
    { name: 'the default catalog', model: buildModel(loadCatalog(DEFAULT_CATALOG)), file: () => join(OUTPUT, 'docs', 'errors.html') },
    // Problem bodies and a docUrl; a code under a status the catalog does not list.
    ...['catalogs/identity.yaml', 'public/huawei-apig.yaml'].map((path) => ({
      name: path,
      model: buildModel(loadCatalog(join(CATALOGS, path))),
      file: () => generated.get(path)!,
    })),
  ];

  beforeAll(async () => {
    work = tempDir();
    // Emitted by the docs target in this process (the CLI writes the same bytes: see the committed page and generate --check).
    for (const [index, { model }] of cases.slice(1).entries()) {
      const html = emitDocs(model).find((f) => f.path === 'errors.html')!.contents;
      generated.set(cases[index + 1]!.name, writeFile(join(work, `page-${index}`, 'errors.html'), html));
    }
    browser = await puppeteer.launch({
      executablePath: CHROMIUM!,
      headless: true,
      // A fresh profile, removed with the rest.
      userDataDir: join(work, 'profile'),
      args: FLAGS,
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (work !== undefined) removeDir(work);
  });

  /** Opens a page from file:// with every request but the page itself refused and recorded, and its errors recorded. */
  async function open(file: string, options: { javaScript?: boolean } = {}): Promise<{ page: Page; requests: string[]; errors: string[] }> {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    await page.setJavaScriptEnabled(options.javaScript ?? true);
    const url = pathToFileURL(file).href;
    const requests: string[] = [];
    const errors: string[] = [];
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.url() === url) return void request.continue();
      requests.push(request.url());
      return void request.abort();
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warn') errors.push(message.text());
    });
    await page.goto(url, { waitUntil: 'load' });
    return { page, requests, errors };
  }

  /** The ids of every status, code entry and header of a catalog's page, from the model (see generator/targets/docs/html.ts). */
  function anchorsOf(model: CatalogModel): string[] {
    const codes = new Set(model.errors.map((e) => e.code));
    const statuses = [...new Set([...model.statuses.map((s) => s.status), ...model.errors.map((e) => e.status)])];
    return [
      ...statuses.map((s) => (codes.has(String(s)) ? `status:${s}` : String(s))),
      ...model.errors.map((e) => (e.status === e.codeStatuses[0] ? e.code : `${e.code}@${e.status}`)),
      ...model.headers.map((h) => `header:${h.name}`),
    ];
  }

  for (const { name, model, file } of cases) {
    describe(name, () => {
      test('targets and scrolls to every status, code entry and header anchor, and makes no request', async () => {
        const { page, requests, errors } = await open(file());
        const anchors = anchorsOf(model);
        expect(anchors.length).toBeGreaterThan(model.statuses.length - 1);
        const misses = await page.evaluate((ids: string[]) => {
          const found: string[] = [];
          for (const id of ids) {
            // As a link or a problem type names it: the id as it is, every id being URL-safe. A
            // fragment navigation targets and scrolls before it returns.
            location.hash = id;
            const element = document.getElementById(id);
            const rect = element?.getBoundingClientRect();
            if (element === null || document.querySelector(':target') !== element) found.push(`${id}: not the target`);
            else if (rect === undefined || rect.top < 0 || rect.top >= innerHeight)
              found.push(`${id}: not scrolled into view (top ${rect?.top})`);
          }
          return found;
        }, anchors);
        expect(misses).toEqual([]);
        expect(requests).toEqual([]);
        expect(errors).toEqual([]);
        await page.close();
      });

      test('shows everything and no search box without its script', async () => {
        const { page, requests } = await open(file(), { javaScript: false });
        const shown = await page.evaluate(() => ({
          search: document.getElementById('search')!.checkVisibility(),
          rows: [...document.querySelectorAll('tbody > tr')].filter((row) => !row.checkVisibility()).length,
          sections: [...document.querySelectorAll('section.status')].filter((s) => !s.checkVisibility()).length,
          all: document.querySelectorAll('section.status').length,
        }));
        expect(shown).toEqual({
          search: false,
          rows: 0,
          sections: 0,
          all: new Set([...model.statuses.map((s) => s.status), ...model.errors.map((e) => e.status)]).size,
        });
        expect(requests).toEqual([]);
        await page.close();
      });
    });
  }

  /** After two frames: the box filters once per frame. */
  const filtered = (page: Page): Promise<void> =>
    page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));

  /** The visible code rows (by id) and status headings (by id) of a page, and the search box's count. */
  async function visible(page: Page): Promise<{ rows: string[]; statuses: string[]; count: string }> {
    return page.evaluate(() => ({
      rows: [...document.querySelectorAll('section.status tbody > tr')].filter((r) => r.checkVisibility()).map((r) => r.id),
      statuses: [...document.querySelectorAll('section.status')].filter((s) => s.checkVisibility()).map((s) => s.querySelector('h3')!.id),
      count: document.getElementById('filter-count')!.textContent!,
    }));
  }

  describe('the search box', () => {
    const path = 'catalogs/identity.yaml';
    const model = buildModel(loadCatalog(join(CATALOGS, path)));
    const allRows = model.errors.map((e) => e.code);

    test('filters as a code is typed, shows everything again when cleared, and is usable from the keyboard', async () => {
      const { page, requests, errors } = await open(generated.get(path)!);
      expect((await visible(page)).rows.sort()).toEqual([...allRows].sort());
      // "/" goes to the box from anywhere on the page.
      await page.keyboard.press('/');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('filter');
      await page.keyboard.type('0101');
      await filtered(page);
      expect(await visible(page)).toEqual({
        rows: ['0101'],
        statuses: ['401'],
        count: `1 of 7 statuses and 1 of ${allRows.length} codes shown`,
      });
      // Enter goes to the first match.
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#0101');
      // Words of a message, in any case.
      await page.focus('#filter');
      await page.keyboard.press('Escape');
      await page.keyboard.type('TOKEN');
      await filtered(page);
      expect((await visible(page)).rows).toEqual(['0101', '0102']);
      // A status by its number: all its codes.
      await page.keyboard.press('Escape');
      await page.keyboard.type('400');
      await filtered(page);
      expect((await visible(page)).statuses).toEqual(['400']);
      expect((await visible(page)).rows).toEqual(['0001', '0002']);
      // Escape clears it: everything is back.
      await page.keyboard.press('Escape');
      const cleared = await visible(page);
      expect(cleared.rows.sort()).toEqual([...allRows].sort());
      expect(cleared.statuses).toHaveLength(7);
      expect(cleared.count).toBe('');
      expect(await page.$eval('#filter', (input) => (input as unknown as PageElement).value)).toBe('');
      // Nothing matches: nothing shown, and said.
      await page.keyboard.type('no such thing');
      await filtered(page);
      expect(await visible(page)).toEqual({ rows: [], statuses: [], count: `0 of 7 statuses and 0 of ${allRows.length} codes shown` });
      // Following a link to what the filter hides shows everything again and goes there.
      await page.evaluate(() => (location.hash = '0429'));
      await page.waitForFunction(() => document.getElementById('0429')!.checkVisibility());
      expect((await visible(page)).rows.sort()).toEqual([...allRows].sort());
      expect(requests).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  });

  describe('rendering', () => {
    for (const scheme of ['light', 'dark'] as const) {
      test(`paints a page that is not blank, in the ${scheme} colour scheme`, async () => {
        const { page, requests } = await open(generated.get('catalogs/identity.yaml')!);
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
        const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
        expect(background).toBe(scheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(13, 17, 23)');
        const pixels = decodePng(Buffer.from(await page.screenshot({ type: 'png' })));
        await page.close();
        const corner = pixels.rgb[0]!;
        const colours = new Set(pixels.rgb).size;
        const share = pixels.rgb.filter((pixel) => pixel !== corner).length / pixels.rgb.length;
        const rgb = (pixel: number): string => `rgb(${pixel >> 16}, ${(pixel >> 8) & 0xff}, ${pixel & 0xff})`;
        expect([pixels.width, pixels.height]).toEqual([1200, 900]);
        // The page's own background, then text, links, borders and code blocks on it.
        expect(rgb(corner)).toBe(background);
        expect(colours).toBeGreaterThan(50);
        expect(share).toBeGreaterThan(0.05);
        expect(requests).toEqual([]);
      });
    }
  });
});
