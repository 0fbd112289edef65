import { describe, expect, it } from 'vitest';
import { DEFAULT_DISK_WATCH } from '../../disk-watch';
import { uniformDiskUsage } from '../../testing/inventory-builders';
import { diskWatchAlert, engineVm } from './disk-watch-alert';

const usage = (reclaimable: number) => {
  const rows = uniformDiskUsage(0);
  return {
    ...rows,
    images: { ...rows.images, reclaimable },
    volumes: { ...rows.volumes, reclaimable: 1e12 },
  };
};
const on = { ...DEFAULT_DISK_WATCH, enabled: true };
const disk = (freeBytes: number) => ({ path: '/var/lib/docker', freeBytes, totalBytes: 1e11 });

describe('diskWatchAlert', () => {
  it('says nothing while off, or while under both thresholds', () => {
    expect(diskWatchAlert(DEFAULT_DISK_WATCH, usage(1e12), disk(0), null, 'h', 1)).toBeNull();
    expect(diskWatchAlert(on, usage(1e9), disk(6e9), null, 'h', 1)).toBeNull();
  });

  it('names each threshold passed; volumes never count as reclaimable', () => {
    expect(diskWatchAlert(on, usage(0), disk(1e9), null, 'h', 1)?.reasons).toEqual([
      'low-free-space',
    ]);
    const both = diskWatchAlert(on, usage(2e10), disk(1e9), null, 'h', 1);
    expect(both).toMatchObject({
      reasons: ['reclaimable', 'low-free-space'],
      reclaimableBytes: 2e10,
    });
  });

  it('without a readable disk, goes by reclaimable bytes alone', () => {
    expect(diskWatchAlert(on, usage(2e10), null, 'colima', 'h', 1)).toMatchObject({
      reasons: ['reclaimable'],
      disk: null,
      vm: 'colima',
    });
  });
});

describe('engineVm', () => {
  it('tells engines inside a VM apart by what /info and the socket say', () => {
    const none = { operatingSystem: 'Debian GNU/Linux 12 (bookworm)', name: 'host' };
    expect(
      engineVm({ operatingSystem: 'Docker Desktop', name: 'docker-desktop' }, 'unix:///x'),
    ).toBe('docker-desktop');
    expect(engineVm(none, 'unix:///Users/me/.docker/run/docker.sock')).toBe('docker-desktop');
    expect(engineVm({ operatingSystem: 'Ubuntu 24.04', name: 'colima' }, 'unix:///x')).toBe(
      'colima',
    );
    expect(engineVm(none, 'unix:///Users/me/.orbstack/run/docker.sock')).toBe('orbstack');
    expect(
      engineVm(none, 'unix:///Users/me/.local/share/containers/podman/machine/podman.sock'),
    ).toBe('podman-machine');
    expect(engineVm({ operatingSystem: 'Ubuntu', name: 'lima-default' }, 'unix:///x')).toBe('lima');
    expect(engineVm(none, 'unix:///var/run/docker.sock')).toBeNull();
  });
});
