import { describe, expect, it } from 'vitest';
import { imagesRowLeavesContentOut } from './images-row-basis';

describe('imagesRowLeavesContentOut', () => {
  it('is true on the containerd store before Docker 28.2 only', () => {
    expect(imagesRowLeavesContentOut({ imageStore: 'containerd', version: '26.1.5' })).toBe(true);
    expect(imagesRowLeavesContentOut({ imageStore: 'containerd', version: '28.1.1' })).toBe(true);
    expect(imagesRowLeavesContentOut({ imageStore: 'containerd', version: '28.5.2' })).toBe(false);
    expect(imagesRowLeavesContentOut({ imageStore: 'classic', version: '20.10.24' })).toBe(false);
  });
});
