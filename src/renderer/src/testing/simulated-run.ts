/**
 * The fake API's engine: a plan run as the real engine would run it when nothing changed
 * since the preview, so each target's records and bytes are the plan's own predictions and
 * blocked targets fail as main reports them. Test-only.
 */
import type { Inventory } from '../../../shared/model';
import type { Plan, TargetResult } from '../../../shared/plan';
import { reclaimError } from '../../../shared/errors';
import { predictedRecords } from '../../../shared/core/plan/predicted-records';
import { isBlocked } from '../../../shared/core/plan/planned-targets';
import { shortId } from '../ui/format';

export function simulatedRun(
  plan: Plan,
  before: Inventory,
): { results: TargetResult[]; after: Inventory } {
  const results: TargetResult[] =
    plan.kind === 'removal'
      ? plan.targets.map((t): TargetResult => {
          const base = { input: t.input, imageId: t.imageId, records: [], bytesReclaimed: 0 };
          if (t.duplicateOf !== undefined) return { ...base, status: 'done' };
          if (t.outcome === 'kept-protected') {
            const error = reclaimError('CONFLICT', { cause: 'kept-protected-in-preview' });
            return { ...base, status: 'failed', error };
          }
          if (isBlocked(t)) {
            const error = reclaimError('CONFLICT', { cause: 'blocked-in-preview' });
            return { ...base, status: 'failed', error };
          }
          return {
            ...base,
            status: 'done',
            records: predictedRecords(t.untagged, t.deleted),
            bytesReclaimed: t.bytesFreed,
            ...(t.containersRemovedFirst.length > 0
              ? {
                  containersRemoved: t.containersRemovedFirst.map(({ id, name }) => ({ id, name })),
                }
              : {}),
          };
        })
      : plan.remove.map((entry): TargetResult => ({
          input: entry.repoTags[0] ?? entry.repoDigests[0] ?? shortId(entry.imageId),
          imageId: entry.imageId,
          status: 'done',
          records: predictedRecords(entry.untagged, entry.deleted),
          bytesReclaimed: entry.bytesFreed,
        }));
  return { results, after: applied(before, results) };
}

/** The inventory after the results' records: names untagged, images and containers gone. */
function applied(inv: Inventory, results: readonly TargetResult[]): Inventory {
  const records = results.flatMap((r) => r.records);
  const untagged = new Set(records.filter((r) => r.kind === 'untagged').map((r) => r.ref));
  const deleted = new Set(records.filter((r) => r.kind === 'deleted').map((r) => r.ref));
  const goneContainers = new Set(
    results.flatMap((r) => (r.containersRemoved ?? []).map((c) => c.id)),
  );
  const images = inv.images
    .filter((image) => !deleted.has(image.id))
    .map((image) => {
      const repoTags = image.repoTags.filter((tag) => !untagged.has(tag));
      const repoDigests = image.repoDigests.filter((digest) => !untagged.has(digest));
      const childIds = image.childIds.filter((child) => !deleted.has(child));
      return {
        ...image,
        repoTags,
        repoDigests,
        childIds,
        dangling: repoTags.length === 0 && childIds.length === 0,
        intermediate: repoTags.length === 0 && repoDigests.length === 0 && childIds.length > 0,
        containers: image.containers.filter((c) => !goneContainers.has(c.id)),
      };
    });
  return {
    ...inv,
    images,
    containers: inv.containers.filter((c) => !goneContainers.has(c.id)),
  };
}
