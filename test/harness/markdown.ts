/** Reads the tables of a generated Markdown page back into cell text, with a real Markdown parser. */
import MarkdownIt from 'markdown-it';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

export const parser = new MarkdownIt({ html: true });

/** The text a reader sees in an inline run: entities decoded, escapes removed, `<br>` as a line break. */
export function inlineText(token: Token): string {
  return (token.children ?? [])
    .map((child: Token) => {
      if (child.type === 'html_inline') return /^<br\s*\/?>$/i.test(child.content) ? '\n' : child.content;
      if (child.type === 'softbreak' || child.type === 'hardbreak') return '\n';
      return child.content;
    })
    .join('');
}

/** Every table of the page, as rows of cell texts (header row first). */
export function readTables(markdown: string): string[][][] {
  const tables: string[][][] = [];
  let row: string[] | undefined;
  for (const token of parser.parse(markdown, {})) {
    if (token.type === 'table_open') tables.push([]);
    else if (token.type === 'tr_open') row = [];
    else if (token.type === 'tr_close' && row !== undefined) tables.at(-1)!.push(row);
    else if (token.type === 'inline' && row !== undefined) row.push(inlineText(token));
    else if (token.type === 'table_close') row = undefined;
  }
  return tables;
}
