import { describe, expect, it } from 'vitest';
import { ChainSizes, chainsThatMatter, imagesNeedingHistory } from './chain-sizes';
import { fixtureId } from './recorded/docker-20.10';
import { recordedFacts } from './recorded/docker-20.10';

describe('chainsThatMatter', () => {
  it('is every top and every chain where images part ways', () => {
    const images = [
      { id: 'a', size: 3, chains: ['l1', 'l2', 'a3'] },
      { id: 'b', size: 4, chains: ['l1', 'l2', 'b3', 'b4'] },
      { id: 'base', size: 1, chains: ['l1'] },
    ];
    expect([...chainsThatMatter(images)].sort()).toEqual(['a3', 'b4', 'l1', 'l2']);
  });
});

describe('imagesNeedingHistory', () => {
  it('asks for no history when image sizes already prove every point that matters', () => {
    const sizes = new ChainSizes();
    const images = [
      { id: 'base', size: 10, chains: ['l1'] },
      { id: 'app', size: 15, chains: ['l1', 'a2', 'a3'] },
    ];
    expect(imagesNeedingHistory(images, sizes, new Set())).toEqual([]);
    expect(sizes.layerSizes(['l1', 'a2', 'a3'])).toEqual([10, 0, 5]);
  });

  it('asks for one history where two images share a base no image ends at', () => {
    const sizes = new ChainSizes();
    const images = [
      { id: 'x', size: 15, chains: ['l1', 'x2'] },
      { id: 'y', size: 17, chains: ['l1', 'y2'] },
    ];
    expect(imagesNeedingHistory(images, sizes, new Set())).toEqual(['x']);
    expect(imagesNeedingHistory(images, sizes, new Set(['x']))).toEqual(['y']);
  });

  it('on the recorded engine reads the history of one of the two busybox images only', () => {
    const { historyRead, facts } = recordedFacts();
    expect(historyRead).toHaveLength(1);
    expect([fixtureId('runningImage'), fixtureId('stoppedImage')]).toContain(historyRead[0]);
    const running = facts.layersOf(fixtureId('runningImage'));
    expect(facts.sizes.layerSizes(running?.chains ?? [])).toEqual([1_982_256, 200_000]);
  });
});

describe('ChainSizes.learnLayerSizes', () => {
  it('refuses sizes that contradict what an image size proved', () => {
    const sizes = new ChainSizes();
    sizes.learnImage({ id: 'base', size: 10, chains: ['l1'] });
    expect(sizes.learnLayerSizes(['l1', 'l2'], [9, 6])).toBe(false);
    expect(sizes.known('l2')).toBeUndefined();
    expect(sizes.learnLayerSizes(['l1', 'l2'], [10, 6])).toBe(true);
    expect(sizes.known('l2')).toBe(16);
  });
});
