/**
 * Rules on headers: the declarations under the top-level headers, and the names a status
 * lists. Header names are case-insensitive (RFC 9110): one declaration per name, whatever the case.
 */
import type { StatusSpec } from '../types.js';
import type { Located } from '../chain.js';
import { closestMatch } from '../../util/suggest.js';
import { isHopByHopOrEntityHeader } from '../../targets/typescript/runtime/headers.js';
import type { CatalogRule, RuleContext } from './context.js';

/**
 * Hop-by-hop headers (RFC 9110, section 7.6.1) and those describing the message or its
 * encoding rather than the error are the transport's: a catalog must not promise them on an
 * error response. The runtime's list decides (the generated code never sends them, and a
 * replayed one would break clients), so validation asks the same list.
 */
function unsendableHeaderMessage(name: string): string {
  return `${name} is a hop-by-hop or entity header that the generated code never sends; remove it`;
}

export const headerDeclarations: CatalogRule = {
  name: 'header-declarations',
  check: ({ merged, report }) => {
    const declared = new Map<string, { name: string; at: Located<unknown> }>();
    for (const [name, header] of merged.headers) {
      if (isHopByHopOrEntityHeader(name)) report.errorAtKey(header, unsendableHeaderMessage(name));
      const first = declared.get(name.toLowerCase());
      if (first === undefined) declared.set(name.toLowerCase(), { name, at: header });
      else {
        report.errorAtKey(
          header,
          `header "${name}" is already declared as "${first.name}" (${report.whereFrom(header, first.at, [], true)}); header names are case-insensitive: declare it once`,
        );
      }
      const patterns = [header.value.schema.pattern, ...(header.value.schema.oneOf ?? []).map((s) => s.pattern)];
      for (const pattern of patterns) {
        if (pattern === undefined) continue;
        try {
          new RegExp(pattern, 'u');
        } catch (caught) {
          report.error(header, `pattern is not a valid regular expression: ${(caught as Error).message}`, 'schema');
        }
      }
    }
  },
};

/** The headers one status lists: each one it may send, declared, and listed once. */
export function checkListedHeaders({ merged, skipped, report }: RuleContext, entry: Located<StatusSpec>): void {
  const listed = new Set<string>();
  (entry.value.headers ?? []).forEach((header, index) => {
    if (isHopByHopOrEntityHeader(header)) report.error(entry, unsendableHeaderMessage(header), 'headers', index);
    else if (!merged.headers.has(header) && skipped.headers?.has(header) === false) {
      // Names are matched as written (the hint is the fix), the hint ignores case. It names
      // what a status may list: the declared names, and those of skipped declarations.
      const names = [...merged.headers.keys(), ...[...(skipped.headers ?? [])].filter((name) => !skipped.refusedHeaderNames.has(name))];
      const declared = closestMatch(header, names);
      const hint = declared === undefined ? 'declare it under the top-level headers' : `did you mean ${declared}?`;
      report.error(entry, `unknown header ${JSON.stringify(header)}: ${hint}`, 'headers', index);
    }
    if (listed.has(header)) report.error(entry, `header ${JSON.stringify(header)} listed twice`, 'headers', index);
    listed.add(header);
  });
}
