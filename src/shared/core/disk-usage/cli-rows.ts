import type { DiskUsageRow } from '../../model';

/**
 * The four rows of `docker system df`, by the docker CLI's own formulas
 * (docker/cli cli/command/formatter/disk_usage.go and cli/command/system/df.go, for engines
 * answering the legacy `/system/df` shape). Each function takes plain facts, so the same
 * formulas serve the engine's `/system/df` answer and Reclaim's own layer accounting.
 */

export interface ImageDfFacts {
  size: number;
  /** moby's SharedSize: bytes of this image's layers that another listed image also has. */
  sharedSize: number;
  /** Containers using it (any state). */
  containers: number;
}

/**
 * Images: SIZE is the engine's LayersSize (every layer once); RECLAIMABLE is LayersSize minus
 * the unshared bytes of images that containers use. Only images `docker images` lists
 * (intermediate build steps excluded) are counted, as the daemon does.
 */
export function imagesRow(layersSize: number, images: readonly ImageDfFacts[]): DiskUsageRow {
  let used = 0;
  let active = 0;
  for (const image of images) {
    if (image.containers > 0) active++;
    // The CLI tests `!= 0`: an engine that sent -1 ("not counted") counts as used.
    if (image.containers !== 0 && image.size !== -1 && image.sharedSize !== -1) {
      used += image.size - image.sharedSize;
    }
  }
  return { total: images.length, active, size: layersSize, reclaimable: layersSize - used };
}

export interface ContainerDfFacts {
  state: string;
  sizeRw: number;
}

/** Running, paused and restarting containers are active; the others' SizeRw is reclaimable. */
export function isActiveContainerState(state: string): boolean {
  return state.includes('running') || state.includes('paused') || state.includes('restarting');
}

export function containersRow(containers: readonly ContainerDfFacts[]): DiskUsageRow {
  let size = 0;
  let reclaimable = 0;
  let active = 0;
  for (const container of containers) {
    size += container.sizeRw;
    if (isActiveContainerState(container.state)) active++;
    else reclaimable += container.sizeRw;
  }
  return { total: containers.length, active, size, reclaimable };
}

export interface VolumeDfFacts {
  /** -1 when the driver cannot tell. */
  size: number;
  refCount: number;
}

export function volumesRow(volumes: readonly VolumeDfFacts[]): DiskUsageRow {
  let size = 0;
  let reclaimable = 0;
  let active = 0;
  for (const volume of volumes) {
    if (volume.refCount > 0) active++;
    if (volume.size === -1) continue;
    size += volume.size;
    if (volume.refCount === 0) reclaimable += volume.size;
  }
  return { total: volumes.length, active, size, reclaimable };
}

export interface BuildCacheDfFacts {
  size: number;
  inUse: boolean;
  shared: boolean;
}

/** SIZE counts records not shared with images; RECLAIMABLE leaves out those in use. */
export function buildCacheRow(records: readonly BuildCacheDfFacts[]): DiskUsageRow {
  let size = 0;
  let inUse = 0;
  let active = 0;
  for (const record of records) {
    if (record.inUse) active++;
    if (record.shared) continue;
    size += record.size;
    if (record.inUse) inUse += record.size;
  }
  return { total: records.length, active, size, reclaimable: size - inUse };
}
