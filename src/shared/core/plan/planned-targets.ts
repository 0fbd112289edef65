import type { PlannedTarget, ResolvedReference } from '../../plan';

/** Planned targets that run nothing: kept protected images, repeats, and the blank base. */

/** A protected image selected together with others: it stays, and nothing runs for it. */
export function keptProtectedTarget(resolved: ResolvedReference, guard: string): PlannedTarget {
  return {
    ...emptyTarget(resolved),
    outcome: 'kept-protected',
    reason: `Kept: this image is ${guard}. Protected images are never removed as part of a selection of several images; to remove it, remove it on its own.`,
    protectedBy: guard,
  };
}

/** A repeat of an earlier input naming the same image the same way: nothing to do. */
export function duplicateTarget(resolved: ResolvedReference, first: PlannedTarget): PlannedTarget {
  return {
    ...emptyTarget(resolved),
    // The outcome of the input it repeats, so the preview does not contradict itself.
    outcome: first.outcome,
    reason: `Listed twice: ${first.input} already names the same image the same way, so this does nothing more.`,
    duplicateOf: first.input,
  };
}

export function emptyTarget(resolved: ResolvedReference): PlannedTarget {
  return {
    input: resolved.input,
    imageId: resolved.imageId,
    reference: resolved.reference,
    outcome: 'deleted',
    reason: '',
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
