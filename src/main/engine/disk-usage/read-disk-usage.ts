import type { DiskUsage, DiskUsageRow } from '../../../shared/model';
import type { Connection } from '../connect/connection';
import { listContainers, systemDf, systemDfNarrows } from '../inventory/engine-reads';
import { LayerFacts } from '../inventory/layer-facts';
import { readInventory } from '../inventory/snapshot';
import { containersRow } from '../../../shared/core/disk-usage/cli-rows';
import { rowsFromSystemDf, type PartialRows } from './system-df-rows';

/**
 * The dashboard's four rows, cold, by the fewest and fastest calls that give them exactly:
 *
 * - Docker before API 1.42: one `/system/df`. Volume sizes exist nowhere else, and the same
 *   answer carries the image and container facts, so any other call would only add time.
 * - Docker from API 1.42: three calls at once, `/system/df?type=image` (cheap for the
 *   daemon), `/containers/json?size=1` and `/system/df?type=volume&type=build-cache`.
 * - Podman: its `/system/df` reports 0 B for images, so the Images row comes from the
 *   images' own sizes and layers (a full inventory read); volumes and cache as it reports.
 *
 * A live inventory already holds these figures (Inventory.diskUsage) with no call at all.
 */
export async function readDiskUsage(
  connection: Connection,
  facts: LayerFacts = new LayerFacts(),
): Promise<DiskUsage> {
  if (connection.engine.kind === 'podman') {
    return (await readInventory(connection, facts)).diskUsage;
  }
  if (!systemDfNarrows(connection)) {
    return complete(rowsFromSystemDf(await systemDf(connection)));
  }
  const [images, containers, stores] = await Promise.all([
    systemDf(connection, ['image']),
    listContainers(connection),
    systemDf(connection, ['volume', 'build-cache']),
  ]);
  return complete({
    ...rowsFromSystemDf(stores, ['volume', 'build-cache']),
    images: rowsFromSystemDf(images, ['image']).images,
    containers: containersRow(
      containers.map((c) => ({ state: c.State ?? '', sizeRw: c.SizeRw ?? 0 })),
    ),
  });
}

const EMPTY_ROW: DiskUsageRow = { total: 0, active: 0, size: 0, reclaimable: 0 };

function complete(rows: PartialRows): DiskUsage {
  return {
    images: rows.images ?? EMPTY_ROW,
    containers: rows.containers ?? EMPTY_ROW,
    volumes: rows.volumes ?? EMPTY_ROW,
    buildCache: rows.buildCache ?? EMPTY_ROW,
    takenAt: Date.now(),
  };
}
