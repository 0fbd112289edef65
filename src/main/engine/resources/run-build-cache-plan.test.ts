import { describe, expect, it } from 'vitest';
import { planBuildCachePrune } from '../../../shared/core/build-cache/plan-build-cache';
import type { BuildCacheInfo } from '../../../shared/model';
import { testEngineInfo } from '../../../shared/testing/inventory-builders';
import type { Connection, EngineRequest } from '../connect/connection';
import { runBuildCachePlan } from './run-build-cache-plan';

const record = (id: string, size: number): BuildCacheInfo => ({
  id,
  type: 'regular',
  description: id,
  size,
  inUse: false,
  shared: false,
  lastUsed: null,
  parents: [],
});

/**
 * An engine that, like BuildKit, frees a parent only once its child is gone, and does not
 * report who is whose parent (Docker 26+): `children` says it for the fake alone.
 */
function buildKitLike(records: BuildCacheInfo[], children: Record<string, string>) {
  let held = [...records];
  const calls: string[] = [];
  const connection = {
    engine: testEngineInfo(),
    request: async (req: EngineRequest) => {
      const filters = JSON.parse(String(req.query?.filters)) as { id: string[] };
      const id = filters.id[0] ?? '';
      calls.push(id);
      const child = children[id];
      const target = held.find((r) => r.id === id);
      if (!target || (child && held.some((r) => r.id === child))) {
        return { CachesDeleted: null, SpaceReclaimed: 0 };
      }
      held = held.filter((r) => r.id !== id);
      return { CachesDeleted: [id], SpaceReclaimed: target.size };
    },
  } as unknown as Connection;
  return { connection, calls, held: () => held, reread: async () => held };
}

describe('runBuildCachePlan', () => {
  it('asks again for a parent the engine declined while its child was there', async () => {
    const records = [record('parent', 100), record('child', 50), record('solo', 7)];
    const engine = buildKitLike(records, { parent: 'child' });
    const plan = planBuildCachePrune(
      { engine: testEngineInfo(), buildCache: records },
      { all: false },
      { id: 'p', createdAt: 0 },
    );
    const result = await runBuildCachePlan(engine.connection, plan, { reread: engine.reread });
    expect(result.results.map((r) => [r.id, r.status])).toEqual([
      ['parent', 'done'],
      ['child', 'done'],
      ['solo', 'done'],
    ]);
    expect(engine.calls).toEqual(['parent', 'child', 'solo', 'parent']);
    expect(result.bytesReclaimed).toBe(157);
    expect(engine.held()).toEqual([]);
  });

  it('reports a record the engine keeps declining once a round removes nothing', async () => {
    const records = [record('parent', 100)];
    // Its child exists outside the plan (kept), so the engine never frees it.
    const engine = buildKitLike([...records, record('kept-child', 1)], { parent: 'kept-child' });
    const plan = planBuildCachePrune(
      { engine: testEngineInfo(), buildCache: records },
      { all: false },
      { id: 'p', createdAt: 0 },
    );
    const result = await runBuildCachePlan(engine.connection, plan, { reread: engine.reread });
    expect(result.results).toEqual([
      { id: 'parent', status: 'skipped-changed', change: 'engine-kept', bytesReclaimed: 0 },
    ]);
    expect(engine.calls).toEqual(['parent']);
  });

  it('skips a record another client removed, without asking the engine', async () => {
    const records = [record('gone', 5), record('here', 6)];
    const engine = buildKitLike([records[1] as BuildCacheInfo], {});
    const plan = planBuildCachePrune(
      { engine: testEngineInfo(), buildCache: records },
      { all: true, until: '1h' },
      { id: 'p', createdAt: 0 },
    );
    const result = await runBuildCachePlan(engine.connection, plan, { reread: engine.reread });
    expect(result.results.map((r) => [r.id, r.status, r.change])).toEqual([
      ['gone', 'skipped-changed', 'gone'],
      ['here', 'done', undefined],
    ]);
    expect(engine.calls).toEqual(['here']);
  });
});

describe('runBuildCachePlan, records the engine removes together', () => {
  it('counts a planned record the engine deleted along with another as done, not gone', async () => {
    const records = [record('child', 50), record('parent', 100)];
    let held = [...records];
    const calls: string[] = [];
    const connection = {
      engine: testEngineInfo(),
      request: async (req: EngineRequest) => {
        const id = (JSON.parse(String(req.query?.filters)) as { id: string[] }).id[0] ?? '';
        calls.push(id);
        // As BuildKit may: pruning the child frees its parent in the same call.
        held = [];
        return { CachesDeleted: ['child', 'parent'], SpaceReclaimed: 150 };
      },
    } as unknown as Connection;
    const plan = planBuildCachePrune(
      { engine: testEngineInfo(), buildCache: records },
      { all: false },
      { id: 'p', createdAt: 0 },
    );
    const result = await runBuildCachePlan(connection, plan, { reread: async () => held });
    expect(result.results.map((r) => [r.id, r.status])).toEqual([
      ['child', 'done'],
      ['parent', 'done'],
    ]);
    expect(calls).toEqual(['child']);
    expect(result.bytesReclaimed).toBe(150);
  });
});
