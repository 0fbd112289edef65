/**
 * A plan's identity, given by the caller: the core is pure (no clock, no random source), so
 * main stamps plans with a random UUID and the time, and tests with fixed values.
 */
export interface PlanStamp {
  id: string;
  /** Unix milliseconds; also the `now` that relative filters such as `until` use. */
  createdAt: number;
}
