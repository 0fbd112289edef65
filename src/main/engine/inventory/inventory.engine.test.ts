import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrivateDocker, type PrivateDocker } from '../../../../test/engine/dockerd';
import {
  addImages,
  buildKitBuild,
  randomLayer,
  type BuildKitBuild,
} from '../../../../test/engine/fixture-builders';
import {
  containerdDigests,
  loadFixtures,
  type FixtureImage,
  type Fixtures,
} from '../../../../test/engine/fixtures';
import { selectedEngine } from '../../../../test/engine/engines';
import { describeEngine } from '../../../../test/engine/gate';
import { expectMeasuredDrop } from '../../../../test/engine/expect-drop';
import { assertPrivateEndpoint } from '../../../../test/engine/guard';
import { getJson } from '../../../../test/engine/http';
import {
  buildCacheRecords,
  cliBuildCacheRow,
  cliDiskUsageTable,
  engineSystemDf,
  imageBytesOnDisk,
} from '../../../../test/engine/measure';
import type { DiskUsage, DiskUsageRow, ImageInfo, Inventory } from '../../../shared/model';
import type { Connection } from '../connect/connection';
import { openConnection } from '../connect/open';
import { humanSize, reclaimableCell } from '../../../shared/format/human-size';
import { readDiskUsage } from '../disk-usage/read-disk-usage';
import { rowsFromSystemDf } from '../disk-usage/system-df-rows';
import { LiveInventory } from './live-inventory';
import { eventually, quietFor, until } from './inventory-engine.fixture';
import type { RawSystemDf } from './raw-types';
import { readInventory } from './snapshot';

const containerd = selectedEngine().store === 'containerd';

/** An image as the engine's own list gives it (`docker images -a --digests`). */
interface ListedImage {
  Id: string;
  Size: number;
  RepoDigests?: string[];
  ParentId?: string;
}

/** The engine's own `/system/df`, read beside the code under test (rig helper, not src/). */
function engineDf(engine: PrivateDocker): Promise<RawSystemDf> {
  return engineSystemDf<RawSystemDf>(engine);
}

function printed(row: DiskUsageRow, percent = true): string[] {
  return [
    String(row.total),
    String(row.active),
    humanSize(row.size),
    reclaimableCell(row.reclaimable, row.size, percent),
  ];
}

/** The four rows without the time they were read, to compare with the engine's. */
function rowsOf(usage: DiskUsage): Omit<DiskUsage, 'takenAt'> {
  return {
    images: usage.images,
    containers: usage.containers,
    volumes: usage.volumes,
    buildCache: usage.buildCache,
  };
}

describeEngine('inventory against a private Docker engine', () => {
  let engine: PrivateDocker;
  let fx: Fixtures;
  let connection: Connection;
  let inventory: Inventory;
  /** A BuildKit build, so the Build Cache row has records (the rig's CLI uses the legacy builder). */
  let cached: BuildKitBuild;

  const find = (image: FixtureImage): ImageInfo => {
    const found = inventory.images.find((candidate) => candidate.id === image.id);
    if (!found) throw new Error(`${image.tags[0] ?? image.id} is missing from the inventory`);
    return found;
  };

  beforeAll(async () => {
    engine = await startPrivateDocker();
    fx = await loadFixtures(engine);
    // Bytes in a stopped container's writable layer and in a used and an unused volume, so
    // no row of `docker system df` is trivially zero.
    await engine.dockerOk(['volume', 'create', 'reclaim-unused']);
    await engine.dockerOk([
      ...['run', '--network', 'none', '--name', 'writer', '-v', 'reclaim-data:/data'],
      ...[fx.stoppedImage.id, '/bin/busybox', 'sh', '-c'],
      'head -c 123456 /dev/zero > /data/f; head -c 54321 /dev/zero > /rw.bin',
    ]);
    await engine.dockerOk([
      ...['run', '--rm', '--network', 'none', '-v', 'reclaim-unused:/data'],
      ...[fx.stoppedImage.id, '/bin/busybox', 'sh', '-c', 'head -c 7777 /dev/zero > /data/g'],
    ]);
    cached = await buildKitBuild(engine, 'reclaim-bk/cached:1', 300_000);
    assertPrivateEndpoint(engine.host);
    connection = await openConnection({ host: engine.host });
    inventory = await readInventory(connection);
  });
  afterAll(async () => engine?.stop());

  describe('images', () => {
    it('lists every fixture image and nothing else', () => {
      expect(inventory.images.map((image) => image.id).sort()).toEqual(
        [...fx.all.map((image) => image.id), cached.id].sort(),
      );
    });

    it('gives each its tags, digests, size, created, labels, parent and dangling flags', async () => {
      const listed = new Map(
        (await getJson<ListedImage[]>(engine.socketPath, '/images/json?all=1')).map((image) => [
          image.Id,
          image,
        ]),
      );
      const legacyBuilt = new Set([fx.built, ...fx.intermediates].map((image) => image.id));
      for (const expected of fx.all) {
        const image = find(expected);
        const onEngine = listed.get(expected.id);
        expect({
          id: image.id,
          tags: [...image.repoTags].sort(),
          digests: image.repoDigests,
          size: image.size,
          created: image.created,
          labels: image.labels,
          parentId: image.parentId,
          dangling: image.dangling,
          intermediate: image.intermediate,
        }).toEqual({
          id: expected.id,
          tags: [...expected.tags].sort(),
          // The containerd store gives every tagged image one digest, its own ID under its
          // repository, pushed or not; its Size adds the content to the unpacked snapshots,
          // and `docker load` records no parent there (a legacy build still does).
          digests: containerd ? containerdDigests(expected) : expected.digests,
          size: containerd ? onEngine?.Size : expected.size,
          created: expected.created,
          labels: expected.labels,
          parentId: containerd && !legacyBuilt.has(expected.id) ? null : expected.parentId,
          dangling: expected.dangling,
          intermediate: expected.intermediate,
        });
        if (containerd) expect(image.size).toBeGreaterThan(expected.size);
        // What the engine lists (before API 1.43 an image with none says `<none>@<none>`).
        const listedDigests = (onEngine?.RepoDigests ?? []).filter((d) => d !== '<none>@<none>');
        expect(image.repoDigests).toEqual(listedDigests);
      }
    });

    it('links children to parents, intermediates included', () => {
      // `docker load` records a parent on the classic store only.
      expect(find(fx.parent).childIds).toEqual(containerd ? [] : [fx.child.id]);
      const chain = [fx.buildBase, ...fx.intermediates, fx.built];
      chain.slice(0, -1).forEach((image, i) => {
        expect(find(image).childIds).toEqual([chain[i + 1]?.id]);
      });
    });

    it('calls dangling exactly what `docker images -f dangling=true` lists', async () => {
      const listed = await engine.dockerOk(['images', '-q', '--no-trunc', '-f', 'dangling=true']);
      const dangling = inventory.images.filter((image) => image.dangling).map((i) => i.id);
      // The containerd store's filter lists dangling records, and loading an archive that
      // holds an image already tagged leaves one beside its tag (the parent fixture here):
      // still tagged, it is no dangling image, and `docker images` shows it by its tag.
      const tagged = new Set(fx.all.filter((image) => image.tags.length > 0).map((i) => i.id));
      const untaggedListed = listed.split('\n').filter((id) => id !== '' && !tagged.has(id));
      expect(dangling.sort()).toEqual(untaggedListed.sort());
      expect(untaggedListed.length).toBeGreaterThan(0);
    });

    it('shows which containers use each image and whether they run', () => {
      expect(find(fx.runningImage).containers).toEqual([
        { id: fx.running.id, name: fx.running.name, running: true, state: 'running' },
      ]);
      const stopped = find(fx.stoppedImage).containers;
      expect(stopped.map((c) => [c.name, c.running, c.state]).sort()).toEqual([
        ['reclaim-fx-stopped', false, 'exited'],
        ['writer', false, 'exited'],
      ]);
      expect(find(fx.small).containers).toEqual([]);
    });
  });

  describe('disk usage', () => {
    it('equals, byte for byte, the CLI formulas over the engine`s own /system/df', async () => {
      const fromEngine = rowsFromSystemDf(await engineDf(engine));
      const fromSnapshot = rowsOf(inventory.diskUsage);
      expect(fromSnapshot).toEqual(fromEngine);
      // The containerd store counts a writable layer as its snapshot's disk usage (blocks).
      if (containerd) expect(fromSnapshot.containers.size).toBeGreaterThanOrEqual(54_321);
      else expect(fromSnapshot.containers.size).toBe(54_321);
      expect(fromSnapshot.volumes).toEqual({
        total: 2,
        active: 1,
        size: 123_456 + 7_777,
        reclaimable: 7_777,
      });
    });

    it('counts BuildKit cache records byte for byte as the CLI does over /system/df', async () => {
      const records = await buildCacheRecords(engine);
      const row = inventory.diskUsage.buildCache;
      expect(row).toEqual(cliBuildCacheRow(records));
      // The context and the Dockerfile, each kept once; the COPY result is shared with the
      // image. The classic store counts their bytes, the containerd store their snapshots'
      // disk usage (blocks), and there the COPY result holds its content too.
      const kept = cached.payloadSize + cached.dockerfileSize;
      expect(row.active).toBe(0);
      expect(row.reclaimable).toBe(row.size);
      if (containerd) expect(row.size).toBeGreaterThanOrEqual(kept);
      else expect(row.size).toBe(kept);
      const copied = records.find((record) => record.Shared);
      expect(copied?.Size).toBeGreaterThanOrEqual(cached.payloadSize);
      if (!containerd) expect(copied?.Size).toBe(cached.payloadSize);
    });

    it('reads the same figures cold for the dashboard', async () => {
      const cold = rowsOf(await readDiskUsage(connection));
      expect(cold).toEqual(rowsFromSystemDf(await engineDf(engine)));
    });

    it('agrees with `docker system df` at its display precision', async () => {
      const table = await cliDiskUsageTable(engine);
      const rows = inventory.diskUsage;
      expect(printed(rows.images)).toEqual(table.get('Images'));
      expect(printed(rows.containers)).toEqual(table.get('Containers'));
      expect(printed(rows.volumes)).toEqual(table.get('Local Volumes'));
      expect(printed(rows.buildCache, false)).toEqual(table.get('Build Cache'));
    });
  });

  describe('unique bytes: `docker rmi` of the image alone frees what was predicted', () => {
    const removeAndMeasure = async (image: FixtureImage): Promise<number> => {
      const before = await imageBytesOnDisk(engine);
      await engine.dockerOk(['rmi', image.id]);
      return before - (await imageBytesOnDisk(engine));
    };

    it('the child of a parent image', async () => {
      const predicted = find(fx.child).uniqueSize;
      // Its own 1.2 MB layer; on the containerd store that layer's blob and snapshot.
      if (containerd) expect(predicted).toBeGreaterThan(2 * 1_200_000 - 64 * 1024);
      else expect(predicted).toBe(1_200_000);
      expectMeasuredDrop(await removeAndMeasure(fx.child), predicted);
    });

    it('an image sharing its base with another', async () => {
      const image = find(fx.sharedA);
      const predicted = image.uniqueSize;
      expect(image.sharedSize).toBe(image.size - predicted);
      if (!containerd) expect(image.sharedSize).toBe(fx.base.size);
      expectMeasuredDrop(await removeAndMeasure(fx.sharedA), predicted);
    });

    it('a legacy build (on the classic store its untagged intermediate parents go with it)', async () => {
      const predicted = find(fx.built).uniqueSize;
      expect(predicted).toBeGreaterThan(0);
      expectMeasuredDrop(await removeAndMeasure(fx.built), predicted);
    });
  });

  describe('live updates from the engine`s events', () => {
    let live: LiveInventory;
    /** Every raw call the live inventory makes, in order. */
    const calls: string[] = [];
    /** Every image event the live inventory has seen, as `action id`. */
    const imageEvents: string[] = [];
    beforeAll(async () => {
      // Labelled as a non-unix endpoint so that every read takes request() (the unix-socket
      // fast path for inspects would bypass the count); request() still reaches this engine.
      const counted: Connection = {
        docker: connection.docker,
        engine: {
          ...connection.engine,
          endpoint: { host: `counted+${connection.engine.endpoint.host}` },
        },
        request: (req) => {
          calls.push(`${req.method} ${req.path}`);
          return connection.request(req);
        },
      };
      live = new LiveInventory(counted, {
        onEvent: (event) => {
          if (event.Type === 'image') imageEvents.push(`${event.Action} ${event.Actor?.ID}`);
        },
      }).start();
      await live.current();
    });
    afterAll(() => live?.stop());

    it('sees an image loaded, then removed, re-reading only the removed image', async () => {
      const appeared = until(live, (inv) =>
        inv.images.some((i) => i.repoTags.includes('ev/new:1')),
      );
      const [base] = await addImages(engine, [
        { tags: ['ev/base:1'], layers: [randomLayer({ 'b.bin': 222_000 })] },
      ]);
      if (!base) throw new Error('no base image');
      const [added] = await addImages(engine, [
        { tags: ['ev/new:1'], from: base, layers: [randomLayer({ 'n.bin': 333_000 })] },
      ]);
      const withNew = await appeared;
      const created = withNew.images.find((image) => image.id === added?.id);
      if (containerd) {
        // Content and snapshot of each layer: more than twice the payload.
        expect(created?.size).toBeGreaterThan(2 * 555_000);
        expect(created?.uniqueSize).toBeGreaterThan(2 * 333_000);
      } else {
        expect(created).toMatchObject({ size: 555_000, uniqueSize: 333_000, sharedSize: 222_000 });
      }

      // The two loads each send an event, and each sets off a re-list, which may still be
      // under way (or not yet begun) when the snapshot first showed the image. Wait for both
      // events, then for those reads to finish, before counting.
      await eventually(() =>
        [base, added].every((image) => imageEvents.includes(`load ${image?.id}`)),
      );
      await quietFor(calls, 300);
      // On the containerd store the Images row is the engine's: it is pending until re-read.
      const gone = until(
        live,
        (inv) =>
          !inv.images.some((image) => image.id === added?.id) &&
          !(inv.diskUsage.pending ?? []).includes('images'),
      );
      calls.length = 0;
      await engine.dockerOk(['rmi', 'ev/new:1']);
      await gone;
      // Then the delete event, and what it sets off, for the figures to settle.
      await eventually(() => imageEvents.includes(`delete ${added?.id}`));
      await quietFor(calls, 300);
      const without = await live.current();
      expect(without.images.some((image) => image.id === added?.id)).toBe(false);
      expect(without.diskUsage.pending ?? []).toEqual([]);
      // Untag and delete name the image: one inspect (now 404), no list, and no /system/df
      // but on the containerd store, for the engine's Images row.
      expect(new Set(calls)).toEqual(
        new Set([`GET /images/${added?.id}/json`, ...(containerd ? ['GET /system/df'] : [])]),
      );
      expect(without.diskUsage.images).toEqual(rowsFromSystemDf(await engineDf(engine)).images);
    });

    it('sees a tag moved away, leaving an image with only a digest: dangling', async () => {
      const [reference] = fx.pulled.tags;
      if (!reference) throw new Error('the pulled fixture has no tag');
      const moved = until(live, (inv) =>
        inv.images.some((image) => image.id === fx.pulled.id && image.repoTags.length === 0),
      );
      await engine.dockerOk(['tag', fx.small.id, reference]);
      const after = await moved;
      const pulled = after.images.find((image) => image.id === fx.pulled.id);
      expect(pulled).toMatchObject({ repoTags: [], dangling: true, intermediate: false });
      // The containerd store gives an untagged image no digest.
      expect(pulled?.repoDigests).toEqual(containerd ? [] : fx.pulled.digests);
      const listed = await engine.dockerOk(['images', '-q', '--no-trunc', '-f', 'dangling=true']);
      expect(listed.split('\n')).toContain(fx.pulled.id);
    });

    it('sees a container removed, and the image it used become unused', async () => {
      const updated = until(live, (inv) => !inv.containers.some((c) => c.name === 'writer'));
      await engine.dockerOk(['rm', 'writer']);
      const after = await updated;
      const stoppedImage = after.images.find((image) => image.id === fx.stoppedImage.id);
      expect(stoppedImage?.containers.map((c) => c.name)).toEqual(['reclaim-fx-stopped']);
    });
  });
});
