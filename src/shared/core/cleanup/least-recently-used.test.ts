import { describe, expect, it } from 'vitest';
import { inventory, sha, type ImageSpec } from '../../testing/inventory-builders';
import { planCleanup } from './cleanup-plan';
import { NO_EXCLUSIONS } from '../../cleanup';
import { withDerivedFigures } from '../disk-usage/derived-figures';

const NOW = 1_700_000_000_000;
const DAY = 86_400;
const NO_PROTECTION = { patterns: [], label: null };
const stamp = () => ({ id: 'lru', createdAt: NOW });

const image = (id: string, daysOld: number, bytes: number, tags = [`${id}:1`]): ImageSpec => ({
  id: sha(id),
  tags,
  layers: [[`sha256:layer-${id}`, bytes]],
  created: NOW / 1000 - daysOld * DAY,
});

/** Four unused images of 100..400 bytes, a fifth a container uses; 1500 bytes in all. */
function fixture() {
  const facts = inventory(
    [
      image('a', 40, 100),
      image('b', 30, 200),
      image('c', 20, 300),
      image('d', 10, 400),
      image('u', 50, 500),
    ],
    [{ id: 'c1', name: 'runs-u', image: sha('u'), running: true }],
  );
  // The images row as the live inventory computes it: the size the strategy brings down.
  return withDerivedFigures(facts, NOW, false);
}
const lru = (maxBytes: number) => ({ strategy: 'least-recently-used' as const, maxBytes });

describe('least recently used until under a size', () => {
  it('removes the oldest unused images until the images take at most the size', () => {
    const inv = fixture();
    expect(inv.diskUsage.images.size).toBe(1500);
    // 1500 → at most 1000: a (100) and b (200) leave 1200, c (300) makes 900.
    const plan = planCleanup(inv, lru(1000), NO_PROTECTION, stamp);
    if (plan.images?.kind !== 'prune') throw new Error('expected a prune');
    expect(plan.images.remove.map((i) => i.imageId).sort()).toEqual([sha('a'), sha('b'), sha('c')]);
    expect(plan.bytesFreed).toBe(600);
    expect(plan.images.keep.find((k) => k.imageId === sha('d'))).toMatchObject({
      reason: 'protected',
      protectedBy: { by: 'recently-used', evidence: 'created' },
    });
    expect(plan.images.keep.find((k) => k.imageId === sha('u'))?.reason).toBe('in-use');
    // Every candidate, oldest use first, each with its evidence.
    expect(plan.lastUse.map((use) => [use.imageId, use.evidence])).toEqual([
      [sha('a'), 'created'],
      [sha('b'), 'created'],
      [sha('c'), 'created'],
      [sha('d'), 'created'],
    ]);
  });

  it('a use Reclaim recorded counts over the creation time, and moves the image back', () => {
    const inv = fixture();
    // `a` is the oldest image, but Reclaim saw a container of it yesterday.
    const recordedUse = { [sha('a')]: NOW / 1000 - DAY };
    const plan = planCleanup(inv, lru(1000), NO_PROTECTION, stamp, NO_EXCLUSIONS, {
      networks: [],
      recordedUse,
    });
    if (plan.images?.kind !== 'prune') throw new Error('expected a prune');
    // b (200) and c (300) leave 1000: a stays.
    expect(plan.images.remove.map((i) => i.imageId).sort()).toEqual([sha('b'), sha('c')]);
    expect(plan.lastUse.at(-1)).toEqual({
      imageId: sha('a'),
      at: NOW / 1000 - DAY,
      evidence: 'recorded',
    });
  });

  it('removes nothing when the images already fit, and everything unused when even that is too much', () => {
    const inv = fixture();
    const fits = planCleanup(inv, lru(1500), NO_PROTECTION, stamp);
    expect(fits.images?.kind === 'prune' && fits.images.remove).toEqual([]);
    const all = planCleanup(inv, lru(0), NO_PROTECTION, stamp);
    expect(all.bytesFreed).toBe(1000);
  });

  it('never takes a protected image, and the command names exactly what goes', () => {
    const inv = fixture();
    const plan = planCleanup(inv, lru(1000), { patterns: ['a:*'], label: null }, stamp);
    if (plan.images?.kind !== 'prune') throw new Error('expected a prune');
    // a is protected: b, c and d... b (200) + c (300) leave 1000.
    expect(plan.images.remove.map((i) => i.imageId).sort()).toEqual([sha('b'), sha('c')]);
    expect(plan.images.command).toBe('docker rmi b:1 c:1');
  });
});
