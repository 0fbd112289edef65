/**
 * A RendererApi over an in-memory inventory: component tests and screenshots run the real UI
 * against it before (and without) a backend. It plans with the real core (resolver, removal
 * and prune planners, disk-usage formulas), so a change to the planner is seen by every
 * component test; only the engine is simulated, by applying a plan's predicted records.
 * Test-only; never installed by the app.
 */
import type { CleanupHistory } from '../../../shared/history';
import type {
  ApiEvents,
  ApiMethods,
  EngineStatus,
  MethodName,
  Outcome,
  RendererApi,
} from '../../../shared/contract';
import type { Inventory } from '../../../shared/model';
import type { Plan, RunResult, TargetResult } from '../../../shared/plan';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings';
import type { SettingsNotice } from '../../../shared/settings-notice';
import { reclaimError, ReclaimFailure, type ReclaimError } from '../../../shared/errors';
import { createRendererApi } from '../../../shared/transport';
import { planPrune } from '../../../shared/core/plan/prune';
import type { BuildCachePlan } from '../../../shared/build-cache-plan';
import { estimateCleanups, planCleanup } from '../../../shared/core/cleanup/cleanup-plan';
import { freedBy, planBuildCachePrune } from '../../../shared/core/build-cache/plan-build-cache';
import { planRemoval } from '../../../shared/core/plan/removal';
import { resolveReference } from '../../../shared/core/references/resolve';
import { protectionOf, type Protection } from '../../../shared/core/filters/protection';
import { withDerivedFigures } from '../../../shared/core/disk-usage/derived-figures';
import { fixtureInventory, FIXTURE_NOW_MS } from './inventory-fixture';
import { simulatedRun } from './simulated-run';
import { diskWatchAlert } from '../../../shared/core/watch/disk-watch-alert';
import type { ResourcePlan } from '../../../shared/resource-plan';
import { planResources } from '../../../shared/core/resources/plan-resources';
import { withoutContainers } from '../../../shared/core/cleanup/without-containers';

type Listeners = { [K in keyof ApiEvents]: Set<(payload: ApiEvents[K]) => void> };
type Handlers = {
  [K in MethodName]: (
    ...args: Parameters<ApiMethods[K]>
  ) => Promise<Outcome<ReturnType<ApiMethods[K]>>>;
};

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
  settingsNotice?: SettingsNotice;
  /** What getHistory answers (the recording itself is the main process's, tested there). */
  history?: CleanupHistory;
}

const ok = <T>(value: T): Promise<Outcome<T>> => Promise.resolve({ ok: true, value });
const failed = <T>(error: ReclaimError): Promise<Outcome<T>> =>
  Promise.resolve({ ok: false, error });

/** The core throws its ReclaimFailures; across the API they are Outcomes, as in main. */
function outcomeOf<T>(action: () => T): Promise<Outcome<T>> {
  try {
    return ok(action());
  } catch (thrown) {
    if (thrown instanceof ReclaimFailure) return failed(thrown.error);
    throw thrown;
  }
}

export function createFakeApi(options: FakeApiOptions = {}): FakeApi {
  let inv = options.inventory ?? fixtureInventory();
  let status: EngineStatus = options.status ?? { state: 'connected', engine: inv.engine };
  let settings: Settings = options.settings ?? { ...DEFAULT_SETTINGS };
  const plans = new Map<string, Plan>();
  const cachePlans = new Map<string, BuildCachePlan>();
  const resourcePlans = new Map<string, ResourcePlan>();
  const listeners: Listeners = {
    inventoryChanged: new Set(),
    engineStatus: new Set(),
    runProgress: new Set(),
    diskWatch: new Set(),
  };
  const calls: FakeApi['calls'] = [];
  let nextPlan = 1;
  // Plans are stamped with the fixture's fixed "now", so `until` filters are stable in tests.
  const stamp = () => ({ id: `plan-${nextPlan++}`, createdAt: FIXTURE_NOW_MS });
  const protection = (): Protection => protectionOf(settings, inv.images);

  function emit<K extends keyof ApiEvents>(event: K, payload: ApiEvents[K]): void {
    // Like main, the fake's own state follows what it announces.
    if (event === 'engineStatus') status = payload as EngineStatus;
    if (event === 'inventoryChanged') inv = payload as Inventory;
    for (const listener of listeners[event]) listener(payload);
  }
  function connectedOr<T>(value: () => T): Promise<Outcome<T>> {
    if (status.state === 'error') return failed(status.error);
    if (status.state !== 'connected') return failed(reclaimError('NOT_CONNECTED'));
    return outcomeOf(value);
  }
  /** Takes a changed inventory, with its figures recomputed as the live inventory does. */
  function changed(next: Inventory): void {
    emit('inventoryChanged', withDerivedFigures(next, Date.now(), false));
  }
  function run(plan: Plan): RunResult {
    const { results, after } = simulatedRun(plan, inv);
    results.forEach((result: TargetResult, n) =>
      emit('runProgress', {
        planId: plan.id,
        done: n + 1,
        total: results.length,
        bytesReclaimed: 0,
        current: result.input,
      }),
    );
    changed(after);
    return {
      planId: plan.id,
      results,
      bytesReclaimed: results.reduce((sum, r) => sum + r.bytesReclaimed, 0),
      cancelled: false,
    };
  }

  const handlers: Handlers = {
    getEngineStatus: () => ok(status),
    listEndpoints: () =>
      ok([
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
      ]),
    connect: (endpoint) => {
      status = {
        state: 'connected',
        engine: { ...inv.engine, endpoint: endpoint ?? inv.engine.endpoint },
      };
      emit('engineStatus', status);
      return ok(status);
    },
    getDiskUsage: () => connectedOr(() => inv.diskUsage),
    getInventory: () => connectedOr(() => inv),
    resolveReference: (input) => connectedOr(() => resolveReference(inv, input)),
    planRemoval: (inputs, opts) =>
      connectedOr(() => {
        const plan = planRemoval(inv, inputs, opts, protection(), stamp());
        plans.set(plan.id, plan);
        return plan;
      }),
    planPrune: (opts) =>
      connectedOr(() => {
        const plan = planPrune(inv, opts, protection(), stamp());
        plans.set(plan.id, plan);
        return plan;
      }),
    runPlan: (planId) => {
      const plan = plans.get(planId);
      if (!plan) return failed(reclaimError('NOT_FOUND', { cause: 'preview-expired' }));
      plans.delete(planId);
      return ok(run(plan));
    },
    cancelRun: () => ok(undefined),
    planResourceRemoval: (request) =>
      connectedOr(() => {
        const plan = planResources(inv, [], request, stamp());
        resourcePlans.set(plan.id, plan);
        return plan;
      }),
    runResourcePlan: (planId) => {
      const plan = resourcePlans.get(planId);
      if (!plan) return failed(reclaimError('NOT_FOUND', { cause: 'preview-expired' }));
      resourcePlans.delete(planId);
      const gone = new Set(plan.remove.map((item) => item.id));
      changed(
        withoutContainers({ ...inv, volumes: inv.volumes.filter((v) => !gone.has(v.name)) }, gone),
      );
      const results = plan.remove.map((item) => ({
        kind: item.kind,
        id: item.id,
        name: item.name,
        status: 'done' as const,
        bytesReclaimed: item.bytes ?? 0,
      }));
      return ok({
        planId,
        results,
        bytesReclaimed: results.reduce((sum, r) => sum + r.bytesReclaimed, 0),
        cancelled: false,
      });
    },
    planBuildCachePrune: (opts) =>
      connectedOr(() => {
        const plan = planBuildCachePrune(inv, opts, stamp());
        cachePlans.set(plan.id, plan);
        return plan;
      }),
    runBuildCachePlan: (planId) => {
      const plan = cachePlans.get(planId);
      if (!plan) return failed(reclaimError('NOT_FOUND', { cause: 'preview-expired' }));
      cachePlans.delete(planId);
      // Every listed record still there goes; one removed meanwhile is reported as gone.
      const results = plan.remove.map((record) =>
        inv.buildCache.some((b) => b.id === record.id)
          ? { id: record.id, status: 'done' as const, bytesReclaimed: freedBy(record) }
          : {
              id: record.id,
              status: 'skipped-changed' as const,
              change: 'gone' as const,
              bytesReclaimed: 0,
            },
      );
      const gone = new Set(plan.remove.map((record) => record.id));
      changed({ ...inv, buildCache: inv.buildCache.filter((b) => !gone.has(b.id)) });
      return ok({
        planId,
        results,
        bytesReclaimed: results.reduce((sum, r) => sum + r.bytesReclaimed, 0),
        cancelled: false,
      });
    },
    estimateCleanups: (parameters) =>
      connectedOr(() => estimateCleanups(inv, parameters, protection(), FIXTURE_NOW_MS)),
    planCleanup: (choice, exclude) =>
      connectedOr(() => {
        const plan = planCleanup(inv, choice, protection(), stamp, exclude);
        if (plan.resources) resourcePlans.set(plan.resources.id, plan.resources);
        if (plan.images) plans.set(plan.images.id, plan.images);
        if (plan.buildCache) cachePlans.set(plan.buildCache.id, plan.buildCache);
        return plan;
      }),
    getHistory: () => ok(options.history ?? { records: [], keptAside: null }),
    exportHistory: () =>
      ok(JSON.stringify({ version: 1, records: options.history?.records ?? [] }, null, 2)),
    // The watch's rule on the fake's figures; the fake has no data disk to read.
    getDiskWatch: () =>
      ok(diskWatchAlert(settings.watch, inv.diskUsage, null, null, inv.engine.endpoint.host, 0)),
    getSettings: () => ok(settings),
    getSettingsNotice: () => ok(options.settingsNotice ?? null),
    updateSettings: (patch) => {
      settings = { ...settings, ...patch };
      return ok(settings);
    },
    openDocs: () => ok(undefined),
  };

  const api = createRendererApi(
    (name, args) => {
      calls.push({ method: name, args });
      // One table entry per method; TypeScript cannot follow `name` through the union.
      const handler = handlers[name] as (...args: unknown[]) => Promise<Outcome<never>>;
      return handler(...args);
    },
    (event, listener) => {
      const set = listeners[event] as Set<(payload: unknown) => void>;
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  );
  return { ...api, emit, inventory: () => inv, calls };
}
