import { describe, expect, it } from 'vitest';
import type { ImageInfo } from '../../../shared/model';
import { rowsFromSystemDf } from '../disk-usage/system-df-rows';
import { assembleInventory } from './assemble';
import { fixtureId, recorded, recordedFacts, recordedState } from './recorded/docker-20.10';

const { facts } = recordedFacts();
const inventory = assembleInventory(recordedState(), facts, 1_000);

function image(name: string): ImageInfo {
  const found = inventory.images.find((i) => i.id === fixtureId(name));
  if (!found) throw new Error(`image ${name} missing from the inventory`);
  return found;
}

describe('assembleInventory on recorded answers', () => {
  it('predicts the bytes each recorded `docker rmi` freed from the engine', () => {
    expect(recorded.removals.length).toBeGreaterThan(0);
    for (const removal of recorded.removals) {
      const predicted = inventory.images.find((i) => i.id === removal.target)?.uniqueSize;
      expect({ target: removal.target, bytes: predicted }).toEqual({
        target: removal.target,
        bytes: removal.freed,
      });
    }
  });

  it('counts the intermediate parents that `docker rmi` prunes along with the built image', () => {
    // Without pruning, the intermediate below would keep the COPY layer: unique 0.
    expect(image('built').uniqueSize).toBe(250_000);
    for (const id of recorded.fixtureIds.intermediates) {
      expect(inventory.images.find((i) => i.id === id)?.uniqueSize).toBe(0);
    }
  });

  it('frees nothing for images containers sit on, running or stopped', () => {
    expect(image('runningImage').uniqueSize).toBe(0);
    expect(image('stoppedImage').uniqueSize).toBe(0);
    expect(image('runningImage').containers.map((c) => c.running)).toEqual([true]);
    expect(image('stoppedImage').containers.every((c) => !c.running)).toBe(true);
    expect(
      image('stoppedImage')
        .containers.map((c) => c.name)
        .sort(),
    ).toEqual(['reclaim-fx-stopped', 'writer']);
  });

  it('splits each size into unique and shared, with shared bases counted as shared', () => {
    expect(image('sharedA')).toMatchObject({ size: 2_500_000, uniqueSize: 500_000 });
    expect(image('sharedA').sharedSize).toBe(2_000_000);
    expect(image('base').uniqueSize).toBe(0);
    expect(image('parent').uniqueSize).toBe(0);
    expect(image('large').uniqueSize).toBe(4_000_000);
  });

  it('gives per-layer sizes that add up to every image size', () => {
    for (const info of inventory.images) {
      const sum = (info.layerSizes ?? []).reduce((a, b) => a + b, 0);
      expect({ id: info.id, sum }).toEqual({ id: info.id, sum: info.size });
      expect(info.layerSizes).toHaveLength(info.layers.length);
    }
  });

  it('keeps tags, digests, labels and parents as the engine listed them', () => {
    expect(image('multiTag').repoTags.sort()).toEqual(['reclaim-fx/multi:1', 'reclaim-fx/multi:2']);
    expect(image('labelled').labels).toEqual({ 'com.example.team': 'web', tier: 'frontend' });
    expect(image('child').parentId).toBe(fixtureId('parent'));
    expect(image('dangling')).toMatchObject({ repoTags: [], repoDigests: [], dangling: true });
  });

  it('computes all four rows byte for byte as the CLI would from the raw /system/df', () => {
    const fromEngine = rowsFromSystemDf(recorded.systemDf);
    expect(inventory.diskUsage).toEqual({ ...fromEngine, takenAt: 1_000 });
  });
});
