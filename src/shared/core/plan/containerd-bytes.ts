import type { Inventory } from '../../model';
import type { EngineModel } from './engine-model';

/**
 * What going from `before` to `after` frees on the containerd image store. There an image
 * holds content (its manifest, config and layer blobs) and one snapshot per layer; the
 * engine frees content no remaining image points to and snapshots no remaining image or
 * container is built on, and its `LayersSize` counts both.
 *
 * The engine reports each image's Size (content and snapshots) and each layer's snapshot
 * (the history's sizes), never a layer blob's size. So for a layer only one image uses, its
 * blob is simply part of that image's remainder; for a layer several images share, the blob
 * is taken to be as large as its snapshot (true of the uncompressed layers `docker load` and
 * builds store, not of compressed pulls). It is an estimate all the same: when containerd's
 * garbage collection frees what is freed is its own (see Approximation `containerd-bytes`).
 */
export function containerdFreed(
  inv: Pick<Inventory, 'images'>,
  sizes: ReadonlyMap<string, number>,
  before: EngineModel,
  after: EngineModel,
): number {
  const users = new Map<string, number>();
  for (const image of inv.images) {
    for (const chain of new Set(image.layers)) users.set(chain, (users.get(chain) ?? 0) + 1);
  }
  const shared = (chain: string): boolean => (users.get(chain) ?? 0) > 1;
  const snapshot = (chain: string): number => sizes.get(chain) ?? 0;
  let bytes = 0;
  for (const image of inv.images) {
    if (!before.images.has(image.id) || after.images.has(image.id)) continue;
    // The image's own content: everything its layers' snapshots and shared blobs are not.
    const layers = [...new Set(image.layers)];
    const held = layers.reduce((sum, c) => sum + snapshot(c) + (shared(c) ? snapshot(c) : 0), 0);
    bytes += Math.max(0, image.size - held);
  }
  const heldAfter = after.heldLayers();
  for (const chain of before.heldLayers()) {
    if (heldAfter.has(chain)) continue;
    bytes += snapshot(chain) + (shared(chain) ? snapshot(chain) : 0);
  }
  return bytes;
}
