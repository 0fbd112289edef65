import type { EngineInfo } from '../../../shared/model';
import type { Connection } from '../connect/connection';
import { chainIds } from './chain-ids';
import { ChainSizes, imagesNeedingHistory, type ImageLayers } from './chain-sizes';
import { imageHistory, inspectImage } from './engine-reads';
import { layerSizesFromHistory } from './history-sizes';
import { mapLimit } from './map-limit';
import type { RawHistoryItem } from './raw-types';

/**
 * Requests in flight while reading layer facts (see mapLimit). Measured with 200 images on a
 * 2-core machine: 16 did at least as well as 4, 8 or 32 (the daemon answers each inspect in
 * a fraction of a millisecond; more in flight only hides socket round trips).
 */
const CONCURRENCY = 16;

/**
 * Where an engine's per-layer sizes come from. On Docker's classic store an image's Size is
 * the cumulative size of its layers, so sizes follow from image sizes (and `/history` only
 * where they do not). On the containerd store Size adds the content to the snapshots, and
 * Podman's adds each image's own records (manifest, config): there Size states no layer
 * fact, and every image's `/history` is read.
 */
export type LayerSizeBasis = 'image-size' | 'history';

export function layerSizeBasis(engine: Pick<EngineInfo, 'kind' | 'imageStore'>): LayerSizeBasis {
  return engine.kind === 'podman' || engine.imageStore === 'containerd' ? 'history' : 'image-size';
}

/**
 * Layer facts per image ID, read once: an image's layers and sizes never change for a given
 * ID, so a refresh after the first reads only images it has not seen.
 */
export class LayerFacts {
  private readonly layersById = new Map<string, ImageLayers>();
  private readonly historyTried = new Set<string>();
  readonly sizes = new ChainSizes();
  /** Set once an image is recorded whose sizes come from `/history` (see LayerSizeBasis). */
  private historyOnly = false;

  has(id: string): boolean {
    return this.layersById.has(id);
  }

  layersOf(id: string): ImageLayers | undefined {
    return this.layersById.get(id);
  }

  /** Records facts already in hand (an inspect answer, or a recorded one in tests). */
  record(
    id: string,
    size: number,
    diffIds: readonly string[],
    basis: LayerSizeBasis = 'image-size',
  ): ImageLayers {
    if (basis === 'history') this.historyOnly = true;
    const layers: ImageLayers = { id, size, chains: chainIds(diffIds) };
    this.layersById.set(id, layers);
    if (!this.historyOnly) this.sizes.learnImage(layers);
    return layers;
  }

  /**
   * Makes sure every image in `ids` has layer facts, and that the sizes at every point where
   * images share or end are known (reading `/history` only where image sizes do not already
   * prove them). Images that vanished meanwhile are skipped; the caller sees `has(id)` false.
   */
  async ensure(connection: Connection, ids: readonly string[]): Promise<void> {
    const unknown = ids.filter((id) => !this.layersById.has(id));
    await mapLimit(unknown, CONCURRENCY, async (id) => {
      const inspect = await inspectImage(connection, id);
      if (inspect) {
        const basis = layerSizeBasis(connection.engine);
        this.record(id, inspect.Size, inspect.RootFS?.Layers ?? [], basis);
      }
    });
    await mapLimit(this.historyWanted(ids), CONCURRENCY, async (id) => {
      this.learnHistory(id, await imageHistory(connection, id));
    });
  }

  /** Images whose `/history` would prove sizes not yet known where images share or end. */
  historyWanted(ids: readonly string[]): string[] {
    const present = ids.flatMap((id) => this.layersById.get(id) ?? []);
    if (this.historyOnly) {
      return present.map((image) => image.id).filter((id) => !this.historyTried.has(id));
    }
    return imagesNeedingHistory(present, this.sizes, this.historyTried);
  }

  /** Takes per-layer sizes from an image's history (null: the image is gone). */
  learnHistory(id: string, history: readonly RawHistoryItem[] | null): void {
    this.historyTried.add(id);
    const layers = this.layersById.get(id);
    if (!layers || !history) return;
    const sizes = layerSizesFromHistory(
      history,
      layers.chains.length,
      this.historyOnly ? null : layers.size,
    );
    if (sizes) this.sizes.learnLayerSizes(layers.chains, sizes);
  }

  /** Each chain's own bytes, for the images given. */
  layerSizeMap(images: readonly ImageLayers[]): Map<string, number> {
    const map = new Map<string, number>();
    for (const image of images) {
      const own = this.sizes.layerSizes(image.chains);
      image.chains.forEach((chain, i) => map.set(chain, own[i] ?? 0));
    }
    return map;
  }

  /** Drops per-image facts of images no longer present (chain facts stay: they are tiny). */
  forgetExcept(presentIds: ReadonlySet<string>): void {
    for (const id of this.layersById.keys()) if (!presentIds.has(id)) this.layersById.delete(id);
  }
}
