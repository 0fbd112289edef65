import { randomUUID } from 'node:crypto';
import type { PlanStamp } from '../../shared/core/plan/plan-stamp';

/** A fresh plan identity: a random ID (runPlan takes it back) and the time it was made. */
export function newPlanStamp(): PlanStamp {
  return { id: randomUUID(), createdAt: Date.now() };
}
