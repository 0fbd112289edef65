import type { Plan } from '../../shared/plan';
import { PlanStore } from '../engine/run/plan-store';

/**
 * Previews by ID (the engine's PlanStore: a plan is taken once and expires), plus the plans
 * running now, so one can be cancelled between targets.
 */
export class PlanRegistry {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly store: PlanStore = new PlanStore()) {}

  add(plan: Plan): Plan {
    return this.store.put(plan);
  }

  /**
   * Claims a plan for one run; throws NOT_FOUND for a plan that is unknown, expired, running
   * or already ran, since the engine has changed after a run.
   */
  start(planId: string): { plan: Plan; signal: AbortSignal; finish: () => void } {
    const plan = this.store.take(planId);
    const controller = new AbortController();
    this.running.set(planId, controller);
    return { plan, signal: controller.signal, finish: () => this.running.delete(planId) };
  }

  /** Asks a running plan to stop between targets; unknown or finished plans are ignored. */
  cancel(planId: string): void {
    this.running.get(planId)?.abort();
  }
}
