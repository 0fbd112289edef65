import {
  isReclaimError,
  reclaimError,
  ReclaimFailure,
  type ReclaimError,
} from '../../shared/errors';

/** What dockerode attaches to a failed call: the HTTP status and the engine's JSON body. */
interface DockerodeError {
  statusCode?: number;
  json?: { message?: string } | null;
  message?: string;
}

function engineWords(error: unknown): string {
  const shaped = error as DockerodeError;
  return shaped.json?.message ?? shaped.message ?? String(error);
}

/**
 * Maps a failed engine call about `subject` to a ReclaimError, keeping the engine's own words
 * in `detail`. 404 and 409 get their own codes because the UI explains them differently.
 */
export function engineCallError(error: unknown, subject: string): ReclaimError {
  if (error instanceof ReclaimFailure) return error.error;
  if (isReclaimError(error)) return error;
  const detail = engineWords(error);
  switch ((error as DockerodeError).statusCode) {
    case 404:
      return reclaimError(
        'NOT_FOUND',
        `${subject} no longer exists.`,
        'Refresh the list; it may have been removed already.',
        { detail },
      );
    case 409:
      return reclaimError(
        'CONFLICT',
        `The engine refused to remove ${subject}.`,
        'Read the engine’s reason below; usually something still uses it.',
        { detail },
      );
    default:
      return reclaimError(
        'ENGINE_ERROR',
        `The engine could not remove ${subject}.`,
        'Check that the engine is healthy, then try again.',
        { detail },
      );
  }
}
