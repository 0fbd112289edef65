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
import { withDerivedFigures } from '../../../shared/core/disk-usage/derived-figures';
import type { PartialRows } from '../disk-usage/system-df-rows';
import { apiAtLeast } from '../connect/api-version';
import { childrenByParent, classifyImage } from './classification';
import type { LayerFacts } from './layer-facts';
import { containerRef, type ImageRecord } from './records';

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

  const layerSize = facts.layerSizeMap(
    layered.map(({ record, chains }) => ({ id: record.id, size: record.size, chains })),
  );
  // Unique and shared bytes are filled in below, from these facts, by the core's formulas.
  const imageInfos: ImageInfo[] = layered.map(({ record, chains }) => {
    const kind = classifyImage(record, children.get(record.id) ?? []);
    return {
      ...record,
      uniqueSize: 0,
      sharedSize: 0,
      childIds: kind.childIds,
      dangling: kind.dangling,
      intermediate: kind.intermediate,
      containers: refsByImage.get(record.id) ?? [],
      layers: [...chains],
      layerSizes: chains.map((chain) => layerSize.get(chain) ?? 0),
    };
  });

  const computed = withDerivedFigures(
    {
      engine: state.engine,
      images: imageInfos,
      containers: state.containers,
      volumes: state.volumes,
      buildCache: state.buildCache,
    },
    takenAt,
    apiAtLeast(state.engine.apiVersion, '1.42'),
  );
  const rows = computed.diskUsage;
  return {
    ...computed,
    diskUsage: {
      images: state.engineRows?.images ?? rows.images,
      containers: state.engineRows?.containers ?? rows.containers,
      volumes: state.engineRows?.volumes ?? rows.volumes,
      buildCache: state.engineRows?.buildCache ?? rows.buildCache,
      ...(state.pending && state.pending.length > 0 ? { pending: [...state.pending] } : {}),
      takenAt,
    },
  };
}
