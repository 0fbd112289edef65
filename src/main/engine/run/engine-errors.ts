import { reclaimError, type ReclaimError } from '../../../shared/errors';
import { engineMessage, toReclaimError } from '../connect/errors';

/**
 * Errors of `DELETE /images/…` and `DELETE /containers/…` as ReclaimErrors. A 409 carries the
 * engine's conflict sentence; the fix depends on which conflict it is, so it is read here
 * once, from the engine's fixed wording (moby image_delete.go), and never in the UI.
 */
export function deletionError(thrown: unknown, what: string): ReclaimError {
  const status = statusOf(thrown);
  if (status === 409) {
    const detail = engineMessage(bodyOf(thrown), messageOf(thrown));
    return reclaimError(
      'CONFLICT',
      `The engine refused to remove ${what}: ${detail}`,
      conflictFix(detail),
      {
        detail,
      },
    );
  }
  return toReclaimError(thrown);
}

export function statusOf(thrown: unknown): number | undefined {
  if (typeof thrown !== 'object' || thrown === null) return undefined;
  const status = (thrown as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' ? status : undefined;
}

function bodyOf(thrown: unknown): unknown {
  return typeof thrown === 'object' && thrown !== null
    ? (thrown as { json?: unknown }).json
    : undefined;
}

function messageOf(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}

/** The fix for each of the engine's conflict sentences. */
function conflictFix(detail: string): string {
  if (detail.includes('running container')) {
    return 'A running container uses the image and even force cannot remove it: stop and remove the container first (docker stop, docker rm), then remove the image.';
  }
  if (detail.includes('dependent child images')) {
    return 'Other images are built on this one: remove the child images first (deepest first), then this image.';
  }
  if (detail.includes('referenced in multiple repositories')) {
    return 'Several tags point to this image: remove the tags you no longer need by name, or force to remove every tag and the image.';
  }
  if (detail.includes('stopped container') || detail.includes('is using its referenced image')) {
    return 'A container uses the image: remove the stopped container first, then the image; or force, which leaves the container (it keeps its files) but no new container can be created from the image.';
  }
  if (detail.includes('prune operation is already running')) {
    return 'Another prune is running on this engine: wait for it to finish, then try again.';
  }
  return 'Refresh the preview and try again.';
}
