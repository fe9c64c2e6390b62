/** generator/runtime/retry-after.ts: Retry-After as delay-seconds or an HTTP-date (RFC 9110, 10.2.3). */
import { afterEach, describe, expect, test } from 'vitest';
import { parseRetryAfter } from '../../generator/runtime/retry-after.js';
import type { TestCase } from './cases.js';

/** Wed, 21 Oct 2015 07:28:00 GMT: every HTTP-date below is read against this clock. */
const NOW = Date.UTC(2015, 9, 21, 7, 28, 0);

describe('parseRetryAfter', () => {
  const tests: TestCase<{ value: string | undefined; now?: number }, number | undefined>[] = [
    // delay-seconds
    ['delay-seconds', { given: { value: '120' }, want: 120 }],
    ['zero seconds', { given: { value: '0' }, want: 0 }],
    ['leading zeros', { given: { value: '007' }, want: 7 }],
    ['surrounding spaces trimmed', { given: { value: '  30 \t' }, want: 30 }],
    ['10 digits, the largest accepted', { given: { value: '9999999999' }, want: 9999999999 }],
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
    ['11 digits', { given: { value: '12345678901' }, want: undefined }],
    ['seconds with a unit', { given: { value: '5s' }, want: undefined }],
    ['garbage', { given: { value: 'soon' }, want: undefined }],
    ['Infinity', { given: { value: 'Infinity' }, want: undefined }],
    ['a date in another zone', { given: { value: 'Wed, 21 Oct 2015 07:28:30 UTC', now: NOW }, want: undefined }],
    ['a date with an offset', { given: { value: 'Wed, 21 Oct 2015 07:28:30 +0000', now: NOW }, want: undefined }],
    ['an ISO 8601 date', { given: { value: '2015-10-21T07:28:30Z', now: NOW }, want: undefined }],
    ['IMF-fixdate in lower case', { given: { value: 'wed, 21 oct 2015 07:28:30 gmt', now: NOW }, want: undefined }],
    ['a date of the right form that does not exist', { given: { value: 'Wed, 32 Oct 2015 07:28:30 GMT', now: NOW }, want: undefined }],
    ['a date with garbage after it', { given: { value: 'Wed, 21 Oct 2015 07:28:30 GMT; x', now: NOW }, want: undefined }],
  ];

  for (const [name, { given, want }] of tests) {
    test(name, () => {
      expect(parseRetryAfter(given.value, given.now)).toBe(want);
    });
  }

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
