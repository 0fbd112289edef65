import type { Inventory } from '../../../shared/model';
import type { LiveInventory } from './live-inventory';

// Waiting helpers and expected facts for inventory.engine.test.ts.

/** The first snapshot `live` publishes that passes `test` (at most 10 s). */
export function until(
  live: LiveInventory,
  test: (inventory: Inventory) => boolean,
): Promise<Inventory> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no matching snapshot within 10 s')), 10_000);
    const stop = live.onChange((inventory) => {
      if (!test(inventory)) return;
      clearTimeout(timer);
      stop();
      resolve(inventory);
    });
  });
}

/** Resolves once `test` passes (at most 10 s). */
export async function eventually(test: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!test()) {
    if (Date.now() > deadline) throw new Error('not within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Resolves once `calls` has not grown for `ms` milliseconds (at most 10 s). */
export async function quietFor(calls: readonly string[], ms: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  let seen = -1;
  while (calls.length !== seen && Date.now() < deadline) {
    seen = calls.length;
    await new Promise((resolve) => setTimeout(resolve, ms));
  }
}
