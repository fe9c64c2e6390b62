/** The one order of strings: code units, independent of locale, so output never depends on the machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Files (or anything with a path) in path order: the order of every file list the tool writes or records. */
export function byPath(a: { readonly path: string }, b: { readonly path: string }): number {
  return compareStrings(a.path, b.path);
}
