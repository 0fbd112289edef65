import { describe, expect, it } from 'vitest';
import { DEFAULT_CLEANUP_PARAMETERS, everythingUnused } from '../../cleanup';
import type { BuildCacheInfo } from '../../model';
import { inventory, sha, type ImageSpec } from '../../testing/inventory-builders';
import { estimateCleanups, planCleanup } from './cleanup-plan';
import { protectionOf } from '../filters/protection';
import { selectBeyondNewest } from './keep-newest';

const NOW = 1_700_000_000_000;
const HOUR = 3600;
const NO_PROTECTION = { patterns: [], label: null };

let stamps = 0;
const stamp = () => ({ id: `s${++stamps}`, createdAt: NOW });

const image = (id: string, hoursOld: number, tags: string[], bytes = 1000): ImageSpec => ({
  id: sha(id),
  tags,
  layers: [[`sha256:layer-${id}`, bytes]],
  created: NOW / 1000 - hoursOld * HOUR,
});

const cache = (
  id: string,
  size: number,
  overrides: Partial<BuildCacheInfo> = {},
): BuildCacheInfo => ({
  id,
  type: 'regular',
  description: id,
  size,
  inUse: false,
  shared: false,
  lastUsed: NOW / 1000 - 10 * HOUR,
  parents: [],
  ...overrides,
});

/** app:1..3 (oldest first), a dangling image, one a stopped container uses, and cache. */
function fixture() {
  const inv = inventory(
    [
      image('a1', 300, ['app:1'], 100),
      image('a2', 200, ['app:2'], 200),
      image('a3', 100, ['app:3', 'app:latest'], 300),
      image('b1', 50, ['tool:1'], 400),
      image('d1', 500, [], 50),
      image('d2', 500, [], 70),
      image('u1', 400, ['used:1'], 800),
    ],
    [
      { id: 'c1', name: 'keeps-d2', image: sha('d2'), running: false },
      { id: 'c2', name: 'keeps-u1', image: sha('u1'), running: false },
    ],
  );
  return { ...inv, buildCache: [cache('k1', 5000), cache('k2', 9000, { inUse: true })] };
}

describe('selectBeyondNewest', () => {
  it('keeps the newest N images of each repository and removes the older tags', () => {
    const selection = selectBeyondNewest(fixture(), 1, NO_PROTECTION);
    expect(selection.references).toEqual(['app:1', 'app:2']);
    expect(selectBeyondNewest(fixture(), 2, NO_PROTECTION).references).toEqual(['app:1']);
    expect(selectBeyondNewest(fixture(), 3, NO_PROTECTION).references).toEqual([]);
  });

  it('ranks an image with two tags of one repository once', () => {
    // app:3 and app:latest are one image: keeping 2 keeps app:3/app:latest and app:2.
    expect(selectBeyondNewest(fixture(), 2, NO_PROTECTION).references).not.toContain('app:latest');
  });

  it('never selects a protected image, and says which it kept', () => {
    const selection = selectBeyondNewest(fixture(), 1, { patterns: ['app:1'], label: null });
    expect(selection.references).toEqual(['app:2']);
    expect(selection.keptProtected).toMatchObject([
      { imageId: sha('a1'), name: 'app:1', protectedBy: { by: 'pattern', pattern: 'app:1' } },
    ]);
  });
});

describe('planCleanup and estimateCleanups', () => {
  it('Safe: dangling images no container uses, and build cache not in use', () => {
    const plan = planCleanup(fixture(), { strategy: 'safe' }, NO_PROTECTION, stamp);
    expect(plan.images?.kind).toBe('prune');
    expect(plan.images?.kind === 'prune' && plan.images.remove.map((i) => i.imageId)).toEqual([
      sha('d1'),
    ]);
    expect(plan.buildCache?.remove.map((r) => r.id)).toEqual(['k1']);
    expect(plan.bytesFreed).toBe(50 + 5000);
  });

  it('every estimate equals the bytes of the plan its strategy makes, from one snapshot', () => {
    const inv = fixture();
    const estimates = estimateCleanups(inv, DEFAULT_CLEANUP_PARAMETERS, NO_PROTECTION, NOW);
    expect(estimates.map((e) => e.choice.strategy)).toEqual([
      'safe',
      'unused-images',
      'older-than',
      'keep-newest',
      'build-cache',
      'least-recently-used',
      'everything-unused',
      'custom',
    ]);
    for (const estimate of estimates) {
      const plan = planCleanup(inv, estimate.choice, NO_PROTECTION, stamp);
      expect(estimate.bytesFreed, estimate.choice.strategy).toBe(plan.bytesFreed);
    }
    const by = Object.fromEntries(estimates.map((e) => [e.choice.strategy, e]));
    // Safe: d1 goes; d2 is dangling but a container uses it.
    expect(by.safe).toMatchObject({ images: 1, cacheRecords: 1, danglingInUse: 1 });
    // -a: every image no container uses (d2 and used:1 stay).
    expect(by['unused-images']).toMatchObject({
      images: 5,
      bytesFreed: 100 + 200 + 300 + 400 + 50,
    });
    // until=72h: tool:1 (50 h old) is too new.
    expect(by['older-than']).toMatchObject({ images: 4, bytesFreed: 100 + 200 + 300 + 50 });
    // Keep 2 per repository: only app:1 goes.
    expect(by['keep-newest']).toMatchObject({ images: 1, bytesFreed: 100, cacheRecords: 0 });
    expect(by['build-cache']).toMatchObject({ images: 0, cacheRecords: 1, bytesFreed: 5000 });
  });

  it('keep-newest with nothing beyond N plans no images part', () => {
    const plan = planCleanup(fixture(), { strategy: 'keep-newest', keep: 5 }, NO_PROTECTION, stamp);
    expect(plan.images).toBeNull();
    expect(plan.bytesFreed).toBe(0);
  });

  it('keep-newest plans the explicit docker rmi list, and an image in use is blocked, not forced', () => {
    const inv = inventory(
      [image('n1', 30, ['svc:1']), image('n2', 20, ['svc:2']), image('n3', 10, ['svc:3'])],
      [{ id: 'c9', name: 'old-svc', image: sha('n1'), running: true }],
    );
    const plan = planCleanup(inv, { strategy: 'keep-newest', keep: 1 }, NO_PROTECTION, stamp);
    expect(plan.images?.kind).toBe('removal');
    if (plan.images?.kind !== 'removal') return;
    expect(plan.images.command).toBe('docker rmi svc:1 svc:2');
    expect(plan.images.targets.map((t) => [t.input, t.outcome])).toEqual([
      ['svc:1', 'blocked-by-running-container'],
      ['svc:2', 'deleted'],
    ]);
    expect(plan.bytesFreed).toBe(1000);
  });

  it('an unticked image stays as the review protects it; the bytes and the command follow', () => {
    // Two unused images on one shared base layer: the base goes only when both go.
    const inv = inventory([
      {
        id: sha('x1'),
        tags: ['x:1'],
        layers: [
          ['sha256:base', 5000],
          ['sha256:x1', 100],
        ],
      },
      {
        id: sha('x2'),
        tags: ['y:1'],
        layers: [
          ['sha256:base', 5000],
          ['sha256:x2', 200],
        ],
      },
    ]);
    const all = planCleanup(inv, { strategy: 'unused-images' }, NO_PROTECTION, stamp);
    expect(all.bytesFreed).toBe(5000 + 100 + 200);
    const exclude = { images: [sha('x2')], cacheRecords: [], resources: [] };
    const one = planCleanup(inv, { strategy: 'unused-images' }, NO_PROTECTION, stamp, exclude);
    expect(one.exclude).toEqual(exclude);
    expect(one.bytesFreed).toBe(100);
    if (one.images?.kind !== 'prune') throw new Error('expected a prune');
    expect(one.images.remove.map((i) => i.imageId)).toEqual([sha('x1')]);
    expect(one.images.keep).toMatchObject([
      { imageId: sha('x2'), reason: 'protected', protectedBy: { by: 'review' } },
    ]);
    // docker image prune -a would take y:1 too: the command is the explicit list.
    expect(one.images.command).toBe('docker rmi x:1');
  });

  it('an unticked tag in keep-newest is kept, named, and out of the docker rmi list', () => {
    const exclude = { images: [sha('a1')], cacheRecords: [], resources: [] };
    const plan = planCleanup(
      fixture(),
      { strategy: 'keep-newest', keep: 1 },
      NO_PROTECTION,
      stamp,
      exclude,
    );
    expect(plan.images?.kind === 'removal' && plan.images.command).toBe('docker rmi app:2');
    expect(plan.keptProtected).toEqual([
      { imageId: sha('a1'), name: 'app:1', protectedBy: { by: 'review' } },
    ]);
    expect(plan.bytesFreed).toBe(200);
  });

  it('Safe with a cache record unticked keeps it and frees only the images part', () => {
    const exclude = { images: [], cacheRecords: ['k1'], resources: [] };
    const plan = planCleanup(fixture(), { strategy: 'safe' }, NO_PROTECTION, stamp, exclude);
    expect(plan.buildCache?.remove).toEqual([]);
    expect(plan.bytesFreed).toBe(50);
  });

  it('everything unused: stopped containers go first, then the images they used and all cache', () => {
    const inv = fixture();
    const plan = planCleanup(
      inv,
      { strategy: 'everything-unused', volumes: [] },
      NO_PROTECTION,
      stamp,
    );
    expect(plan.resources?.remove.map((item) => item.name)).toEqual(['keeps-d2', 'keeps-u1']);
    if (plan.images?.kind !== 'prune') throw new Error('expected a prune');
    // d2 and used:1 are free once their stopped containers are gone, as system prune -a sees.
    expect(plan.images.remove.map((i) => i.imageId).sort()).toEqual(
      [sha('a1'), sha('a2'), sha('a3'), sha('b1'), sha('d1'), sha('d2'), sha('u1')].sort(),
    );
    expect(plan.buildCache?.options).toEqual({ all: true });
    expect(plan.bytesFreed).toBe(
      (plan.resources?.bytesFreed ?? 0) +
        plan.images.bytesFreed +
        (plan.buildCache?.bytesFreed ?? 0),
    );
    // Unticking a container keeps it, and so the image it uses.
    const kept = planCleanup(
      inv,
      { strategy: 'everything-unused', volumes: [] },
      NO_PROTECTION,
      stamp,
      { images: [], cacheRecords: [], resources: [inv.containers[1]!.id] },
    );
    if (kept.images?.kind !== 'prune') throw new Error('expected a prune');
    expect(kept.images.keep).toContainEqual(
      expect.objectContaining({ imageId: sha('u1'), reason: 'in-use' }),
    );
    const estimate = estimateCleanups(inv, DEFAULT_CLEANUP_PARAMETERS, NO_PROTECTION, NOW).find(
      (e) => e.choice.strategy === 'everything-unused',
    );
    expect(estimate).toMatchObject({ bytesFreed: plan.bytesFreed, containers: 2, images: 7 });
  });

  it('custom: any mix of kinds; everything unused is the mix with everything', () => {
    const inv = fixture();
    const mix = {
      images: 'dangling' as const,
      imagesOlderThanHours: null,
      containers: true,
      networks: false,
      volumes: [],
      buildCache: 'none' as const,
      cacheOlderThanHours: null,
      cacheKeepBytes: null,
    };
    const plan = planCleanup(inv, { strategy: 'custom', ...mix }, NO_PROTECTION, stamp);
    expect(plan.buildCache).toBeNull();
    expect(plan.resources?.remove.map((item) => item.name)).toEqual(['keeps-d2', 'keeps-u1']);
    if (plan.images?.kind !== 'prune') throw new Error('expected a prune');
    // With its stopped container gone, d2 dangles unused: the dangling prune takes it too.
    expect(plan.images.remove.map((i) => i.imageId).sort()).toEqual([sha('d1'), sha('d2')].sort());
    const onlyImages = planCleanup(
      inv,
      { strategy: 'custom', ...mix, containers: false, imagesOlderThanHours: 450 },
      NO_PROTECTION,
      stamp,
    );
    expect(onlyImages.resources).toBeNull();
    expect(
      onlyImages.images?.kind === 'prune' && onlyImages.images.remove.map((i) => i.imageId),
    ).toEqual([sha('d1')]);
    const everything = planCleanup(
      inv,
      { strategy: 'everything-unused', volumes: [] },
      NO_PROTECTION,
      stamp,
    );
    const asMix = planCleanup(
      inv,
      { strategy: 'custom', ...everythingUnused([]) },
      NO_PROTECTION,
      stamp,
    );
    expect(asMix.bytesFreed).toBe(everything.bytesFreed);
    expect(asMix.images?.command).toBe(everything.images?.command);
  });

  it('build-cache with an age passes it as until', () => {
    const plan = planCleanup(
      fixture(),
      { strategy: 'build-cache', olderThanHours: 24, keepBytes: null },
      NO_PROTECTION,
      stamp,
    );
    expect(plan.buildCache?.command).toBe('docker builder prune -f --filter until=24h');
    expect(plan.buildCache?.keep.map((r) => [r.id, r.reason])).toEqual([
      ['k1', 'too-new'],
      ['k2', 'in-use'],
    ]);
  });

  it('the setting "keep the newest N per repository" holds in every strategy', () => {
    const inv = fixture();
    const settings = { protectedPatterns: [], protectedLabel: null, protectedNewest: 1 };
    const protection = protectionOf(settings, inv.images);
    const plan = planCleanup(inv, { strategy: 'unused-images' }, protection, stamp);
    if (plan.images?.kind !== 'prune') throw new Error('expected a prune');
    // app:3 and tool:1 are the newest of their repositories; used:1 is in use anyway.
    expect(plan.images.remove.map((i) => i.imageId).sort()).toEqual(
      [sha('a1'), sha('a2'), sha('d1')].sort(),
    );
    expect(plan.images.keep.find((k) => k.imageId === sha('a3'))).toMatchObject({
      reason: 'protected',
      protectedBy: { by: 'newest', keep: 1 },
    });
    const older = planCleanup(inv, { strategy: 'older-than', hours: 1 }, protection, stamp);
    expect(
      older.images?.kind === 'prune' && older.images.remove.map((i) => i.imageId),
    ).not.toContain(sha('b1'));
    // Off (0) protects nothing by age.
    expect(protectionOf({ ...settings, protectedNewest: 0 }, inv.images).newest).toBeUndefined();
  });
});
