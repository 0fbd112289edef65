import { describe, expect, it } from 'vitest';
import type { RemovalPlan } from '../../../shared/plan';
import { PLAN_TTL_MS, PlanStore } from './plan-store';

const plan = (id: string, createdAt: number): RemovalPlan => ({
  kind: 'removal',
  id,
  createdAt,
  engine: { host: 'unix:///test.sock', engineId: null },
  options: { force: false, removeStoppedContainers: false, childrenFirst: false },
  targets: [],
  bytesFreed: 0,
  command: 'docker rmi x',
});

describe('PlanStore', () => {
  it('hands a plan out once', () => {
    const store = new PlanStore(() => 1000);
    store.put(plan('p1', 1000));
    expect(store.take('p1').id).toBe('p1');
    expect(() => store.take('p1')).toThrow('NOT_FOUND (preview-expired)');
  });

  it('expires plans older than the TTL', () => {
    let now = 0;
    const store = new PlanStore(() => now);
    store.put(plan('old', 0));
    now = PLAN_TTL_MS + 1;
    expect(() => store.take('old')).toThrow('NOT_FOUND (preview-expired)');
  });
});
