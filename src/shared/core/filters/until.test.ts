import { describe, expect, it } from 'vitest';
import { parseUntil } from './until';

const now = Date.UTC(2026, 0, 10, 12, 0, 0);

describe('parseUntil (the daemon order: duration, timestamp, Unix seconds)', () => {
  it('subtracts a Go duration from now', () => {
    expect(parseUntil('72h', now)).toBe(now - 72 * 3600_000);
    expect(parseUntil('1h30m', now)).toBe(now - 90 * 60_000);
  });

  it('refuses 3d: Go has no day unit and it is no timestamp either', () => {
    expect(parseUntil('3d', now)).toBeNull();
  });

  it('reads RFC 3339 timestamps with a zone', () => {
    expect(parseUntil('2026-01-01T00:00:00Z', now)).toBe(Date.UTC(2026, 0, 1));
    expect(parseUntil('2026-01-01T02:00:00+02:00', now)).toBe(Date.UTC(2026, 0, 1));
    expect(parseUntil('2026-01-01T00:00:00.25Z', now)).toBe(Date.UTC(2026, 0, 1) + 250);
  });

  it('reads dates and partial times without a zone as local time', () => {
    expect(parseUntil('2026-01-01', now)).toBe(new Date(2026, 0, 1).getTime());
    expect(parseUntil('2026-01-01T10', now)).toBe(new Date(2026, 0, 1, 10).getTime());
    expect(parseUntil('2026-01-01T10:30', now)).toBe(new Date(2026, 0, 1, 10, 30).getTime());
  });

  it('reads "0" as Unix second 0, not as a zero duration (the daemon skips "0" there)', () => {
    expect(parseUntil('0', now)).toBe(0);
  });

  it('reads Unix seconds with an optional fraction', () => {
    expect(parseUntil('1700000000', now)).toBe(1_700_000_000_000);
    expect(parseUntil('1700000000.5', now)).toBe(1_700_000_000_500);
  });

  it.each(['2026-13-01', '2026-02-30', 'yesterday', '2026-01-01T25:00Z', '-', '12abc'])(
    'refuses %j',
    (value) => {
      expect(parseUntil(value, now)).toBeNull();
    },
  );
});
