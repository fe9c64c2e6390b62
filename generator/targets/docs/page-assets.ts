/**
 * The style and the script of the HTML reference: ordinary CSS and JavaScript files in
 * generator/targets/docs/page/, formatted and linted with the project and tested in a browser,
 * inlined verbatim into every page (a page loads nothing). The build copies them beside the
 * compiled generator (dist/targets/docs/page/), so the installed package reads the same files.
 */
import { readFileSync } from 'node:fs';

/** The files, in file-name order. */
export const PAGE_ASSETS = ['reference.css', 'reference.js'] as const;

/** Folder of the files beside this module (generator/targets/docs/page or dist/targets/docs/page). */
export const PAGE_DIR = new URL('./page/', import.meta.url);

export interface PageAssets {
  readonly style: string;
  readonly script: string;
}

let loaded: PageAssets | undefined;

/** The files' text, read once: each must stay inside its element, so neither may hold `</`. */
export function pageAssets(): PageAssets {
  if (loaded !== undefined) return loaded;
  const [style, script] = PAGE_ASSETS.map((name) => {
    const text = readFileSync(new URL(name, PAGE_DIR), 'utf8');
    // The HTML parser ends a <style> or <script> at the first `</style` or `</script`; a page asset holds no `</` at all.
    if (text.includes('</')) throw new Error(`${name} holds "</", which would end its element in the page`);
    return text;
  });
  loaded = { style: style!, script: script! };
  return loaded;
}
