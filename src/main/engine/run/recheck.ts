import type { Inventory } from '../../../shared/model';
import type {
  PlannedTarget,
  PreviewChange,
  PrunedImage,
  RemovalOptions,
} from '../../../shared/plan';
import { parseReported } from '../../../shared/core/references/reference-grammar';
import { EngineModel } from '../../../shared/core/plan/engine-model';
import { layerSizeTable } from '../../../shared/core/plan/layer-sizes';
import { deleteLikePrune } from '../../../shared/core/plan/prune-steps';
import { planTarget } from '../../../shared/core/plan/removal-target';
import { protectedById } from '../../../shared/core/plan/removal';
import type { Protection } from '../../../shared/core/filters/protection';

/**
 * Re-checks one previewed target against a fresh read of the engine, just before deleting
 * it. Returns null when running it now does exactly what the preview said, or what changed
 * (then the target is skipped, never deleted).
 */
export function recheckRemovalTarget(
  fresh: Inventory,
  planned: PlannedTarget,
  options: RemovalOptions,
  protection: Protection,
): PreviewChange | null {
  const changed = identityChange(
    fresh,
    planned.imageId,
    planned.reference,
    planned.containers.map((c) => c.id),
  );
  if (changed) return changed;
  const model = EngineModel.fromInventory(fresh);
  const now = planTarget(
    model,
    fresh,
    {
      input: planned.input,
      kind: 'full-id',
      imageId: planned.imageId,
      reference: planned.reference,
    },
    options,
    layerSizeTable(fresh),
    protectedById(fresh, protection),
  );
  if (now.outcome !== planned.outcome) {
    return { kind: 'outcome-changed', previewed: planned.outcome, now: now.outcome };
  }
  return (
    sameEffect(planned.untagged, planned.deleted, now.untagged, now.deleted) ??
    sameList(
      'containers-removed-first',
      planned.containersRemovedFirst.map((c) => c.id),
      now.containersRemovedFirst.map((c) => c.id),
    ) ??
    sameList('children-removed-first', planned.childrenRemovedFirst, now.childrenRemovedFirst)
  );
}

export function recheckPrunedImage(fresh: Inventory, planned: PrunedImage): PreviewChange | null {
  const image = fresh.images.find((i) => i.id === planned.imageId);
  if (!image) return { kind: 'image-gone', imageId: planned.imageId };
  const refsNow = [...image.repoTags, ...image.repoDigests].sort();
  const refsThen = [...planned.repoTags, ...planned.repoDigests].sort();
  if (refsNow.join('\n') !== refsThen.join('\n')) {
    return { kind: 'names-changed', previewed: refsThen, now: refsNow };
  }
  const user = fresh.containers.find((c) => c.imageId === planned.imageId);
  if (user) return { kind: 'new-container', container: user.name };
  const outcome = deleteLikePrune(
    EngineModel.fromInventory(fresh),
    planned.imageId,
    planned.pruneParents,
  );
  if (outcome.conflict) {
    return { kind: 'engine-would-refuse', engineMessage: outcome.conflict.message };
  }
  return sameEffect(planned.untagged, planned.deleted, outcome.untagged, outcome.deleted);
}

function identityChange(
  fresh: Inventory,
  imageId: string,
  reference: string | null,
  plannedContainers: readonly string[],
): PreviewChange | null {
  if (!fresh.images.some((i) => i.id === imageId)) return { kind: 'image-gone', imageId };
  if (reference !== null) {
    const wanted = parseReported(reference);
    const owner = fresh.images.find((i) =>
      [...i.repoTags, ...i.repoDigests].some((r) => {
        const parsed = parseReported(r);
        return parsed !== null && wanted !== null && sameRef(parsed, wanted);
      }),
    );
    if (!owner) return { kind: 'reference-gone', reference };
    if (owner.id !== imageId) {
      return { kind: 'reference-moved', reference, imageId: owner.id, previewed: imageId };
    }
  }
  const newcomer = fresh.containers.find(
    (c) => c.imageId === imageId && !plannedContainers.includes(c.id),
  );
  if (newcomer) return { kind: 'new-container', container: newcomer.name };
  return null;
}

function sameRef(
  a: NonNullable<ReturnType<typeof parseReported>>,
  b: NonNullable<ReturnType<typeof parseReported>>,
): boolean {
  return a.domain === b.domain && a.path === b.path && a.tag === b.tag && a.digest === b.digest;
}

function sameEffect(
  untaggedThen: readonly string[],
  deletedThen: readonly string[],
  untaggedNow: readonly string[],
  deletedNow: readonly string[],
): PreviewChange | null {
  return (
    sameList('untagged', untaggedThen, untaggedNow) ?? sameList('deleted', deletedThen, deletedNow)
  );
}

function sameList(
  what: Extract<PreviewChange, { kind: 'effect-changed' }>['what'],
  then: readonly string[],
  now: readonly string[],
): PreviewChange | null {
  const a = [...then].sort().join('\n');
  const b = [...now].sort().join('\n');
  if (a === b) return null;
  return {
    kind: 'effect-changed',
    what,
    added: now.filter((x) => !then.includes(x)),
    removed: then.filter((x) => !now.includes(x)),
  };
}
