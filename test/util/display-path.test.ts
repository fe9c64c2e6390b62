/** generator/util/display-path.ts: file names in messages show every character a terminal would hide or reorder. */
import { describe, expect, test } from 'vitest';
import { displayPath } from '../../generator/util/display-path.js';

describe('displayPath', () => {
  test.each<[string, string, string]>([
    ['a plain name is kept', 'output/ts/index.ts', 'output/ts/index.ts'],
    ['spaces, accents and wide characters are kept', 'my docs/état – 東京.md', 'my docs/état – 東京.md'],
    ['a backslash is kept (a Windows separator)', 'C:\\catalogs\\a.yaml', 'C:\\catalogs\\a.yaml'],
    ['C0 controls, DEL and C1 controls are escaped', 'a\tb\u001b[2Jc\u007fd\u0085e\u009b', 'a\\u0009b\\u001b[2Jc\\u007fd\\u0085e\\u009b'],
    ['line breaks are escaped', 'a\nb\r', 'a\\u000ab\\u000d'],
    ['the Arabic letter mark and the directional marks are escaped', 'a\u061Cb\u200Ec\u200F', 'a\\u061cb\\u200ec\\u200f'],
    ['embeddings, overrides and their end are escaped', '\u202A\u202B\u202C\u202D\u202E', '\\u202a\\u202b\\u202c\\u202d\\u202e'],
    ['isolates are escaped', '\u2066\u2067\u2068\u2069', '\\u2066\\u2067\\u2068\\u2069'],
    ['a right-to-left override cannot reorder the name', 'evil\u202Etxt.sh', 'evil\\u202etxt.sh'],
    ['zero-width characters are escaped', 'out\u200Bput/\u200C\u200D\uFEFFx\u2060', 'out\\u200bput/\\u200c\\u200d\\ufeffx\\u2060'],
    ['other default-ignorable characters are escaped', 'a\u00ADb\u034Fc\uFE0Fd\u3164', 'a\\u00adb\\u034fc\\ufe0fd\\u3164'],
    ['line and paragraph separators are escaped', 'a\u2028b\u2029', 'a\\u2028b\\u2029'],
    ['a no-break space is escaped, a space is not', 'a\u00A0b c', 'a\\u00a0b c'],
    ['a tag character past U+FFFF is escaped whole', 'x\u{E0041}y', 'x\\u{e0041}y'],
    ['a lone surrogate is escaped', 'x\uD800y', 'x\\ud800y'],
  ])('%s', (_, path, shown) => {
    expect(displayPath(path)).toBe(shown);
  });
});
