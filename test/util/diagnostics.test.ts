/**
 * Diagnostics as users read them: one line, whose file name and quoted text show every
 * character a terminal would hide or reorder as `\uXXXX`; and the one way lines and columns
 * are counted.
 */
import { join } from 'node:path';
import { describe, expect, it, test } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import {
  diagnosticAt,
  formatDiagnostic,
  positionAt,
  positionsIn,
  type FieldPath,
  type Position,
} from '../../generator/util/diagnostics.js';
import type { TestCase } from '../harness/cases.js';
import { catalogWith } from '../harness/catalog-lines.js';
import { removeDir, runCli, tempDir, writeFile } from '../harness/helpers.js';

describe('formatDiagnostic', () => {
  it('shows the file name escaped, with its position and field', () => {
    const line = formatDiagnostic({ file: 'data/evil\u202Elmay.yaml', line: 3, column: 16, path: 'errorBody.codePattern', message: 'bad' });
    expect(line).toBe('data/evil\\u202elmay.yaml:3:16: errorBody.codePattern: bad');
  });

  it('escapes names the message quotes, and a line break cannot start a forged line', () => {
    const line = formatDiagnostic({
      file: 'a\nb.yaml:1:1: all good',
      line: 0,
      column: 0,
      path: '(catalog)',
      message: 'extends forms a cycle: a.yaml -> b\u2066.yaml',
      severity: 'warning',
    });
    expect(line).toBe('a\\u000ab.yaml:1:1: all good: warning: (catalog): extends forms a cycle: a.yaml -> b\\u2066.yaml');
    expect(line).not.toContain('\n');
  });
});

describe('the CLI', () => {
  it('names a catalog with bidi and zero-width characters in its name escaped', () => {
    const dir = tempDir();
    try {
      const catalog = writeFile(join(dir, 'cat\u202Elmay\u200B.yaml'), catalogWith({ 12: "    message: ''" }));
      const result = runCli(['generate', '--catalog', catalog, '--out', join(dir, 'out')]);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(`${dir}/cat\\u202elmay\\u200b.yaml:12:14: statuses[0].message: must not be empty\n`);
    } finally {
      removeDir(dir);
    }
  });
});

describe('positionsIn', () => {
  const source = 'ab\ncd\n\nef\r\ngh';
  const tests: TestCase<number, Position>[] = [
    ['the first character', { given: 0, want: { line: 1, column: 1 } }],
    ['the line break ends its line', { given: 2, want: { line: 1, column: 3 } }],
    ['the start of the second line', { given: 3, want: { line: 2, column: 1 } }],
    ['an empty line', { given: 6, want: { line: 3, column: 1 } }],
    ['a carriage return is the last character of its line', { given: 9, want: { line: 4, column: 3 } }],
    ['the last character', { given: 12, want: { line: 5, column: 2 } }],
    ['just past the end', { given: 13, want: { line: 5, column: 3 } }],
  ];
  const at = positionsIn(source);
  for (const [name, { given, want }] of tests) {
    test(name, () => expect(at(given)).toEqual(want));
  }

  test('positionAt agrees with the yaml library on every offset of a catalog', () => {
    const text = "service: T1\r\nerrors:\n  - code: 'a\n    b'\n    detail: |\n      x\n\n      y\n  - {code: c,\n     status: 404}\n";
    const lineCounter = new LineCounter();
    parseDocument(text, { lineCounter });
    for (let offset = 0; offset <= text.length; offset += 1) {
      const { line, col } = lineCounter.linePos(offset);
      expect(positionAt(text, offset)).toEqual({ line, column: col });
    }
  });
});

describe('diagnosticAt', () => {
  const document = {
    file: 'cat.yaml',
    positionOf: (path: FieldPath, key?: boolean): Position => ({ line: path.length, column: key === true ? 1 : 7 }),
  };
  const tests: TestCase<{ path: FieldPath; options?: Parameters<typeof diagnosticAt>[3] }, string>[] = [
    ['at the value, the field its path', { given: { path: ['statuses', 0, 'status'] }, want: 'cat.yaml:3:7: statuses[0].status: m' }],
    ['at the key', { given: { path: ['headers', 'X'], options: { key: true } }, want: 'cat.yaml:2:1: headers.X: m' }],
    [
      'a field other than the place',
      { given: { path: ['errorBody'], options: { field: ['errorBody', 'codePattern'] } }, want: 'cat.yaml:1:7: errorBody.codePattern: m' },
    ],
    ['a field as written', { given: { path: ['paths'], options: { field: '/paths/~1a' } }, want: 'cat.yaml:1:7: /paths/~1a: m' }],
    ['a warning', { given: { path: ['a'], options: { severity: 'warning' } }, want: 'cat.yaml:1:7: warning: a: m' }],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => expect(formatDiagnostic(diagnosticAt(document, given.path, 'm', given.options))).toBe(want));
  }
});
