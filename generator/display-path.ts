/**
 * File names as messages show them. A name can hold characters a terminal does not show as
 * themselves: controls (a line break, an escape sequence that moves the cursor), bidi controls
 * that reorder what follows (`evil\u202Etxt.sh` reads as `evilhs.txt`), zero-width and other
 * invisible characters that make two different names look the same. Each of those is shown as
 * `\uXXXX`, so the name in a message is the name on disk, readable; everything else is kept.
 */

/**
 * Controls (Cc), format characters (Cf: bidi controls, zero-width spaces and joiners, soft
 * hyphens, tag characters), line and paragraph separators, lone surrogates, every other
 * default ignorable code point (variation selectors, fillers), and spaces other than U+0020
 * (a no-break space looks like a space and is not one).
 */
const UNSHOWN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Default_Ignorable_Code_Point}\p{Zs}]/u;

/** `path` with every character a terminal would not show as itself written as `\uXXXX` (`\u{XXXXX}` past U+FFFF). */
export function displayPath(path: string): string {
  if (!UNSHOWN.test(path)) return path;
  let shown = '';
  for (const ch of path) {
    if (ch === ' ' || !UNSHOWN.test(ch)) {
      shown += ch;
      continue;
    }
    const code = ch.codePointAt(0)!;
    shown += code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return shown;
}
