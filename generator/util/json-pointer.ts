/**
 * JSON Pointers (RFC 6901): the catalog's way of saying where a member of the error body
 * travels, how ajv names the value a schema problem is about, and how a merge report names a
 * place in a spec (`#/paths/~1pets/get`). The one module that escapes and unescapes them.
 */
import type { FieldPath } from './diagnostics.js';

/** One reference token as a pointer writes it: `~` as `~0`, then `/` as `~1`. */
export function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** One reference token as written, read back: `~1` as `/`, then `~0` as `~` (so `~01` is `~1`). */
export function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The pointer text of reference tokens, escaped as RFC 6901 asks. */
export function formatPointer(tokens: readonly string[]): string {
  return tokens.map((token) => `/${escapeToken(token)}`).join('');
}

/** The pointer as a URI fragment, as a `$ref` writes it (`#/components/schemas/Pet`). */
export function formatPointerFragment(tokens: readonly string[]): string {
  return `#${formatPointer(tokens)}`;
}

/**
 * The reference tokens of a pointer known to be well formed (one a library made): `''` is the
 * whole document, `/a~1b/c` is ["a/b", "c"].
 */
export function pointerTokens(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map(unescapeToken);
}

/**
 * The field path a well-formed pointer names in `data` (ajv's `instancePath`): the tokens,
 * those that index a list as numbers (`/statuses/3/status` → ['statuses', 3, 'status']).
 */
export function pointerToFieldPath(pointer: string, data: unknown): FieldPath {
  const out: (string | number)[] = [];
  let node: unknown = data;
  for (const token of pointerTokens(pointer)) {
    if (Array.isArray(node)) {
      const index = Number(token);
      out.push(index);
      node = node[index];
    } else {
      out.push(token);
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[token] : undefined;
    }
  }
  return out;
}

/**
 * The reference tokens of a pointer the catalog wrote for a member of the error body
 * (`/error/code` → ["error", "code"]), or a reason why the text is not one the body can use.
 */
export function parsePointer(text: string): { tokens: string[] } | { problem: string } {
  if (text === '') return { problem: 'the empty pointer names the whole body, not a member of it' };
  if (!text.startsWith('/')) return { problem: `"${text}" is not a JSON Pointer: it must start with "/" (RFC 6901), e.g. "/${text}"` };
  const tokens = text.slice(1).split('/');
  for (const token of tokens) {
    if (/~(?![01])/.test(token)) return { problem: `"${text}" has a "~" that is not "~0" or "~1" (RFC 6901)` };
    if (token === '') return { problem: `"${text}" has an empty member name` };
  }
  return { tokens: tokens.map(unescapeToken) };
}
