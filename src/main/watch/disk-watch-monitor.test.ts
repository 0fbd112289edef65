import { describe, expect, it } from 'vitest';
import { DEFAULT_DISK_WATCH, type DiskWatchAlert } from '../../shared/disk-watch';
import { uniformDiskUsage } from '../../shared/testing/inventory-builders';
import { DiskWatchMonitor } from './disk-watch-monitor';
import { diskWatchNotificationText } from './watch-words';

const rows = (reclaimable: number) => {
  const usage = uniformDiskUsage(0);
  return { ...usage, images: { ...usage.images, reclaimable } };
};

function monitor(freeBytes: number) {
  const spoken: DiskWatchAlert[] = [];
  let reads = 0;
  let now = 0;
  const watch = new DiskWatchMonitor({
    settings: () => ({ ...DEFAULT_DISK_WATCH, enabled: true }),
    readMachine: async () => {
      reads++;
      return { vm: null, disk: { path: '/data', freeBytes, totalBytes: 1e11 } };
    },
    speak: (alert) => spoken.push(alert),
    now: () => now,
  });
  return { watch, spoken, reads: () => reads, tick: (ms: number) => (now += ms) };
}

describe('DiskWatchMonitor', () => {
  it('speaks once when a threshold is passed, again only after it cleared', async () => {
    const m = monitor(1e12);
    await m.watch.check(rows(2e10), 'h');
    await m.watch.check(rows(3e10), 'h');
    expect(m.spoken.map((alert) => alert.reasons)).toEqual([['reclaimable']]);
    expect(m.watch.get()?.reclaimableBytes).toBe(3e10);
    await m.watch.check(rows(0), 'h');
    expect(m.watch.get()).toBeNull();
    await m.watch.check(rows(2e10), 'h');
    expect(m.spoken).toHaveLength(2);
  });

  it('reads the machine at most once a minute', async () => {
    const m = monitor(1e9);
    await m.watch.check(rows(0), 'h');
    await m.watch.check(rows(0), 'h');
    expect(m.reads()).toBe(1);
    m.tick(60_000);
    await m.watch.check(rows(0), 'h');
    expect(m.reads()).toBe(2);
    expect(m.spoken.map((alert) => alert.reasons)).toEqual([['low-free-space']]);
  });
});

describe('diskWatchNotificationText', () => {
  const alert: DiskWatchAlert = {
    reasons: ['reclaimable', 'low-free-space'],
    reclaimableBytes: 12_000_000_000,
    disk: { path: '/var/lib/docker', freeBytes: 2_000_000_000, totalBytes: 100_000_000_000 },
    vm: null,
    host: 'unix:///var/run/docker.sock',
    at: 0,
  };
  it('words the alert in the chosen language, or the system one', () => {
    expect(diskWatchNotificationText(alert, 'en', 'zh-CN').body).toBe(
      '12GB could be freed on unix:///var/run/docker.sock. Only 2GB of 100GB is free on the disk that holds the engine’s data (/var/lib/docker). Open Reclaim to review the Safe cleanup.',
    );
    expect(diskWatchNotificationText(alert, 'system', 'zh-CN').title).toBe('Docker 磁盘空间');
  });
});
