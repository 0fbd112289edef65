/**
 * Inventory benchmark: Reclaim's reads against the docker CLI on the same private engine in
 * the same run, at 200 and 1,000 images (IMAGES overrides), on the classic and the containerd
 * engine of the matrix (BENCH_ENGINES overrides). Budgets (issue 11), as ratios of medians:
 *
 *   cold disk usage (the dashboard's figures)  vs `docker system df`     0.5x
 *   the same through the service               vs `docker system df`     0.5x
 *     (ReclaimService.getDiskUsage right after it starts following the engine, while the
 *     first full inventory read is under way, as the app's dashboard asks for it)
 *   cold full inventory with unique bytes      vs `docker system df -v`  0.8x
 *   update after one `rmi`                     vs `docker system df -v`  0.05x
 *
 * "Cold" means a fresh layer-facts cache on an open connection. The update is timed from
 * the first event of the removal reaching Reclaim to the snapshot without the image. Each
 * round runs the CLI, then Reclaim, so both see the same engine state and page cache.
 *
 * Needs root and dockerd (as the engine tests do). Run: `npx tsx scripts/bench-inventory.ts`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startPrivateDocker } from '../test/engine/dockerd';
import { preparedEngines, type EngineSpec } from '../test/engine/engines';
import { assertPrivateEndpoint } from '../test/engine/guard';
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
import { loadBenchInventory } from './bench-fixture';
import { benchEngines, onEngine } from './bench-engines';
import { ms, msRange, ratio, spreadOf, timed, within, type Spread } from './bench-stats';
import { writeBenchmarkSection } from './benchmarks-file';
import { measureRemoval, REMOVED_IMAGES } from './bench-removal';

const SIZES = (process.env.IMAGES ?? '200,1000').split(',').map(Number);
const ROUNDS = Number(process.env.ROUNDS ?? 7);
/** Each removal round loads the removed images again, twice: fewer rounds. */
const REMOVAL_ROUNDS = Number(process.env.REMOVAL_ROUNDS ?? 3);

interface Figure {
  label: string;
  reference: string;
  budget: number;
  cli: Spread;
  ours: Spread;
}

/**
 * Runs `cli` and `ours` alternately, ROUNDS times after one warm-up of each. `ours` may time
 * itself (returning the milliseconds that count) when it must wait for background work
 * afterwards, so the next CLI round never overlaps it.
 */
async function rounds(
  cli: () => Promise<unknown>,
  ours: () => Promise<unknown>,
  selfTimed = false,
): Promise<{ cli: Spread; ours: Spread }> {
  await cli(); // warm the daemon's own caches and the page cache for both sides
  await ours();
  const cliTimes: number[] = [];
  const ourTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    cliTimes.push(await timed(cli));
    ourTimes.push(selfTimed ? Number(await ours()) : await timed(ours));
  }
  return { cli: spreadOf(cliTimes), ours: spreadOf(ourTimes) };
}

/** Removes one image by API and times the live snapshot catching up from the first event. */
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
async function serviceColdDiskUsage(connection: Connection, dataDir: string): Promise<number> {
  const service = new ReclaimService({
    engine: { ...realEnginePort, openConnection: async () => connection },
    settings: await SettingsStore.open(dataDir),
    history: await HistoryStore.open(dataDir),
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

interface Measured {
  engine: string;
  figures: Figure[];
  removal?: Awaited<ReturnType<typeof measureRemoval>>;
}

/** At the largest size the removal benchmark runs on the same engine (a load saved). */
async function measureEngine(
  spec: EngineSpec,
  size: number,
  withRemoval: boolean,
): Promise<Measured> {
  const engine = await startPrivateDocker({ engine: spec });
  const dataDir = await mkdtemp(path.join(tmpdir(), 'reclaim-bench-'));
  try {
    const loadStart = performance.now();
    const { images, unusedApps } = await loadBenchInventory(engine, size);
    assertPrivateEndpoint(engine.host);
    const connection = await openConnection({ host: engine.host });
    const engineName = `Docker ${connection.engine.version} (API ${connection.engine.apiVersion})`;
    console.log(
      `${spec.name}, ${engineName}: ${images.length} images loaded in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`,
    );
    const df = () => engine.dockerOk(['system', 'df']);
    const dfv = () => engine.dockerOk(['system', 'df', '-v']);
    const cold = await rounds(df, () => readDiskUsage(connection, new LayerFacts()));
    const service = await rounds(df, () => serviceColdDiskUsage(connection, dataDir), true);
    const inventory = await rounds(dfv, () => readInventory(connection, new LayerFacts()));
    const updates: number[] = [];
    for (const victim of unusedApps.slice(0, ROUNDS)) {
      updates.push(await updateAfterRmi(connection, victim.id));
    }
    const removal = withRemoval
      ? await measureRemoval(
          engine,
          unusedApps.slice(ROUNDS, ROUNDS + REMOVED_IMAGES),
          REMOVAL_ROUNDS,
        )
      : undefined;
    return {
      engine: engineName,
      ...(removal ? { removal } : {}),
      figures: [
        {
          label: 'cold disk usage (dashboard figures)',
          reference: '`docker system df`',
          budget: 0.5,
          ...cold,
        },
        {
          label: 'cold disk usage through the service',
          reference: '`docker system df`',
          budget: 0.5,
          ...service,
        },
        {
          label: 'cold full inventory with unique bytes',
          reference: '`docker system df -v`',
          budget: 0.8,
          ...inventory,
        },
        {
          label: 'update after one `rmi`',
          reference: '`docker system df -v`',
          budget: 0.05,
          cli: inventory.cli,
          ours: spreadOf(updates),
        },
      ],
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
    await engine.stop();
  }
}

async function main(): Promise<void> {
  const lines: string[] = [];
  const removals: string[] = [];
  const largest = Math.max(...SIZES);
  for (const spec of benchEngines(preparedEngines())) {
    for (const size of SIZES) {
      const { engine, figures, removal } = await onEngine(spec, () =>
        measureEngine(spec, size, size === largest),
      );
      if (removal) {
        const met = removal.ours.median <= removal.cli.median;
        const line = `| ${size} | ${spec.store} | ${engine} | ${removal.removed} | ${ms(removal.cli.median)} (${msRange(removal.cli)}) | ${ms(removal.ours.median)} (${msRange(removal.ours)}) | ${ratio(removal.ours.median, removal.cli.median)} | 1.0x | ${within(met)} |`;
        console.log(line);
        removals.push(line);
      }
      for (const figure of figures) {
        const met = figure.ours.median / figure.cli.median <= figure.budget;
        const line = `| ${size} | ${spec.store} | ${engine} | ${figure.label} | ${figure.reference} | ${ms(figure.cli.median)} (${msRange(figure.cli)}) | ${ms(figure.ours.median)} (${msRange(figure.ours)}) | ${ratio(figure.ours.median, figure.cli.median)} | ${figure.budget}x | ${within(met)} |`;
        console.log(line);
        lines.push(line);
      }
    }
  }
  const table = [
    `Private engines loaded with generated archives (a tenth bases, a tenth dangling, the rest apps on shared bases, a container on every twentieth app); ${ROUNDS} rounds after a warm-up, the CLI and Reclaim alternating; median (spread) in ms. "Cold" is a fresh layer-facts cache on an open connection; the update is timed from the removal's first event to the snapshot without the image.`,
    '',
    '| images | store | engine | figure | reference | reference ms | Reclaim ms | ratio | budget | within |',
    '| -----: | ----- | ------ | ------ | --------- | -----------: | ---------: | ----: | -----: | ------ |',
    ...lines,
  ].join('\n');
  writeBenchmarkSection('inventory', 'Inventory reads against the docker CLI', table);
  const removalTable = [
    `The same unused tagged images removed by Reclaim (preview and run through the service, as the app does) and by one \`docker rmi\` of the same IDs, each side on the same engine loaded again from the same archives between rounds; ${REMOVAL_ROUNDS} rounds, median (spread) in ms. Each Reclaim round is checked: every target done, nothing deleted outside the plan.`,
    '',
    '| images | store | engine | removed | `docker rmi` ms | Reclaim ms | ratio | budget | within |',
    '| -----: | ----- | ------ | ------: | --------------: | ---------: | ----: | -----: | ------ |',
    ...removals,
  ].join('\n');
  writeBenchmarkSection('removal', 'Removing unused images against `docker rmi`', removalTable);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
