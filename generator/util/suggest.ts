/**
 * "Did you mean": the name a catalog most likely meant when it refers to one it does not have
 * (a header a status lists, the status of an error code).
 */

/**
 * The candidate closest to `name`, or undefined when none is close: one equal to it but for
 * case first (the first such in `candidates`), else the one at the smallest edit distance,
 * ignoring case, if that is at most a third of the length of `name` (at least 1). An edit is
 * a character inserted, removed or replaced, or two neighbours swapped. Among equally close
 * candidates `prefer` picks the one that compares lowest, else the first one.
 */
export function closestMatch(
  name: string,
  candidates: Iterable<string>,
  prefer: (a: string, b: string) => number = () => 0,
): string | undefined {
  const lower = name.toLowerCase();
  const limit = Math.max(1, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const distance = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase(), limit);
    if (distance > limit) continue;
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && prefer(candidate, best) < 0)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Optimal string alignment distance between `a` and `b` (insertions, deletions, substitutions,
 * transpositions of neighbours); anything over `limit` is reported as `limit + 1`.
 */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, beforePrevious[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return Math.min(previous[b.length]!, limit + 1);
}
