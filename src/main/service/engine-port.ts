import type {
  BuildCachePlan,
  BuildCachePruneOptions,
  BuildCacheRunResult,
} from '../../shared/build-cache-plan';
import type {
  CleanupChoice,
  CleanupExclusions,
  CleanupFacts,
  CleanupEstimate,
  CleanupParameters,
  CleanupPlan,
} from '../../shared/cleanup';
import type {
  NetworkInfo,
  ResourcePlan,
  ResourceRequest,
  ResourceRunResult,
} from '../../shared/resource-plan';
import type { Connection } from '../engine/connect/connection';
import type { DiscoveredEndpoint, DiskUsage, Endpoint, Inventory } from '../../shared/model';
import type { Protection } from '../../shared/core/filters/protection';
import type {
  Plan,
  PrunePlan,
  PruneOptions,
  RemovalOptions,
  RemovalPlan,
  ResolvedReference,
  RunProgress,
  RunResult,
} from '../../shared/plan';

/**
 * What the service needs from the engine modules, in one narrow interface. The real wiring
 * (engine-wiring.ts) maps it onto src/main/engine/**; keeping the service behind this port
 * means the service can be read on its own and the engine modules can change shape freely.
 */

/** A snapshot kept up to date by following the engine's events. */
export interface LiveInventoryHandle {
  /** The latest snapshot; reads one first if none is held yet. */
  current(): Promise<Inventory>;
  /** Reads a complete fresh snapshot now, slow parts (`/system/df`) included. */
  refresh(): Promise<Inventory>;
  /** The latest snapshot with volumes and build cache read now (they have no events). */
  withFreshStores(): Promise<Inventory>;
  /** Reads images and their containers afresh: the re-check before each target of a run. */
  recheck(): Promise<Inventory>;
  /** Defers the slow re-reads (`/system/df`) events ask for, until the function returned is called. */
  holdSlowReads(): () => void;
  /** The four `docker system df` rows, by the fastest read when no snapshot is held yet. */
  diskUsage(): Promise<DiskUsage>;
  /** Stops following events and releases the stream. */
  close(): void;
}

export interface FollowCallbacks {
  /** A fresh snapshot after the engine changed. */
  onChange(inventory: Inventory): void;
  /** The events stream ended or failed: the engine is gone or unreachable. */
  onLost(error: unknown): void;
}

/** Which images batch strategies must never select (from settings). */
export type { Protection };

export interface RunHooks {
  reread: () => Promise<Inventory>;
  onProgress: (progress: RunProgress) => void;
  signal: AbortSignal;
}

export interface EnginePort {
  /** Every endpoint in the docker CLI's order, `preferred` (from settings) first. */
  discoverEndpoints(preferred: Endpoint | null): Promise<DiscoveredEndpoint[]>;
  /** The endpoint to use from what discovery found; throws a ReclaimFailure when none fits. */
  pickEndpoint(found: DiscoveredEndpoint[]): Endpoint;
  /** Opens and version-negotiates; throws a ReclaimFailure with the connection error. */
  openConnection(endpoint: Endpoint): Promise<Connection>;
  followInventory(connection: Connection, callbacks: FollowCallbacks): LiveInventoryHandle;
  resolveReference(inventory: Inventory, input: string): ResolvedReference;
  planRemoval(
    inventory: Inventory,
    inputs: string[],
    options: RemovalOptions,
    protection: Protection,
  ): RemovalPlan;
  planPrune(inventory: Inventory, options: PruneOptions, protection: Protection): PrunePlan;
  runPlan(connection: Connection, plan: Plan, hooks: RunHooks): Promise<RunResult>;
  /** The engine's networks, read now (the inventory holds none). */
  readNetworks(connection: Connection): Promise<NetworkInfo[]>;
  planResources(
    inventory: Inventory,
    networks: NetworkInfo[],
    request: ResourceRequest,
  ): ResourcePlan;
  /** Runs a containers, networks and volumes plan item by item, each re-checked first. */
  runResourcePlan(
    connection: Connection,
    plan: ResourcePlan,
    hooks: Omit<RunHooks, 'reread'>,
  ): Promise<ResourceRunResult>;
  planBuildCachePrune(inventory: Inventory, options: BuildCachePruneOptions): BuildCachePlan;
  estimateCleanups(
    inventory: Inventory,
    parameters: CleanupParameters,
    protection: Protection,
    recordedUse: Record<string, number>,
  ): CleanupEstimate[];
  planCleanup(
    inventory: Inventory,
    choice: CleanupChoice,
    protection: Protection,
    exclude: CleanupExclusions,
    facts: CleanupFacts,
  ): CleanupPlan;
  /** Runs a build cache plan record by record, each re-checked on a fresh read first. */
  runBuildCachePlan(
    connection: Connection,
    plan: BuildCachePlan,
    hooks: Omit<RunHooks, 'reread'>,
  ): Promise<BuildCacheRunResult>;
}
