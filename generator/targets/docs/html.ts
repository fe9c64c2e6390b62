/**
 * The HTML reference (errors.html): one self-contained page of the error body, the headers,
 * every status and every error code with an example body, each status and code at an anchor of
 * its own, a search box, light and dark styles. It loads nothing (its style and script are
 * inlined, and its Content-Security-Policy allows nothing else), so it works from file:// and
 * from any static host. Every catalog text goes through generator/util/escape.ts.
 *
 * Anchors (HTML ids), unique and stable: a code's own is the code itself (`#S3M.0001`), so that
 * problemTypeBase `…/errors.html#` followed by a code names its entry; codes are letters, digits
 * and `._-`, all safe in an id and a URL fragment as they are. A code listed under several
 * statuses is at `#<code>` under the first of them and at `#<code>@<status>` under the others. A
 * status is at `#<status>` (`#404`), unless the catalog has a code spelled the same, which keeps
 * it: the status is then at `#status:<status>`. Headers are at `#header:<name>`, the sections at
 * `#section:<name>`. No code holds `@` or `:`, so none of these can be taken by a code.
 */
import { createHash } from 'node:crypto';
import type { CatalogModel, ErrorModel, StatusModel } from '../../model/model.js';
import { paragraphsOf } from '../../model/model.js';
import { compareStrings } from '../../util/compare.js';
import { htmlAttribute, htmlPreformatted, htmlText } from '../../util/escape.js';
import { statusExampleBody, wireBody } from '../openapi/body.js';
import { errorBodyRows, errorsOnSuccess, headerValueText, paragraphsWith, RETRY_TEXT, type TextFormat } from './describe.js';
import { pageAssets } from './page-assets.js';

/** The page's path in the docs folder. */
export const HTML_REFERENCE = 'errors.html';

const HTML: TextFormat = { text: htmlText, paragraphs: paragraphsWith(htmlText) };

/** The ids of the page's sections, by what they hold. */
export const SECTION_IDS = { body: 'section:error-body', headers: 'section:headers', statuses: 'section:statuses' } as const;

/** Where each status, code entry and header is on the page (see the head of this module). */
export interface HtmlAnchors {
  status(status: number): string;
  entry(error: Pick<ErrorModel, 'code' | 'status' | 'primary'>): string;
  header(name: string): string;
}

export function htmlAnchors(model: Pick<CatalogModel, 'errors'>): HtmlAnchors {
  const codes = new Set(model.errors.map((e) => e.code));
  return {
    status: (status) => (codes.has(String(status)) ? `status:${status}` : String(status)),
    entry: (error) => (error.primary ? error.code : `${error.code}@${error.status}`),
    header: (name) => `header:${name}`,
  };
}

type Attributes = Readonly<Record<string, string | true | undefined>>;

/** An element: attribute values escaped here, content already HTML. */
function element(tag: string, attributes: Attributes, ...content: readonly string[]): string {
  let open = `<${tag}`;
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    open += value === true ? ` ${name}` : ` ${name}="${htmlAttribute(value)}"`;
  }
  return `${open}>${content.join('')}</${tag}>`;
}

/** A link to an anchor of the page. */
function anchorLink(id: string, content: string): string {
  return element('a', { href: `#${id}` }, content);
}

/** Paragraphs of a description, each a `<p>`. */
function paragraphs(text: string): string {
  return paragraphsOf(text)
    .map((p) => element('p', {}, htmlText(p)))
    .join('');
}

/** A table with a caption, column headings and rows given as HTML, in a wrapper that scrolls when it is wide. */
function table(caption: string, head: readonly string[], rows: readonly string[], attributes: Attributes = {}): string {
  return element(
    'div',
    { class: 'table' },
    element(
      'table',
      attributes,
      element('caption', {}, caption),
      element('thead', {}, element('tr', {}, ...head.map((h) => element('th', { scope: 'col' }, h)))),
      element('tbody', {}, ...rows),
    ),
  );
}

/** An example body, pretty-printed JSON in a `<pre>`. */
function exampleBody(body: Record<string, unknown>): string {
  return element('pre', {}, element('code', {}, htmlPreformatted(JSON.stringify(body, null, 2))));
}

/** A status of the page: a catalog status, or one the catalog lists codes under but does not list itself. */
interface StatusGroup {
  readonly status: number;
  readonly model: StatusModel | undefined;
  readonly errors: readonly ErrorModel[];
}

function statusGroups(model: CatalogModel): StatusGroup[] {
  const errorsOf = new Map<number, ErrorModel[]>();
  for (const error of model.errors) errorsOf.set(error.status, [...(errorsOf.get(error.status) ?? []), error]);
  const listed = new Map(model.statuses.map((s) => [s.status, s]));
  const statuses = [...new Set([...listed.keys(), ...errorsOf.keys()])].sort((a, b) => a - b);
  return statuses.map((status) => ({
    status,
    model: listed.get(status),
    errors: [...(errorsOf.get(status) ?? [])].sort((a, b) => compareStrings(a.code, b.code)),
  }));
}

function bodySection(model: CatalogModel): string {
  const body = model.errorBody;
  const rows = errorBodyRows(model, HTML).map(([member, type, description]) =>
    element(
      'tr',
      {},
      element('th', { scope: 'row' }, element('code', {}, member!)),
      element('td', {}, type!),
      element('td', {}, description!),
    ),
  );
  return element(
    'section',
    { id: SECTION_IDS.body },
    element('h2', {}, 'Error body'),
    body.description === undefined ? '' : paragraphs(body.description),
    element('p', {}, `Media type ${element('code', {}, htmlText(body.mediaType))}: ${htmlText(body.summary)}.`),
    table('Members of the error body', ['Member', 'Type', 'Description'], rows),
    ...errorsOnSuccess(model, HTML).map((sentence) => element('p', {}, sentence)),
  );
}

function headersSection(model: CatalogModel, anchors: HtmlAnchors): string {
  if (model.headers.length === 0) return '';
  const rows = model.headers.map((h) => {
    const sentWith = model.statuses
      .filter((s) => s.headers.includes(h.name))
      .map((s) => anchorLink(anchors.status(s.status), String(s.status)));
    const value =
      htmlText(headerValueText(h.schema)) + (h.example === undefined ? '' : `; e.g. ${element('code', {}, htmlText(String(h.example)))}`);
    return element(
      'tr',
      { id: anchors.header(h.name) },
      element('th', { scope: 'row' }, anchorLink(anchors.header(h.name), htmlText(h.name))),
      element('td', {}, h.required ? 'yes' : 'no'),
      element('td', {}, value),
      element('td', {}, paragraphs(h.description)),
      element('td', {}, sentWith.join(', ')),
    );
  });
  return element(
    'section',
    { id: SECTION_IDS.headers },
    element('h2', {}, 'Headers'),
    table('Response headers', ['Header', 'Required', 'Value', 'Description', 'Sent with'], rows),
  );
}

/** The facts of a status as a description list: retry, headers, the code sent when none applies, its example body. */
function statusFacts(model: CatalogModel, anchors: HtmlAnchors, status: StatusModel): string {
  const facts: [string, string][] = [];
  if (status.retry !== undefined) facts.push(['Retry', RETRY_TEXT[status.retry]]);
  if (status.headers.length > 0) {
    const required = new Set(status.requiredHeaders);
    const links = status.headers.map(
      (name) => anchorLink(anchors.header(name), htmlText(name)) + (required.has(name) ? ' (required)' : ''),
    );
    facts.push(['Headers', links.join(', ')]);
  }
  if (!status.bodyAllowed) facts.push(['Body', 'None: the response carries no content.']);
  else if (status.isError) {
    if (status.defaultCode !== undefined) facts.push(['Code when none applies', element('code', {}, htmlText(status.defaultCode))]);
    // The OpenAPI example of the status.
    facts.push(['Example body', exampleBody(statusExampleBody(model, status))]);
  }
  if (facts.length === 0) return '';
  return element('dl', {}, ...facts.map(([term, description]) => element('dt', {}, term) + element('dd', {}, description)));
}

function codeRow(model: CatalogModel, anchors: HtmlAnchors, error: ErrorModel, statusMessage: string): string {
  const id = anchors.entry(error);
  const details = [
    error.description === undefined ? '' : paragraphs(error.description),
    error.measure === undefined ? '' : paragraphs(`Measure: ${error.measure}`),
    error.docUrl === undefined ? '' : element('p', {}, element('a', { href: error.docUrl }, `Documentation of ${htmlText(error.code)}`)),
  ];
  const others = error.codeStatuses.filter((s) => s !== error.status);
  if (others.length > 0) {
    const links = others.map((status) =>
      anchorLink(anchors.entry({ code: error.code, status, primary: status === error.codeStatuses[0] }), String(status)),
    );
    details.push(element('p', {}, `Also under ${links.join(', ')}.`));
  }
  const body = error.bodyAllowed
    ? exampleBody(
        wireBody(model, {
          status: error.status,
          statusMessage,
          code: error.code,
          codeMessage: error.message,
          message: error.message,
          docUrl: error.docUrl,
        }),
      )
    : 'None: a response of this status carries no content.';
  return element(
    'tr',
    { id },
    element(
      'th',
      { scope: 'row' },
      anchorLink(id, htmlText(error.code)),
      error.deprecated ? ' <span class="deprecated">deprecated</span>' : '',
    ),
    element('td', {}, htmlText(error.message)),
    element('td', {}, ...details),
    element('td', { class: 'body' }, body),
  );
}

function statusSection(model: CatalogModel, anchors: HtmlAnchors, group: StatusGroup): string {
  const id = anchors.status(group.status);
  const title = group.model === undefined ? String(group.status) : `${group.status} ${htmlText(group.model.message)}`;
  // What the search box finds a status by, with its heading: not its facts, whose example body every status shares the words of.
  const about =
    group.model === undefined
      ? element('p', {}, `The catalog lists codes under ${group.status}, but not the status itself.`)
      : paragraphs(group.model.description);
  const statusMessage = group.model?.message ?? `HTTP ${group.status}`;
  const codes =
    group.errors.length === 0
      ? ''
      : table(
          `Error codes of ${title}`,
          ['Code', 'Message', 'Details', 'Example body'],
          group.errors.map((error) => codeRow(model, anchors, error, statusMessage)),
        );
  return element(
    'section',
    { class: 'status' },
    element('h3', { id }, anchorLink(id, title)),
    element('div', { class: 'about' }, about),
    group.model === undefined ? '' : statusFacts(model, anchors, group.model),
    codes,
  );
}

/** Base64 of the SHA-256 of a text: the Content-Security-Policy's name for an inline style or script. */
function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export function emitHtmlReference(model: CatalogModel): string {
  const { style, script } = pageAssets();
  const anchors = htmlAnchors(model);
  const groups = statusGroups(model);
  const codes = model.errors.length;
  // Nothing but the inlined style and script: no request can leave the page, whatever it holds.
  const policy = `default-src 'none'; style-src ${cspHash(style)}; script-src ${cspHash(script)}; base-uri 'none'; form-action 'none'`;
  const summary =
    `Service ${htmlText(model.service)}, catalog version ${htmlText(model.version)}: ` +
    `${model.statuses.length} statuses${codes > 0 ? `, ${codes} error codes` : ''}.`;
  const contents = [
    element('li', {}, anchorLink(SECTION_IDS.body, 'Error body')),
    model.headers.length === 0 ? '' : element('li', {}, anchorLink(SECTION_IDS.headers, 'Headers')),
    element(
      'li',
      {},
      anchorLink(SECTION_IDS.statuses, 'Statuses'),
      ': ',
      element('span', { class: 'status-links' }, ...groups.map((g) => anchorLink(anchors.status(g.status), String(g.status)))),
    ),
  ];
  const search = element(
    'div',
    { class: 'search', id: 'search', role: 'search', hidden: true },
    element('label', { for: 'filter' }, 'Filter statuses and codes'),
    `<input type="search" id="filter" autocomplete="off" spellcheck="false" aria-describedby="filter-help" aria-controls="${htmlAttribute(SECTION_IDS.statuses)}">`,
    element(
      'p',
      { id: 'filter-help' },
      'Type a status, a code or words of a message; Enter goes to the first match, Escape clears, / comes back here.',
    ),
    element('p', { id: 'filter-count', role: 'status' }),
  );
  const lines = [
    '<!DOCTYPE html>',
    `<!-- Generated file. Do not edit. Generated by status-catalog from ${htmlText(model.sourceName)}; change the catalog and run \`status-catalog generate\`. -->`,
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${htmlAttribute(policy)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    // A title holds text only: a line break in it is a reference, not <br>.
    element('title', {}, htmlAttribute(model.title)),
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    element(
      'header',
      {},
      element('h1', {}, htmlText(model.title)),
      element('p', {}, summary),
      element('nav', { 'aria-label': 'Contents' }, element('ul', {}, ...contents)),
    ),
    search,
    '<main>',
    bodySection(model),
    headersSection(model, anchors),
    element(
      'section',
      { id: SECTION_IDS.statuses },
      element('h2', {}, 'Statuses and error codes'),
      ...groups.map((g) => `\n${statusSection(model, anchors, g)}`),
    ),
    '</main>',
    `<script>${script}</script>`,
    '</body>',
    '</html>',
  ];
  return `${lines.filter((line) => line !== '').join('\n')}\n`;
}
