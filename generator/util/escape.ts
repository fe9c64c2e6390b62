/**
 * The only ways catalog text enters generated source. Catalog text is data written by many
 * hands; code generators have been exploited through exactly this path (text breaking out
 * of a comment or string), so each target context gets one function that makes any input
 * inert there, and tests feed them hostile strings.
 */

/**
 * Characters that are invisible, reorder or join text, end lines, or are not valid UTF-16 on
 * their own: controls (Cc), format characters (Cf: bidi controls, zero-width spaces and
 * joiners, soft hyphens, tag characters), line and paragraph separators, every other default
 * ignorable code point (variation selectors, Hangul fillers), and lone surrogates.
 */
export const UNSAFE_CHARACTER = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Default_Ignorable_Code_Point}]/gu;

/** `\uXXXX`, or `\u{XXXXX}` beyond the Basic Multilingual Plane. */
export function unicodeEscape(ch: string): string {
  const code = ch.codePointAt(0)!;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

const PLAIN = /^[^\\"\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Default_Ignorable_Code_Point}]*$/u;

/**
 * A TypeScript/JavaScript string literal that evaluates to exactly `text`. Everything but
 * printable characters is escaped, so the literal is a single line that no editor or reviewer
 * can misread. The quotes are the ones prettier would choose (double, unless the text holds
 * more double quotes than single ones), so the output needs no formatting pass.
 */
export function stringLiteral(text: string): string {
  if (PLAIN.test(text)) return `"${text}"`;
  const doubles = text.split('"').length - 1;
  const singles = text.split("'").length - 1;
  const quote = doubles > singles ? "'" : '"';
  let out = quote;
  for (const ch of text) {
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else out += ch.replace(UNSAFE_CHARACTER, unicodeEscape);
  }
  return out + quote;
}

/**
 * Text for a JSDoc block. Line breaks of every kind become plain newlines (the writer
 * prefixes each line with ` * `); `*\/` cannot close the comment nor `/*` open one; a line that starts with `@`
 * cannot become a tag; other unsafe characters are shown as `\uXXXX` text.
 */
export function docText(text: string): string {
  return (
    text
      .replace(/\r\n|[\r\u2028\u2029]/g, '\n')
      .replace(UNSAFE_CHARACTER, (ch) => (ch === '\n' ? ch : unicodeEscape(ch)))
      .replace(/\*\//g, '*\\/')
      // Nor may it open one: printers that track comments (ts-morph's writer) would close it early.
      .replace(/\/\*/g, '/\\*')
      .split('\n')
      .map((line) => line.trimEnd().replace(/^(\s*)@/, '$1\\@'))
      .join('\n')
  );
}

/** Markdown characters that could start emphasis, code, links, HTML, end a table cell or close a heading. */
const MARKDOWN_SPECIAL = /[\\`*_[\]<>|&~#]/g;

/**
 * One GitHub-flavoured Markdown table cell showing exactly `text`: Markdown punctuation is
 * backslash-escaped, line breaks become `<br>`, and unsafe characters become numeric
 * character references, visible in the source and decoded back by any Markdown renderer.
 */
export function markdownCell(text: string): string {
  return (
    text
      .replace(MARKDOWN_SPECIAL, (c) => `\\${c}`)
      .replace(/\r\n|[\r\n\u2028\u2029]/g, '<br>')
      .replace(UNSAFE_CHARACTER, (ch) => `&#x${ch.codePointAt(0)!.toString(16).toUpperCase()};`)
      // A table cell is trimmed when read: white space at its edges is written as references.
      .replace(/^\s+|\s+$/gu, (run) => [...run].map((ch) => `&#${ch.codePointAt(0)!};`).join(''))
  );
}

/**
 * A Markdown paragraph showing exactly `text`: as a cell, and a start that would open a block
 * (heading, quote, list item, rule, setext underline) is escaped too.
 */
export function markdownParagraph(text: string): string {
  return markdownCell(text)
    .replace(/^([#>+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Line breaks of every kind: CRLF, CR, LF, U+2028, U+2029. */
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;

/** An unsafe character as a numeric character reference: visible in the source, shown as itself. */
function characterReference(ch: string): string {
  return `&#x${ch.codePointAt(0)!.toString(16).toUpperCase()};`;
}

/**
 * HTML text (an element's content) showing exactly `text`: `&`, `<` and `>` as character
 * references, so that no text opens a tag, a comment or a reference; line breaks as `<br>`;
 * unsafe characters as numeric references, as in a Markdown cell.
 */
export function htmlText(text: string): string {
  return text
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
    .replace(LINE_BREAK, '<br>')
    .replace(UNSAFE_CHARACTER, characterReference);
}

/**
 * Preformatted HTML text (a `<pre>` element's content) showing exactly `text`: as HTML text, but
 * a line feed stays one, and every other line break is a numeric reference.
 */
export function htmlPreformatted(text: string): string {
  return text
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
    .replace(UNSAFE_CHARACTER, (ch) => (ch === '\n' ? ch : characterReference(ch)));
}

/**
 * The value of a double-quoted HTML attribute holding exactly `text`: as HTML text, and both
 * quotes as references too (so that no value ends early, whichever quote a reader expects);
 * line breaks as references rather than `<br>`.
 */
export function htmlAttribute(text: string): string {
  // Line breaks are among the unsafe characters.
  return text.replace(/[&<>"']/g, (c) => HTML_ATTRIBUTE_REFERENCES[c]!).replace(UNSAFE_CHARACTER, characterReference);
}

const HTML_ATTRIBUTE_REFERENCES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * The destination of a Markdown link to `url`, in angle brackets: `&` written as a reference so
 * that no part of the URI reads as one, and the characters no URI holds as they are (white space,
 * `<`, `>`, `\`; a catalog's docUrl has none) percent-encoded, so that none ends the destination.
 */
export function markdownLinkDestination(url: string): string {
  return `<${url.replace(/&/g, '&amp;').replace(/[\s<>\\]/g, (c) => encodeURIComponent(c))}>`;
}
