/**
 * The one place engine and connection failures become ReclaimErrors: `toReclaimError` for any
 * call, `deletionError` / `removalError` for removals, `unexpectedError` outside the engine.
 */
export { toReclaimError, toReclaimFailure, unexpectedError } from './engine-errors';
export { deletionError, removalError, type RemovableKind } from './deletion-errors';
export { engineMessage, statusOf } from './thrown-facts';
