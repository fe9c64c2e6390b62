/** Retry-After (RFC 9110, section 10.2.3): delay-seconds or an HTTP-date. */

/**
 * The longest wait Retry-After gives, in seconds: one day. A longer delay or a later date is
 * read as one day, so that the wait in milliseconds (86,400,000) always fits a timer:
 * `setTimeout` holds at most 2^31-1 ms (about 24.8 days) and fires after 1 ms past that.
 */
export const MAX_RETRY_AFTER_SECONDS = 86_400;

// Parts of the HTTP-date formats (see httpDate), as pattern source text.
const DAY_NAME = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
const MONTH = "(?<m>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
const TIME = "(?<H>\\d\\d):(?<M>\\d\\d):(?<S>\\d\\d)";
const MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

/**
 * Seconds to wait from a Retry-After value: delay-seconds (any number of digits, leading zeros
 * included), or an HTTP-date in any of the three RFC 9110 formats, 0 for a date past. At most
 * MAX_RETRY_AFTER_SECONDS (a day): a longer wait is read as a day. `undefined` when absent or
 * not one of those (a list, a negative or fractional number, other text, a date that does not
 * exist such as 31 Feb): never 0 by accident.
 * @param value - The header value.
 * @param now - The current time in milliseconds, for HTTP-dates.
 */
export function parseRetryAfter(
  value: string | undefined,
  now: number = Date.now(),
): number | undefined {
  if (typeof value !== "string") return undefined;
  // Optional white space around a field value is spaces and tabs (RFC 9110, section 5.5); the
  // patterns are anchored and their parts disjoint, so they run in linear time.
  const delay = /^[ \t]*([0-9]+)[ \t]*$/.exec(value);
  if (delay !== null) {
    // delay-seconds is 1*DIGIT: "00000000001" is 1 s, and 400 nines are more than a day.
    const digits = delay[1]!.replace(/^0+(?=[0-9])/, "");
    return digits.length > 6 ? MAX_RETRY_AFTER_SECONDS : clamp(Number(digits));
  }
  const date = httpDate(value, now);
  return date === undefined ? undefined : clamp(Math.ceil((date - now) / 1000));
}

function clamp(seconds: number): number {
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, seconds));
}

/**
 * The time an HTTP-date stands for, in milliseconds; `undefined` for text of no format or a
 * date or time that does not exist. HTTP-dates are GMT, asctime's too (it says so nowhere).
 * The day name is not held against the date: the date alone says when, and RFC 9110 asks
 * recipients to be robust in parsing timestamps.
 */
function httpDate(text: string, now: number): number | undefined {
  // The three formats of RFC 9110, section 5.6.7, names case-sensitive as its grammar has
  // them: IMF-fixdate, then the obsolete RFC 850 and asctime formats recipients must still
  // read. Built on use: nothing runs at import.
  const formats = [
    `${DAY_NAME}, (?<d>\\d\\d) ${MONTH} (?<y>\\d{4}) ${TIME} GMT`,
    `(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (?<d>\\d\\d)-${MONTH}-(?<yy>\\d\\d) ${TIME} GMT`,
    // A day below 10 is "Nov  6" (space-padded, which Number ignores) or "Nov 06".
    `${DAY_NAME} ${MONTH} (?<d>[ \\d]\\d) ${TIME} (?<y>\\d{4})`,
  ];
  for (const format of formats) {
    const parts = new RegExp(`^[ \\t]*${format}[ \\t]*$`).exec(text)?.groups;
    if (parts === undefined) continue;
    const year =
      parts["yy"] === undefined ? Number(parts["y"]) : twoDigitYear(Number(parts["yy"]), now);
    const month = MONTHS.indexOf(parts["m"]!) / 3;
    const [day, hour, minute, second] = ["d", "H", "M", "S"].map((key) => Number(parts[key]));
    // 23:59:60 is a leap second; 24:00:00 is no time.
    if (hour! > 23 || minute! > 59 || second! > 60) return undefined;
    // setUTCFullYear, not Date.UTC, which reads years 0 to 99 as 1900 to 1999.
    const date = new Date(0);
    date.setUTCFullYear(year, month, day);
    // A day the month does not have (31 Feb, 29 Feb of a common year, day 0) rolls over.
    if (date.getUTCDate() !== day) return undefined;
    date.setUTCHours(hour!, minute, second, 0);
    return date.getTime();
  }
  return undefined;
}

/**
 * The year of an RFC 850 date: RFC 9110 reads a two-digit year that would be more than 50
 * years ahead as the most recent past year with those digits; this takes the latest year with
 * those digits that is at most 50 years after the current one.
 */
function twoDigitYear(yy: number, now: number): number {
  const latest = new Date(now).getUTCFullYear() + 50;
  return latest - ((((latest - yy) % 100) + 100) % 100);
}
