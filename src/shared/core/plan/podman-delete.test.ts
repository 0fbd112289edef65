import { describe, expect, it } from 'vitest';
import { ReclaimFailure } from '../../errors';
import type { Inventory } from '../../model';
import {
  inventory,
  sha,
  testEngineInfo,
  testStamp,
  type ContainerSpec,
  type ImageSpec,
} from '../../testing/inventory-builders';
import type { Protection } from '../filters/protection';
import { planPrune } from './prune';
import { planRemoval } from './removal';

// The engine answers these tests expect were read from Podman 4.3.1's compat API (the engine
// tests in src/main/engine/run/removal.podman.engine.test.ts check them against Podman).

const plain = { force: false, removeStoppedContainers: false, childrenFirst: false };
const unprotected: Protection = { patterns: [], label: null };

function onPodman(images: ImageSpec[], containers: ContainerSpec[] = []): Inventory {
  return { ...inventory(images, containers), engine: testEngineInfo({ kind: 'podman' }) };
}

const BASE = sha('ba5e');
const MID = sha('3d1d');
const APP = sha('a770');
const SOLO = sha('5010');
const USED = sha('48a5');
const HUB = sha('4ab0');

const engine = onPodman(
  [
    { id: BASE, tags: ['localhost/pm/base:1'], layers: [['sha256:l-base', 4_000]] },
    {
      id: MID,
      parent: BASE,
      layers: [
        ['sha256:l-base', 4_000],
        ['sha256:l-mid', 2_000],
      ],
      labels: { keep: 'yes' },
    },
    {
      id: APP,
      tags: ['localhost/pm/app:1'],
      digests: ['localhost/pm/app@sha256:' + 'd'.repeat(64)],
      parent: MID,
      layers: [
        ['sha256:l-base', 4_000],
        ['sha256:l-mid', 2_000],
        ['sha256:l-app', 300],
      ],
    },
    {
      id: SOLO,
      tags: ['localhost/pm/solo:1', 'localhost/pm/solo:2'],
      layers: [['sha256:l-solo', 700]],
    },
    { id: USED, tags: ['localhost/pm/used:1'], layers: [['sha256:l-used', 900]] },
    { id: HUB, tags: ['docker.io/library/redis:7'], layers: [['sha256:l-hub', 800]] },
  ],
  [{ id: 'c'.repeat(64), name: 'stopped', image: USED, running: false }],
);

function plan(inputs: string[], options = plain, protection = unprotected) {
  return planRemoval(engine, inputs, options, protection, testStamp());
}

describe('podman rmi through the Docker-compatible API', () => {
  it('takes a short name as Podman stores it and deletes the untagged parent with it', () => {
    const removal = plan(['pm/app:1']);
    // The equivalent command is the podman CLI's: its own rmi takes the same name.
    expect(removal.command).toBe('podman rmi localhost/pm/app:1');
    const target = removal.targets[0];
    expect(target).toMatchObject({
      reference: 'localhost/pm/app:1',
      outcome: 'deleted',
      // No `Untagged: …@sha256:` line: Podman keeps digests apart from names.
      untagged: ['localhost/pm/app:1'],
      deleted: [APP, MID],
      // Podman's `Deleted:` names images only; the bytes are the layers nothing holds now.
      bytesFreed: 300 + 2_000,
    });
  });

  it('resolves a Docker Hub short name to its stored name', () => {
    expect(plan(['redis:7']).targets[0]).toMatchObject({
      reference: 'docker.io/library/redis:7',
      untagged: ['docker.io/library/redis:7'],
      deleted: [HUB],
    });
  });

  it('takes a first component in capitals as a registry, never as a short name', () => {
    expect(() => plan(['PM/app:1'])).toThrow(
      expect.objectContaining({ error: expect.objectContaining({ code: 'NOT_FOUND' }) }),
    );
  });

  it('answers a short name several registries hold as ambiguous', () => {
    const twice = onPodman([
      { id: APP, tags: ['quay.io/pm/x:1'], layers: [['sha256:a', 1]] },
      { id: SOLO, tags: ['docker.io/pm/x:1'], layers: [['sha256:b', 1]] },
    ]);
    expect(() => planRemoval(twice, ['pm/x:1'], plain, unprotected, testStamp())).toThrow(
      expect.objectContaining({ error: expect.objectContaining({ code: 'AMBIGUOUS_REFERENCE' }) }),
    );
  });

  it('only untags a name with a sibling, and refuses by ID an image with several names', () => {
    expect(plan(['pm/solo:1']).targets[0]).toMatchObject({
      outcome: 'untagged-only',
      untagged: ['localhost/pm/solo:1'],
      deleted: [],
    });
    const byId = plan([SOLO]).targets[0];
    expect(byId?.outcome).toBe('needs-force-multiple-tags');
    expect(byId?.conflict?.engineMessage).toBe(
      `unable to delete image "${SOLO.slice(7)}" by ID with more than one tag ([localhost/pm/solo:1 localhost/pm/solo:2]): please force removal`,
    );
    // Reclaim never forces on Podman, so force is no way forward there.
    expect(byId?.fixes).toEqual([]);
  });

  it('deletes a parent named by its only name though it has a child, with no Deleted line', () => {
    const target = plan(['pm/base:1']).targets[0];
    expect(target).toMatchObject({ outcome: 'deleted', untagged: ['localhost/pm/base:1'] });
    expect(target?.deleted).toEqual([]);
    expect(target?.bytesFreed).toBe(0);
  });

  it('blocks an image a container uses, offering to remove the stopped container first', () => {
    const target = plan(['pm/used:1']).targets[0];
    expect(target?.outcome).toBe('blocked-by-containers');
    expect(target?.fixes).toEqual([{ kind: 'remove-stopped-containers' }]);
    const fixed = plan(['pm/used:1'], { ...plain, removeStoppedContainers: true }).targets[0];
    expect(fixed).toMatchObject({ outcome: 'deleted', deleted: [USED] });
    expect(fixed?.containersRemovedFirst.map((c) => c.name)).toEqual(['stopped']);
  });

  it('refuses force: Podman`s force also deletes the containers using the image', () => {
    try {
      plan(['pm/used:1'], { ...plain, force: true });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ReclaimFailure);
      expect((error as ReclaimFailure).error).toMatchObject({
        code: 'VALIDATION',
        cause: 'force-on-podman',
      });
    }
  });

  it('keeps a dangling image in a prune when Podman would take its protected parent along', () => {
    const pruning = onPodman([
      { id: MID, layers: [['sha256:l-mid', 2_000]], labels: { keep: 'yes' } },
      {
        id: APP,
        parent: MID,
        layers: [
          ['sha256:l-mid', 2_000],
          ['sha256:l-app', 300],
        ],
      },
      { id: SOLO, layers: [['sha256:l-solo', 700]] },
    ]);
    const pruned = planPrune(
      pruning,
      { all: false },
      { patterns: [], label: 'keep=yes' },
      testStamp(),
    );
    expect(pruned.remove.map((entry) => entry.imageId)).toEqual([SOLO]);
    expect(pruned.pruneCommand).toBe('podman image prune -f');
    expect(pruned.keep.find((kept) => kept.imageId === APP)).toMatchObject({
      reason: 'takes-protected-parent',
      protectedParent: MID,
    });
  });

  it('refuses an image whose removal would take a protected untagged parent along', () => {
    const target = plan(['pm/app:1'], plain, { patterns: [], label: 'keep=yes' }).targets[0];
    expect(target).toMatchObject({
      outcome: 'blocked-by-protected-parent',
      protectedParents: [MID],
      untagged: [],
      deleted: [],
    });
    expect(target?.conflict?.engineMessage).toBe('');
  });
});
