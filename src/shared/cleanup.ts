/**
 * The guided cleanup: strategies, each estimated from one snapshot before the user picks,
 * and the plan a chosen strategy makes, in parts (images, build cache) that each run by
 * their own ID as any preview does.
 */
import type { BuildCachePlan } from './build-cache-plan';
import type { ResourcePlan } from './resource-plan';
import type { ImageId } from './model';
import type { Approximation, PrunePlan, RemovalPlan } from './plan';
import type { LastUse, ProtectionMatch } from './core/filters/protection';
import type { NetworkInfo } from './resource-plan';

/** What a cleanup plans from besides the inventory: read or recorded apart from it. */
export interface CleanupFacts {
  /** The engine's networks (only `everything-unused` needs them). */
  networks: NetworkInfo[];
  /** When Reclaim last saw each image in use: image ID → Unix seconds. */
  recordedUse: Record<string, number>;
}

export const NO_FACTS: Readonly<CleanupFacts> = Object.freeze({ networks: [], recordedUse: {} });

/**
 * `safe`: dangling images and build cache not in use (`docker image prune` + `docker builder
 * prune`). `unused-images`: every image no container uses (`prune -a`). `older-than`: those
 * older than `hours` (`prune -a --filter until=<hours>h`). `keep-newest`: in each
 * repository the newest `keep` images stay and the older tags go (docker-gc's minimum to
 * keep; no CLI equivalent, so the command is the explicit `docker rmi` list). `build-cache`:
 * cache not in use, or only what was last used longer than `olderThanHours` ago, and with
 * `keepBytes` only the least recently used until the cache holds at most that.
 * `least-recently-used`: images no container uses go, least recently used first, until the
 * images take at most `maxBytes` (docuum's policy; the command is the explicit list).
 * `everything-unused`: `docker system prune -a`: stopped containers, the networks and
 * images they leave unused, all build cache not in use, and of the volumes only those named
 * in `volumes` (the user ticks each; none by default).
 */
export type CleanupChoice =
  | { strategy: 'safe' }
  | { strategy: 'unused-images' }
  | { strategy: 'older-than'; hours: number }
  | { strategy: 'keep-newest'; keep: number }
  | { strategy: 'build-cache'; olderThanHours: number | null; keepBytes: number | null }
  | { strategy: 'everything-unused'; volumes: string[] }
  | { strategy: 'least-recently-used'; maxBytes: number }
  | ({ strategy: 'custom' } & CleanupMix);

/**
 * Any mix of the kinds and filters (the `custom` strategy; `everything-unused` is the mix
 * with everything). `images`: none, dangling ones (`image prune`) or every unused one
 * (`prune -a`), optionally only older than `imagesOlderThanHours`. `containers`: every
 * stopped one; `networks`: those no container that stays uses; `volumes`: only those named.
 * `buildCache`: none, what no build uses, or also shared and internal records (`-a`),
 * optionally only last used longer than `cacheOlderThanHours` ago, and kept to
 * `cacheKeepBytes`.
 */
export interface CleanupMix {
  images: 'none' | 'dangling' | 'unused';
  imagesOlderThanHours: number | null;
  containers: boolean;
  networks: boolean;
  volumes: string[];
  buildCache: 'none' | 'unused' | 'all';
  cacheOlderThanHours: number | null;
  cacheKeepBytes: number | null;
}

/** `docker system prune -a`, as a mix (its volumes are the user's ticks). */
export function everythingUnused(volumes: string[]): CleanupMix {
  return {
    images: 'unused',
    imagesOlderThanHours: null,
    containers: true,
    networks: true,
    volumes,
    buildCache: 'all',
    cacheOlderThanHours: null,
    cacheKeepBytes: null,
  };
}

export type CleanupStrategy = CleanupChoice['strategy'];

/** The strategies' parameters, for estimating all of them at once. */
export interface CleanupParameters {
  olderThanHours: number;
  keepNewest: number;
  cacheOlderThanHours: number | null;
  /** Least recently used: the bytes the images may take. */
  lruMaxBytes: number;
  /** Build cache: bytes it may keep (`--keep-storage`), or null for no size. */
  cacheKeepBytes: number | null;
  /** The custom mix, as last set. */
  custom: CleanupMix;
}

/** The CI/CD preset of `older-than` (72 hours) and two images kept per repository. */
export const DEFAULT_CLEANUP_PARAMETERS: Readonly<CleanupParameters> = Object.freeze({
  olderThanHours: 72,
  keepNewest: 2,
  cacheOlderThanHours: null,
  cacheKeepBytes: null,
  // docuum's default threshold.
  lruMaxBytes: 10_000_000_000,
  // Safe's mix to start from: dangling images and the build cache no build uses.
  custom: Object.freeze({
    images: 'dangling',
    imagesOlderThanHours: null,
    containers: false,
    networks: false,
    volumes: [],
    buildCache: 'unused',
    cacheOlderThanHours: null,
    cacheKeepBytes: null,
  }) as CleanupMix,
});

/**
 * What the user unticked in the review: images (by ID), build cache records (by ID), and
 * containers and networks (by ID). The plan keeps them, and whatever they need, and says why.
 */
export interface CleanupExclusions {
  images: ImageId[];
  cacheRecords: string[];
  resources: string[];
}

export const NO_EXCLUSIONS: Readonly<CleanupExclusions> = Object.freeze({
  images: [],
  cacheRecords: [],
  resources: [],
});

/** What one strategy would do, from the same snapshot as the others. */
export interface CleanupEstimate {
  choice: CleanupChoice;
  /** Bytes the strategy's plan frees, images and build cache together. */
  bytesFreed: number;
  /** Images deleted (not only untagged). */
  images: number;
  /** Build cache records removed. */
  cacheRecords: number;
  /** Stopped containers removed. */
  containers: number;
  /** Dangling images kept because a container uses them (the Safe strategy names them). */
  danglingInUse: number;
  /** Set when the images part is an estimate (see Approximation). */
  approximate?: Approximation;
}

/**
 * An image `keep-newest` keeps although it is beyond the newest N: protected by settings, or
 * unticked in the review (`protectedBy.by === 'review'`).
 */
export interface KeptByProtection {
  imageId: ImageId;
  name: string;
  protectedBy: ProtectionMatch;
}

export interface CleanupPlan {
  /** The cleanup's own ID (its parts run by theirs). */
  id: string;
  createdAt: number;
  choice: CleanupChoice;
  /** What the user unticked; the parts keep those items. */
  exclude: CleanupExclusions;
  /** Containers, networks and volumes (`everything-unused`); runs first. Null when none. */
  resources: ResourcePlan | null;
  /** The images part: a prune, or for `keep-newest` an explicit removal; null when none. */
  images: PrunePlan | RemovalPlan | null;
  buildCache: BuildCachePlan | null;
  /** For `keep-newest`: images beyond the newest N kept by settings or by the review. */
  keptProtected: KeptByProtection[];
  /**
   * For `least-recently-used`: every image it weighed, oldest use first, with what says when
   * it was last used; the plan's images part says which go.
   */
  lastUse: LastUse[];
  bytesFreed: number;
}
