import type { ContainerRef } from '../../model';
import type { Fix, PredictedConflict, TargetOutcome } from '../../plan';
import type { DeleteConflict } from './engine-model';

/** Outcomes and guided fixes of a blocked removal, as codes the UI words. */

export function outcomeOfConflict(
  conflict: DeleteConflict,
  containers: readonly ContainerRef[],
): TargetOutcome {
  switch (conflict.kind) {
    case 'dependent-children':
      return 'blocked-by-children';
    case 'multiple-references':
      return 'needs-force-multiple-tags';
    case 'parent-would-go':
      return 'blocked-by-protected-parent';
    case 'running-container':
      return 'blocked-by-running-container';
    case 'stopped-container':
      return 'blocked-by-containers';
    case 'reference-in-use':
      return containers.some((c) => c.running)
        ? 'blocked-by-running-container'
        : 'blocked-by-containers';
  }
}

/** The engine's answer a blocked target would get, as the plan carries it. */
export function predictedConflict(conflict: DeleteConflict): PredictedConflict {
  return { kind: conflict.kind, engineMessage: conflict.message };
}

export const removeStoppedFix: Fix = { kind: 'remove-stopped-containers' };
export const childrenFix: Fix = { kind: 'children-first' };

/**
 * Whether `--force` gets past the conflict: for several tags, a reference in use, or a
 * stopped container; never past children or a running container named by ID. What it then
 * does differs (every tag, only the name, or the image under a stopped container); the UI
 * says which from the target's outcome and containers.
 */
export function forceFix(conflict: DeleteConflict): Fix | null {
  // Hard: the engine refuses it even forced, or Reclaim does not force there (Podman).
  if (conflict.hard) return null;
  const forceable =
    conflict.kind === 'multiple-references' ||
    conflict.kind === 'reference-in-use' ||
    conflict.kind === 'stopped-container';
  return forceable ? { kind: 'force' } : null;
}
