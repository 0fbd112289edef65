import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineStatus } from '../../shared/contract';
import { ReclaimFailure } from '../../shared/errors';
import type { RunProgress } from '../../shared/plan';
import { SettingsStore } from '../settings/settings-store';
import { HistoryStore } from '../history/history-store';
import {
  FAKE_DISK_USAGE,
  FAKE_INVENTORY,
  fakeEngine,
  type FakeEngine,
} from './fake-engine.fixture';
import { ReclaimService } from './reclaim-service';

const REMOVAL_OPTIONS = { force: false, removeStoppedContainers: false, childrenFirst: false };

async function rejection(promise: Promise<unknown>): Promise<ReclaimFailure> {
  const thrown = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(ReclaimFailure);
  return thrown as ReclaimFailure;
}

describe('ReclaimService', () => {
  let dir: string;
  let settings: SettingsStore;
  let engine: FakeEngine;
  let opened: string[];
  let service: ReclaimService;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'reclaim-service-'));
    settings = await SettingsStore.open(dir);
    engine = fakeEngine();
    opened = [];
    service = new ReclaimService({
      engine,
      settings,
      history: await HistoryStore.open(dir),
      openExternal: (url) => void opened.push(url),
    });
  });
  afterEach(async () => {
    service.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers NOT_CONNECTED before any connection, for every engine-backed method', async () => {
    expect((await service.getEngineStatus()).state).toBe('error');
    for (const call of [
      () => service.getDiskUsage(),
      () => service.getInventory(),
      () => service.resolveReference('redis'),
      () => service.planRemoval(['redis'], REMOVAL_OPTIONS),
      () => service.planPrune({ all: false }),
      () =>
        service.planResourceRemoval({
          containers: 'stopped',
          networks: true,
          volumes: [],
          unticked: [],
        }),
      () => service.runResourcePlan('p1'),
      () => service.planBuildCachePrune({ all: false }),
      () => service.runBuildCachePlan('p1'),
    ]) {
      expect((await rejection(call())).error.code).toBe('NOT_CONNECTED');
    }
  });

  /** Calls with malformed input, each with the error it must get before any engine call. */
  const malformedCalls = (): [() => Promise<unknown>, string][] => [
    [() => service.resolveReference('Redis:1'), 'INVALID_REFERENCE'],
    [() => service.planRemoval(['redis:alpine', 'Redis:1'], REMOVAL_OPTIONS), 'INVALID_REFERENCE'],
    [() => service.planRemoval(['a b'], REMOVAL_OPTIONS), 'INVALID_REFERENCE'],
    [() => service.planPrune({ all: true, until: '3d' }), 'INVALID_FILTER'],
    [() => service.planPrune({ all: true, label: ['=x'] }), 'INVALID_FILTER'],
    [() => service.planPrune({ all: true, labelNot: ['=x'] }), 'INVALID_FILTER'],
    [() => service.planPrune({ all: true, reference: ['team/['] }), 'INVALID_FILTER'],
    [() => service.planPrune({ all: true, repository: 'a[' }), 'INVALID_FILTER'],
    [() => service.planPrune({ all: true, before: 'Redis:1' }), 'INVALID_FILTER'],
    [() => service.planPrune({ all: true, since: 'x@sha256:12' }), 'INVALID_FILTER'],
    [() => service.planBuildCachePrune({ all: true, until: '3d' }), 'INVALID_FILTER'],
  ];

  it('answers malformed input with its own error, not NOT_CONNECTED, with no engine', async () => {
    for (const [call, code] of malformedCalls()) {
      expect((await rejection(call())).error.code).toBe(code);
    }
    expect(engine.calls).toEqual([]);
  });

  it('checks the syntax before reading the inventory when connected', async () => {
    await service.connect(null);
    engine.calls.length = 0;
    for (const [call, code] of malformedCalls()) {
      const failure = await rejection(call());
      expect(failure.error.code).toBe(code);
    }
    expect(engine.calls).toEqual([]);
    // Well-formed input does read the inventory and plan.
    await service.planPrune({ all: true, until: '72h', before: 'abc1' });
    expect(engine.calls).toEqual(['live.current', 'planPrune']);
  });

  it('takes the dashboard figures from the live inventory’s fast path, not the full read', async () => {
    await service.connect(null);
    engine.calls.length = 0;
    expect(await service.getDiskUsage()).toEqual(FAKE_DISK_USAGE);
    expect(engine.calls).toEqual(['live.diskUsage']);
  });

  it('connects, announces connecting then connected, and saves the endpoint', async () => {
    const statuses: EngineStatus['state'][] = [];
    service.on('engineStatus', (status) => statuses.push(status.state));
    const endpoint = { host: 'unix:///tmp/chosen.sock' };
    const status = await service.connect(endpoint);
    expect(status).toMatchObject({ state: 'connected', engine: { endpoint } });
    expect(statuses).toEqual(['connecting', 'connecting', 'connected']);
    expect(settings.get().endpoint).toEqual(endpoint);
    expect(await service.getDiskUsage()).toEqual(FAKE_DISK_USAGE);
    expect(await service.getInventory()).toEqual(FAKE_INVENTORY);
  });

  it('keeps the saved endpoint when a new one fails, and reports the connection error', async () => {
    await service.connect({ host: 'unix:///tmp/good.sock' });
    engine.refuse.add('unix:///tmp/bad.sock');
    const status = await service.connect({ host: 'unix:///tmp/bad.sock' });
    expect(status).toMatchObject({ state: 'error', error: { code: 'ENGINE_NOT_RUNNING' } });
    expect(settings.get().endpoint).toEqual({ host: 'unix:///tmp/good.sock' });
    expect(engine.closedLive).toBe(1);
  });

  it('start() uses an override without saving it, else the endpoint in settings', async () => {
    await settings.update({ endpoint: { host: 'unix:///tmp/saved.sock' } });
    expect(await service.start()).toMatchObject({
      engine: { endpoint: { host: 'unix:///tmp/saved.sock' } },
    });
    expect(await service.start({ host: 'unix:///tmp/override.sock' })).toMatchObject({
      engine: { endpoint: { host: 'unix:///tmp/override.sock' } },
    });
    expect(settings.get().endpoint).toEqual({ host: 'unix:///tmp/saved.sock' });
  });

  it('a retry (connect with null) on an instance started for an endpoint goes back to it, never to discovery', async () => {
    const pinned = { host: 'unix:///tmp/private-engine.sock' };
    await service.start(pinned);
    engine.calls.length = 0;
    const status = await service.connect(null);
    expect(status).toMatchObject({ state: 'connected', engine: { endpoint: pinned } });
    expect(engine.calls).not.toContain('discoverEndpoints');
    expect(settings.get().endpoint).toBeNull();
  });

  it('forwards inventory changes and reports a lost engine as an error status', async () => {
    await service.connect(null);
    const changes: unknown[] = [];
    const statuses: EngineStatus[] = [];
    service.on('inventoryChanged', (inventory) => changes.push(inventory));
    service.on('engineStatus', (status) => statuses.push(status));
    engine.follow?.onChange(FAKE_INVENTORY);
    // What the ping that finds the engine gone rejects with: a raw socket error.
    const gone = Object.assign(new Error('connect ENOENT /tmp/fake.sock'), { code: 'ENOENT' });
    engine.follow?.onLost(gone);
    expect(changes).toEqual([FAKE_INVENTORY]);
    expect(statuses).toEqual([
      {
        state: 'error',
        error: expect.objectContaining({
          code: 'ENGINE_NOT_RUNNING',
          cause: 'socket-missing',
          endpoint: 'unix:///tmp/fake.sock',
        }),
      },
    ]);
    // The failure travels inside NOT_CONNECTED, so the UI can give that engine's fix.
    expect((await rejection(service.getInventory())).error).toMatchObject({
      code: 'NOT_CONNECTED',
      cause: 'engine-unavailable',
      endpoint: 'unix:///tmp/fake.sock',
      values: { reasonCode: 'ENGINE_NOT_RUNNING', reasonCause: 'socket-missing' },
    });
  });

  it('passes the protected patterns and label from settings to the prune planner', async () => {
    await settings.update({ protectedPatterns: ['redis:*'] });
    await service.connect(null);
    const spy = vi.spyOn(engine, 'planPrune');
    await service.planPrune({ all: true });
    expect(spy).toHaveBeenCalledWith(
      FAKE_INVENTORY,
      { all: true },
      { patterns: ['redis:*'], label: 'reclaim.protected=true' },
    );
  });

  it('passes the same protection to the removal planner', async () => {
    await settings.update({ protectedPatterns: ['redis:*'] });
    await service.connect(null);
    const spy = vi.spyOn(engine, 'planRemoval');
    await service.planRemoval(['redis:alpine'], REMOVAL_OPTIONS);
    expect(spy).toHaveBeenCalledWith(FAKE_INVENTORY, ['redis:alpine'], REMOVAL_OPTIONS, {
      patterns: ['redis:*'],
      label: 'reclaim.protected=true',
    });
  });

  it('runs a stored plan once, emits its progress, and can cancel it', async () => {
    await service.connect(null);
    const plan = await service.planRemoval(['redis'], REMOVAL_OPTIONS);
    const progress: RunProgress[] = [];
    service.on('runProgress', (event) => progress.push(event));
    const running = service.runPlan(plan.id);
    await vi.waitFor(() => expect(engine.runs).toHaveLength(1));
    expect(progress).toEqual([
      { planId: plan.id, done: 0, total: 1, bytesReclaimed: 0, current: null },
    ]);
    // A second run of the same preview is refused while (and after) the first runs.
    expect((await rejection(service.runPlan(plan.id))).error.code).toBe('NOT_FOUND');
    await service.cancelRun(plan.id);
    expect(engine.runs[0]?.hooks.signal.aborted).toBe(true);
    engine.releaseRun?.();
    expect(await running).toMatchObject({ planId: plan.id, cancelled: true });
    expect((await rejection(service.runPlan(plan.id))).error.code).toBe('NOT_FOUND');
  });

  it('drops the previews when it connects to another engine: none runs there', async () => {
    await service.connect(null);
    const plan = await service.planRemoval(['redis'], REMOVAL_OPTIONS);
    expect(plan.engine.host).toBe('unix:///tmp/fake.sock');
    await service.connect({ host: 'unix:///tmp/other-engine.sock' });
    expect((await rejection(service.runPlan(plan.id))).error).toMatchObject({
      code: 'NOT_FOUND',
      cause: 'preview-expired',
    });
    expect(engine.runs).toEqual([]);
  });

  it('refuses to run a plan it never made', async () => {
    await service.connect(null);
    expect((await rejection(service.runPlan('made-up'))).error.code).toBe('NOT_FOUND');
    expect(engine.runs).toEqual([]);
  });

  it('opens allow-listed docs through the injected opener and refuses other URLs', async () => {
    await service.openDocs('https://docs.docker.com/engine/');
    expect((await rejection(service.openDocs('https://evil.example/'))).error).toEqual({
      code: 'VALIDATION',
      cause: 'docs-url-refused',
      subject: 'https://evil.example/',
    });
    expect(opened).toEqual(['https://docs.docker.com/engine/']);
  });

  it('opens the normalised URL it checked, not the raw string', async () => {
    await service.openDocs('HTTPS://Docs.Docker.COM/engine/../config/ daemon');
    expect(opened).toEqual(['https://docs.docker.com/config/%20daemon']);
  });

  it('plans containers, networks and volumes on a fresh read, and runs the plan only by its own method, once', async () => {
    await service.connect(null);
    engine.calls.length = 0;
    const request = { containers: 'stopped' as const, networks: true, volumes: [], unticked: [] };
    const plan = await service.planResourceRemoval(request);
    expect(engine.calls).toEqual([
      'live.withFreshStores',
      'live.recheck',
      'readNetworks',
      `planResources @${FAKE_INVENTORY.takenAt}`,
    ]);
    expect((await rejection(service.runPlan(plan.id))).error.code).toBe('NOT_FOUND');
    expect((await rejection(service.runBuildCachePlan(plan.id))).error.code).toBe('NOT_FOUND');
    expect(await service.runResourcePlan(plan.id)).toMatchObject({ planId: plan.id });
    expect((await rejection(service.runResourcePlan(plan.id))).error.code).toBe('NOT_FOUND');
  });

  it('runs a build cache plan only through its own method, once', async () => {
    await service.connect(null);
    const cachePlan = await service.planBuildCachePrune({ all: false });
    const imagePlan = await service.planPrune({ all: false });
    // Each run takes only its own kind, and a refused kind stays runnable by its own.
    expect((await rejection(service.runPlan(cachePlan.id))).error.code).toBe('NOT_FOUND');
    expect((await rejection(service.runBuildCachePlan(imagePlan.id))).error.code).toBe('NOT_FOUND');
    expect(await service.runBuildCachePlan(cachePlan.id)).toMatchObject({ planId: cachePlan.id });
    expect((await rejection(service.runBuildCachePlan(cachePlan.id))).error.code).toBe('NOT_FOUND');
    expect(engine.calls).toContain(`runBuildCachePlan ${cachePlan.id}`);
  });

  it('refuses a build cache until that is no duration before reading anything', async () => {
    await service.connect(null);
    engine.calls.length = 0;
    const error = (await rejection(service.planBuildCachePrune({ all: true, until: '2024-01-01' })))
      .error;
    expect(error).toMatchObject({ code: 'INVALID_FILTER', cause: 'cache-until-invalid' });
    expect(engine.calls).toEqual([]);
  });

  it('merges settings updates and returns the saved settings', async () => {
    expect(await service.updateSettings({ theme: 'dark' })).toMatchObject({
      theme: 'dark',
      language: 'system',
    });
    expect(await service.getSettings()).toMatchObject({ theme: 'dark' });
  });
});
