import { reclaimError, ReclaimFailure } from '../../../shared/errors';
import type { BuildCachePlan } from '../../../shared/build-cache-plan';
import type { Plan } from '../../../shared/plan';
import type { ResourcePlan } from '../../../shared/resource-plan';

/** Every kind of preview a run takes back by ID. */
export type StoredPlan = Plan | BuildCachePlan | ResourcePlan;

/** A preview older than this no longer describes the engine well enough to run it. */
export const PLAN_TTL_MS = 15 * 60_000;
const MAX_PLANS = 50;

/**
 * Previewed plans by ID, so a run takes the plan that was shown (not one the renderer could
 * have altered). Plans expire after PLAN_TTL_MS and the oldest go first past MAX_PLANS; a
 * plan is taken once, since the engine has changed after it ran.
 */
export class PlanStore {
  private readonly plans = new Map<string, StoredPlan>();

  constructor(private readonly now: () => number = Date.now) {}

  put<T extends StoredPlan>(plan: T): T {
    this.expire();
    this.plans.set(plan.id, plan);
    while (this.plans.size > MAX_PLANS) {
      const oldest = this.plans.keys().next().value;
      if (oldest === undefined) break;
      this.plans.delete(oldest);
    }
    return plan;
  }

  /**
   * The plan, removed from the store; NOT_FOUND when unknown, expired or already taken, or
   * of another kind than `accepts` allows (a build cache plan given to the image run), which
   * then stays in the store.
   */
  take<T extends StoredPlan>(planId: string, accepts: (plan: StoredPlan) => plan is T): T {
    this.expire();
    const plan = this.plans.get(planId);
    if (!plan || !accepts(plan)) {
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

/** An image removal or prune preview: what `runPlan` runs. */
export function isImagePlan(plan: StoredPlan): plan is Plan {
  return plan.kind === 'removal' || plan.kind === 'prune';
}

/** A build cache preview: what `runBuildCachePlan` runs. */
export function isBuildCachePlan(plan: StoredPlan): plan is BuildCachePlan {
  return plan.kind === 'build-cache';
}

/** A containers, networks and volumes preview: what `runResourcePlan` runs. */
export function isResourcePlan(plan: StoredPlan): plan is ResourcePlan {
  return plan.kind === 'resources';
}
