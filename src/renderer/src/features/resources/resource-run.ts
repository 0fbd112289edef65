import type { Outcome, ResourceRemovalResult } from '../../../../shared/contract';
import type { ErrorCause } from '../../../../shared/error-causes';
import { reclaimError } from '../../../../shared/errors';
import type { ResourceChange, ResourceRunResult } from '../../../../shared/resource-plan';

const CHANGE_CAUSE = {
  gone: 'resource-gone',
  'now-running': 'container-started',
  'now-in-use': 'resource-now-in-use',
} as const satisfies Record<ResourceChange, ErrorCause>;

/**
 * A containers, networks and volumes run as the panels show removals: what went (by name),
 * and for each item that did not, why (a skipped item's change becomes its words).
 */
export function resourceRunAsRemoval(
  outcome: Outcome<ResourceRunResult>,
): Outcome<ResourceRemovalResult> {
  if (!outcome.ok) return outcome;
  const result: ResourceRemovalResult = {
    removed: [],
    failed: [],
    bytesReclaimed: outcome.value.bytesReclaimed,
  };
  for (const item of outcome.value.results) {
    const subject = item.name;
    if (item.status === 'done') result.removed.push(item.name);
    else if (item.status === 'cancelled') {
      result.failed.push({ id: item.name, error: reclaimError('CANCELLED', { subject }) });
    } else if (item.status === 'skipped-changed') {
      const cause = CHANGE_CAUSE[item.change ?? 'gone'];
      result.failed.push({
        id: item.name,
        error: reclaimError('CHANGED_SINCE_PREVIEW', { cause, subject }),
      });
    } else {
      result.failed.push({
        id: item.name,
        error: item.error ?? reclaimError('ENGINE_ERROR', { subject }),
      });
    }
  }
  return { ok: true, value: result };
}
