import { reclaimError, ReclaimFailure } from '../../errors';
import type { BuildCacheInfo, Inventory } from '../../model';
import type {
  BuildCachePlan,
  BuildCachePruneOptions,
  CacheKeepReason,
  KeptCacheRecord,
  PlannedCacheRecord,
} from '../../build-cache-plan';
import { parseGoDuration } from '../filters/go-duration';
import { planEngine, type PlanStamp } from '../plan/plan-stamp';

/**
 * Previews `docker builder prune [-a] [--filter until=…]` as BuildKit's cache manager
 * selects (checked against the engines' own prune in build-cache-plan.engine.test.ts): a
 * record a build holds never goes; without `-a`, neither do records an image's layers share
 * nor BuildKit's internal and frontend records; `until` keeps records used within it; and a
 * parent goes only when every record built on it goes too (BuildKit frees it on the round
 * after its children). Docker 26 and later report no parents (`Parents` is empty), so there
 * a parent of a kept record is listed as going and the run reports the engine kept it.
 * Records in `unticked` (unticked in a cleanup's review) stay, and so do their parents.
 */
export function planBuildCachePrune(
  inv: Pick<Inventory, 'engine' | 'buildCache'>,
  options: BuildCachePruneOptions,
  stamp: PlanStamp,
  unticked: readonly string[] = [],
): BuildCachePlan {
  const keepWithin = options.until === undefined ? null : untilDuration(options.until);
  const reasons = new Map<string, { reason: CacheKeepReason; child?: string }>();
  const untickedIds = new Set(unticked);
  for (const record of inv.buildCache) {
    const reason =
      ownKeepReason(record, options.all, keepWithin, stamp.createdAt) ??
      (untickedIds.has(record.id) ? 'unticked' : null);
    if (reason) reasons.set(record.id, { reason });
  }
  keepParents(inv.buildCache, reasons);
  if (options.keepStorage !== undefined) {
    keepWithinSize(inv.buildCache, reasons, options.keepStorage);
    keepParents(inv.buildCache, reasons);
  }
  const remove = childrenFirst(inv.buildCache.filter((record) => !reasons.has(record.id)));
  const keep: KeptCacheRecord[] = inv.buildCache.flatMap((record) => {
    const why = reasons.get(record.id);
    return why ? [{ ...plannedRecord(record), ...why }] : [];
  });
  return {
    kind: 'build-cache',
    id: stamp.id,
    createdAt: stamp.createdAt,
    engine: planEngine(inv),
    options: { ...options },
    remove: remove.map(plannedRecord),
    keep,
    bytesFreed: remove.reduce((sum, record) => sum + freedBy(record), 0),
    command: builderPruneCommand(
      options,
      // BuildKit's own size accounting differs between releases (Docker 28 keeps
      // `reserved-space`): with a size, as with unticked records, the command names each.
      keep.some((record) => record.reason === 'unticked') || options.keepStorage !== undefined
        ? remove.map((r) => r.id)
        : null,
    ),
  };
}

type KeepReasons = Map<string, { reason: CacheKeepReason; child?: string }>;

/** A kept record keeps its parents, and theirs: repeat until nothing new is kept. */
function keepParents(records: readonly BuildCacheInfo[], reasons: KeepReasons): void {
  const byId = new Map(records.map((record) => [record.id, record]));
  const pending = [...reasons.keys()];
  while (pending.length > 0) {
    const child = pending.pop() as string;
    for (const parent of byId.get(child)?.parents ?? []) {
      if (!byId.has(parent) || reasons.has(parent)) continue;
      reasons.set(parent, { reason: 'parent-of-kept', child });
      pending.push(parent);
    }
  }
}

/**
 * `--keep-storage`: of the records that may go, the least recently used (never used first)
 * go until the cache's bytes (as its row counts them) are at most `keepBytes`; the rest stay
 * as within the size. A shared record frees nothing, so it never goes for the size; and a
 * parent goes only with its children, so one a kept record is built on stays, and the cache
 * may stay above the size (the plan says so: it lists the parent as kept for its child).
 */
function keepWithinSize(
  records: readonly BuildCacheInfo[],
  reasons: KeepReasons,
  keepBytes: number,
): void {
  let total = records.reduce((sum, record) => sum + freedBy(record), 0);
  // Oldest use first (never used before any use), equal times by ID: the same every time.
  const candidates = records
    .filter((record) => !reasons.has(record.id))
    .sort(
      (a, b) =>
        (a.lastUsed ?? Number.MIN_SAFE_INTEGER) - (b.lastUsed ?? Number.MIN_SAFE_INTEGER) ||
        a.id.localeCompare(b.id),
    );
  // A record may go only once every record built on it goes: passes in LRU order until the
  // size is reached or a pass frees nothing more.
  const going = new Set<string>();
  const childrenOf = (id: string) => records.filter((record) => record.parents.includes(id));
  let progressed = true;
  while (total > keepBytes && progressed) {
    progressed = false;
    for (const record of candidates) {
      if (total <= keepBytes) break;
      if (going.has(record.id) || freedBy(record) === 0) continue;
      if (!childrenOf(record.id).every((child) => going.has(child.id))) continue;
      going.add(record.id);
      total -= freedBy(record);
      progressed = true;
    }
  }
  for (const record of candidates) {
    if (!going.has(record.id)) reasons.set(record.id, { reason: 'within-size' });
  }
}

/** Why `record` stays on its own account (not for a child's), or null when it may go. */
export function ownKeepReason(
  record: BuildCacheInfo,
  all: boolean,
  keepWithinMs: number | null,
  now: number,
): CacheKeepReason | null {
  if (record.inUse) return 'in-use';
  if (!all && record.shared) return 'shared';
  if (!all && (record.type === 'internal' || record.type === 'frontend')) return 'internal';
  // BuildKit keeps a record last used after now - until; one never used has no time to keep.
  if (keepWithinMs !== null && keepWithinMs > 0 && record.lastUsed !== null) {
    if (record.lastUsed * 1000 > now - keepWithinMs) return 'too-new';
  }
  return null;
}

/**
 * `until` for build cache is a Go duration only (moby's builder refuses a timestamp, unlike
 * image prune's), and Reclaim refuses a negative one, which would keep nothing.
 */
export function untilDuration(value: string): number {
  const duration = parseGoDuration(value);
  if (duration === null || duration < 0) {
    throw new ReclaimFailure(
      reclaimError('INVALID_FILTER', {
        cause: 'cache-until-invalid',
        subject: value,
        values: { filter: 'until' },
      }),
    );
  }
  return duration;
}

/** The records in an order where each comes before every record it is built on. */
function childrenFirst(records: BuildCacheInfo[]): BuildCacheInfo[] {
  const ids = new Set(records.map((record) => record.id));
  const childCount = new Map<string, number>();
  for (const record of records) {
    for (const parent of record.parents) {
      if (ids.has(parent)) childCount.set(parent, (childCount.get(parent) ?? 0) + 1);
    }
  }
  const byId = new Map(records.map((record) => [record.id, record]));
  const ready = records.filter((record) => !childCount.get(record.id));
  const ordered: BuildCacheInfo[] = [];
  while (ready.length > 0) {
    const record = ready.shift() as BuildCacheInfo;
    ordered.push(record);
    for (const parent of record.parents) {
      const left = (childCount.get(parent) ?? 0) - 1;
      childCount.set(parent, left);
      const parentRecord = byId.get(parent);
      if (left === 0 && parentRecord) ready.push(parentRecord);
    }
  }
  // A cycle cannot come from BuildKit; were one reported, its records still run, last.
  return [...ordered, ...records.filter((record) => !ordered.includes(record))];
}

/**
 * What deleting the record gives back: its size, unless an image's layer shares its data,
 * which then stays with the image (the engine's SpaceReclaimed still counts it; the Build
 * Cache row of `docker system df` does not).
 */
export function freedBy(record: Pick<BuildCacheInfo, 'size' | 'shared'>): number {
  return record.shared ? 0 : Math.max(record.size, 0);
}

function plannedRecord(record: BuildCacheInfo): PlannedCacheRecord {
  return {
    id: record.id,
    type: record.type,
    description: record.description,
    size: record.size,
    lastUsed: record.lastUsed,
    shared: record.shared,
  };
}

/**
 * `docker builder prune -a -f --filter until=24h`. With records unticked the plain prune
 * would take those too, so the command names each record that goes, one `id` filter per
 * call as the run does (BuildKit's `id` filter is a prefix match on one ID).
 */
export function builderPruneCommand(
  options: BuildCachePruneOptions,
  onlyIds: readonly string[] | null = null,
): string {
  const until = options.until === undefined ? '' : ` --filter until=${options.until}`;
  const prune = `docker builder prune${options.all ? ' -a' : ''} -f${until}`;
  if (onlyIds === null) return prune;
  if (onlyIds.length === 0) return '';
  return `for id in ${onlyIds.join(' ')}; do ${prune} --filter id=$id; done`;
}
