import { describe, expect, it } from 'vitest';
import { humanSize, reclaimableCell } from './human-size';

describe('humanSize (go-units HumanSize, as the docker CLI prints)', () => {
  it.each([
    [0, '0B'],
    [999, '999B'],
    [1_000, '1kB'],
    [7_777, '7.777kB'],
    [54_321, '54.32kB'],
    [131_233, '131.2kB'],
    [19_182_256, '19.18MB'],
    [1_982_256, '1.982MB'],
    [2_000_000, '2MB'],
    [999_950, '1000kB'],
    [5_500_000_000, '5.5GB'],
  ])('%d bytes is %s', (bytes, text) => {
    expect(humanSize(bytes)).toBe(text);
  });

  it('truncates the percentage like Go integer division', () => {
    expect(reclaimableCell(18_782_256, 19_182_256)).toBe('18.78MB (97%)');
    expect(reclaimableCell(5, 0)).toBe('5B');
    expect(reclaimableCell(5, 10, false)).toBe('5B');
  });
});
