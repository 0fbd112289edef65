import { describe, expect, it } from 'vitest';
import { dockerBytes, dockerPercent, relativeTime, shortId } from './format';

describe('dockerBytes', () => {
  it('prints four significant digits in decimal units, as docker does', () => {
    expect(dockerBytes(0)).toBe('0B');
    expect(dockerBytes(999)).toBe('999B');
    expect(dockerBytes(4_194_304)).toBe('4.194MB');
    expect(dockerBytes(77_800_000)).toBe('77.8MB');
    expect(dockerBytes(1_234_567_890)).toBe('1.235GB');
    expect(dockerBytes(123_456_789)).toBe('123.5MB');
    // Go's units.HumanSize rounds within the unit: 999999 bytes is 1000kB, not 1MB.
    expect(dockerBytes(999_999)).toBe('1000kB');
  });
  it('shows an unknown size as a dash', () => {
    expect(dockerBytes(-1)).toBe('—');
  });
});

describe('dockerPercent', () => {
  it('rounds down like docker system df and handles an empty total', () => {
    expect(dockerPercent(2, 3)).toBe('66%');
    expect(dockerPercent(0, 0)).toBe('0%');
    expect(dockerPercent(5, 5)).toBe('100%');
  });
});

describe('shortId and relativeTime', () => {
  it('drops the algorithm and keeps 12 hex digits', () => {
    expect(shortId('sha256:501ad78535f0aaaabbbbcccc')).toBe('501ad78535f0');
  });
  it('says how long ago in the chosen language', () => {
    const now = Date.UTC(2026, 0, 15);
    expect(relativeTime(now / 1000 - 3 * 24 * 3600, now, 'en')).toBe('3 days ago');
    expect(relativeTime(now / 1000 - 2 * 3600, now, 'zh-CN')).toBe('2小时前');
  });
});
