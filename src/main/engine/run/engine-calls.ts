import { reclaimError, type ReclaimError } from '../../../shared/errors';
import type { Inventory } from '../../../shared/model';
import type { PreviewChange, RunRecord, RunSubject, TargetResult } from '../../../shared/plan';
import { shortId } from '../../../shared/format/short-id';
import { layerSizeTable } from '../../../shared/core/plan/layer-sizes';
import { bytesReclaimed as reclaimedBy } from '../../../shared/core/plan/bytes-reclaimed';
import { predictedRecords } from '../../../shared/core/plan/predicted-records';
import { deletedIds } from './delete-calls';
import { deletionError, removalError, statusOf } from '../errors';

/**
 * A target's engine calls and what they add up to: the records, the bytes, or why the
 * target was skipped or failed. run-plan.ts says which calls a target makes.
 */

/** Nothing was deleted for this target: it changed since the preview, as `change` says. */
export function skipped(change: PreviewChange): Omit<TargetResult, 'input' | 'imageId'> {
  return {
    status: 'skipped-changed',
    records: [],
    bytesReclaimed: 0,
    change,
    error: reclaimError('CHANGED_SINCE_PREVIEW'),
  };
}

/** One engine call of a target: what it acts on, and the call itself. */
export interface EngineCall {
  subject: RunSubject;
  run: (recordsSoFar: readonly RunRecord[]) => Promise<RunRecord[]>;
}

function subjectName(subject: RunSubject): string {
  return subject.kind === 'child-image' ? shortId(subject.imageId) : subject.name;
}

/** A failed call's error: a container's by the container rules, an image's by the image ones. */
function callError(thrown: unknown, subject: RunSubject | null): ReclaimError {
  if (subject?.kind === 'container') return removalError(thrown, 'container', subject.name);
  return deletionError(thrown, subject === null ? '' : subjectName(subject));
}

/**
 * What a target's calls should answer, as previewed: on Podman an image that has children
 * goes without a `Deleted:` line, so when Podman answered exactly this, the image went.
 */
export interface Previewed {
  imageId: string;
  untagged: readonly string[];
  deleted: readonly string[];
  /** The preview says the image goes (a prune entry always does). */
  goes: boolean;
}

/** Images a Podman answer removed without naming them (see Previewed). */
function goneUnnamed(
  fresh: Inventory,
  records: readonly RunRecord[],
  previewed: Previewed | undefined,
): string[] {
  if (fresh.engine.kind !== 'podman' || previewed === undefined || !previewed.goes) return [];
  if (deletedIds(records).includes(previewed.imageId)) return [];
  const expected = predictedRecords(previewed.untagged, previewed.deleted);
  return sameRecords(records, expected) ? [previewed.imageId] : [];
}

/**
 * Runs engine calls in order, collecting records; a failure keeps the records already made.
 * The bytes are what the records freed on the inventory read just before (`fresh`), so a
 * target earlier in the run that did not go as previewed is counted as it went.
 */
export async function collect(
  fresh: Inventory,
  calls: readonly EngineCall[],
  previewed?: Previewed,
): Promise<Omit<TargetResult, 'input' | 'imageId'>> {
  const sizes = layerSizeTable(fresh);
  const records: RunRecord[] = [];
  const containersRemoved: string[] = [];
  const bytes = (): number =>
    reclaimedBy(
      fresh,
      sizes,
      [...deletedIds(records), ...goneUnnamed(fresh, records, previewed)],
      containersRemoved,
    );
  let current = calls[0]?.subject ?? null;
  // A removed container leaves no record: count finished calls to know whether work was done.
  let finished = 0;
  try {
    for (const call of calls) {
      current = call.subject;
      records.push(...(await call.run(records)));
      if (call.subject.kind === 'container') containersRemoved.push(call.subject.name);
      finished++;
    }
  } catch (error) {
    if (statusOf(error) === 404 && finished === 0 && current !== null) {
      return skipped({ kind: 'removed-meanwhile', subject: current });
    }
    return {
      status: 'failed',
      records,
      bytesReclaimed: bytes(),
      error: callError(error, current),
      ...(current !== null && current.kind !== 'target' ? { failedOn: current } : {}),
    };
  }
  return { status: 'done', records, bytesReclaimed: bytes() };
}

/**
 * Whether the preview's bytes are the run's figure: on the containerd store `Deleted:` does
 * not prove an image went (its only name removed, a parent stays, dangling, for its
 * children), so when the engine answered exactly as previewed, the preview's estimate, which
 * knows that, is the figure.
 */
export function answeredAsPreviewed(
  fresh: Inventory,
  result: Omit<TargetResult, 'input' | 'imageId'>,
  previewed: { untagged: readonly string[]; deleted: readonly string[] },
): boolean {
  return (
    fresh.engine.imageStore === 'containerd' &&
    result.status === 'done' &&
    sameRecords(result.records, predictedRecords(previewed.untagged, previewed.deleted))
  );
}

/** The same records, in any order. */
function sameRecords(a: readonly RunRecord[], b: readonly RunRecord[]): boolean {
  const key = (r: RunRecord): string => `${r.kind} ${r.ref}`;
  const sorted = (records: readonly RunRecord[]): string[] => records.map(key).sort();
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
}
