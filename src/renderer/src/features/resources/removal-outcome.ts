import type { Outcome, ResourceRemovalResult } from '../../../../shared/contract';
import type { ReclaimError } from '../../../../shared/errors';

/** What a resource panel shows after a removal: the result, or the error that stopped it. */
export type RemovalFeedback =
  { kind: 'done'; result: ResourceRemovalResult } | { kind: 'failed'; error: ReclaimError };

export function feedbackOf(outcome: Outcome<ResourceRemovalResult>): RemovalFeedback {
  return outcome.ok
    ? { kind: 'done', result: outcome.value }
    : { kind: 'failed', error: outcome.error };
}
