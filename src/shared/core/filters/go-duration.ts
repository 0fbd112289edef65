/**
 * Go's time.ParseDuration, which the daemon tries first for `until`: `72h`, `1h30m`, `1.5h`,
 * `300ms`, `-2h`. There is no `d` unit, so `3d` is not a duration (and, having no `-`, it
 * then fails as a Unix timestamp too: the engine answers 400).
 */
const UNIT_NANOSECONDS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

const TERM_RE = /^([0-9]*(?:\.[0-9]*)?)(ns|us|µs|μs|ms|s|m|h)/;

/** Milliseconds, or null when `value` is not a Go duration. */
export function parseGoDuration(value: string): number | null {
  let rest = value;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest.length === 0) return null;
  let nanoseconds = 0;
  while (rest.length > 0) {
    const term = TERM_RE.exec(rest);
    const number = term?.[1];
    const unit = term?.[2];
    if (!term || number === undefined || unit === undefined) return null;
    // "." alone or an empty number is not a number in Go either.
    if (number === '' || number === '.') return null;
    nanoseconds += Number(number) * (UNIT_NANOSECONDS[unit] ?? 0);
    rest = rest.slice(term[0].length);
  }
  return (sign * nanoseconds) / 1e6;
}
