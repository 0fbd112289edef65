import type { BuildCacheRunResult, CacheRecordChange } from '../../../../shared/build-cache-plan';
import type { Outcome, ResourceRemovalResult } from '../../../../shared/contract';
import type { ErrorCause } from '../../../../shared/error-causes';
import { reclaimError } from '../../../../shared/errors';

const CHANGE_CAUSE = {
  gone: 'cache-record-gone',
  'in-use': 'cache-record-in-use',
  'now-shared': 'cache-record-now-shared',
  'used-since': 'cache-record-used-since',
  'engine-kept': 'cache-record-engine-kept',
} as const satisfies Record<CacheRecordChange, ErrorCause>;

/**
 * A build cache run as the resource panels show removals: what went, and for each record
 * that did not, why (a skipped record's change becomes its CHANGED_SINCE_PREVIEW words).
 */
export function cacheRunAsRemoval(
  outcome: Outcome<BuildCacheRunResult>,
): Outcome<ResourceRemovalResult> {
  if (!outcome.ok) return outcome;
  const result: ResourceRemovalResult = {
    removed: [],
    failed: [],
    bytesReclaimed: outcome.value.bytesReclaimed,
  };
  for (const record of outcome.value.results) {
    const subject = record.id;
    if (record.status === 'done') result.removed.push(record.id);
    else if (record.status === 'cancelled') {
      result.failed.push({ id: record.id, error: reclaimError('CANCELLED', { subject }) });
    } else if (record.status === 'skipped-changed') {
      const cause = CHANGE_CAUSE[record.change ?? 'engine-kept'];
      result.failed.push({
        id: record.id,
        error: reclaimError('CHANGED_SINCE_PREVIEW', { cause, subject }),
      });
    } else {
      result.failed.push({
        id: record.id,
        error: record.error ?? reclaimError('ENGINE_ERROR', { subject }),
      });
    }
  }
  return { ok: true, value: result };
}
