/**
 * Removal benchmark: the same unused images removed by Reclaim (preview, then run, through
 * the service as the app does it) and by `docker rmi` of the same IDs, on the same engine,
 * with the images loaded again from the same archives between rounds, so each side starts
 * from an identical fixture set. Budget (issue 11): Reclaim at most 1.0x the CLI.
 *
 * Every Reclaim round is also checked: every target done, and nothing deleted outside the
 * plan (the engine's `docker images` before and after), so speed never hides a wrong answer.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PrivateDocker } from '../test/engine/dockerd';
import { assertPrivateEndpoint } from '../test/engine/guard';
import { loadImages, type BuiltImage } from '../test/engine/image-archive';
import { HistoryStore } from '../src/main/history/history-store';
import { createReclaimService } from '../src/main/service/create-service';
import { SettingsStore } from '../src/main/settings/settings-store';
import { PLAIN_REMOVAL_OPTIONS } from '../src/shared/plan';
import { spreadOf, timed, type Spread } from './bench-stats';

export const REMOVED_IMAGES = Number(process.env.REMOVED_IMAGES ?? 200);

async function imageIds(engine: PrivateDocker): Promise<Set<string>> {
  const out = await engine.dockerOk(['images', '-a', '-q', '--no-trunc']);
  return new Set(out.split('\n').filter((id) => id.length > 0));
}

export async function measureRemoval(
  engine: PrivateDocker,
  victims: BuiltImage[],
  roundCount: number,
): Promise<{ cli: Spread; ours: Spread; removed: number }> {
  assertPrivateEndpoint(engine.host);
  const ids = victims.map((victim) => victim.id);
  const dir = await mkdtemp(path.join(tmpdir(), 'reclaim-bench-removal-'));
  const service = createReclaimService({
    settings: await SettingsStore.open(dir),
    history: await HistoryStore.open(dir),
    openExternal: () => undefined,
  });
  const cliTimes: number[] = [];
  const ourTimes: number[] = [];
  try {
    if ((await service.start({ host: engine.host })).state !== 'connected') {
      throw new Error(`Reclaim did not connect to ${engine.host}`);
    }
    for (let round = 0; round < roundCount; round++) {
      cliTimes.push(await timed(() => engine.dockerOk(['rmi', ...ids])));
      await loadImages(engine, victims);
      await waitUntilListed(service, ids);

      const before = await imageIds(engine);
      ourTimes.push(
        await timed(async () => {
          const plan = await service.planRemoval(ids, { ...PLAIN_REMOVAL_OPTIONS });
          const result = await service.runPlan(plan.id);
          const notDone = result.results.filter((target) => target.status !== 'done');
          if (notDone.length > 0) {
            throw new Error(`${notDone.length} targets not done: ${JSON.stringify(notDone[0])}`);
          }
          const planned = new Set(plan.targets.flatMap((target) => target.deleted));
          const after = await imageIds(engine);
          const outside = [...before].filter((id) => !after.has(id) && !planned.has(id));
          if (outside.length > 0)
            throw new Error(`removed outside the plan: ${outside.join(', ')}`);
        }),
      );
      await loadImages(engine, victims);
      await waitUntilListed(service, ids);
    }
  } finally {
    service.close();
    await rm(dir, { recursive: true, force: true });
  }
  return { cli: spreadOf(cliTimes), ours: spreadOf(ourTimes), removed: ids.length };
}

/** The service's inventory follows events: wait until it lists every reloaded image. */
async function waitUntilListed(
  service: ReturnType<typeof createReclaimService>,
  ids: string[],
): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const listed = new Set((await service.getInventory()).images.map((image) => image.id));
    if (ids.every((id) => listed.has(id))) return;
    if (Date.now() > deadline) throw new Error('the reloaded images did not reach the inventory');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
