import { shortId } from '../../format/short-id';
import type { DeleteConflict } from './engine-model';

// The 409 answers both image stores give in the same words (moby's imageDeleteConflict):
// `conflict: unable to delete <short ID> (cannot be forced | must be forced) - <why>`.
// Which is checked when, and in which order, is each store model's own.

const prefix = (imageId: string, hard: boolean): string =>
  `conflict: unable to delete ${shortId(imageId)} (${hard ? 'cannot be forced' : 'must be forced'}) - `;

export function runningContainerConflict(imageId: string, containerId: string): DeleteConflict {
  return {
    kind: 'running-container',
    hard: true,
    message: `${prefix(imageId, true)}image is being used by running container ${shortId(containerId)}`,
    containerId,
  };
}

export function stoppedContainerConflict(imageId: string, containerId: string): DeleteConflict {
  return {
    kind: 'stopped-container',
    hard: false,
    message: `${prefix(imageId, false)}image is being used by stopped container ${shortId(containerId)}`,
    containerId,
  };
}

export function multipleReferencesConflict(imageId: string): DeleteConflict {
  return {
    kind: 'multiple-references',
    hard: false,
    message: `${prefix(imageId, false)}image is referenced in multiple repositories`,
  };
}

export function dependentChildrenConflict(imageId: string): DeleteConflict {
  return {
    kind: 'dependent-children',
    hard: true,
    message: `${prefix(imageId, true)}image has dependent child images`,
  };
}
