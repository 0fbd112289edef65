import type { Inventory } from '../../model';
import { bytesOf, layerSizeTable } from '../plan/layer-sizes';
import { childrenByParent } from './children-by-parent';
import { buildCacheRow, containersRow, volumesRow } from './cli-rows';
import { imagesRowFromLayers } from './images-row';
import { containerdUniqueSizes } from './containerd-unique-sizes';
import { uniqueSizes } from './unique-sizes';

/**
 * An inventory's derived figures recomputed from its facts (layers and their sizes, parents,
 * names, containers): each image's unique and shared bytes and the four `docker system df`
 * rows, by the same formulas the live inventory applies to an engine read. For an inventory
 * changed without a new read, such as the renderer's test API after a simulated run.
 * `intermediatesShareLayers`: true from API 1.42 (see imagesRowFromLayers).
 */
export function withDerivedFigures(
  inv: Omit<Inventory, 'diskUsage' | 'takenAt'>,
  takenAt: number,
  intermediatesShareLayers: boolean,
): Inventory {
  const layerSize = layerSizeTable(inv);
  const children = childrenByParent(inv.images);
  const containersByImage = new Map<string, number>();
  for (const container of inv.containers) {
    containersByImage.set(container.imageId, (containersByImage.get(container.imageId) ?? 0) + 1);
  }
  const used = new Set(containersByImage.keys());
  const unique =
    inv.engine.imageStore === 'containerd'
      ? containerdUniqueSizes(inv, layerSize)
      : uniqueSizes(
          inv.images.map((image) => ({
            id: image.id,
            parentId: image.parentId,
            referenced: image.repoTags.length > 0 || image.repoDigests.length > 0,
            chains: image.layers,
            // Podman's Size adds the image's own records (manifest, config) to its layers.
            ...(inv.engine.kind === 'podman'
              ? { ownBytes: Math.max(0, image.size - bytesOf(layerSize, image.layers)) }
              : {}),
          })),
          children,
          used,
          layerSize,
        );
  const images = inv.images.map((image) => {
    const uniqueSize = unique.get(image.id) ?? 0;
    return { ...image, uniqueSize, sharedSize: image.size - uniqueSize };
  });
  const imagesRow = imagesRowFromLayers({
    images: images.map((image) => ({
      id: image.id,
      size: image.size,
      chains: image.layers,
      intermediate: image.intermediate,
    })),
    containersByImage,
    layerSize,
    intermediatesShareLayers,
  });
  return {
    ...inv,
    images,
    diskUsage: {
      images: imagesRow,
      containers: containersRow(inv.containers),
      volumes: volumesRow(inv.volumes),
      buildCache: buildCacheRow(inv.buildCache),
      takenAt,
    },
    takenAt,
  };
}
