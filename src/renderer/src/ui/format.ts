import { humanSize } from '../../../shared/format/human-size';

/**
 * Bytes as the docker CLI prints them (go-units HumanSize: decimal units, four significant
 * digits, no space: `4.194MB`, `0B`), so figures beside a CLI command read the same.
 */
export function dockerBytes(bytes: number): string {
  if (bytes < 0) return '—';
  // The same formatter the main process checks against `docker system df`.
  return humanSize(bytes);
}

/** A percentage as `docker system df` prints it: rounded down, `0%` for an empty total. */
export function dockerPercent(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  return `${Math.floor((part * 100) / whole)}%`;
}

export { shortId } from '../../../shared/format/short-id';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "3 weeks ago", in the UI's language, like the CLI's CREATED column. */
export function relativeTime(unixSeconds: number, nowMs: number, locale: string): string {
  const delta = unixSeconds - Math.floor(nowMs / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, seconds] of UNITS) {
    if (Math.abs(delta) >= seconds || unit === 'second') {
      return format.format(Math.trunc(delta / seconds), unit);
    }
  }
  return format.format(0, 'second');
}
