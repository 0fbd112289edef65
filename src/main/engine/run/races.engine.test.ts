import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_REPO } from '../../../../test/engine/fixtures';
import { describeEngine } from '../../../../test/engine/gate';
import type { Plan, PruneOptions, RemovalOptions } from '../../../shared/plan';
import { planPrune } from '../plan/prune';
import { planRemoval } from '../plan/removal';
import { startSession, type EngineSession } from './private-engine.fixture';
import { runPlan } from './run-plan';

/** Tests of other behaviour run with nothing protected. */
const unprotected = { patterns: [], label: null };

const plain: RemovalOptions = {
  force: false,
  removeStoppedContainers: false,
  childrenFirst: false,
};
const tag = (name: string, version = '1'): string => `${FIXTURE_REPO}/${name}:${version}`;

describeEngine('what runs is what was previewed (private Docker engine)', () => {
  let s: EngineSession;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => s?.engine.stop());

  /** Runs a plan and returns the images that disappeared. */
  async function runAndDiff(
    plan: Plan,
  ): Promise<{ gone: string[]; statuses: string[]; codes: (string | undefined)[] }> {
    const before = await s.imageIds();
    const result = await runPlan(s.conn, plan, { reread: s.read });
    const after = await s.imageIds();
    return {
      gone: [...before].filter((id) => !after.has(id)).sort(),
      statuses: result.results.map((r) => r.status),
      codes: result.results.map((r) => r.error?.code),
    };
  }

  describe('races between preview and run', () => {
    it('a tag re-pointed to another image: skipped, and neither image is deleted', async () => {
      const plan = planRemoval(await s.read(), [tag('small')], plain, unprotected);
      await s.engine.dockerOk(['tag', s.fx.large.id, tag('small')]);
      const run = await runAndDiff(plan);
      expect(run).toEqual({
        gone: [],
        statuses: ['skipped-changed'],
        codes: ['CHANGED_SINCE_PREVIEW'],
      });
      expect(
        await s.engine.dockerOk(['image', 'inspect', '-f', '{{.Id}}', tag('small')]),
      ).toContain(s.fx.large.id);
    });

    it('a container created from the image: skipped, nothing deleted', async () => {
      const plan = planRemoval(await s.read(), [tag('old')], plain, unprotected);
      await s.engine.dockerOk([
        'create',
        '--network',
        'none',
        '--name',
        'late-user',
        s.fx.old.id,
        '/x',
      ]);
      const run = await runAndDiff(plan);
      expect(run).toEqual({
        gone: [],
        statuses: ['skipped-changed'],
        codes: ['CHANGED_SINCE_PREVIEW'],
      });
    });

    it('an image removed by someone else: skipped and reported, the rest of the plan runs', async () => {
      const plan = planRemoval(
        await s.read(),
        [tag('labelled'), tag('rebuilt')],
        plain,
        unprotected,
      );
      await s.engine.dockerOk(['rmi', tag('labelled')]);
      const run = await runAndDiff(plan);
      expect(run.statuses).toEqual(['skipped-changed', 'done']);
      expect(run.gone).toEqual([s.fx.rebuilt.id]);
    });

    it('a prune whose dangling image got a container meanwhile skips it', async () => {
      const plan = planPrune(await s.read(), { all: false }, { patterns: [], label: null });
      expect(plan.remove.map((r) => r.imageId)).toContain(s.fx.dangling.id);
      await s.engine.dockerOk(['create', '--network', 'none', s.fx.dangling.id, '/x']);
      const run = await runAndDiff(plan);
      expect(run.gone).not.toContain(s.fx.dangling.id);
      const index = plan.remove.findIndex((r) => r.imageId === s.fx.dangling.id);
      expect(run.statuses[index]).toBe('skipped-changed');
    });
  });

  describe('protected images', () => {
    const byLabel = { patterns: [], label: 'reclaim.protected=true' };
    const byPattern = { patterns: [`${FIXTURE_REPO}/prot*`], label: null };

    it.each<[string, PruneOptions]>([
      ['dangling', { all: false }],
      ['-a', { all: true }],
      ['-a until=1h', { all: true, until: '1h' }],
      ['-a label!', { all: true, labelNot: ['tier'] }],
      ['reference', { all: true, reference: ['*/*:*'] }],
    ])('are never selected by %s', async (_name, options) => {
      const inv = await s.read();
      for (const protection of [byLabel, byPattern]) {
        const plan = planPrune(inv, options, protection);
        expect(plan.remove.map((r) => r.imageId)).not.toContain(s.fx.protectedImage.id);
        expect(plan.keep.find((k) => k.imageId === s.fx.protectedImage.id)?.reason).toMatch(
          /protected|tagged/,
        );
      }
    });

    it('survive a whole -a run', async () => {
      const plan = planPrune(await s.read(), { all: true }, byPattern);
      const run = await runAndDiff(plan);
      expect(run.gone.length).toBeGreaterThan(0);
      expect(run.statuses.every((status) => status === 'done')).toBe(true);
      expect((await s.imageIds()).has(s.fx.protectedImage.id)).toBe(true);
    });
  });
});
