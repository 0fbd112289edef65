/**
 * The one contract between the renderer and the main process. Every method and event the
 * renderer may use is declared here, once; the main-process handlers, the argument schemas,
 * the preload and the browser-mode client are all typed from it, so adding a method makes
 * the compiler point at every place that must follow.
 *
 * Every method resolves to an {@link Outcome}: errors are values with a fix, never thrown
 * across the boundary (a thrown Error loses its fields on the way through IPC).
 */
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

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ReclaimError };

/** Where the connection stands. */
export type EngineStatus =
  | { state: 'connecting'; endpoint: string }
  | { state: 'connected'; engine: EngineInfo }
  | { state: 'error'; error: ReclaimError };

/** What removing other resources did (containers, volumes, build cache). */
export interface ResourceRemovalResult {
  removed: string[];
  failed: { id: string; error: ReclaimError }[];
  bytesReclaimed: number;
}

/** Request/response methods. Arguments are validated in main before anything runs. */
export interface ApiMethods {
  /** The connection's state now. Never fails. */
  getEngineStatus(): EngineStatus;
  /** Every endpoint discovery found, in the docker CLI's order, for the engine picker. */
  listEndpoints(): DiscoveredEndpoint[];
  /**
   * Connects to `endpoint`, or to the first one discovery finds when null, and remembers the
   * choice in settings. Errors: ENGINE_NOT_RUNNING, PERMISSION_DENIED, TIMEOUT, TLS_FAILED,
   * API_TOO_OLD, ENDPOINT_INVALID.
   */
  connect(endpoint: Endpoint | null): EngineStatus;
  /** The four rows of `docker system df`. Errors: NOT_CONNECTED and the connection errors. */
  getDiskUsage(): DiskUsage;
  /** A consistent snapshot: images (with unique bytes), containers, volumes, build cache. */
  getInventory(): Inventory;
  /**
   * Resolves what a user typed (short ID, full ID, name:tag, digest) to one image.
   * Errors: INVALID_REFERENCE (before any engine call), NOT_FOUND, AMBIGUOUS_REFERENCE
   * (with `candidates`).
   */
  resolveReference(input: string): ResolvedReference;
  /** Previews `docker rmi` of `inputs`: what is untagged, deleted, kept, and why. */
  planRemoval(inputs: string[], options: RemovalOptions): RemovalPlan;
  /** Previews `docker image prune` with filters (a dry run the CLI does not have). */
  planPrune(options: PruneOptions): PrunePlan;
  /**
   * Runs a previewed plan by ID, re-checking each target just before deleting it; a target
   * that changed since the preview is skipped and reported. Progress arrives as events.
   */
  runPlan(planId: string): RunResult;
  /** Stops a running plan between targets. */
  cancelRun(planId: string): void;
  /** Removes stopped containers by ID (running ones are refused). */
  removeContainers(ids: string[]): ResourceRemovalResult;
  /** Removes the named volumes; each must be unused and named explicitly. */
  removeVolumes(names: string[]): ResourceRemovalResult;
  /** `docker builder prune`: removes build cache not in use. */
  pruneBuildCache(): ResourceRemovalResult;
  getSettings(): Settings;
  /** Merges `patch` into the settings and saves them. */
  updateSettings(patch: Partial<Settings>): Settings;
  /** Opens an allow-listed documentation URL in the system browser. */
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
  'removeContainers',
  'removeVolumes',
  'pruneBuildCache',
  'getSettings',
  'updateSettings',
  'openDocs',
] as const satisfies readonly MethodName[];

export const EVENT_NAMES = [
  'inventoryChanged',
  'engineStatus',
  'runProgress',
] as const satisfies readonly EventName[];

// Compile-time proof that METHOD_NAMES lists every method.
type Missing = Exclude<MethodName, (typeof METHOD_NAMES)[number]>;
export const allMethodsListed: Missing extends never ? true : Missing = true;
