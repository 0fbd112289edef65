import { describe, expect, it } from 'vitest';
import type { RemovalOptions } from '../../plan';
import { inventory, sha, testStamp } from '../../testing/inventory-builders';
import { planRemoval } from './removal';

const unprotected = { patterns: [], label: null };
const plain: RemovalOptions = {
  force: false,
  removeStoppedContainers: false,
  childrenFirst: false,
};

const BASE = sha('ba5e');
const A = sha('aaa1');
const B = sha('bbb2');
const STEP = sha('57e9');
const BUILT = sha('b111');

const inv = inventory([
  { id: BASE, tags: ['base:1'], layers: [['sha256:c-base', 1000]] },
  {
    id: A,
    tags: ['a:1'],
    layers: [
      ['sha256:c-base', 1000],
      ['sha256:c-ab', 50],
    ],
  },
  { id: B, tags: ['b:1'], layers: [['sha256:c-b', 70]] },
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
]);

describe('planRemoval and protected images', () => {
  const guardB = { patterns: ['b:*'], label: null };

  it('a protected image among several is kept, and nothing else changes for the others', () => {
    const plan = planRemoval(inv, ['a:1', 'b:1'], plain, guardB, testStamp());
    expect(plan.targets[1]).toMatchObject({
      outcome: 'kept-protected',
      untagged: [],
      deleted: [],
      protectedBy: { by: 'pattern', pattern: 'b:*', valid: true },
    });
    expect(plan.targets[0]).toMatchObject({ outcome: 'deleted', deleted: [A, 'sha256:c-ab'] });
    expect(plan.bytesFreed).toBe(50);
    expect(plan.command).toBe('docker rmi a:1');
    expect(plan.protection).toEqual(guardB);
  });

  it('named alone, a protected image is planned as asked, and the plan says it is protected', () => {
    const [target] = planRemoval(inv, ['b:1'], plain, guardB, testStamp()).targets;
    expect(target).toMatchObject({
      outcome: 'deleted',
      deleted: [B, 'sha256:c-b'],
      protectedBy: { by: 'pattern', pattern: 'b:*', valid: true },
    });
  });

  it('children first never deletes a protected child: the target is blocked, saying why', () => {
    const plan = planRemoval(
      inv,
      ['ba5e'],
      { ...plain, childrenFirst: true },
      { patterns: ['built:1'], label: null },
      testStamp(),
    );
    expect(plan.targets[0]).toMatchObject({
      outcome: 'blocked-by-children',
      untagged: [],
      deleted: [],
      childrenRemovedFirst: [],
      fixes: [],
    });
    expect(plan.targets[0]?.note).toEqual({
      kind: 'protected-child',
      child: sha('b111'),
      protectedBy: { by: 'pattern', pattern: 'built:1', valid: true },
    });
  });

  it('a protected untagged parent stays: the target is deleted without pruning its parents', () => {
    const PARENT = sha('57e9');
    const CHILD = sha('b111');
    const guarded = inventory([
      { id: PARENT, labels: { keep: 'yes' }, layers: [['sha256:c1', 10]] },
      {
        id: CHILD,
        tags: ['built:1'],
        parent: PARENT,
        layers: [
          ['sha256:c1', 10],
          ['sha256:c2', 5],
        ],
      },
    ]);
    const unguarded = planRemoval(guarded, ['built:1'], plain, unprotected, testStamp());
    expect(unguarded.targets[0]?.deleted).toEqual([CHILD, 'sha256:c2', PARENT, 'sha256:c1']);
    const plan = planRemoval(
      guarded,
      ['built:1'],
      plain,
      { patterns: [], label: 'keep' },
      testStamp(),
    );
    expect(plan.targets[0]).toMatchObject({
      outcome: 'deleted',
      deleted: [CHILD, 'sha256:c2'],
      pruneParents: false,
      bytesFreed: 5,
    });
    expect(plan.targets[0]?.protectedParents).toEqual([sha('57e9')]);
    expect(plan.command).toBe('docker rmi --no-prune built:1');
  });
});
