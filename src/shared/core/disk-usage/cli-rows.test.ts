import { describe, expect, it } from 'vitest';
import { buildCacheRow, containersRow, imagesRow, volumesRow } from './cli-rows';

describe('the CLI formulas on edge cases', () => {
  it('images: unshared bytes of images in use are not reclaimable; shared ones are', () => {
    const row = imagesRow(1_000, [
      { size: 600, sharedSize: 400, containers: 2 },
      { size: 500, sharedSize: 400, containers: 0 },
    ]);
    expect(row).toEqual({ total: 2, active: 1, size: 1_000, reclaimable: 800 });
  });

  it('images: -1 container counts are treated as in use, -1 shared sizes are skipped', () => {
    expect(imagesRow(100, [{ size: 60, sharedSize: 0, containers: -1 }]).reclaimable).toBe(40);
    expect(imagesRow(100, [{ size: 60, sharedSize: -1, containers: 1 }]).reclaimable).toBe(100);
  });

  it('containers: paused and restarting are active; exited and created are reclaimable', () => {
    const row = containersRow([
      { state: 'running', sizeRw: 1 },
      { state: 'paused', sizeRw: 2 },
      { state: 'restarting', sizeRw: 4 },
      { state: 'exited', sizeRw: 8 },
      { state: 'created', sizeRw: 16 },
    ]);
    expect(row).toEqual({ total: 5, active: 3, size: 31, reclaimable: 24 });
  });

  it('volumes: unknown sizes (-1) count in totals but add no bytes', () => {
    const row = volumesRow([
      { size: -1, refCount: 0 },
      { size: 10, refCount: 0 },
      { size: 5, refCount: 2 },
    ]);
    expect(row).toEqual({ total: 3, active: 1, size: 15, reclaimable: 10 });
  });

  it('build cache: shared records add no bytes; in-use ones are not reclaimable', () => {
    const row = buildCacheRow([
      { size: 100, inUse: true, shared: false },
      { size: 50, inUse: false, shared: true },
      { size: 30, inUse: false, shared: false },
      { size: 7, inUse: true, shared: true },
    ]);
    expect(row).toEqual({ total: 4, active: 2, size: 130, reclaimable: 30 });
  });
});
