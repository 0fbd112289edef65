import { describe, expect, it } from 'vitest';
import { childrenByParent } from './children-by-parent';
import { imagesRemovedWith, uniqueSizes, type AccountedImage } from './unique-sizes';

/** A legacy build: base (tagged) ← step1 ← step2 ← app (tagged), each adding one layer. */
function build(overrides: Partial<Record<string, Partial<AccountedImage>>> = {}) {
  const images: AccountedImage[] = [
    { id: 'base', parentId: null, referenced: true, chains: ['L0'] },
    { id: 'step1', parentId: 'base', referenced: false, chains: ['L0', 'L1'] },
    { id: 'step2', parentId: 'step1', referenced: false, chains: ['L0', 'L1', 'L2'] },
    { id: 'app', parentId: 'step2', referenced: true, chains: ['L0', 'L1', 'L2'] },
  ].map((image) => ({ ...image, ...overrides[image.id] }));
  const layerSize = new Map([
    ['L0', 1_000],
    ['L1', 100],
    ['L2', 10],
  ]);
  return { images, layerSize, children: childrenByParent(images.map(named)) };
}

function named(image: AccountedImage) {
  return { id: image.id, repoTags: [], repoDigests: [], parentId: image.parentId };
}

const byId = (images: AccountedImage[]) => new Map(images.map((image) => [image.id, image]));

describe('imagesRemovedWith (what `docker rmi` deletes besides the image)', () => {
  it('prunes untagged parents up to the first tagged one', () => {
    const { images, children } = build();
    expect(imagesRemovedWith('app', byId(images), children, new Set())).toEqual([
      'app',
      'step2',
      'step1',
    ]);
  });

  it('stops at a parent a container uses', () => {
    const { images, children } = build();
    expect(imagesRemovedWith('app', byId(images), children, new Set(['step1']))).toEqual([
      'app',
      'step2',
    ]);
  });

  it('stops at a parent with a digest', () => {
    const { images, children } = build({ step2: { referenced: true } });
    expect(imagesRemovedWith('app', byId(images), children, new Set())).toEqual(['app']);
  });

  it('stops at a parent that has another child', () => {
    const { images } = build();
    const other: AccountedImage = {
      id: 'other',
      parentId: 'step1',
      referenced: true,
      chains: ['L0', 'L1', 'X'],
    };
    const all = [...images, other];
    const children = childrenByParent(all.map(named));
    expect(imagesRemovedWith('app', byId(all), children, new Set())).toEqual(['app', 'step2']);
  });
});

describe('uniqueSizes', () => {
  it('counts the layers the pruned build steps held', () => {
    const { images, children, layerSize } = build();
    const unique = uniqueSizes(images, children, new Set(), layerSize);
    expect(unique.get('app')).toBe(110);
    expect(unique.get('base')).toBe(0);
    expect(unique.get('step1')).toBe(0);
  });

  it('keeps layers a container sits on, even through a removed image', () => {
    const { images, children, layerSize } = build();
    expect(uniqueSizes(images, children, new Set(['app']), layerSize).get('app')).toBe(0);
    expect(uniqueSizes(images, children, new Set(['step1']), layerSize).get('app')).toBe(10);
  });

  it('frees nothing shared with an image that stays', () => {
    const images: AccountedImage[] = [
      { id: 'a', parentId: null, referenced: true, chains: ['B', 'A'] },
      { id: 'b', parentId: null, referenced: true, chains: ['B', 'C'] },
    ];
    const layerSize = new Map([
      ['B', 500],
      ['A', 7],
      ['C', 9],
    ]);
    const unique = uniqueSizes(images, new Map(), new Set(), layerSize);
    expect([unique.get('a'), unique.get('b')]).toEqual([7, 9]);
  });
});
