/**
 * Diagnostics as users read them: one line, whose file name and quoted text show every
 * character a terminal would hide or reorder as `\uXXXX`.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../generator/util/diagnostics.js';
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
