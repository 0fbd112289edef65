import { newPlanStamp } from '../new-plan-stamp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNamedImages, randomLayer } from '../../../../test/engine/fixture-builders';
import { FIXTURE_REPO } from '../../../../test/engine/fixtures';
import { describeEngine } from '../../../../test/engine/gate';
import type { Protection } from '../../../shared/core/filters/protection';
import type { Plan, PruneOptions, RemovalOptions } from '../../../shared/plan';
import { planPrune } from '../../../shared/core/plan/prune';
import { planRemoval } from '../../../shared/core/plan/removal';
import { startSession, type EngineSession } from './private-engine.fixture';
import { runPlan } from './run-plan';

const DAY_MS = 24 * 3600 * 1000;

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
      const plan = planRemoval(await s.read(), [tag('small')], plain, unprotected, newPlanStamp());
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
      const plan = planRemoval(await s.read(), [tag('old')], plain, unprotected, newPlanStamp());
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
        newPlanStamp(),
      );
      await s.engine.dockerOk(['rmi', tag('labelled')]);
      const run = await runAndDiff(plan);
      expect(run.statuses).toEqual(['skipped-changed', 'done']);
      expect(run.gone).toEqual([s.fx.rebuilt.id]);
    });

    it('a prune whose dangling image got a container meanwhile skips it', async () => {
      const plan = planPrune(
        await s.read(),
        { all: false },
        { patterns: [], label: null },
        newPlanStamp(),
      );
      expect(plan.remove.map((r) => r.imageId)).toContain(s.fx.dangling.id);
      await s.engine.dockerOk(['create', '--network', 'none', s.fx.dangling.id, '/x']);
      const run = await runAndDiff(plan);
      expect(run.gone).not.toContain(s.fx.dangling.id);
      const index = plan.remove.findIndex((r) => r.imageId === s.fx.dangling.id);
      expect(run.statuses[index]).toBe('skipped-changed');
    });
  });

  describe('protected images', () => {
    /** Both kinds of protection at once, as Settings allow: patterns and a label. */
    const protection: Protection = {
      patterns: [`${FIXTURE_REPO}/prot*`, 'reclaim-prot/*:keep'],
      label: 'reclaim.protected=true',
    };
    type ProtectedRole = 'danglingProtected' | 'labelProtected' | 'patternProtected';
    const EVERY: ProtectedRole[] = ['danglingProtected', 'labelProtected', 'patternProtected'];
    const TAGGED: ProtectedRole[] = ['labelProtected', 'patternProtected'];

    /**
     * Fresh images per strategy (each with its own layer, two days old, labelled with the
     * case): a dangling image protected by the label, a tagged one protected by the label,
     * one protected by a pattern, an unprotected twin of each kind the strategy does remove
     * (so a run that removes nothing cannot pass), and two anchors for before/since.
     */
    async function addCaseImages(name: string) {
      const repo = `reclaim-prot/${name}`;
      const image = (tags: string[], labels: Record<string, string>, ageMs = 2 * DAY_MS) => ({
        tags,
        labels: { 'reclaim.case': name, ...labels },
        created: new Date(Date.now() - ageMs),
        layers: [randomLayer({ 'case.bin': 20_000 })],
      });
      const byLabel = { 'reclaim.protected': 'true' };
      return addNamedImages(s.engine, {
        danglingProtected: image([], byLabel),
        labelProtected: image([`${repo}:labelled`], byLabel),
        patternProtected: image([`${repo}:keep`], {}),
        danglingTwin: image([], {}),
        taggedTwin: image([`${repo}:twin`], {}),
        olderAnchor: image([`${repo}:older`], {}, 30 * DAY_MS),
        newerAnchor: image([`${repo}:newer`], {}, DAY_MS),
      });
    }

    it.each<[string, (repo: string) => PruneOptions, ProtectedRole[], boolean]>([
      // [case, options, protected images it would otherwise select, fixture protectedImage too]
      ['dangling', () => ({ all: false }), ['danglingProtected'], false],
      ['label', () => ({ all: true, label: ['reclaim.case=label'] }), EVERY, false],
      ['label-not', () => ({ all: true, labelNot: ['tier'] }), EVERY, true],
      ['before', (repo) => ({ all: true, before: `${repo}:newer` }), EVERY, false],
      ['since', (repo) => ({ all: true, since: `${repo}:older` }), EVERY, true],
      ['reference', (repo) => ({ all: true, reference: [`${repo}:*`] }), TAGGED, false],
      ['repository', (repo) => ({ all: true, repository: repo }), TAGGED, false],
      // The fixture's protected image is 12 hours old: too new for until=24h.
      ['until', () => ({ all: true, until: '24h' }), EVERY, false],
      ['all', () => ({ all: true }), EVERY, true],
    ])(
      '%s: never selected, kept as protected, still on the engine after the run',
      async (name, optionsFor, roles, fixtureToo) => {
        const images = await addCaseImages(name);
        const plan = planPrune(
          await s.read(),
          optionsFor(`reclaim-prot/${name}`),
          protection,
          newPlanStamp(),
        );
        const removed = plan.remove.map((r) => r.imageId);
        const reasonOf = (id: string) => plan.keep.find((k) => k.imageId === id)?.reason;

        const protectedIds = roles.map((role) => images[role].id);
        if (fixtureToo) protectedIds.push(s.fx.protectedImage.id);
        for (const id of protectedIds) {
          expect(removed).not.toContain(id);
          expect(reasonOf(id), id).toBe('protected');
        }
        expect(removed).not.toContain(s.fx.protectedImage.id);
        const ruleOf = (id: string) => plan.keep.find((k) => k.imageId === id)?.protectedBy;
        if (roles.includes('patternProtected')) {
          expect(ruleOf(images.patternProtected.id)).toEqual({
            by: 'pattern',
            pattern: 'reclaim-prot/*:keep',
            valid: true,
          });
        }
        for (const role of roles.filter((r) => r !== 'patternProtected')) {
          expect(ruleOf(images[role].id)).toEqual({ by: 'label', label: 'reclaim.protected=true' });
        }
        // The strategy does select the unprotected twins: protection, not the filter, kept the rest.
        const twins = [
          ...(roles.includes('danglingProtected') ? [images.danglingTwin.id] : []),
          ...(roles.includes('labelProtected') ? [images.taggedTwin.id] : []),
        ];
        expect(removed).toEqual(expect.arrayContaining(twins));

        const run = await runAndDiff(plan);
        expect(run.statuses.filter((status) => status !== 'done')).toEqual([]);
        expect(run.gone).toEqual(expect.arrayContaining(twins));
        const left = await s.imageIds();
        for (const id of [...protectedIds, s.fx.protectedImage.id])
          expect(left.has(id), id).toBe(true);
      },
    );
  });
});
