/**
 * The one contract between the renderer and the main process. Every method and event the
 * renderer may use is declared here, once; the main-process handlers, the argument schemas,
 * the preload and the browser-mode client are all typed from it, so adding a method makes
 * the compiler point at every place that must follow.
 *
 * Every method resolves to an {@link Outcome}: errors are values with a fix, never thrown
 * across the boundary (a thrown Error loses its fields on the way through IPC).
 */
import type {
  BuildCachePlan,
  BuildCachePruneOptions,
  BuildCacheRunResult,
} from './build-cache-plan';
import type {
  CleanupChoice,
  CleanupEstimate,
  CleanupExclusions,
  CleanupParameters,
  CleanupPlan,
} from './cleanup';
import type { CleanupHistory } from './history';
import type { DiskWatchAlert } from './disk-watch';
import type { ResourcePlan, ResourceRequest, ResourceRunResult } from './resource-plan';
import type { ReclaimError } from './errors';
import type { DiscoveredEndpoint, DiskUsage, Endpoint, EngineInfo, Inventory } from './model';
import type {
  PrunePlan,
  PruneOptions,
  RemovalOptions,
  RemovalPlan,
  ResolvedReference,
  RunProgress,
  RunResult,
} from './plan';
import type { Settings } from './settings';
import type { SettingsNotice } from './settings-notice';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ReclaimError };

/** Where the connection stands. */
export type EngineStatus =
  | { state: 'connecting'; endpoint: string }
  | { state: 'connected'; engine: EngineInfo }
  | { state: 'error'; error: ReclaimError };

/** What removing containers, networks, volumes or build cache did, as the panels show it. */
export interface ResourceRemovalResult {
  removed: string[];
  failed: { id: string; error: ReclaimError }[];
  bytesReclaimed: number;
}

/**
 * Request/response methods. Arguments are validated in main before anything runs: every
 * method answers VALIDATION for malformed arguments (wrong type, extra fields, out of bounds)
 * and then does nothing. An exception no code foresaw arrives as INTERNAL. "The read errors"
 * below are what a failed engine call becomes: ENGINE_NOT_RUNNING, PERMISSION_DENIED, TIMEOUT,
 * TLS_FAILED or ENGINE_ERROR (with the engine's own words in `detail`).
 */
export interface ApiMethods {
  /** The connection's state now (a failed connection is a state, not an error). */
  getEngineStatus(): EngineStatus;
  /** Every endpoint discovery found, in the docker CLI's order, for the engine picker. */
  listEndpoints(): DiscoveredEndpoint[];
  /**
   * Connects to `endpoint`, or to the first one discovery finds when null, and remembers the
   * choice in settings only when it worked. A failure is returned as the `error` state:
   * ENGINE_NOT_RUNNING, PERMISSION_DENIED, TIMEOUT, TLS_FAILED, API_TOO_OLD, ENDPOINT_INVALID.
   */
  connect(endpoint: Endpoint | null): EngineStatus;
  /**
   * The four rows of `docker system df`. From the live snapshot once there is one; cold,
   * from one `/system/df` shared with the first inventory read.
   * Errors: NOT_CONNECTED; the read errors.
   */
  getDiskUsage(): DiskUsage;
  /**
   * A consistent snapshot: images (with unique bytes), containers, volumes, build cache.
   * Waits for the first read after connecting; rows whose slow part is still being read are
   * listed in `diskUsage.pending`. Errors: NOT_CONNECTED; the read errors.
   */
  getInventory(): Inventory;
  /**
   * Resolves what a user typed (short ID, full ID, name:tag, digest) to one image.
   * Errors: INVALID_REFERENCE (before any engine call, even with none connected);
   * NOT_CONNECTED; NOT_FOUND; AMBIGUOUS_REFERENCE (with `candidates`); INVALID_REFERENCE for
   * an ID prefix too short for the containerd image store; the read errors.
   */
  resolveReference(input: string): ResolvedReference;
  /**
   * Previews `docker rmi` of `inputs`: what is untagged, deleted, kept, and why. Blocked
   * targets (containers, children, several tags) are outcomes in the plan, not errors.
   * Errors: INVALID_REFERENCE for any malformed input (before any engine call); NOT_CONNECTED;
   * NOT_FOUND or AMBIGUOUS_REFERENCE for an input that names no image or several (the whole
   * preview fails, naming it); the read errors.
   */
  planRemoval(inputs: string[], options: RemovalOptions): RemovalPlan;
  /**
   * Previews `docker image prune` with filters (a dry run the CLI does not have).
   * Errors: INVALID_FILTER (before any engine call) for an `until` that is neither a duration,
   * a timestamp nor Unix seconds, a label filter without a key, a malformed `reference` or
   * repository pattern, or a malformed `before`/`since`; INVALID_FILTER also when
   * `before`/`since` names no image or several; NOT_CONNECTED; the read errors.
   */
  planPrune(options: PruneOptions): PrunePlan;
  /**
   * Runs a previewed plan by ID, re-checking each target just before deleting it; a target
   * that changed since the preview is skipped and reported. Progress arrives as events. A
   * plan runs once. Per-target problems are in the result, not errors: each TargetResult
   * carries its own (CHANGED_SINCE_PREVIEW, CONFLICT, NOT_FOUND, ENGINE_ERROR…).
   * Errors: NOT_CONNECTED (the plan stays runnable); NOT_FOUND for a plan that is unknown,
   * expired (older than 15 minutes), running, or already ran.
   */
  runPlan(planId: string): RunResult;
  /**
   * Stops a running plan (of any kind) between targets; its run then resolves with
   * `cancelled`. An unknown or finished plan is ignored. No errors beyond VALIDATION.
   */
  cancelRun(planId: string): void;
  /**
   * Previews `docker builder prune [-a] [--filter until=…]`: every cache record that goes,
   * with its bytes, and every one that stays, with why. Errors: INVALID_FILTER for an
   * `until` that is not a Go duration of 0 or more (before any engine call); NOT_CONNECTED;
   * the read errors.
   */
  planBuildCachePrune(options: BuildCachePruneOptions): BuildCachePlan;
  /**
   * Runs a build cache preview by ID, record by record, each re-checked just before and
   * pruned alone by its ID; a record that changed is skipped and reported. Progress arrives
   * as `runProgress` events. Errors: NOT_CONNECTED; NOT_FOUND for a plan that is unknown,
   * expired, already ran, or is not a build cache plan.
   */
  runBuildCachePlan(planId: string): BuildCacheRunResult;
  /**
   * Previews removing containers (stopped ones; by full 64-hex ID, never a prefix), unused
   * networks and the named volumes: every item that goes, with its bytes, every one that
   * stays, with why, and the equivalent commands. Errors: NOT_FOUND for a container ID or
   * volume name the engine does not have (nothing is planned then); NOT_CONNECTED; the read
   * errors.
   */
  planResourceRemoval(request: ResourceRequest): ResourcePlan;
  /**
   * Runs a containers, networks and volumes preview by ID, item by item, each re-checked
   * just before and removed by its ID without force (a container's volumes stay); an item
   * that changed is skipped and reported. Progress arrives as `runProgress` events. Errors:
   * NOT_CONNECTED; NOT_FOUND for a plan that is unknown, expired, already ran, or of another
   * kind.
   */
  runResourcePlan(planId: string): ResourceRunResult;
  /**
   * Every cleanup strategy with the bytes and counts its plan would give, all from one
   * snapshot, with the user's protection applied (nothing is stored or run).
   * Errors: NOT_CONNECTED; the read errors.
   */
  estimateCleanups(parameters: CleanupParameters): CleanupEstimate[];
  /**
   * The plan a strategy makes, in parts: `resources` runs with runResourcePlan (first),
   * `images` with runPlan and `buildCache` with runBuildCachePlan, each by its own ID, as
   * their own previews do. `exclude` is what the
   * user unticked in the review (NO_EXCLUSIONS at first): those items and what they need stay.
   * Errors: NOT_CONNECTED; the read errors.
   */
  planCleanup(choice: CleanupChoice, exclude: CleanupExclusions): CleanupPlan;
  /**
   * Every cleanup run so far (newest first) from the app's data folder, and where a history
   * file that could not be read was moved aside. No errors.
   */
  getHistory(): CleanupHistory;
  /** The history as the JSON file Reclaim keeps, for the user to save. No errors. */
  exportHistory(): string;
  /**
   * The disk-space watch's standing alert (when it is on and a threshold is passed), or
   * null. No errors.
   */
  getDiskWatch(): DiskWatchAlert | null;
  /** The saved settings. No errors. */
  getSettings(): Settings;
  /**
   * What could not be kept from the settings file found at start-up (damaged, hand-edited or
   * newer), or null when all of it was. No errors.
   */
  getSettingsNotice(): SettingsNotice | null;
  /**
   * Merges `patch` into the settings and saves them. Errors: VALIDATION, naming the value,
   * for a protected pattern that does not compile or a protected label without a key (and
   * for any other invalid value); nothing is saved then. INTERNAL if the file cannot be written.
   */
  updateSettings(patch: Partial<Settings>): Settings;
  /**
   * Opens a documentation URL in the system browser. Errors: VALIDATION for any URL not on
   * the allow-list (https docs.docker.com, docs.podman.io, github.com/reclaim-app/reclaim).
   */
  openDocs(url: string): void;
}

/** Events main pushes to the renderer. */
export interface ApiEvents {
  /** A fresh snapshot after the engine changed (image pulled, removed, container created…). */
  inventoryChanged: Inventory;
  /** Connected, lost, reconnected. */
  engineStatus: EngineStatus;
  /** Progress of a running plan. */
  runProgress: RunProgress;
  /** The disk-space watch speaks: a threshold was passed (once, until it clears). */
  diskWatch: DiskWatchAlert;
}

export type MethodName = keyof ApiMethods;
export type EventName = keyof ApiEvents;

/** The shape of `window.api`: each method returns a promise of its Outcome; each event has an `on…` subscriber. */
export type RendererApi = {
  [K in MethodName]: (
    ...args: Parameters<ApiMethods[K]>
  ) => Promise<Outcome<ReturnType<ApiMethods[K]>>>;
} & {
  [K in EventName as `on${Capitalize<K>}`]: (
    listener: (payload: ApiEvents[K]) => void,
  ) => () => void;
};

/** Every method name, checked against ApiMethods so none can be forgotten or misspelt. */
export const METHOD_NAMES = [
  'getEngineStatus',
  'listEndpoints',
  'connect',
  'getDiskUsage',
  'getInventory',
  'resolveReference',
  'planRemoval',
  'planPrune',
  'runPlan',
  'cancelRun',
  'planBuildCachePrune',
  'runBuildCachePlan',
  'planResourceRemoval',
  'runResourcePlan',
  'estimateCleanups',
  'planCleanup',
  'getHistory',
  'exportHistory',
  'getDiskWatch',
  'getSettings',
  'getSettingsNotice',
  'updateSettings',
  'openDocs',
] as const satisfies readonly MethodName[];

export const EVENT_NAMES = [
  'inventoryChanged',
  'engineStatus',
  'runProgress',
  'diskWatch',
] as const satisfies readonly EventName[];

// Compile-time proof that METHOD_NAMES lists every method.
type Missing = Exclude<MethodName, (typeof METHOD_NAMES)[number]>;
export const allMethodsListed: Missing extends never ? true : Missing = true;
