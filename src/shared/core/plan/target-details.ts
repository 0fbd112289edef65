import type { Inventory } from '../../model';
import type { KeptLayer, LayerUser } from '../../plan';
import { familiarString } from '../references/reference-grammar';
import type { EngineModel } from './engine-model';
import { shortId } from '../../format/short-id';

/** The layers a deleted target keeps, and what still uses each. */

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
  // Kept is what something still holds: on the containerd store and Podman `Deleted:` names
  // no layer, so a layer missing from it may still go with the image.
  return image.layers
    .filter((chain) => !gone.has(chain))
    .map((chain) => ({
      chainId: chain,
      size: sizes.get(chain) ?? 0,
      usedBy: usersOf(model, chain),
    }))
    .filter((layer) => layer.usedBy.length > 0);
}

function usersOf(model: EngineModel, chain: string): LayerUser[] {
  const images = [...model.images.values()]
    .filter((image) => image.layers.includes(chain))
    .map((image): LayerUser => ({
      kind: 'image',
      name: image.refs[0] ? familiarString(image.refs[0]) : shortId(image.id),
    }));
  const containers = [...model.containers.values()]
    .filter((c) => c.layers.includes(chain))
    .map((c): LayerUser => ({ kind: 'container', id: shortId(c.id) }));
  return [...images, ...containers];
}
