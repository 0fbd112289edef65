import { describe, expect, it } from 'vitest';
import { parseGoDuration } from './go-duration';

describe('parseGoDuration', () => {
  it.each([
    ['72h', 72 * 3600_000],
    ['1h30m', 90 * 60_000],
    ['1.5h', 90 * 60_000],
    ['300ms', 300],
    ['-2h', -2 * 3600_000],
    ['10s', 10_000],
    ['0', 0],
    ['2h45m30.5s', (2 * 3600 + 45 * 60 + 30.5) * 1000],
    // Forms the renderer's former copy also read: leading or trailing dot, +, both micro signs.
    ['.5h', 30 * 60_000],
    ['1.h', 3600_000],
    ['+1h', 3600_000],
    ['1500µs', 1.5],
    ['1500μs', 1.5],
    ['2000000ns', 2],
    // Go reads a signed zero too; the renderer's copy refused it.
    ['-0', 0],
  ])('reads %s', (value, ms) => {
    expect(parseGoDuration(value)).toBeCloseTo(ms, 6);
  });

  it.each(['3d', '', 'h', '1', '72', '1w', '.h', '72 h', '1h-'])('refuses %j', (value) => {
    expect(parseGoDuration(value)).toBeNull();
  });
});
