/** generator/targets/typescript/runtime/retry-after.ts: Retry-After as delay-seconds or an HTTP-date (RFC 9110, 10.2.3). */
import { afterEach, describe, expect, test } from 'vitest';
import { MAX_RETRY_AFTER_SECONDS, parseRetryAfter } from '../../../../generator/targets/typescript/runtime/retry-after.js';
import type { TestCase } from '../../../harness/cases.js';

/** Wed, 21 Oct 2015 07:28:00 GMT: every HTTP-date below is read against this clock. */
const NOW = Date.UTC(2015, 9, 21, 7, 28, 0);

describe('parseRetryAfter', () => {
  const tests: TestCase<{ value: string | undefined; now?: number }, number | undefined>[] = [
    // delay-seconds
    ['delay-seconds', { given: { value: '120' }, want: 120 }],
    ['zero seconds', { given: { value: '0' }, want: 0 }],
    ['leading zeros', { given: { value: '007' }, want: 7 }],
    ['11 digits with leading zeros (delay-seconds is 1*DIGIT)', { given: { value: '00000000001' }, want: 1 }],
    ['400 zeros then a digit', { given: { value: '0'.repeat(400) + '5' }, want: 5 }],
    ['all zeros', { given: { value: '0000' }, want: 0 }],
    ['surrounding spaces trimmed', { given: { value: '  30 \t' }, want: 30 }],
    ['a day, the most it gives', { given: { value: '86400' }, want: 86400 }],
    ['a day and a second → a day', { given: { value: '86401' }, want: 86400 }],
    ['7 digits → a day', { given: { value: '1000000' }, want: 86400 }],
    ['10 digits → a day', { given: { value: '9999999999' }, want: 86400 }],
    ['past 2^31-1 ms in seconds → a day', { given: { value: '2147484' }, want: 86400 }],
    ['400 nines → a day', { given: { value: '9'.repeat(400) }, want: 86400 }],
    ['delay-seconds ignore now', { given: { value: '5', now: 0 }, want: 5 }],
    // HTTP-dates
    ['IMF-fixdate 30 s ahead', { given: { value: 'Wed, 21 Oct 2015 07:28:30 GMT', now: NOW }, want: 30 }],
    ['IMF-fixdate a day ahead', { given: { value: 'Thu, 22 Oct 2015 07:28:00 GMT', now: NOW }, want: 86400 }],
    ['IMF-fixdate rounds a part second up', { given: { value: 'Wed, 21 Oct 2015 07:28:30 GMT', now: NOW + 500 }, want: 30 }],
    ['IMF-fixdate equal to now is 0', { given: { value: 'Wed, 21 Oct 2015 07:28:00 GMT', now: NOW }, want: 0 }],
    ['obsolete RFC 850 date', { given: { value: 'Wednesday, 21-Oct-15 07:28:30 GMT', now: NOW }, want: 30 }],
    ['obsolete asctime date', { given: { value: 'Wed Oct 21 07:28:30 2015', now: NOW }, want: 30 }],
    [
      'obsolete asctime date, one-digit day padded with a space',
      { given: { value: 'Thu Oct  1 07:28:30 2015', now: Date.UTC(2015, 9, 1, 7, 28, 0) }, want: 30 },
    ],
    ['IMF-fixdate a day and a second ahead → a day', { given: { value: 'Thu, 22 Oct 2015 07:28:01 GMT', now: NOW }, want: 86400 }],
    ['IMF-fixdate in year 9999 → a day', { given: { value: 'Fri, 31 Dec 9999 23:59:59 GMT', now: NOW }, want: 86400 }],
    [
      'RFC 850 date 50 years ahead is that year (2065) → a day',
      { given: { value: 'Wednesday, 21-Oct-65 07:28:30 GMT', now: NOW }, want: 86400 },
    ],
    [
      'RFC 850 date more than 50 years ahead is the past year (1966) → 0',
      { given: { value: 'Friday, 21-Oct-66 07:28:30 GMT', now: NOW }, want: 0 },
    ],
    [
      'RFC 850 date near the end of a century: 00 is the next year, not 99 years ago',
      { given: { value: 'Friday, 01-Jan-00 00:00:30 GMT', now: Date.UTC(2099, 11, 31, 23, 59, 59) }, want: 31 },
    ],
    ['leap second 23:59:60 is read (the next minute)', { given: { value: 'Wed, 21 Oct 2015 07:28:60 GMT', now: NOW }, want: 60 }],
    ['29 Feb of a leap year', { given: { value: 'Mon, 29 Feb 2016 00:00:30 GMT', now: Date.UTC(2016, 1, 29) }, want: 30 }],
    ['29 Feb 2000 (divisible by 400: leap)', { given: { value: 'Tue, 29 Feb 2000 00:00:30 GMT', now: Date.UTC(2000, 1, 29) }, want: 30 }],
    ['31 Dec', { given: { value: 'Thu, 31 Dec 2015 00:00:30 GMT', now: Date.UTC(2015, 11, 31) }, want: 30 }],
    ['31 Jan in asctime', { given: { value: 'Sun Jan 31 00:00:30 2016', now: Date.UTC(2016, 0, 31) }, want: 30 }],
    // The day name is not held against the date (21 Oct 2015 was a Wednesday): the date says when.
    ['a day name that does not match the date', { given: { value: 'Sun, 21 Oct 2015 07:28:30 GMT', now: NOW }, want: 30 }],
    // past dates
    ['past IMF-fixdate → 0', { given: { value: 'Wed, 21 Oct 2015 07:27:00 GMT', now: NOW }, want: 0 }],
    ['long past RFC 850 date → 0', { given: { value: 'Sunday, 06-Nov-94 08:49:37 GMT', now: NOW }, want: 0 }],
    ['past asctime date → 0', { given: { value: 'Sun Nov  6 08:49:37 1994', now: NOW }, want: 0 }],
    // neither
    ['absent', { given: { value: undefined }, want: undefined }],
    ['empty', { given: { value: '' }, want: undefined }],
    ['blank', { given: { value: '   ' }, want: undefined }],
    ['negative', { given: { value: '-1' }, want: undefined }],
    ['explicit plus sign', { given: { value: '+5' }, want: undefined }],
    ['fractional', { given: { value: '1.5' }, want: undefined }],
    ['trailing dot', { given: { value: '5.' }, want: undefined }],
    ['exponent', { given: { value: '1e3' }, want: undefined }],
    ['hexadecimal', { given: { value: '0x10' }, want: undefined }],
    ['a list of seconds', { given: { value: '5, 10' }, want: undefined }],
    ['a repeated header joined', { given: { value: '120, Wed, 21 Oct 2015 07:28:30 GMT', now: NOW }, want: undefined }],
    ['digits with a space inside', { given: { value: '1 000' }, want: undefined }],
    ['a no-break space around (white space is spaces and tabs)', { given: { value: '\u00a030' }, want: undefined }],
    ['a line break around', { given: { value: '30\n' }, want: undefined }],
    ['full-width digits', { given: { value: '\uff13\uff10' }, want: undefined }],
    ['seconds with a unit', { given: { value: '5s' }, want: undefined }],
    ['garbage', { given: { value: 'soon' }, want: undefined }],
    ['Infinity', { given: { value: 'Infinity' }, want: undefined }],
    ['a date in another zone', { given: { value: 'Wed, 21 Oct 2015 07:28:30 UTC', now: NOW }, want: undefined }],
    ['a date with an offset', { given: { value: 'Wed, 21 Oct 2015 07:28:30 +0000', now: NOW }, want: undefined }],
    ['an ISO 8601 date', { given: { value: '2015-10-21T07:28:30Z', now: NOW }, want: undefined }],
    ['IMF-fixdate in lower case', { given: { value: 'wed, 21 oct 2015 07:28:30 gmt', now: NOW }, want: undefined }],
    ['a date of the right form that does not exist', { given: { value: 'Wed, 32 Oct 2015 07:28:30 GMT', now: NOW }, want: undefined }],
    // dates that do not exist (Date.parse rolls them over into March)
    ['31 Feb', { given: { value: 'Sat, 31 Feb 2099 00:00:00 GMT', now: NOW }, want: undefined }],
    ['30 Feb', { given: { value: 'Mon, 30 Feb 2099 00:00:00 GMT', now: NOW }, want: undefined }],
    ['29 Feb of a common year', { given: { value: 'Sun, 29 Feb 2099 00:00:00 GMT', now: NOW }, want: undefined }],
    [
      '29 Feb 1900 (a century not divisible by 400: common)',
      { given: { value: 'Thu, 29 Feb 1900 00:00:00 GMT', now: NOW }, want: undefined },
    ],
    ['31 Apr', { given: { value: 'Fri, 31 Apr 2026 00:00:00 GMT', now: NOW }, want: undefined }],
    ['31 Jun', { given: { value: 'Wed, 31 Jun 2026 00:00:00 GMT', now: NOW }, want: undefined }],
    ['31 Sep', { given: { value: 'Thu, 31 Sep 2026 00:00:00 GMT', now: NOW }, want: undefined }],
    ['31 Nov', { given: { value: 'Tue, 31 Nov 2026 00:00:00 GMT', now: NOW }, want: undefined }],
    ['day 00', { given: { value: 'Wed, 00 Oct 2015 07:28:30 GMT', now: NOW }, want: undefined }],
    ['30 Feb in RFC 850', { given: { value: 'Monday, 30-Feb-99 00:00:00 GMT', now: NOW }, want: undefined }],
    ['30 Feb in asctime', { given: { value: 'Mon Feb 30 00:00:00 2099', now: NOW }, want: undefined }],
    ['day 0 in asctime', { given: { value: 'Wed Oct  0 07:28:30 2015', now: NOW }, want: undefined }],
    ['hour 24', { given: { value: 'Wed, 21 Oct 2015 24:00:00 GMT', now: NOW }, want: undefined }],
    ['minute 60', { given: { value: 'Wed, 21 Oct 2015 07:60:00 GMT', now: NOW }, want: undefined }],
    ['second 61', { given: { value: 'Wed, 21 Oct 2015 07:28:61 GMT', now: NOW }, want: undefined }],
    // names of the wrong format
    ['an unknown day name', { given: { value: 'Xyz, 21 Oct 2015 07:28:30 GMT', now: NOW }, want: undefined }],
    ['a long day name in an IMF-fixdate', { given: { value: 'Wednesday, 21 Oct 2015 07:28:30 GMT', now: NOW }, want: undefined }],
    ['a short day name in an RFC 850 date', { given: { value: 'Wed, 21-Oct-15 07:28:30 GMT', now: NOW }, want: undefined }],
    ['a one-digit asctime day without its padding space', { given: { value: 'Thu Oct 1 07:28:30 2015', now: NOW }, want: undefined }],
    ['a date with garbage after it', { given: { value: 'Wed, 21 Oct 2015 07:28:30 GMT; x', now: NOW }, want: undefined }],
  ];

  for (const [name, { given, want }] of tests) {
    test(name, () => {
      expect(parseRetryAfter(given.value, given.now)).toBe(want);
    });
  }

  test('every value it gives fits a timer: at most a day, 86,400,000 ms, below 2^31-1 ms', () => {
    expect(MAX_RETRY_AFTER_SECONDS).toBe(86_400);
    expect(MAX_RETRY_AFTER_SECONDS * 1000).toBeLessThanOrEqual(2 ** 31 - 1);
    for (const value of ['9'.repeat(20), '4294967296', 'Fri, 31 Dec 9999 23:59:59 GMT', 'Fri Dec 31 23:59:59 9999']) {
      expect(parseRetryAfter(value, NOW), value).toBe(MAX_RETRY_AFTER_SECONDS);
    }
  });

  test('a long value is read in linear time: 100,000 spaces around a digit, or inside', () => {
    const spaces = ' '.repeat(100_000);
    expect(parseRetryAfter(`${spaces}5${spaces}`)).toBe(5);
    expect(parseRetryAfter(`${spaces}x${spaces}`)).toBeUndefined();
    expect(parseRetryAfter(`5${spaces}x`)).toBeUndefined();
  });

  test('without now, an HTTP-date is read against the clock', () => {
    const inAMinute = new Date(Date.now() + 60_000).toUTCString();
    const seconds = parseRetryAfter(inAMinute);
    expect(seconds).toBeGreaterThanOrEqual(58);
    expect(seconds).toBeLessThanOrEqual(60);
  });

  test('values that are not text give undefined, never throw', () => {
    for (const value of [null, 5, {}, [], Symbol('x'), () => '5', new String('5')]) {
      expect(parseRetryAfter(value as unknown as string)).toBeUndefined();
    }
  });

  // HTTP-dates are always GMT (RFC 9110, 5.6.7), asctime's included, whatever the machine's zone.
  describe('in a process whose time zone is not UTC', () => {
    const saved = process.env['TZ'];
    afterEach(() => {
      if (saved === undefined) delete process.env['TZ'];
      else process.env['TZ'] = saved;
    });
    const zoned: TestCase<{ zone: string; value: string }, number>[] = [
      ['IMF-fixdate in New York', { given: { zone: 'America/New_York', value: 'Wed, 21 Oct 2015 07:28:30 GMT' }, want: 30 }],
      ['RFC 850 date in New York', { given: { zone: 'America/New_York', value: 'Wednesday, 21-Oct-15 07:28:30 GMT' }, want: 30 }],
      [
        'asctime date in New York (GMT, not local time)',
        { given: { zone: 'America/New_York', value: 'Wed Oct 21 07:28:30 2015' }, want: 30 },
      ],
      ['asctime date in Tokyo (GMT, not local time)', { given: { zone: 'Asia/Tokyo', value: 'Wed Oct 21 07:28:30 2015' }, want: 30 }],
    ];
    for (const [name, { given, want }] of zoned) {
      test(name, () => {
        process.env['TZ'] = given.zone;
        // Control: the zone really is in effect for this process.
        expect(new Date(NOW).getTimezoneOffset()).not.toBe(0);
        expect(parseRetryAfter(given.value, NOW)).toBe(want);
      });
    }
  });
});
