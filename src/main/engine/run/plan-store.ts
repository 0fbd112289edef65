import { reclaimError, ReclaimFailure } from '../../../shared/errors';
import type { Plan } from '../../../shared/plan';

/** A preview older than this no longer describes the engine well enough to run it. */
export const PLAN_TTL_MS = 15 * 60_000;
const MAX_PLANS = 50;

/**
 * Previewed plans by ID, so a run takes the plan that was shown (not one the renderer could
 * have altered). Plans expire after PLAN_TTL_MS and the oldest go first past MAX_PLANS; a
 * plan is taken once, since the engine has changed after it ran.
 */
export class PlanStore {
  private readonly plans = new Map<string, Plan>();

  constructor(private readonly now: () => number = Date.now) {}

  put(plan: Plan): Plan {
    this.expire();
    this.plans.set(plan.id, plan);
    while (this.plans.size > MAX_PLANS) {
      const oldest = this.plans.keys().next().value;
      if (oldest === undefined) break;
      this.plans.delete(oldest);
    }
    return plan;
  }

  /** The plan, removed from the store; NOT_FOUND when unknown, expired or already taken. */
  take(planId: string): Plan {
    this.expire();
    const plan = this.plans.get(planId);
    if (!plan) {
      throw new ReclaimFailure(
        // It already ran, or it is too old to trust: the UI asks for a fresh preview.
        reclaimError('NOT_FOUND', { cause: 'preview-expired' }),
      );
    }
    this.plans.delete(planId);
    return plan;
  }

  /** Forgets every plan. */
  clear(): void {
    this.plans.clear();
  }

  private expire(): void {
    const cutoff = this.now() - PLAN_TTL_MS;
    for (const [id, plan] of this.plans) if (plan.createdAt < cutoff) this.plans.delete(id);
  }
}
