/**
 * Bytes as the docker CLI prints them (go-units HumanSize): decimal units, four significant
 * digits, no space ("19.18MB", "250kB", "0B"). Used to compare with `docker system df` and
 * to show users the same figures the CLI would.
 */
const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];

export function humanSize(bytes: number): string {
  let size = bytes;
  let unit = 0;
  while (size >= 1000 && unit < UNITS.length - 1) {
    size /= 1000;
    unit++;
  }
  return `${formatG4(size)}${UNITS[unit]}`;
}

/**
 * Go's `%.4g` for values in [0, 1000), the only ones HumanSize formats: four significant
 * digits, trailing zeros dropped.
 */
function formatG4(value: number): string {
  return String(Number(value.toPrecision(4)));
}

/** The CLI's RECLAIMABLE cell: "18.78MB (97%)", the percentage truncated like Go's integer division. */
export function reclaimableCell(reclaimable: number, size: number, withPercent = true): string {
  if (!withPercent || size <= 0) return humanSize(reclaimable);
  return `${humanSize(reclaimable)} (${Math.trunc((reclaimable * 100) / size)}%)`;
}
