/**
 * The disk-space watch on a private engine: the data disk it reads is the engine's own data
 * root, with the free space `df` reports for it, and the alert comes once a threshold is set
 * below what the engine holds.
 */
import { startPrivateService, type PrivateService } from '../service/private-service.fixture';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_DISK_WATCH } from '../../shared/disk-watch';
import { startPrivateDocker, type PrivateDocker } from '../../../test/engine/dockerd';
import { describeEngine } from '../../../test/engine/gate';
import { assertPrivateEndpoint } from '../../../test/engine/guard';
import type { ReclaimService } from '../service/reclaim-service';

const run = promisify(execFile);

describeEngine('the disk-space watch', () => {
  let engine: PrivateDocker;
  let running: PrivateService;
  let service: ReclaimService;

  beforeAll(async () => {
    engine = await startPrivateDocker();
    assertPrivateEndpoint(engine.host);
    running = await startPrivateService(engine.host);
    service = running.service;
  });
  afterAll(async () => {
    await running?.close();
    await engine?.stop();
  });

  it('is silent while off; on, it reads the engine’s data disk as df does and names the low space', async () => {
    expect(await service.getDiskWatch()).toBeNull();
    await service.updateSettings({
      watch: { ...DEFAULT_DISK_WATCH, enabled: true, freeBytes: 1e15 },
    });
    const alert = await service.getDiskWatch();
    expect(alert?.reasons).toEqual(['low-free-space']);
    expect(alert?.vm).toBeNull();
    const root = (await engine.dockerOk(['info', '-f', '{{.DockerRootDir}}'])).trim();
    expect(alert?.disk?.path).toBe(root);
    const { stdout } = await run('df', ['-B1', '--output=avail,size', root]);
    const [avail, size] = (stdout.trim().split('\n')[1] ?? '').trim().split(/\s+/).map(Number);
    expect(alert?.disk?.totalBytes).toBe(size);
    // Free space moves as other tests write: within 1% of what df said a moment later.
    expect(Math.abs((alert?.disk?.freeBytes ?? 0) - (avail ?? 0))).toBeLessThan((size ?? 0) / 100);
  });
});
