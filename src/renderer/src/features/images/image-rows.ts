import type { ImageInfo } from '../../../../shared/model';

/**
 * One row per reference, as `docker images` lists them: an image with two tags has two
 * rows; an untagged image has one row with `<none>`. Selecting a row selects what `docker
 * rmi` would take for it: the `name:tag`, or the ID for an untagged image.
 */
export interface ImageRow {
  /** Unique row key and what removal takes: `repo:tag` or the image ID. */
  key: string;
  image: ImageInfo;
  repository: string | null;
  tag: string | null;
  digest: string | null;
}

function splitRepoTag(repoTag: string): [string, string] {
  const at = repoTag.lastIndexOf(':');
  if (at <= repoTag.lastIndexOf('/')) return [repoTag, 'latest'];
  return [repoTag.slice(0, at), repoTag.slice(at + 1)];
}

function digestFor(image: ImageInfo, repository: string | null): string | null {
  const match = image.repoDigests.find(
    (d) => repository !== null && d.startsWith(`${repository}@`),
  );
  const any = match ?? image.repoDigests[0];
  return any ? any.slice(any.indexOf('@') + 1) : null;
}

export function imageRows(images: readonly ImageInfo[]): ImageRow[] {
  return images.flatMap((image): ImageRow[] => {
    if (image.repoTags.length === 0) {
      const digestRepo = image.repoDigests[0]?.split('@')[0] ?? null;
      return [
        {
          key: image.id,
          image,
          repository: digestRepo,
          tag: null,
          digest: digestFor(image, digestRepo),
        },
      ];
    }
    return image.repoTags.map((repoTag) => {
      const [repository, tag] = splitRepoTag(repoTag);
      return { key: repoTag, image, repository, tag, digest: digestFor(image, repository) };
    });
  });
}

/**
 * Bytes that removing the selected rows frees: an image counts once, and only when every
 * one of its references is selected (removing some tags only untags).
 */
export function bytesFreedBySelection(
  rows: readonly ImageRow[],
  selected: ReadonlySet<string>,
): number {
  const images = new Map<string, ImageInfo>();
  for (const row of rows) if (selected.has(row.key)) images.set(row.image.id, row.image);
  let total = 0;
  for (const image of images.values()) {
    const keys = image.repoTags.length > 0 ? image.repoTags : [image.id];
    if (keys.every((key) => selected.has(key))) total += image.uniqueSize;
  }
  return total;
}

/**
 * The rows "select all" ticks: every shown row except protected images, which batch
 * selections never take (they can still be ticked one by one).
 */
export function selectAllKeys(
  rows: readonly ImageRow[],
  isProtected: (image: ImageInfo) => boolean,
): string[] {
  return rows.filter((row) => !isProtected(row.image)).map((row) => row.key);
}
