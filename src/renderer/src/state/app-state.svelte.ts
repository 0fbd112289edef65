/**
 * The renderer's one source of truth: engine status, the latest inventory and the settings,
 * fed by the API's events. Components read it; only its methods write it.
 */
import { DEFAULT_CLEANUP_PARAMETERS, type CleanupEstimate } from '../../../shared/cleanup';
import type { EngineStatus, RendererApi } from '../../../shared/contract';
import type { ReclaimError } from '../../../shared/errors';
import type { DiskUsage, Inventory } from '../../../shared/model';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings';
import type { SettingsNotice } from '../../../shared/settings-notice';
import type { DiskWatchAlert } from '../../../shared/disk-watch';

export class AppState {
  status = $state<EngineStatus>({ state: 'connecting', endpoint: '' });
  inventory = $state<Inventory | null>(null);
  /** Arrives before the full inventory: the dashboard shows it first. */
  diskUsage = $state<DiskUsage | null>(null);
  settings = $state<Settings>({ ...DEFAULT_SETTINGS });
  /** What could not be kept from the settings file at start-up, until dismissed. */
  settingsNotice = $state<SettingsNotice | null>(null);
  /** A failure reading the engine while connected (shown as a banner, not a screen). */
  loadError = $state<ReclaimError | null>(null);
  /**
   * What the Safe cleanup removes on the latest inventory, as the core plans it: the
   * dashboard's badge counts this, so it agrees with what Clean up removes.
   */
  safeCleanup = $state<CleanupEstimate | null>(null);
  /** The disk-space watch's alert, until dismissed or cleared. */
  diskWatch = $state<DiskWatchAlert | null>(null);
  /** True for a while after the connection came back, to say so. */
  reconnected = $state(false);

  private unsubscribers: (() => void)[] = [];
  /** Which estimate is the latest asked for: an older answer arriving late is dropped. */
  private estimateRound = 0;

  constructor(readonly api: RendererApi) {}

  async start(): Promise<void> {
    this.unsubscribers.push(
      this.api.onEngineStatus((status) => this.onStatus(status)),
      this.api.onInventoryChanged((inventory) => this.setInventory(inventory)),
      this.api.onDiskWatch((alert) => (this.diskWatch = alert)),
    );
    const [settings, notice] = await Promise.all([
      this.api.getSettings(),
      this.api.getSettingsNotice(),
    ]);
    if (settings.ok) this.settings = settings.value;
    if (notice.ok) this.settingsNotice = notice.value;
    const status = await this.api.getEngineStatus();
    if (status.ok) this.onStatus(status.value, false);
  }

  stop(): void {
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
  }

  /** Reads disk usage (fast) then the full inventory. */
  async refresh(): Promise<void> {
    const usage = await this.api.getDiskUsage();
    if (usage.ok) this.diskUsage = usage.value;
    else this.loadError = usage.error;
    const inventory = await this.api.getInventory();
    if (inventory.ok) this.setInventory(inventory.value);
    else this.loadError = inventory.error;
    await this.checkDiskWatch();
  }

  /** The watch's standing alert, asked (the event speaks only when it starts). */
  private async checkDiskWatch(): Promise<void> {
    const alert = await this.api.getDiskWatch();
    if (alert.ok) this.diskWatch = alert.value;
  }

  async retry(): Promise<void> {
    const status = await this.api.connect(this.settings.endpoint);
    if (status.ok) this.onStatus(status.value);
    else this.status = { state: 'error', error: status.error };
  }

  async saveSettings(patch: Partial<Settings>): Promise<ReclaimError | null> {
    const saved = await this.api.updateSettings(patch);
    if (!saved.ok) return saved.error;
    this.settings = saved.value;
    // Protection may have changed what Clean up would take.
    if (this.inventory) void this.estimateSafe();
    if (patch.watch) void this.checkDiskWatch();
    return null;
  }

  private setInventory(inventory: Inventory): void {
    this.inventory = inventory;
    this.diskUsage = inventory.diskUsage;
    this.loadError = null;
    void this.estimateSafe();
    // A standing alert may have cleared (a cleanup gave the space back): asked again.
    if (this.diskWatch) void this.checkDiskWatch();
  }

  private async estimateSafe(): Promise<void> {
    const round = ++this.estimateRound;
    const estimates = await this.api.estimateCleanups({ ...DEFAULT_CLEANUP_PARAMETERS });
    if (round !== this.estimateRound) return;
    this.safeCleanup = estimates.ok
      ? (estimates.value.find((estimate) => estimate.choice.strategy === 'safe') ?? null)
      : null;
  }

  private onStatus(status: EngineStatus, announce = true): void {
    const wasLost = this.status.state === 'error';
    this.status = status;
    if (status.state !== 'connected') return;
    if (announce && wasLost) {
      this.reconnected = true;
      setTimeout(() => (this.reconnected = false), 6000);
    }
    void this.refresh();
  }
}
