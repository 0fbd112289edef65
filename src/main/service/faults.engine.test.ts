/**
 * Faults a user meets, on a real private engine behind a socket proxy (the engine keeps the
 * truth; the proxy makes it vanish or stall for Reclaim): the engine stopping in the middle of
 * a batch, and an engine that stops answering. Each is reported, nothing crashes, nothing
 * outside the confirmed plan is deleted, and the service reconnects by itself.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { ReclaimError } from '../../shared/errors';
import { startPrivateDocker, type PrivateDocker } from '../../../test/engine/dockerd';
import { addImages, randomLayer } from '../../../test/engine/fixture-builders';
import { describeEngine } from '../../../test/engine/gate';
import { assertPrivateEndpoint } from '../../../test/engine/guard';
import { startSocketProxy, type SocketProxy } from '../../../test/engine/socket-proxy';
import { openConnection } from '../engine/connect/open';
import { followInventory } from '../engine/inventory/live-inventory';
import { HistoryStore } from '../history/history-store';
import { SettingsStore } from '../settings/settings-store';
import { createReclaimService } from './create-service';
import { realEnginePort } from './engine-wiring';
import type { ReclaimService } from './reclaim-service';

const NO_FORCE = { force: false, removeStoppedContainers: false, childrenFirst: false };

describeEngine('faults between Reclaim and the engine', () => {
  let engine: PrivateDocker;
  let proxy: SocketProxy;
  let dir: string;
  let service: ReclaimService;
  const faults: string[] = [];

  /** The engine's image IDs, asked of the engine itself (not through the proxy). */
  async function engineImageIds(): Promise<Set<string>> {
    const out = await engine.dockerOk(['image', 'ls', '-a', '-q', '--no-trunc']);
    return new Set(out.split('\n').filter(Boolean));
  }

  beforeAll(async () => {
    engine = await startPrivateDocker();
    assertPrivateEndpoint(engine.host);
    proxy = await startSocketProxy(engine.host);
    dir = await mkdtemp(path.join(tmpdir(), 'reclaim-faults-'));
    service = createReclaimService({
      settings: await SettingsStore.open(dir),
      history: await HistoryStore.open(dir),
      openExternal: () => undefined,
      // The real modules, with the short timings a test can wait for.
      engine: {
        ...realEnginePort,
        openConnection: (endpoint) => openConnection(endpoint, { timeoutMs: 3_000 }),
        followInventory: (connection, callbacks) =>
          followInventory(connection, callbacks, { everyMs: 1_000, timeoutMs: 1_500 }),
      },
    });
    expect((await service.start({ host: proxy.host })).state).toBe('connected');
  });
  afterEach(() => proxy.resume());
  afterAll(async () => {
    service?.close();
    await proxy?.close();
    await engine?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
    console.info(
      `faults: ${faults.length} scenarios run, ${faults.length} survived (${faults.join(', ')}), 0 items lost outside a plan`,
    );
  });

  async function waitForState(wanted: 'connected' | 'error', timeoutMs: number) {
    await expect
      .poll(async () => (await service.getEngineStatus()).state, {
        timeout: timeoutMs,
        interval: 200,
      })
      .toBe(wanted);
    return service.getEngineStatus();
  }

  it('the engine stops in the middle of a batch: the run says what finished, and Reclaim reconnects when it returns', async () => {
    const tags = Array.from({ length: 8 }, (_, i) => `fault/batch-${i}:1`);
    await addImages(
      engine,
      tags.map((tag) => ({ tags: [tag], layers: [randomLayer({ 'data.bin': 20_000 })] })),
    );
    await expect
      .poll(async () => (await service.getInventory()).images.length)
      .toBeGreaterThanOrEqual(8);
    const before = await engineImageIds();
    const plan = await service.planRemoval(tags, NO_FORCE);
    const planned = new Set(plan.targets.map((target) => target.imageId));

    let cut = false;
    const unsubscribe = service.on('runProgress', (progress) => {
      if (!cut && progress.done >= 3) {
        cut = true;
        void proxy.down();
      }
    });
    const result = await service.runPlan(plan.id);
    unsubscribe();

    const after = await engineImageIds();
    const removed = [...before].filter((id) => !after.has(id));
    // Nothing outside the plan went, and every target reported done is gone.
    expect(removed.filter((id) => !planned.has(id))).toEqual([]);
    const done = result.results.filter((target) => target.status === 'done');
    const failed = result.results.filter((target) => target.status === 'failed');
    expect(done.length).toBeGreaterThanOrEqual(3);
    expect(failed.length).toBeGreaterThanOrEqual(1);
    expect(done.length + failed.length).toBe(tags.length);
    for (const target of done) expect(after.has(target.imageId)).toBe(false);
    // A target that failed because the engine was gone is still there, and says so.
    for (const target of failed) {
      expect(['ENGINE_NOT_RUNNING', 'NOT_CONNECTED']).toContain(
        (target.error as ReclaimError).code,
      );
    }
    expect(failed.every((target) => after.has(target.imageId))).toBe(true);

    const lost = await waitForState('error', 10_000);
    expect(lost).toMatchObject({ state: 'error', error: { code: 'ENGINE_NOT_RUNNING' } });

    await proxy.up();
    const back = await waitForState('connected', 30_000);
    expect(back).toMatchObject({ engine: { endpoint: { host: proxy.host } } });
    const ids = new Set((await service.getInventory()).images.map((image) => image.id));
    expect(ids).toEqual(after);
    faults.push('engine gone mid-run');
  }, 90_000);

  it('the engine stops answering: calls time out with a clear error, the rest stays responsive, and it is noticed and reopened', async () => {
    proxy.stall();
    const started = Date.now();
    const slowCall = service
      .planResourceRemoval({ containers: 'stopped', networks: true, volumes: [], unticked: [] })
      .then(
        () => null,
        (error: { error?: ReclaimError }) => error.error ?? null,
      );
    // Reclaim's own calls answer at once meanwhile.
    const settingsStarted = Date.now();
    await service.getSettings();
    expect(Date.now() - settingsStarted).toBeLessThan(500);

    const timedOut = await slowCall;
    expect(timedOut).toMatchObject({ code: 'TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(10_000);

    // The watchdog notices the silent engine, though its events stream never closed.
    const lost = await waitForState('error', 10_000);
    expect(lost).toMatchObject({ state: 'error', error: { code: 'TIMEOUT' } });

    proxy.resume();
    await waitForState('connected', 30_000);
    const ids = new Set((await service.getInventory()).images.map((image) => image.id));
    expect(ids).toEqual(await engineImageIds());
    faults.push('engine stalled');
  }, 90_000);
});
