/**
 * Whether a text is strict JSON, for `.json` catalogs and specs: what YAML would forgive
 * (trailing commas, comments, YAML itself) is refused. The engine's JSON.parse answers for a
 * text that is JSON (ten times faster than a located parse of a large file, and it accepts
 * nothing jsonc-parser's strict mode refuses); jsonc-parser finds where a text is not.
 */
import { printParseErrorCode, visit, type ParseErrorCode } from 'jsonc-parser';

/** The first place `text` is not strict JSON: its offset and what is wrong there. */
export interface JsonProblem {
  readonly offset: number;
  /** `value expected`, `comma expected`… */
  readonly message: string;
}

export function strictJsonProblem(text: string): JsonProblem | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch {
    // jsonc-parser speaks: it knows where, and says what in words a user reads.
  }
  let first: { error: ParseErrorCode; offset: number } | undefined;
  visit(
    text,
    { onError: (error, offset) => (first ??= { error, offset }) },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  if (first === undefined) return undefined;
  const message = printParseErrorCode(first.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return { offset: first.offset, message };
}
