/** Text edits, the one way merge changes a spec: each replaces a range of the text (or inserts at an offset). */

export interface Edit {
  readonly start: number;
  /** Equal to start for an insertion. */
  readonly end: number;
  readonly text: string;
  /** Among edits at one offset, the deeper one comes first in the text. */
  readonly depth: number;
}

/** The edits made, in one pass over the text: linear in its size. Edits must not overlap. */
export function applyEdits(source: string, edits: readonly Edit[]): string {
  const order = [...edits].sort((a, b) => a.start - b.start || b.depth - a.depth);
  const parts: string[] = [];
  let at = 0;
  for (const edit of order) {
    parts.push(source.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  parts.push(source.slice(at));
  return parts.join('');
}
