import type { ImageInfo, Inventory } from '../../model';
import { parentsPrunedWith } from '../plan/containerd-delete';
import { EngineModel } from '../plan/engine-model';

/**
 * What removing one image alone frees on the containerd image store: its `uniqueSize`.
 *
 * It is what a plan removing that image by ID would say (plan/containerd-delete.ts and the
 * byte accounting of plan/containerd-bytes.ts): the image goes with the untagged parents a
 * legacy build left that nothing else needs; its own content (its Size beyond its layers'
 * snapshots and shared blobs) is freed, and so is each layer no remaining image or container
 * holds, its snapshot and, when several images had it, its blob taken as large as the
 * snapshot. An image a container uses frees nothing: the engine refuses it, and forced it
 * keeps the image. Layer users are counted once for all images, so this stays linear in the
 * images and their layers (it runs on every snapshot).
 */
export function containerdUniqueSizes(
  inv: Pick<Inventory, 'engine' | 'images' | 'containers'>,
  snapshotSize: ReadonlyMap<string, number>,
): Map<string, number> {
  const model = EngineModel.fromInventory(inv);
  const users = new Map<string, number>();
  for (const image of inv.images) {
    for (const chain of new Set(image.layers)) users.set(chain, (users.get(chain) ?? 0) + 1);
  }
  const underContainers = new Set<string>();
  for (const container of model.containers.values()) {
    for (const chain of container.layers) underContainers.add(chain);
  }
  const byId = new Map(inv.images.map((image) => [image.id, image]));
  const used = new Set(inv.containers.map((container) => container.imageId));
  const snapshot = (chain: string): number => snapshotSize.get(chain) ?? 0;
  const held = (chain: string): number =>
    (users.get(chain) ?? 0) > 1 ? 2 * snapshot(chain) : snapshot(chain);

  const result = new Map<string, number>();
  for (const image of inv.images) {
    const modelImage = model.images.get(image.id);
    if (used.has(image.id) || !modelImage) {
      result.set(image.id, 0);
      continue;
    }
    const removed: ImageInfo[] = [image];
    for (const parent of parentsPrunedWith(model, modelImage)) {
      const info = byId.get(parent.id);
      if (info) removed.push(info);
    }
    let bytes = 0;
    const usesInside = new Map<string, number>();
    for (const going of removed) {
      const chains = new Set(going.layers);
      let layers = 0;
      for (const chain of chains) {
        layers += held(chain);
        usesInside.set(chain, (usesInside.get(chain) ?? 0) + 1);
      }
      bytes += Math.max(0, going.size - layers);
    }
    for (const [chain, inside] of usesInside) {
      if (inside === users.get(chain) && !underContainers.has(chain)) bytes += held(chain);
    }
    result.set(image.id, bytes);
  }
  return result;
}
