import { newPlanStamp } from '../new-plan-stamp';
import { rmiLine } from '../../../shared/format/cli-output';
import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../../shared/model';
import type { RemovalOptions, RunProgress } from '../../../shared/plan';
import type { Connection } from '../connect/connection';
import { inventory, sha, type ImageSpec } from '../../../shared/testing/inventory-builders';
import { planPrune } from '../../../shared/core/plan/prune';
import { planRemoval } from '../../../shared/core/plan/removal';
import { runPlan } from './run-plan';

/** Tests of other behaviour run with nothing protected. */
const unprotected = { patterns: [], label: null };

const plain: RemovalOptions = {
  force: false,
  removeStoppedContainers: false,
  childrenFirst: false,
};
const A = sha('aaa1');
const B = sha('bbb2');
const C = sha('ccc3');
const images: ImageSpec[] = [
  { id: A, tags: ['a:1'], layers: [['sha256:la', 100]] },
  { id: B, tags: ['b:1'], layers: [['sha256:lb', 200]] },
  { id: C, layers: [['sha256:lc', 300]] },
];
const before = inventory(images);

interface Call {
  name: string;
  force: boolean;
  noprune: boolean;
}

/** A connection whose DELETE /images answers from a script; it never reaches an engine. */
function fakeConnection(answers: Record<string, () => unknown>): {
  conn: Connection;
  calls: Call[];
} {
  const calls: Call[] = [];
  const docker = {
    getImage: (name: string) => ({
      remove: async (opts: { force: boolean; noprune: boolean }) => {
        calls.push({ name, ...opts });
        const answer = answers[name];
        if (!answer)
          throw Object.assign(new Error('No such image'), {
            statusCode: 404,
            json: { message: `No such image: ${name}` },
          });
        return answer();
      },
    }),
    getContainer: (id: string) => ({
      remove: async () => {
        calls.push({ name: `container ${id}`, force: false, noprune: false });
        answers[`container ${id}`]?.();
      },
    }),
  };
  return {
    conn: {
      docker,
      engine: before.engine,
      request: async () => undefined,
    } as unknown as Connection,
    calls,
  };
}

/** Rereads that return the given snapshots in turn (the last one repeats). */
function rereads(...snapshots: Inventory[]): () => Promise<Inventory> {
  let i = 0;
  return async () => snapshots[Math.min(i++, snapshots.length - 1)] ?? before;
}

const without = (...ids: string[]): Inventory =>
  inventory(images.filter((i) => !ids.includes(i.id)));

describe('runPlan', () => {
  it('runs each target by its exact reference and returns the engine lines and bytes', async () => {
    const plan = planRemoval(before, ['a:1', 'b:1'], plain, unprotected, newPlanStamp());
    const { conn, calls } = fakeConnection({
      'a:1': () => [{ Untagged: 'a:1' }, { Deleted: A }, { Deleted: 'sha256:la' }],
      'b:1': () => [{ Untagged: 'b:1' }, { Deleted: B }, { Deleted: 'sha256:lb' }],
    });
    const progress: RunProgress[] = [];
    const result = await runPlan(conn, plan, {
      reread: rereads(before, without(A)),
      onProgress: (p) => progress.push(p),
    });
    expect(calls).toEqual([
      { name: 'a:1', force: false, noprune: false },
      { name: 'b:1', force: false, noprune: false },
    ]);
    expect(result.results.map((r) => [r.status, r.records.map(rmiLine)])).toEqual([
      ['done', ['Untagged: a:1', `Deleted: ${A}`, 'Deleted: sha256:la']],
      ['done', ['Untagged: b:1', `Deleted: ${B}`, 'Deleted: sha256:lb']],
    ]);
    expect(result.bytesReclaimed).toBe(300);
    expect(progress.at(-1)).toMatchObject({
      done: 2,
      total: 2,
      bytesReclaimed: 300,
      current: null,
    });
  });

  it('skips a target whose tag now points elsewhere, and deletes nothing for it', async () => {
    const plan = planRemoval(before, ['a:1'], plain, unprotected, newPlanStamp());
    const moved = inventory([
      { ...images[0], tags: [] } as ImageSpec,
      { ...images[1], tags: ['b:1', 'a:1'] } as ImageSpec,
      images[2] as ImageSpec,
    ]);
    const { conn, calls } = fakeConnection({});
    const result = await runPlan(conn, plan, { reread: rereads(moved) });
    expect(calls).toEqual([]);
    expect(result.results[0]?.status).toBe('skipped-changed');
    expect(result.results[0]?.error?.code).toBe('CHANGED_SINCE_PREVIEW');
    expect(result.results[0]?.change).toEqual({
      kind: 'reference-moved',
      reference: 'a:1',
      imageId: B,
      previewed: A,
    });
  });

  it('skips a target a container now uses, and one already gone', async () => {
    const used = inventory(images, [
      { id: 'e'.repeat(64), name: 'late', image: A, running: false },
    ]);
    const { conn, calls } = fakeConnection({});
    const first = await runPlan(
      conn,
      planRemoval(before, ['a:1'], plain, unprotected, newPlanStamp()),
      {
        reread: rereads(used),
      },
    );
    expect(first.results[0]?.change).toEqual({ kind: 'new-container', container: 'late' });
    const second = await runPlan(
      conn,
      planRemoval(before, ['ccc3'], plain, unprotected, newPlanStamp()),
      {
        reread: rereads(without(C)),
      },
    );
    expect(second.results[0]?.change).toEqual({ kind: 'image-gone', imageId: C });
    expect(calls).toEqual([]);
  });

  it('continues past a failed target, with the conflict and its fix', async () => {
    const plan = planRemoval(before, ['a:1', 'b:1'], plain, unprotected, newPlanStamp());
    const { conn } = fakeConnection({
      'a:1': () => {
        throw Object.assign(new Error('conflict'), {
          statusCode: 409,
          json: {
            message:
              'conflict: unable to delete aaa1aaa1aaa1 (must be forced) - image is being used by stopped container eeeeeeeeeeee',
          },
        });
      },
      'b:1': () => [{ Untagged: 'b:1' }, { Deleted: B }, { Deleted: 'sha256:lb' }],
    });
    const result = await runPlan(conn, plan, { reread: rereads(before) });
    expect(result.results[0]).toMatchObject({ status: 'failed', error: { code: 'CONFLICT' } });
    expect(result.results[0]?.error?.detail).toMatch(/being used by stopped container/);
    expect(result.results[1]?.status).toBe('done');
  });

  it('does not call the engine for a target the preview showed blocked', async () => {
    const used = inventory(images, [{ id: 'e'.repeat(64), name: 'job', image: A, running: true }]);
    const { conn, calls } = fakeConnection({});
    const result = await runPlan(conn, planRemoval(used, [A], plain, unprotected, newPlanStamp()), {
      reread: rereads(used),
    });
    expect(calls).toEqual([]);
    expect(result.results[0]).toMatchObject({ status: 'failed', error: { code: 'CONFLICT' } });
  });

  it('runs a repeated input once and reports the repeat done, not changed', async () => {
    const twoTags = inventory([{ ...images[0], tags: ['a:1', 'a:2'] } as ImageSpec]);
    const plan = planRemoval(twoTags, ['a:1', 'a:1'], plain, unprotected, newPlanStamp());
    const { conn, calls } = fakeConnection({ 'a:1': () => [{ Untagged: 'a:1' }] });
    const left = inventory([{ ...images[0], tags: ['a:2'] } as ImageSpec]);
    const result = await runPlan(conn, plan, { reread: rereads(twoTags, left) });
    expect(calls.map((c) => c.name)).toEqual(['a:1']);
    expect(result.results.map((r) => [r.status, r.records])).toEqual([
      ['done', [{ kind: 'untagged', ref: 'a:1' }]],
      ['done', []],
    ]);
  });

  it('never calls the engine for a kept protected image; deletes with noprune past a protected parent', async () => {
    const guarded = inventory([
      { id: C, labels: { keep: 'yes' }, layers: [['sha256:lc', 300]] },
      {
        id: A,
        tags: ['a:1'],
        parent: C,
        layers: [
          ['sha256:lc', 300],
          ['sha256:la', 100],
        ],
      },
      { id: B, tags: ['b:1'], labels: { keep: 'yes' }, layers: [['sha256:lb', 200]] },
    ]);
    const plan = planRemoval(
      guarded,
      ['a:1', 'b:1'],
      plain,
      { patterns: [], label: 'keep' },
      newPlanStamp(),
    );
    const { conn, calls } = fakeConnection({
      'a:1': () => [{ Untagged: 'a:1' }, { Deleted: A }, { Deleted: 'sha256:la' }],
    });
    const result = await runPlan(conn, plan, { reread: rereads(guarded) });
    expect(calls).toEqual([{ name: 'a:1', force: false, noprune: true }]);
    expect(result.results.map((r) => r.status)).toEqual(['done', 'failed']);
    expect(result.results[1]?.error).toEqual({
      code: 'CONFLICT',
      cause: 'kept-protected-in-preview',
    });
    expect(plan.targets[1]?.protectedBy).toEqual({ by: 'label', label: 'keep' });
  });

  describe('stopped containers removed first', () => {
    const STOPPED = 'e'.repeat(64);
    const used = inventory(images, [{ id: STOPPED, name: 'job', image: A, running: false }]);
    const withRw: Inventory = {
      ...used,
      containers: used.containers.map((c) => ({ ...c, sizeRw: 4096 })),
    };
    const options = { ...plain, removeStoppedContainers: true };

    it('are reported with a docker rm line before the image lines, and their bytes counted', async () => {
      const plan = planRemoval(withRw, ['a:1'], options, unprotected, newPlanStamp());
      expect(plan.targets[0]?.bytesFreed).toBe(100 + 4096);
      expect(plan.bytesFreed).toBe(100 + 4096);
      const { conn, calls } = fakeConnection({
        'a:1': () => [{ Untagged: 'a:1' }, { Deleted: A }, { Deleted: 'sha256:la' }],
      });
      const result = await runPlan(conn, plan, { reread: rereads(withRw) });
      expect(calls.map((c) => c.name)).toEqual([`container ${STOPPED}`, 'a:1']);
      expect(result.results[0]).toMatchObject({
        status: 'done',
        records: [
          { kind: 'untagged', ref: 'a:1' },
          { kind: 'deleted', ref: A },
          { kind: 'deleted', ref: 'sha256:la' },
        ],
        containersRemoved: [{ name: 'job', id: STOPPED }],
        bytesReclaimed: 100 + 4096,
      });
    });

    it('a container gone meanwhile is reported as the container, not the image', async () => {
      const plan = planRemoval(withRw, ['a:1'], options, unprotected, newPlanStamp());
      const { conn, calls } = fakeConnection({
        [`container ${STOPPED}`]: () => {
          throw Object.assign(new Error('No such container'), {
            statusCode: 404,
            json: { message: `No such container: ${STOPPED}` },
          });
        },
      });
      const result = await runPlan(conn, plan, { reread: rereads(withRw) });
      expect(calls.map((c) => c.name)).toEqual([`container ${STOPPED}`]);
      expect(result.results[0]?.status).toBe('skipped-changed');
      expect(result.results[0]?.change).toEqual({
        kind: 'removed-meanwhile',
        subject: { kind: 'container', name: 'job' },
      });
    });
  });

  it('stops between targets when cancelled', async () => {
    const plan = planRemoval(before, ['a:1', 'b:1'], plain, unprotected, newPlanStamp());
    const controller = new AbortController();
    const { conn, calls } = fakeConnection({
      'a:1': () => {
        controller.abort();
        return [{ Untagged: 'a:1' }, { Deleted: A }];
      },
    });
    const result = await runPlan(conn, plan, {
      reread: rereads(before),
      signal: controller.signal,
    });
    expect(calls.map((c) => c.name)).toEqual(['a:1']);
    expect(result.cancelled).toBe(true);
    expect(result.results.map((r) => r.status)).toEqual(['done', 'cancelled']);
  });

  it('prunes an image with a single name by its ID, one with several names name by name', async () => {
    const D = sha('ddd4');
    const twoNames = inventory([
      ...images,
      { id: D, tags: ['d:1', 'd:2'], layers: [['sha256:ld', 50]] },
    ]);
    const plan = planPrune(twoNames, { all: true }, { patterns: [], label: null }, newPlanStamp());
    const { conn, calls } = fakeConnection({
      [A]: () => [{ Untagged: 'a:1' }, { Deleted: A }, { Deleted: 'sha256:la' }],
      [B]: () => [{ Untagged: 'b:1' }, { Deleted: B }, { Deleted: 'sha256:lb' }],
      [C]: () => [{ Deleted: C }, { Deleted: 'sha256:lc' }],
      'd:1': () => [{ Untagged: 'd:1' }],
      'd:2': () => [{ Untagged: 'd:2' }, { Deleted: D }, { Deleted: 'sha256:ld' }],
    });
    const result = await runPlan(conn, plan, { reread: rereads(twoNames) });
    expect(calls.map((c) => c.name).sort()).toEqual([A, B, C, 'd:1', 'd:2'].sort());
    expect(result.results.every((r) => r.status === 'done')).toBe(true);
    expect(result.bytesReclaimed).toBe(100 + 200 + 300 + 50);
  });

  it('runs a prune plan as its explicit list, by ID for an image with no name', async () => {
    const plan = planPrune(before, { all: false }, { patterns: [], label: null }, newPlanStamp());
    const { conn, calls } = fakeConnection({
      [C]: () => [{ Deleted: C }, { Deleted: 'sha256:lc' }],
    });
    const result = await runPlan(conn, plan, { reread: rereads(before) });
    expect(calls).toEqual([{ name: C, force: false, noprune: false }]);
    expect(result.bytesReclaimed).toBe(300);
  });
});
