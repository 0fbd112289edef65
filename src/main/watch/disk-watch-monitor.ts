import type {
  DataDisk,
  DiskWatchAlert,
  DiskWatchSettings,
  EngineVm,
} from '../../shared/disk-watch';
import { diskWatchAlert } from '../../shared/core/watch/disk-watch-alert';
import type { DiskUsage } from '../../shared/model';

/** The machine facts are read at most this often: free space moves slowly. */
const MACHINE_READ_INTERVAL_MS = 60_000;

export interface DiskWatchDeps {
  settings: () => DiskWatchSettings;
  readMachine: () => Promise<{ vm: EngineVm | null; disk: DataDisk | null }>;
  /** Called when the watch starts to speak, or speaks for a new reason; not on every check. */
  speak: (alert: DiskWatchAlert) => void;
  now?: () => number;
}

/**
 * The disk-space watch: checked on every new snapshot, it alerts once when a threshold is
 * passed and again only once it has cleared, or for a reason it had not given yet, so a
 * user is never nagged on every engine event.
 */
export class DiskWatchMonitor {
  private current: DiskWatchAlert | null = null;
  private spoken = new Set<string>();
  private machine: { vm: EngineVm | null; disk: DataDisk | null } | null = null;
  private machineReadAt = -Infinity;

  constructor(private readonly deps: DiskWatchDeps) {}

  /** The alert standing now, or null. */
  get(): DiskWatchAlert | null {
    return this.current === null ? null : structuredClone(this.current);
  }

  /** Forgets the machine facts: another engine is connected. */
  reset(): void {
    this.current = null;
    this.spoken.clear();
    this.machine = null;
    this.machineReadAt = -Infinity;
  }

  async check(usage: DiskUsage, host: string): Promise<DiskWatchAlert | null> {
    const settings = this.deps.settings();
    const now = (this.deps.now ?? Date.now)();
    if (!settings.enabled) {
      this.current = null;
      return null;
    }
    if (this.machine === null || now - this.machineReadAt >= MACHINE_READ_INTERVAL_MS) {
      this.machineReadAt = now;
      this.machine = await this.deps.readMachine().catch(() => ({ vm: null, disk: null }));
    }
    const alert = diskWatchAlert(settings, usage, this.machine.disk, this.machine.vm, host, now);
    this.current = alert;
    if (alert === null) {
      this.spoken.clear();
      return null;
    }
    const fresh = alert.reasons.filter((reason) => !this.spoken.has(reason));
    for (const reason of alert.reasons) this.spoken.add(reason);
    if (fresh.length > 0) this.deps.speak(structuredClone(alert));
    return alert;
  }
}
