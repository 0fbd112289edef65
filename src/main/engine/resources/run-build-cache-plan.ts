import type {
  BuildCachePlan,
  BuildCacheRunResult,
  CacheRecordChange,
  CacheRecordResult,
  PlannedCacheRecord,
} from '../../../shared/build-cache-plan';
import { ownKeepReason, untilDuration } from '../../../shared/core/build-cache/plan-build-cache';
import { ReclaimFailure } from '../../../shared/errors';
import type { BuildCacheInfo } from '../../../shared/model';
import type { RunProgress } from '../../../shared/plan';
import type { Connection } from '../connect/connection';
import { toReclaimError } from '../errors';
import { systemDf } from '../inventory/engine-reads';
import { buildCacheFromRaw } from '../inventory/records';

export interface BuildCacheRunDeps {
  /** The build cache as the engine lists it now: the re-check before each record. */
  reread: () => Promise<BuildCacheInfo[]>;
  onProgress?: (progress: RunProgress) => void;
  /** Aborting stops the run between records. */
  signal?: AbortSignal;
}

interface BuildPruneAnswer {
  CachesDeleted: string[] | null;
  SpaceReclaimed: number;
}

/** The build cache records, read as the inventory reads them (`/system/df`). */
export async function readBuildCache(connection: Connection): Promise<BuildCacheInfo[]> {
  const df = await systemDf(connection, ['build-cache']);
  return (df.BuildCache ?? []).map(buildCacheFromRaw);
}

/**
 * Runs a build cache plan record by record, children before parents: each is re-checked on
 * a fresh read, then pruned alone by its ID (`/build/prune` with an `id` filter, which
 * BuildKit matches as a pattern, not exactly: a full ID, all of one length, names only
 * itself). The plan's own `-a` and
 * `until` go along, so the engine re-applies them at the moment it deletes. Never a bare
 * `/build/prune`.
 *
 * BuildKit frees a parent only once no record is built on it, and Docker 26 and later do
 * not say which record is whose parent (`Parents` is empty), so the plan's order cannot
 * always put children first. A record the engine declines is therefore asked again after
 * the others, round after round as BuildKit's own prune loops, while a round still removes
 * something; only then is it reported as kept by the engine.
 */
export async function runBuildCachePlan(
  connection: Connection,
  plan: BuildCachePlan,
  deps: BuildCacheRunDeps,
): Promise<BuildCacheRunResult> {
  const results = new Map<string, CacheRecordResult>();
  let bytesReclaimed = 0;
  let cancelled = false;
  const progress = (current: string | null): void =>
    deps.onProgress?.({
      planId: plan.id,
      done: results.size,
      total: plan.remove.length,
      bytesReclaimed,
      current,
    });
  let pending = plan.remove;
  /** Records of the plan the engine reported deleted while pruning another one. */
  const deletedAlong = new Set<string>();
  while (pending.length > 0) {
    const declined: PlannedCacheRecord[] = [];
    let removedThisRound = false;
    for (const record of pending) {
      if (deps.signal?.aborted) cancelled = true;
      if (cancelled) {
        results.set(record.id, { id: record.id, status: 'cancelled', bytesReclaimed: 0 });
        continue;
      }
      if (deletedAlong.has(record.id)) {
        // The engine removed it with an earlier record of the plan (its SpaceReclaimed
        // counted both): done, not "gone" as another client's removal would be.
        results.set(record.id, { id: record.id, status: 'done', bytesReclaimed: 0 });
        removedThisRound = true;
        continue;
      }
      progress(record.id);
      const { result, deleted } = await runRecord(connection, plan, record, deps.reread);
      for (const id of deleted) deletedAlong.add(id);
      if (result.change === 'engine-kept') {
        declined.push(record);
        continue;
      }
      if (result.status === 'done') removedThisRound = true;
      bytesReclaimed += result.bytesReclaimed;
      results.set(record.id, result);
    }
    if (!removedThisRound || cancelled) {
      for (const record of declined) {
        const status = cancelled ? 'cancelled' : 'skipped-changed';
        results.set(record.id, {
          id: record.id,
          status,
          ...(cancelled ? {} : { change: 'engine-kept' as const }),
          bytesReclaimed: 0,
        });
      }
      break;
    }
    pending = declined;
  }
  progress(null);
  const ordered = plan.remove.flatMap((record) => results.get(record.id) ?? []);
  return { planId: plan.id, results: ordered, bytesReclaimed, cancelled };
}

async function runRecord(
  connection: Connection,
  plan: BuildCachePlan,
  record: PlannedCacheRecord,
  reread: () => Promise<BuildCacheInfo[]>,
): Promise<{ result: CacheRecordResult; deleted: string[] }> {
  const only = (result: CacheRecordResult) => ({ result, deleted: [] });
  try {
    const now = (await reread()).find((candidate) => candidate.id === record.id);
    const change = changeSincePreview(plan, now);
    if (change)
      return only({ id: record.id, status: 'skipped-changed', change, bytesReclaimed: 0 });
    const answer = await connection.request<BuildPruneAnswer>({
      method: 'POST',
      path: '/build/prune',
      query: {
        ...(plan.options.all ? { all: 'true' } : {}),
        filters: JSON.stringify({
          id: [record.id],
          ...(plan.options.until === undefined ? {} : { until: [plan.options.until] }),
        }),
      },
    });
    const deleted = answer.CachesDeleted ?? [];
    if (!deleted.includes(record.id)) {
      return only({
        id: record.id,
        status: 'skipped-changed',
        change: 'engine-kept',
        bytesReclaimed: 0,
      });
    }
    // A shared record's data stays with its image: the engine counts it, the disk does not.
    const bytes = record.shared || now?.shared ? 0 : (answer.SpaceReclaimed ?? 0);
    const along = deleted.filter((id) => id !== record.id);
    return { result: { id: record.id, status: 'done', bytesReclaimed: bytes }, deleted: along };
  } catch (error) {
    const reclaim = error instanceof ReclaimFailure ? error.error : toReclaimError(error);
    return only({ id: record.id, status: 'failed', error: reclaim, bytesReclaimed: 0 });
  }
}

/** What makes the record no longer what the plan previewed, or null when it still is. */
function changeSincePreview(
  plan: BuildCachePlan,
  now: BuildCacheInfo | undefined,
): CacheRecordChange | null {
  if (!now) return 'gone';
  const keepWithin = plan.options.until === undefined ? null : untilDuration(plan.options.until);
  const reason = ownKeepReason(now, plan.options.all, keepWithin, Date.now());
  if (reason === 'in-use') return 'in-use';
  if (reason === 'shared') return 'now-shared';
  // A later use matters only to `until`; deleting a child may touch its parent's time.
  if (reason === 'too-new') return 'used-since';
  return null;
}
