/**
 * The layout helpers write TypeScript in prettier's layout without running prettier; prettier
 * itself is the oracle here, over inputs of every length around the print width.
 */
import * as prettier from 'prettier';
import { CodeBlockWriter } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { list, numberList, PRETTIER_OPTIONS, union, type Writer } from '../../../../generator/targets/typescript/writer/layout.js';

/** The text a helper writes, and prettier's layout of that same text. */
async function layouts(write: (w: Writer) => void): Promise<{ ours: string; prettiers: string }> {
  const w = new CodeBlockWriter({ indentNumberOfSpaces: 2, useSingleQuote: false });
  write(w);
  // A writer leaves the `}` of a block without its line end until more comes.
  const text = w.toString();
  const ours = text.endsWith('\n') ? text : `${text}\n`;
  return { ours, prettiers: await prettier.format(ours, PRETTIER_OPTIONS) };
}

describe('numberList', () => {
  it('fills number arrays as prettier does, from empty to several lines', async () => {
    for (let count = 0; count <= 60; count += 1) {
      const items = Array.from({ length: count }, (_, i) => String(100 + ((i * 37) % 500)));
      const { ours, prettiers } = await layouts((w) =>
        numberList(w, 'export const S: ReadonlySet<number> = /*#__PURE__*/ new Set([', items, ']);'),
      );
      expect(ours, `${count} numbers`).toBe(prettiers);
    }
  });

  it("control: a number array written one per line is not prettier's layout", async () => {
    const items = Array.from({ length: 30 }, (_, i) => String(400 + i));
    const { ours, prettiers } = await layouts((w) =>
      list(w, 'export const S: ReadonlySet<number> = /*#__PURE__*/ new Set([', items, ']);'),
    );
    expect(ours).not.toBe(prettiers);
  });
});

describe('list', () => {
  it('puts names on one line or one per line, as prettier does', async () => {
    for (let count = 0; count <= 14; count += 1) {
      const items = Array.from({ length: count }, (_, i) => `StatusCode.Name${i}`);
      const { ours, prettiers } = await layouts((w) => list(w, 'export const S: ReadonlySet<number> = new Set([', items, ']);'));
      expect(ours, `${count} names`).toBe(prettiers);
    }
  });
});

describe('union', () => {
  it('writes a type alias on one line, on one indented line, or one member per line', async () => {
    for (let count = 1; count <= 12; count += 1) {
      const members = Array.from({ length: count }, (_, i) => `"CODE.${String(i).padStart(4, '0')}"`);
      const { ours, prettiers } = await layouts((w) => union(w, 'export type Codes =', members));
      expect(ours, `${count} members`).toBe(prettiers);
    }
  });

  it('the same in an interface member', async () => {
    for (let count = 1; count <= 12; count += 1) {
      const members = Array.from({ length: count }, (_, i) => `"CODE.${String(i).padStart(4, '0')}"`);
      const { ours, prettiers } = await layouts((w) => w.write('interface Codes ').block(() => union(w, 'readonly 404:', members)));
      expect(ours, `${count} members`).toBe(prettiers);
    }
  });
});
