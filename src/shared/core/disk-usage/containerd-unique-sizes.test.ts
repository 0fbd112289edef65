import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../model';
import {
  CONTAINERD_CONTENT,
  containerdInventory,
  sha,
  type ImageSpec,
} from '../../testing/inventory-builders';
import { layerSizeTable } from '../plan/layer-sizes';
import { containerdFreed } from '../plan/containerd-bytes';
import { EngineModel } from '../plan/engine-model';
import { containerdUniqueSizes } from './containerd-unique-sizes';

const CONTENT = CONTAINERD_CONTENT;
const onContainerd = containerdInventory;

const SOLO = sha('5010');
const BASE = sha('ba5e');
const APP = sha('a770');
const STEP = sha('67e6');
const BUILT = sha('b017');
const USED = sha('48a5');

const base: ImageSpec = { id: BASE, tags: ['fx/base:1'], layers: [['sha256:l-base', 2_000]] };
const app: ImageSpec = {
  id: APP,
  tags: ['fx/app:1'],
  layers: [
    ['sha256:l-base', 2_000],
    ['sha256:l-app', 300],
  ],
};

/** An untagged legacy build step on BASE, adding one layer. */
const step: ImageSpec = {
  id: STEP,
  parent: BASE,
  layers: [
    ['sha256:l-base', 2_000],
    ['sha256:l-step', 40],
  ],
};

function unique(inv: Inventory): Map<string, number> {
  return containerdUniqueSizes(inv, layerSizeTable(inv));
}

describe('containerdUniqueSizes (what removing one image alone frees on containerd)', () => {
  it('frees all of an image that shares nothing: its Size', () => {
    const inv = onContainerd([{ id: SOLO, tags: ['fx/solo:1'], layers: [['sha256:l', 500]] }]);
    expect(unique(inv).get(SOLO)).toBe(2 * 500 + CONTENT);
  });

  it('frees an image`s own blobs and snapshots, not the base layer it shares', () => {
    const sizes = unique(onContainerd([base, app]));
    expect(sizes.get(APP)).toBe(2 * 300 + CONTENT);
    expect(sizes.get(BASE)).toBe(CONTENT);
  });

  it('frees the untagged steps a legacy build left with the image they lead to', () => {
    const inv = onContainerd([
      base,
      step,
      {
        id: BUILT,
        tags: ['fx/built:1'],
        parent: STEP,
        layers: [
          ['sha256:l-base', 2_000],
          ['sha256:l-step', 40],
        ],
      },
    ]);
    // BUILT adds no layer to STEP, so alone it would free its own content only.
    expect(unique(inv).get(BUILT)).toBe(2 * 40 + 2 * CONTENT);
  });

  it('frees nothing of an image a container uses, nor what another shares with it', () => {
    const inv = onContainerd(
      [
        { id: USED, tags: ['fx/used:1'], layers: [['sha256:l-used', 800]] },
        { id: SOLO, tags: ['fx/solo:1'], layers: [['sha256:l-used', 800]] },
      ],
      [{ id: 'c1', name: 'user', image: USED, running: false }],
    );
    const sizes = unique(inv);
    expect(sizes.get(USED)).toBe(0);
    expect(sizes.get(SOLO)).toBe(CONTENT);
  });

  it('equals what a plan removing each image alone frees, by the model itself', () => {
    const inv = onContainerd(
      [
        base,
        app,
        step,
        {
          id: BUILT,
          tags: ['fx/built:1', 'fx/built:2'],
          parent: STEP,
          layers: [
            ['sha256:l-base', 2_000],
            ['sha256:l-step', 40],
            ['sha256:l-top', 7],
          ],
        },
        {
          id: USED,
          tags: ['fx/used:1'],
          layers: [
            ['sha256:l-base', 2_000],
            ['sha256:l-u', 9],
          ],
        },
        { id: SOLO, layers: [['sha256:l-solo', 500]] },
      ],
      [{ id: 'c1', name: 'user', image: USED, running: true }],
    );
    const sizes = layerSizeTable(inv);
    const model = EngineModel.fromInventory(inv);
    const fast = containerdUniqueSizes(inv, sizes);
    for (const image of inv.images) {
      if (image.id === USED) continue;
      const after = model.clone();
      after.delete({ kind: 'id', id: image.id }, true, true);
      expect(fast.get(image.id), image.id).toBe(containerdFreed(inv, sizes, model, after));
    }
  });
});
