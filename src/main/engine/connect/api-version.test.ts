import { describe, expect, it } from 'vitest';
import { ReclaimFailure, type ReclaimError } from '../../../shared/errors';
import { apiAtLeast, compareApiVersions, negotiateApiVersion } from './api-version';

function refusal(engineMax: string, engineMin: string, host: string): ReclaimError {
  try {
    negotiateApiVersion(engineMax, engineMin, host);
  } catch (error) {
    if (error instanceof ReclaimFailure) return error.error;
    throw error;
  }
  throw new Error(`${engineMin}–${engineMax} was not refused`);
}

describe('API versions', () => {
  it('compares versions numerically', () => {
    expect(compareApiVersions('1.9', '1.41')).toBeLessThan(0);
    expect(compareApiVersions('1.52', '1.52')).toBe(0);
    expect(compareApiVersions('2.0', '1.52')).toBeGreaterThan(0);
  });

  it('tells whether a version is at least another, minor versions numerically', () => {
    expect(apiAtLeast('1.41', '1.42')).toBe(false);
    expect(apiAtLeast('1.42', '1.42')).toBe(true);
    expect(apiAtLeast('1.100', '1.42')).toBe(true);
    expect(apiAtLeast('2.0', '1.42')).toBe(true);
  });

  it("talks the lower of the engine's maximum and ours", () => {
    expect(negotiateApiVersion('1.41', '1.12', 'unix:///e')).toBe('1.41');
    expect(negotiateApiVersion('1.47', '1.24', 'unix:///e')).toBe('1.47');
    expect(negotiateApiVersion('1.60', '1.44', 'unix:///e')).toBe('1.52');
  });

  it('refuses an engine older than 1.41 with API_TOO_OLD naming the endpoint and versions', () => {
    expect(refusal('1.40', '1.12', 'unix:///old.sock')).toEqual({
      code: 'API_TOO_OLD',
      cause: 'engine-api-too-old',
      endpoint: 'unix:///old.sock',
      values: { engineMin: '1.12', engineMax: '1.40', clientMin: '1.41' },
    });
  });

  it('refuses an engine whose minimum is past what Reclaim speaks', () => {
    expect(refusal('1.70', '1.60', 'unix:///new.sock')).toEqual({
      code: 'API_TOO_OLD',
      cause: 'engine-api-too-new',
      endpoint: 'unix:///new.sock',
      values: { engineMin: '1.60', engineMax: '1.70', clientMax: '1.52' },
    });
  });
});
