import { newPlanStamp } from '../new-plan-stamp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FIXTURE_REPO } from '../../../../test/engine/fixtures';
import { selectedEngine } from '../../../../test/engine/engines';
import { describeEngine } from '../../../../test/engine/gate';
import type { RemovalOptions } from '../../../shared/plan';
import { planRemoval } from '../../../shared/core/plan/removal';
import { startSession, type EngineSession } from './private-engine.fixture';
import { runPlan } from './run-plan';

const plain: RemovalOptions = {
  force: false,
  removeStoppedContainers: false,
  childrenFirst: false,
};
const tag = (name: string, version = '1'): string => `${FIXTURE_REPO}/${name}:${version}`;

const containerd = selectedEngine().store === 'containerd';

describeEngine('protected images in removal plans (private Docker engine)', () => {
  let s: EngineSession;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => s?.engine.stop());

  it('children first through a protected child is blocked: nothing is deleted', async () => {
    // `docker load` records no parent on the containerd store: there the parent is the
    // legacy build's untagged step under `built`, which the classic builder's label names.
    const [parentId, child] = containerd
      ? [s.fx.built.parentId ?? '', 'built']
      : [s.fx.parent.id, 'child'];
    const protection = { patterns: [`${FIXTURE_REPO}/${child}:*`], label: null };
    const plan = planRemoval(
      await s.read(),
      [parentId],
      { ...plain, childrenFirst: true },
      protection,
      newPlanStamp(),
    );
    expect(plan.targets[0]?.outcome).toBe('blocked-by-children');
    expect(plan.targets[0]?.note).toMatchObject({
      kind: 'protected-child',
      protectedBy: { by: 'pattern' },
    });
    const before = await s.imageIds();
    const result = await runPlan(s.conn, plan, { reread: s.read });
    expect(result.results[0]?.status).toBe('failed');
    expect(await s.imageIds()).toEqual(before);
  });

  it('a selection of several images covering a protected one: it survives, the others go', async () => {
    const protection = { patterns: [], label: 'reclaim.protected=true' };
    const inputs = [tag('small'), tag('protected'), tag('large')];
    const plan = planRemoval(await s.read(), inputs, plain, protection, newPlanStamp());
    expect(plan.targets.map((t) => t.outcome)).toEqual(['deleted', 'kept-protected', 'deleted']);
    expect(plan.command).toBe(`docker rmi ${tag('small')} ${tag('large')}`);
    const result = await runPlan(s.conn, plan, { reread: s.read });
    expect(result.results.map((r) => r.status)).toEqual(['done', 'failed', 'done']);
    const after = await s.imageIds();
    expect(after.has(s.fx.protectedImage.id)).toBe(true);
    expect(after.has(s.fx.small.id)).toBe(false);
    expect(after.has(s.fx.large.id)).toBe(false);
  });
});
