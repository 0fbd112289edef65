/**
 * The inventory the engine benchmarks load: a tenth bases of two layers, a tenth dangling
 * images on them, the rest apps of two more layers on a base (shared layers, like life), a
 * stopped container on every twentieth app, and one running and one stopped busybox image.
 * Loaded with generated `docker load` archives, so a thousand images take seconds.
 */
import type { PrivateDocker } from '../test/engine/dockerd';
import {
  addContainer,
  addImages,
  randomLayer,
  runnableImageSpec,
} from '../test/engine/fixture-builders';
import { assertPrivateEndpoint } from '../test/engine/guard';
import type { BuiltImage, ImageSpec } from '../test/engine/image-archive';

export interface BenchInventory {
  images: BuiltImage[];
  /** Tagged apps no container uses: what a removal of unused images may take. */
  unusedApps: BuiltImage[];
}

export async function loadBenchInventory(
  engine: PrivateDocker,
  count: number,
): Promise<BenchInventory> {
  assertPrivateEndpoint(engine.host);
  const baseCount = Math.max(1, Math.round(count / 10));
  const danglingCount = Math.round(count / 10);
  const appCount = count - baseCount - danglingCount - 2;
  const baseSpecs: ImageSpec[] = Array.from({ length: baseCount }, (_, b) => ({
    tags: [`bench/base${b}:1`],
    layers: [randomLayer({ 'os.bin': 40_000 }), randomLayer({ 'lib.bin': 20_000 })],
  }));
  const bases = await addImages(engine, baseSpecs);
  const apps = await addImages(
    engine,
    Array.from({ length: appCount }, (_, i) => ({
      tags: [`bench/app${Math.floor(i / 10)}:v${i % 10}`],
      from: bases[i % bases.length],
      layers: [randomLayer({ 'app.bin': 8_000 }), randomLayer({ 'conf.bin': 1_000 })],
    })),
  );
  const dangling = await addImages(
    engine,
    Array.from({ length: danglingCount }, (_, i) => ({
      from: bases[i % bases.length],
      layers: [randomLayer({ 'old.bin': 4_000 })],
    })),
  );
  const [running, stopped] = await addImages(engine, [
    runnableImageSpec(['bench/running:1']),
    runnableImageSpec(['bench/stopped:1']),
  ]);
  if (running) await addContainer(engine, running.id, { running: true });
  if (stopped) await addContainer(engine, stopped.id, { running: false });
  const used = new Set<string>();
  for (let i = 0; i < apps.length; i += 20) {
    const app = apps[i];
    if (!app) continue;
    // `create`, not `run`: the apps hold no binary, and a created container holds its image.
    await engine.dockerOk(['create', '--network', 'none', app.id, '/app']);
    used.add(app.id);
  }
  return {
    images: [
      ...bases,
      ...apps,
      ...dangling,
      ...(running ? [running] : []),
      ...(stopped ? [stopped] : []),
    ],
    unusedApps: apps.filter((app) => !used.has(app.id)),
  };
}
