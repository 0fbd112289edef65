import { describe, expect, it } from 'vitest';
import { imagesRowFromLayers } from './images-row';

const layerSize = new Map([
  ['base', 100],
  ['copy', 20],
]);
// A legacy build: `built` and its intermediate step share every layer.
const images = [
  { id: 'built', size: 120, chains: ['base', 'copy'], intermediate: false },
  { id: 'step', size: 120, chains: ['base', 'copy'], intermediate: true },
  { id: 'base', size: 100, chains: ['base'], intermediate: false },
];

describe('imagesRowFromLayers', () => {
  it('API 1.41: only listed images share layers, so the COPY layer is unshared', () => {
    const row = imagesRowFromLayers({
      images,
      containersByImage: new Map([['built', 1]]),
      layerSize,
      intermediatesShareLayers: false,
    });
    expect(row).toEqual({ total: 2, active: 1, size: 120, reclaimable: 100 });
  });

  it('API 1.42+: the intermediate step shares the COPY layer too', () => {
    const row = imagesRowFromLayers({
      images,
      containersByImage: new Map([['built', 1]]),
      layerSize,
      intermediatesShareLayers: true,
    });
    expect(row).toEqual({ total: 2, active: 1, size: 120, reclaimable: 120 });
  });
});
