/**
 * Which images `docker images` calls dangling and which it hides as intermediate, by the
 * rules of moby's image list (daemon/images/images.go, classic store):
 *
 * - `dangling=true` walks only the "heads" (images no other image names as Parent) and
 *   skips any image with a tag. An image with a digest but no tag (what is left when its tag
 *   moved after a pull) IS listed as dangling, and `docker image prune` removes it.
 * - Without `-a`, an image with neither tag nor digest that has children is hidden: a build
 *   step of the legacy builder. `docker system df` leaves those out of its image count too.
 */

export interface NamedImage {
  id: string;
  repoTags: readonly string[];
  repoDigests: readonly string[];
  parentId: string | null;
}

export interface ImageKind {
  childIds: string[];
  dangling: boolean;
  intermediate: boolean;
}

export { childrenByParent } from '../../../shared/core/disk-usage/children-by-parent';

export function classifyImage(image: NamedImage, childIds: readonly string[]): ImageKind {
  const hasChildren = childIds.length > 0;
  const untagged = image.repoTags.length === 0;
  return {
    childIds: [...childIds],
    dangling: untagged && !hasChildren,
    intermediate: untagged && image.repoDigests.length === 0 && hasChildren,
  };
}
