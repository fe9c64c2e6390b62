/**
 * Reads a generated HTML page back into a tree, strictly: the subset the generator writes
 * (a doctype, comments, elements with double-quoted attributes, void elements, style and script
 * text, and the character references &amp; &lt; &gt; &quot; &#39; and numeric ones). Anything
 * else throws: an unclosed or misnested element, a stray `<`, an unknown reference, an attribute
 * given twice. So a page read without error holds exactly the elements its tree shows, and
 * catalog text cannot have become markup.
 */

export interface HtmlElement {
  readonly tag: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: readonly HtmlNode[];
}

export type HtmlNode = HtmlElement | string;

export interface HtmlDocument {
  /** The comments before the root element, as written. */
  readonly comments: readonly string[];
  readonly root: HtmlElement;
}

const VOID_ELEMENTS = new Set(['br', 'input', 'meta']);
const RAW_TEXT_ELEMENTS = new Set(['script', 'style']);
const NAMED_REFERENCES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** Text with its character references decoded; throws on a reference the generator never writes. */
export function decodeReferences(text: string): string {
  return text.replace(/&([^;&\s]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new Error(`"&" not starting a reference: ${JSON.stringify(whole)}`);
    const named = NAMED_REFERENCES[name];
    if (named !== undefined) return named;
    const numeric = /^#x([0-9A-F]+)$/.exec(name);
    if (numeric !== null) return String.fromCodePoint(parseInt(numeric[1]!, 16));
    throw new Error(`unexpected character reference ${whole}`);
  });
}

export function parseHtml(html: string): HtmlDocument {
  let at = 0;
  const comments: string[] = [];
  const fail = (message: string): never => {
    throw new Error(`${message} at offset ${at}: ${JSON.stringify(html.slice(at, at + 60))}`);
  };
  if (!html.startsWith('<!DOCTYPE html>\n')) fail('no doctype');
  at = '<!DOCTYPE html>\n'.length;
  const top: HtmlElement = { tag: '#document', attributes: new Map(), children: [] };
  const stack: { element: HtmlElement; children: HtmlNode[] }[] = [{ element: top, children: top.children as HtmlNode[] }];
  while (at < html.length) {
    const open = stack.at(-1)!;
    if (html.startsWith('<!--', at)) {
      const end = html.indexOf('-->', at);
      if (end === -1) fail('unclosed comment');
      if (stack.length === 1) comments.push(html.slice(at + 4, end));
      else fail('a comment inside the page');
      at = end + 3;
    } else if (html.startsWith('</', at)) {
      const match = /^<\/([a-z0-9]+)>/.exec(html.slice(at, at + 40));
      if (match === null) fail('bad end tag');
      if (open.element.tag !== match![1]) fail(`</${match![1]!}> closes <${open.element.tag}>`);
      stack.pop();
      at += match![0].length;
    } else if (html[at] === '<') {
      const match = /^<([a-z0-9]+)((?:\s+[a-z-]+(?:="[^"<]*")?)*)\s*>/.exec(html.slice(at, at + 4096));
      if (match === null) fail('a "<" that starts no tag');
      const attributes = new Map<string, string>();
      for (const attribute of match![2]!.matchAll(/([a-z-]+)(?:="([^"]*)")?/g)) {
        if (attributes.has(attribute[1]!)) fail(`attribute ${attribute[1]!} given twice`);
        attributes.set(attribute[1]!, decodeReferences(attribute[2] ?? ''));
      }
      const tag = match![1]!;
      const element: HtmlElement = { tag, attributes, children: [] };
      open.children.push(element);
      at += match![0].length;
      if (RAW_TEXT_ELEMENTS.has(tag)) {
        const end = html.indexOf(`</${tag}>`, at);
        if (end === -1) fail(`unclosed <${tag}>`);
        (element.children as HtmlNode[]).push(html.slice(at, end));
        at = end + tag.length + 3;
      } else if (!VOID_ELEMENTS.has(tag)) {
        stack.push({ element, children: element.children as HtmlNode[] });
      }
    } else {
      const end = html.indexOf('<', at);
      const text = html.slice(at, end === -1 ? html.length : end);
      if (text.includes('>')) fail('a ">" in text');
      open.children.push(decodeReferences(text));
      at += text.length;
    }
  }
  if (stack.length !== 1) fail(`<${stack.at(-1)!.element.tag}> not closed`);
  const elements = top.children.filter((child): child is HtmlElement => typeof child !== 'string');
  const stray = top.children.filter((child) => typeof child === 'string' && child.trim() !== '');
  if (elements.length !== 1 || elements[0]!.tag !== 'html' || stray.length > 0) fail('not one <html> element');
  return { comments, root: elements[0]! };
}

/** The text a reader sees: `<br>` as a line break, style and script text left out. */
export function textOf(node: HtmlNode): string {
  if (typeof node === 'string') return node;
  if (node.tag === 'br') return '\n';
  if (RAW_TEXT_ELEMENTS.has(node.tag)) return '';
  return node.children.map(textOf).join('');
}

/** Every element below `node` (itself included) that `test` accepts, in document order. */
export function findAll(node: HtmlElement, test: (element: HtmlElement) => boolean): HtmlElement[] {
  const found: HtmlElement[] = test(node) ? [node] : [];
  for (const child of node.children) if (typeof child !== 'string') found.push(...findAll(child, test));
  return found;
}

/** Elements by tag name, and with a class among their classes. */
export const byTag =
  (tag: string, className?: string) =>
  (element: HtmlElement): boolean =>
    element.tag === tag && (className === undefined || (element.attributes.get('class') ?? '').split(' ').includes(className));

/** The element children of an element. */
export function elementsOf(element: HtmlElement): HtmlElement[] {
  return element.children.filter((child): child is HtmlElement => typeof child !== 'string');
}
