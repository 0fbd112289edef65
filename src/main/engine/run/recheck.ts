import type { Inventory } from '../../../shared/model';
import type { PlannedTarget, PrunedImage, RemovalOptions } from '../../../shared/plan';
import { parseReported } from '../../../shared/core/references/reference-grammar';
import { EngineModel } from '../../../shared/core/plan/engine-model';
import { shortId } from '../../../shared/format/short-id';
import { layerSizeTable } from '../../../shared/core/plan/layer-sizes';
import { deleteLikePrune } from '../../../shared/core/plan/prune';
import { planTarget } from '../../../shared/core/plan/removal-target';
import { protectedById } from '../../../shared/core/plan/removal';
import type { Protection } from '../../../shared/core/filters/protection';

/**
 * Re-checks one previewed target against a fresh read of the engine, just before deleting
 * it. Returns null when running it now does exactly what the preview said, or a sentence
 * saying what changed (then the target is skipped, never deleted).
 */
export function recheckRemovalTarget(
  fresh: Inventory,
  planned: PlannedTarget,
  options: RemovalOptions,
  protection: Protection,
): string | null {
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
    return `It would now be ${now.outcome.replace(/-/g, ' ')} instead of ${planned.outcome.replace(/-/g, ' ')}: ${now.reason}`;
  }
  return (
    sameEffect(planned.untagged, planned.deleted, now.untagged, now.deleted) ??
    sameList(
      'containers removed first',
      planned.containersRemovedFirst.map((c) => c.id),
      now.containersRemovedFirst.map((c) => c.id),
    ) ??
    sameList('child images removed first', planned.childrenRemovedFirst, now.childrenRemovedFirst)
  );
}

export function recheckPrunedImage(fresh: Inventory, planned: PrunedImage): string | null {
  const image = fresh.images.find((i) => i.id === planned.imageId);
  if (!image) return `Image ${shortId(planned.imageId)} is already gone.`;
  const refsNow = [...image.repoTags, ...image.repoDigests].sort();
  const refsThen = [...planned.repoTags, ...planned.repoDigests].sort();
  if (refsNow.join('\n') !== refsThen.join('\n')) {
    return `Its names changed: now ${refsNow.join(', ') || 'none'}, previewed ${refsThen.join(', ') || 'none'}.`;
  }
  const user = fresh.containers.find((c) => c.imageId === planned.imageId);
  if (user) return `Container ${user.name} now uses it.`;
  const outcome = deleteLikePrune(
    EngineModel.fromInventory(fresh),
    planned.imageId,
    planned.pruneParents,
  );
  if (outcome.conflict) return `The engine would now refuse: ${outcome.conflict.message}`;
  return sameEffect(planned.untagged, planned.deleted, outcome.untagged, outcome.deleted);
}

function identityChange(
  fresh: Inventory,
  imageId: string,
  reference: string | null,
  plannedContainers: readonly string[],
): string | null {
  if (!fresh.images.some((i) => i.id === imageId))
    return `Image ${shortId(imageId)} is already gone.`;
  if (reference !== null) {
    const wanted = parseReported(reference);
    const owner = fresh.images.find((i) =>
      [...i.repoTags, ...i.repoDigests].some((r) => {
        const parsed = parseReported(r);
        return parsed !== null && wanted !== null && sameRef(parsed, wanted);
      }),
    );
    if (!owner) return `${reference} no longer exists.`;
    if (owner.id !== imageId) {
      return `${reference} now points to ${shortId(owner.id)}, not the previewed ${shortId(imageId)}.`;
    }
  }
  const newcomer = fresh.containers.find(
    (c) => c.imageId === imageId && !plannedContainers.includes(c.id),
  );
  if (newcomer) return `Container ${newcomer.name} now uses it.`;
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
): string | null {
  return (
    sameList('untagged references', untaggedThen, untaggedNow) ??
    sameList('deleted images and layers', deletedThen, deletedNow)
  );
}

function sameList(what: string, then: readonly string[], now: readonly string[]): string | null {
  const a = [...then].sort().join('\n');
  const b = [...now].sort().join('\n');
  if (a === b) return null;
  const added = now.filter((x) => !then.includes(x)).map(shortenId);
  const removed = then.filter((x) => !now.includes(x)).map(shortenId);
  return `The ${what} changed since the preview (${[...added.map((x) => `+${x}`), ...removed.map((x) => `-${x}`)].join(', ')}).`;
}

function shortenId(value: string): string {
  return value.startsWith('sha256:') ? shortId(value) : value;
}
