import type { KeptByProtection } from '../../cleanup';
import type { Inventory } from '../../model';
import { protectionTest, type Protection } from '../filters/protection';
import { rankByRepository } from '../filters/repository-ranking';

export interface KeepNewestSelection {
  /** The tags to remove (`repo:tag`), oldest repository entries first, in a stable order. */
  references: string[];
  /** Images beyond the newest N that settings protect: their tags stay. */
  keptProtected: KeptByProtection[];
}

/**
 * docker-gc's minimum to keep, per repository: the images carrying a tag of the repository
 * are ranked newest first (by Created, then ID, so equal times rank the same way every
 * time); the first `keep` stay, and the repository's tags on the others go. An image tagged
 * in two repositories is ranked in each; removing one repository's tag leaves the other.
 * Untagged images have no repository and are left to the prune strategies.
 */
export function selectBeyondNewest(
  inv: Pick<Inventory, 'images'>,
  keep: number,
  protection: Protection,
): KeepNewestSelection {
  const isProtected = protectionTest(protection);
  const byRepository = rankByRepository(inv.images);
  const references: string[] = [];
  const keptProtected = new Map<string, KeptByProtection>();
  for (const repository of [...byRepository.keys()].sort()) {
    const ranked = byRepository.get(repository) ?? [];
    for (const { image, tags } of ranked.slice(keep).reverse()) {
      const protectedBy = isProtected(image);
      if (protectedBy) {
        keptProtected.set(image.id, { imageId: image.id, name: tags[0] ?? image.id, protectedBy });
        continue;
      }
      references.push(...[...tags].sort());
    }
  }
  return { references, keptProtected: [...keptProtected.values()] };
}
