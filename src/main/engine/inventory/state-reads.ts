import type { BuildCacheInfo, ContainerInfo, VolumeInfo } from '../../../shared/model';
import type { Connection } from '../connect/connection';
import { rowsFromSystemDf, type PartialRows } from '../disk-usage/system-df-rows';
import {
  inspectImage,
  listContainers,
  listImages,
  systemDf,
  systemDfNarrows,
} from './engine-reads';
import { layerSizeBasis, type LayerFacts } from './layer-facts';
import type { RawSystemDf } from './raw-types';
import {
  buildCacheFromRaw,
  containerFromRaw,
  imageFromInspect,
  imageFromSummary,
  volumeFromRaw,
  type ImageRecord,
} from './records';

/**
 * The reads a snapshot is made of, each as small as the engine allows, so the event
 * follower can re-read only what changed.
 */

/** Every image (`all=1`: intermediates too), with layer facts for the ones not seen before. */
export async function readImages(
  connection: Connection,
  facts: LayerFacts,
): Promise<ImageRecord[]> {
  const images = (await listImages(connection)).map(imageFromSummary);
  await facts.ensure(
    connection,
    images.map((image) => image.id),
  );
  return images;
}

/** One image by ID or reference, or null when it is gone. */
export async function readImage(
  connection: Connection,
  facts: LayerFacts,
  idOrReference: string,
): Promise<ImageRecord | null> {
  const raw = await inspectImage(connection, idOrReference);
  if (!raw) return null;
  if (!facts.has(raw.Id)) {
    facts.record(raw.Id, raw.Size, raw.RootFS?.Layers ?? [], layerSizeBasis(connection.engine));
  }
  return imageFromInspect(raw);
}

export async function readContainers(
  connection: Connection,
  ids?: string[],
): Promise<ContainerInfo[]> {
  return (await listContainers(connection, ids)).map(containerFromRaw);
}

/** Every container without walking its writable layer: `sizeRw` is 0. */
export async function readContainersWithoutSizes(connection: Connection): Promise<ContainerInfo[]> {
  return (await listContainers(connection, undefined, false)).map(containerFromRaw);
}

export interface StoresState {
  volumes: VolumeInfo[];
  buildCache: BuildCacheInfo[];
  /** Rows the engine computed itself that must be used as they are (see EngineState). */
  engineRows: PartialRows;
  /** Containers, when the same answer carried them (the whole `/system/df` of API < 1.42). */
  containers?: ContainerInfo[];
}

function storesFrom(df: RawSystemDf, withContainers: boolean, withImagesRow: boolean): StoresState {
  const engineRows: PartialRows = {};
  if (withImagesRow) engineRows.images = rowsFromSystemDf(df, ['image']).images;
  // From API 1.52 the daemon sends computed rows and no lists: take its rows as they are.
  if (df.VolumeUsage && !df.Volumes) engineRows.volumes = rowsFromSystemDf(df, []).volumes;
  if (df.BuildCacheUsage && !df.BuildCache) {
    engineRows.buildCache = rowsFromSystemDf(df, []).buildCache;
  }
  const state: StoresState = {
    volumes: (df.Volumes ?? []).map(volumeFromRaw),
    buildCache: (df.BuildCache ?? []).map(buildCacheFromRaw),
    engineRows,
  };
  if (withContainers) state.containers = (df.Containers ?? []).map(containerFromRaw);
  return state;
}

/**
 * Volumes (with sizes) and build cache: only `/system/df` has them. From API 1.42 it is
 * narrowed to those two; before, the whole answer is read, and its container list (the
 * same walk `/containers/json?size=1` makes) is kept so containers cost no second walk.
 * Podman fills its `/system/df` container list differently, so it is not trusted there.
 */
export async function readStores(connection: Connection): Promise<StoresState> {
  if (!systemDfNarrows(connection)) {
    const df = await systemDf(connection);
    return storesFrom(df, storesCarryContainers(connection), engineCountsImagesRow(connection));
  }
  // Asked apart, as the dashboard's cold figures ask them (read-disk-usage.ts), so that the
  // first snapshot shares those very calls (SharedSlowReads) instead of walking twice.
  const [stores, imagesDf] = await Promise.all([
    systemDf(connection, ['volume', 'build-cache']),
    engineCountsImagesRow(connection) ? systemDf(connection, ['image']) : Promise.resolve(null),
  ]);
  const state = storesFrom(stores, false, false);
  if (imagesDf) state.engineRows.images = rowsFromSystemDf(imagesDf, ['image']).images;
  return state;
}

/** Whether readStores also returns the containers (see there). */
export function storesCarryContainers(connection: Connection): boolean {
  return connection.engine.kind === 'docker' && !systemDfNarrows(connection);
}

/**
 * On the containerd image store the daemon's image sizes count content blobs the layer
 * facts do not see, and its LayersSize counts every snapshot and blob: the Images row is
 * taken from the engine there (read with the stores, so an image change re-reads it too).
 */
export function engineCountsImagesRow(connection: Connection): boolean {
  return connection.engine.imageStore === 'containerd';
}
