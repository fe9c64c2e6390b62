/** Rules on error codes: the entries under errors, the default codes, codePattern and codeType. */
import { buildBodyDescriptor } from '../../body/descriptor.js';
import { bodyForbidden } from '../../util/http.js';
import { closestMatch } from '../../util/suggest.js';
import type { CatalogRule } from './context.js';

export const errorCodes: CatalogRule = {
  name: 'error-codes',
  check: ({ body, codes, statuses, skipped, report }) => {
    // With constants, a 2xx body that carries them is an error body: codes under a 2xx are expected.
    const errorsOnSuccess = buildBodyDescriptor(body).identifiedByConstants;
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
      } else if (status < 400 && status >= 100 && !(errorsOnSuccess && status >= 200 && status < 300)) {
        report.warn(entry, `error code ${code} on the non-error status ${status}`, 'status');
      }
      // A code that says to wait for Retry-After, under a status whose responses never send it:
      // clients never learn how long, so never retry (if-retry-after) or wait blind (retry-after).
      const { retry } = entry.value;
      const statusEntry = statuses.byStatus.get(status);
      if (
        (retry === 'retry-after' || retry === 'if-retry-after') &&
        statusEntry !== undefined &&
        !(statusEntry.value.headers ?? []).some((name) => name.toLowerCase() === 'retry-after')
      ) {
        report.warn(
          entry,
          `code ${code} says to retry after Retry-After (retry: ${retry}) but status ${status} does not list the Retry-After header (${report.whereFrom(entry, statusEntry, ['status'])})`,
          'retry',
        );
      }
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

/** Digits without a leading zero, as a JSON integer writes a code. */
const INTEGER_CODE = /^(?:0|[1-9][0-9]*)$/;

/** Why a code cannot travel as a JSON integer, if it cannot. */
function integerCodeProblem(code: string): string | undefined {
  if (!INTEGER_CODE.test(code)) {
    return /^[0-9]+$/.test(code)
      ? `code ${code} has a leading zero, which a JSON integer cannot keep (codeType is integer)`
      : `code ${JSON.stringify(code)} is not an integer, and codeType is integer: write it in digits`;
  }
  if (!Number.isSafeInteger(Number(code))) return `code ${code} is larger than a JSON integer holds exactly (2^53 - 1)`;
  return undefined;
}

/**
 * With codeType integer, every code travels as a JSON number: each listed and default code must
 * be written in digits (as a number or as a string of digits), without a leading zero.
 */
export const integerCodes: CatalogRule = {
  name: 'integer-codes',
  check: ({ merged, body, bodyField, codes, report }) => {
    if (body.codeType !== 'integer') return;
    for (const { entry, code } of codes.entries) {
      const problem = integerCodeProblem(code);
      if (problem !== undefined) report.error(entry, problem, 'code');
    }
    if (body.defaultCode !== undefined) {
      const problem = integerCodeProblem(body.defaultCode);
      if (problem !== undefined) report.error(bodyField('defaultCode'), `default ${problem}`);
    }
    for (const entry of merged.statuses) {
      const own = entry.value.defaultCode;
      const problem = own === undefined ? undefined : integerCodeProblem(own);
      if (problem !== undefined) report.error(entry, `default ${problem}`, 'defaultCode');
    }
  },
};

/** Characters a URI may hold as they are (RFC 3986: unreserved, reserved, and % of an escape). */
const URI_CHARACTER = /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/;

/**
 * Why a docUrl is not an absolute http or https URL written as a URI, if it is not. The docs link
 * it (so no javascript: or data: URL) and a problem body sends it as its type, which must be a URI:
 * only URI characters, complete percent escapes, at most one fragment, a host.
 */
export function docUrlProblem(text: string): string | undefined {
  if (!/^https?:\/\//i.test(text))
    return `docUrl ${JSON.stringify(text)} is not an http or https URL: give an absolute one, such as https://docs.example.com/errors/E1`;
  for (const ch of text) {
    if (!URI_CHARACTER.test(ch)) {
      const shown = ch === ' ' ? 'a space' : `${JSON.stringify(ch)} (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
      return `docUrl ${JSON.stringify(text)} holds ${shown}, which a URI cannot hold as it is: percent-encode it`;
    }
  }
  if (/%(?![0-9A-Fa-f]{2})/.test(text))
    return `docUrl ${JSON.stringify(text)} has a % not followed by two hexadecimal digits: write % as %25`;
  if (text.indexOf('#') !== text.lastIndexOf('#'))
    return `docUrl ${JSON.stringify(text)} has a second #, which a URI cannot hold: write it as %23`;
  // Checked on the text: a URL parser reads https:///errors as the host "errors".
  if (!/^https?:\/\/[^/?#@]/i.test(text)) return `docUrl ${JSON.stringify(text)} names no host`;
  try {
    new URL(text);
  } catch {
    return `docUrl ${JSON.stringify(text)} is not a valid URL`;
  }
  return undefined;
}

/** Each docUrl is an absolute http or https URL (see docUrlProblem). */
export const docUrls: CatalogRule = {
  name: 'doc-urls',
  check: ({ codes, report }) => {
    for (const { entry } of codes.entries) {
      const url = entry.value.docUrl;
      const problem = url === undefined ? undefined : docUrlProblem(url);
      if (problem !== undefined) report.error(entry, problem, 'docUrl');
    }
  },
};
