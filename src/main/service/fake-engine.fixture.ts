import { planEngine } from '../../shared/core/plan/plan-stamp';
import type { BuildCachePlan } from '../../shared/build-cache-plan';
import type { ResourcePlan } from '../../shared/resource-plan';
import type { Connection } from '../engine/connect/connection';
import { reclaimError, ReclaimFailure } from '../../shared/errors';
import type { DiskUsage, EngineInfo, Inventory } from '../../shared/model';
import type { PrunePlan, RemovalPlan, RunResult } from '../../shared/plan';
import { testEngineInfo, uniformDiskUsage } from '../../shared/testing/inventory-builders';
import type { EnginePort, FollowCallbacks, RunHooks } from './engine-port';

/**
 * A scripted EnginePort for unit tests of the service's own logic (connection states, plan
 * bookkeeping, settings, events). The engine modules themselves are tested against a real
 * private engine; this fake only answers with fixed facts and records what it was asked.
 */
const FAKE_ENGINE_INFO: EngineInfo = testEngineInfo({
  endpoint: { host: 'unix:///tmp/fake.sock' },
});

export const FAKE_DISK_USAGE: DiskUsage = uniformDiskUsage(1, {
  total: 1,
  active: 0,
  size: 100,
  reclaimable: 100,
});

export const FAKE_INVENTORY: Inventory = {
  engine: FAKE_ENGINE_INFO,
  images: [],
  containers: [],
  volumes: [],
  buildCache: [],
  diskUsage: FAKE_DISK_USAGE,
  takenAt: 1,
};

export interface FakeEngine extends EnginePort {
  /** Endpoints that refuse a connection. */
  refuse: Set<string>;
  follow: FollowCallbacks | null;
  closedLive: number;
  runs: { planId: string; hooks: RunHooks }[];
  /** Resolves a run when the test says so, to test cancellation and concurrency. */
  releaseRun: (() => void) | null;
  /** Every engine read or plan asked for, in order (`live.current`, `planPrune`, …). */
  calls: string[];
}

export function fakeEngine(): FakeEngine {
  let planCount = 0;
  const engine: FakeEngine = {
    refuse: new Set(),
    follow: null,
    closedLive: 0,
    runs: [],
    releaseRun: null,
    calls: [],
    async discoverEndpoints(preferred) {
      engine.calls.push('discoverEndpoints');
      return [
        ...(preferred
          ? [{ endpoint: preferred, source: 'settings' as const, label: 'Settings', present: true }]
          : []),
        {
          endpoint: FAKE_ENGINE_INFO.endpoint,
          source: 'DOCKER_HOST',
          label: 'DOCKER_HOST',
          present: true,
        },
      ];
    },
    pickEndpoint(found) {
      const first = found[0];
      if (!first) {
        throw new ReclaimFailure(
          reclaimError('ENGINE_NOT_RUNNING', { cause: 'no-engine-found', candidates: [] }),
        );
      }
      return first.endpoint;
    },
    async openConnection(endpoint) {
      engine.calls.push('openConnection');
      if (engine.refuse.has(endpoint.host)) {
        throw new ReclaimFailure(
          reclaimError('ENGINE_NOT_RUNNING', {
            cause: 'connection-refused',
            endpoint: endpoint.host,
            values: { hint: 'start-docker-service' },
          }),
        );
      }
      return { engine: { ...FAKE_ENGINE_INFO, endpoint } } as unknown as Connection;
    },
    followInventory(_connection, callbacks) {
      engine.calls.push('followInventory');
      engine.follow = callbacks;
      const read = <T>(name: string, value: T) => {
        engine.calls.push(`live.${name}`);
        return Promise.resolve(value);
      };
      return {
        current: () => read('current', FAKE_INVENTORY),
        refresh: () => read('refresh', FAKE_INVENTORY),
        recheck: () => read('recheck', FAKE_INVENTORY),
        withFreshStores: () => read('withFreshStores', FAKE_INVENTORY),
        holdSlowReads: () => () => undefined,
        diskUsage: () => read('diskUsage', FAKE_INVENTORY.diskUsage),
        close: () => {
          engine.closedLive++;
        },
      };
    },
    resolveReference(_inventory, input) {
      engine.calls.push('resolveReference');
      return { input, kind: 'name-tag', imageId: 'sha256:abc', reference: input };
    },
    planRemoval(inventory, inputs, options): RemovalPlan {
      engine.calls.push('planRemoval');
      return {
        kind: 'removal',
        id: `fake-plan-${++planCount}`,
        createdAt: Date.now(),
        engine: planEngine(inventory),
        options,
        targets: [],
        bytesFreed: 0,
        command: `docker rmi ${inputs.join(' ')}`,
      };
    },
    planPrune(inventory, options, protection): PrunePlan {
      engine.calls.push('planPrune');
      return {
        kind: 'prune',
        id: `fake-plan-${++planCount}`,
        createdAt: Date.now(),
        engine: planEngine(inventory),
        options,
        remove: [],
        keep: [],
        bytesFreed: 0,
        command: `docker image prune # protected: ${protection.patterns.join(',')}`,
        pruneCommand: 'docker image prune',
        cliWouldTouch: [],
      };
    },
    runPlan(_connection, plan, hooks) {
      engine.calls.push('runPlan');
      engine.runs.push({ planId: plan.id, hooks });
      hooks.onProgress({ planId: plan.id, done: 0, total: 1, bytesReclaimed: 0, current: null });
      return new Promise<RunResult>((resolve) => {
        engine.releaseRun = () =>
          resolve({
            planId: plan.id,
            results: [],
            bytesReclaimed: 0,
            cancelled: hooks.signal.aborted,
          });
      });
    },
    async readNetworks() {
      engine.calls.push('readNetworks');
      return [];
    },
    planResources(inventory, _networks, request): ResourcePlan {
      engine.calls.push(`planResources @${inventory.takenAt}`);
      return {
        kind: 'resources',
        id: `fake-plan-${++planCount}`,
        createdAt: Date.now(),
        engine: planEngine(inventory),
        request,
        remove: [],
        keep: [],
        bytesFreed: 0,
        commands: [],
      };
    },
    async runResourcePlan(_connection, plan) {
      engine.calls.push(`runResourcePlan ${plan.id}`);
      return { planId: plan.id, results: [], bytesReclaimed: 0, cancelled: false };
    },
    planBuildCachePrune(inventory, options): BuildCachePlan {
      engine.calls.push('planBuildCachePrune');
      return {
        kind: 'build-cache',
        id: `fake-plan-${++planCount}`,
        createdAt: Date.now(),
        engine: planEngine(inventory),
        options,
        remove: [],
        keep: [],
        bytesFreed: 0,
        command: 'docker builder prune -f',
      };
    },
    estimateCleanups() {
      engine.calls.push('estimateCleanups');
      return [];
    },
    planCleanup(_inventory, choice, _protection, exclude) {
      engine.calls.push(`planCleanup ${choice.strategy}`);
      return {
        id: `fake-plan-${++planCount}`,
        createdAt: Date.now(),
        choice,
        exclude,
        resources: null,
        images: null,
        buildCache: null,
        keptProtected: [],
        lastUse: [],
        bytesFreed: 0,
      };
    },
    async runBuildCachePlan(_connection, plan) {
      engine.calls.push(`runBuildCachePlan ${plan.id}`);
      return { planId: plan.id, results: [], bytesReclaimed: 0, cancelled: false };
    },
  };
  return engine;
}
