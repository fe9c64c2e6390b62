/**
 * Writing TypeScript in prettier's layout directly, with ts-morph's CodeBlockWriter (what its
 * writer functions receive). Running prettier over generated code costs seconds on large
 * catalogs; instead every construct whose length depends on the catalog goes through one of
 * these helpers, each of which makes the choice prettier makes (printWidth 100, two-space
 * indent, double quotes, trailing commas). The tests run prettier's own check over every
 * generated file to hold them to it.
 */
import type { CodeBlockWriter } from 'ts-morph';
import { util } from 'prettier';
import { docText } from '../../../util/escape.js';

export type Writer = CodeBlockWriter;

/** The prettier options the output is held to (tests run `prettier.check` with them). */
export const PRETTIER_OPTIONS = {
  parser: 'typescript',
  printWidth: 100,
  tabWidth: 2,
  useTabs: false,
  singleQuote: false,
  trailingComma: 'all',
  semi: true,
  endOfLine: 'lf',
} as const;

const WIDTH = PRETTIER_OPTIONS.printWidth;

function column(w: Writer): number {
  return w.getIndentationLevel() * PRETTIER_OPTIONS.tabWidth;
}

/**
 * Width as prettier measures it: wide East Asian characters and emoji count two columns,
 * combining marks none. Prettier's own function, so that a line breaks exactly where it would.
 */
function width(text: string): number {
  return util.getStringWidth(text);
}

/** Whether `text` fits on one line at the writer's indentation. */
export function fits(w: Writer, text: string): boolean {
  return column(w) + width(text) <= WIDTH;
}

/**
 * `lead value end` on one line, or, when that is wider than the print width, prettier's
 * break-after-operator layout: `lead` alone, the value indented on the next line. Only for
 * values prettier would move (string literals, member chains); `lead` ends with `=` or `:`.
 *
 * Prettier never breaks after the key of an object property shorter than tabWidth + 3
 * characters (`name:`, `404:`): the value would barely move.
 */
export function assignment(w: Writer, lead: string, value: string, end: string): void {
  const line = `${lead} ${value}${end}`;
  const key = lead.endsWith(':') ? lead.slice(0, -1) : '';
  const shortKey = /^(?:[A-Za-z_$][\w$]*|[0-9]+|"[^"\\]*")$/.test(key) && width(key) < PRETTIER_OPTIONS.tabWidth + 3;
  if (shortKey || column(w) + width(line) <= WIDTH) {
    w.writeLine(line);
    return;
  }
  w.writeLine(lead);
  w.indent(() => w.writeLine(`${value}${end}`));
}

/**
 * An array literal (`open` ends with `[`, `close` starts with `]`): on one line when it fits,
 * else one element per line with a trailing comma, as prettier prints arrays.
 */
export function list(w: Writer, open: string, items: readonly string[], close: string): void {
  arrayLiteral(w, open, items, close, (item) => [item]);
}

/**
 * An array of number literals as prettier prints it: on one line when it fits, else filled,
 * as many numbers on each indented line as fit, each line ending with a comma.
 */
export function numberList(w: Writer, open: string, items: readonly string[], close: string): void {
  arrayLiteral(w, open, items, close, (item, row) => {
    const fits = row.length > 0 && column(w) + width(`${[...row, item].join(', ')},`) <= WIDTH;
    return fits ? [...row, item] : [item];
  });
}

/**
 * An array literal on one line when it fits; else `open`, the items in rows at one more
 * indentation (each row ending with a comma), and `close`. `place` puts an item into the
 * current row, or starts a new row with it.
 */
function arrayLiteral(
  w: Writer,
  open: string,
  items: readonly string[],
  close: string,
  place: (item: string, row: readonly string[]) => string[],
): void {
  const line = `${open}${items.join(', ')}${close}`;
  if (items.length === 0 || column(w) + width(line) <= WIDTH) {
    w.writeLine(line);
    return;
  }
  w.writeLine(open);
  w.indent(() => {
    let row: string[] = [];
    for (const item of items) {
      const next = place(item, row);
      if (next.length === 1 && row.length > 0) w.writeLine(`${row.join(', ')},`);
      row = next;
    }
    w.writeLine(`${row.join(', ')},`);
  });
  w.writeLine(close);
}

/**
 * A union type as prettier prints it, in a type alias or an interface member: `lead A | B | C;`
 * on one line when it fits; else the members on one indented line after the lead when that
 * fits; else one `| member` per line.
 */
export function union(w: Writer, lead: string, members: readonly string[]): void {
  const line = `${lead} ${members.join(' | ')};`;
  if (members.length < 2 || column(w) + width(line) <= WIDTH) {
    w.writeLine(line);
    return;
  }
  w.writeLine(lead);
  const together = `${members.join(' | ')};`;
  w.indent(() => {
    if (column(w) + width(together) <= WIDTH) w.writeLine(together);
    else members.forEach((member, index) => w.writeLine(`| ${member}${index === members.length - 1 ? ';' : ''}`));
  });
}

/**
 * A body of members, one level in: `open` (ending with `{` or `[`), the members, `close`; with no
 * members `open` and `close` on one line (`export interface ErrorClasses {}`, `= [];`), as
 * prettier prints an empty interface, namespace, object or array (ts-morph's blocks break an
 * empty one over two lines).
 */
export function block<T>(w: Writer, open: string, items: readonly T[], write: (item: T) => void, close = '}'): void {
  if (items.length === 0) {
    w.writeLine(`${open}${close}`);
    return;
  }
  w.writeLine(open);
  w.indent(() => items.forEach((item) => write(item)));
  w.writeLine(close);
}

/** An import declaration as prettier prints it: on one line when it fits, else one name per line. */
export function importDeclaration(w: Writer, names: readonly string[], from: string, typeOnly = false): void {
  const lead = `import ${typeOnly ? 'type ' : ''}{`;
  const line = `${lead} ${names.join(', ')} } from "${from}";`;
  if (fits(w, line)) w.writeLine(line);
  else list(w, lead, names, `} from "${from}";`);
}

/**
 * A re-export declaration (`export { a, type B } from "./m.js";`), laid out as prettier lays out
 * an import; `export type { A, B }` when every name is a type, so that the compiled JavaScript
 * does not load the module for nothing.
 */
export function exportDeclaration(w: Writer, names: readonly string[], from: string): void {
  const typeOnly = names.every((name) => name.startsWith('type '));
  const listed = typeOnly ? names.map((name) => name.slice('type '.length)) : names;
  const lead = `export ${typeOnly ? 'type ' : ''}{`;
  const line = `${lead} ${listed.join(', ')} } from "${from}";`;
  if (fits(w, line)) w.writeLine(line);
  else list(w, lead, listed, `} from "${from}";`);
}

/** A JSDoc tag: `['param', 'errorMsg - The message.']` → `@param errorMsg - The message.` */
export type DocTag = readonly [tag: string, text: string];

/**
 * A JSDoc block for any text (catalog text included: all text goes through docText), with
 * optional tags, whose `@name` is the only thing not escaped.
 */
export function jsDoc(w: Writer, text: string, tags: readonly DocTag[] = []): void {
  const lines = [...docText(text).split('\n'), ...tags.flatMap(([tag, body]) => `@${tag} ${docText(body)}`.split('\n'))];
  if (lines.length === 1) {
    w.writeLine(`/** ${lines[0]!} */`);
    return;
  }
  w.writeLine('/**');
  for (const line of lines) w.writeLine(line === '' ? ' *' : ` * ${line}`);
  w.writeLine(' */');
}

/**
 * A number for the code: validation already made every status an integer from 100 to 599,
 * and this makes sure no other number can ever be written into the source.
 */
export function integer(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`refusing to write ${String(value)} as an integer`);
  return String(value);
}
