/**
 * A RendererApi over an in-memory inventory: component tests and screenshots run the real UI
 * against it before (and without) a backend. Test-only; never installed by the app.
 */
import type { ApiEvents, EngineStatus, Outcome, RendererApi } from '../../../shared/contract';
import type { Inventory } from '../../../shared/model';
import type { Plan, RunResult, TargetResult } from '../../../shared/plan';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings';
import { reclaimError } from '../../../shared/errors';
import { shortId } from '../ui/format';
import { diskUsageOf, fixtureInventory } from './inventory-fixture';
import { planPruneIn, planRemovalIn, resolveIn } from './fake-plans';

type Listeners = { [K in keyof ApiEvents]: Set<(payload: ApiEvents[K]) => void> };

export interface FakeApi extends RendererApi {
  /** Pushes an event as main would. */
  emit<K extends keyof ApiEvents>(event: K, payload: ApiEvents[K]): void;
  /** The inventory the fake holds now. */
  inventory(): Inventory;
  /** Every method call, for assertions. */
  calls: { method: string; args: unknown[] }[];
}

export interface FakeApiOptions {
  inventory?: Inventory;
  status?: EngineStatus;
  settings?: Settings;
}

const ok = <T>(value: T): Promise<Outcome<T>> => Promise.resolve({ ok: true, value });

export function createFakeApi(options: FakeApiOptions = {}): FakeApi {
  let inv = options.inventory ?? fixtureInventory();
  let status: EngineStatus = options.status ?? { state: 'connected', engine: inv.engine };
  let settings: Settings = options.settings ?? { ...DEFAULT_SETTINGS };
  const plans = new Map<string, Plan>();
  const listeners: Listeners = {
    inventoryChanged: new Set(),
    engineStatus: new Set(),
    runProgress: new Set(),
  };
  const calls: FakeApi['calls'] = [];
  let nextPlan = 1;

  function emit<K extends keyof ApiEvents>(event: K, payload: ApiEvents[K]): void {
    // Like main, the fake's own state follows what it announces.
    if (event === 'engineStatus') status = payload as EngineStatus;
    if (event === 'inventoryChanged') inv = payload as Inventory;
    for (const listener of listeners[event]) listener(payload);
  }
  function subscribe<K extends keyof ApiEvents>(event: K) {
    return (listener: (payload: ApiEvents[K]) => void) => {
      listeners[event].add(listener);
      return () => listeners[event].delete(listener);
    };
  }
  function record(method: string, args: unknown[]): void {
    calls.push({ method, args });
  }
  function connectedOr<T>(value: () => T): Promise<Outcome<T>> {
    if (status.state !== 'connected') {
      const error =
        status.state === 'error'
          ? status.error
          : reclaimError(
              'NOT_CONNECTED',
              'Not connected to an engine.',
              'Wait for the connection or choose an engine.',
            );
      return Promise.resolve({ ok: false, error });
    }
    return ok(value());
  }
  function withoutImages(ids: Set<string>): void {
    const images = inv.images
      .filter((i) => !ids.has(i.id))
      .map((i) => ({ ...i, childIds: i.childIds.filter((c) => !ids.has(c)) }));
    const base = { ...inv, images, takenAt: Date.now() };
    inv = { ...base, diskUsage: diskUsageOf(base) };
    emit('inventoryChanged', inv);
  }
  function runResult(plan: Plan): RunResult {
    const results: TargetResult[] =
      plan.kind === 'removal'
        ? plan.targets.map((t) => {
            const blocked =
              t.outcome.startsWith('blocked') || t.outcome === 'needs-force-multiple-tags';
            return blocked
              ? {
                  input: t.input,
                  imageId: t.imageId,
                  status: 'failed',
                  lines: [],
                  bytesReclaimed: 0,
                  error: reclaimError(
                    'CONFLICT',
                    t.reason,
                    t.fixes[0]?.explanation ?? 'Choose a fix in the preview.',
                  ),
                }
              : {
                  input: t.input,
                  imageId: t.imageId,
                  status: 'done',
                  lines: [
                    ...t.untagged.map((r) => `Untagged: ${r}`),
                    ...t.deleted.map((d) => `Deleted: ${d}`),
                  ],
                  bytesReclaimed: t.bytesFreed,
                };
          })
        : plan.remove.map((c) => ({
            input: shortId(c.imageId),
            imageId: c.imageId,
            status: 'done',
            lines: [...c.repoTags.map((r) => `Untagged: ${r}`), `Deleted: ${c.imageId}`],
            bytesReclaimed: c.size,
          }));
    results.forEach((_, n) =>
      emit('runProgress', {
        planId: plan.id,
        done: n + 1,
        total: results.length,
        bytesReclaimed: 0,
        current: results[n]?.input ?? null,
      }),
    );
    const deletedIds = new Set(
      results
        .filter((r) => r.status === 'done' && r.lines.some((l) => l.startsWith('Deleted')))
        .map((r) => r.imageId),
    );
    const untagged = results.flatMap((r) =>
      r.lines.filter((l) => l.startsWith('Untagged: ')).map((l) => l.slice(10)),
    );
    inv = {
      ...inv,
      images: inv.images.map((i) => ({
        ...i,
        repoTags: i.repoTags.filter((t) => !untagged.includes(t)),
      })),
    };
    withoutImages(deletedIds);
    return {
      planId: plan.id,
      results,
      bytesReclaimed: results.reduce((s, r) => s + r.bytesReclaimed, 0),
      cancelled: false,
    };
  }

  const api: FakeApi = {
    calls,
    emit,
    inventory: () => inv,
    getEngineStatus: () => (record('getEngineStatus', []), ok(status)),
    listEndpoints: () => {
      record('listEndpoints', []);
      return ok([
        {
          endpoint: { host: 'unix:///var/run/docker.sock' },
          source: 'well-known-socket',
          label: 'Docker Engine',
          present: true,
        },
        {
          endpoint: { host: 'unix:///run/user/1000/podman/podman.sock' },
          source: 'well-known-socket',
          label: 'Podman',
          present: false,
        },
      ]);
    },
    connect: (endpoint) => {
      record('connect', [endpoint]);
      status = {
        state: 'connected',
        engine: { ...inv.engine, endpoint: endpoint ?? inv.engine.endpoint },
      };
      emit('engineStatus', status);
      return ok(status);
    },
    getDiskUsage: () => (record('getDiskUsage', []), connectedOr(() => inv.diskUsage)),
    getInventory: () => (record('getInventory', []), connectedOr(() => inv)),
    resolveReference: (input) => (
      record('resolveReference', [input]),
      Promise.resolve(resolveIn(inv, input))
    ),
    planRemoval: (inputs, opts) => {
      record('planRemoval', [inputs, opts]);
      const outcome = planRemovalIn(inv, inputs, opts, `plan-${nextPlan++}`);
      if (outcome.ok) plans.set(outcome.value.id, outcome.value);
      return Promise.resolve(outcome);
    },
    planPrune: (opts) => {
      record('planPrune', [opts]);
      const plan = planPruneIn(inv, opts, `plan-${nextPlan++}`);
      plans.set(plan.id, plan);
      return ok(plan);
    },
    runPlan: (planId) => {
      record('runPlan', [planId]);
      const plan = plans.get(planId);
      if (!plan)
        return Promise.resolve({
          ok: false,
          error: reclaimError('NOT_FOUND', 'That preview has expired.', 'Preview again.'),
        });
      return ok(runResult(plan));
    },
    cancelRun: (planId) => (record('cancelRun', [planId]), ok(undefined)),
    removeContainers: (ids) => {
      record('removeContainers', [ids]);
      const removed = inv.containers.filter((c) => ids.includes(c.id) && !c.running);
      inv = {
        ...inv,
        containers: inv.containers.filter((c) => !removed.includes(c)),
        images: inv.images.map((i) => ({
          ...i,
          containers: i.containers.filter((c) => !removed.some((r) => r.id === c.id)),
        })),
      };
      withoutImages(new Set());
      return ok({
        removed: removed.map((c) => c.id),
        failed: [],
        bytesReclaimed: removed.reduce((s, c) => s + c.sizeRw, 0),
      });
    },
    removeVolumes: (names) => {
      record('removeVolumes', [names]);
      const removed = inv.volumes.filter((v) => names.includes(v.name) && v.refCount === 0);
      inv = { ...inv, volumes: inv.volumes.filter((v) => !removed.includes(v)) };
      withoutImages(new Set());
      return ok({
        removed: removed.map((v) => v.name),
        failed: [],
        bytesReclaimed: removed.reduce((s, v) => s + v.size, 0),
      });
    },
    pruneBuildCache: () => {
      record('pruneBuildCache', []);
      const removed = inv.buildCache.filter((b) => !b.inUse);
      inv = { ...inv, buildCache: inv.buildCache.filter((b) => b.inUse) };
      withoutImages(new Set());
      return ok({
        removed: removed.map((b) => b.id),
        failed: [],
        bytesReclaimed: removed.reduce((s, b) => s + b.size, 0),
      });
    },
    getSettings: () => (record('getSettings', []), ok(settings)),
    updateSettings: (patch) => {
      record('updateSettings', [patch]);
      settings = { ...settings, ...patch };
      return ok(settings);
    },
    openDocs: (url) => (record('openDocs', [url]), ok(undefined)),
    onInventoryChanged: subscribe('inventoryChanged'),
    onEngineStatus: subscribe('engineStatus'),
    onRunProgress: subscribe('runProgress'),
  };
  return api;
}
