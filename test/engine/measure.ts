import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { PrivateDocker } from './dockerd';
import { getJson } from './http';

/**
 * The engine's own `GET /system/df`. Docker 28 on the containerd store answers 404 "snapshot
 * … does not exist" when a snapshot it walks goes meanwhile (a build just finished): asked
 * again, as Reclaim itself does (src/main/engine/inventory/engine-reads.ts). Docker 20.10
 * answers 500 "a disk usage operation is already running" while the service under test
 * reads it too: waited for, as Reclaim does.
 */
export async function engineSystemDf<T>(engine: PrivateDocker): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await getJson<T>(engine.socketPath, '/system/df');
    } catch (error) {
      const text = String(error);
      const busy = text.includes('disk usage operation is already running');
      if (attempt >= (busy ? 40 : 5) || !(busy || text.includes('answered 404'))) throw error;
      await new Promise((resolve) => setTimeout(resolve, busy ? 250 : 100));
    }
  }
}

async function readLayersSize(engine: PrivateDocker): Promise<number> {
  const df = await engineSystemDf<{ LayersSize?: number }>(engine);
  if (typeof df.LayersSize !== 'number') throw new Error('GET /system/df has no LayersSize');
  return df.LayersSize;
}

/** Where the engine's own containerd keeps content blobs (the rig's data-root). */
function contentBlobsDir(engine: PrivateDocker): string {
  return path.join(engine.dir, 'data/containerd/daemon/io.containerd.content.v1.content/blobs');
}

/** The bytes of every content blob on disk: what containerd's content store holds. */
async function contentBlobBytes(engine: PrivateDocker): Promise<number> {
  let total = 0;
  for (const algorithm of await readdir(contentBlobsDir(engine))) {
    const dir = path.join(contentBlobsDir(engine), algorithm);
    for (const blob of await readdir(dir)) total += (await stat(path.join(dir, blob))).size;
  }
  return total;
}

/**
 * What the engine's images hold on disk, the yardstick for "deleting this frees N bytes":
 * read it before and after a removal. It is the engine's own `LayersSize` (`GET /system/df`)
 * where that counts everything: the classic store's layers, and on Docker 28 the containerd
 * store's snapshots and content. Docker 26.1's `LayersSize` counts the snapshots only
 * (daemon/containerd/service.go LayerDiskUsage), so there the content blobs on disk are
 * added, read from the content store's folder. On the containerd store content and
 * snapshots go by containerd's garbage collection, which may finish a moment after the
 * engine answered the deletion, so there it is read until it holds still; the classic
 * store's figure is final at once.
 */
export async function imageBytesOnDisk(engine: PrivateDocker): Promise<number> {
  const read = async (): Promise<number> =>
    (await readLayersSize(engine)) +
    (engine.spec.store === 'containerd' && engine.spec.release === '26.1'
      ? await contentBlobBytes(engine)
      : 0);
  let last = await read();
  if (engine.spec.store === 'classic') return last;
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await read();
    if (now === last && i >= 3) return now;
    last = now;
  }
  return last;
}

/** A build cache record as `GET /system/df` lists it (the fields the CLI's row uses). */
export interface EngineBuildCacheRecord {
  ID: string;
  Size: number;
  InUse: boolean;
  Shared: boolean;
  LastUsedAt?: string | null;
  /** API 1.42+; Docker 26 and later leave it empty. */
  Parents?: string[] | null;
  /** Before API 1.42. */
  Parent?: string;
}

/** The engine's build cache records, as the engine itself lists them. */
export async function buildCacheRecords(engine: PrivateDocker): Promise<EngineBuildCacheRecord[]> {
  const df = await engineSystemDf<{ BuildCache?: EngineBuildCacheRecord[] | null }>(engine);
  return df.BuildCache ?? [];
}

/**
 * `docker system df`'s Build Cache row by the CLI's own rule, written out here rather than
 * taken from src: SIZE is the records not shared with an image, RECLAIMABLE leaves out those
 * in use, ACTIVE counts the records in use.
 */
export function cliBuildCacheRow(records: EngineBuildCacheRecord[]): {
  total: number;
  active: number;
  size: number;
  reclaimable: number;
} {
  const unshared = records.filter((record) => !record.Shared);
  const size = unshared.reduce((sum, record) => sum + record.Size, 0);
  const inUse = unshared.filter((record) => record.InUse).reduce((sum, r) => sum + r.Size, 0);
  return {
    total: records.length,
    active: records.filter((record) => record.InUse).length,
    size,
    reclaimable: size - inUse,
  };
}

export type DfCategory = 'images' | 'containers' | 'volumes' | 'buildCache';
export type DfRow = ReturnType<typeof cliBuildCacheRow>;

/** The legacy `GET /system/df` (API < 1.52) fields the CLI's rows read. */
interface LegacySystemDf {
  LayersSize: number;
  Images: { Size: number; SharedSize: number; Containers: number }[] | null;
  Containers: { State: string; SizeRw?: number }[] | null;
  Volumes: { UsageData?: { Size: number; RefCount: number } | null }[] | null;
  BuildCache: EngineBuildCacheRecord[] | null;
}

/**
 * The four rows of `docker system df` in exact bytes, by the CLI's formulas
 * (cli/command/formatter/disk_usage.go) over the engine's own `/system/df`: what the CLI
 * prints rounded, unrounded.
 */
export async function cliDiskUsageRows(engine: PrivateDocker): Promise<Record<DfCategory, DfRow>> {
  const df = await engineSystemDf<LegacySystemDf>(engine);
  const images = df.Images ?? [];
  const usedByContainers = images
    .filter((image) => image.Containers !== 0 && image.Size !== -1 && image.SharedSize !== -1)
    .reduce((sum, image) => sum + image.Size - image.SharedSize, 0);
  const containers = df.Containers ?? [];
  const isActive = (state: string) => /running|paused|restarting/.test(state);
  const sizeRw = (container: { SizeRw?: number }) => container.SizeRw ?? 0;
  const volumes = (df.Volumes ?? []).map((volume) => volume.UsageData ?? { Size: -1, RefCount: 0 });
  const counted = volumes.filter((volume) => volume.Size !== -1);
  return {
    images: {
      total: images.length,
      active: images.filter((image) => image.Containers > 0).length,
      size: df.LayersSize,
      reclaimable: df.LayersSize - usedByContainers,
    },
    containers: {
      total: containers.length,
      active: containers.filter((container) => isActive(container.State)).length,
      size: containers.reduce((sum, container) => sum + sizeRw(container), 0),
      reclaimable: containers
        .filter((container) => !isActive(container.State))
        .reduce((sum, container) => sum + sizeRw(container), 0),
    },
    volumes: {
      total: volumes.length,
      active: volumes.filter((volume) => volume.RefCount > 0).length,
      size: counted.reduce((sum, volume) => sum + volume.Size, 0),
      reclaimable: counted
        .filter((volume) => volume.RefCount <= 0)
        .reduce((sum, volume) => sum + volume.Size, 0),
    },
    buildCache: cliBuildCacheRow(df.BuildCache ?? []),
  };
}

/** `docker system df` as printed: TYPE → [TOTAL, ACTIVE, SIZE, RECLAIMABLE]. */
export async function cliDiskUsageTable(engine: PrivateDocker): Promise<Map<string, string[]>> {
  const text = await engine.dockerOk(['system', 'df']);
  const rows = new Map<string, string[]>();
  for (const line of text.split('\n').slice(1)) {
    const [type, ...cells] = line.split(/\s{2,}/).filter((cell) => cell.length > 0);
    if (type) rows.set(type, cells);
  }
  return rows;
}
