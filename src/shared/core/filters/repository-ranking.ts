import type { ImageInfo } from '../../model';
import { familiarName, parseReported } from '../references/reference-grammar';

export interface RankedEntry {
  image: ImageInfo;
  /** The image's tags in this repository. */
  tags: string[];
}

/**
 * The images of each repository (by familiar name), newest first: by Created, then ID, so
 * equal times rank the same way every time. An image tagged in two repositories is ranked
 * in each; untagged images belong to none.
 */
export function rankByRepository(images: readonly ImageInfo[]): Map<string, RankedEntry[]> {
  const byRepository = new Map<string, RankedEntry[]>();
  for (const image of images) {
    for (const tag of image.repoTags) {
      const parsed = parseReported(tag);
      if (!parsed) continue;
      const repository = familiarName(parsed);
      const entries = byRepository.get(repository) ?? [];
      const entry = entries.find((candidate) => candidate.image.id === image.id);
      if (entry) entry.tags.push(tag);
      else entries.push({ image, tags: [tag] });
      byRepository.set(repository, entries);
    }
  }
  for (const entries of byRepository.values()) {
    entries.sort(
      (a, b) => b.image.created - a.image.created || a.image.id.localeCompare(b.image.id),
    );
  }
  return byRepository;
}

/** The IDs of the newest `keep` images of every repository. */
export function newestOfEachRepository(images: readonly ImageInfo[], keep: number): string[] {
  if (keep <= 0) return [];
  const ids = new Set<string>();
  for (const entries of rankByRepository(images).values()) {
    for (const { image } of entries.slice(0, keep)) ids.add(image.id);
  }
  return [...ids];
}
