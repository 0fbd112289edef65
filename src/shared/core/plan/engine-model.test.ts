import { describe, expect, it } from 'vitest';
import { EngineModel } from './engine-model';
import { inventory, sha } from '../../testing/inventory-builders';

const digest = `sha256:${'d1'.repeat(32)}`;
const BASE = sha('ba5e');
const APP = sha('a99');
const MULTI = sha('3217');
const PULLED = sha('9011');
const STEP = sha('57e9');
const BUILT = sha('b111');

function model(): EngineModel {
  return EngineModel.fromInventory(
    inventory(
      [
        { id: BASE, tags: ['base:1'], layers: [['sha256:c-base', 100]] },
        {
          id: APP,
          tags: ['app:1'],
          layers: [
            ['sha256:c-base', 100],
            ['sha256:c-app', 10],
          ],
        },
        { id: MULTI, tags: ['multi:1', 'multi:2'], layers: [['sha256:c-multi', 5]] },
        {
          id: PULLED,
          tags: ['reg:5000/p:1'],
          digests: [`reg:5000/p@${digest}`],
          layers: [['sha256:c-p', 7]],
        },
        {
          id: STEP,
          parent: BASE,
          layers: [
            ['sha256:c-base', 100],
            ['sha256:c-step', 20],
          ],
        },
        {
          id: BUILT,
          tags: ['built:1'],
          parent: STEP,
          layers: [
            ['sha256:c-base', 100],
            ['sha256:c-step', 20],
          ],
        },
      ],
      [
        { id: 'f'.repeat(64), name: 'web', image: APP, running: true },
        { id: 'e'.repeat(64), name: 'old', image: MULTI, running: false },
      ],
    ),
  );
}

describe('EngineModel.delete (moby image_delete.go)', () => {
  it('removing one of two tags only untags', () => {
    const m = model();
    expect(m.delete({ kind: 'reference', reference: 'multi:1' }, false, true)).toEqual({
      untagged: ['multi:1'],
      deleted: [],
      conflict: null,
    });
    expect(m.images.has(MULTI)).toBe(true);
  });

  it('refuses the only name of an image a container uses (must force)', () => {
    const outcome = model().delete({ kind: 'reference', reference: 'app:1' }, false, true);
    expect(outcome.conflict?.message).toBe(
      `conflict: unable to remove repository reference "app:1" (must force) - container ffffffffffff is using its referenced image a99a99a99a99`,
    );
    expect(outcome.untagged).toEqual([]);
  });

  it('with force and a running container, removes the tag only and the image stays dangling', () => {
    const m = model();
    expect(m.delete({ kind: 'reference', reference: 'app:1' }, true, true)).toEqual({
      untagged: ['app:1'],
      deleted: [],
      conflict: null,
    });
    expect(m.images.get(APP)?.refs).toEqual([]);
  });

  it('by ID: a running container cannot be forced past', () => {
    const outcome = model().delete({ kind: 'id', id: APP }, true, true);
    expect(outcome.conflict?.message).toMatch(
      /^conflict: unable to delete a99a99a99a99 \(cannot be forced\) - image is being used by running container ffffffffffff$/,
    );
  });

  it('by ID with several tags needs force, and force removes every tag', () => {
    const m = model();
    m.removeContainer('e'.repeat(64));
    expect(m.delete({ kind: 'id', id: MULTI }, false, true).conflict?.message).toMatch(
      /\(must be forced\) - image is referenced in multiple repositories$/,
    );
    expect(m.delete({ kind: 'id', id: MULTI }, true, true)).toEqual({
      untagged: ['multi:1', 'multi:2'],
      deleted: [MULTI, 'sha256:c-multi'],
      conflict: null,
    });
  });

  it('a stopped container blocks deletion by ID unless forced; forced, its layers stay for the container', () => {
    const m = model();
    m.delete({ kind: 'reference', reference: 'multi:1' }, false, true);
    expect(m.delete({ kind: 'id', id: MULTI }, false, true).conflict?.message).toMatch(
      /\(must be forced\) - image is being used by stopped container eeeeeeeeeeee$/,
    );
    expect(m.delete({ kind: 'id', id: MULTI }, true, true)).toEqual({
      untagged: ['multi:2'],
      deleted: [MULTI],
      conflict: null,
    });
  });

  it('untagging the last tag of a repository also drops its digest references, then deletes', () => {
    expect(model().delete({ kind: 'reference', reference: 'reg:5000/p:1' }, false, true)).toEqual({
      untagged: ['reg:5000/p:1', `reg:5000/p@${digest}`],
      deleted: [PULLED, 'sha256:c-p'],
      conflict: null,
    });
  });

  it('a parent with children cannot be deleted, even by force', () => {
    const outcome = model().delete({ kind: 'id', id: STEP }, true, true);
    expect(outcome.conflict).toMatchObject({ kind: 'dependent-children', hard: true });
    expect(outcome.conflict?.message).toMatch(
      /\(cannot be forced\) - image has dependent child images$/,
    );
  });

  it('deleting a child prunes its untagged parent, releasing only unshared layers, top first', () => {
    const m = model();
    expect(m.delete({ kind: 'reference', reference: 'built:1' }, false, true)).toEqual({
      untagged: ['built:1'],
      deleted: [BUILT, STEP, 'sha256:c-step'],
      conflict: null,
    });
    expect(m.images.has(BASE)).toBe(true);
  });

  it('noprune leaves the untagged parent', () => {
    const m = model();
    expect(m.delete({ kind: 'reference', reference: 'built:1' }, false, false).deleted).toEqual([
      BUILT,
    ]);
    expect(m.images.has(STEP)).toBe(true);
  });

  it('untagging the name of a parent with children leaves it, quietly', () => {
    const m = EngineModel.fromInventory(
      inventory([
        { id: BASE, tags: ['base:1'], layers: [['sha256:c1', 1]] },
        {
          id: APP,
          tags: ['app:1'],
          parent: BASE,
          layers: [
            ['sha256:c1', 1],
            ['sha256:c2', 1],
          ],
        },
      ]),
    );
    expect(m.delete({ kind: 'reference', reference: 'base:1' }, false, true)).toEqual({
      untagged: ['base:1'],
      deleted: [],
      conflict: null,
    });
  });
});
