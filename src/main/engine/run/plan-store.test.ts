import { describe, expect, it } from 'vitest';
import type { RemovalPlan } from '../../../shared/plan';
import { isBuildCachePlan, isImagePlan, PLAN_TTL_MS, PlanStore } from './plan-store';

const plan = (id: string, createdAt: number): RemovalPlan => ({
  kind: 'removal',
  id,
  createdAt,
  engine: { host: 'unix:///test.sock', engineId: null, cli: 'docker' },
  options: { force: false, removeStoppedContainers: false, childrenFirst: false },
  targets: [],
  bytesFreed: 0,
  command: 'docker rmi x',
});

describe('PlanStore', () => {
  it('hands a plan out once', () => {
    const store = new PlanStore(() => 1000);
    store.put(plan('p1', 1000));
    expect(store.take('p1', isImagePlan).id).toBe('p1');
    expect(() => store.take('p1', isImagePlan)).toThrow('NOT_FOUND (preview-expired)');
  });

  it('refuses a plan of another kind and keeps it for its own run', () => {
    const store = new PlanStore(() => 1000);
    store.put(plan('p1', 1000));
    expect(() => store.take('p1', isBuildCachePlan)).toThrow('NOT_FOUND (preview-expired)');
    expect(store.take('p1', isImagePlan).kind).toBe('removal');
  });

  it('expires plans older than the TTL', () => {
    let now = 0;
    const store = new PlanStore(() => now);
    store.put(plan('old', 0));
    now = PLAN_TTL_MS + 1;
    expect(() => store.take('old', isImagePlan)).toThrow('NOT_FOUND (preview-expired)');
  });
});
