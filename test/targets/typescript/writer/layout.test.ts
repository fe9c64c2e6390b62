/**
 * The layout helpers write TypeScript in prettier's layout without running prettier; prettier
 * itself is the oracle here, over inputs of every length around the print width.
 */
import * as prettier from 'prettier';
import { CodeBlockWriter } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import {
  block,
  importDeclaration,
  list,
  numberList,
  PRETTIER_OPTIONS,
  union,
  type Writer,
} from '../../../../generator/targets/typescript/writer/layout.js';

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

describe('block', () => {
  const cases: [name: string, open: string, close: string, write: (w: Writer, i: number) => void][] = [
    ['an interface', 'export interface Classes {', '}', (w, i) => w.writeLine(`readonly ${400 + i}: string;`)],
    ['a namespace', 'export declare namespace Code {', '}', (w, i) => w.writeLine(`type C${i} = ${400 + i};`)],
    ['an object', 'export const Code = {', '} as const;', (w, i) => w.writeLine(`C${i}: ${400 + i},`)],
    [
      // Entries written over several lines, as the tables' are: prettier keeps such an array broken.
      'an array of objects',
      'export const ALL: readonly { status: number }[] = [',
      '];',
      (w, i) => {
        w.writeLine('{');
        w.indent(() => w.writeLine(`status: ${400 + i},`));
        w.writeLine('},');
      },
    ],
  ];
  for (const [name, open, close, write] of cases) {
    it(`writes ${name} with no member on one line and members one per line, as prettier does`, async () => {
      for (const count of [0, 1, 3]) {
        const items = Array.from({ length: count }, (_, i) => i);
        const { ours, prettiers } = await layouts((w) => block(w, open, items, (i) => write(w, i), close));
        expect(ours, `${count} members`).toBe(prettiers);
        if (count === 0) expect(ours).toBe(`${open}${close}\n`);
        else expect(ours.startsWith(`${open}\n`)).toBe(true);
      }
    });
  }
});

describe('importDeclaration', () => {
  it('puts the names on one line or one per line, as prettier does', async () => {
    for (let count = 1; count <= 12; count += 1) {
      const names = Array.from({ length: count }, (_, i) => (i % 2 === 0 ? `Name${i}` : `type Type${i}`));
      for (const typeOnly of [false, true]) {
        const { ours, prettiers } = await layouts((w) =>
          importDeclaration(w, typeOnly ? names.map((n) => n.replace(/^type /, '')) : names, './api-error.js', typeOnly),
        );
        expect(ours, `${count} names`).toBe(prettiers);
      }
    }
  });
});
