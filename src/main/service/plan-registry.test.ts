import { describe, expect, it } from 'vitest';
import { ReclaimFailure } from '../../shared/errors';
import type { RemovalPlan } from '../../shared/plan';
import { isImagePlan } from '../engine/run/plan-store';
import { PlanRegistry } from './plan-registry';

const plan = (engineId: string | null): RemovalPlan => ({
  kind: 'removal',
  id: 'p1',
  createdAt: Date.now(),
  engine: { host: 'unix:///run/docker.sock', engineId, cli: 'docker' as const },
  options: { force: false, removeStoppedContainers: false, childrenFirst: false },
  targets: [],
  bytesFreed: 0,
  command: 'docker rmi x',
});

function failureOf(action: () => unknown): ReclaimFailure | null {
  try {
    action();
  } catch (error) {
    if (error instanceof ReclaimFailure) return error;
    throw error;
  }
  return null;
}

describe('PlanRegistry', () => {
  it('runs a plan on the engine it was made on', () => {
    const registry = new PlanRegistry();
    registry.add(plan('engine-a'));
    const started = registry.start(
      'p1',
      { host: 'unix:///run/docker.sock', engineId: 'engine-a', cli: 'docker' as const },
      isImagePlan,
    );
    expect(started.plan.id).toBe('p1');
  });

  it('refuses a plan made on another engine behind the same address, and never runs it', () => {
    const registry = new PlanRegistry();
    registry.add(plan('engine-a'));
    const other = { host: 'unix:///run/docker.sock', engineId: 'engine-b', cli: 'docker' as const };
    expect(failureOf(() => registry.start('p1', other, isImagePlan))?.error).toEqual({
      code: 'NOT_FOUND',
      cause: 'preview-other-engine',
      endpoint: 'unix:///run/docker.sock',
    });
    // Taken and refused: it cannot be tried again either.
    expect(failureOf(() => registry.start('p1', other, isImagePlan))?.error.cause).toBe(
      'preview-expired',
    );
  });

  it('forgets every preview on clear', () => {
    const registry = new PlanRegistry();
    registry.add(plan(null));
    registry.clear();
    const engine = { host: 'unix:///run/docker.sock', engineId: null, cli: 'docker' as const };
    expect(failureOf(() => registry.start('p1', engine, isImagePlan))?.error.cause).toBe(
      'preview-expired',
    );
  });
});
