import type { Outcome } from '../../shared/contract';
import { unexpectedError } from '../engine/errors';

/**
 * Runs `action` and returns its value or its error as an Outcome; never throws. Engine calls
 * already fail with ReclaimFailures; anything else thrown is a fault of Reclaim (INTERNAL).
 */
export async function toOutcome<T>(action: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await action() };
  } catch (thrown) {
    return { ok: false, error: unexpectedError(thrown) };
  }
}
