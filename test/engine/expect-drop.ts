import { expect } from 'vitest';
import { selectedEngine } from './engines';

/**
 * A measured drop against the bytes Reclaim predicted: equal on the classic store. On the
 * containerd store the engine states no layer blob's size, so a blob several images share is
 * taken as large as its snapshot and a container's snapshot as large as its SizeRw (see
 * src/shared/core/plan/containerd-bytes.ts): there they agree within 3% or 64 KiB.
 */
export function expectMeasuredDrop(measured: number, predicted: number): void {
  if (selectedEngine().store === 'classic') {
    expect(measured).toBe(predicted);
    return;
  }
  const tolerance = Math.max(predicted * 0.03, 64 * 1024);
  expect(Math.abs(measured - predicted)).toBeLessThanOrEqual(tolerance);
}
