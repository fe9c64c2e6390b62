/**
 * Where new entries go among a map's existing ones: after the last, or, for responses, in
 * code order (a status before the first larger status or range such as `4XX`; `default`
 * last), so that an attached 404 sits between the operation's 400 and 500.
 */
import type { Insertion } from './plan.js';

/** Groups of new entries, each to go before the existing entry at `before` (its length: after the last). */
export function placeEntries(
  existingKeys: readonly string[],
  insertion: Insertion,
): { before: number; entries: (readonly [string, unknown])[] }[] {
  const groups = new Map<number, (readonly [string, unknown])[]>();
  for (const entry of insertion.entries) {
    const before = insertion.inCodeOrder ? positionInCodeOrder(existingKeys, entry[0]) : existingKeys.length;
    groups.set(before, [...(groups.get(before) ?? []), entry]);
  }
  return [...groups].sort(([a], [b]) => a - b).map(([before, entries]) => ({ before, entries }));
}

function positionInCodeOrder(keys: readonly string[], key: string): number {
  if (!/^\d{3}$/.test(key)) return keys.length;
  const index = keys.findIndex((existing) => !/^\d{3}$/.test(existing) || Number(existing) > Number(key));
  return index === -1 ? keys.length : index;
}
