import type { ContainerRef, Inventory } from '../../model';
import type { KeptLayer, PlannedTarget } from '../../plan';
import { familiarString } from '../references/reference-grammar';
import type { EngineModel } from './engine-model';
import { shortId } from '../../format/short-id';

/** The sentences and kept layers of a planned target that was untagged or deleted. */

export function untaggedReason(
  otherTags: string[],
  model: EngineModel,
  imageId: string,
  containers: ContainerRef[],
): string {
  if (otherTags.length > 0) return `Only untagged: other tags keep it (${otherTags.join(', ')}).`;
  if (model.children(imageId).length > 0) {
    return 'Only untagged: child images are built on it, so the image stays as their untagged parent.';
  }
  const running = containers.filter((c) => c.running);
  return `Only untagged: a running container uses it (${running.map((c) => c.name).join(', ')}), so the image stays, untagged (dangling).`;
}

export function keptLayers(
  model: EngineModel,
  inv: Inventory,
  imageId: string,
  deleted: readonly string[],
  sizes: ReadonlyMap<string, number>,
): KeptLayer[] {
  const image = inv.images.find((i) => i.id === imageId);
  if (!image) return [];
  const gone = new Set(deleted);
  return image.layers
    .filter((chain) => !gone.has(chain))
    .map((chain) => ({
      chainId: chain,
      size: sizes.get(chain) ?? 0,
      usedBy: usersOf(model, chain),
    }));
}

function usersOf(model: EngineModel, chain: string): string[] {
  const images = [...model.images.values()]
    .filter((image) => image.layers.includes(chain))
    .map((image) => (image.refs[0] ? familiarString(image.refs[0]) : shortId(image.id)));
  const containers = [...model.containers.values()]
    .filter((c) => c.layers.includes(chain))
    .map((c) => `container ${shortId(c.id)}`);
  return [...images, ...containers];
}

export function deletedReason(target: PlannedTarget, inv: Inventory): string {
  const imageIds = new Set(inv.images.map((image) => image.id));
  const layers = target.deleted.filter((id) => !imageIds.has(id)).length;
  const kept = target.keptLayers.length;
  const untagged =
    target.untagged.length > 0 ? ` (after untagging ${target.untagged.join(', ')})` : '';
  const keptNote =
    kept === 0 ? '.' : `; ${kept} of its layers stay because other images or containers use them.`;
  return `Deleted: the image${untagged} and ${layers} layer${layers === 1 ? '' : 's'}${keptNote}`;
}
