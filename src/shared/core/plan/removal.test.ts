import { describe, expect, it } from 'vitest';
import type { RemovalOptions } from '../../plan';
import { inventory, sha, testStamp } from '../../testing/inventory-builders';
import { planRemoval } from './removal';

/** Tests of other behaviour run with nothing protected. */
const unprotected = { patterns: [], label: null };

const plain: RemovalOptions = {
  force: false,
  removeStoppedContainers: false,
  childrenFirst: false,
};
const RUNNER = 'c'.repeat(64);
const STOPPER = 'd'.repeat(64);

const BASE = sha('ba5e');
const A = sha('aaa1');
const B = sha('bbb2');
const MULTI = sha('3217');
const WEB = sha('3eb');
const JOB = sha('j0b');
const STEP = sha('57e9');
const BUILT = sha('b111');

const inv = inventory(
  [
    { id: BASE, tags: ['base:1'], layers: [['sha256:c-base', 1000]] },
    {
      id: A,
      tags: ['a:1'],
      layers: [
        ['sha256:c-base', 1000],
        ['sha256:c-a', 300],
        ['sha256:c-ab', 50],
      ],
    },
    {
      id: B,
      tags: ['b:1'],
      layers: [
        ['sha256:c-base', 1000],
        ['sha256:c-a', 300],
        ['sha256:c-b', 70],
      ],
    },
    { id: MULTI, tags: ['multi:1', 'multi:2'], layers: [['sha256:c-multi', 500]] },
    { id: WEB, tags: ['web:1'], layers: [['sha256:c-web', 400]] },
    { id: JOB, tags: ['job:1'], layers: [['sha256:c-job', 600]] },
    {
      id: STEP,
      parent: BASE,
      layers: [
        ['sha256:c-base', 1000],
        ['sha256:c-step', 200],
      ],
    },
    {
      id: BUILT,
      tags: ['built:1'],
      parent: STEP,
      layers: [
        ['sha256:c-base', 1000],
        ['sha256:c-step', 200],
      ],
    },
  ],
  [
    { id: RUNNER, name: 'web-1', image: WEB, running: true },
    { id: STOPPER, name: 'job-1', image: JOB, running: false },
  ],
);

describe('planRemoval', () => {
  it('deletes an image by name, keeps layers other images use, and counts only freed bytes', () => {
    const plan = planRemoval(inv, ['a:1'], plain, unprotected, testStamp());
    const [target] = plan.targets;
    expect(target).toMatchObject({
      outcome: 'deleted',
      untagged: ['a:1'],
      deleted: [A, 'sha256:c-ab'],
      deletedLayers: 1,
      bytesFreed: 50,
    });
    expect(target?.keptLayers).toEqual([
      {
        chainId: 'sha256:c-base',
        size: 1000,
        usedBy: ['base:1', 'b:1', '57e957e957e9', 'built:1'].map((name) => ({
          kind: 'image',
          name,
        })),
      },
      { chainId: 'sha256:c-a', size: 300, usedBy: [{ kind: 'image', name: 'b:1' }] },
    ]);
    expect(plan.command).toBe('docker rmi a:1');
  });

  it('frees a layer shared only inside the set once, on the target that releases it', () => {
    const plan = planRemoval(inv, ['a:1', 'b:1'], plain, unprotected, testStamp());
    expect(plan.targets.map((t) => t.deleted)).toEqual([
      [A, 'sha256:c-ab'],
      [B, 'sha256:c-b', 'sha256:c-a'],
    ]);
    expect(plan.bytesFreed).toBe(50 + 70 + 300);
  });

  it('only untags when other tags keep the image, naming them', () => {
    const [target] = planRemoval(inv, ['multi:1'], plain, unprotected, testStamp()).targets;
    expect(target).toMatchObject({
      outcome: 'untagged-only',
      untagged: ['multi:1'],
      deleted: [],
      otherTags: ['multi:2'],
      bytesFreed: 0,
    });
  });

  it('by ID with several tags: must be forced; forced, every tag goes', () => {
    const [blocked] = planRemoval(inv, ['3217'], plain, unprotected, testStamp()).targets;
    expect(blocked?.outcome).toBe('needs-force-multiple-tags');
    expect(blocked?.fixes.map((f) => f.kind)).toEqual(['force']);
    const [forced] = planRemoval(
      inv,
      ['3217'],
      { ...plain, force: true },
      unprotected,
      testStamp(),
    ).targets;
    expect(forced).toMatchObject({
      outcome: 'deleted',
      untagged: ['multi:1', 'multi:2'],
      deleted: [MULTI, 'sha256:c-multi'],
    });
  });

  it('blocked by a stopped container: both fixes, and remove-stopped-containers works', () => {
    const [blocked] = planRemoval(inv, ['job:1'], plain, unprotected, testStamp()).targets;
    expect(blocked).toMatchObject({ outcome: 'blocked-by-containers', untagged: [], deleted: [] });
    expect(blocked?.containers).toEqual([
      { id: STOPPER, name: 'job-1', running: false, state: 'exited' },
    ]);
    expect(blocked?.fixes.map((f) => f.kind)).toEqual(['remove-stopped-containers', 'force']);
    expect(blocked?.conflict).toMatchObject({ kind: 'reference-in-use' });
    expect(blocked?.conflict?.engineMessage).toContain(
      'unable to remove repository reference "job:1" (must force) - container dddddddddddd',
    );

    const fixed = planRemoval(
      inv,
      ['job:1'],
      { ...plain, removeStoppedContainers: true },
      unprotected,
      testStamp(),
    );
    expect(fixed.targets[0]).toMatchObject({
      outcome: 'deleted',
      deleted: [JOB, 'sha256:c-job'],
      bytesFreed: 600,
    });
    expect(fixed.targets[0]?.containersRemovedFirst.map((c) => c.name)).toEqual(['job-1']);
    expect(fixed.command).toBe('docker rm job-1 && docker rmi job:1');
  });

  it('forced past a stopped container: the image goes, its layers stay for the container', () => {
    const [forced] = planRemoval(
      inv,
      ['job:1'],
      { ...plain, force: true },
      unprotected,
      testStamp(),
    ).targets;
    expect(forced).toMatchObject({
      outcome: 'deleted',
      untagged: ['job:1'],
      deleted: [JOB],
      bytesFreed: 0,
    });
    expect(forced?.keptLayers[0]?.usedBy).toEqual([{ kind: 'container', id: 'dddddddddddd' }]);
  });

  it('a running container: by name force only untags; by ID force is refused', () => {
    const [byName] = planRemoval(inv, ['web:1'], plain, unprotected, testStamp()).targets;
    expect(byName?.outcome).toBe('blocked-by-running-container');
    expect(byName?.fixes.map((f) => f.kind)).toEqual(['force']);
    expect(byName?.containers.filter((c) => c.running).map((c) => c.name)).toEqual(['web-1']);
    const [forcedName] = planRemoval(
      inv,
      ['web:1'],
      { ...plain, force: true },
      unprotected,
      testStamp(),
    ).targets;
    expect(forcedName).toMatchObject({
      outcome: 'untagged-only',
      untagged: ['web:1'],
      deleted: [],
    });
    const [byId] = planRemoval(
      inv,
      [WEB],
      {
        ...plain,
        force: true,
        removeStoppedContainers: true,
      },
      unprotected,
      testStamp(),
    ).targets;
    expect(byId).toMatchObject({
      outcome: 'blocked-by-running-container',
      fixes: [],
      containersRemovedFirst: [],
    });
    expect(byId?.conflict?.kind).toBe('running-container');
    expect(byId?.conflict?.engineMessage).toContain(
      '(cannot be forced) - image is being used by running container cccccccccccc',
    );
  });

  it('a parent with children is blocked; children-first removes them deepest first', () => {
    const [blocked] = planRemoval(
      inv,
      ['base:1'],
      { ...plain, force: true },
      unprotected,
      testStamp(),
    ).targets;
    // By name the engine only untags a parent (quietly); by ID it refuses.
    expect(blocked).toMatchObject({ outcome: 'untagged-only', untagged: ['base:1'] });
    const [byId] = planRemoval(inv, ['ba5e'], plain, unprotected, testStamp()).targets;
    expect(byId?.outcome).toBe('blocked-by-children');
    expect(byId?.fixes.map((f) => f.kind)).toEqual(['children-first']);

    const [first] = planRemoval(
      inv,
      ['ba5e'],
      { ...plain, childrenFirst: true },
      unprotected,
      testStamp(),
    ).targets;
    expect(first?.childrenRemovedFirst).toEqual([BUILT]);
    expect(first).toMatchObject({
      outcome: 'deleted',
      untagged: ['built:1', 'base:1'],
      deleted: [BUILT, STEP, 'sha256:c-step', BASE],
    });
    expect(first?.bytesFreed).toBe(200);
  });

  it('removing a legacy-built image also removes its untagged build steps', () => {
    const plan = planRemoval(inv, ['built:1'], plain, unprotected, testStamp());
    expect(plan.targets[0]).toMatchObject({
      outcome: 'deleted',
      deleted: [BUILT, STEP, 'sha256:c-step'],
      bytesFreed: 200,
    });
  });

  it('a target already removed by an earlier one does nothing', () => {
    const plan = planRemoval(inv, ['built:1', '57e9'], plain, unprotected, testStamp());
    expect(plan.targets[1]).toMatchObject({
      outcome: 'deleted',
      untagged: [],
      deleted: [],
      bytesFreed: 0,
    });
    expect(plan.bytesFreed).toBe(200);
  });

  it('throws the resolver failure for a missing or malformed input', () => {
    expect(() => planRemoval(inv, ['a:1', 'nope:1'], plain, unprotected, testStamp())).toThrow(
      expect.objectContaining({
        error: expect.objectContaining({ code: 'NOT_FOUND', subject: 'nope:1' }),
      }),
    );
    expect(() => planRemoval(inv, ['BAD'], plain, unprotected, testStamp())).toThrow(
      expect.objectContaining({
        error: expect.objectContaining({ code: 'INVALID_REFERENCE', cause: 'reference-syntax' }),
      }),
    );
  });
});

describe('planRemoval with the same input twice', () => {
  it('plans the first and reports the repeat as a no-op, not as already removed', () => {
    const plan = planRemoval(inv, ['multi:1', 'multi:1'], plain, unprotected, testStamp());
    expect(plan.targets[0]).toMatchObject({ outcome: 'untagged-only', untagged: ['multi:1'] });
    expect(plan.targets[1]).toMatchObject({
      outcome: 'untagged-only',
      untagged: [],
      deleted: [],
      duplicateOf: 'multi:1',
    });
    expect(plan.command).toBe('docker rmi multi:1');
  });

  it('the same image named two different ways is not a duplicate', () => {
    const plan = planRemoval(inv, ['a:1', 'aaa1'], plain, unprotected, testStamp());
    expect(plan.targets.map((t) => t.duplicateOf)).toEqual([undefined, undefined]);
  });
});

describe('children first through a child with several tags', () => {
  const PARENT = sha('9a2e');
  const KID = sha('41d5');
  const family = inventory([
    { id: PARENT, tags: ['parent:1'], layers: [['sha256:c-p', 100]] },
    {
      id: KID,
      tags: ['kid:1', 'kid:2'],
      parent: PARENT,
      layers: [
        ['sha256:c-p', 100],
        ['sha256:c-kid', 10],
      ],
    },
  ]);

  it('is blocked by the child needing force, with the force fix, not "children first" again', () => {
    const [target] = planRemoval(
      family,
      ['9a2e'],
      { ...plain, childrenFirst: true },
      unprotected,
      testStamp(),
    ).targets;
    expect(target?.outcome).toBe('needs-force-multiple-tags');
    expect(target?.fixes.map((f) => f.kind)).toEqual(['force']);
    expect(target?.note).toEqual({
      kind: 'child-blocked',
      child: sha('41d5'),
      containers: [],
      tags: ['kid:1', 'kid:2'],
    });
    expect(target?.conflict).toMatchObject({ kind: 'multiple-references' });
    expect(target?.conflict?.engineMessage).toContain('referenced in multiple repositories');
  });

  it('forced, the child and every tag go, then the parent', () => {
    const [target] = planRemoval(
      family,
      ['9a2e'],
      {
        ...plain,
        childrenFirst: true,
        force: true,
      },
      unprotected,
      testStamp(),
    ).targets;
    expect(target).toMatchObject({
      outcome: 'deleted',
      untagged: ['kid:1', 'kid:2', 'parent:1'],
      deleted: [KID, 'sha256:c-kid', PARENT, 'sha256:c-p'],
    });
  });
});
