import type { ImageInfo, Inventory } from '../../model';

/**
 * Each layer's own bytes by chain ID, so that the bytes a plan frees are the sum over the
 * layers it deletes. Taken from `layerSizes` where the inventory has them; otherwise derived
 * from image sizes: an image's Size is the cumulative size of its top chain, so a layer's own
 * size is its chain's cumulative size minus the nearest known one below. A run of layers with
 * no known cumulative size is counted on the run's top layer, which keeps every sum a removal
 * can free exact (removals free runs of layers that end at an image's top).
 */
export function layerSizeTable(inv: Pick<Inventory, 'images'>): Map<string, number> {
  const sizes = new Map<string, number>();
  const cumulative = new Map<string, number>();
  for (const image of inv.images) {
    const top = image.layers.at(-1);
    if (top !== undefined) cumulative.set(top, image.size);
  }
  for (const image of inv.images) {
    if (hasLayerSizes(image)) continue;
    let below = 0;
    for (const chain of image.layers) {
      const known = cumulative.get(chain);
      if (known === undefined) {
        if (!sizes.has(chain)) sizes.set(chain, 0);
        continue;
      }
      sizes.set(chain, known - below);
      below = known;
    }
  }
  // Measured sizes override derived ones.
  for (const image of inv.images) {
    if (!hasLayerSizes(image)) continue;
    image.layers.forEach((chain, i) => sizes.set(chain, image.layerSizes[i] ?? 0));
  }
  return sizes;
}

function hasLayerSizes(image: ImageInfo): image is ImageInfo & { layerSizes: number[] } {
  return image.layerSizes !== undefined && image.layerSizes.length === image.layers.length;
}

/** Bytes of the given chain IDs (unknown IDs, such as image IDs, count 0). */
export function bytesOf(table: ReadonlyMap<string, number>, chains: readonly string[]): number {
  return chains.reduce((sum, chain) => sum + (table.get(chain) ?? 0), 0);
}
