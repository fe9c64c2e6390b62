/**
 * The rules a JSON Schema cannot say, checked on the whole catalog after `extends` is merged:
 * duplicates, ranges, identifiers, cross-references. Each rule is one object in RULES, an area
 * per module, all reporting through one reporter; they run in this order, which is the order
 * of their reports where two fall on one place. Every entry keeps the file and path it came
 * from, so each problem is reported where it was written, whichever file that is. Suspicious
 * but usable entries are warnings.
 */
import type { CatalogData, ErrorSpec } from '../types.js';
import type { Diagnostic } from '../../util/diagnostics.js';
import { NOTHING_SKIPPED, type MergedCatalog, type SkippedEntries } from '../chain.js';
import { createContext, createReporter, type CatalogRule } from './context.js';
import { controlCharacters, requiredFields } from './document.js';
import { errorBody } from './error-body.js';
import { codesMatchPattern, defaultCodes, docUrls, errorCodes, integerCodes } from './errors.js';
import { headerDeclarations } from './headers.js';
import { assignErrorNames } from './names.js';
import { statuses } from './statuses.js';
import { typeScriptOptions } from './typescript.js';

export const RULES: readonly CatalogRule[] = [
  controlCharacters,
  requiredFields,
  errorBody,
  headerDeclarations,
  statuses,
  errorCodes,
  defaultCodes,
  codesMatchPattern,
  integerCodes,
  docUrls,
  typeScriptOptions,
];

/**
 * Checks the merged catalog and builds its data: error codes as strings exactly as written,
 * every error with its final `name`. Returns errors and warnings together (by severity).
 */
export function checkRules(
  merged: MergedCatalog,
  skipped: SkippedEntries = NOTHING_SKIPPED,
): { data: CatalogData; problems: Diagnostic[] } {
  const problems: Diagnostic[] = [];
  const context = createContext(merged, skipped, createReporter(merged.chain.at(-1)!, problems));
  for (const rule of RULES) rule.check(context);
  // Naming checks the names as it gives them: it comes last, after the rules.
  const names = assignErrorNames(context);

  const data: CatalogData = {
    service: merged.service?.value ?? '',
    ...(merged.title === undefined ? {} : { title: merged.title.value }),
    ...(merged.version === undefined ? {} : { version: merged.version.value }),
    ...(merged.errorNames === undefined ? {} : { errorNames: merged.errorNames.value }),
    errorBody: context.body,
    headers: Object.fromEntries([...merged.headers].map(([name, header]) => [name, header.value])),
    statuses: merged.statuses.map((entry) => entry.value),
    errors: context.codes.entries.map(({ entry, code }, index): ErrorSpec => ({ ...entry.value, code, name: names[index]! })),
    typescript: merged.typescript,
    ...(Object.keys(merged.openapi).length === 0 ? {} : { openapi: merged.openapi }),
    ...(Object.keys(merged.output).length === 0 ? {} : { output: merged.output }),
  };
  return { data, problems };
}
