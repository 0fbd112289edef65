/**
 * A plan's identity, given by the caller: the core is pure (no clock, no random source), so
 * main stamps plans with a random UUID and the time, and tests with fixed values.
 */
import type { Inventory } from '../../model';
import { cliName } from './cli-name';
import type { PlanEngine } from '../../plan';

/** The engine an inventory was read from, as a plan records it. */
export function planEngine(inv: Pick<Inventory, 'engine'>): PlanEngine {
  return {
    host: inv.engine.endpoint.host,
    engineId: inv.engine.engineId ?? null,
    cli: cliName(inv.engine),
  };
}

export function sameEngine(a: PlanEngine, b: PlanEngine): boolean {
  return a.host === b.host && a.engineId === b.engineId;
}

export interface PlanStamp {
  id: string;
  /** Unix milliseconds; also the `now` that relative filters such as `until` use. */
  createdAt: number;
}
