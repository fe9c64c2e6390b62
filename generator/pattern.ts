/**
 * Matching codes against the catalog's codePattern without hanging: a pattern written by a
 * catalog's author can backtrack catastrophically (`^(A|A)*$`), so every match runs in a vm
 * context with a time limit, which V8 can interrupt even inside a regular expression.
 */
import vm from 'node:vm';

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
