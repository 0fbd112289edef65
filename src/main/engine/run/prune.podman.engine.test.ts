/**
 * Prune plans against a private Podman (4.3, its Docker-compatible API): each preview
 * (`-a`, `-a until=72h`, `label`, `label!`) removes exactly what Podman's own
 * `podman image prune` removes, and frees what Podman's storage drops; a prune run by
 * Reclaim removes the previewed set, prints the predicted lines and reports those bytes.
 * (The dangling preview is checked in removal.podman.engine.test.ts.)
 */
import { afterEach, expect, it } from 'vitest';
import { randomLayer, runnableImageSpec } from '../../../../test/engine/fixture-builders';
import { describePodman } from '../../../../test/engine/gate';
import { assertPrivateEndpoint } from '../../../../test/engine/guard';
import { getJson } from '../../../../test/engine/http';
import { buildImage } from '../../../../test/engine/image-archive';
import {
  loadImagesIntoPodman,
  podmanStoredBytes,
  startPrivatePodman,
  type PrivatePodman,
} from '../../../../test/engine/podman';
import type { PruneOptions } from '../../../shared/plan';
import { planPrune } from '../../../shared/core/plan/prune';
import { openConnection } from '../connect/open';
import { readInventory } from '../inventory/snapshot';
import { newPlanStamp } from '../new-plan-stamp';
import { predictedOf, printedOf } from './private-engine.fixture';
import { runPlan } from './run-plan';

const unprotected = { patterns: [], label: null };
const DAY_MS = 24 * 3600 * 1000;

/** A Podman holding old and new, labelled, used, untagged-parent and dangling images. */
async function startLoadedPodman(): Promise<{ podman: PrivatePodman; usedId: string }> {
  const podman = await startPrivatePodman();
  const ago = (days: number): Date => new Date(Date.now() - days * DAY_MS);
  const base = await buildImage(
    { tags: ['pm/base:1'], layers: [randomLayer({ 'b.bin': 60_000 })], created: ago(10) },
    'classic',
  );
  const mid = await buildImage(
    { tags: [], from: base, layers: [randomLayer({ 'm.bin': 40_000 })], created: ago(9) },
    'classic',
  );
  const app = await buildImage(
    { tags: ['pm/app:1'], from: mid, layers: [randomLayer({ 'a.bin': 30_000 })] },
    'classic',
  );
  const labelled = await buildImage(
    {
      tags: ['pm/labelled:1'],
      layers: [randomLayer({ 'l.bin': 20_000 })],
      labels: { tier: 'frontend' },
      created: ago(5),
    },
    'classic',
  );
  const loose = await buildImage(
    { tags: [], layers: [randomLayer({ 'd.bin': 10_000 })], created: ago(4) },
    'classic',
  );
  const used = await buildImage(runnableImageSpec(['pm/used:1']), 'classic');
  await loadImagesIntoPodman(podman, [base, mid, app, labelled, loose, used]);
  await podman.podmanOk([
    ...['create', '--network', 'none', '--name', 'pm-user'],
    ...[used.id.replace('sha256:', ''), '/bin/busybox', 'true'],
  ]);
  assertPrivateEndpoint(podman.host);
  return { podman, usedId: used.id };
}

/**
 * Podman's own prune, on the same storage: the command the plan shows, run with the podman
 * CLI. Its compat API cannot be asked for `-a`: Podman 4.3 always adds `dangling=true` there,
 * so `docker image prune -a` (which sends `dangling=false`) is refused with "specifying
 * \"dangling\" filter more than once with different values is not supported"; the plan's
 * command is written for `podman` on Podman (cli-name.ts), and Reclaim prunes image by image.
 */
async function runPlanCommand(podman: PrivatePodman, command: string): Promise<void> {
  const [cli, ...args] = command.split(' ');
  expect(cli).toBe('podman');
  // The filters here need no shell quoting (checked: no quote in the command).
  expect(command).not.toMatch(/['"$]/);
  await podman.podmanOk(args);
}

async function imageIds(podman: PrivatePodman): Promise<Set<string>> {
  const list = await getJson<{ Id: string }[]>(podman.socketPath, '/v1.41/images/json?all=1');
  return new Set(list.map((i) => (i.Id.startsWith('sha256:') ? i.Id : `sha256:${i.Id}`)));
}

describePodman('prune plans against a private Podman engine', () => {
  let podman: PrivatePodman | undefined;
  afterEach(async () => {
    await podman?.stop();
    podman = undefined;
  });

  it.each<[string, PruneOptions]>([
    ['-a', { all: true }],
    ['-a until=72h', { all: true, until: '72h' }],
    ['-a label', { all: true, label: ['tier=frontend'] }],
    ['-a label!', { all: true, labelNot: ['tier=frontend'] }],
  ])(
    '%s: the preview removes what Podman`s own prune removes, and frees what it drops',
    async (_name, options) => {
      const loaded = await startLoadedPodman();
      podman = loaded.podman;
      const conn = await openConnection({ host: podman.host });
      const plan = planPrune(await readInventory(conn), options, unprotected, newPlanStamp());
      const before = await imageIds(podman);
      const storedBefore = await podmanStoredBytes(podman);
      expect(plan.command).toMatch(/^podman image prune -a /);
      await runPlanCommand(podman, plan.command);
      const after = await imageIds(podman);
      const removed = [...before].filter((id) => !after.has(id)).sort();
      expect(plan.remove.map((entry) => entry.imageId).sort()).toEqual(removed);
      expect(removed.length).toBeGreaterThan(0);
      expect(plan.bytesFreed).toBe(storedBefore - (await podmanStoredBytes(podman)));
      // The image a container uses stays, on the engine and in the plan.
      expect(after.has(loaded.usedId)).toBe(true);
      expect(plan.keep.some((k) => k.imageId === loaded.usedId)).toBe(true);
    },
  );

  // With until, the parents go while their newer child stays: Podman deletes an image with
  // children by name, without a `Deleted:` line.
  it.each<[string, PruneOptions]>([
    ['-a', { all: true }],
    ['-a until=72h', { all: true, until: '72h' }],
  ])(
    '%s run by Reclaim: the set previewed goes, with the predicted lines and bytes',
    async (_name, options) => {
      podman = (await startLoadedPodman()).podman;
      const conn = await openConnection({ host: podman.host });
      const read = () => readInventory(conn);
      const plan = planPrune(await read(), options, unprotected, newPlanStamp());
      const before = await imageIds(podman);
      const storedBefore = await podmanStoredBytes(podman);
      const result = await runPlan(conn, plan, { reread: read });
      const after = await imageIds(podman);
      expect([...before].filter((id) => !after.has(id)).sort()).toEqual(
        plan.remove.map((entry) => entry.imageId).sort(),
      );
      plan.remove.forEach((entry, i) => {
        expect(result.results[i]?.status, entry.imageId).toBe('done');
        expect(printedOf(result.results[i]), entry.imageId).toEqual(predictedOf(entry));
      });
      const drop = storedBefore - (await podmanStoredBytes(podman));
      expect(plan.bytesFreed).toBe(drop);
      expect(result.bytesReclaimed).toBe(drop);
    },
  );
  it('-a with a protected image: never selected, kept as protected, still on Podman after the run', async () => {
    podman = (await startLoadedPodman()).podman;
    const conn = await openConnection({ host: podman.host });
    const read = () => readInventory(conn);
    const protection = { patterns: [], label: 'tier=frontend' };
    const inventory = await read();
    const labelled = inventory.images.find((i) => i.repoTags.includes('localhost/pm/labelled:1'));
    if (!labelled) throw new Error('the labelled image is missing');
    const plan = planPrune(inventory, { all: true }, protection, newPlanStamp());
    expect(plan.remove.some((entry) => entry.imageId === labelled.id)).toBe(false);
    expect(plan.keep.find((k) => k.imageId === labelled.id)?.reason).toBe('protected');
    const before = await imageIds(podman);
    const result = await runPlan(conn, plan, { reread: read });
    const after = await imageIds(podman);
    expect(after.has(labelled.id)).toBe(true);
    expect([...before].filter((id) => !after.has(id)).sort()).toEqual(
      plan.remove.map((entry) => entry.imageId).sort(),
    );
    expect(result.results.every((r) => r.status === 'done')).toBe(true);
  });
});
