import { describe, expect, it } from 'vitest';
import { ReclaimFailure } from '../../errors';
import type { PruneOptions } from '../../plan';
import { inventory, sha, testStamp } from '../../testing/inventory-builders';
import { planPrune } from './prune';
import type { Protection } from '../filters/protection';

const DAY = 86_400;
const NOW_S = 1_800_000_000;
const NOW = NOW_S * 1000;
const none: Protection = { patterns: [], label: null };

const BASE = sha('ba5e');
const OLD = sha('01d');
const NEW = sha('1e3');
const DANGLING = sha('da9');
const DIGEST_ONLY = sha('d19');
const USED = sha('05ed');
const GUARDED = sha('9a4d');
const STEP = sha('57e9');
const BUILT = sha('b111');
const OLD_BUILD = sha('0b11');

const inv = inventory(
  [
    { id: BASE, tags: ['base:1'], layers: [['sha256:c-base', 1000]], created: NOW_S - 10 * DAY },
    {
      id: OLD,
      tags: ['old:1'],
      layers: [
        ['sha256:c-base', 1000],
        ['sha256:c-old', 100],
      ],
      created: NOW_S - 5 * DAY,
      labels: { team: 'web' },
    },
    {
      id: NEW,
      tags: ['new:latest'],
      layers: [['sha256:c-new', 200]],
      created: NOW_S - 3600,
      labels: { team: 'data' },
    },
    {
      id: DANGLING,
      layers: [
        ['sha256:c-base', 1000],
        ['sha256:c-dang', 30],
      ],
      created: NOW_S - 4 * DAY,
    },
    {
      id: DIGEST_ONLY,
      digests: [`reg:5000/p@sha256:${'d1'.repeat(32)}`],
      layers: [['sha256:c-dig', 40]],
      created: NOW_S - 4 * DAY,
    },
    { id: USED, layers: [['sha256:c-used', 50]], created: NOW_S - 9 * DAY },
    {
      id: GUARDED,
      tags: ['keep/db:15'],
      layers: [['sha256:c-guard', 60]],
      created: NOW_S - 9 * DAY,
      labels: { 'reclaim.protected': 'true' },
    },
    {
      id: STEP,
      parent: BASE,
      layers: [
        ['sha256:c-base', 1000],
        ['sha256:c-step', 70],
      ],
      created: NOW_S - 8 * DAY,
    },
    {
      id: BUILT,
      tags: ['built:1'],
      parent: STEP,
      layers: [
        ['sha256:c-base', 1000],
        ['sha256:c-step', 70],
      ],
      created: NOW_S - 8 * DAY,
    },
    {
      id: OLD_BUILD,
      parent: STEP,
      layers: [
        ['sha256:c-base', 1000],
        ['sha256:c-step', 70],
        ['sha256:c-ob', 80],
      ],
      created: NOW_S - 9 * DAY,
    },
  ],
  [{ id: 'f'.repeat(64), name: 'stopped-job', image: USED, running: false }],
);

const ids = (options: PruneOptions, protection: Protection = none): string[] =>
  planPrune(inv, options, protection, testStamp(NOW))
    .remove.map((r) => r.imageId)
    .sort();

describe('planPrune', () => {
  it('dangling: images with no tag and no child, a digest alone counts as untagged, in-use skipped', () => {
    const plan = planPrune(inv, { all: false }, none, testStamp(NOW));
    expect(plan.remove.map((r) => r.imageId).sort()).toEqual(
      [DANGLING, DIGEST_ONLY, OLD_BUILD].sort(),
    );
    expect(plan.keep.find((k) => k.imageId === USED)).toMatchObject({
      reason: 'in-use',
      containers: [{ name: 'stopped-job', running: false, state: 'exited' }],
    });
    expect(plan.keep.find((k) => k.imageId === NEW)?.reason).toBe('tagged');
    expect(plan.command).toBe('docker image prune -f');
    expect(plan.bytesFreed).toBe(30 + 40 + 80);
  });

  it('-a: every unused image; the untagged build step goes with its last child, counted once', () => {
    const plan = planPrune(
      inv,
      { all: true },
      { patterns: [], label: 'reclaim.protected=true' },
      testStamp(NOW),
    );
    expect(plan.remove.map((r) => r.imageId).sort()).toEqual(
      [BASE, OLD, NEW, DANGLING, DIGEST_ONLY, STEP, BUILT, OLD_BUILD].sort(),
    );
    const step = plan.remove.find((r) => r.imageId === STEP);
    expect(step?.removedWith).not.toBeNull();
    // Children before parents: every deletion is a clean one.
    const order = plan.remove.map((r) => r.imageId);
    expect(order.indexOf(BASE)).toBeGreaterThan(order.indexOf(STEP));
    expect(plan.bytesFreed).toBe(1000 + 100 + 200 + 30 + 40 + 70 + 80);
    expect(plan.keep.find((k) => k.imageId === GUARDED)?.reason).toBe('protected');
  });

  it('-a with until keeps newer images and the parents of kept ones', () => {
    const plan = planPrune(inv, { all: true, until: '200h' }, none, testStamp(NOW));
    expect(plan.remove.map((r) => r.imageId).sort()).toEqual([OLD_BUILD, GUARDED].sort());
    expect(plan.keep.find((k) => k.imageId === BUILT)?.reason).toBe('too-new');
    expect(plan.keep.find((k) => k.imageId === BASE)).toMatchObject({ reason: 'parent-of-kept' });
    // The prune line would untag base:1, which the plan keeps: the command names the list.
    expect(plan.command).toBe('docker rmi keep/db:15 0b110b110b11');
    expect(plan.pruneCommand).toBe('docker image prune -a --filter until=200h -f');
    expect(plan.cliWouldTouch).toEqual([
      { imageId: BASE, name: 'base:1', reason: 'parent-of-kept' },
    ]);
    expect(plan.keep.find((k) => k.imageId === BASE)?.parent).toEqual({
      kind: 'of-kept',
      child: STEP,
    });
    const all = planPrune(inv, { all: true, until: '96h' }, none, testStamp(NOW)).remove.map(
      (r) => r.imageId,
    );
    expect(all.sort()).toEqual(
      [OLD, GUARDED, STEP, BUILT, OLD_BUILD, DANGLING, DIGEST_ONLY, BASE].sort(),
    );
  });

  it('the command is the prune line only when that line would remove nothing the plan keeps', () => {
    const guarded = planPrune(
      inv,
      { all: true },
      { patterns: ['keep/*'], label: null },
      testStamp(NOW),
    );
    expect(guarded.command).toMatch(/^docker rmi /);
    expect(guarded.command).not.toContain('keep/db:15');
    expect(guarded.cliWouldTouch).toEqual([
      { imageId: GUARDED, name: 'keep/db:15', reason: 'protected' },
    ]);
    // Every image the plan removes is named (untagged ones by short ID, the build step goes
    // with its child), each by the names the run deletes it through.
    const named = guarded.command.split(' ').slice(2);
    expect(named.sort()).toEqual(
      ['base:1', 'old:1', 'new:latest', 'built:1', 'da9da9da9da9', 'd19d19d19d19', '0b110b110b11']
        .concat(`reg:5000/p@sha256:${'d1'.repeat(32)}`)
        .filter((n) => n !== 'd19d19d19d19')
        .sort(),
    );
    // A protected image in use is skipped by the CLI too: then the prune line is exact.
    const inUse = planPrune(inv, { all: false }, { patterns: [], label: null }, testStamp(NOW));
    expect(inUse.command).toBe('docker image prune -f');
    expect(inUse.cliWouldTouch).toEqual([]);
  });

  it('with --no-prune when a protected untagged parent must stay, naming the parents it removes', () => {
    const guardedStep = inventory([
      { id: STEP, labels: { keep: 'yes' }, layers: [['sha256:c1', 10]] },
      {
        id: BUILT,
        tags: ['built:1'],
        parent: STEP,
        layers: [
          ['sha256:c1', 10],
          ['sha256:c2', 5],
        ],
      },
    ]);
    const plan = planPrune(
      guardedStep,
      { all: true },
      { patterns: [], label: 'keep' },
      testStamp(NOW),
    );
    expect(plan.command).toBe('docker rmi --no-prune built:1');
    expect(plan.cliWouldTouch).toEqual([
      { imageId: STEP, name: '57e957e957e9', reason: 'protected' },
    ]);
    expect(plan.keep.find((k) => k.imageId === STEP)?.protectedBy).toEqual({
      by: 'label',
      label: 'keep',
    });
  });

  it('label and label! select as the engine does', () => {
    expect(ids({ all: true, label: ['team=web'] })).toEqual([OLD]);
    expect(ids({ all: true, label: ['team'] })).toEqual([NEW, OLD].sort());
    const notWeb = ids({ all: true, labelNot: ['team=web'] });
    expect(notWeb).not.toContain(OLD);
    expect(notWeb).toContain(NEW);
  });

  it('protected images are never selected, by pattern or label', () => {
    expect(ids({ all: true }, { patterns: ['keep/*'], label: null })).not.toContain(GUARDED);
    expect(ids({ all: true }, { patterns: [], label: 'reclaim.protected' })).not.toContain(GUARDED);
    expect(ids({ all: true }, { patterns: ['new'], label: null })).not.toContain(NEW);
  });

  it('list selectors: before, since, reference, repository', () => {
    expect(ids({ all: true, before: 'old:1' })).not.toContain(NEW);
    expect(ids({ all: true, since: 'old:1' })).toEqual([NEW, DANGLING, DIGEST_ONLY].sort());
    expect(ids({ all: true, reference: ['*:latest'] })).toEqual([NEW]);
    expect(ids({ all: true, repository: 'old' })).toEqual([OLD]);
    expect(
      planPrune(inv, { all: true, reference: ['*:latest'] }, none, testStamp(NOW)).command,
    ).toBe("docker rmi $(docker images -q --filter 'reference=*:latest')");
  });

  it('refuses values the engine would refuse', () => {
    const code = (options: PruneOptions): string | undefined => {
      try {
        planPrune(inv, options, none, testStamp(NOW));
      } catch (error) {
        return error instanceof ReclaimFailure ? error.error.code : 'other';
      }
      return undefined;
    };
    expect(code({ all: true, until: '3d' })).toBe('INVALID_FILTER');
    expect(code({ all: true, reference: ['['] })).toBe('INVALID_FILTER');
    expect(code({ all: true, before: 'nope:1' })).toBe('INVALID_FILTER');
    expect(code({ all: true, label: [''] })).toBe('INVALID_FILTER');
    expect(code({ all: true, until: '2026-01-01' })).toBeUndefined();
  });

  it('keeps the parents of a protected image from being pruned (noprune)', () => {
    const guardedStep = inventory([
      { id: STEP, labels: { keep: 'yes' }, layers: [['sha256:c1', 10]] },
      {
        id: BUILT,
        tags: ['built:1'],
        parent: STEP,
        layers: [
          ['sha256:c1', 10],
          ['sha256:c2', 5],
        ],
      },
    ]);
    const plan = planPrune(
      guardedStep,
      { all: true },
      { patterns: [], label: 'keep' },
      testStamp(NOW),
    );
    expect(plan.remove).toHaveLength(1);
    expect(plan.remove[0]).toMatchObject({
      imageId: BUILT,
      pruneParents: false,
      deleted: [BUILT, 'sha256:c2'],
    });
  });
});
