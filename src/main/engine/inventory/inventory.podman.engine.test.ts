import { afterAll, beforeAll, expect, it } from 'vitest';
import { describePodman } from '../../../../test/engine/gate';
import { getJson } from '../../../../test/engine/http';
import { assertPrivateEndpoint } from '../../../../test/engine/guard';
import { buildImage, type BuiltImage } from '../../../../test/engine/image-archive';
import { randomLayer, runnableImageSpec } from '../../../../test/engine/fixture-builders';
import {
  loadImagesIntoPodman,
  startPrivatePodman,
  type PrivatePodman,
} from '../../../../test/engine/podman';
import type { Inventory } from '../../../shared/model';
import type { Connection } from '../connect/connection';
import { openConnection } from '../connect/open';
import { readDiskUsage } from '../disk-usage/read-disk-usage';
import { LiveInventory } from './live-inventory';
import { readInventory } from './snapshot';

describePodman('inventory against a private Podman engine', () => {
  let podman: PrivatePodman;
  let connection: Connection;
  let inventory: Inventory;
  let base: BuiltImage;
  let app: BuiltImage;
  let solo: BuiltImage;
  let runnable: BuiltImage;

  beforeAll(async () => {
    podman = await startPrivatePodman();
    base = await buildImage(
      { tags: ['pm/base:1'], layers: [randomLayer({ 'b.bin': 400_000 })] },
      'classic',
    );
    // Podman gives images their config digest as ID, as the classic store does.
    app = await buildImage(
      {
        tags: ['pm/app:1', 'pm/app:latest'],
        from: base,
        layers: [randomLayer({ 'a.bin': 300_000 })],
      },
      'classic',
    );
    solo = await buildImage(
      { tags: ['pm/solo:1'], layers: [randomLayer({ 's.bin': 200_000 })] },
      'classic',
    );
    runnable = await buildImage(runnableImageSpec(['pm/run:1']), 'classic');
    await loadImagesIntoPodman(podman, [base, app, solo, runnable]);
    await podman.podmanOk([
      ...['create', '--network', 'none', '--name', 'pm-stopped'],
      ...[runnable.id.replace('sha256:', ''), '/bin/busybox', 'true'],
    ]);
    assertPrivateEndpoint(podman.host);
    connection = await openConnection({ host: podman.host });
    inventory = await readInventory(connection);
  });
  afterAll(async () => podman?.stop());

  it('connects as Podman', () => {
    expect(connection.engine.kind).toBe('podman');
  });

  it('lists the loaded images with their tags and non-zero sizes', () => {
    for (const built of [base, app, solo, runnable]) {
      const image = inventory.images.find((candidate) => candidate.id === built.id);
      expect(image?.repoTags.map((tag) => tag.replace(/^localhost\//, '')).sort()).toEqual(
        [...built.tags].sort(),
      );
      expect(image?.size).toBeGreaterThan(0);
      expect(image?.layers).toHaveLength(built.layers.length);
    }
  });

  it('splits sizes into unique and shared bytes from the layers', async () => {
    const appImage = inventory.images.find((image) => image.id === app.id);
    const baseImage = inventory.images.find((image) => image.id === base.id);
    const soloImage = inventory.images.find((image) => image.id === solo.id);
    expect(appImage?.uniqueSize).toBeGreaterThan(0);
    // What app shares is base's layer, as Podman's history states its bytes; base's own
    // records (manifest, config) are base's alone.
    const history = await getJson<{ Size: number }[]>(
      podman.socketPath,
      `/v1.41/images/${base.id.replace('sha256:', '')}/history`,
    );
    expect(appImage?.sharedSize).toBe(history[0]?.Size);
    expect(appImage?.sharedSize).toBeLessThan(baseImage?.size ?? 0);
    // Removing base alone frees its own records only: app keeps the layer (Podman removes
    // an image with children, removal.podman.engine.test.ts measures it).
    expect(baseImage?.uniqueSize).toBe((baseImage?.size ?? 0) - (history[0]?.Size ?? 0));
    expect(soloImage?.uniqueSize).toBe(soloImage?.size);
  });

  it('shows the container using an image', () => {
    const image = inventory.images.find((candidate) => candidate.id === runnable.id);
    expect(image?.containers.map((c) => [c.name, c.running])).toEqual([['pm-stopped', false]]);
    expect(image?.uniqueSize).toBe(0);
  });

  it('reports non-zero image disk usage, where Podman`s own system df says 0 B', async () => {
    const total = inventory.images.reduce((sum, image) => sum + image.uniqueSize, 0);
    expect(inventory.diskUsage.images.size).toBeGreaterThan(total);
    expect(inventory.diskUsage.images.total).toBe(4);
    expect(inventory.diskUsage.images.active).toBe(1);
    const cold = await readDiskUsage(connection);
    expect(cold.images).toEqual(inventory.diskUsage.images);
  });

  it('follows Podman`s events: an image removed disappears from the live snapshot', async () => {
    const live = new LiveInventory(connection).start();
    try {
      await live.current();
      const gone = new Promise<Inventory>((resolve) => {
        const stop = live.onChange((next) => {
          if (next.images.some((image) => image.id === solo.id)) return;
          stop();
          resolve(next);
        });
      });
      await podman.podmanOk(['rmi', 'pm/solo:1']);
      const after = await gone;
      expect(after.images.map((image) => image.id).sort()).toEqual(
        [base.id, app.id, runnable.id].sort(),
      );
    } finally {
      live.stop();
    }
  });
});
