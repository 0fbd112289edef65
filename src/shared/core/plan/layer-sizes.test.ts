import { describe, expect, it } from 'vitest';
import { inventory, sha } from '../../testing/inventory-builders';
import { bytesOf, layerSizeTable } from './layer-sizes';

describe('layerSizeTable', () => {
  const measured = inventory([
    {
      id: sha('a'),
      layers: [
        ['sha256:base', 1000],
        ['sha256:a', 30],
      ],
    },
    {
      id: sha('b'),
      layers: [
        ['sha256:base', 1000],
        ['sha256:b', 70],
      ],
    },
  ]);

  it('uses the measured layer sizes when the inventory has them', () => {
    const table = layerSizeTable(measured);
    expect(Object.fromEntries(table)).toEqual({
      'sha256:base': 1000,
      'sha256:a': 30,
      'sha256:b': 70,
    });
  });

  it('derives them from image sizes when it has not: exact where images end or branch', () => {
    const withBase = inventory([
      {
        id: sha('a'),
        layers: [
          ['sha256:base', 1000],
          ['sha256:a', 30],
        ],
      },
      {
        id: sha('b'),
        layers: [
          ['sha256:base', 1000],
          ['sha256:b', 70],
        ],
      },
      { id: sha('c'), layers: [['sha256:base', 1000]] },
    ]);
    const derived = {
      ...withBase,
      images: withBase.images.map((image) => ({ ...image, layerSizes: undefined })),
    };
    const table = layerSizeTable(derived);
    expect(table.get('sha256:base')).toBe(1000);
    expect(table.get('sha256:a')).toBe(30);
    expect(bytesOf(table, ['sha256:b', 'sha256:base', sha('b')])).toBe(1070);
  });

  it('puts a run of layers no image ends at on the run top, keeping sums exact', () => {
    const single = inventory([
      {
        id: sha('d'),
        layers: [
          ['sha256:x', 5],
          ['sha256:y', 7],
        ],
      },
    ]);
    const table = layerSizeTable({
      ...single,
      images: single.images.map((i) => ({ ...i, layerSizes: undefined })),
    });
    expect([table.get('sha256:x'), table.get('sha256:y')]).toEqual([0, 12]);
  });
});
