/** generator/display-path.ts: file names in messages show every character a terminal would hide or reorder. */
import { describe, expect, test } from 'vitest';
import { displayPath } from '../../generator/display-path.js';

describe('displayPath', () => {
  test.each<[string, string, string]>([
    ['a plain name is kept', 'output/ts/index.ts', 'output/ts/index.ts'],
    ['spaces and wide characters are kept', 'my docs/état – 東京.md', 'my docs/état – 東京.md'],
    ['a right-to-left override is escaped', 'evil\u202Etxt.sh', 'evil\\u202etxt.sh'],
    ['bidi isolates and marks are escaped', 'a\u2066b\u2069c\u200Fd\u061C', 'a\\u2066b\\u2069c\\u200fd\\u061c'],
    ['zero-width characters are escaped', 'out\u200Bput/\uFEFFx\u2060', 'out\\u200bput/\\ufeffx\\u2060'],
    ['controls and line breaks are escaped', 'a\nb\rc\u001b[2Jd\u007f\u0085', 'a\\u000ab\\u000dc\\u001b[2Jd\\u007f\\u0085'],
    ['line and paragraph separators are escaped', 'a\u2028b\u2029', 'a\\u2028b\\u2029'],
    ['a no-break space is escaped, a space is not', 'a\u00A0b c', 'a\\u00a0b c'],
    ['a tag character past U+FFFF is escaped whole', 'x\u{E0041}y', 'x\\u{e0041}y'],
    ['a lone surrogate is escaped', 'x\uD800y', 'x\\ud800y'],
  ])('%s', (_, path, shown) => {
    expect(displayPath(path)).toBe(shown);
  });
});
