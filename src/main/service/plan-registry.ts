import { reclaimError, ReclaimFailure } from '../../shared/errors';
import type { PlanEngine } from '../../shared/plan';
import { sameEngine } from '../../shared/core/plan/plan-stamp';
import { PlanStore, type StoredPlan } from '../engine/run/plan-store';

/**
 * Previews by ID (the engine's PlanStore: a plan is taken once and expires), plus the plans
 * running now, so one can be cancelled between targets.
 */
export class PlanRegistry {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly store: PlanStore = new PlanStore()) {}

  add<T extends StoredPlan>(plan: T): T {
    return this.store.put(plan);
  }

  /**
   * Claims a plan for one run on `engine`; throws NOT_FOUND for a plan that is unknown,
   * expired, running or already ran (the engine has changed after a run), or that was made
   * on another engine: a plan runs only where it was previewed. `accepts` names the kinds
   * the caller runs.
   */
  start<T extends StoredPlan>(
    planId: string,
    engine: PlanEngine,
    accepts: (plan: StoredPlan) => plan is T,
  ): { plan: T; signal: AbortSignal; finish: () => void } {
    const plan = this.store.take(planId, accepts);
    if (!sameEngine(plan.engine, engine)) {
      throw new ReclaimFailure(
        reclaimError('NOT_FOUND', {
          cause: 'preview-other-engine',
          endpoint: plan.engine.host,
        }),
      );
    }
    const controller = new AbortController();
    this.running.set(planId, controller);
    return { plan, signal: controller.signal, finish: () => this.running.delete(planId) };
  }

  /** Forgets every preview not yet run: they describe an engine this process left. */
  clear(): void {
    this.store.clear();
  }

  /** Asks a running plan to stop between targets; unknown or finished plans are ignored. */
  cancel(planId: string): void {
    this.running.get(planId)?.abort();
  }
}
