/**
 * Inventory benchmark: Reclaim's reads against the docker CLI, on the same private engine in
 * the same run. Not a test; prints ratios (lower is better) and the budgets they are held to:
 *
 *   cold disk usage (dashboard)     vs `docker system df`      budget 1.0x
 *   the same through the service    vs `docker system df`      budget 1.0x
 *     (ReclaimService.getDiskUsage right after it starts following the engine, while the
 *     first full inventory read is under way, as the app's dashboard asks for it)
 *   cold full inventory             vs `docker system df -v`   budget 2.0x
 *   update after one `rmi`          vs `docker system df -v`   budget 0.2x
 *
 * "Cold" means a fresh layer-facts cache on an open connection. The update is timed from
 * the first event of the removal reaching Reclaim to the snapshot without the image.
 *
 * Needs root and dockerd (as the engine tests do). Run: `npm run bench` (IMAGES=200 by default).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startPrivateDocker, type PrivateDocker } from '../test/engine/dockerd';
import {
  addContainer,
  addImages,
  randomLayer,
  runnableImageSpec,
} from '../test/engine/fixture-builders';
import { assertPrivateEndpoint } from '../test/engine/guard';
import type { BuiltImage, ImageSpec } from '../test/engine/image-archive';
import type { Inventory } from '../src/shared/model';
import type { Connection } from '../src/main/engine/connect/connection';
import { openConnection } from '../src/main/engine/connect/open';
import { readDiskUsage } from '../src/main/engine/disk-usage/read-disk-usage';
import { LayerFacts } from '../src/main/engine/inventory/layer-facts';
import { LiveInventory } from '../src/main/engine/inventory/live-inventory';
import { readInventory } from '../src/main/engine/inventory/snapshot';
import { realEnginePort } from '../src/main/service/engine-wiring';
import { ReclaimService } from '../src/main/service/reclaim-service';
import { SettingsStore } from '../src/main/settings/settings-store';
import { HistoryStore } from '../src/main/history/history-store';

const IMAGE_COUNT = Number(process.env.IMAGES ?? 200);
const ROUNDS = Number(process.env.ROUNDS ?? 7);
const BASES = Math.max(1, Math.round(IMAGE_COUNT / 10));

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Bases of two layers, each with apps of two more layers on top: shared layers, like life. */
async function loadImages(engine: PrivateDocker): Promise<BuiltImage[]> {
  const baseSpecs: ImageSpec[] = Array.from({ length: BASES }, (_, b) => ({
    tags: [`bench/base${b}:1`],
    layers: [randomLayer({ 'os.bin': 40_000 }), randomLayer({ 'lib.bin': 20_000 })],
  }));
  const bases = await addImages(engine, baseSpecs);
  const apps: ImageSpec[] = Array.from({ length: IMAGE_COUNT - BASES - 2 }, (_, i) => ({
    tags: [`bench/app${i}:1`],
    from: bases[i % bases.length],
    layers: [randomLayer({ 'app.bin': 8_000 }), randomLayer({ 'conf.bin': 1_000 })],
  }));
  const loaded = await addImages(engine, [
    ...apps,
    runnableImageSpec(['bench/running:1']),
    runnableImageSpec(['bench/stopped:1']),
  ]);
  const running = loaded.at(-2);
  const stopped = loaded.at(-1);
  if (running) await addContainer(engine, running.id, { running: true });
  if (stopped) await addContainer(engine, stopped.id, { running: false });
  return [...bases, ...loaded];
}

/**
 * `ours` may time itself (returning the milliseconds that count) when it must wait for
 * background work afterwards, so the next CLI round never overlaps it.
 */
async function compare(
  label: string,
  cli: () => Promise<unknown>,
  ours: () => Promise<unknown>,
  selfTimed = false,
): Promise<{ cli: number; ours: number }> {
  await cli(); // warm the daemon's own caches and the page cache for both sides
  await ours();
  const cliTimes: number[] = [];
  const ourTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    cliTimes.push(await timed(cli));
    ourTimes.push(selfTimed ? Number(await ours()) : await timed(ours));
  }
  const result = { cli: median(cliTimes), ours: median(ourTimes) };
  console.log(`${label}: cli ${result.cli.toFixed(1)} ms, Reclaim ${result.ours.toFixed(1)} ms`);
  return result;
}

/** Removes one image by API and times the live snapshot catching up. */
async function updateAfterRmi(connection: Connection, imageId: string): Promise<number> {
  let firstEventAt = 0;
  const live = new LiveInventory(connection, {
    onEvent: () => {
      if (firstEventAt === 0) firstEventAt = performance.now();
    },
  }).start();
  try {
    await live.current();
    await new Promise((resolve) => setTimeout(resolve, 200)); // the stream is open and idle
    firstEventAt = 0;
    const updated = new Promise<number>((resolve) => {
      const stop = live.onChange((inventory: Inventory) => {
        if (inventory.images.some((image) => image.id === imageId)) return;
        stop();
        resolve(performance.now());
      });
    });
    await connection.request({
      method: 'DELETE',
      path: `/images/${imageId}`,
      query: { force: '1' },
    });
    return (await updated) - firstEventAt;
  } finally {
    live.stop();
  }
}

/**
 * The dashboard's cold path in the app: a service that has just started following the
 * engine (its first full read under way) is asked for the figures. Timed from the start of
 * following to the figures; then it waits for the first read so no `/system/df` outlives it.
 */
async function serviceColdDiskUsage(
  connection: Connection,
  settings: SettingsStore,
  history: HistoryStore,
): Promise<number> {
  const service = new ReclaimService({
    engine: { ...realEnginePort, openConnection: async () => connection },
    settings,
    history,
    openExternal: () => undefined,
  });
  try {
    const start = performance.now();
    await service.start(connection.engine.endpoint);
    await service.getDiskUsage();
    const elapsed = performance.now() - start;
    await service.getInventory();
    return elapsed;
  } finally {
    service.close();
  }
}

async function main(): Promise<void> {
  const engine = await startPrivateDocker();
  try {
    const loadStart = performance.now();
    const images = await loadImages(engine);
    console.log(
      `engine ${engine.host}: ${images.length} images loaded in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`,
    );
    assertPrivateEndpoint(engine.host);
    const connection = await openConnection({ host: engine.host });
    console.log(`API ${connection.engine.apiVersion}, ${connection.engine.version}\n`);

    const df = await compare(
      'cold disk usage vs docker system df',
      () => engine.dockerOk(['system', 'df']),
      () => readDiskUsage(connection, new LayerFacts()),
    );
    const settingsDir = await mkdtemp(path.join(tmpdir(), 'reclaim-bench-'));
    const settings = await SettingsStore.open(settingsDir);
    const history = await HistoryStore.open(settingsDir);
    const serviceDf = await compare(
      'service cold disk usage vs docker system df',
      () => engine.dockerOk(['system', 'df']),
      () => serviceColdDiskUsage(connection, settings, history),
      true,
    );
    await rm(settingsDir, { recursive: true, force: true });
    const dfv = await compare(
      'cold inventory  vs docker system df -v',
      () => engine.dockerOk(['system', 'df', '-v']),
      () => readInventory(connection, new LayerFacts()),
    );
    const victims = images.filter((image) => image.tags[0]?.startsWith('bench/app'));
    const updates: number[] = [];
    for (const victim of victims.slice(0, ROUNDS)) {
      updates.push(await updateAfterRmi(connection, victim.id));
    }
    const update = median(updates);
    console.log(
      `update after one rmi: Reclaim ${update.toFixed(1)} ms (median of ${updates.length})`,
    );

    const rows: [string, number, number][] = [
      ['cold disk usage / docker system df', df.ours / df.cli, 1.0],
      ['service cold disk usage / docker system df', serviceDf.ours / serviceDf.cli, 1.0],
      ['cold inventory / docker system df -v', dfv.ours / dfv.cli, 2.0],
      ['update after one rmi / docker system df -v', update / dfv.cli, 0.2],
    ];
    console.log('');
    for (const [label, ratio, budget] of rows) {
      const verdict = ratio <= budget ? 'within' : 'OVER';
      console.log(`${label.padEnd(44)} ${ratio.toFixed(2)}x  (${verdict} ${budget.toFixed(1)}x)`);
    }
  } finally {
    await engine.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
