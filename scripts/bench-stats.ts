/**
 * The arithmetic every benchmark shares: timing one call, and the median and spread of
 * several rounds, so every table reports the same way.
 */

export interface Spread {
  median: number;
  min: number;
  max: number;
  rounds: number;
}

export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export function spreadOf(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN,
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
    rounds: sorted.length,
  };
}

export function ms(value: number): string {
  return value.toFixed(1);
}

export function msRange(spread: Spread): string {
  return `${ms(spread.min)}–${ms(spread.max)}`;
}

/** `0.42x`: a ratio of Reclaim's median to the reference's. */
export function ratio(ours: number, reference: number): string {
  return `${(ours / reference).toFixed(2)}x`;
}

/** The `within` column: blank when the budget is met, **no** when it is missed. */
export function within(met: boolean): string {
  return met ? '' : '**no**';
}
