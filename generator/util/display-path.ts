/**
 * File names as messages show them. A name can hold characters a terminal does not show as
 * themselves: controls (a line break, an escape sequence that moves the cursor), bidi controls
 * that reorder what follows (`evil\u202Etxt.sh` reads as `evilhs.txt`), zero-width and other
 * invisible characters that make two different names look the same. Each of those is shown as
 * `\uXXXX`, so the name in a message is the name on disk, readable; everything else is kept.
 *
 * A backslash is kept as it is: it separates folders on Windows, and doubling every one would
 * make the common name unreadable to rule out a name that spells `\u202e` in plain letters.
 */
import { UNSAFE_CHARACTER, unicodeEscape } from './escape.js';

/** Spaces other than U+0020: a no-break space looks like a space and is not one. */
const ODD_SPACE = /(?! )\p{Zs}/gu;

/** `path` with every character a terminal would not show as itself written as `\uXXXX` (`\u{XXXXX}` past U+FFFF). */
export function displayPath(path: string): string {
  return path.replace(UNSAFE_CHARACTER, unicodeEscape).replace(ODD_SPACE, unicodeEscape);
}
