import type { ContainerInfo } from '../../../shared/model';
import type { ImageRecord } from './records';

/**
 * Merges re-read images into a list: replaced by ID, removed when gone (null), added when
 * new. Kept newest first, the order `docker images` uses.
 */
export function mergeImages(
  images: readonly ImageRecord[],
  reread: ReadonlyMap<string, ImageRecord | null>,
  keepListedSize = false,
): ImageRecord[] {
  const byId = new Map(images.map((image) => [image.id, image]));
  for (const [id, record] of reread) {
    if (record === null) {
      byId.delete(id);
      continue;
    }
    const listed = byId.get(record.id);
    // On the containerd store an inspect's Size is the content alone and it lists no
    // platforms: an image re-read by ID keeps what the list said (they change only with a
    // pull or load, which re-list every image).
    byId.set(
      record.id,
      keepListedSize && listed
        ? {
            ...record,
            size: listed.size,
            ...(listed.platforms ? { platforms: listed.platforms } : {}),
          }
        : record,
    );
  }
  return [...byId.values()].sort((a, b) => b.created - a.created);
}

/** Same for containers; `asked` are the IDs re-read, so an asked ID not found is gone. */
export function mergeContainers(
  containers: readonly ContainerInfo[],
  asked: readonly string[],
  found: readonly ContainerInfo[],
): ContainerInfo[] {
  const byId = new Map(containers.map((container) => [container.id, container]));
  for (const id of asked) {
    if (!found.some((container) => container.id.startsWith(id) || id.startsWith(container.id))) {
      byId.delete(id);
    }
  }
  for (const container of found) byId.set(container.id, container);
  return [...byId.values()];
}
