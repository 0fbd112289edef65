import type { ContainerRef, Inventory } from '../../model';
import type { Fix, PlannedTarget, RemovalOptions, ResolvedReference } from '../../plan';
import { familiarString } from '../references/reference-grammar';
import {
  EngineModel,
  type DeleteConflict,
  type DeleteOutcome,
  type DeleteTarget,
} from './engine-model';
import {
  childrenFix,
  forceFix,
  outcomeOfConflict,
  predictedConflict,
  removeStoppedFix,
} from './conflicts';
import type { ProtectionMatch } from '../filters/protection';
import { containerdFreed } from './containerd-bytes';
import { bytesOf } from './layer-sizes';
import { podmanFreed } from './podman-bytes';
import { emptyTarget, isBlocked } from './planned-targets';
import { keptLayers } from './target-details';

/** Which rule protects an image (by ID), or null: from the user's protection settings. */
export type ProtectedBy = (imageId: string) => ProtectionMatch | null;

export const nothingProtected: ProtectedBy = () => null;

/**
 * Plans one target of `docker rmi` against the model (which it updates unless the target is
 * blocked): the four-step flow of the brief, the guided fixes the options ask for, and the
 * exact records the engine answers with. Protected images other than the target itself are never
 * deleted on the way: children first through a protected child is blocked, and when the
 * engine's parent pruning would reach a protected untagged parent the target runs with
 * `noprune` so that parent stays.
 */
export function planTarget(
  model: EngineModel,
  inv: Inventory,
  resolved: ResolvedReference,
  options: RemovalOptions,
  sizes: ReadonlyMap<string, number>,
  protectedBy: ProtectedBy = nothingProtected,
): PlannedTarget {
  const before = model.deletedNamesLayers ? null : model.clone();
  const withPruning = model.clone();
  const planned = planOn(withPruning, inv, resolved, options, sizes, protectedBy, true);
  const reached = planned.deleted.filter(
    (id) => id !== resolved.imageId && protectedBy(id) !== null,
  );
  if (reached.length === 0) {
    if (!isBlocked(planned)) adopt(model, withPruning);
    return withStoreBytes(planned, inv, sizes, before, withPruning);
  }
  const withoutPruning = model.clone();
  const kept = planOn(withoutPruning, inv, resolved, options, sizes, protectedBy, false);
  // Podman has no `noprune`: its model refuses instead, naming the parents it would take.
  if (kept.outcome === 'blocked-by-protected-parent') return { ...kept, protectedParents: reached };
  if (!isBlocked(kept)) adopt(model, withoutPruning);
  return {
    ...withStoreBytes(kept, inv, sizes, before, withoutPruning),
    pruneParents: false,
    protectedParents: reached,
  };
}

/**
 * On the containerd store `Deleted:` names images only, and what goes with them is what no
 * remaining image or container still holds: the bytes come from the model before and after.
 */
function withStoreBytes(
  planned: PlannedTarget,
  inv: Inventory,
  sizes: ReadonlyMap<string, number>,
  before: EngineModel | null,
  after: EngineModel,
): PlannedTarget {
  if (before === null || isBlocked(planned)) return planned;
  const images =
    after.store === 'containerd'
      ? containerdFreed(inv, sizes, before, after)
      : podmanFreed(inv, sizes, before, after);
  return { ...planned, bytesFreed: images + containerBytes(planned) };
}

/** Makes `model` what `trial` became. */
function adopt(model: EngineModel, trial: EngineModel): void {
  model.images.clear();
  for (const [key, image] of trial.images) model.images.set(key, image);
  model.containers.clear();
  for (const [key, container] of trial.containers) model.containers.set(key, container);
}

function planOn(
  model: EngineModel,
  inv: Inventory,
  resolved: ResolvedReference,
  options: RemovalOptions,
  sizes: ReadonlyMap<string, number>,
  protectedBy: ProtectedBy,
  prune: boolean,
): PlannedTarget {
  const base = emptyTarget(resolved);
  const target: DeleteTarget =
    resolved.reference === null
      ? { kind: 'id', id: resolved.imageId }
      : { kind: 'reference', reference: resolved.reference };
  if (!stillThere(model, target, resolved.imageId)) {
    return { ...base, outcome: 'deleted', note: { kind: 'already-removed' } };
  }
  const containers = containerRefs(inv, resolved.imageId);
  base.containers = containers;
  base.children = model.children(resolved.imageId);

  const trial = model.clone().delete(target, options.force, prune);
  if (
    trial.conflict &&
    options.removeStoppedContainers &&
    canUnblockByRemovingStopped(trial.conflict, containers)
  ) {
    base.containersRemovedFirst = containers.filter((c) => !c.running);
    for (const c of base.containersRemovedFirst) model.removeContainer(c.id);
    base.writableLayerBytes = writableLayerBytes(inv, base.containersRemovedFirst);
  }
  const lines: DeleteOutcome = { untagged: [], deleted: [], conflict: null };
  if (options.childrenFirst && model.children(resolved.imageId).length > 0) {
    const guarded = descendantsDeepestFirst(model, resolved.imageId).find(
      (child) => protectedBy(child) !== null,
    );
    const rule = guarded === undefined ? null : protectedBy(guarded);
    if (guarded !== undefined && rule !== null) return protectedChildBlocks(base, guarded, rule);
    const removal = removeDescendants(model, resolved.imageId, options.force, prune);
    if (removal.conflict) {
      return childBlocked(base, removal.conflict, removal.blocker, inv, model);
    }
    base.childrenRemovedFirst = removal.removed;
    lines.untagged.push(...removal.lines.untagged);
    lines.deleted.push(...removal.lines.deleted);
  }
  if (model.images.has(resolved.imageId)) {
    const outcome = model.delete(target, options.force, prune);
    if (outcome.conflict) {
      // Removed by ID while several names point to it: every name is one the ID would take.
      const several = outcome.conflict.kind === 'multiple-references';
      const tags = several
        ? (model.images.get(resolved.imageId)?.refs.map(familiarString) ?? [])
        : [];
      return blocked({ ...base, otherTags: tags }, outcome.conflict, containers);
    }
    lines.untagged.push(...outcome.untagged);
    lines.deleted.push(...outcome.deleted);
  }
  const result: PlannedTarget = {
    ...base,
    untagged: lines.untagged,
    deleted: lines.deleted,
    deletedLayers: lines.deleted.filter((id) => !inv.images.some((i) => i.id === id)).length,
    bytesFreed: bytesOf(sizes, lines.deleted) + containerBytes(base),
  };
  const image = model.images.get(resolved.imageId);
  if (image) {
    result.outcome = 'untagged-only';
    result.otherTags = image.refs.map(familiarString);
    return result;
  }
  result.outcome = 'deleted';
  result.keptLayers = keptLayers(model, inv, resolved.imageId, lines.deleted, sizes);
  return result;
}

/** Children first would delete a protected image: it stays, so the target cannot go. */
function protectedChildBlocks(
  base: PlannedTarget,
  child: string,
  rule: ProtectionMatch,
): PlannedTarget {
  // Protected images are never deleted on the way to another one, so the target stays.
  return {
    ...base,
    outcome: 'blocked-by-children',
    note: { kind: 'protected-child', child, protectedBy: rule },
    fixes: [],
  };
}

function stillThere(model: EngineModel, target: DeleteTarget, imageId: string): boolean {
  if (!model.images.has(imageId)) return false;
  return target.kind === 'id' || model.stillNames(imageId, target.reference);
}

function writableLayerBytes(
  inv: Inventory,
  removed: readonly ContainerRef[],
): Record<string, number> {
  return Object.fromEntries(
    removed.map((c) => [c.id, inv.containers.find((info) => info.id === c.id)?.sizeRw ?? 0]),
  );
}

/** Bytes of the writable layers of the containers a target removes first. */
export function containerBytes(target: PlannedTarget): number {
  return Object.values(target.writableLayerBytes ?? {}).reduce((sum, bytes) => sum + bytes, 0);
}

export function containerRefs(inv: Inventory, imageId: string): ContainerRef[] {
  return inv.containers
    .filter((c) => c.imageId === imageId)
    .map((c) => ({ id: c.id, name: c.name, running: c.running, state: c.state }));
}

function canUnblockByRemovingStopped(
  conflict: DeleteConflict,
  containers: readonly ContainerRef[],
): boolean {
  const usedOnlyByStopped = containers.length > 0 && containers.every((c) => !c.running);
  return (
    usedOnlyByStopped &&
    (conflict.kind === 'reference-in-use' || conflict.kind === 'stopped-container')
  );
}

/** Every image built on `id`, children after their own children (the order to delete in). */
export function descendantsDeepestFirst(model: EngineModel, id: string): string[] {
  const order: string[] = [];
  const visit = (parent: string): void => {
    for (const child of model.children(parent)) {
      visit(child);
      order.push(child);
    }
  };
  visit(id);
  return order;
}

/** Deletes the descendants by ID, deepest first, all or nothing (in the model). */
function removeDescendants(
  model: EngineModel,
  id: string,
  force: boolean,
  prune: boolean,
): {
  removed: string[];
  lines: DeleteOutcome;
  conflict: DeleteConflict | null;
  /** The child whose deletion would fail. */
  blocker: string | null;
} {
  const trial = model.clone();
  const lines: DeleteOutcome = { untagged: [], deleted: [], conflict: null };
  const removed: string[] = [];
  for (const child of descendantsDeepestFirst(model, id)) {
    // An untagged parent may already have gone with its child (the engine prunes it).
    if (!trial.images.has(child)) continue;
    const outcome = trial.delete({ kind: 'id', id: child }, force, prune);
    if (outcome.conflict) {
      return { removed: [], lines, conflict: outcome.conflict, blocker: child };
    }
    removed.push(child);
    lines.untagged.push(...outcome.untagged);
    lines.deleted.push(...outcome.deleted);
  }
  adopt(model, trial);
  return { removed, lines, conflict: null, blocker: null };
}

/**
 * Children first failed on one child: the target is blocked by what blocks that child, with
 * that child's fixes (force for a child with several tags or a stopped container), never the
 * "children first" fix the user already chose.
 */
function childBlocked(
  base: PlannedTarget,
  conflict: DeleteConflict,
  child: string | null,
  inv: Inventory,
  model: EngineModel,
): PlannedTarget {
  const childContainers = child === null ? [] : containerRefs(inv, child);
  const tags = child === null ? [] : (model.images.get(child)?.refs.map(familiarString) ?? []);
  const force = forceFix(conflict);
  return {
    ...base,
    outcome: outcomeOfConflict(conflict, childContainers),
    conflict: predictedConflict(conflict),
    ...(child === null
      ? {}
      : { note: { kind: 'child-blocked', child, containers: childContainers, tags } }),
    fixes: force ? [force] : [],
  };
}

function blocked(
  base: PlannedTarget,
  conflict: DeleteConflict,
  containers: ContainerRef[],
): PlannedTarget {
  const fixes: Fix[] = [];
  if (canUnblockByRemovingStopped(conflict, containers)) fixes.push(removeStoppedFix);
  const force = forceFix(conflict);
  if (force) fixes.push(force);
  if (conflict.kind === 'dependent-children') fixes.push(childrenFix);
  return {
    ...base,
    outcome: outcomeOfConflict(conflict, containers),
    conflict: predictedConflict(conflict),
    fixes,
  };
}
