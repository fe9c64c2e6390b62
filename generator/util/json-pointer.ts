/** JSON Pointers (RFC 6901), the catalog's way of saying where a member of the error body travels. */

/**
 * The reference tokens of a pointer (`/error/code` → ["error", "code"]; `~1` reads as `/` and
 * `~0` as `~`), or a reason why the text is not a pointer the error body can use.
 */
export function parsePointer(text: string): { tokens: string[] } | { problem: string } {
  if (text === '') return { problem: 'the empty pointer names the whole body, not a member of it' };
  if (!text.startsWith('/')) return { problem: `"${text}" is not a JSON Pointer: it must start with "/" (RFC 6901), e.g. "/${text}"` };
  const tokens = text.slice(1).split('/');
  for (const token of tokens) {
    if (/~(?![01])/.test(token)) return { problem: `"${text}" has a "~" that is not "~0" or "~1" (RFC 6901)` };
    if (token === '') return { problem: `"${text}" has an empty member name` };
  }
  return { tokens: tokens.map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~')) };
}

/** The pointer text of reference tokens, escaped as RFC 6901 asks. */
export function formatPointer(tokens: readonly string[]): string {
  return tokens.map((token) => `/${token.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
