import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../model';
import {
  CONTAINERD_CONTENT,
  containerdInventory,
  sha,
  testStamp,
} from '../../testing/inventory-builders';
import { planRemoval } from './removal';

// The engine answers these tests expect were recorded from Docker 28.5.2 with the containerd
// store (the engine tests check the same cases against 28.5 and 26.1 themselves).

const plain = { force: false, removeStoppedContainers: false, childrenFirst: false };
const unprotected = { patterns: [], label: null };
const CONTENT = CONTAINERD_CONTENT;
const onContainerd = containerdInventory;

const SMALL = sha('5a11');
const MULTI = sha('3317');
const USED = sha('48a5');
const BASE = sha('ba5e');
const CHILD = sha('c41d');
const STEP = sha('67e6');
const BUILT = sha('b017');

const engine = onContainerd(
  [
    { id: SMALL, tags: ['fx/small:1'], layers: [['sha256:l-small', 4_096]] },
    { id: MULTI, tags: ['fx/multi:1', 'fx/multi:2'], layers: [['sha256:l-multi', 8_192]] },
    { id: USED, tags: ['fx/stopped:1'], layers: [['sha256:l-used', 8_192]] },
    { id: BASE, tags: ['fx/base:1'], layers: [['sha256:l-base', 2_000]] },
    {
      id: CHILD,
      tags: ['fx/child:1'],
      parent: BASE,
      layers: [
        ['sha256:l-base', 2_000],
        ['sha256:l-child', 3_000],
      ],
    },
    { id: STEP, parent: BASE, layers: [['sha256:l-base', 2_000]] },
    {
      id: BUILT,
      tags: ['fx/built:1'],
      parent: STEP,
      layers: [
        ['sha256:l-base', 2_000],
        ['sha256:l-built', 500],
      ],
    },
  ],
  [{ id: 'c'.repeat(64), name: 'stopped', image: USED, running: false }],
);

function plan(inputs: string[], options = plain) {
  return planRemoval(engine, inputs, options, unprotected, testStamp());
}

describe('docker rmi on the containerd image store', () => {
  it('deletes an image by short ID with its name, naming no layer, freeing its whole Size', () => {
    const removal = plan([SMALL.slice(7, 15)]);
    expect(removal.targets[0]).toMatchObject({
      outcome: 'deleted',
      untagged: ['fx/small:1'],
      deleted: [SMALL],
      deletedLayers: 0,
      bytesFreed: 2 * 4_096 + CONTENT,
      // Its layers go with it though no Deleted line names them: none is listed as kept.
      keptLayers: [],
    });
    expect(removal.approximate).toBe('containerd-bytes');
  });

  it('only untags a name with a sibling; by ID both names must be forced', () => {
    expect(plan(['fx/multi:1']).targets[0]).toMatchObject({
      outcome: 'untagged-only',
      untagged: ['fx/multi:1'],
      deleted: [],
    });
    expect(plan([MULTI]).targets[0]?.conflict?.engineMessage).toBe(
      'conflict: unable to delete 331733173317 (must be forced) - image is referenced in multiple repositories',
    );
    expect(plan([MULTI], { ...plain, force: true }).targets[0]).toMatchObject({
      untagged: ['fx/multi:1', 'fx/multi:2'],
      deleted: [MULTI],
    });
  });

  it('words a container conflict as the engine does, by name and by ID', () => {
    expect(plan(['fx/stopped:1']).targets[0]?.conflict?.engineMessage).toBe(
      'conflict: unable to delete fx/stopped:1 (must be forced) - container cccccccccccc is using its referenced image 48a548a548a5',
    );
    expect(plan([USED]).targets[0]?.conflict?.engineMessage).toBe(
      'conflict: unable to delete 48a548a548a5 (must be forced) - image is being used by stopped container cccccccccccc',
    );
    // Forced by name, only the name goes: a dangling record keeps the image for its container.
    expect(plan(['fx/stopped:1'], { ...plain, force: true }).targets[0]).toMatchObject({
      outcome: 'untagged-only',
      untagged: ['fx/stopped:1'],
      deleted: [],
      bytesFreed: 0,
    });
  });

  it('has no conflict for children: by its only name the parent is kept, dangling, while the engine says Deleted', () => {
    const byName = plan(['fx/base:1']).targets[0];
    expect(byName).toMatchObject({
      outcome: 'untagged-only',
      untagged: ['fx/base:1'],
      deleted: [BASE],
      bytesFreed: 0,
    });
    expect(plan([BASE]).targets[0]).toMatchObject({ outcome: 'deleted', deleted: [BASE] });
  });

  it('prunes untagged parents while they are dangling, and stops at a tagged one', () => {
    const removal = plan(['fx/built:1']);
    expect(removal.targets[0]).toMatchObject({
      outcome: 'deleted',
      untagged: ['fx/built:1'],
      deleted: [BUILT, STEP],
    });
    // The base layer stays under the base and the child: the two images' own content and the
    // top layer's blob and snapshot go.
    expect(removal.targets[0]?.bytesFreed).toBe(2 * CONTENT + 2 * 500);
    expect(plan(['fx/built:1'], { ...plain, force: false }).command).toBe('docker rmi fx/built:1');
  });

  it('by digest takes every name of that repository', () => {
    const digestRef = `fx/multi@${MULTI}`;
    const withDigests: Inventory = {
      ...engine,
      images: engine.images.map((image) =>
        image.id === MULTI ? { ...image, repoDigests: [digestRef] } : image,
      ),
    };
    const removal = planRemoval(withDigests, [digestRef], plain, unprotected, testStamp());
    expect(removal.targets[0]).toMatchObject({
      outcome: 'deleted',
      untagged: ['fx/multi:1', 'fx/multi:2'],
      deleted: [MULTI],
    });
  });

  it('takes a tag and its repository’s digest record as one reference, by name and by ID', () => {
    const pulled = sha('d16e');
    const inv = onContainerd(
      [{ id: pulled, tags: ['fx/pulled:1', `fx/pulled@${pulled}`], layers: [['sha256:l-p', 10]] }],
      [{ id: 'd'.repeat(64), name: 'user', image: pulled, running: false }],
    );
    const planOn = (inputs: string[], options = plain) =>
      planRemoval(inv, inputs, options, unprotected, testStamp()).targets[0];
    // No container: both records go and the image with them, by name or by ID, unforced.
    const unused = { ...inv, containers: [] };
    for (const input of ['fx/pulled:1', pulled]) {
      expect(
        planRemoval(unused, [input], plain, unprotected, testStamp()).targets[0],
      ).toMatchObject({
        outcome: 'deleted',
        untagged: ['fx/pulled:1', `fx/pulled@${pulled}`],
        deleted: [pulled],
      });
    }
    // The digest record named exactly, forced past a stopped container: only that record goes.
    expect(planOn([`fx/pulled@${pulled}`], { ...plain, force: true })).toMatchObject({
      outcome: 'untagged-only',
      untagged: [`fx/pulled@${pulled}`],
      deleted: [],
    });
  });
});
