/** Retry-After (RFC 9110, section 10.2.3): delay-seconds or an HTTP-date. */

/**
 * The longest wait Retry-After gives, in seconds: one day. A longer delay or a later date is
 * read as one day, so that the wait in milliseconds (86,400,000) always fits a timer:
 * `setTimeout` holds at most 2^31-1 ms (about 24.8 days) and fires after 1 ms past that.
 */
export const MAX_RETRY_AFTER_SECONDS = 86_400;

// The three formats of RFC 9110, section 5.6.7, names case-sensitive as the grammar has them:
// IMF-fixdate, then the obsolete RFC 850 and asctime formats recipients must still read.
const IMF_FIXDATE =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), ([0-9]{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([0-9]{4}) ([0-9]{2}):([0-9]{2}):([0-9]{2}) GMT$/;
const RFC850_DATE =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), ([0-9]{2})-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-([0-9]{2}) ([0-9]{2}):([0-9]{2}):([0-9]{2}) GMT$/;
const ASCTIME_DATE =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([ 0-9][0-9]) ([0-9]{2}):([0-9]{2}):([0-9]{2}) ([0-9]{4})$/;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

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
  const text = trimWhiteSpace(value);
  if (/^[0-9]+$/.test(text)) {
    // delay-seconds is 1*DIGIT: "00000000001" is 1 s, and 400 nines are more than a day.
    const digits = text.replace(/^0+(?=[0-9])/, "");
    return digits.length > 6 ? MAX_RETRY_AFTER_SECONDS : clamp(Number(digits));
  }
  const date = httpDate(text, now);
  return date === undefined ? undefined : clamp(Math.ceil((date - now) / 1000));
}

/** The value without the spaces and tabs around it (optional white space, RFC 9110, section 5.5), in linear time. */
function trimWhiteSpace(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && (value[start] === " " || value[start] === "\t")) start += 1;
  while (end > start && (value[end - 1] === " " || value[end - 1] === "\t")) end -= 1;
  return value.slice(start, end);
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
  let match = IMF_FIXDATE.exec(text);
  if (match !== null) {
    const [, day, month, year, hour, minute, second] = match;
    return timeOf(Number(year), month!, Number(day), Number(hour), Number(minute), Number(second));
  }
  match = RFC850_DATE.exec(text);
  if (match !== null) {
    const [, day, month, year, hour, minute, second] = match;
    const fullYear = twoDigitYear(Number(year), now);
    return timeOf(fullYear, month!, Number(day), Number(hour), Number(minute), Number(second));
  }
  match = ASCTIME_DATE.exec(text);
  if (match !== null) {
    // A day below 10 is "Nov  6" (space-padded, which Number ignores) or "Nov 06".
    const [, month, day, hour, minute, second, year] = match;
    return timeOf(Number(year), month!, Number(day), Number(hour), Number(minute), Number(second));
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

function timeOf(
  year: number,
  monthName: string,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number | undefined {
  const month = MONTHS.indexOf(monthName);
  // 23:59:60 is a leap second; 24:00:00, 31 Feb and 29 Feb of a common year are no time.
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  if (day < 1 || day > daysIn(year, month)) return undefined;
  // setUTCFullYear, not Date.UTC, which reads years 0 to 99 as 1900 to 1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

function daysIn(year: number, month: number): number {
  if (month === 1) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 3 || month === 5 || month === 8 || month === 10 ? 30 : 31;
}
