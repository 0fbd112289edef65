import type { PlannedTarget, ResolvedReference } from '../../plan';
import type { ProtectionMatch } from '../filters/protection';

/** Planned targets that run nothing: kept protected images, repeats, and the blank base. */

/** A protected image selected together with others: it stays, and nothing runs for it. */
export function keptProtectedTarget(
  resolved: ResolvedReference,
  guard: ProtectionMatch,
): PlannedTarget {
  return { ...emptyTarget(resolved), outcome: 'kept-protected', protectedBy: guard };
}

/** A repeat of an earlier input naming the same image the same way: nothing to do. */
export function duplicateTarget(resolved: ResolvedReference, first: PlannedTarget): PlannedTarget {
  return {
    ...emptyTarget(resolved),
    // The outcome of the input it repeats, so the preview does not contradict itself.
    outcome: first.outcome,
    duplicateOf: first.input,
  };
}

export function emptyTarget(resolved: ResolvedReference): PlannedTarget {
  return {
    input: resolved.input,
    imageId: resolved.imageId,
    reference: resolved.reference,
    outcome: 'deleted',
    untagged: [],
    deleted: [],
    otherTags: [],
    containers: [],
    children: [],
    keptLayers: [],
    bytesFreed: 0,
    fixes: [],
    containersRemovedFirst: [],
    childrenRemovedFirst: [],
  };
}

/** Runs nothing: neither deleted nor untagged (blocked, or kept as protected). */
export function isBlocked(target: Pick<PlannedTarget, 'outcome'>): boolean {
  return target.outcome !== 'deleted' && target.outcome !== 'untagged-only';
}
