/** Retry-After (RFC 9110, section 10.2.3): delay-seconds or an HTTP-date. */

// IMF-fixdate, then the obsolete RFC 850 and asctime formats RFC 9110 still asks recipients to read.
const HTTP_DATE =
  /^(?:[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT|[A-Z][a-z]+, \d{2}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2} GMT|[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4})$/;

/**
 * Seconds to wait from a Retry-After value: delay-seconds, or an HTTP-date in any of the three RFC 9110 formats. `undefined` when absent or not one of those (a list, a negative or fractional number, other text): never 0 by accident.
 * @param value - The header value.
 * @param now - The current time in milliseconds, for HTTP-dates.
 */
export function parseRetryAfter(
  value: string | undefined,
  now: number = Date.now(),
): number | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  // Capped at 10 digits (about 317 years): larger is no honest delay.
  if (/^[0-9]{1,10}$/.test(text)) return Number(text);
  if (!HTTP_DATE.test(text)) return undefined;
  // HTTP-dates are GMT; asctime says so nowhere, and Date.parse would read it as local time.
  const date = Date.parse(text.endsWith(" GMT") ? text : text + " GMT");
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
