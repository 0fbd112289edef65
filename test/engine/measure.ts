import type { PrivateDocker } from './dockerd';
import { getJson } from './http';

/**
 * The engine's own total of image layer bytes (`LayersSize` of `GET /system/df`): the
 * yardstick for "deleting this frees N bytes" — read it before and after a removal.
 */
export async function layersSize(engine: PrivateDocker): Promise<number> {
  const df = await getJson<{ LayersSize?: number }>(engine.socketPath, '/system/df');
  if (typeof df.LayersSize !== 'number') throw new Error('GET /system/df has no LayersSize');
  return df.LayersSize;
}

/** A build cache record as `GET /system/df` lists it (the fields the CLI's row uses). */
export interface EngineBuildCacheRecord {
  ID: string;
  Size: number;
  InUse: boolean;
  Shared: boolean;
}

/** The engine's build cache records, as the engine itself lists them. */
export async function buildCacheRecords(engine: PrivateDocker): Promise<EngineBuildCacheRecord[]> {
  const df = await getJson<{ BuildCache?: EngineBuildCacheRecord[] | null }>(
    engine.socketPath,
    '/system/df',
  );
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
