import type { DiskUsageRow } from '../../../shared/model';
import type { RawSystemDf, RawUsage } from '../inventory/raw-types';
import {
  buildCacheRow,
  containersRow,
  imagesRow,
  volumesRow,
} from '../../../shared/core/disk-usage/cli-rows';

export interface PartialRows {
  images?: DiskUsageRow;
  containers?: DiskUsageRow;
  volumes?: DiskUsageRow;
  buildCache?: DiskUsageRow;
}

function fromUsage(usage: RawUsage): DiskUsageRow {
  return {
    total: usage.TotalCount,
    active: usage.ActiveCount,
    size: usage.TotalSize,
    reclaimable: usage.Reclaimable,
  };
}

/** The `type=` values of `/system/df` (API 1.42+). */
export type DfType = 'image' | 'container' | 'volume' | 'build-cache';

export const ALL_DF_TYPES: readonly DfType[] = ['image', 'container', 'volume', 'build-cache'];

/**
 * The rows of a `/system/df` answer, by the CLI's formulas, for the types asked for. The
 * engine sends null (not []) for an empty list, e.g. no build cache; a type not asked for is
 * left out.
 */
export function rowsFromSystemDf(
  df: RawSystemDf,
  asked: readonly DfType[] = ALL_DF_TYPES,
): PartialRows {
  const rows: PartialRows = {};
  if (df.ImageUsage) rows.images = fromUsage(df.ImageUsage);
  else if (asked.includes('image')) {
    rows.images = imagesRow(
      df.LayersSize ?? 0,
      (df.Images ?? []).map((image) => ({
        size: image.Size,
        sharedSize: image.SharedSize ?? -1,
        containers: image.Containers ?? -1,
      })),
    );
  }
  if (df.ContainerUsage) rows.containers = fromUsage(df.ContainerUsage);
  else if (asked.includes('container')) {
    rows.containers = containersRow(
      (df.Containers ?? []).map((c) => ({ state: c.State ?? '', sizeRw: c.SizeRw ?? 0 })),
    );
  }
  if (df.VolumeUsage) rows.volumes = fromUsage(df.VolumeUsage);
  else if (asked.includes('volume')) {
    rows.volumes = volumesRow(
      (df.Volumes ?? []).map((v) => ({
        size: v.UsageData?.Size ?? -1,
        refCount: v.UsageData?.RefCount ?? 0,
      })),
    );
  }
  if (df.BuildCacheUsage) rows.buildCache = fromUsage(df.BuildCacheUsage);
  else if (asked.includes('build-cache')) {
    rows.buildCache = buildCacheRow(
      (df.BuildCache ?? []).map((b) => ({ size: b.Size, inUse: b.InUse, shared: b.Shared })),
    );
  }
  return rows;
}
