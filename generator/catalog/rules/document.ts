/** Rules on the catalog as a whole: the characters its text may hold, the fields it must have. */
import type { FieldPath } from '../../util/diagnostics.js';
import type { CatalogRule } from './context.js';

/**
 * Control characters (C0 but tab and line ends, DEL, C1) have no business in catalog text and
 * cannot be shown faithfully in every output (Markdown has no way to write most of them).
 */
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;

function reportControlCharacters(value: unknown, path: FieldPath, report: (path: FieldPath, message: string) => void): void {
  if (typeof value === 'string') {
    const match = CONTROL_CHARACTER.exec(value);
    if (match !== null) {
      const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      report(path, `contains the control character U+${code} at offset ${match.index}`);
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => reportControlCharacters(item, [...path, index], report));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) reportControlCharacters(item, [...path, key], report);
  }
}

export const controlCharacters: CatalogRule = {
  name: 'control-characters',
  check: ({ merged, report }) => {
    for (const source of merged.chain)
      reportControlCharacters(source.data, [], (path, message) => report.error({ value: null, source, path }, message));
  },
};

/** What the chain as a whole must give: a service, an error body, statuses. */
export const requiredFields: CatalogRule = {
  name: 'required-fields',
  check: ({ merged, skipped, report, root }) => {
    if (merged.service === undefined) report.missingField('service');
    if (merged.errorBody === undefined) report.missingField('errorBody');
    if (merged.statuses.length === 0 && !skipped.statusesFaulted)
      report.error(root, 'the catalog and those it extends list no statuses', 'statuses');
  },
};
