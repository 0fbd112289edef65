import type {
  BuildCacheInfo,
  ContainerInfo,
  ContainerRef,
  EngineInfo,
  ImageInfo,
  Inventory,
  PendingRow,
  VolumeInfo,
} from '../../../shared/model';
import { buildCacheRow, containersRow, volumesRow } from '../../../shared/core/disk-usage/cli-rows';
import { imagesRowFromLayers } from '../../../shared/core/disk-usage/images-row';
import type { PartialRows } from '../disk-usage/system-df-rows';
import { apiAtLeast } from '../connect/api-version';
import { childrenByParent, classifyImage } from './classification';
import type { LayerFacts } from './layer-facts';
import { containerRef, type ImageRecord } from './records';
import { uniqueSizes } from '../../../shared/core/disk-usage/unique-sizes';

/** Everything read from the engine, before it is put together. */
export interface EngineState {
  engine: EngineInfo;
  images: ImageRecord[];
  containers: ContainerInfo[];
  volumes: VolumeInfo[];
  buildCache: BuildCacheInfo[];
  /**
   * Rows taken as the engine computed them instead of from the lists above: where Reclaim's
   * own figures cannot match the engine's (containerd image store, API 1.52 `…Usage`).
   */
  engineRows?: PartialRows;
  /** Rows whose figures are older than the images (see DiskUsage.pending). */
  pending?: PendingRow[];
}

/** Puts a snapshot together: pure, so recorded engine answers test it in milliseconds. */
export function assembleInventory(
  state: EngineState,
  facts: LayerFacts,
  takenAt: number,
): Inventory {
  const images = state.images.filter((image) => facts.has(image.id));
  const layered = images.map((image) => ({
    record: image,
    chains: facts.layersOf(image.id)?.chains ?? [],
  }));
  const children = childrenByParent(images);

  const refsByImage = new Map<string, ContainerRef[]>();
  for (const container of state.containers) {
    const list = refsByImage.get(container.imageId) ?? [];
    list.push(containerRef(container));
    refsByImage.set(container.imageId, list);
  }
  const usedByContainers = new Set(refsByImage.keys());

  const layerSize = facts.layerSizeMap(
    layered.map(({ record, chains }) => ({ id: record.id, size: record.size, chains })),
  );
  const unique = uniqueSizes(
    layered.map(({ record, chains }) => ({
      id: record.id,
      parentId: record.parentId,
      referenced: record.repoTags.length > 0 || record.repoDigests.length > 0,
      chains,
    })),
    children,
    usedByContainers,
    layerSize,
  );

  const imageInfos: ImageInfo[] = layered.map(({ record, chains }) => {
    const kind = classifyImage(record, children.get(record.id) ?? []);
    const uniqueSize = unique.get(record.id) ?? 0;
    return {
      ...record,
      uniqueSize,
      sharedSize: record.size - uniqueSize,
      childIds: kind.childIds,
      dangling: kind.dangling,
      intermediate: kind.intermediate,
      containers: refsByImage.get(record.id) ?? [],
      layers: [...chains],
      layerSizes: chains.map((chain) => layerSize.get(chain) ?? 0),
    };
  });

  const computedImagesRow = imagesRowFromLayers({
    images: imageInfos.map((image) => ({
      id: image.id,
      size: image.size,
      chains: image.layers,
      intermediate: image.intermediate,
    })),
    containersByImage: new Map([...refsByImage].map(([id, refs]) => [id, refs.length])),
    layerSize,
    intermediatesShareLayers: apiAtLeast(state.engine.apiVersion, '1.42'),
  });

  return {
    engine: state.engine,
    images: imageInfos,
    containers: state.containers,
    volumes: state.volumes,
    buildCache: state.buildCache,
    diskUsage: {
      images: state.engineRows?.images ?? computedImagesRow,
      containers: state.engineRows?.containers ?? containersRow(state.containers),
      volumes: state.engineRows?.volumes ?? volumesRow(state.volumes),
      buildCache: state.engineRows?.buildCache ?? buildCacheRow(state.buildCache),
      ...(state.pending && state.pending.length > 0 ? { pending: [...state.pending] } : {}),
      takenAt,
    },
    takenAt,
  };
}
