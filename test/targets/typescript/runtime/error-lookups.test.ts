/** generator/targets/typescript/runtime/error-lookups.ts, against the RT stand-in tables (test/fixtures/catalogs/runtime.yaml). */
import { describe, expect, test } from 'vitest';
import { DEFAULT_ERROR_CODE } from '../../../../generator/targets/typescript/runtime/catalog.js';
import { ERRORS, ERROR_DOC_URLS, ERROR_MESSAGES, ErrorCode } from '../../../../generator/targets/typescript/runtime/error-codes.js';
import {
  errorDocUrlFor,
  errorMessageFor,
  getErrorInfo,
  isErrorCode,
} from '../../../../generator/targets/typescript/runtime/error-lookups.js';
import { STATUSES } from '../../../../generator/targets/typescript/runtime/status-codes.js';
import type { TestCase } from '../../../harness/cases.js';

/** Codes no lookup may find, and inputs no lookup may throw on. */
const NOT_CODES: readonly unknown[] = [
  'RT.9999',
  'rt.0001',
  ' RT.0001',
  'RT.0001 ',
  '',
  'toString',
  'constructor',
  '__proto__',
  'hasOwnProperty',
  undefined,
  null,
  1,
  NaN,
  {},
  [],
  ['RT.0001'],
  Symbol('RT.0001'),
  1n,
  new String('RT.0001'),
];
const label = (value: unknown): string =>
  typeof value === 'symbol' ? 'symbol' : typeof value === 'string' ? JSON.stringify(value) : `${String(value)} (${typeof value})`;

test('the stand-in tables are the RT catalog (guards the data-driven loops below)', () => {
  expect(ERRORS.map((e) => e.code)).toEqual(['RT.0001', 'RT.0002', 'RT.0401', 'RT.0404', 'RT.0429', 'RT.0500']);
  expect(Object.keys(ERROR_MESSAGES)).toEqual(ERRORS.map((e) => e.code));
  expect(ErrorCode.NoSuchWidget).toBe('RT.0404');
  // Two codes share a status, so "only under its own status" is not the same as "only for its status's codes".
  expect(ERRORS.filter((e) => e.status === 400).length).toBe(2);
});

describe('getErrorInfo', () => {
  for (const info of ERRORS) {
    test(`${info.code} → its ERRORS entry`, () => {
      expect(getErrorInfo(info.code)).toBe(info);
      expect(ERROR_MESSAGES[info.code]).toEqual([info.status, info.message]);
    });
  }
  const tests: TestCase<unknown, undefined>[] = [
    ['the default code, which the catalog does not list', { given: DEFAULT_ERROR_CODE, want: undefined }],
    ...NOT_CODES.map((given): TestCase<unknown, undefined> => [label(given), { given, want: undefined }]),
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      expect(getErrorInfo(given as string)).toBe(want);
    });
  }
});

describe('isErrorCode', () => {
  for (const info of ERRORS) {
    test(`${info.code} → true`, () => {
      expect(isErrorCode(info.code)).toBe(true);
    });
  }
  const tests: TestCase<unknown, boolean>[] = [
    ['the default code', { given: DEFAULT_ERROR_CODE, want: false }],
    ...NOT_CODES.map((given): TestCase<unknown, boolean> => [label(given), { given, want: false }]),
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      expect(isErrorCode(given)).toBe(want);
    });
  }
});

describe('errorMessageFor', () => {
  const statuses = [...STATUSES.map((s) => s.status), 402, 418, 502, 0, NaN];
  for (const info of ERRORS) {
    test(`${info.code} lends ${JSON.stringify(info.message)} under ${info.status} only`, () => {
      expect(errorMessageFor(info.code, info.status)).toBe(info.message);
      for (const status of statuses.filter((s) => s !== info.status)) {
        expect(errorMessageFor(info.code, status), `${info.code} under ${status}`).toBeUndefined();
      }
    });
  }
  const tests: TestCase<[code: unknown, status: unknown], string | undefined>[] = [
    ['no code', { given: [undefined, 400], want: undefined }],
    ['the default code', { given: [DEFAULT_ERROR_CODE, 400], want: undefined }],
    ['RT.0001 under 400', { given: ['RT.0001', 400], want: 'Invalid parameter.' }],
    ['RT.0002 under 400, the same status as RT.0001', { given: ['RT.0002', 400], want: 'Missing parameter.' }],
    ['RT.0500 under 404', { given: ['RT.0500', 404], want: undefined }],
    ['RT.0404 under "404"', { given: ['RT.0404', '404'], want: undefined }],
    ['RT.0404 under 404.0', { given: ['RT.0404', 404.0], want: 'No such widget.' }],
    ...NOT_CODES.flatMap((code) =>
      [400, 404, 500].map((status): TestCase<[unknown, unknown], undefined> => [
        `${label(code)} under ${status}`,
        { given: [code, status], want: undefined },
      ]),
    ),
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      expect(errorMessageFor(given[0] as string, given[1] as number)).toBe(want);
    });
  }
});

describe('errorDocUrlFor', () => {
  test('the stand-ins give a docUrl for one code (guards the loop below)', () => {
    expect(ERRORS.filter((e) => e.docUrl !== undefined).map((e) => e.code)).toEqual(['RT.0404']);
    expect(ERROR_DOC_URLS).toEqual({ 'RT.0404': [404, 'https://docs.rt.example/errors#RT.0404'] });
  });
  const statuses = [...STATUSES.map((s) => s.status), 418, 0, NaN];
  for (const info of ERRORS) {
    test(`${info.code}: its docUrl (${info.docUrl ?? 'none'}) under ${info.status} only`, () => {
      expect(errorDocUrlFor(info.code, info.status)).toBe(info.docUrl);
      for (const status of statuses.filter((s) => s !== info.status)) {
        expect(errorDocUrlFor(info.code, status), `${info.code} under ${status}`).toBeUndefined();
      }
    });
  }
  for (const code of [DEFAULT_ERROR_CODE, ...NOT_CODES]) {
    test(`${label(code)}: none`, () => {
      expect(errorDocUrlFor(code as string, 404)).toBeUndefined();
    });
  }
});
