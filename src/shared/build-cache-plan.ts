/**
 * Build cache planned like images: a preview lists each cache record that goes, with its
 * bytes, and each that stays, with why; running it removes exactly the listed records, one
 * by one by record ID, re-checking each first.
 */
import type { ReclaimError } from './errors';
import type { PlanEngine } from './plan';

/** `docker builder prune` options Reclaim plans. */
export interface BuildCachePruneOptions {
  /** `-a`: also shared records and BuildKit's internal and frontend ones. */
  all: boolean;
  /** `--filter until=<Go duration>`: records used within it stay. */
  until?: string;
  /**
   * `--keep-storage <bytes>`: the cache may keep this much; the least recently used records
   * go first until it holds no more (Reclaim plans which; the run removes those by ID).
   */
  keepStorage?: number;
}

/**
 * Why a record stays. `in-use`: a build holds it. `shared`: an image's layer shares its
 * data (only `-a` takes it). `internal`: BuildKit's own (internal or frontend) record, only
 * `-a` takes it. `too-new`: used within `until`. `parent-of-kept`: a record that stays is
 * built on it (BuildKit frees a parent only with its children).
 */
/**
 * `unticked`: the user unticked the record in a cleanup's review. `within-size`: with
 * `keepStorage`, a record recent enough to fit in the size kept.
 */
export type CacheKeepReason =
  'in-use' | 'shared' | 'internal' | 'too-new' | 'unticked' | 'parent-of-kept' | 'within-size';

export interface PlannedCacheRecord {
  id: string;
  type: string;
  description: string;
  size: number;
  /** Unix seconds, or null when the engine never recorded a use. */
  lastUsed: number | null;
  /** Whether an image's layer shares its data (then `-a` planned it). */
  shared: boolean;
}

export interface KeptCacheRecord extends PlannedCacheRecord {
  reason: CacheKeepReason;
  /** For `parent-of-kept`: the kept record built on it. */
  child?: string;
}

export interface BuildCachePlan {
  kind: 'build-cache';
  id: string;
  createdAt: number;
  engine: PlanEngine;
  options: BuildCachePruneOptions;
  /** Every record the run removes, in execution order (children before their parents). */
  remove: PlannedCacheRecord[];
  keep: KeptCacheRecord[];
  /**
   * What the removed records give back: their sizes, leaving out shared records, whose data
   * stays with the image that shares it (as the Build Cache row counts).
   */
  bytesFreed: number;
  /** The equivalent CLI, e.g. `docker builder prune -a -f --filter until=24h`. */
  command: string;
}

/**
 * What changed since the preview, for a record the run skipped. `gone`: another client
 * removed it. `in-use`: a build holds it now. `now-shared`: an image shares it now (the
 * plan was not `-a`). `used-since`: a build used it after the preview, within `until`.
 * `engine-kept`: the engine removed nothing when asked (it judged the record not prunable).
 */
export type CacheRecordChange = 'gone' | 'in-use' | 'now-shared' | 'used-since' | 'engine-kept';

export interface CacheRecordResult {
  id: string;
  status: 'done' | 'skipped-changed' | 'failed' | 'cancelled';
  change?: CacheRecordChange;
  error?: ReclaimError;
  /** The engine's SpaceReclaimed for this record; 0 for a shared one (see bytesFreed). */
  bytesReclaimed: number;
}

export interface BuildCacheRunResult {
  planId: string;
  results: CacheRecordResult[];
  bytesReclaimed: number;
  cancelled: boolean;
}
