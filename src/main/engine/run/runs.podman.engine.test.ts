/**
 * On Podman, what a run removes is what its preview listed. Podman's compat API removes an
 * image's untagged parent along with its last child and cannot be told not to (`noprune` is
 * not supported), and names the parent as bare hex: the inventory must link that parent, so
 * the preview shows it going, the dangling prune keeps it as a parent, and a later target
 * already removed on the way is not called again (which answered "not found").
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describePodman } from '../../../../test/engine/gate';
import { assertPrivateEndpoint } from '../../../../test/engine/guard';
import { getJson } from '../../../../test/engine/http';
import { buildImage, type BuiltImage } from '../../../../test/engine/image-archive';
import { randomLayer } from '../../../../test/engine/fixture-builders';
import {
  loadImagesIntoPodman,
  startPrivatePodman,
  type PrivatePodman,
} from '../../../../test/engine/podman';
import type { Inventory } from '../../../shared/model';
import type { Plan } from '../../../shared/plan';
import { planPrune } from '../../../shared/core/plan/prune';
import { planRemoval } from '../../../shared/core/plan/removal';
import type { Connection } from '../connect/connection';
import { openConnection } from '../connect/open';
import { readInventory } from '../inventory/snapshot';
import { newPlanStamp } from '../new-plan-stamp';
import { runPlan } from './run-plan';

const none = { patterns: [], label: null };
const plain = { force: false, removeStoppedContainers: false, childrenFirst: false };

describePodman('runs against a private Podman engine', () => {
  let podman: PrivatePodman;
  let connection: Connection;
  let base: BuiltImage;
  let child: BuiltImage;
  let other: BuiltImage;
  let loose: BuiltImage;

  beforeEach(async () => {
    podman = await startPrivatePodman();
    // Podman gives images their config digest as ID, as the classic store does.
    base = await buildImage({ layers: [randomLayer({ 'base.bin': 100_000 })] }, 'classic');
    const on = (tag: string, file: string): Promise<BuiltImage> =>
      buildImage({ tags: [tag], from: base, layers: [randomLayer({ [file]: 50_000 })] }, 'classic');
    child = await on('pm/child:1', 'child.bin');
    other = await on('pm/other:1', 'other.bin');
    loose = await buildImage({ layers: [randomLayer({ 'loose.bin': 70_000 })] }, 'classic');
    await loadImagesIntoPodman(podman, [base, child, other, loose]);
    assertPrivateEndpoint(podman.host);
    connection = await openConnection({ host: podman.host });
  });
  afterEach(async () => podman?.stop());

  /** Image IDs as Podman lists them (`docker images -a`), independent of Reclaim's code. */
  async function engineImageIds(): Promise<Set<string>> {
    const list = await getJson<{ Id: string }[]>(podman.socketPath, '/images/json?all=1');
    return new Set(list.map((image) => image.Id));
  }

  /** The images a plan says go: every image ID among its deleted records. */
  function previewedImages(plan: Plan, inv: Inventory): string[] {
    const ids = new Set(inv.images.map((image) => image.id));
    const deleted =
      plan.kind === 'removal'
        ? plan.targets.flatMap((t) => t.deleted)
        : plan.remove.map((entry) => entry.imageId);
    return [...new Set(deleted.filter((id) => ids.has(id)))].sort();
  }

  it('links the untagged parent, so it is neither dangling nor left out of the preview', async () => {
    const inv = await readInventory(connection);
    const parent = inv.images.find((image) => image.id === base.id);
    expect(parent?.childIds.sort()).toEqual([child.id, other.id].sort());
    expect(parent?.dangling).toBe(false);
    expect(parent?.intermediate).toBe(true);
  });

  it('removing both children: the preview lists the parent, the run removes exactly that set', async () => {
    const inv = await readInventory(connection);
    const plan = planRemoval(
      inv,
      ['localhost/pm/child:1', 'localhost/pm/other:1'],
      plain,
      none,
      newPlanStamp(),
    );
    expect(previewedImages(plan, inv)).toEqual([base.id, child.id, other.id].sort());
    const before = await engineImageIds();
    const result = await runPlan(connection, plan, { reread: () => readInventory(connection) });
    expect(result.results.map((r) => r.status)).toEqual(['done', 'done']);
    const after = await engineImageIds();
    const gone = [...before].filter((id) => !after.has(id)).sort();
    expect(gone).toEqual(previewedImages(plan, inv));
  });

  it('removing one child: the parent stays, in the preview and on the engine', async () => {
    const inv = await readInventory(connection);
    const plan = planRemoval(inv, ['localhost/pm/child:1'], plain, none, newPlanStamp());
    expect(previewedImages(plan, inv)).toEqual([child.id]);
    await runPlan(connection, plan, { reread: () => readInventory(connection) });
    const after = await engineImageIds();
    expect(after.has(base.id)).toBe(true);
    expect(after.has(child.id)).toBe(false);
  });

  it("the dangling prune preview removes what Podman's own prune removes", async () => {
    const inv = await readInventory(connection);
    const plan = planPrune(inv, { all: false }, none, newPlanStamp());
    const before = await engineImageIds();
    await podman.podmanOk(['image', 'prune', '-f']);
    const after = await engineImageIds();
    const removedByPodman = [...before].filter((id) => !after.has(id)).sort();
    expect(removedByPodman).toEqual([loose.id]);
    expect(previewedImages(plan, inv)).toEqual(removedByPodman);
  });
});
