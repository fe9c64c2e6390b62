/**
 * Helpers for building generated TypeScript with ts-morph structures: JSDoc from any text
 * (through docText), and object literals whose keys
 * are written the way prettier keeps them.
 */
import {
  StructureKind,
  type JSDocStructure,
  type OptionalKind,
  type StatementStructures,
  type WriterFunction,
} from 'ts-morph';
import { docText, stringLiteral } from './escape.js';
import type { DocTag } from './ts-layout.js';

/**
 * One top-level statement of a generated file: a ts-morph structure (declarations), a writer
 * function (tables, in prettier's layout), or text. Files put one blank line between statements.
 */
export type Statement = StatementStructures | WriterFunction | string;

/** A JSDoc structure for any text, catalog text included; tags' names are the only unescaped part. */
export function doc(text: string, tags: readonly DocTag[] = []): OptionalKind<JSDocStructure> {
  return {
    description: docText(text),
    tags: tags.map(([tagName, body]) => ({ tagName, text: docText(body) })),
  };
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Keys of one object literal as prettier prints them (quoteProps "as-needed"): bare when every
 * key is an identifier, else each quoted. `__proto__` is always computed, `["__proto__"]`: as a
 * plain key it would set the object's prototype instead of adding a member.
 */
export function objectKeys(keys: readonly string[]): (key: string) => string {
  const bare = keys.every((key) => IDENTIFIER.test(key));
  return (key) => (key === '__proto__' ? '["__proto__"]' : bare ? key : stringLiteral(key));
}

export { StructureKind };
