import type {
  BuildCachePlan,
  BuildCachePruneOptions,
  BuildCacheRunResult,
} from '../../shared/build-cache-plan';
import { untilDuration } from '../../shared/core/build-cache/plan-build-cache';
import type {
  CleanupChoice,
  CleanupExclusions,
  CleanupEstimate,
  CleanupParameters,
  CleanupPlan,
} from '../../shared/cleanup';
import type { EngineStatus, EventName } from '../../shared/contract';
import { reclaimError, ReclaimFailure } from '../../shared/errors';
import type { DiscoveredEndpoint, DiskUsage, Endpoint, Inventory } from '../../shared/model';
import type {
  PrunePlan,
  PruneOptions,
  RemovalOptions,
  RemovalPlan,
  ResolvedReference,
  RunResult,
} from '../../shared/plan';
import type { Settings } from '../../shared/settings';
import type { SettingsStore } from '../settings/settings-store';
import type { CleanupHistory } from '../../shared/history';
import { CleanupRecorder } from '../history/cleanup-recorder';
import type { HistoryStore } from '../history/history-store';
import type { ImageUseStore } from '../usage/image-use-store';
import type { DiskWatchAlert } from '../../shared/disk-watch';
import { DiskWatchMonitor } from '../watch/disk-watch-monitor';
import { readEngineMachine } from '../watch/read-engine-machine';
import { allowedDocsUrl } from './docs-allow-list';
import type { SettingsNotice } from '../../shared/settings-notice';
import { protectionOf, type Protection } from '../../shared/core/filters/protection';
import { planEngine, sameEngine } from '../../shared/core/plan/plan-stamp';
import type { EnginePort, LiveInventoryHandle } from './engine-port';
import { EngineSession } from './engine-session';
import { EventHub } from './event-hub';
import { checkPruneSyntax, checkReferenceSyntax } from './input-syntax';
import { PlanRegistry } from './plan-registry';
import { isBuildCachePlan, isImagePlan, isResourcePlan } from '../engine/run/plan-store';
import type {
  NetworkInfo,
  ResourcePlan,
  ResourceRequest,
  ResourceRunResult,
} from '../../shared/resource-plan';
import type { EventListener, Service } from './service-api';

export interface ReclaimServiceOptions {
  engine: EnginePort;
  settings: SettingsStore;
  /** Where each cleanup is recorded (the app's data folder). */
  history: HistoryStore;
  /** When images were last seen used; without it, only creation times are evidence. */
  imageUse?: ImageUseStore;
  /** Opens a URL in the system browser (Electron's shell.openExternal; a no-op in browser mode). */
  openExternal: (url: string) => Promise<void> | void;
}

/**
 * Every contract method, in plain Node: the one implementation behind both IPC and browser
 * mode. Methods return values or throw a ReclaimFailure; the boundary makes Outcomes.
 */
export class ReclaimService implements Service {
  private readonly hub = new EventHub();
  private readonly session: EngineSession;
  private readonly plans = new PlanRegistry();
  private readonly recorder: CleanupRecorder;
  private readonly watch: DiskWatchMonitor;
  /**
   * The endpoint this process was started for (browser mode's --host), if any. While set,
   * "connect to the default" means this endpoint, never discovery: a Retry on an instance
   * pointed at a private engine must not wander off to /var/run/docker.sock.
   */
  private pinned: Endpoint | null = null;

  constructor(private readonly options: ReclaimServiceOptions) {
    this.session = new EngineSession(options.engine, this.hub);
    this.recorder = new CleanupRecorder(options.history);
    this.watch = new DiskWatchMonitor({
      settings: () => this.options.settings.get().watch,
      // Async, so an engine gone meanwhile is a rejection the monitor catches, not a throw.
      readMachine: async () => readEngineMachine(this.session.require().connection),
      speak: (alert) => this.hub.emit('diskWatch', alert),
    });
    this.hub.on('inventoryChanged', (inventory) => {
      // Every snapshot is evidence of use: a running container's image is in use now.
      void this.observeUse(inventory);
      void this.watch.check(inventory.diskUsage, inventory.engine.endpoint.host);
    });
  }

  on<K extends EventName>(name: K, listener: EventListener<K>): () => void {
    return this.hub.on(name, listener);
  }

  /**
   * Connects at start-up: to `override` when given (browser mode's --host, never saved),
   * else to the endpoint in settings, else to what discovery finds.
   */
  async start(override: Endpoint | null = null): Promise<EngineStatus> {
    this.pinned = override;
    return this.session.connect(override ?? this.options.settings.get().endpoint);
  }

  close(): void {
    this.session.close();
  }

  async getEngineStatus(): Promise<EngineStatus> {
    return this.session.getStatus();
  }

  async listEndpoints(): Promise<DiscoveredEndpoint[]> {
    return this.options.engine.discoverEndpoints(
      this.pinned ?? this.options.settings.get().endpoint,
    );
  }

  async connect(endpoint: Endpoint | null): Promise<EngineStatus> {
    const before = this.session.getStatus();
    const status = await this.session.connect(endpoint ?? this.pinned);
    // Previews describe the engine they were made on: connecting elsewhere drops them.
    const same =
      before.state === 'connected' &&
      status.state === 'connected' &&
      sameEngine(planEngine(before), planEngine(status));
    if (!same) {
      this.plans.clear();
      this.watch.reset();
    }
    // Remember only a choice that worked, so a typo cannot strand the next start; a pinned
    // endpoint is this process's, never the user's saved choice.
    if (status.state === 'connected' && (endpoint !== null || this.pinned === null)) {
      await this.options.settings.update({ endpoint });
    }
    return status;
  }

  /**
   * The live inventory keeps the four rows current from the engine's events, so once it has
   * a snapshot the figures cost no engine call. Cold, they come from the first read's own
   * `/system/df` as soon as it lands, without waiting for the layer facts, and never from a
   * second concurrent `/system/df` (engines before API 1.42 refuse one while one runs).
   */
  async getDiskUsage(): Promise<DiskUsage> {
    return this.session.require().live.diskUsage();
  }

  async getInventory(): Promise<Inventory> {
    return this.session.inventory();
  }

  async resolveReference(input: string): Promise<ResolvedReference> {
    checkReferenceSyntax(input);
    return this.options.engine.resolveReference(await this.session.inventory(), input);
  }

  async planRemoval(inputs: string[], options: RemovalOptions): Promise<RemovalPlan> {
    for (const input of inputs) checkReferenceSyntax(input);
    const inventory = await this.session.inventory();
    const plan = this.options.engine.planRemoval(
      inventory,
      inputs,
      options,
      this.protection(inventory),
    );
    this.plans.add(plan);
    return plan;
  }

  async planPrune(options: PruneOptions): Promise<PrunePlan> {
    checkPruneSyntax(options);
    const inventory = await this.session.inventory();
    const plan = this.options.engine.planPrune(inventory, options, this.protection(inventory));
    this.plans.add(plan);
    return plan;
  }

  async runPlan(planId: string): Promise<RunResult> {
    const { connection, live } = this.session.require();
    const { plan, signal, finish } = this.plans.start(planId, planEngine(connection), isImagePlan);
    // The refresh below reads `/system/df` once for the whole run.
    const releaseSlowReads = live.holdSlowReads();
    try {
      const result = await this.options.engine.runPlan(connection, plan, {
        reread: () => live.recheck(),
        onProgress: (progress) => this.hub.emit('runProgress', progress),
        signal,
      });
      await this.recorder.imagesRan(result);
      return result;
    } finally {
      finish();
      this.refreshAfterRun(live, releaseSlowReads);
    }
  }

  async planBuildCachePrune(options: BuildCachePruneOptions): Promise<BuildCachePlan> {
    if (options.until !== undefined) untilDuration(options.until);
    const inventory = await this.session.inventoryWithFreshStores();
    return this.plans.add(this.options.engine.planBuildCachePrune(inventory, options));
  }

  async runBuildCachePlan(planId: string): Promise<BuildCacheRunResult> {
    const { connection, live } = this.session.require();
    const { plan, signal, finish } = this.plans.start(
      planId,
      planEngine(connection),
      isBuildCachePlan,
    );
    try {
      const result = await this.options.engine.runBuildCachePlan(connection, plan, {
        onProgress: (progress) => this.hub.emit('runProgress', progress),
        signal,
      });
      await this.recorder.cacheRan(result);
      return result;
    } finally {
      finish();
      // Build prunes send no engine event: only this refresh shows the new Build Cache row.
      this.refreshAfterRun(live, live.holdSlowReads());
    }
  }

  async cancelRun(planId: string): Promise<void> {
    this.plans.cancel(planId);
  }

  async estimateCleanups(parameters: CleanupParameters): Promise<CleanupEstimate[]> {
    // The latest snapshot, not a fresh read: the badge asks on every inventory change, a
    // batch run's included, and `/system/df` must not run per target. The review reads it.
    const inventory = await this.session.inventory();
    return this.options.engine.estimateCleanups(
      inventory,
      parameters,
      this.protection(inventory),
      await this.observeUse(inventory),
    );
  }

  async planCleanup(choice: CleanupChoice, exclude: CleanupExclusions): Promise<CleanupPlan> {
    // A new review reads the build cache afresh (it has no events); a re-plan after a tick
    // (something excluded) uses the same snapshot, so ticking stays instant.
    const fresh =
      exclude.images.length === 0 &&
      exclude.cacheRecords.length === 0 &&
      exclude.resources.length === 0;
    // Any plan that may remove containers, networks or volumes reads them afresh.
    const resources =
      choice.strategy === 'everything-unused' ||
      (choice.strategy === 'custom' &&
        (choice.containers || choice.networks || choice.volumes.length > 0));
    const inventory = await (!fresh
      ? this.session.inventory()
      : resources
        ? this.inventoryForResources()
        : this.session.inventoryWithFreshStores());
    const networks = resources ? await this.readNetworks() : [];
    const plan = this.options.engine.planCleanup(
      inventory,
      choice,
      this.protection(inventory),
      exclude,
      {
        networks,
        recordedUse: await this.observeUse(inventory),
      },
    );
    // Each part runs by its own ID, through the run its own preview uses.
    if (plan.resources) this.plans.add(plan.resources);
    if (plan.images) this.plans.add(plan.images);
    if (plan.buildCache) this.plans.add(plan.buildCache);
    this.recorder.track(plan);
    return plan;
  }

  async getHistory(): Promise<CleanupHistory> {
    return this.options.history.get();
  }

  async exportHistory(): Promise<string> {
    return this.options.history.exportJson();
  }

  async planResourceRemoval(request: ResourceRequest): Promise<ResourcePlan> {
    const inventory = await this.inventoryForResources();
    const networks = request.networks ? await this.readNetworks() : [];
    return this.plans.add(this.options.engine.planResources(inventory, networks, request));
  }

  async runResourcePlan(planId: string): Promise<ResourceRunResult> {
    const { connection, live } = this.session.require();
    const { plan, signal, finish } = this.plans.start(
      planId,
      planEngine(connection),
      isResourcePlan,
    );
    // Each removal sends an event: `/system/df` is read once, after the run.
    const releaseSlowReads = live.holdSlowReads();
    try {
      const result = await this.options.engine.runResourcePlan(connection, plan, {
        onProgress: (progress) => this.hub.emit('runProgress', progress),
        signal,
      });
      await this.recorder.resourcesRan(result);
      return result;
    } finally {
      finish();
      this.refreshAfterRun(live, releaseSlowReads);
    }
  }

  /**
   * Volumes have no events, and a container that just exited may not be in the snapshot as
   * such yet: a plan that removes them reads both afresh (networks are read by the caller).
   */
  private async inventoryForResources(): Promise<Inventory> {
    await this.session.inventoryWithFreshStores();
    return this.session.require().live.recheck();
  }

  private async readNetworks(): Promise<NetworkInfo[]> {
    return this.options.engine.readNetworks(this.session.require().connection);
  }

  async getDiskWatch(): Promise<DiskWatchAlert | null> {
    const status = this.session.getStatus();
    if (status.state !== 'connected') return this.watch.get();
    // Asked (at start-up, or after the settings changed): checked now on the latest figures.
    const usage = await this.session.require().live.diskUsage();
    return this.watch.check(usage, status.engine.endpoint.host);
  }

  async getSettings(): Promise<Settings> {
    return this.options.settings.get();
  }

  async getSettingsNotice(): Promise<SettingsNotice | null> {
    return this.options.settings.loadNotice();
  }

  async updateSettings(patch: Partial<Settings>): Promise<Settings> {
    return this.options.settings.update(patch);
  }

  async openDocs(url: string): Promise<void> {
    const checked = allowedDocsUrl(url);
    if (checked === null) {
      throw new ReclaimFailure(
        reclaimError('VALIDATION', { cause: 'docs-url-refused', subject: url.slice(0, 200) }),
      );
    }
    await this.options.openExternal(checked);
  }

  /**
   * The run changed the engine; the events stream will say so too (not for build cache),
   * but a fresh snapshot now spares the UI a moment of stale figures.
   */
  private refreshAfterRun(live: LiveInventoryHandle, releaseSlowReads: () => void): void {
    // The run's own handle: the engine may have gone meanwhile, and the result must stand.
    void live
      .refresh()
      .then(
        (inventory) => this.hub.emit('inventoryChanged', inventory),
        () => undefined,
      )
      .finally(releaseSlowReads);
  }

  /** Records the uses `inventory` shows, and answers every use seen so far. */
  private async observeUse(inventory: Inventory): Promise<Record<string, number>> {
    const store = this.options.imageUse;
    if (!store) return {};
    await store.observe(inventory, Math.floor(Date.now() / 1000));
    return store.get();
  }

  /** The user's protected images, read at planning time so a settings change applies at once. */
  private protection(inventory: Inventory): Protection {
    return protectionOf(this.options.settings.get(), inventory.images);
  }
}
