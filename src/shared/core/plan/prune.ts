import type { ContainerRef, ImageInfo, Inventory } from '../../model';
import type { KeptImage, PruneCandidate, PruneOptions, PrunePlan, PrunedImage } from '../../plan';
import { EngineModel } from './engine-model';
import {
  assemblePrunePlan,
  candidateOf,
  deleteLikePrune,
  keptInUse,
  prunedEntry,
} from './prune-steps';
import { planPruneOnContainerd } from './prune-containerd';
import { bytesOf, layerSizeTable } from './layer-sizes';
import { podmanFreed } from './podman-bytes';
import { compileFilters } from './prune-filters';
import { protectionTest, type Protection } from '../filters/protection';
import type { PlanStamp } from './plan-stamp';

/**
 * Previews `docker image prune [-a] [--filter …]` as an explicit list. Selection follows
 * moby's ImagesPrune: dangling mode looks at images without children and removes only those
 * with no tag (a digest alone does not count); `-a` looks at every image except untagged
 * parents; `until` compares Created; `label`/`label!` as the engine matches them. Reclaim is
 * stricter where the engine would only half-act: images in use, protected images and parents
 * of kept images are kept whole (the engine would untag some of them and delete nothing).
 *
 * Podman's `prune -a` (libimage's RemoveImages over every image no container uses) knows no
 * parents: an image with children goes like any other (its layers stay for the children),
 * so there neither untagged parents nor parents of kept images are kept.
 */
export function planPrune(
  inv: Inventory,
  options: PruneOptions,
  protection: Protection,
  stamp: PlanStamp,
): PrunePlan {
  if (inv.engine.imageStore === 'containerd') {
    return planPruneOnContainerd(inv, options, protection, stamp);
  }
  const passes = compileFilters(inv, options, stamp.createdAt);
  const isProtected = protectionTest(protection);
  const model = EngineModel.fromInventory(inv);
  const keep = new Map<string, KeptImage>();
  const selected = new Set<string>();
  /** Kept images `docker image prune` with the same filters would untag or delete. */
  const cliWouldTouch = new Set<string>();
  /** Keeps `image` for the reason and facts in `why`. */
  const keepAs = (image: ImageInfo, why: Omit<KeptImage, keyof PruneCandidate>): void => {
    keep.set(image.id, { ...candidateOf(image), ...why });
  };

  const parentsGoLikeOthers = options.all && inv.engine.kind === 'podman';
  for (const image of inv.images) {
    const hasChildren = model.children(image.id).length > 0;
    const untagged = image.repoTags.length === 0;
    if (hasChildren && untagged && image.repoDigests.length === 0 && !parentsGoLikeOthers) {
      keepAs(image, { reason: 'parent-of-kept', parent: { kind: 'untagged-parent' } });
      continue;
    }
    if (!options.all && hasChildren) {
      keepAs(image, { reason: 'parent-of-kept', parent: { kind: 'has-children' } });
      continue;
    }
    if (!options.all && !untagged) {
      keepAs(image, { reason: 'tagged' });
      continue;
    }
    const verdict = passes(image);
    if (verdict) {
      keepAs(image, verdict);
      continue;
    }
    const inUse = image.containers.length > 0 || inv.containers.some((c) => c.imageId === image.id);
    const protectedBy = isProtected(image);
    if (protectedBy) {
      // The CLI skips images in use, but would remove a protected one that is not.
      if (!inUse) cliWouldTouch.add(image.id);
      keepAs(image, { reason: 'protected', protectedBy });
      continue;
    }
    if (inUse) {
      const users: ContainerRef[] = inv.containers
        .filter((c) => c.imageId === image.id)
        .map((c) => ({ id: c.id, name: c.name, running: c.running, state: c.state }));
      keepAs(image, { reason: 'in-use', containers: users });
      continue;
    }
    selected.add(image.id);
  }
  const firstSelected = [...selected];
  if (!parentsGoLikeOthers) keepParentsOfKept(inv, model, selected, keep);

  const sizes = layerSizeTable(inv);
  const protectedIds = new Set(inv.images.filter((i) => isProtected(i) !== null).map((i) => i.id));
  const byId = new Map(inv.images.map((i) => [i.id, i]));
  const remove: PrunedImage[] = [];
  for (const id of deletionOrder(model, selected)) {
    const image = byId.get(id);
    if (!image || !model.images.has(id)) continue;
    const prunedProtected = protectedPrunedWith(model, id, protectedIds);
    const pruneParents = prunedProtected.length === 0;
    for (const parentId of prunedProtected) {
      // The engine's prune would take this protected parent along: say why it stays.
      const parent = byId.get(parentId);
      cliWouldTouch.add(parentId);
      const rule = parent ? isProtected(parent) : null;
      if (parent && rule) keepAs(parent, { reason: 'protected', protectedBy: rule });
    }
    const before = model.deletedNamesLayers ? null : model.clone();
    const lines = deleteLikePrune(model, id, pruneParents);
    const deletedImages = lines.deleted.filter((d) => byId.has(d));
    const [protectedParent] = prunedProtected;
    if (lines.conflict?.kind === 'parent-would-go' && protectedParent !== undefined) {
      keepAs(image, { reason: 'takes-protected-parent', protectedParent });
      continue;
    }
    if (lines.conflict || model.images.has(id)) {
      keepAs(image, keptInUse(lines));
      continue;
    }
    const bytes = before ? podmanFreed(inv, sizes, before, model) : bytesOf(sizes, lines.deleted);
    remove.push(prunedEntry(image, lines, bytes, pruneParents));
    for (const parentId of deletedImages.filter((d) => d !== id)) {
      const parent = byId.get(parentId);
      if (!parent) continue;
      keep.delete(parentId);
      selected.delete(parentId);
      remove.push({
        ...candidateOf(parent),
        repoDigests: [...parent.repoDigests],
        untagged: [],
        deleted: [],
        bytesFreed: 0,
        removedWith: id,
        pruneParents: true,
      });
    }
  }
  for (const id of firstSelected) if (keep.has(id)) cliWouldTouch.add(id);
  return assemblePrunePlan(inv, options, stamp, remove, keep, cliWouldTouch);
}

/**
 * A selected image with a kept descendant would only lose its tags: keep it whole. Untagged
 * parents in between do not count as kept: the engine prunes them with their last child.
 */
function keepParentsOfKept(
  inv: Inventory,
  model: EngineModel,
  selected: Set<string>,
  keep: Map<string, KeptImage>,
): void {
  const isUnnamed = (id: string): boolean => (model.images.get(id)?.refs.length ?? 0) === 0;
  const goes = (id: string): boolean => {
    if (selected.has(id)) return true;
    const children = model.children(id);
    return isUnnamed(id) && children.length > 0 && children.every(goes);
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const id of [...selected]) {
      const keptChild = model.children(id).find((child) => !goes(child));
      if (keptChild === undefined) continue;
      const image = inv.images.find((i) => i.id === id);
      if (!image) continue;
      selected.delete(id);
      keep.set(id, {
        ...candidateOf(image),
        reason: 'parent-of-kept',
        parent: { kind: 'of-kept', child: keptChild },
      });
      changed = true;
    }
  }
}

/** Descendants before their ancestors, so every deletion is clean; else inventory order. */
function deletionOrder(model: EngineModel, selected: ReadonlySet<string>): string[] {
  const order: string[] = [];
  const done = new Set<string>();
  const visit = (id: string): void => {
    if (done.has(id)) return;
    done.add(id);
    for (const child of model.children(id)) visit(child);
    if (selected.has(id)) order.push(id);
  };
  for (const id of selected) visit(id);
  return order;
}

/** The protected images deleting `id` with parent pruning would also delete. */
function protectedPrunedWith(
  model: EngineModel,
  id: string,
  protectedIds: ReadonlySet<string>,
): string[] {
  // Parent pruning only climbs the parent chain: with no protected ancestor, no trial needed.
  if (!hasAncestorIn(model, id, protectedIds)) return [];
  const trial = deleteLikePrune(model.clone(), id, true);
  return trial.deleted.filter((d) => d !== id && protectedIds.has(d));
}

function hasAncestorIn(model: EngineModel, id: string, ids: ReadonlySet<string>): boolean {
  const seen = new Set<string>();
  let parent = model.images.get(id)?.parentId ?? null;
  while (parent !== null && !seen.has(parent)) {
    if (ids.has(parent)) return true;
    seen.add(parent);
    parent = model.images.get(parent)?.parentId ?? null;
  }
  return false;
}
