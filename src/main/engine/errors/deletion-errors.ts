import { reclaimError, type ReclaimError } from '../../../shared/errors';
import type { MainErrorCause } from '../../../shared/error-causes';
import { toReclaimError } from './engine-errors';
import { engineWords, factsOf } from './thrown-facts';

/**
 * Errors of removal calls (`DELETE /images/…`, `/containers/…`, `/volumes/…`). A 409 carries the engine's conflict sentence; which conflict it is
 * decides the fix, so it is read here once, from moby's fixed wording (image_delete.go), and
 * kept verbatim in `detail`; nothing else reads it.
 */

/** moby's conflict sentences, most specific first ("unable to delete … (must be forced)"). */
const IMAGE_CONFLICTS: readonly [RegExp, MainErrorCause][] = [
  [/running container/, 'image-used-by-running-container'],
  [/dependent child images/, 'image-has-dependent-children'],
  [/referenced in multiple repositories/, 'image-has-several-tags'],
  [/stopped container|is using its referenced image/, 'image-used-by-stopped-container'],
  [/prune operation is already running/, 'prune-already-running'],
];

/** An image removal's (or an image prune's) failure; `what` is the image as the plan names it. */
export function deletionError(thrown: unknown, what: string): ReclaimError {
  const facts = factsOf(thrown);
  if (facts.statusCode !== 409) return toReclaimError(thrown);
  const detail = engineWords(facts);
  const cause = IMAGE_CONFLICTS.find(([wording]) => wording.test(detail))?.[1];
  return reclaimError('CONFLICT', { cause: cause ?? 'deletion-refused', subject: what, detail });
}

export type RemovableKind = 'container' | 'volume' | 'network';

const REMOVAL_CAUSES = {
  container: {
    gone: 'container-not-found',
    refused: 'container-removal-refused',
    failed: 'container-removal-failed',
  },
  volume: {
    gone: 'volume-not-found',
    refused: 'volume-removal-refused',
    failed: 'volume-removal-failed',
  },
  network: {
    gone: 'network-not-found',
    refused: 'network-removal-refused',
    failed: 'network-removal-failed',
  },
} as const satisfies Record<RemovableKind, Record<'gone' | 'refused' | 'failed', MainErrorCause>>;

/**
 * A container's or a volume's removal failure. An HTTP answer is about the item
 * (404: gone, 409: refused, else failed); anything else (the socket went away) is mapped as
 * any engine call's error is.
 */
export function removalError(
  thrown: unknown,
  kind: RemovableKind,
  subject: string,
  endpoint?: string,
): ReclaimError {
  const facts = factsOf(thrown);
  if (facts.statusCode === undefined || facts.statusCode < 400) {
    return toReclaimError(thrown, endpoint);
  }
  const causes = REMOVAL_CAUSES[kind];
  const detail = engineWords(facts);
  const about = { detail, subject };
  if (facts.statusCode === 404) {
    return reclaimError('NOT_FOUND', { cause: causes.gone, ...about });
  }
  if (facts.statusCode === 409)
    return reclaimError('CONFLICT', { cause: causes.refused, ...about });
  return reclaimError('ENGINE_ERROR', {
    cause: causes.failed,
    ...about,
    values: { status: facts.statusCode },
  });
}
