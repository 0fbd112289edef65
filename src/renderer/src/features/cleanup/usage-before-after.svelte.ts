import type { RendererApi } from '../../../../shared/contract';
import type { DiskUsage } from '../../../../shared/model';

/**
 * The four disk-usage rows just before a cleanup runs and after it. "After" follows every
 * snapshot taken since the run began, the newest winning: the engine's `/system/df` rows are
 * re-read once the run ends, so the figures settle on the engine's own.
 */
export class UsageBeforeAfter {
  before = $state<DiskUsage | null>(null);
  after = $state<DiskUsage | null>(null);

  constructor(private readonly api: RendererApi) {}

  /** Reads the rows before the run. */
  async start(): Promise<void> {
    this.after = null;
    const outcome = await this.api.getDiskUsage();
    this.before = outcome.ok ? outcome.value : null;
  }

  /**
   * A snapshot arrived (onInventoryChanged): taken after "before", it is "after". Both times
   * are main's clock, never this page's, which may differ (browser mode on another machine).
   */
  seen(usage: DiskUsage): void {
    if (this.before === null || usage.takenAt <= this.before.takenAt) return;
    if (this.after === null || usage.takenAt >= this.after.takenAt) this.after = usage;
  }

  /** The run ended: the figures held now, if no newer snapshot came already. */
  async finish(): Promise<void> {
    const outcome = await this.api.getDiskUsage();
    if (outcome.ok) this.seen(outcome.value);
  }
}
