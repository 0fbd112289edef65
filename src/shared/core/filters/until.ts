import { parseGoDuration } from './go-duration';

/**
 * The instant an `until=` value names, parsed in the daemon's order (pkg/timetypes
 * GetTimestamp): a Go duration before `now` (`"0"` excepted); else an RFC 3339 timestamp or
 * date, in local time when it carries no zone; else Unix seconds with an optional fraction.
 * Returns Unix milliseconds, or null when the daemon would refuse the value.
 */
export function parseUntil(value: string, now: number): number | null {
  const duration = value === '0' ? null : parseGoDuration(value);
  if (duration !== null) return now - duration;
  const timestamp = parseTimestamp(value);
  if (timestamp !== undefined) return timestamp;
  // A value with `-` was a timestamp that did not parse; the daemon gives up there.
  if (value.includes('-')) return null;
  return parseUnixSeconds(value);
}

const DATE_TIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?)?(Z|z|[+-]\d{2}:\d{2})?$/;

/**
 * RFC 3339 and its shorter forms (`2024-01-02`, `2024-01-02T15`, `…T15:04`, `…T15:04:05.5Z`,
 * with `Z`/`±hh:mm` or none for local time). undefined when the value is not of that shape
 * or names no real date.
 */
function parseTimestamp(value: string): number | undefined {
  const match = DATE_TIME_RE.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = match;
  // Go's layouts need seconds before a fraction, and a time part with a zone offset.
  const fields = [y, mo, d, h ?? '0', mi ?? '0', s ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [year, month, day, hour, minute, second] = fields;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const millis = frac ? Number(`0.${frac}`) * 1000 : 0;
  if (zone === undefined) {
    return new Date(year, month - 1, day, hour, minute, second, millis).getTime();
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  if (zone === 'Z' || zone === 'z') return utc;
  const sign = zone.startsWith('-') ? -1 : 1;
  const [zh, zm] = zone.slice(1).split(':').map(Number) as [number, number];
  return utc - sign * (zh * 60 + zm) * 60_000;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `1700000000` or `1700000000.5`: seconds since the epoch, fraction optional. */
function parseUnixSeconds(value: string): number | null {
  const match = /^(\d+)(?:\.(\d{1,9}))?$/.exec(value);
  if (!match) return null;
  return Number(match[1]) * 1000 + (match[2] ? Number(`0.${match[2]}`) * 1000 : 0);
}
