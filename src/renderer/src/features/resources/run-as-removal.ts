import type { Outcome, ResourceRemovalResult } from '../../../../shared/contract';
import type { ErrorCause } from '../../../../shared/error-causes';
import { reclaimError, type ReclaimError } from '../../../../shared/errors';

/** What the panels read of one item's result, in any kind of run. */
export interface RunItem<Change extends string> {
  status: 'done' | 'skipped-changed' | 'failed' | 'cancelled';
  change?: Change;
  error?: ReclaimError;
}

/**
 * A run (build cache; containers, networks and volumes) as the resource panels show
 * removals: what went, and for each item that did not, why; a skipped item's change becomes
 * its CHANGED_SINCE_PREVIEW words through `causes`, `fallback` when the run named none.
 */
export function runAsRemoval<Change extends string, T extends RunItem<Change>>(
  outcome: Outcome<{ results: T[]; bytesReclaimed: number }>,
  subjectOf: (item: T) => string,
  causes: Record<Change, ErrorCause>,
  fallback: Change,
): Outcome<ResourceRemovalResult> {
  if (!outcome.ok) return outcome;
  const result: ResourceRemovalResult = {
    removed: [],
    failed: [],
    bytesReclaimed: outcome.value.bytesReclaimed,
  };
  for (const item of outcome.value.results) {
    const subject = subjectOf(item);
    const failed = (error: ReclaimError) => result.failed.push({ id: subject, error });
    if (item.status === 'done') result.removed.push(subject);
    else if (item.status === 'cancelled') failed(reclaimError('CANCELLED', { subject }));
    else if (item.status === 'skipped-changed') {
      const cause = causes[item.change ?? fallback];
      failed(reclaimError('CHANGED_SINCE_PREVIEW', { cause, subject }));
    } else failed(item.error ?? reclaimError('ENGINE_ERROR', { subject }));
  }
  return { ok: true, value: result };
}
