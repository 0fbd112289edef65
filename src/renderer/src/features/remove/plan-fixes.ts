import type { Fix, FixKind, RemovalOptions, RemovalPlan } from '../../../../shared/plan';

/** The option each fix turns on when the user picks it. */
export const FIX_OPTION: Record<FixKind, keyof RemovalOptions> = {
  'remove-stopped-containers': 'removeStoppedContainers',
  force: 'force',
  'children-first': 'childrenFirst',
};

/** Every fix the plan offers, once each, plus those already chosen (so they can be undone). */
export function offeredFixes(plan: RemovalPlan): Fix[] {
  const byKind = new Map<FixKind, Fix>();
  for (const target of plan.targets) for (const fix of target.fixes) byKind.set(fix.kind, fix);
  return [...byKind.values()];
}

/** Whether running the plan would do anything: some target ends deleted or untagged. */
export function planCanRun(plan: RemovalPlan): boolean {
  return plan.targets.some((t) => t.outcome === 'deleted' || t.outcome === 'untagged-only');
}
