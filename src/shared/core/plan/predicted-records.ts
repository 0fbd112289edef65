import type { RunRecord } from '../../plan';

/** The records a plan predicts for one target, in the engine's order (untagged first). */
export function predictedRecords(
  untagged: readonly string[],
  deleted: readonly string[],
): RunRecord[] {
  return [
    ...untagged.map((ref): RunRecord => ({ kind: 'untagged', ref })),
    ...deleted.map((ref): RunRecord => ({ kind: 'deleted', ref })),
  ];
}
