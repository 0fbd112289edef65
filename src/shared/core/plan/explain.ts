import type { ContainerRef } from '../../model';
import type { Fix, TargetOutcome } from '../../plan';
import type { DeleteConflict } from './engine-model';
import { shortId } from '../../format/short-id';

/** Sentences and fixes for removal outcomes, in Docker's words. */

export function containerList(containers: readonly ContainerRef[]): string {
  return containers.map((c) => `${c.name} (${c.running ? 'running' : c.state})`).join(', ');
}

export function outcomeOfConflict(
  conflict: DeleteConflict,
  containers: readonly ContainerRef[],
): TargetOutcome {
  switch (conflict.kind) {
    case 'dependent-children':
      return 'blocked-by-children';
    case 'multiple-references':
      return 'needs-force-multiple-tags';
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

export function removeStoppedFix(stopped: readonly ContainerRef[]): Fix {
  const names = stopped.map((c) => c.name).join(' ');
  return {
    kind: 'remove-stopped-containers',
    explanation: `Remove the stopped container${stopped.length > 1 ? 's' : ''} ${names} first (docker rm ${names}), then the image. The container's own files (its writable layer) are deleted with it.`,
  };
}

/** What `--force` does here, which differs with what uses the image and how it is named. */
export function forceFix(
  conflict: DeleteConflict,
  containers: readonly ContainerRef[],
  byReference: boolean,
): Fix | null {
  const running = containers.some((c) => c.running);
  if (conflict.kind === 'multiple-references') {
    return {
      kind: 'force',
      explanation:
        'Force removes every tag of the image and then deletes it. To keep the others, remove only the tag you no longer need (by name, not by ID).',
    };
  }
  if (conflict.kind === 'reference-in-use' && byReference && running) {
    return {
      kind: 'force',
      explanation:
        'Force removes only the name: the image stays (untagged, dangling) because a running container uses it. The container keeps running, but no new container can be created from the image by this name.',
    };
  }
  if (conflict.kind === 'reference-in-use' || conflict.kind === 'stopped-container') {
    return {
      kind: 'force',
      explanation:
        'Force deletes the image anyway: the stopped container keeps its files (the image layers stay on disk for it, so little space comes back) and can still start, but no new container can be created from the image.',
    };
  }
  return null;
}

export function childrenFix(children: readonly string[]): Fix {
  return {
    kind: 'children-first',
    explanation: `Remove the child image${children.length > 1 ? 's' : ''} first, deepest first (${children.map(shortId).join(', ')}); an image other images are built on cannot be deleted, even by force.`,
  };
}

export function conflictReason(
  conflict: DeleteConflict,
  containers: readonly ContainerRef[],
): string {
  switch (conflict.kind) {
    case 'reference-in-use':
    case 'stopped-container':
      return `Blocked: used by ${containerList(containers)}. The engine would answer: ${conflict.message}`;
    case 'running-container':
      return `Blocked: a running container uses it (${containerList(containers.filter((c) => c.running))}); even force cannot remove it. Stop and remove the container first. The engine would answer: ${conflict.message}`;
    case 'dependent-children':
      return `Blocked: it has child images built on it. The engine would answer: ${conflict.message}`;
    case 'multiple-references':
      return `Removed by ID but several tags point to it: must be forced. The engine would answer: ${conflict.message}`;
  }
}
