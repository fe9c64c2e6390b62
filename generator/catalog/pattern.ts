/**
 * Code patterns written by a catalog's author, made safe to run. A pattern that can backtrack
 * catastrophically (`^([A-Z0-9]+\.?)+[0-9]{4}$`) would hang whatever matches a long code that
 * almost fits it: the generator here, and every consumer that runs the generated
 * ERROR_CODE_PATTERN on codes read off the network. So each pattern is first checked by
 * redos-detector, which finds the parts of a pattern that can match the same text in more
 * than one way; only a pattern it finds safe is run, and every run is still time-limited in a
 * vm context (which V8 can interrupt even inside a regular expression) in case the check misses.
 */
import vm from 'node:vm';
import { isSafePattern, type RedosDetectorResult, type RedosDetectorTrailEntry } from 'redos-detector';
import { MAX_CODE_PATTERN_LENGTH, PATTERN_CHECK_STEPS, PATTERN_CHECK_TIME_LIMIT_MS } from '../util/limits.js';

/** Time all the matches of one catalog may take together. */
export const PATTERN_TIME_LIMIT_MS = 2000;

export class PatternTimeout extends Error {}

/** Whether each value matches `pattern` (ECMAScript, `u` flag); throws PatternTimeout past the limit. */
export function matchAll(pattern: string, values: readonly string[]): boolean[] {
  try {
    return vm.runInNewContext(
      'const re = new RegExp(pattern, "u"); values.map((value) => re.test(value))',
      { pattern, values },
      {
        timeout: PATTERN_TIME_LIMIT_MS,
      },
    ) as boolean[];
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new PatternTimeout(pattern);
    throw error;
  }
}

/** The fix the messages suggest: a repeated part that starts with a character the part before it cannot match. */
const REWRITE_HINT =
  'rewrite it so that each character can be matched one way only, e.g. ^[A-Z]+(?:\\.[A-Z]+)*$ rather than ^([A-Z]+\\.?)+$';

const checked = new Map<string, string | undefined>();

/**
 * Why `pattern` (a valid regular expression with the `u` flag) must not be used, or undefined
 * when it may: too long, or open to catastrophic backtracking. The verdict depends on the
 * pattern alone (the check counts steps, not time), except for a pattern so convoluted that
 * its check outlasts PATTERN_CHECK_TIME_LIMIT_MS, which is refused as too complex.
 */
export function codePatternProblem(pattern: string, timeLimitMs = PATTERN_CHECK_TIME_LIMIT_MS): string | undefined {
  if (pattern.length > MAX_CODE_PATTERN_LENGTH) {
    return `is ${pattern.length} characters long; code patterns are limited to ${MAX_CODE_PATTERN_LENGTH}`;
  }
  // Only the verdicts under the usual limit are remembered: a test's shorter one must not leak.
  if (timeLimitMs !== PATTERN_CHECK_TIME_LIMIT_MS) return backtrackingProblem(pattern, timeLimitMs);
  if (!checked.has(pattern)) checked.set(pattern, backtrackingProblem(pattern, timeLimitMs));
  return checked.get(pattern);
}

function backtrackingProblem(pattern: string, timeLimitMs: number): string | undefined {
  let result: RedosDetectorResult;
  try {
    result = isSafePattern(pattern, { unicode: true, maxSteps: PATTERN_CHECK_STEPS, timeout: timeLimitMs });
  } catch (error) {
    // Deep nesting runs the checker out of stack; its parser refuses a few constructs V8 takes (named groups).
    const reason = error instanceof RangeError ? 'it nests too deeply' : (error as Error).message.split('\n', 1)[0]!.trim();
    return `cannot be checked for catastrophic backtracking (${reason}); simplify it, without named groups`;
  }
  if (result.safe) return undefined;
  if (result.error === 'timedOut') {
    return `is too complex to check for catastrophic backtracking within ${timeLimitMs} ms; simplify it`;
  }
  const overlap = describeOverlap(result.trails[0]?.trail ?? []);
  if (overlap === undefined) {
    return `may backtrack catastrophically: it can match one text in more ways than the check follows (${PATTERN_CHECK_STEPS} steps); ${REWRITE_HINT}`;
  }
  return `may backtrack catastrophically: ${overlap}, so a long code that almost matches is tried in very many ways; ${REWRITE_HINT}`;
}

/**
 * What a trail (two ways through the pattern that match the same input) shows, in words: the
 * first place where the two ways part.
 */
function describeOverlap(trail: readonly RedosDetectorTrailEntry[]): string | undefined {
  for (const { a, b } of trail) {
    if (a.node.start.offset !== b.node.start.offset) {
      return `${a.node.source} (character ${a.node.start.offset + 1} of the pattern) and ${b.node.source} (character ${b.node.start.offset + 1}) can match the same characters`;
    }
    const split = a.quantifierIterations.find((quantifier, index) => quantifier.iteration !== b.quantifierIterations[index]?.iteration);
    if (split !== undefined) {
      return `the repetitions of ${split.node.source} (character ${split.node.start.offset + 1} of the pattern) can share out the same characters in more than one way`;
    }
  }
  return undefined;
}
