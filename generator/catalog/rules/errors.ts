/** Rules on error codes: the entries under errors, the default codes, and codePattern. */
import { bodyForbidden } from '../../util/http.js';
import { closestMatch } from '../../util/suggest.js';
import type { CatalogRule } from './context.js';

export const errorCodes: CatalogRule = {
  name: 'error-codes',
  check: ({ codes, statuses, skipped, report }) => {
    for (const { entry, code } of codes.entries) {
      if (typeof entry.value.code === 'number' && !/^[0-9]+$/.test(code)) {
        report.error(entry, `numeric code ${code} is not written in plain digits; write it as a string`, 'code');
      }
      const { status } = entry.value;
      // A code may be listed under several statuses (one entry each), but once per status.
      const earlier = codes.byEntry.get(`${code} ${status}`)!;
      if (earlier !== entry)
        report.error(entry, `duplicate code ${code} under status ${status} (first at ${report.where(earlier, 'code')})`, 'code');
      if (status < 100 || status > 599) report.error(entry, `status ${status} is outside 100-599`, 'status');
      else if (!statuses.byStatus.has(status) && skipped.statuses?.has(status) === false) {
        // Only a status of the same class is suggested (not 400 for a code on 200), and of
        // equally close ones the nearest in value: 403 is likelier 404 than 400.
        const listed = [...statuses.byStatus.keys(), ...skipped.statuses]
          .filter((s) => Math.floor(s / 100) === Math.floor(status / 100))
          .map(String);
        const near = closestMatch(
          String(status),
          listed,
          (a, b) => Math.abs(Number(a) - status) - Math.abs(Number(b) - status) || Number(a) - Number(b),
        );
        report.warn(entry, `status ${status} has no entry under statuses${near === undefined ? '' : `: did you mean ${near}?`}`, 'status');
      }
      if (status >= 100 && bodyForbidden(status)) {
        report.warn(entry, `a ${status} response carries no content, so code ${code} can never be sent`, 'status');
      } else if (status < 400 && status >= 100) report.warn(entry, `error code ${code} on the non-error status ${status}`, 'status');
    }
  },
};

/**
 * The default codes: the body's goes out on errors of any status raised without a code, so a
 * listing under one status (500 "Internal server error.") tells readers of the others something
 * false. A status's own is, like the body's, expected to match codePattern, and not to be a
 * code the catalog lists under another status (it would be sent with that code's meaning).
 */
export const defaultCodes: CatalogRule = {
  name: 'default-codes',
  check: ({ merged, body, bodyField, codes, codePattern, report }) => {
    if (body.defaultCode !== undefined) {
      const listed = codes.byCode.get(body.defaultCode);
      if (listed !== undefined) {
        const at = bodyField('defaultCode');
        report.warn(
          at,
          `default code ${body.defaultCode} is listed under status ${listed.value.status} (${report.whereFrom(at, listed, ['code'])}); it is sent on errors of every status raised without a code`,
        );
      }
    }
    for (const entry of merged.statuses) {
      const own = entry.value.defaultCode;
      if (own === undefined) continue;
      if (codePattern.matching([own])?.[0] === false)
        report.error(entry, `"${own}" does not match codePattern ${codePattern.text}`, 'defaultCode');
      const listed = codes.byCode.get(own);
      if (listed !== undefined && !codes.byEntry.has(`${own} ${entry.value.status}`)) {
        report.warn(
          entry,
          `default code ${own} is listed under status ${listed.value.status} (${report.whereFrom(entry, listed, ['code'])}), not ${entry.value.status}`,
          'defaultCode',
        );
      }
    }
  },
};

/** The listed codes against codePattern, matched in one run (one time limit for all of them). */
export const codesMatchPattern: CatalogRule = {
  name: 'codes-match-pattern',
  check: ({ codes, codePattern, report }) => {
    const matches = codePattern.matching(codes.entries.map(({ code }) => code));
    codes.entries.forEach(({ entry, code }, index) => {
      if (matches?.[index] === false) report.warn(entry, `code "${code}" does not match codePattern ${codePattern.text}`, 'code');
    });
  },
};
