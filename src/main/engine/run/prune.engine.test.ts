import { newPlanStamp } from '../new-plan-stamp';
import { afterEach, expect, it } from 'vitest';
import { selectedEngine } from '../../../../test/engine/engines';
import { describeEngine } from '../../../../test/engine/gate';
import { cliOutput } from '../../../shared/format/cli-output';
import type { PruneOptions } from '../../../shared/plan';
import { planPrune } from '../../../shared/core/plan/prune';
import { predictedOf, printedOf, startSession, type EngineSession } from './private-engine.fixture';
import { runPlan } from './run-plan';
import { predictedRecords } from '../../../shared/core/plan/predicted-records';

const noProtection = { patterns: [], label: null };
const containerd = selectedEngine().store === 'containerd';
const release = selectedEngine().release;

/** Prune output with its records sorted: the engine deletes in an order of its own. */
function outputShape(output: string): { records: string[]; rest: string[] } {
  const lines = output.trim().split('\n');
  const isRecord = (line: string): boolean => /^(untagged|deleted): /.test(line);
  return { records: lines.filter(isRecord).sort(), rest: lines.filter((l) => !isRecord(l)) };
}

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
    // On the containerd store `label!=k=v` takes only images that HAVE k, with another
    // value, so the case there names a value the labelled image does not have.
    ['-a label!', { all: true, labelNot: [containerd ? 'tier=backend' : 'tier=frontend'] }],
  ])(
    '%s: the preview removes exactly what docker image prune removes, printed as it prints it',
    async (_name, options) => {
      s = await startSession();
      const plan = planPrune(await s.read(), options, noProtection, newPlanStamp());
      const before = await s.imageIds();
      const printed = await s.engine.dockerOk(cliArgs(options));
      const after = await s.imageIds();
      const removedByCli = [...before].filter((id) => !after.has(id)).sort();
      if (containerd && options.until !== undefined) {
        // The containerd store's `until` compares when each name was made here, which the
        // engine does not report; every fixture name was made just now, so the engine prunes
        // none of them, and the plan says its selection is approximate.
        expect(plan.approximate).toBe('containerd-until');
        expect(removedByCli).toEqual([]);
        expect(plan.remove.length).toBeGreaterThan(0);
        return;
      }
      expect(plan.remove.map((r) => r.imageId).sort()).toEqual(removedByCli);
      expect(removedByCli.length).toBeGreaterThan(0);
      // What Reclaim shows after running this plan is what the CLI printed: the same records
      // in prune's spelling (the engine's order aside) and the same total.
      const shown = cliOutput(
        {
          planId: plan.id,
          cancelled: false,
          bytesReclaimed: plan.bytesFreed,
          results: plan.remove.map((entry) => ({
            input: entry.imageId,
            imageId: entry.imageId,
            status: 'done',
            records: predictedRecords(entry.untagged, entry.deleted),
            bytesReclaimed: 0,
          })),
        },
        'prune',
      );
      const ours = outputShape(shown);
      const cli = outputShape(printed);
      // The containerd store's SpaceReclaimed counts only the content blobs that went, not
      // the snapshots: its total is not the bytes freed, and the plan's are an estimate.
      if (containerd) expect(plan.approximate).toBe('containerd-bytes');
      else expect(ours.rest).toEqual(cli.rest);
      expect(ours.records.filter((r) => !cli.records.includes(r))).toEqual([]);
      // Where the prune would also untag a kept parent (its child stays), the plan's command is
      // the explicit `docker rmi`, naming that parent; those untags are the only lines more.
      const extra = cli.records.filter((r) => !ours.records.includes(r));
      const sparedNames = plan.keep
        .filter((k) => plan.cliWouldTouch.some((spared) => spared.imageId === k.imageId))
        .flatMap((k) => k.repoTags.map((tag) => `untagged: ${tag}`));
      // The containerd store's prune also reports each dangling record it drops, as
      // `untagged: <digest>`: that of an untagged image (deleting it by ID reports only the
      // deletion), or one beside a tag: a tag set again by a later `docker load` leaves the
      // image a dangling record that no list shows.
      const danglingRecords = containerd ? before : new Set<string>();
      // Docker 26.1's containerd prune also reports each content blob it drops (the config
      // and every layer) as `deleted: <digest>`, a digest that is no image's ID; `docker rmi`,
      // which Reclaim runs, names only the image there (and the engine's prune does from 28.4).
      const isBlobLine = (r: string): boolean =>
        release === '26.1' && r.startsWith('deleted: ') && !before.has(r.slice('deleted: '.length));
      const named = extra.filter(
        (r) => !isBlobLine(r) && !danglingRecords.has(r.replace(/^untagged: /, '')),
      );
      expect(
        named.filter((r) => !sparedNames.includes(r)),
        printed,
      ).toEqual([]);
      if (named.length > 0) {
        expect(plan.command).toMatch(/^docker rmi /);
        expect(plan.pruneCommand).toMatch(/^docker image prune/);
      }
    },
  );

  it('-a run by Reclaim: same set, the engine prints the predicted lines, bytes exact', async () => {
    s = await startSession();
    const session = s;
    const plan = planPrune(await session.read(), { all: true }, noProtection, newPlanStamp());
    const sizeBefore = await session.imageBytesOnDisk();
    const before = await session.imageIds();
    const result = await runPlan(session.conn, plan, { reread: session.read });
    const after = await session.imageIds();
    expect([...before].filter((id) => !after.has(id)).sort()).toEqual(
      plan.remove.map((r) => r.imageId).sort(),
    );
    plan.remove.forEach((entry, i) => {
      expect(result.results[i]?.status, entry.imageId).toBe('done');
      expect(printedOf(result.results[i]), entry.imageId).toEqual(predictedOf(entry));
    });
    const drop = sizeBefore - (await session.imageBytesOnDisk());
    if (containerd) {
      // An estimate there (see removal.engine.test.ts), within 3% or 64 KiB.
      expect(plan.approximate).toBe('containerd-bytes');
      expect(Math.abs(drop - plan.bytesFreed)).toBeLessThanOrEqual(
        Math.max(plan.bytesFreed * 0.03, 64 * 1024),
      );
      // The run estimates each image on the engine as it is then, when fewer images share
      // the layers: the same estimate, not the same figure.
      expect(Math.abs(result.bytesReclaimed - plan.bytesFreed)).toBeLessThanOrEqual(
        Math.max(plan.bytesFreed * 0.03, 64 * 1024),
      );
    } else {
      expect(drop).toBe(plan.bytesFreed);
      expect(result.bytesReclaimed).toBe(plan.bytesFreed);
    }
  });
});
