import { describe, expect, it } from 'vitest';
import { matchesAllLabels, passesLabelFilters } from './labels';

const labels = { 'com.example.team': 'web', tier: 'frontend', empty: '' };

describe('label filters', () => {
  it('needs every key present and every key=value equal', () => {
    expect(matchesAllLabels(['tier'], labels)).toBe(true);
    expect(matchesAllLabels(['tier=frontend', 'com.example.team=web'], labels)).toBe(true);
    expect(matchesAllLabels(['tier=backend'], labels)).toBe(false);
    expect(matchesAllLabels(['missing'], labels)).toBe(false);
    expect(matchesAllLabels(['empty='], labels)).toBe(true);
    expect(matchesAllLabels(['tier'], {})).toBe(false);
  });

  it('label! excludes only images matching all its values', () => {
    expect(passesLabelFilters([], ['tier=frontend'], labels)).toBe(false);
    expect(passesLabelFilters([], ['tier=frontend', 'missing'], labels)).toBe(true);
    expect(passesLabelFilters([], ['tier'], {})).toBe(true);
    expect(passesLabelFilters(['tier'], ['tier=backend'], labels)).toBe(true);
  });
});
