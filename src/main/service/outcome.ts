import type { Outcome } from '../../shared/contract';
import {
  isReclaimError,
  reclaimError,
  ReclaimFailure,
  type ReclaimError,
} from '../../shared/errors';

/** Turns anything thrown into a ReclaimError the UI can show; unknown errors become INTERNAL. */
export function toReclaimError(thrown: unknown): ReclaimError {
  if (thrown instanceof ReclaimFailure) return thrown.error;
  if (isReclaimError(thrown)) return thrown;
  const detail = thrown instanceof Error ? thrown.message : String(thrown);
  return reclaimError(
    'INTERNAL',
    'Reclaim hit an unexpected problem and did not finish this action.',
    'Try again; if it keeps happening, report it with the details shown.',
    { detail },
  );
}

/** Runs `action` and returns its value or its error as an Outcome; never throws. */
export async function toOutcome<T>(action: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await action() };
  } catch (thrown) {
    return { ok: false, error: toReclaimError(thrown) };
  }
}
