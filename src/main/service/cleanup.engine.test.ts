/**
 * The guided cleanup through the service, on a private engine: each strategy's estimate is
 * the bytes of the plan it makes; the Safe plan selects what the engine itself lists as
 * dangling and unused, and the build cache no build holds and no image shares; running the
 * parts removes exactly what they listed and frees what they said. Keep-newest leaves the
 * newest tag of each repository. What the user unticks in the review stays, and only it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { DEFAULT_CLEANUP_PARAMETERS, NO_EXCLUSIONS } from '../../shared/cleanup';
import { startPrivateDocker, type PrivateDocker } from '../../../test/engine/dockerd';
import { expectMeasuredDrop } from '../../../test/engine/expect-drop';
import { restoreCommands } from '../../shared/format/restore-commands';
import { startRegistry } from '../../../test/engine/registry';
import {
  addContainer,
  addImage,
  addNamedImages,
  buildKitBuild,
  imageId,
  pushAndPullBack,
  randomLayer,
  runnableImageSpec,
} from '../../../test/engine/fixture-builders';
import { describeEngine } from '../../../test/engine/gate';
import { assertPrivateEndpoint } from '../../../test/engine/guard';
import {
  buildCacheRecords,
  cliBuildCacheRow,
  imageBytesOnDisk,
} from '../../../test/engine/measure';
import { SettingsStore } from '../settings/settings-store';
import { HistoryStore } from '../history/history-store';
import { createReclaimService } from './create-service';
import { realEnginePort } from './engine-wiring';
import type { ReclaimService } from './reclaim-service';

const REPO = 'reclaim-cl';
const DAY_MS = 86_400_000;

describeEngine('the guided cleanup through the service', () => {
  let engine: PrivateDocker;
  let dir: string;
  let service: ReclaimService;

  beforeAll(async () => {
    engine = await startPrivateDocker();
    assertPrivateEndpoint(engine.host);
    const at = (daysAgo: number): Date => new Date(Date.now() - daysAgo * DAY_MS);
    await addNamedImages(engine, {
      app1: { tags: [`${REPO}/app:1`], layers: [randomLayer({ a: 300_000 })], created: at(9) },
      app2: { tags: [`${REPO}/app:2`], layers: [randomLayer({ b: 200_000 })], created: at(6) },
      app3: { tags: [`${REPO}/app:3`], layers: [randomLayer({ c: 100_000 })], created: at(3) },
      old: { tags: [`${REPO}/old:1`], layers: [randomLayer({ d: 150_000 })], created: at(20) },
      newer: { tags: [`${REPO}/old:next`], layers: [randomLayer({ e: 120_000 })], created: at(1) },
      used: runnableImageSpec([`${REPO}/used:1`], { created: at(30) }),
    });
    // Two dangling images, as `docker build -t` leaves them when it moves a tag: `old`, and
    // `used`, which a stopped container still uses.
    await engine.dockerOk(['tag', `${REPO}/old:next`, `${REPO}/old:1`]);
    await engine.dockerOk(['rmi', `${REPO}/old:next`]);
    await addContainer(engine, `${REPO}/used:1`, { name: 'reclaim-cl-stopped', running: false });
    await engine.dockerOk(['tag', `${REPO}/old:1`, `${REPO}/used:1`]);
    // Build cache no image shares: the image of the build is removed, its records stay.
    await buildKitBuild(engine, `${REPO}/built:1`, [60_000, 40_000]);
    await engine.dockerOk(['rmi', `${REPO}/built:1`]);

    dir = await mkdtemp(path.join(tmpdir(), 'reclaim-cleanup-'));
    service = createReclaimService({
      settings: await SettingsStore.open(dir),
      history: await HistoryStore.open(dir),
      openExternal: () => undefined,
      engine: realEnginePort,
    });
    expect((await service.start({ host: engine.host })).state).toBe('connected');
  });
  afterAll(async () => {
    service?.close();
    await engine?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const lines = (out: string): string[] => out.split('\n').filter((line) => line.trim() !== '');

  it('Safe: its estimate, its plan and its run agree, and match what the engine lists', async () => {
    const estimates = await service.estimateCleanups({ ...DEFAULT_CLEANUP_PARAMETERS });
    const safe = estimates.find((estimate) => estimate.choice.strategy === 'safe');
    const plan = await service.planCleanup({ strategy: 'safe' }, NO_EXCLUSIONS);
    expect(safe?.bytesFreed).toBe(plan.bytesFreed);
    expect(plan.images?.kind).toBe('prune');
    if (plan.images?.kind !== 'prune' || !plan.buildCache) throw new Error('no Safe parts');

    // What the engine lists: dangling images, less those a container uses.
    const dangling = lines(
      await engine.dockerOk(['images', '-q', '--no-trunc', '-f', 'dangling=true']),
    );
    const usedImage = (
      await engine.dockerOk(['inspect', '-f', '{{.Image}}', 'reclaim-cl-stopped'])
    ).trim();
    const expected = dangling.filter((id) => id !== usedImage);
    expect(expected.length).toBeGreaterThan(0);
    expect(plan.images.remove.map((image) => image.imageId).sort()).toEqual([...expected].sort());
    expect(safe).toMatchObject({ images: expected.length, danglingInUse: 1 });
    const records = await buildCacheRecords(engine);
    const freeRecords = records.filter((record) => !record.InUse && !record.Shared);
    expect(plan.buildCache.remove.map((record) => record.id).sort()).toEqual(
      freeRecords.map((record) => record.ID).sort(),
    );
    expect(safe?.cacheRecords).toBe(freeRecords.length);

    const imageBytes = await imageBytesOnDisk(engine);
    const imagesRun = await service.runPlan(plan.images.id);
    // Measured before the cache goes: Docker 26.1's figure counts BuildKit's snapshots too.
    const imageDrop = imageBytes - (await imageBytesOnDisk(engine));
    const cacheRun = await service.runBuildCachePlan(plan.buildCache.id);

    expect(imagesRun.results.filter((result) => result.status !== 'done')).toEqual([]);
    expect(cacheRun.results.filter((result) => result.status !== 'done')).toEqual([]);
    const left = lines(
      await engine.dockerOk(['images', '-q', '--no-trunc', '-f', 'dangling=true']),
    );
    expect(left).toEqual([usedImage]);
    expectMeasuredDrop(imageDrop, plan.images.bytesFreed);
    const rowAfter = cliBuildCacheRow(await buildCacheRecords(engine));
    expect(cliBuildCacheRow(records).size - rowAfter.size).toBe(plan.buildCache.bytesFreed);
    expect(cacheRun.bytesReclaimed).toBe(plan.buildCache.bytesFreed);
  });

  it('keep-newest 1: only the newest tag of each repository stays', async () => {
    const estimates = await service.estimateCleanups({
      ...DEFAULT_CLEANUP_PARAMETERS,
      keepNewest: 1,
    });
    const estimate = estimates.find((e) => e.choice.strategy === 'keep-newest');
    const plan = await service.planCleanup({ strategy: 'keep-newest', keep: 1 }, NO_EXCLUSIONS);
    expect(estimate?.bytesFreed).toBe(plan.bytesFreed);
    if (plan.images?.kind !== 'removal') throw new Error('keep-newest plans a removal');
    expect(plan.images.command).toBe(`docker rmi ${REPO}/app:1 ${REPO}/app:2`);
    const before = await imageBytesOnDisk(engine);

    const result = await service.runPlan(plan.images.id);

    expect(result.results.map((r) => r.status)).toEqual(['done', 'done']);
    const appTags = lines(
      await engine.dockerOk(['images', '--format', '{{.Repository}}:{{.Tag}}', `${REPO}/app`]),
    );
    expect(appTags).toEqual([`${REPO}/app:3`]);
    expectMeasuredDrop(before - (await imageBytesOnDisk(engine)), plan.images.bytesFreed);
  });

  it('with "keep the newest 1 per repository" set, no strategy plans the newest of a repository', async () => {
    await service.updateSettings({ protectedNewest: 1 });
    try {
      const newest = lines(
        await engine.dockerOk(['images', '--format', '{{.ID}}', `${REPO}/app:3`]),
      );
      expect(newest).toHaveLength(1);
      const appId = await imageId(engine, `${REPO}/app:3`);
      for (const choice of [
        { strategy: 'unused-images' as const },
        { strategy: 'older-than' as const, hours: 1 },
      ]) {
        const plan = await service.planCleanup(choice, NO_EXCLUSIONS);
        if (plan.images?.kind !== 'prune') throw new Error('a prune');
        expect(plan.images.remove.map((image) => image.imageId)).not.toContain(appId);
        expect(plan.images.keep.find((kept) => kept.imageId === appId)?.protectedBy).toEqual({
          by: 'newest',
          keep: 1,
        });
      }
    } finally {
      await service.updateSettings({ protectedNewest: 0 });
    }
  });

  it('unticked in the review: the run leaves exactly that image and that cache record', async () => {
    // Two unused images on one base layer: with one unticked, the base stays with it.
    const base = randomLayer({ 'base.bin': 400_000 });
    await addNamedImages(engine, {
      gone: { tags: [`${REPO}/tick:gone`], layers: [base, randomLayer({ g: 50_000 })] },
      keep: { tags: [`${REPO}/tick:keep`], layers: [base, randomLayer({ k: 70_000 })] },
    });
    const keepId = await imageId(engine, `${REPO}/tick:keep`);
    // The service follows the engine by its events: wait until it has seen the new images.
    await vi.waitFor(
      async () =>
        expect((await service.getInventory()).images.map((image) => image.id)).toContain(keepId),
      { timeout: 10_000 },
    );
    const exclude = { images: [keepId], cacheRecords: [], resources: [] };
    const plan = await service.planCleanup({ strategy: 'unused-images' }, exclude);
    if (plan.images?.kind !== 'prune') throw new Error('unused-images plans a prune');
    const goes = plan.images.remove.map((image) => image.imageId);
    expect(goes).not.toContain(keepId);
    expect(plan.images.keep.find((kept) => kept.imageId === keepId)?.protectedBy).toEqual({
      by: 'review',
    });
    // `docker image prune -a` would take the unticked image: the command lists the rest.
    expect(plan.images.command).toMatch(/^docker rmi /);
    expect(plan.images.command).not.toContain('tick:keep');
    const before = await imageBytesOnDisk(engine);

    const result = await service.runPlan(plan.images.id);

    expect(result.results.filter((r) => r.status !== 'done')).toEqual([]);
    const bare = (id: string): string => id.replace(/^sha256:/, '');
    const left = lines(await engine.dockerOk(['images', '-a', '-q', '--no-trunc'])).map(bare);
    expect(left).toContain(bare(keepId));
    for (const id of goes) expect(left).not.toContain(bare(id));
    expectMeasuredDrop(before - (await imageBytesOnDisk(engine)), plan.images.bytesFreed);

    // Build cache: of a fresh build's free records, the first unticked stays.
    await buildKitBuild(engine, `${REPO}/built:2`, [30_000, 20_000]);
    await engine.dockerOk(['rmi', `${REPO}/built:2`]);
    const free = (await buildCacheRecords(engine)).filter((r) => !r.InUse && !r.Shared);
    const all = await service.planCleanup(
      { strategy: 'build-cache', olderThanHours: null, keepBytes: null },
      NO_EXCLUSIONS,
    );
    // The build context's record: no record is built on it, so unticking it keeps it alone.
    // (A COPY step's record has parents, which Docker 26 and later do not list: unticking
    // one there leaves its parents to the engine, and the run reports them kept.)
    const unticked = all.buildCache?.remove.find((record) => record.type === 'source.local');
    if (!unticked) throw new Error('the fresh build left no free cache record');
    const cachePlan = await service.planCleanup(
      { strategy: 'build-cache', olderThanHours: null, keepBytes: null },
      { images: [], cacheRecords: [unticked.id], resources: [] },
    );
    if (!cachePlan.buildCache) throw new Error('build-cache plans its part');
    expect(cachePlan.buildCache.remove.map((r) => r.id)).not.toContain(unticked.id);
    expect(cachePlan.bytesFreed).toBe(all.bytesFreed - unticked.size);

    const cacheRun = await service.runBuildCachePlan(cachePlan.buildCache.id);

    expect(cacheRun.results.filter((r) => r.status !== 'done')).toEqual([]);
    const after = (await buildCacheRecords(engine)).map((r) => r.ID);
    expect(after).toContain(unticked.id);
    for (const record of cachePlan.buildCache.remove) expect(after).not.toContain(record.id);
    expect(free.length).toBeGreaterThan(1);
  });

  it('build cache kept to a size: the least recently used go first, and the run removes exactly those', async () => {
    await buildKitBuild(engine, `${REPO}/lru:old`, [70_000]);
    await engine.dockerOk(['rmi', `${REPO}/lru:old`]);
    // BuildKit records use times in seconds: the second build is unmistakably the newer.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await buildKitBuild(engine, `${REPO}/lru:new`, [50_000]);
    await engine.dockerOk(['rmi', `${REPO}/lru:new`]);
    const before = await buildCacheRecords(engine);
    const row = cliBuildCacheRow(before).size;
    const keepBytes = row - 60_000;
    const plan = await service.planCleanup(
      { strategy: 'build-cache', olderThanHours: null, keepBytes },
      NO_EXCLUSIONS,
    );
    const cache = plan.buildCache;
    if (!cache) throw new Error('build-cache plans its part');
    expect(cache.remove.length).toBeGreaterThan(0);
    // Everything kept for the size was used no earlier than anything that goes, unless it
    // frees nothing (empty, or shared with an image) or is the parent of a record that goes
    // (a parent can go only after its children).
    const lastUsed = (record: { lastUsed: number | null }) => record.lastUsed ?? -Infinity;
    const newestGoing = Math.max(...cache.remove.map(lastUsed));
    const parentsOf = (id: string): string[] => {
      const record = before.find((candidate) => candidate.ID === id);
      return record?.Parents ?? (record?.Parent ? [record.Parent] : []);
    };
    const parentOfGoing = (id: string) =>
      cache.remove.some((record) => parentsOf(record.id).includes(id));
    for (const kept of cache.keep.filter((record) => record.reason === 'within-size')) {
      const freesNothing = kept.shared || kept.size <= 0;
      expect(lastUsed(kept) >= newestGoing || freesNothing || parentOfGoing(kept.id), kept.id).toBe(
        true,
      );
    }
    expect(cache.command).toMatch(/^for id in /);

    const run = await service.runBuildCachePlan(cache.id);
    const done = run.results.filter((result) => result.status === 'done').map((r) => r.id);
    // What did not go, the engine kept (a parent Docker 26+ does not name): nothing failed.
    expect(run.results.filter((r) => r.status !== 'done' && r.change !== 'engine-kept')).toEqual(
      [],
    );
    const after = await buildCacheRecords(engine);
    expect(after.map((record) => record.ID).sort()).toEqual(
      before
        .map((record) => record.ID)
        .filter((id) => !done.includes(id))
        .sort(),
    );
    expect(row - cliBuildCacheRow(after).size).toBe(run.bytesReclaimed);
  });

  it("the summary's docker pull by digest brings a removed image back, the same image", async () => {
    const registry = await startRegistry();
    try {
      const built = await addImage(engine, {
        tags: [`${REPO}/pull:1`],
        layers: [randomLayer({ p: 90_000 })],
      });
      const pulled = await pushAndPullBack(engine, built, registry.host, `${REPO}/pull:1`);
      const id = await imageId(engine, pulled.reference);
      await vi.waitFor(
        async () =>
          expect((await service.getInventory()).images.map((image) => image.id)).toContain(id),
        { timeout: 10_000 },
      );
      // Every other unused image unticked: the cleanup removes the pulled image alone.
      const everything = await service.planCleanup({ strategy: 'unused-images' }, NO_EXCLUSIONS);
      if (everything.images?.kind !== 'prune') throw new Error('unused-images plans a prune');
      const others = everything.images.remove.map((image) => image.imageId).filter((i) => i !== id);
      const plan = await service.planCleanup(
        { strategy: 'unused-images' },
        { images: others, cacheRecords: [], resources: [] },
      );
      if (plan.images?.kind !== 'prune') throw new Error('unused-images plans a prune');
      expect(plan.images.remove.map((image) => image.imageId)).toEqual([id]);

      const result = await service.runPlan(plan.images.id);

      expect(result.results.map((r) => r.status)).toEqual(['done']);
      const digests = new Map(
        plan.images.remove.map((image) => [image.imageId, image.repoDigests]),
      );
      const commands = restoreCommands(result, plan.images.engine.cli, digests);
      expect(commands).toEqual([`docker pull ${pulled.digestReference}`]);
      await engine.dockerOk(['pull', pulled.digestReference]);
      expect(await imageId(engine, pulled.digestReference)).toBe(id);
    } finally {
      await registry.stop();
    }
  });
});
