import type { Inventory } from '../../model';
import { containerdFreed } from '../plan/containerd-bytes';
import { EngineModel } from '../plan/engine-model';

/**
 * What removing one image alone frees on the containerd image store: its `uniqueSize`.
 *
 * It is what a plan removing that image by ID would say, from the same model and the same
 * byte accounting (plan/containerd-delete.ts, plan/containerd-bytes.ts): the image goes with
 * every name, and with the untagged parents a legacy build left that nothing else needs; the
 * content and snapshots no remaining image or container points to are freed. An image a
 * container uses frees nothing: the engine refuses it, and forced it keeps the image.
 */
export function containerdUniqueSizes(
  inv: Pick<Inventory, 'engine' | 'images' | 'containers'>,
  snapshotSize: ReadonlyMap<string, number>,
): Map<string, number> {
  const model = EngineModel.fromInventory(inv);
  const used = new Set(inv.containers.map((container) => container.imageId));
  const result = new Map<string, number>();
  for (const image of inv.images) {
    if (used.has(image.id)) {
      result.set(image.id, 0);
      continue;
    }
    const after = model.clone();
    after.delete({ kind: 'id', id: image.id }, true, true);
    result.set(image.id, containerdFreed(inv, snapshotSize, model, after));
  }
  return result;
}
