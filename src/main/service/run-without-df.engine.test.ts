/**
 * A batch run through the service re-checks every target against the engine just before
 * deleting it, and does so without `/system/df`: the re-check reads images and containers
 * only (live.recheck), since `/system/df` is slow and engines before API 1.42 allow one at
 * a time. Counted on a real private engine, on every raw call the service's connection makes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPrivateDocker, type PrivateDocker } from '../../../test/engine/dockerd';
import { addImages, randomLayer } from '../../../test/engine/fixture-builders';
import { describeEngine } from '../../../test/engine/gate';
import { assertPrivateEndpoint } from '../../../test/engine/guard';
import type { Connection } from '../engine/connect/connection';
import { openConnection } from '../engine/connect/open';
import { SettingsStore } from '../settings/settings-store';
import { HistoryStore } from '../history/history-store';
import { createReclaimService } from './create-service';
import { realEnginePort } from './engine-wiring';
import type { ReclaimService } from './reclaim-service';

describeEngine('a multi-target run and /system/df', () => {
  let engine: PrivateDocker;
  let dir: string;
  let service: ReclaimService;
  /** Every raw call, in order, with markers where the engine run starts and ends. */
  const log: string[] = [];

  beforeAll(async () => {
    engine = await startPrivateDocker();
    assertPrivateEndpoint(engine.host);
    await addImages(
      engine,
      ['one', 'two', 'three'].map((name) => ({
        tags: [`reclaim-df/${name}:1`],
        layers: [randomLayer({ [`${name}.bin`]: 50_000 })],
      })),
    );
    dir = await mkdtemp(path.join(tmpdir(), 'reclaim-run-df-'));
    service = createReclaimService({
      settings: await SettingsStore.open(dir),
      history: await HistoryStore.open(dir),
      openExternal: () => undefined,
      engine: {
        ...realEnginePort,
        openConnection: async (endpoint) => counted(await openConnection(endpoint)),
        runPlan: async (connection, plan, hooks) => {
          log.push('run starts');
          try {
            return await realEnginePort.runPlan(connection, plan, hooks);
          } finally {
            log.push('run ends');
          }
        },
      },
    });
    expect((await service.start({ host: engine.host })).state).toBe('connected');
  });
  afterAll(async () => {
    service?.close();
    await engine?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /**
   * Labelled as a non-unix endpoint so every read takes request() (the unix-socket fast path
   * for inspects would bypass the count); request() still reaches this engine.
   */
  function counted(connection: Connection): Connection {
    return {
      docker: connection.docker,
      engine: {
        ...connection.engine,
        endpoint: { host: `counted+${connection.engine.endpoint.host}` },
      },
      request: (req) => {
        log.push(`${req.method} ${req.path}`);
        return connection.request(req);
      },
    };
  }

  it('deletes three images, re-checking each, with no /system/df during the run', async () => {
    const inputs = ['reclaim-df/one:1', 'reclaim-df/two:1', 'reclaim-df/three:1'];
    const plan = await service.planRemoval(inputs, {
      force: false,
      removeStoppedContainers: false,
      childrenFirst: false,
    });
    // The first snapshot's own /system/df is done before the plan exists.
    expect(log).toContain('GET /system/df');

    const result = await service.runPlan(plan.id);
    expect(result.results.map((target) => target.status)).toEqual(['done', 'done', 'done']);
    const during = log.slice(log.indexOf('run starts'), log.indexOf('run ends'));
    expect(during.filter((call) => call === 'GET /system/df')).toEqual([]);
    // The re-checks did read the engine: the image list once per target at least.
    expect(during.filter((call) => call === 'GET /images/json').length).toBeGreaterThanOrEqual(3);
    expect(await engine.dockerOk(['images', '-q', 'reclaim-df/*'])).toBe('');
  });
});
