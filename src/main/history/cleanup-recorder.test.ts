import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CleanupPlan } from '../../shared/cleanup';
import type { RunResult } from '../../shared/plan';
import { CleanupRecorder } from './cleanup-recorder';
import { HistoryStore } from './history-store';

const ENGINE = { host: 'unix:///private.sock', engineId: null, cli: 'docker' as const };

/** An everything-unused cleanup's plan with its three parts (only what the recorder reads). */
const plan = {
  id: 'cleanup-1',
  choice: { strategy: 'everything-unused', volumes: [] },
  resources: { id: 'resources-1', engine: ENGINE },
  images: { id: 'images-1', engine: ENGINE },
  buildCache: { id: 'cache-1', engine: ENGINE },
} as unknown as CleanupPlan;

const imagesResult = (planId: string): RunResult => ({
  planId,
  cancelled: false,
  bytesReclaimed: 700,
  results: [
    { input: 'a', imageId: 'sha256:a', status: 'done', records: [], bytesReclaimed: 700 },
    {
      input: 'b',
      imageId: 'sha256:b',
      status: 'failed',
      records: [],
      bytesReclaimed: 0,
      error: { code: 'CONFLICT', cause: 'engine-conflict' },
    },
  ],
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'reclaim-recorder-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('CleanupRecorder', () => {
  it("records a cleanup's parts as one entry, with its failures", async () => {
    const store = await HistoryStore.open(dir);
    const recorder = new CleanupRecorder(store, () => 42);
    recorder.track(plan);
    await recorder.resourcesRan({
      planId: 'resources-1',
      cancelled: false,
      bytesReclaimed: 5,
      results: [
        { kind: 'container', id: 'c1', name: 'old', status: 'done', bytesReclaimed: 5 },
        { kind: 'network', id: 'n1', name: 'idle', status: 'done', bytesReclaimed: 0 },
        {
          kind: 'volume',
          id: 'v1',
          name: 'data',
          status: 'skipped-changed',
          change: 'now-in-use',
          bytesReclaimed: 0,
        },
      ],
    });
    await recorder.imagesRan(imagesResult('images-1'));
    await recorder.cacheRan({
      planId: 'cache-1',
      cancelled: true,
      bytesReclaimed: 30,
      results: [
        { id: 'r1', status: 'done', bytesReclaimed: 30 },
        { id: 'r2', status: 'cancelled', bytesReclaimed: 0 },
      ],
    });
    expect(store.get().records).toEqual([
      {
        id: 'cleanup-1',
        at: 42,
        engine: ENGINE,
        choice: { strategy: 'everything-unused', volumes: [] },
        images: 1,
        cacheRecords: 1,
        resources: 2,
        bytesReclaimed: 735,
        failures: [
          { subject: 'data', status: 'skipped-changed' },
          { subject: 'b', status: 'failed', code: 'CONFLICT' },
        ],
        cancelled: true,
      },
    ]);
  });

  it('does not record a run of a plan no cleanup made, nor one part twice', async () => {
    const store = await HistoryStore.open(dir);
    const recorder = new CleanupRecorder(store);
    await recorder.imagesRan(imagesResult('a-prune-of-its-own'));
    expect(store.get().records).toEqual([]);
    recorder.track(plan);
    await recorder.imagesRan(imagesResult('images-1'));
    await recorder.imagesRan(imagesResult('images-1'));
    expect(store.get().records.map((record) => record.bytesReclaimed)).toEqual([700]);
  });
});
