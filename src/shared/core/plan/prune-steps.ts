import type { ImageInfo, Inventory } from '../../model';
import type { KeptImage, PruneOptions, PrunePlan, PrunedImage } from '../../plan';
import { shortId } from '../../format/short-id';
import { planEngine, type PlanStamp } from './plan-stamp';
import { explicitRmi, pruneCommand } from './prune-command';
import { cliName } from './cli-name';
import { fullString, parseReported } from '../references/reference-grammar';
import type { DeleteOutcome, EngineModel } from './engine-model';

/** An image as a prune plan lists it; `reason` is set by whoever keeps it. */
export function candidateOf(image: ImageInfo): KeptImage {
  return {
    imageId: image.id,
    repoTags: [...image.repoTags],
    created: image.created,
    size: image.size,
    reason: 'not-matching',
  };
}

/**
 * What prune does for one image: delete it through each of its references in turn (the
 * engine's sorted order) or, with none, by ID; never forced.
 */
export function deleteLikePrune(
  model: EngineModel,
  id: string,
  pruneParents: boolean,
): DeleteOutcome {
  const lines: DeleteOutcome = { untagged: [], deleted: [], conflict: null };
  const refs = model.images.get(id)?.refs.map(fullString) ?? [];
  if (model.store === 'containerd') {
    // Every name but the last in turn (a tag may take its repository's digest record, or the
    // whole image, along), then by ID: by ID no children rule keeps the image, as the
    // engine's prune keeps none (it deletes name records directly).
    for (const ref of refs.slice(0, -1)) {
      if (!model.stillNames(id, ref)) continue;
      const step = model.delete({ kind: 'reference', reference: ref }, false, pruneParents);
      mergeInto(lines, step);
      if (step.conflict || !model.images.has(id)) return lines;
    }
    return mergeInto(lines, model.delete({ kind: 'id', id }, false, pruneParents));
  }
  if (refs.length === 0)
    return mergeInto(lines, model.delete({ kind: 'id', id }, false, pruneParents));
  for (const ref of refs) {
    const parsed = parseReported(ref);
    if (!parsed || !model.imageByReference(parsed)) continue;
    const step = model.delete({ kind: 'reference', reference: ref }, false, pruneParents);
    mergeInto(lines, step);
    if (step.conflict) break;
  }
  return lines;
}

/** The entry a prune plan lists for an image its step deleted with `lines`. */
export function prunedEntry(
  image: ImageInfo,
  lines: DeleteOutcome,
  bytesFreed: number,
  pruneParents: boolean,
): PrunedImage {
  return {
    ...candidateOf(image),
    repoDigests: [...image.repoDigests],
    untagged: lines.untagged,
    deleted: lines.deleted,
    bytesFreed,
    removedWith: null,
    pruneParents,
  };
}

/** Why an image its step did not delete stays: in use, in the engine's words if it refuses. */
export function keptInUse(lines: DeleteOutcome): Pick<KeptImage, 'reason' | 'engineMessage'> {
  return {
    reason: 'in-use',
    ...(lines.conflict ? { engineMessage: lines.conflict.message } : {}),
  };
}

function mergeInto(into: DeleteOutcome, step: DeleteOutcome): DeleteOutcome {
  into.untagged.push(...step.untagged);
  into.deleted.push(...step.deleted);
  into.conflict ??= step.conflict;
  return into;
}

/**
 * The plan both stores' planners make from their choice: when `docker image prune` would
 * touch a kept image (`cliWouldTouch`), the command is the explicit `docker rmi` list.
 */
export function assemblePrunePlan(
  inv: Inventory,
  options: PruneOptions,
  stamp: PlanStamp,
  remove: PrunedImage[],
  keep: ReadonlyMap<string, KeptImage>,
  cliWouldTouch: ReadonlySet<string>,
): PrunePlan {
  const spared = [...keep.values()].filter((k) => cliWouldTouch.has(k.imageId));
  const prune = pruneCommand(options, cliName(inv.engine));
  return {
    kind: 'prune',
    id: stamp.id,
    createdAt: stamp.createdAt,
    engine: planEngine(inv),
    options,
    remove,
    keep: [...keep.values()],
    bytesFreed: remove.reduce((sum, r) => sum + r.bytesFreed, 0),
    command: spared.length === 0 ? prune : explicitRmi(inv, remove),
    pruneCommand: prune,
    cliWouldTouch: spared.map((k) => ({
      imageId: k.imageId,
      name: k.repoTags[0] ?? shortId(k.imageId),
      reason: k.reason,
    })),
  };
}
