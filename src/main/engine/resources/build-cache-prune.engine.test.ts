/**
 * `docker builder prune` against a private engine that has real BuildKit cache records: the
 * Build Cache row must have something in it, or "frees the cache" would be 0 = 0.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPrivateDocker, type PrivateDocker } from '../../../../test/engine/dockerd';
import {
  buildKitBuild,
  imageId,
  type BuildKitBuild,
} from '../../../../test/engine/fixture-builders';
import { selectedEngine } from '../../../../test/engine/engines';
import { describeEngine } from '../../../../test/engine/gate';
import { assertPrivateEndpoint } from '../../../../test/engine/guard';
import { buildCacheRecords, cliBuildCacheRow } from '../../../../test/engine/measure';
import type { Connection } from '../connect/connection';
import { openConnection } from '../connect/open';
import { readDiskUsage } from '../disk-usage/read-disk-usage';
import { pruneBuildCache } from './remove-resources';

describeEngine('build cache prune against a private Docker engine', () => {
  let engine: PrivateDocker;
  let connection: Connection;
  let built: BuildKitBuild;

  beforeAll(async () => {
    engine = await startPrivateDocker();
    built = await buildKitBuild(engine, 'reclaim-bk/prune:1', 400_000);
    assertPrivateEndpoint(engine.host);
    connection = await openConnection({ host: engine.host });
  });
  afterAll(async () => engine?.stop());

  it('frees exactly the reclaimable cache the engine listed, and the row drops to 0', async () => {
    const before = await buildCacheRecords(engine);
    const rowBefore = cliBuildCacheRow(before);
    // The classic store counts the files' bytes; the containerd store counts the snapshot's
    // disk usage, in 4 KiB blocks with its folders.
    const payload = built.payloadSize + built.dockerfileSize;
    if (selectedEngine().store === 'classic') expect(rowBefore.reclaimable).toBe(payload);
    else expect(rowBefore.reclaimable - payload).toBeGreaterThanOrEqual(0);
    if (selectedEngine().store === 'containerd') {
      expect(rowBefore.reclaimable - payload).toBeLessThan(64 * 1024);
    }
    expect((await readDiskUsage(connection)).buildCache).toEqual(rowBefore);

    const result = await pruneBuildCache(connection);

    const prunable = before.filter((record) => !record.Shared && !record.InUse);
    expect(result.failed).toEqual([]);
    expect([...result.removed].sort()).toEqual(prunable.map((record) => record.ID).sort());
    expect(result.bytesReclaimed).toBe(rowBefore.reclaimable);

    const rowAfter = cliBuildCacheRow(await buildCacheRecords(engine));
    expect(rowAfter).toMatchObject({ size: 0, reclaimable: 0 });
    expect((await readDiskUsage(connection)).buildCache).toEqual(rowAfter);
    // The image the build made is not build cache: builder prune leaves it.
    expect(await imageId(engine, 'reclaim-bk/prune:1')).toBe(built.id);
  });
});
