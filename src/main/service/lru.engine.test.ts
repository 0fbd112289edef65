/**
 * Least recently used until under a size, through the service on a private engine: the
 * oldest unused images go first until the images row is at most the size; an image whose
 * container Reclaim saw running counts as used then (the engine forgets it once the
 * container is gone), and the review says which evidence each image has. The run removes
 * exactly the plan's images and frees what it said.
 */
import { startPrivateService, type PrivateService } from './private-service.fixture';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { DEFAULT_CLEANUP_PARAMETERS, NO_EXCLUSIONS } from '../../shared/cleanup';
import { PLAIN_REMOVAL_OPTIONS } from '../../shared/plan';
import { startPrivateDocker, type PrivateDocker } from '../../../test/engine/dockerd';
import { expectMeasuredDrop } from '../../../test/engine/expect-drop';
import {
  addNamedImages,
  imageId,
  randomLayer,
  runnableImageSpec,
} from '../../../test/engine/fixture-builders';
import { describeEngine } from '../../../test/engine/gate';
import { assertPrivateEndpoint } from '../../../test/engine/guard';
import { imageBytesOnDisk } from '../../../test/engine/measure';
import type { ReclaimService } from './reclaim-service';

const REPO = 'reclaim-lru';
const DAY_MS = 86_400_000;

describeEngine('least recently used until under a size', () => {
  let engine: PrivateDocker;
  let running: PrivateService;
  let service: ReclaimService;

  beforeAll(async () => {
    engine = await startPrivateDocker();
    assertPrivateEndpoint(engine.host);
    const at = (daysAgo: number): Date => new Date(Date.now() - daysAgo * DAY_MS);
    // Oldest first: a (which a container will use), b, c, d.
    await addNamedImages(engine, {
      a: runnableImageSpec([`${REPO}/a:1`], { created: at(40) }),
      b: { tags: [`${REPO}/b:1`], layers: [randomLayer({ b: 300_000 })], created: at(30) },
      c: { tags: [`${REPO}/c:1`], layers: [randomLayer({ c: 200_000 })], created: at(20) },
      d: { tags: [`${REPO}/d:1`], layers: [randomLayer({ d: 100_000 })], created: at(10) },
    });
    running = await startPrivateService(engine.host);
    service = running.service;
  });
  afterAll(async () => {
    await running?.close();
    await engine?.stop();
  });

  it('the oldest unused go first until under the size; a use Reclaim saw keeps an old image', async () => {
    // A container of `a` runs while Reclaim watches, then another client removes it.
    await engine.dockerOk([
      'run',
      '-d',
      '--network',
      'none',
      '--name',
      `${REPO}-run`,
      `${REPO}/a:1`,
    ]);
    await vi.waitFor(
      async () => {
        const inventory = await service.getInventory();
        expect(inventory.containers.some((c) => c.name === `${REPO}-run` && c.running)).toBe(true);
      },
      { timeout: 15_000, interval: 100 },
    );
    await service.estimateCleanups({ ...DEFAULT_CLEANUP_PARAMETERS, lruMaxBytes: 0 });
    await engine.dockerOk(['rm', '-f', `${REPO}-run`]);
    await vi.waitFor(
      async () => {
        const inventory = await service.getInventory();
        expect(inventory.containers).toEqual([]);
      },
      { timeout: 15_000, interval: 100 },
    );

    // The size: enough that b alone is not enough, and b with c is.
    const freed = async (tag: string) =>
      (await service.planRemoval([tag], PLAIN_REMOVAL_OPTIONS)).bytesFreed;
    const [freedB, freedC] = [await freed(`${REPO}/b:1`), await freed(`${REPO}/c:1`)];
    const row = (await service.getInventory()).diskUsage.images.size;
    const maxBytes = row - freedB - Math.floor(freedC / 2);

    const plan = await service.planCleanup(
      { strategy: 'least-recently-used', maxBytes },
      NO_EXCLUSIONS,
    );
    if (plan.images?.kind !== 'prune') throw new Error('expected a prune');
    const id = async (name: string): Promise<string> => imageId(engine, `${REPO}/${name}:1`);
    const [a, b, c, d] = [await id('a'), await id('b'), await id('c'), await id('d')];
    expect(plan.images.remove.map((image) => image.imageId).sort()).toEqual([b, c].sort());
    const evidence = Object.fromEntries(plan.lastUse.map((use) => [use.imageId, use.evidence]));
    expect(evidence).toEqual({ [a]: 'recorded', [b]: 'created', [c]: 'created', [d]: 'created' });
    // `a` is the oldest image but was used last: it is the last candidate.
    expect(plan.lastUse.at(-1)?.imageId).toBe(a);
    expect(plan.images.keep.find((kept) => kept.imageId === d)?.protectedBy).toMatchObject({
      by: 'recently-used',
      evidence: 'created',
    });

    const before = await imageBytesOnDisk(engine);
    const run = await service.runPlan(plan.images.id);
    expect(run.results.filter((result) => result.status !== 'done')).toEqual([]);
    for (const [tag, present] of [
      ['a', true],
      ['b', false],
      ['c', false],
      ['d', true],
    ] as const) {
      expect((await engine.docker(['image', 'inspect', `${REPO}/${tag}:1`])).code === 0, tag).toBe(
        present,
      );
    }
    expectMeasuredDrop(before - (await imageBytesOnDisk(engine)), plan.images.bytesFreed);
  });
});
