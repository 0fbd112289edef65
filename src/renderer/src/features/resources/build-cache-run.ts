import type {
  BuildCacheRunResult,
  CacheRecordChange,
  CacheRecordResult,
} from '../../../../shared/build-cache-plan';
import type { Outcome, ResourceRemovalResult } from '../../../../shared/contract';
import type { ErrorCause } from '../../../../shared/error-causes';
import { runAsRemoval } from './run-as-removal';

const CHANGE_CAUSE = {
  gone: 'cache-record-gone',
  'in-use': 'cache-record-in-use',
  'now-shared': 'cache-record-now-shared',
  'used-since': 'cache-record-used-since',
  'engine-kept': 'cache-record-engine-kept',
} as const satisfies Record<CacheRecordChange, ErrorCause>;

/** A build cache run as the panels show removals, each record by its ID. */
export function cacheRunAsRemoval(
  outcome: Outcome<BuildCacheRunResult>,
): Outcome<ResourceRemovalResult> {
  return runAsRemoval<CacheRecordChange, CacheRecordResult>(
    outcome,
    (record) => record.id,
    CHANGE_CAUSE,
    'engine-kept',
  );
}
