import type { ContainerInfo } from '../../../shared/model';
import type { Connection } from '../connect/connection';
import { mergeContainers, mergeImages } from './apply-changes';
import type { EngineState } from './assemble';
import type { LayerFacts } from './layer-facts';
import type { ImageRecord } from './records';
import { readImage, readImages, type StoresState } from './state-reads';

/**
 * How LiveInventory turns what changed into a new EngineState: the reads an event calls for
 * and the pure merges of their answers into the state held. Kept apart from LiveInventory,
 * which decides when these run (its queues) and publishes the result.
 */

/**
 * Containers read without sizes (fast), given the sizes the previous state knew: only the
 * slow `/system/df` can tell them, and a new container counts 0 until it does.
 */
export function withKnownSizes(
  previous: EngineState | null,
  containers: readonly ContainerInfo[],
): ContainerInfo[] {
  const knownSizes = new Map(previous?.containers.map((c) => [c.id, c.sizeRw]) ?? []);
  return containers.map((c) => ({ ...c, sizeRw: knownSizes.get(c.id) ?? 0 }));
}

/** The image list after image events: all of it read again, or only the images named. */
export function readChangedImages(
  connection: Connection,
  facts: LayerFacts,
  current: readonly ImageRecord[],
  changes: { allImages: boolean; images: readonly string[] },
): Promise<ImageRecord[]> {
  return changes.allImages
    ? readImages(connection, facts)
    : rereadImages(connection, facts, current, changes.images);
}

async function rereadImages(
  connection: Connection,
  facts: LayerFacts,
  current: readonly ImageRecord[],
  ids: readonly string[],
): Promise<ImageRecord[]> {
  if (ids.length === 0) return [...current];
  const reread = new Map<string, ImageRecord | null>();
  await Promise.all(ids.map(async (id) => reread.set(id, await readImage(connection, facts, id))));
  const merged = mergeImages(current, reread, connection.engine.imageStore === 'containerd');
  // A new image may share layers at points no image size proves yet; a removal cannot
  // need new facts (known sizes are kept by chain).
  const known = new Set(current.map((image) => image.id));
  if (merged.some((image) => !known.has(image.id))) {
    await facts.ensure(
      connection,
      merged.map((image) => image.id),
    );
  }
  return merged;
}

/** The state with re-read images and, when some were asked (`askedContainers`), containers. */
export function withFastChanges(
  state: EngineState,
  images: ImageRecord[],
  askedContainers: readonly string[],
  containers: readonly ContainerInfo[] | null,
): EngineState {
  return {
    ...state,
    images: images,
    containers: containers
      ? mergeContainers(state.containers, askedContainers, containers)
      : state.containers,
  };
}

/**
 * The state with freshly read volumes, build cache and engine-computed rows; `imagesRowFresh`:
 * no image changed since the engine's Images row was read, so it is no longer pending.
 */
export function withStores(
  state: EngineState,
  stores: StoresState,
  imagesRowFresh: boolean,
): EngineState {
  const pending = (state.pending ?? []).filter((row) => row !== 'images' || !imagesRowFresh);
  return {
    ...state,
    volumes: stores.volumes,
    buildCache: stores.buildCache,
    engineRows: { ...state.engineRows, ...stores.engineRows },
    pending,
  };
}

/** The engine's Images row (containerd store) is older than the images until read again. */
export function withImagesRowPending(state: EngineState): EngineState {
  const pending = state.pending ?? [];
  return pending.includes('images') ? state : { ...state, pending: [...pending, 'images'] };
}
