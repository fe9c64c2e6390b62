/**
 * A small valid catalog as lines, for tests that change single lines of it so that the
 * positions they expect in diagnostics are known (test/catalog/validate.test.ts,
 * test/e2e/catalog-warnings.test.ts).
 */
export const BASE = [
  'service: T1', //                                   1
  'errorBody:', //                                    2
  "  codePattern: '^T1\\.[0-9]{4}$'", //              3
  '  defaultCode: T1.0000', //                        4
  'headers:', //                                      5
  '  Retry-After:', //                                6
  '    description: Wait this long.', //              7
  '    schema: { type: integer, minimum: 0 }', //     8
  'statuses:', //                                     9
  '  - status: 404', //                               10
  '    name: NotFound', //                            11
  '    message: Not Found', //                        12
  '    description: Nothing here.', //                13
  '  - status: 429', //                               14
  '    name: TooManyRequests', //                     15
  '    message: Too Many Requests', //                16
  '    description: Slow down.', //                   17
  '    headers: [Retry-After]', //                    18
  '    retry: retry-after', //                        19
];

/** The catalog with lines replaced (null removes one) and lines added at the end. */
export function catalogWith(changes: Record<number, string | null>, extra: string[] = []): string {
  const lines = BASE.map((line, index) => {
    const change = changes[index + 1];
    return change === undefined ? line : change;
  }).filter((line): line is string => line !== null);
  return [...lines, ...extra].join('\n');
}
