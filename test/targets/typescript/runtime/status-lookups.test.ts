/** generator/targets/typescript/runtime/status-lookups.ts, against the RT stand-in tables (test/fixtures/catalogs/runtime.yaml). */
import { describe, expect, test } from 'vitest';
import { STATUSES, STATUS_MESSAGES, STATUS_RETRY, StatusCode } from '../../../../generator/targets/typescript/runtime/status-codes.js';
import {
  getStatusCode,
  getStatusInfo,
  getStatusMessage,
  isClientError,
  isError,
  isInformational,
  isRedirection,
  isRetryable,
  isServerError,
  isStatusCode,
  isSuccess,
} from '../../../../generator/targets/typescript/runtime/status-lookups.js';
import { ERRORS, errorRetryFor } from '../../../../generator/targets/typescript/runtime/error-codes.js';
import type { TestCase } from '../../../harness/cases.js';

/** Inputs no lookup may throw on or match. */
const HOSTILE: readonly unknown[] = [
  undefined,
  null,
  NaN,
  Infinity,
  -404,
  404.5,
  '404',
  '',
  'toString',
  '__proto__',
  {},
  [],
  [404],
  Symbol('404'),
  404n,
  () => 404,
  new Number(404),
];

test('the stand-in tables are the RT catalog (guards the data-driven loops below)', () => {
  expect(STATUSES.map((s) => s.status)).toEqual([200, 400, 401, 404, 429, 500, 503]);
  expect(Object.keys(STATUS_MESSAGES).map(Number)).toEqual(STATUSES.map((s) => s.status));
  expect(StatusCode.NotFound).toBe(404);
});

describe('getStatusInfo', () => {
  for (const info of STATUSES) {
    test(`${info.status} → its STATUSES entry`, () => {
      expect(getStatusInfo(info.status)).toBe(info);
      expect(getStatusInfo(info.status)?.message).toBe(STATUS_MESSAGES[info.status]);
    });
  }
  const unknown: TestCase<unknown, undefined>[] = [
    ['a status the catalog does not list', { given: 402, want: undefined }],
    ['a status that does not exist', { given: 999, want: undefined }],
    ['0', { given: 0, want: undefined }],
    ...HOSTILE.map((given): TestCase<unknown, undefined> => [
      `hostile ${String(typeof given === 'symbol' ? 'symbol' : given)} (${typeof given})`,
      { given, want: undefined },
    ]),
  ];
  for (const [name, { given, want }] of unknown) {
    test(name, () => {
      expect(getStatusInfo(given as number)).toBe(want);
    });
  }
});

describe('getStatusMessage', () => {
  for (const info of STATUSES) {
    test(`${info.status} → ${JSON.stringify(info.message)}`, () => {
      expect(getStatusMessage(info.status)).toBe(info.message);
    });
  }
  const unknown: TestCase<unknown, undefined>[] = [
    ['a status the catalog does not list', { given: 418, want: undefined }],
    ...HOSTILE.map((given): TestCase<unknown, undefined> => [
      `hostile ${String(typeof given === 'symbol' ? 'symbol' : given)} (${typeof given})`,
      { given, want: undefined },
    ]),
  ];
  for (const [name, { given, want }] of unknown) {
    test(name, () => {
      expect(getStatusMessage(given as number)).toBe(want);
    });
  }
});

describe('getStatusCode', () => {
  for (const info of STATUSES) {
    test(`${JSON.stringify(info.message)} → ${info.status}, exactly and loosely`, () => {
      expect(getStatusCode(info.message)).toBe(info.status);
      expect(getStatusCode(info.message.toUpperCase())).toBe(info.status);
      expect(getStatusCode(info.message.toLowerCase().replace(/ /g, '-'))).toBe(info.status);
      expect(getStatusCode(` ${info.message.replace(/ /g, '')}! `)).toBe(info.status);
    });
  }
  const tests: TestCase<unknown, number | undefined>[] = [
    ['"NotFound" finds "Not Found"', { given: 'NotFound', want: 404 }],
    ['"too_many_requests" finds 429', { given: 'too_many_requests', want: 429 }],
    ['"Ok" finds "OK"', { given: 'Ok', want: 200 }],
    ['a message the catalog does not have', { given: 'Payment Required', want: undefined }],
    ['a message of another catalog', { given: "I'm a teapot", want: undefined }],
    ['empty', { given: '', want: undefined }],
    ['punctuation only', { given: ' !- ', want: undefined }],
    ['a prefix of a message', { given: 'Not', want: undefined }],
    ['Object.prototype names', { given: 'constructor', want: undefined }],
    ['__proto__', { given: '__proto__', want: undefined }],
    ...HOSTILE.filter((v) => typeof v !== 'string').map((given): TestCase<unknown, undefined> => [
      `not text: ${typeof given}`,
      { given, want: undefined },
    ]),
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      expect(getStatusCode(given as string)).toBe(want);
    });
  }
});

describe('isStatusCode', () => {
  for (const info of STATUSES) {
    test(`${info.status} → true`, () => {
      expect(isStatusCode(info.status)).toBe(true);
    });
  }
  const tests: TestCase<unknown, boolean>[] = [
    ['a status the catalog does not list', { given: 402, want: false }],
    ...HOSTILE.map((given): TestCase<unknown, boolean> => [
      `hostile ${String(typeof given === 'symbol' ? 'symbol' : given)} (${typeof given})`,
      { given, want: false },
    ]),
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      expect(isStatusCode(given)).toBe(want);
    });
  }
});

describe('isRetryable', () => {
  /** What the retry policy promises, without and with a Retry-After header. */
  const expected = (retry: string | undefined): [boolean, boolean] =>
    retry === 'anytime' || retry === 'retry-after' ? [true, true] : retry === 'if-retry-after' ? [false, true] : [false, false];

  test('the stand-ins cover the policies that matter', () => {
    expect(new Set(STATUSES.map((s) => s.retry))).toEqual(new Set([undefined, 'modify', 'retry-after', 'if-retry-after']));
  });
  for (const info of STATUSES) {
    const [without, withHeader] = expected(info.retry);
    test(`${info.status} (${info.retry ?? 'no policy'}) → ${without} without Retry-After, ${withHeader} with`, () => {
      expect(STATUS_RETRY[info.status]).toBe(info.retry);
      expect(isRetryable(info.status)).toBe(without);
      expect(isRetryable(info.status, false)).toBe(without);
      expect(isRetryable(info.status, true)).toBe(withHeader);
    });
  }
  const tests: TestCase<unknown, boolean>[] = [
    ['a status the catalog does not list, even with Retry-After', { given: 502, want: false }],
    ...HOSTILE.map((given): TestCase<unknown, boolean> => [
      `hostile ${String(typeof given === 'symbol' ? 'symbol' : given)} (${typeof given})`,
      { given, want: false },
    ]),
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      expect(isRetryable(given as number, true)).toBe(want);
    });
  }

  // Every entry of the stand-ins: a code's own guidance under its status wins over the status's.
  for (const info of ERRORS) {
    const status = STATUSES.find((s) => s.status === info.status);
    const [without, withHeader] = expected(info.retry ?? status?.retry);
    test(`code ${info.code} under ${info.status} (${info.retry ?? 'its status'}'s guidance) → ${without}, ${withHeader} with Retry-After`, () => {
      expect(errorRetryFor(info.code, info.status)).toBe(info.retry);
      expect(isRetryable(info.status, false, info.code)).toBe(without);
      expect(isRetryable(info.status, true, info.code)).toBe(withHeader);
    });
  }
  test('the stand-ins have a code whose guidance differs from its status', () => {
    expect(ERRORS.some((info) => info.retry !== undefined && info.retry !== STATUSES.find((s) => s.status === info.status)?.retry)).toBe(
      true,
    );
  });
  const codeTests: TestCase<[status: number, code: unknown], boolean>[] = [
    ['a code with guidance, under another status: the status decides', { given: [503, 'RT.0429'], want: true }],
    ['an unknown code: the status decides', { given: [429, 'RT.9999'], want: true }],
    ['no code: the status decides', { given: [429, undefined], want: true }],
    ...HOSTILE.map((code): TestCase<[number, unknown], boolean> => [
      `a hostile code ${String(typeof code === 'symbol' ? 'symbol' : code)} (${typeof code}): the status decides`,
      { given: [429, code], want: true },
    ]),
  ];
  for (const [name, { given, want }] of codeTests) {
    test(name, () => {
      expect(isRetryable(given[0], true, given[1] as string)).toBe(want);
    });
  }
});

describe('isInformational, isSuccess, isRedirection, isClientError, isServerError, isError', () => {
  type Ranges = [
    informational: boolean,
    success: boolean,
    redirection: boolean,
    clientError: boolean,
    serverError: boolean,
    error: boolean,
  ];
  const _ = false;
  const X = true;
  const tests: TestCase<unknown, Ranges>[] = [
    ['99', { given: 99, want: [_, _, _, _, _, _] }],
    ['100', { given: 100, want: [X, _, _, _, _, _] }],
    ['199', { given: 199, want: [X, _, _, _, _, _] }],
    ['200', { given: 200, want: [_, X, _, _, _, _] }],
    ['299', { given: 299, want: [_, X, _, _, _, _] }],
    ['300', { given: 300, want: [_, _, X, _, _, _] }],
    ['399', { given: 399, want: [_, _, X, _, _, _] }],
    ['400', { given: 400, want: [_, _, _, X, _, X] }],
    ['418, not in the catalog', { given: 418, want: [_, _, _, X, _, X] }],
    ['499', { given: 499, want: [_, _, _, X, _, X] }],
    ['500', { given: 500, want: [_, _, _, _, X, X] }],
    ['599', { given: 599, want: [_, _, _, _, X, X] }],
    ['600', { given: 600, want: [_, _, _, _, _, _] }],
    ['-404', { given: -404, want: [_, _, _, _, _, _] }],
    ['404.5', { given: 404.5, want: [_, _, _, _, _, _] }],
    ['NaN', { given: NaN, want: [_, _, _, _, _, _] }],
    ['Infinity', { given: Infinity, want: [_, _, _, _, _, _] }],
    ['"404"', { given: '404', want: [_, _, _, _, _, _] }],
    ['null', { given: null, want: [_, _, _, _, _, _] }],
    ['a symbol', { given: Symbol('404'), want: [_, _, _, _, _, _] }],
    ['a bigint', { given: 404n, want: [_, _, _, _, _, _] }],
    ['a Number object', { given: new Number(404), want: [_, _, _, _, _, _] }],
  ];
  for (const [name, { given, want }] of tests) {
    test(name, () => {
      const code = given as number;
      expect([
        isInformational(code),
        isSuccess(code),
        isRedirection(code),
        isClientError(code),
        isServerError(code),
        isError(code),
      ]).toEqual(want);
    });
  }
  for (const info of STATUSES) {
    test(`catalog status ${info.status} falls in exactly its class`, () => {
      const range = Math.floor(info.status / 100);
      expect([
        isInformational(info.status),
        isSuccess(info.status),
        isRedirection(info.status),
        isClientError(info.status),
        isServerError(info.status),
      ]).toEqual([1, 2, 3, 4, 5].map((r) => r === range));
      expect(isError(info.status)).toBe(range >= 4);
    });
  }
});
