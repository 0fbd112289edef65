import type { ContainerInfo, ImageInfo } from '../../model';
import {
  fullName,
  fullString,
  parseReported,
  withDefaultTag,
} from '../references/reference-grammar';
import { releaseAtLeast } from './engine-release';

/**
 * Whether the containerd store's own `docker image prune -a` would untag (or delete) an
 * image a container uses, where Reclaim keeps it whole (moby daemon/containerd/
 * image_prune.go, pruneUnused). The engine protects by name, per container:
 * - the name a container was created by (`TagNameOnly` of what the user typed) is never a
 *   candidate, and from 27.3, `repo:tag` too when it was `repo:tag@sha256:…`;
 * - a container created by ID (full or short, or from 27.3 `name@<its ID>`) marks the image
 *   used. Before 27.3 every name of a used image still goes and the image stays as
 *   `<none>`; from 27.3 the image's last name in sorted order stays.
 * `container.image` is what the engine lists: the typed reference, or the image ID when that
 * reference no longer names the image (then it counts as created by ID, as the list shows).
 */
export function containerdPruneUntagsInUse(
  image: Pick<ImageInfo, 'id' | 'repoTags'>,
  containers: readonly Pick<ContainerInfo, 'imageId' | 'image'>[],
  engineVersion: string,
): boolean {
  const since27_3 = releaseAtLeast(engineVersion, 27, 3);
  const protectedNames = new Set<string>();
  let usedById = false;
  for (const container of containers) {
    const typed = container.image;
    const byId = container.imageId.startsWith(`sha256:${typed.replace(/^sha256:/, '')}`);
    const byDigest = since27_3 && typed.endsWith(`@${container.imageId}`);
    if (container.imageId === image.id && (byId || byDigest)) usedById = true;
    // Before 27.3, a container created by ID protects no name.
    if (byId && !since27_3) continue;
    const parsed = parseReported(typed);
    if (parsed === null) continue;
    const named = withDefaultTag(parsed);
    protectedNames.add(fullString(named));
    if (since27_3 && named.tag !== null && named.digest !== null) {
      protectedNames.add(fullString({ ...named, digest: null }));
    }
  }
  const records = image.repoTags
    .map(parseReported)
    .filter((ref) => ref !== null)
    .map((ref) => `${fullName(ref)}:${ref.tag ?? 'latest'}`);
  const candidates = records.filter((record) => !protectedNames.has(record));
  if (candidates.length === 0) return false;
  // From 27.3 the last record of a used image stays: only a candidate among others goes.
  if (since27_3 && usedById && candidates.length === records.length) return candidates.length > 1;
  return true;
}
