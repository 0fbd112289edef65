/**
 * Browser mode against a real private engine: the token is enforced, every contract method
 * answers over HTTP exactly as the service answers directly, and engine changes arrive as
 * Server-Sent Events.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { METHOD_NAMES, type MethodName, type Outcome } from '../../shared/contract';
import type { Inventory } from '../../shared/model';
import type { ResourcePlan, ResourceRunResult } from '../../shared/resource-plan';
import { DEFAULT_CLEANUP_PARAMETERS } from '../../shared/cleanup';
import { EVENTS_PATH, methodPath } from '../../shared/transport';
import { startPrivateDocker, type PrivateDocker } from '../../../test/engine/dockerd';
import { loadFixtures, type Fixtures } from '../../../test/engine/fixtures';
import { selectedEngine } from '../../../test/engine/engines';
import { describeEngine } from '../../../test/engine/gate';
import { getJson } from '../../../test/engine/http';
import { assertPrivateEndpoint } from '../../../test/engine/guard';
import { addImages, randomLayer } from '../../../test/engine/fixture-builders';
import { createReclaimService } from '../service/create-service';
import { toOutcome } from '../service/outcome';
import type { ReclaimService } from '../service/reclaim-service';
import { SettingsStore } from '../settings/settings-store';
import { HistoryStore } from '../history/history-store';
import { callApi, openEventStream, rawRequest } from './http-client.fixture';
import { startWebServer, type RunningWebServer } from './server';

const TOKEN = 'engine-test-token-0123456789';

/** What legitimately differs between two reads of the same state: read times, and plan IDs. */
const VOLATILE_KEYS = new Set(['takenAt', 'createdAt']);

function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable);
  if (typeof value !== 'object' || value === null) return value;
  const isPlan = 'kind' in value && (value.kind === 'removal' || value.kind === 'prune');
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !VOLATILE_KEYS.has(key) && !(isPlan && key === 'id'))
      .map(([key, inner]) => [key, comparable(inner)]),
  );
}

describeEngine('browser mode against a private engine', () => {
  let engine: PrivateDocker;
  let fixtures: Fixtures;
  let dir: string;
  let service: ReclaimService;
  let server: RunningWebServer;
  const opened: string[] = [];
  /** Methods this file has exercised over HTTP; the last test checks none was forgotten. */
  const exercised = new Set<MethodName>();

  const http = async <T>(name: MethodName, args: unknown[]): Promise<Outcome<T>> => {
    exercised.add(name);
    return (await callApi(server.port, TOKEN, name, args)) as Outcome<T>;
  };

  beforeAll(async () => {
    engine = await startPrivateDocker();
    assertPrivateEndpoint(engine.host);
    fixtures = await loadFixtures(engine);
    dir = await mkdtemp(path.join(tmpdir(), 'reclaim-web-engine-'));
    service = createReclaimService({
      settings: await SettingsStore.open(dir),
      history: await HistoryStore.open(dir),
      openExternal: (url) => void opened.push(url),
    });
    const status = await service.start({ host: engine.host });
    expect(status.state).toBe('connected');
    server = await startWebServer({ service, rendererDir: dir, token: TOKEN, port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    service?.close();
    await engine?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('refuses every request without the token (401)', async () => {
    expect(
      (await rawRequest(server.port, methodPath('getInventory'), { method: 'POST', body: '[]' }))
        .status,
    ).toBe(401);
    expect((await rawRequest(server.port, EVENTS_PATH)).status).toBe(401);
    expect((await rawRequest(server.port, '/')).status).toBe(401);
  });

  it('answers the read methods over HTTP exactly as the service does', async () => {
    const reads: [MethodName, unknown[], () => Promise<unknown>][] = [
      ['getEngineStatus', [], () => service.getEngineStatus()],
      ['getSettings', [], () => service.getSettings()],
      ['getSettingsNotice', [], () => service.getSettingsNotice()],
      ['getDiskUsage', [], () => service.getDiskUsage()],
      ['getInventory', [], () => service.getInventory()],
      [
        'resolveReference',
        [fixtures.small.tags[0]],
        () => service.resolveReference(fixtures.small.tags[0] ?? ''),
      ],
      [
        'resolveReference',
        [fixtures.small.id.slice(7, 19)],
        () => service.resolveReference(fixtures.small.id.slice(7, 19)),
      ],
      [
        'resolveReference',
        ['no-such-image:42'],
        () => service.resolveReference('no-such-image:42'),
      ],
    ];
    for (const [name, args, direct] of reads) {
      const overHttp = await http(name, args);
      expect(comparable(overHttp), `${name} ${JSON.stringify(args)}`).toEqual(
        comparable(await toOutcome(direct)),
      );
    }
    const inventory = (await http<Inventory>('getInventory', [])) as { ok: true; value: Inventory };
    expect(inventory.value.images.map((image) => image.id)).toEqual(
      expect.arrayContaining(fixtures.all.map((image) => image.id)),
    );
  });

  it('lists endpoints and connects over HTTP as the service does', async () => {
    expect(comparable(await http('listEndpoints', []))).toEqual(
      comparable(await toOutcome(() => service.listEndpoints())),
    );
    const connected = await http<{ state: string }>('connect', [{ host: engine.host }]);
    expect(connected).toMatchObject({ ok: true, value: { state: 'connected' } });
    expect((await service.getSettings()).endpoint).toEqual({ host: engine.host });
  });

  it('previews removals and prunes over HTTP as the service does', async () => {
    const options = { force: false, removeStoppedContainers: false, childrenFirst: false };
    const tag = fixtures.multiTag.tags[0] ?? '';
    expect(comparable(await http('planRemoval', [[tag], options]))).toEqual(
      comparable(await toOutcome(() => service.planRemoval([tag], options))),
    );
    for (const prune of [{ all: false }, { all: true, until: '48h' }]) {
      expect(comparable(await http('planPrune', [prune]))).toEqual(
        comparable(await toOutcome(() => service.planPrune(prune))),
      );
    }
  });

  it('runs a previewed removal over HTTP and the image is gone from the engine', async () => {
    const tag = fixtures.small.tags[0] ?? '';
    const plan = await http<{ id: string }>('planRemoval', [
      [tag],
      { force: false, removeStoppedContainers: false, childrenFirst: false },
    ]);
    if (!plan.ok) throw new Error(JSON.stringify(plan.error));
    const planId = plan.value.id;
    const stream = await openEventStream(server.port, TOKEN);
    const result = await http<{
      results: { status: string; records: { kind: string; ref: string }[] }[];
    }>('runPlan', [planId]);
    try {
      // The run's progress reaches the page as events, up to done = total.
      const finished = await stream.next<{ planId: string; done: number; total: number }>(
        'runProgress',
        (progress) => progress.planId === planId && progress.done === progress.total,
      );
      expect(finished.total).toBe(1);
    } finally {
      stream.close();
    }
    expect(result).toMatchObject({ ok: true, value: { results: [{ status: 'done' }] } });
    if (result.ok) {
      expect(result.value.results[0]?.records).toContainEqual({ kind: 'untagged', ref: tag });
    }
    const left = await engine.docker(['image', 'inspect', fixtures.small.id]);
    expect(left.code).not.toBe(0);
    // A finished plan cannot run twice; cancelling it is harmless.
    expect(await http('runPlan', [planId])).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await http('cancelRun', [planId])).toEqual({ ok: true });
  });

  it('previews and removes a stopped container and a new volume, keeps the running container', async () => {
    await engine.dockerOk(['volume', 'create', 'reclaim-web-unused']);
    // Volumes have no events: the preview reads them afresh, so the new one is there at once.
    const request = {
      containers: [fixtures.stopped.id, fixtures.running.id],
      networks: false,
      volumes: ['reclaim-web-unused'],
      unticked: [],
    };
    const plan = await http<ResourcePlan>('planResourceRemoval', [request]);
    if (!plan.ok) throw new Error(JSON.stringify(plan));
    expect(plan.value.remove.map((item) => item.id)).toEqual([
      fixtures.stopped.id,
      'reclaim-web-unused',
    ]);
    expect(plan.value.keep).toContainEqual(
      expect.objectContaining({ id: fixtures.running.id, reason: 'running' }),
    );
    const run = await http<ResourceRunResult>('runResourcePlan', [plan.value.id]);
    expect(run, JSON.stringify(run)).toMatchObject({ ok: true });
    if (!run.ok) return;
    expect(run.value.results.map((result) => result.status)).toEqual(['done', 'done']);
    expect((await engine.docker(['container', 'inspect', fixtures.stopped.id])).code).not.toBe(0);
    expect((await engine.docker(['container', 'inspect', fixtures.running.id])).code).toBe(0);
    expect((await engine.docker(['volume', 'inspect', 'reclaim-web-unused'])).code).not.toBe(0);
    // An unknown volume is bad input: refused, nothing planned.
    expect(
      await http('planResourceRemoval', [
        { ...request, containers: [], volumes: ['reclaim-no-such-volume'] },
      ]),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', cause: 'volume-not-found' } });
  });

  it('plans and runs a build cache prune, updates settings and opens only allow-listed docs over HTTP', async () => {
    const plan = await http('planBuildCachePrune', [{ all: false }]);
    expect(plan).toMatchObject({ ok: true, value: { kind: 'build-cache' } });
    const planId = (plan as { value: { id: string } }).value.id;
    expect(await http('runBuildCachePlan', [planId])).toMatchObject({
      ok: true,
      value: { planId, cancelled: false },
    });
    const parameters = DEFAULT_CLEANUP_PARAMETERS;
    const estimates = await http('estimateCleanups', [parameters]);
    expect(estimates).toMatchObject({ ok: true });
    const strategies = (estimates as { value: { choice: { strategy: string } }[] }).value.map(
      (estimate) => estimate.choice.strategy,
    );
    expect(strategies).toEqual([
      'safe',
      'unused-images',
      'older-than',
      'keep-newest',
      'build-cache',
      'least-recently-used',
      'everything-unused',
      'custom',
    ]);
    const cleanup = await http<{ id: string; buildCache: { id: string } }>('planCleanup', [
      { strategy: 'safe' },
      { images: [], cacheRecords: [], resources: [] },
    ]);
    expect(cleanup).toMatchObject({ ok: true, value: { choice: { strategy: 'safe' } } });
    if (!cleanup.ok) throw new Error(JSON.stringify(cleanup.error));
    // A cleanup's part that runs is recorded in the history, which exports as JSON.
    expect(await http('getHistory', [])).toEqual({
      ok: true,
      value: { records: [], keptAside: null },
    });
    await http('runBuildCachePlan', [cleanup.value.buildCache.id]);
    expect(await http('getHistory', [])).toMatchObject({
      ok: true,
      value: { records: [{ id: cleanup.value.id, choice: { strategy: 'safe' } }] },
    });
    const exported = await http<string>('exportHistory', []);
    if (!exported.ok) throw new Error(JSON.stringify(exported.error));
    expect(JSON.parse(exported.value)).toMatchObject({
      version: 1,
      records: [{ id: cleanup.value.id }],
    });
    expect(await http('updateSettings', [{ protectedPatterns: ['reclaim-fx/*'] }])).toMatchObject({
      ok: true,
      value: { protectedPatterns: ['reclaim-fx/*'] },
    });
    expect((await service.getSettings()).protectedPatterns).toEqual(['reclaim-fx/*']);
    // The watch is off by default; on, with thresholds this engine passes, it speaks.
    expect(await http('getDiskWatch', [])).toEqual({ ok: true, value: null });
    const watch = { enabled: true, reclaimableBytes: 0, freeBytes: 0 };
    expect(await http('updateSettings', [{ watch }])).toMatchObject({ ok: true });
    expect(await http('getDiskWatch', [])).toMatchObject({
      ok: true,
      value: { reasons: ['reclaimable'], vm: null },
    });
    expect(await http('openDocs', ['https://docs.docker.com/engine/'])).toEqual({ ok: true });
    expect(await http('openDocs', ['https://evil.example/'])).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(opened).toEqual(['https://docs.docker.com/engine/']);
  });

  it('streams inventory changes when a new image is loaded and removed on the engine', async () => {
    const stream = await openEventStream(server.port, TOKEN);
    const tag = 'reclaim-web/sse:1';
    try {
      await stream.next('engineStatus');
      const before = await service.getInventory();
      expect(before.images.some((image) => image.repoTags.includes(tag))).toBe(false);
      // A genuinely new image: its own freshly seeded layer, so an ID the engine never had.
      const [created] = await addImages(engine, [
        { tags: [tag], layers: [randomLayer({ 'sse.bin': 50_000 })] },
      ]);
      if (!created) throw new Error('addImages returned nothing');
      expect(before.images.some((image) => image.id === created.id)).toBe(false);
      const withImage = await stream.next<Inventory>('inventoryChanged', (inventory) =>
        inventory.images.some((image) => image.id === created.id),
      );
      // The size the engine lists (on the containerd store, content and snapshot together).
      const listed = await getJson<{ Id: string; Size: number }[]>(
        engine.socketPath,
        '/images/json',
      );
      expect(withImage.images.find((image) => image.id === created.id)).toMatchObject({
        repoTags: [tag],
        size: listed.find((image) => image.Id === created.id)?.Size,
      });
      if (selectedEngine().store === 'classic')
        expect(listed.find((i) => i.Id === created.id)?.Size).toBe(created.size);
      await engine.dockerOk(['rmi', created.id]);
      await stream.next<Inventory>('inventoryChanged', (inventory) =>
        inventory.images.every((image) => image.id !== created.id),
      );
    } finally {
      stream.close();
    }
  });

  it('exercised every contract method over HTTP', () => {
    expect([...exercised].sort()).toEqual([...METHOD_NAMES].sort());
  });
});
