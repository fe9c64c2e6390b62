/**
 * YAML aliases bounded by what they stand for, not by how often they are written: 45 lines of
 * `&kN [*kN-1, *kN-1]` are 1 KB of text and 2^46 nodes of data, and every walk over the data
 * (validation, planning, comparing) would expand them. The size of every anchored node is
 * known by the time an alias can name it, so one pass over the event stream adds up what the
 * aliases expand to and stops at the alias that goes past the limit, before anything walks.
 */
import { EVENT_ID, parseEvents, type Event } from 'js-yaml';
import { MAX_ALIAS_COUNT, MAX_ALIAS_EXPANSION, MAX_NESTING } from './limits.js';

/** What is wrong with the aliases of a text, at the offset of the alias to blame. */
export interface AliasProblem {
  readonly offset: number;
  readonly message: string;
}

interface Anchored {
  /** 1 per node plus the characters of its scalars, its aliases expanded. */
  size: number;
  /** Still being read: an alias to it is inside it. */
  open: boolean;
}

/**
 * The first alias of `events` (js-yaml's, over `source`) past a limit: more than
 * MAX_ALIAS_COUNT aliases, aliases that expand past MAX_ALIAS_EXPANSION in all, or an alias
 * inside the node it names (data without end). Undefined when the aliases are within bounds.
 * An alias that names no anchor is left to the parser that builds the data to report.
 */
export function aliasProblem(source: string, events: readonly Event[]): AliasProblem | undefined {
  // An alias names the last anchor of that name before it, as js-yaml and the yaml library read it.
  const anchors = new Map<string, Anchored>();
  const open: Anchored[] = [];
  let aliases = 0;
  let expansion = 0;
  const addToParent = (size: number): void => {
    const parent = open.at(-1);
    if (parent !== undefined) parent.size += size;
  };
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        anchors.clear();
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const node: Anchored = { size: 1, open: true };
        if (event.anchorStart >= 0) anchors.set(source.slice(event.anchorStart, event.anchorEnd), node);
        open.push(node);
        break;
      }
      case EVENT_ID.SCALAR: {
        const size = 1 + (event.valueStart < 0 ? 0 : event.valueEnd - event.valueStart);
        if (event.anchorStart >= 0) anchors.set(source.slice(event.anchorStart, event.anchorEnd), { size, open: false });
        addToParent(size);
        break;
      }
      case EVENT_ID.ALIAS: {
        const name = source.slice(event.anchorStart, event.anchorEnd);
        // js-yaml's anchorStart is just past the `*`.
        const offset = event.anchorStart - 1;
        aliases += 1;
        if (aliases > MAX_ALIAS_COUNT)
          return { offset, message: `more than ${MAX_ALIAS_COUNT} aliases (limit: ${MAX_ALIAS_COUNT} aliases)` };
        const target = anchors.get(name);
        if (target === undefined) break;
        if (target.open) return { offset, message: `alias *${name} is inside the node it names: its data would never end` };
        expansion += target.size;
        if (expansion > MAX_ALIAS_EXPANSION) {
          return {
            offset,
            message: `aliases expand to more than ${MAX_ALIAS_EXPANSION} nodes and characters (limit: ${MAX_ALIAS_EXPANSION})`,
          };
        }
        addToParent(target.size);
        break;
      }
      case EVENT_ID.POP: {
        const node = open.pop();
        if (node !== undefined) {
          node.open = false;
          addToParent(node.size);
        }
        break;
      }
    }
  }
  return undefined;
}

/**
 * aliasProblem for a text read by another parser (the yaml library, for catalogs): js-yaml's
 * events are read for it. Undefined when js-yaml cannot read the text: the other parser then
 * reports its syntax, and its own limit on aliases stays.
 */
export function aliasProblemOfText(source: string): AliasProblem | undefined {
  let events: Event[];
  try {
    events = parseEvents(source, { maxDepth: MAX_NESTING });
  } catch {
    return undefined;
  }
  return aliasProblem(source, events);
}
