import type { ContainerRef, Inventory } from '../../../shared/model';
import type {
  Fix,
  KeptLayer,
  PlannedTarget,
  RemovalOptions,
  ResolvedReference,
} from '../../../shared/plan';
import { familiarString } from '../../../shared/references/reference-grammar';
import {
  EngineModel,
  type DeleteConflict,
  type DeleteOutcome,
  type DeleteTarget,
} from './engine-model';
import {
  childrenFix,
  conflictReason,
  forceFix,
  outcomeOfConflict,
  removeStoppedFix,
  shortId,
} from './explain';
import { bytesOf } from './layer-sizes';

/**
 * Plans one target of `docker rmi` against the model (which it updates): the four-step flow
 * of the brief, the guided fixes the options ask for, and the exact lines the engine prints.
 */
export function planTarget(
  model: EngineModel,
  inv: Inventory,
  resolved: ResolvedReference,
  options: RemovalOptions,
  sizes: ReadonlyMap<string, number>,
): PlannedTarget {
  const base = emptyTarget(resolved);
  const target: DeleteTarget =
    resolved.reference === null
      ? { kind: 'id', id: resolved.imageId }
      : { kind: 'reference', reference: resolved.reference };
  if (!stillThere(model, target, resolved.imageId)) {
    return {
      ...base,
      outcome: 'deleted',
      reason: 'Already removed by an earlier target of this plan: nothing left to do.',
    };
  }
  const containers = containerRefs(inv, resolved.imageId);
  base.containers = containers;
  base.children = model.children(resolved.imageId);

  const trial = model.clone().delete(target, options.force, true);
  if (
    trial.conflict &&
    options.removeStoppedContainers &&
    canUnblockByRemovingStopped(trial.conflict, containers)
  ) {
    base.containersRemovedFirst = containers.filter((c) => !c.running);
    for (const c of base.containersRemovedFirst) model.removeContainer(c.id);
  }
  const lines: DeleteOutcome = { untagged: [], deleted: [], conflict: null };
  if (options.childrenFirst && model.children(resolved.imageId).length > 0) {
    const removal = removeDescendants(model, resolved.imageId, options.force);
    if (removal.conflict) return childBlocked(base, removal.conflict, removal.blocker, inv);
    base.childrenRemovedFirst = removal.removed;
    lines.untagged.push(...removal.lines.untagged);
    lines.deleted.push(...removal.lines.deleted);
  }
  if (model.images.has(resolved.imageId)) {
    const outcome = model.delete(target, options.force, true);
    if (outcome.conflict) return blocked(base, outcome.conflict, containers, target, []);
    lines.untagged.push(...outcome.untagged);
    lines.deleted.push(...outcome.deleted);
  }
  const result: PlannedTarget = {
    ...base,
    untagged: lines.untagged,
    deleted: lines.deleted,
    bytesFreed: bytesOf(sizes, lines.deleted),
  };
  const image = model.images.get(resolved.imageId);
  if (image) {
    result.outcome = 'untagged-only';
    result.otherTags = image.refs.map(familiarString);
    result.reason = untaggedReason(result.otherTags, model, resolved.imageId, containers);
    return result;
  }
  result.outcome = 'deleted';
  result.keptLayers = keptLayers(model, inv, resolved.imageId, lines.deleted, sizes);
  result.reason = deletedReason(result, inv);
  return result;
}

/** A repeat of an earlier input naming the same image the same way: nothing to do. */
export function duplicateTarget(resolved: ResolvedReference, first: PlannedTarget): PlannedTarget {
  return {
    ...emptyTarget(resolved),
    // The outcome of the input it repeats, so the preview does not contradict itself.
    outcome: first.outcome,
    reason: `Listed twice: ${first.input} already names the same image the same way, so this does nothing more.`,
    duplicateOf: first.input,
  };
}

function emptyTarget(resolved: ResolvedReference): PlannedTarget {
  return {
    input: resolved.input,
    imageId: resolved.imageId,
    reference: resolved.reference,
    outcome: 'deleted',
    reason: '',
    untagged: [],
    deleted: [],
    otherTags: [],
    containers: [],
    children: [],
    keptLayers: [],
    bytesFreed: 0,
    fixes: [],
    containersRemovedFirst: [],
    childrenRemovedFirst: [],
  };
}

function stillThere(model: EngineModel, target: DeleteTarget, imageId: string): boolean {
  if (!model.images.has(imageId)) return false;
  if (target.kind === 'id') return true;
  return (
    model.images.get(imageId)?.refs.some((r) => familiarString(r) === target.reference) ?? false
  );
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
    const outcome = trial.delete({ kind: 'id', id: child }, force, true);
    if (outcome.conflict) {
      return { removed: [], lines, conflict: outcome.conflict, blocker: child };
    }
    removed.push(child);
    lines.untagged.push(...outcome.untagged);
    lines.deleted.push(...outcome.deleted);
  }
  model.images.clear();
  for (const [key, image] of trial.images) model.images.set(key, image);
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
): PlannedTarget {
  const childContainers = child === null ? [] : containerRefs(inv, child);
  const force = forceFix(conflict, childContainers, false);
  const name = child === null ? 'a child image' : `the child image ${shortId(child)}`;
  return {
    ...base,
    outcome: outcomeOfConflict(conflict, childContainers),
    reason: `Children first cannot remove ${name}. ${conflictReason(conflict, childContainers)}`,
    fixes: force ? [force] : [],
  };
}

function blocked(
  base: PlannedTarget,
  conflict: DeleteConflict,
  containers: ContainerRef[],
  target: DeleteTarget,
  extraFixes: Fix[],
): PlannedTarget {
  const fixes: Fix[] = [...extraFixes];
  const stopped = containers.filter((c) => !c.running);
  const blockedByContainers =
    conflict.kind === 'reference-in-use' || conflict.kind === 'stopped-container';
  if (blockedByContainers && stopped.length > 0 && stopped.length === containers.length) {
    fixes.push(removeStoppedFix(stopped));
  }
  const force = forceFix(conflict, containers, target.kind === 'reference');
  if (force) fixes.push(force);
  if (conflict.kind === 'dependent-children' && extraFixes.length === 0) {
    fixes.push(childrenFix(base.children));
  }
  return {
    ...base,
    outcome: outcomeOfConflict(conflict, containers),
    reason: conflictReason(conflict, containers),
    fixes,
  };
}

function untaggedReason(
  otherTags: string[],
  model: EngineModel,
  imageId: string,
  containers: ContainerRef[],
): string {
  if (otherTags.length > 0) return `Only untagged: other tags keep it (${otherTags.join(', ')}).`;
  if (model.children(imageId).length > 0) {
    return 'Only untagged: child images are built on it, so the image stays as their untagged parent.';
  }
  const running = containers.filter((c) => c.running);
  return `Only untagged: a running container uses it (${running.map((c) => c.name).join(', ')}), so the image stays, untagged (dangling).`;
}

function keptLayers(
  model: EngineModel,
  inv: Inventory,
  imageId: string,
  deleted: readonly string[],
  sizes: ReadonlyMap<string, number>,
): KeptLayer[] {
  const image = inv.images.find((i) => i.id === imageId);
  if (!image) return [];
  const gone = new Set(deleted);
  return image.layers
    .filter((chain) => !gone.has(chain))
    .map((chain) => ({
      chainId: chain,
      size: sizes.get(chain) ?? 0,
      usedBy: usersOf(model, chain),
    }));
}

function usersOf(model: EngineModel, chain: string): string[] {
  const images = [...model.images.values()]
    .filter((image) => image.layers.includes(chain))
    .map((image) => (image.refs[0] ? familiarString(image.refs[0]) : shortId(image.id)));
  const containers = [...model.containers.values()]
    .filter((c) => c.layers.includes(chain))
    .map((c) => `container ${shortId(c.id)}`);
  return [...images, ...containers];
}

function deletedReason(target: PlannedTarget, inv: Inventory): string {
  const imageIds = new Set(inv.images.map((image) => image.id));
  const layers = target.deleted.filter((id) => !imageIds.has(id)).length;
  const kept = target.keptLayers.length;
  const untagged =
    target.untagged.length > 0 ? ` (after untagging ${target.untagged.join(', ')})` : '';
  const keptNote =
    kept === 0 ? '.' : `; ${kept} of its layers stay because other images or containers use them.`;
  return `Deleted: the image${untagged} and ${layers} layer${layers === 1 ? '' : 's'}${keptNote}`;
}
