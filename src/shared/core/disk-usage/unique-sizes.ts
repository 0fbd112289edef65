/**
 * What `docker rmi <image>` alone would free, from layer facts.
 *
 * The daemon deletes the image, then (unless `--no-prune`) walks up its Parent chain and
 * deletes each parent that has no tag or digest, no other child and no container, stopping
 * at the first that has one (moby daemon/images/image_delete.go, imageDeleteHelper). Layers
 * are reference-counted: a layer goes when no remaining image includes its chain and no
 * container sits on it. A container holds its image's whole chain even when the image is
 * force-removed, so layers under any container's image are never counted as freed.
 */

export interface AccountedImage {
  id: string;
  parentId: string | null;
  /** Has at least one tag or digest: the parent walk stops there. */
  referenced: boolean;
  chains: readonly string[];
  /** Bytes the image holds beside its layers and frees with itself: Podman's own records. */
  ownBytes?: number;
}

/** The images one `docker rmi <id>` deletes: the image, then the parents it prunes. */
export function imagesRemovedWith(
  id: string,
  byId: ReadonlyMap<string, AccountedImage>,
  children: ReadonlyMap<string, readonly string[]>,
  usedByContainers: ReadonlySet<string>,
): string[] {
  const removed = [id];
  let parentId = byId.get(id)?.parentId ?? null;
  while (parentId !== null) {
    const parent = byId.get(parentId);
    if (!parent || parent.referenced || usedByContainers.has(parentId)) break;
    const others = (children.get(parentId) ?? []).filter((child) => !removed.includes(child));
    if (others.length > 0) break;
    removed.push(parentId);
    parentId = parent.parentId;
  }
  return removed;
}

/** How many images include each chain. */
function chainUseCounts(images: readonly AccountedImage[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const image of images) {
    for (const chain of image.chains) counts.set(chain, (counts.get(chain) ?? 0) + 1);
  }
  return counts;
}

/** Every chain some container sits on (through its image). */
function chainsUnderContainers(
  images: readonly AccountedImage[],
  usedByContainers: ReadonlySet<string>,
): Set<string> {
  const held = new Set<string>();
  for (const image of images) {
    if (usedByContainers.has(image.id)) for (const chain of image.chains) held.add(chain);
  }
  return held;
}

/**
 * Bytes freed by removing exactly `removedIds` together: layers of theirs that no other image
 * includes and no container holds, each counted once.
 */
function bytesFreedByRemoving(
  removedIds: readonly string[],
  byId: ReadonlyMap<string, AccountedImage>,
  useCounts: ReadonlyMap<string, number>,
  held: ReadonlySet<string>,
  layerSize: ReadonlyMap<string, number>,
): number {
  const usesInside = new Map<string, number>();
  for (const id of new Set(removedIds)) {
    for (const chain of byId.get(id)?.chains ?? []) {
      usesInside.set(chain, (usesInside.get(chain) ?? 0) + 1);
    }
  }
  let freed = 0;
  for (const [chain, inside] of usesInside) {
    if (held.has(chain) || (useCounts.get(chain) ?? 0) > inside) continue;
    freed += layerSize.get(chain) ?? 0;
  }
  for (const id of new Set(removedIds)) freed += byId.get(id)?.ownBytes ?? 0;
  return freed;
}

/** `uniqueSize` of every image: what `docker rmi <id>` of that image alone frees. */
export function uniqueSizes(
  images: readonly AccountedImage[],
  children: ReadonlyMap<string, readonly string[]>,
  usedByContainers: ReadonlySet<string>,
  layerSize: ReadonlyMap<string, number>,
): Map<string, number> {
  const byId = new Map(images.map((image) => [image.id, image]));
  const useCounts = chainUseCounts(images);
  const held = chainsUnderContainers(images, usedByContainers);
  const result = new Map<string, number>();
  for (const image of images) {
    // An image a container uses is not removed (the engine refuses without force).
    if (usedByContainers.has(image.id)) {
      result.set(image.id, 0);
      continue;
    }
    const removed = imagesRemovedWith(image.id, byId, children, usedByContainers);
    result.set(image.id, bytesFreedByRemoving(removed, byId, useCounts, held, layerSize));
  }
  return result;
}
