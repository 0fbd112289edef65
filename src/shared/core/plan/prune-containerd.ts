import type { ContainerRef, ImageInfo, Inventory } from '../../model';
import type { KeptImage, PruneOptions, PrunePlan, PrunedImage } from '../../plan';
import { protectionTest, type Protection } from '../filters/protection';
import { containerdFreed } from './containerd-bytes';
import { containerdPruneUntagsInUse } from './containerd-prune-names';
import { EngineModel } from './engine-model';
import { layerSizeTable } from './layer-sizes';
import type { PlanStamp } from './plan-stamp';
import { compileFilters } from './prune-filters';
import {
  assemblePrunePlan,
  candidateOf,
  deleteLikePrune,
  keptInUse,
  prunedEntry,
} from './prune-steps';

/**
 * Previews `docker image prune [-a] [--filter …]` on the containerd image store (moby
 * daemon/containerd/image_prune.go, 26.1 to 28.5). There prune looks at name records, not images,
 * and knows nothing of parents: the dangling mode takes every image without a name, untagged
 * build steps with children included; `-a` takes every image; `label`/`label!` match the
 * image's config. An image goes when all its records go. An image a container uses is kept
 * whole, as on the classic store; the engine's own prune keeps the name the container was
 * created by, or from 27.3 its last record when it was created by ID, and may untag the
 * rest (those images are in `cliWouldTouch`: containerd-prune-names.ts).
 *
 * Each image is deleted on its own, never pruning parents, which is what the engine's prune
 * does. The bytes are the containerd store's estimate (see containerdFreed), and `until` is
 * compared with the image's creation time, where the engine compares when each name record
 * was made on this machine, a time it does not report: such a plan says it is approximate.
 */
export function planPruneOnContainerd(
  inv: Inventory,
  options: PruneOptions,
  protection: Protection,
  stamp: PlanStamp,
): PrunePlan {
  const passes = compileFilters(inv, options, stamp.createdAt);
  const isProtected = protectionTest(protection);
  const keep = new Map<string, KeptImage>();
  const cliWouldTouch = new Set<string>();
  const selected: ImageInfo[] = [];
  const keepAs = (image: ImageInfo, why: Omit<KeptImage, keyof ReturnType<typeof candidateOf>>) =>
    keep.set(image.id, { ...candidateOf(image), ...why });

  for (const image of inv.images) {
    if (!options.all && image.repoTags.length > 0) {
      keepAs(image, { reason: 'tagged' });
      continue;
    }
    const verdict = passes(image);
    if (verdict) {
      keepAs(image, verdict);
      continue;
    }
    const users: ContainerRef[] = inv.containers
      .filter((c) => c.imageId === image.id)
      .map((c) => ({ id: c.id, name: c.name, running: c.running, state: c.state }));
    const protectedBy = isProtected(image);
    if (protectedBy) {
      if (users.length === 0) cliWouldTouch.add(image.id);
      keepAs(image, { reason: 'protected', protectedBy });
      continue;
    }
    if (users.length > 0) {
      // The engine's own prune may still untag some of a used image's names.
      if (options.all && containerdPruneUntagsInUse(image, inv.containers, inv.engine.version)) {
        cliWouldTouch.add(image.id);
      }
      keepAs(image, { reason: 'in-use', containers: users });
      continue;
    }
    selected.push(image);
  }

  const model = EngineModel.fromInventory(inv);
  const sizes = layerSizeTable(inv);
  const remove: PrunedImage[] = [];
  for (const image of selected) {
    const before = model.clone();
    const lines = deleteLikePrune(model, image.id, false);
    if (lines.conflict || model.images.has(image.id)) {
      keepAs(image, keptInUse(lines));
      continue;
    }
    remove.push(prunedEntry(image, lines, containerdFreed(inv, sizes, before, model), false));
  }
  return {
    ...assemblePrunePlan(inv, options, stamp, remove, keep, cliWouldTouch),
    approximate: options.until === undefined ? 'containerd-bytes' : 'containerd-until',
  };
}
