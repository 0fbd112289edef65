import { reclaimError, ReclaimFailure } from '../../shared/errors';
import type { Plan } from '../../shared/plan';

/** Plans kept for running; old previews are dropped first so memory stays bounded. */
const MAX_PLANS = 50;

/**
 * Previews by ID, so `runPlan(id)` runs exactly what was shown and nothing the renderer
 * could have altered; and the running plans, so one can be cancelled or refused a second run.
 */
export class PlanRegistry {
  private readonly plans = new Map<string, Plan>();
  private readonly running = new Map<string, AbortController>();

  add(plan: Plan): Plan {
    this.plans.set(plan.id, plan);
    while (this.plans.size > MAX_PLANS) {
      const oldest = this.plans.keys().next().value;
      if (oldest === undefined) break;
      this.plans.delete(oldest);
    }
    return plan;
  }

  /** Claims a plan for one run; a plan runs at most once, since the engine has changed after. */
  start(planId: string): { plan: Plan; signal: AbortSignal; finish: () => void } {
    const plan = this.plans.get(planId);
    if (!plan) {
      throw new ReclaimFailure(
        reclaimError(
          'NOT_FOUND',
          this.running.has(planId)
            ? 'This plan is already running.'
            : 'This preview is no longer available (it already ran or is too old).',
          'Preview the removal again, then confirm it.',
        ),
      );
    }
    this.plans.delete(planId);
    const controller = new AbortController();
    this.running.set(planId, controller);
    return { plan, signal: controller.signal, finish: () => this.running.delete(planId) };
  }

  /** Asks a running plan to stop between targets; unknown or finished plans are ignored. */
  cancel(planId: string): void {
    this.running.get(planId)?.abort();
  }
}
