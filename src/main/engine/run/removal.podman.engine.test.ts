/**
 * Removal plans against a private Podman (4.3, its Docker-compatible API): every case's
 * predicted `Untagged:`/`Deleted:` lines equal Podman's answer, and after each run the
 * images gone are exactly the ones the preview listed, the untagged parents Podman takes
 * along (it ignores `noprune`) included, and the bytes previewed are what its storage drops.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runnableImageSpec, randomLayer } from '../../../../test/engine/fixture-builders';
import { describePodman } from '../../../../test/engine/gate';
import { assertPrivateEndpoint } from '../../../../test/engine/guard';
import { getJson } from '../../../../test/engine/http';
import { buildImage, type BuiltImage } from '../../../../test/engine/image-archive';
import {
  loadImagesIntoPodman,
  podmanStoredBytes,
  startPrivatePodman,
  type PrivatePodman,
} from '../../../../test/engine/podman';
import { ReclaimFailure } from '../../../shared/errors';
import type { RemovalOptions, RemovalPlan } from '../../../shared/plan';
import { planPrune } from '../../../shared/core/plan/prune';
import { planRemoval } from '../../../shared/core/plan/removal';
import type { Connection } from '../connect/connection';
import { openConnection } from '../connect/open';
import { readInventory } from '../inventory/snapshot';
import { newPlanStamp } from '../new-plan-stamp';
import { predictedOf, printedOf } from './private-engine.fixture';
import { runPlan } from './run-plan';

const plain: RemovalOptions = {
  force: false,
  removeStoppedContainers: false,
  childrenFirst: false,
};
const unprotected = { patterns: [], label: null };

/** A call to Podman's compat API, bypassing Reclaim: the engine's own answer. */
function compatRequest(
  podman: PrivatePodman,
  method: string,
  path: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: podman.socketPath, path: `/v1.41${path}`, method }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describePodman('removal plans against a private Podman engine', () => {
  let podman: PrivatePodman;
  let conn: Connection;
  let base: BuiltImage;
  let mid: BuiltImage;
  let app: BuiltImage;
  let solo: BuiltImage;
  let parent: BuiltImage;
  let child: BuiltImage;
  let runnable: BuiltImage;

  const read = () => readInventory(conn);
  const imageIds = async (): Promise<Set<string>> =>
    new Set(
      (await getJson<{ Id: string }[]>(podman.socketPath, '/images/json?all=1')).map((i) =>
        i.Id.startsWith('sha256:') ? i.Id : `sha256:${i.Id}`,
      ),
    );

  /** Previews, runs, and checks Podman printed the predicted lines and removed what was listed. */
  async function previewAndRun(inputs: string[], options = plain): Promise<RemovalPlan> {
    const inventory = await read();
    const plan = planRemoval(inventory, inputs, options, unprotected, newPlanStamp());
    const before = await imageIds();
    const storedBefore = await podmanStoredBytes(podman);
    const result = await runPlan(conn, plan, { reread: read });
    // The bytes as previewed, and as the run reports them: what Podman's storage dropped.
    const drop = storedBefore - (await podmanStoredBytes(podman));
    expect(plan.bytesFreed).toBe(drop);
    expect(result.bytesReclaimed).toBe(drop);
    // One image removed on its own: its Unique size, as the image list shows it, is the drop.
    const [only] = plan.targets;
    if (plan.targets.length === 1 && only?.outcome === 'deleted') {
      if (only.containersRemovedFirst.length === 0) {
        expect(inventory.images.find((i) => i.id === only.imageId)?.uniqueSize).toBe(drop);
      }
    }
    plan.targets.forEach((target, i) => {
      const actual = result.results[i];
      expect(actual?.error, target.input).toBeUndefined();
      expect(printedOf(actual), target.input).toEqual(predictedOf(target));
    });
    const after = await imageIds();
    const gone = [...before].filter((id) => !after.has(id)).sort();
    const listed = new Set(plan.targets.flatMap((t) => [t.imageId, ...t.deleted]));
    // Exactly what the preview listed went: each target (unless only untagged) and every
    // image a `Deleted:` line names.
    const expected = [...listed]
      .filter((id) => before.has(id))
      .filter((id) => !plan.targets.some((t) => t.imageId === id && t.outcome !== 'deleted'))
      .sort();
    expect(gone).toEqual(expected);
    return plan;
  }

  beforeAll(async () => {
    podman = await startPrivatePodman();
    base = await buildImage(
      { tags: ['pm/base:1'], layers: [randomLayer({ 'b.bin': 60_000 })] },
      'classic',
    );
    mid = await buildImage(
      { tags: [], from: base, layers: [randomLayer({ 'm.bin': 40_000 })] },
      'classic',
    );
    app = await buildImage(
      { tags: ['pm/app:1'], from: mid, layers: [randomLayer({ 'a.bin': 30_000 })] },
      'classic',
    );
    solo = await buildImage(
      { tags: ['pm/solo:1', 'pm/solo:2'], layers: [randomLayer({ 's.bin': 20_000 })] },
      'classic',
    );
    parent = await buildImage(
      { tags: ['pm/parent:1'], layers: [randomLayer({ 'p.bin': 25_000 })] },
      'classic',
    );
    child = await buildImage(
      { tags: ['pm/child:1'], from: parent, layers: [randomLayer({ 'c.bin': 15_000 })] },
      'classic',
    );
    runnable = await buildImage(runnableImageSpec(['pm/run:1']), 'classic');
    await loadImagesIntoPodman(podman, [base, mid, app, solo, parent, child, runnable]);
    await podman.podmanOk([
      ...['create', '--network', 'none', '--name', 'pm-stopped'],
      ...[runnable.id.replace('sha256:', ''), '/bin/busybox', 'true'],
    ]);
    assertPrivateEndpoint(podman.host);
    conn = await openConnection({ host: podman.host });
  });
  afterAll(async () => podman?.stop());

  it('a short name is run as Podman stores it, and its untagged parent goes with it', async () => {
    const plan = await previewAndRun(['pm/app:1']);
    expect(plan.targets[0]).toMatchObject({
      reference: 'localhost/pm/app:1',
      untagged: ['localhost/pm/app:1'],
      deleted: [app.id, mid.id],
    });
    expect((await imageIds()).has(base.id)).toBe(true);
  });

  it('a name with a sibling is only untagged; by ID several names are refused', async () => {
    const byId = planRemoval(await read(), [solo.id], plain, unprotected, newPlanStamp());
    expect(byId.targets[0]?.outcome).toBe('needs-force-multiple-tags');
    // Podman's own answer to the same call, word for word (it changes nothing).
    const answer = await compatRequest(
      podman,
      'DELETE',
      `/images/${solo.id.replace('sha256:', '')}`,
    );
    expect(answer.status).toBe(500);
    expect((JSON.parse(answer.body) as { message: string }).message).toBe(
      byId.targets[0]?.conflict?.engineMessage,
    );
    const plan = await previewAndRun(['pm/solo:1']);
    expect(plan.targets[0]).toMatchObject({ outcome: 'untagged-only', deleted: [] });
  });

  it('a parent named by its only name goes though it has a child, with no Deleted line', async () => {
    const plan = await previewAndRun(['pm/parent:1']);
    expect(plan.targets[0]).toMatchObject({ outcome: 'deleted', deleted: [] });
    expect((await imageIds()).has(child.id)).toBe(true);
  });

  it('an image a container uses is blocked; with its stopped container removed first it goes', async () => {
    const blocked = planRemoval(await read(), ['pm/run:1'], plain, unprotected, newPlanStamp());
    expect(blocked.targets[0]?.outcome).toBe('blocked-by-containers');
    const plan = await previewAndRun(['pm/run:1'], { ...plain, removeStoppedContainers: true });
    expect(plan.targets[0]?.containersRemovedFirst.map((c) => c.name)).toEqual(['pm-stopped']);
  });

  it('an untagged parent removed by ID goes though it has a child, and nothing is printed', async () => {
    const loneParent = await buildImage(
      { tags: [], layers: [randomLayer({ 'q.bin': 14_000 })] },
      'classic',
    );
    const itsChild = await buildImage(
      { tags: ['pm/its-child:1'], from: loneParent, layers: [randomLayer({ 'r.bin': 9_000 })] },
      'classic',
    );
    await loadImagesIntoPodman(podman, [loneParent, itsChild]);
    const plan = await previewAndRun([loneParent.id]);
    expect(plan.targets[0]).toMatchObject({ outcome: 'deleted', untagged: [], deleted: [] });
    expect((await imageIds()).has(itsChild.id)).toBe(true);
  });

  it('force is refused before anything runs', async () => {
    let refused: unknown;
    try {
      planRemoval(
        await read(),
        ['pm/child:1'],
        { ...plain, force: true },
        unprotected,
        newPlanStamp(),
      );
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ReclaimFailure);
    expect((refused as ReclaimFailure).error.cause).toBe('force-on-podman');
  });

  it('the dangling prune preview removes what Podman`s own prune removes', async () => {
    // A dangling image, and an untagged chain whose top is dangling: Podman's prune takes
    // the top and then, as it goes, the untagged parent under it.
    const loose = await buildImage(
      { tags: [], layers: [randomLayer({ 'l.bin': 11_000 })] },
      'classic',
    );
    const step = await buildImage(
      { tags: [], from: base, layers: [randomLayer({ 't.bin': 12_000 })] },
      'classic',
    );
    const top = await buildImage(
      { tags: [], from: step, layers: [randomLayer({ 'u.bin': 13_000 })] },
      'classic',
    );
    await loadImagesIntoPodman(podman, [base, loose, step, top]);
    const plan = planPrune(await read(), { all: false }, unprotected, newPlanStamp());
    const previewed = plan.remove.map((entry) => entry.imageId).sort();
    expect(previewed).toEqual([loose.id, step.id, top.id].sort());
    const answer = await compatRequest(podman, 'POST', '/images/prune');
    expect(answer.status).toBe(200);
    const pruned =
      (JSON.parse(answer.body) as { ImagesDeleted: { Deleted?: string }[] | null }).ImagesDeleted ??
      [];
    const deleted = pruned.flatMap((record) =>
      record.Deleted ? [withPrefix(record.Deleted)] : [],
    );
    expect(deleted.sort()).toEqual(previewed);
  });
});

function withPrefix(id: string): string {
  return id.startsWith('sha256:') ? id : `sha256:${id}`;
}
