import { expect } from 'vitest';
import { ReclaimFailure, type ReclaimError } from '../../../shared/errors';

/** The ReclaimError a promise rejects with; fails the test if it resolves or throws anything else. */
export async function failure(promise: Promise<unknown>): Promise<ReclaimError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ReclaimFailure);
    return (error as ReclaimFailure).error;
  }
  throw new Error('expected a ReclaimFailure');
}
