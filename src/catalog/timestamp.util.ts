const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2})))?$/;

/**
 * An ISO 8601 date (`2024-05-01`, midnight UTC) or date-time with a zone (`2024-05-01T12:00:00Z`,
 * `…+02:00`), normalised to RFC 3339 UTC; undefined when it is not one, including impossible
 * dates such as `2024-02-30` that `Date.parse` would quietly roll over.
 */
export function toRfc3339(value: string): string | undefined {
  const text = value.trim();
  const match = TIMESTAMP.exec(text);
  if (!match) {
    return undefined;
  }
  const [year, month, day, hours, minutes, seconds, offsetHours, offsetMinutes] = match
    .slice(1)
    .map((part) => (part === undefined ? 0 : Number(part)));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const valid =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    hours <= 23 &&
    minutes <= 59 &&
    seconds <= 59 &&
    offsetHours <= 23 &&
    offsetMinutes <= 59;
  if (!valid) {
    return undefined;
  }
  const time = Date.parse(match[4] === undefined ? `${text}T00:00:00Z` : text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
