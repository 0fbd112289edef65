import type { Inventory } from '../../model';
import { containerdFreed } from './containerd-bytes';
import { EngineModel } from './engine-model';
import { bytesOf } from './layer-sizes';
import { podmanFreed } from './podman-bytes';

/**
 * The image bytes a run's `Deleted:` records freed, on the inventory read just before it
 * (containers' writable layers are counted apart). On the classic store the records name
 * every layer that went; on the containerd store they name images only, so the bytes are
 * what those images held that nothing left holds (on Podman too, whose layers go by reference
 * count), with the containers the run removed
 * (`containerNames`) no longer holding theirs.
 */
export function bytesReclaimed(
  inv: Inventory,
  sizes: ReadonlyMap<string, number>,
  deletedIds: readonly string[],
  containerNames: readonly string[],
): number {
  const before = EngineModel.fromInventory(inv);
  if (before.deletedNamesLayers) return bytesOf(sizes, deletedIds);
  const after = before.clone();
  for (const id of deletedIds) after.images.delete(id);
  for (const container of inv.containers) {
    if (containerNames.includes(container.name)) after.removeContainer(container.id);
  }
  return before.store === 'containerd'
    ? containerdFreed(inv, sizes, before, after)
    : podmanFreed(inv, sizes, before, after);
}
