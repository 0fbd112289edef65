import type { Inventory } from '../../model';

/**
 * The inventory as it will be once `removed` containers are gone: what `docker system prune`
 * sees when it reaches the images, after its container prune. The images part of a cleanup
 * is planned on this, and its run re-checks each image on the engine as it then is, so an
 * image whose container could not be removed is skipped, never forced.
 */
export function withoutContainers<T extends Pick<Inventory, 'images' | 'containers'>>(
  inv: T,
  removed: ReadonlySet<string>,
): T {
  if (removed.size === 0) return inv;
  return {
    ...inv,
    containers: inv.containers.filter((container) => !removed.has(container.id)),
    images: inv.images.map((image) =>
      image.containers.some((ref) => removed.has(ref.id))
        ? { ...image, containers: image.containers.filter((ref) => !removed.has(ref.id)) }
        : image,
    ),
  };
}
