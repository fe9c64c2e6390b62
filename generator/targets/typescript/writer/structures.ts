/**
 * Helpers for building generated TypeScript with ts-morph structures: JSDoc from any text
 * (through docText), and object literals whose keys
 * are written the way prettier keeps them.
 */
import { StructureKind, type JSDocStructure, type OptionalKind, type StatementStructures, type WriterFunction } from 'ts-morph';
import { docText, stringLiteral } from '../../../util/escape.js';
import type { DocTag } from './layout.js';

/**
 * One top-level statement of a generated catalog module: a ts-morph structure (a declaration
 * whose shape does not depend on the catalog's size) or a writer function (whatever grows with
 * the catalog, or that prettier lays out by its length: written with the helpers of layout.ts).
 * Files put one blank line between statements.
 */
export type Statement = StatementStructures | WriterFunction;

/** A JSDoc structure for any text, catalog text included; tags' names are the only unescaped part. */
export function doc(text: string, tags: readonly DocTag[] = []): OptionalKind<JSDocStructure> {
  return {
    description: docText(text),
    tags: tags.map(([tagName, body]) => ({ tagName, text: docText(body) })),
  };
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * A key of an object literal as prettier prints it (quoteProps "as-needed", key by key): bare
 * when it is an identifier, else quoted. Keys here are error codes, ASCII by the schema, so
 * the ASCII test is prettier's. `__proto__` is computed, `["__proto__"]`: as a plain key it
 * would set the object's prototype instead of adding a member.
 */
export function objectKey(key: string): string {
  return key === '__proto__' ? '["__proto__"]' : IDENTIFIER.test(key) ? key : stringLiteral(key);
}

export { StructureKind };
