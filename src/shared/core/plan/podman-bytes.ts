import type { Inventory } from '../../model';
import type { EngineModel } from './engine-model';
import { bytesOf } from './layer-sizes';

/**
 * What going from `before` to `after` frees on Podman. Its storage drops a layer when no
 * image or container holds it any more (`Deleted:` names images only), and an image's own
 * records (manifest, config, signatures) with the image. Podman's image Size is the sum of
 * both, and `/history` states each layer's own bytes, so an image's own records are its
 * Size less its layers'.
 */
export function podmanFreed(
  inv: Pick<Inventory, 'images'>,
  sizes: ReadonlyMap<string, number>,
  before: EngineModel,
  after: EngineModel,
): number {
  const held = after.heldLayers();
  const layers = bytesOf(
    sizes,
    [...before.heldLayers()].filter((layer) => !held.has(layer)),
  );
  let records = 0;
  for (const image of inv.images) {
    if (!before.images.has(image.id) || after.images.has(image.id)) continue;
    records += Math.max(0, image.size - bytesOf(sizes, [...new Set(image.layers)]));
  }
  return layers + records;
}
