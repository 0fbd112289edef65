import type { Outcome, ResourceRemovalResult } from '../../../../shared/contract';
import type { ErrorCause } from '../../../../shared/error-causes';
import type {
  ResourceChange,
  ResourceResult,
  ResourceRunResult,
} from '../../../../shared/resource-plan';
import { runAsRemoval } from './run-as-removal';

const CHANGE_CAUSE = {
  gone: 'resource-gone',
  'now-running': 'container-started',
  'now-in-use': 'resource-now-in-use',
} as const satisfies Record<ResourceChange, ErrorCause>;

/** A containers, networks and volumes run as the panels show removals, each by its name. */
export function resourceRunAsRemoval(
  outcome: Outcome<ResourceRunResult>,
): Outcome<ResourceRemovalResult> {
  return runAsRemoval<ResourceChange, ResourceResult>(
    outcome,
    (item) => item.name,
    CHANGE_CAUSE,
    'gone',
  );
}
