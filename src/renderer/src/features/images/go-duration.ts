const UNIT_SECONDS: Record<string, number> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
};

/**
 * Parses a Go duration (`72h`, `1h30m`, `1.5h`) as Docker's `until` does, in seconds; null
 * for anything Go would reject (`3d` is not a Go duration).
 */
export function parseGoDuration(text: string): number | null {
  const match = /^([+-]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/.test(text);
  if (!match) return text === '0' ? 0 : null;
  const sign = text.startsWith('-') ? -1 : 1;
  let total = 0;
  for (const part of text.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)) {
    total += Number(part[1]) * (UNIT_SECONDS[part[2] as string] ?? 0);
  }
  return sign * total;
}

/**
 * The cut-off, in Unix seconds, that `until=<value>` means at `nowMs`: a Go duration before
 * now, else an RFC 3339 time or a date, else Unix seconds. Null when none of these parse.
 */
export function untilCutoff(value: string, nowMs: number): number | null {
  const duration = parseGoDuration(value);
  if (duration !== null) return Math.floor(nowMs / 1000 - duration);
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value);
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) {
    const parsed = Date.parse(value);
    if (!Number.isNaN(parsed)) return Math.floor(parsed / 1000);
  }
  return null;
}
