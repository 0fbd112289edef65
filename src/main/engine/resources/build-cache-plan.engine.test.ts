/**
 * Build cache previews against a private Docker engine with real BuildKit records: each
 * preview must list exactly what the engine's own `docker builder prune` (the plan's own
 * command, run with the docker CLI) removes, and free what the Build Cache row drops; a run
 * of the plan removes exactly the listed records, by ID, and reports one that changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildCachePlan, BuildCachePruneOptions } from '../../../shared/build-cache-plan';
import { planBuildCachePrune } from '../../../shared/core/build-cache/plan-build-cache';
import { startPrivateDocker, type PrivateDocker } from '../../../../test/engine/dockerd';
import { BUILDER_CLI, buildKitBuild, imageId } from '../../../../test/engine/fixture-builders';
import { describeEngine } from '../../../../test/engine/gate';
import { assertPrivateEndpoint } from '../../../../test/engine/guard';
import {
  buildCacheRecords,
  cliBuildCacheRow,
  type EngineBuildCacheRecord,
} from '../../../../test/engine/measure';
import type { Connection } from '../connect/connection';
import { openConnection } from '../connect/open';
import { readDiskUsage } from '../disk-usage/read-disk-usage';
import { readBuildCache, runBuildCachePlan } from './run-build-cache-plan';

describeEngine('build cache plans against a private Docker engine', () => {
  let engine: PrivateDocker;
  let connection: Connection;
  let builds = 0;

  beforeAll(async () => {
    engine = await startPrivateDocker();
    assertPrivateEndpoint(engine.host);
    connection = await openConnection({ host: engine.host });
  });
  afterAll(async () => engine?.stop());

  const preview = async (options: BuildCachePruneOptions): Promise<BuildCachePlan> =>
    planBuildCachePrune(
      { engine: connection.engine, buildCache: await readBuildCache(connection) },
      options,
      { id: `bc-${++builds}`, createdAt: Date.now() },
    );

  /**
   * Two builds: one kept as an image (its COPY result is shared with it), and one whose
   * image is removed, which leaves a chain of two unshared COPY records, child on parent.
   */
  async function fixture(): Promise<{ kept: string }> {
    const tag = `reclaim-bc/kept:${++builds}`;
    await buildKitBuild(engine, tag, 300_000);
    const gone = `reclaim-bc/gone:${builds}`;
    await buildKitBuild(engine, gone, [200_000, 100_000]);
    await engine.dockerOk(['rmi', gone]);
    return { kept: tag };
  }

  /** What the engine's own prune removes: the plan's own command, through the docker CLI. */
  async function enginePrune(command: string): Promise<string[]> {
    const args = command.split(' ');
    expect(args.slice(0, 3)).toEqual(['docker', 'builder', 'prune']);
    const out = await engine.dockerOk(args.slice(1), { cli: BUILDER_CLI });
    const lines = out.split('\n').map((line) => line.trim());
    const start = lines.indexOf('Deleted build cache objects:');
    if (start < 0) return [];
    const ids: string[] = [];
    for (const line of lines.slice(start + 1)) {
      if (line === '') break;
      ids.push(line);
    }
    return ids;
  }

  async function cleanSlate(): Promise<void> {
    await engine.dockerOk(['builder', 'prune', '-a', '-f'], { cli: BUILDER_CLI });
  }

  const sorted = (ids: string[]): string[] => [...ids].sort();
  const idsOf = (records: { id: string }[]): string[] => records.map((record) => record.id);

  describe.each([
    { name: 'docker builder prune', options: { all: false } },
    { name: 'docker builder prune -a', options: { all: true } },
  ])('$name', ({ options }) => {
    it('previews exactly what the engine prunes, and the bytes the Build Cache row drops', async () => {
      await cleanSlate();
      await fixture();
      const before = await buildCacheRecords(engine);
      const plan = await preview(options);
      expect(plan.remove.length).toBeGreaterThan(0);
      // What the row counts is what the Reclaim row reads.
      expect((await readDiskUsage(connection)).buildCache).toEqual(cliBuildCacheRow(before));

      const removed = await enginePrune(plan.command);

      expect(sorted(idsOf(plan.remove))).toEqual(sorted(removed));
      const after = await buildCacheRecords(engine);
      expect(sorted(after.map((record) => record.ID))).toEqual(sorted(idsOf(plan.keep)));
      expect(cliBuildCacheRow(before).size - cliBuildCacheRow(after).size).toBe(plan.bytesFreed);
      if (!options.all) {
        // The chain of the removed image goes, child first; the kept image's COPY stays.
        expect(plan.keep.map((record) => record.reason)).toContain('shared');
      } else {
        expect(plan.keep).toEqual([]);
      }
    });
  });

  it('until keeps the records used within it, as the engine does', async () => {
    await cleanSlate();
    await fixture();
    const older = new Set((await buildCacheRecords(engine)).map((record) => record.ID));
    // The engine compares each record's last use with its own clock: five seconds apart,
    // an `until` in the middle leaves 2.5 s either side for the time the test itself takes.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    await fixture();
    const records = await buildCacheRecords(engine);
    const newestOld = Math.max(...records.filter((r) => older.has(r.ID)).map(lastUsedMs));
    const oldestNew = Math.min(...records.filter((r) => !older.has(r.ID)).map(lastUsedMs));
    expect(oldestNew - newestOld).toBeGreaterThan(4_000);
    const middle = Date.now() - (newestOld + oldestNew) / 2;
    const plan = await preview({ all: false, until: `${Math.round(middle)}ms` });
    expect(plan.keep.map((record) => record.reason)).toContain('too-new');
    expect(plan.remove.every((record) => older.has(record.id))).toBe(true);

    const removed = await enginePrune(plan.command);

    expect(sorted(idsOf(plan.remove))).toEqual(sorted(removed));
  });

  it('a run removes exactly the listed records, by ID, and reports one another client removed', async () => {
    await cleanSlate();
    const { kept } = await fixture();
    const plan = await preview({ all: false });
    expect(plan.remove.length).toBeGreaterThanOrEqual(3);
    const before = await buildCacheRecords(engine);
    // Another client removes one listed record between the preview and the run: a build
    // context's, which nothing is built on (a parent would be refused while its child is).
    const taken = plan.remove.find((record) => record.type === 'source.local')?.id ?? '';
    expect(taken).not.toBe('');
    await engine.dockerOk(['builder', 'prune', '-f', '--filter', `id=${taken}`], {
      cli: BUILDER_CLI,
    });
    const takenBytes = before.find((record) => record.ID === taken)?.Size ?? 0;

    const result = await runBuildCachePlan(connection, plan, {
      reread: () => readBuildCache(connection),
    });

    expect(result.cancelled).toBe(false);
    expect(result.results.find((r) => r.id === taken)).toMatchObject({
      status: 'skipped-changed',
      change: 'gone',
    });
    const done = result.results.filter((r) => r.status === 'done').map((r) => r.id);
    expect(sorted(done)).toEqual(sorted(idsOf(plan.remove).filter((id) => id !== taken)));
    const after = await buildCacheRecords(engine);
    // Nothing outside the plan went: every record kept by the preview is still there.
    expect(sorted(after.map((record) => record.ID))).toEqual(sorted(idsOf(plan.keep)));
    const drop = cliBuildCacheRow(before).size - cliBuildCacheRow(after).size;
    expect(result.bytesReclaimed).toBe(drop - takenBytes);
    expect(result.bytesReclaimed).toBe(plan.bytesFreed - takenBytes);
    // The kept image is not build cache: builder prune leaves it.
    expect(await imageId(engine, kept)).toMatch(/^sha256:/);
  });

  it('a run stops between records when cancelled, and removes nothing after', async () => {
    await cleanSlate();
    await fixture();
    const plan = await preview({ all: true });
    const controller = new AbortController();
    controller.abort();
    const result = await runBuildCachePlan(connection, plan, {
      reread: () => readBuildCache(connection),
      signal: controller.signal,
    });
    expect(result.cancelled).toBe(true);
    expect(result.results.every((r) => r.status === 'cancelled')).toBe(true);
    expect((await buildCacheRecords(engine)).length).toBe(plan.remove.length + plan.keep.length);
  });
});

function lastUsedMs(record: EngineBuildCacheRecord): number {
  return record.LastUsedAt ? Date.parse(record.LastUsedAt) : 0;
}
