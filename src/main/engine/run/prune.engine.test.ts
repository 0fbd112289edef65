import { afterEach, expect, it } from 'vitest';
import { describeEngine } from '../../../../test/engine/gate';
import type { PruneOptions } from '../../../shared/plan';
import { planPrune } from '../plan/prune';
import {
  predictedOf,
  sortedLines,
  startSession,
  type EngineSession,
} from './private-engine.fixture';
import { runPlan } from './run-plan';

const noProtection = { patterns: [], label: null };

/** The `docker image prune` flags for the same options. */
function cliArgs(options: PruneOptions): string[] {
  return [
    'image',
    'prune',
    '-f',
    ...(options.all ? ['-a'] : []),
    ...(options.until !== undefined ? ['--filter', `until=${options.until}`] : []),
    ...(options.label ?? []).flatMap((l) => ['--filter', `label=${l}`]),
    ...(options.labelNot ?? []).flatMap((l) => ['--filter', `label!=${l}`]),
  ];
}

describeEngine('prune plans against a private Docker engine', () => {
  let s: EngineSession | undefined;
  afterEach(async () => {
    await s?.engine.stop();
    s = undefined;
  });

  it.each<[string, PruneOptions]>([
    ['dangling', { all: false }],
    ['-a', { all: true }],
    ['-a until=72h', { all: true, until: '72h' }],
    ['-a label', { all: true, label: ['com.example.team=web'] }],
    ['-a label!', { all: true, labelNot: ['tier=frontend'] }],
  ])('%s: the preview removes exactly what docker image prune removes', async (_name, options) => {
    s = await startSession();
    const plan = planPrune(await s.read(), options, noProtection);
    const before = await s.imageIds();
    await s.engine.dockerOk(cliArgs(options));
    const after = await s.imageIds();
    const removedByCli = [...before].filter((id) => !after.has(id)).sort();
    expect(plan.remove.map((r) => r.imageId).sort()).toEqual(removedByCli);
    expect(removedByCli.length).toBeGreaterThan(0);
  });

  it('-a run by Reclaim: same set, the engine prints the predicted lines, bytes exact', async () => {
    s = await startSession();
    const session = s;
    const plan = planPrune(await session.read(), { all: true }, noProtection);
    const sizeBefore = await session.layersSize();
    const before = await session.imageIds();
    const result = await runPlan(session.conn, plan, { reread: session.read });
    const after = await session.imageIds();
    expect([...before].filter((id) => !after.has(id)).sort()).toEqual(
      plan.remove.map((r) => r.imageId).sort(),
    );
    plan.remove.forEach((entry, i) => {
      expect(result.results[i]?.status, entry.imageId).toBe('done');
      expect(sortedLines(result.results[i]?.lines ?? []), entry.imageId).toEqual(
        predictedOf(entry),
      );
    });
    expect(sizeBefore - (await session.layersSize())).toBe(plan.bytesFreed);
    expect(result.bytesReclaimed).toBe(plan.bytesFreed);
  });
});
