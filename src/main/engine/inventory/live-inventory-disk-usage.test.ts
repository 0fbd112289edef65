import { afterEach, describe, expect, it } from 'vitest';
import { reclaimError, ReclaimFailure } from '../../../shared/errors';
import type { Connection, EngineRequest } from '../connect/connection';
import { FakeEngine } from './fake-engine.fixture';
import { LiveInventory } from './live-inventory';

const BASE = `sha256:${'b'.repeat(64)}`;
const diff = (c: string): string => `sha256:${c.repeat(64)}`;

/**
 * An engine before API 1.42 as it really behaves: a second `/system/df` while one runs is
 * refused with HTTP 500. Image inspects can be held back, to keep the first inventory read
 * busy with its layer facts after its `/system/df` has landed.
 */
function pre142Engine() {
  const engine = new FakeEngine();
  engine.addImage(BASE, ['base:1'], 100, [diff('1')]);
  let finishDf = (): void => undefined;
  engine.slowDf = new Promise((resolve) => (finishDf = resolve));
  let releaseInspects = (): void => undefined;
  const inspectsHeld = new Promise<void>((resolve) => (releaseInspects = resolve));
  const inner = engine.connection();
  let dfRunning = 0;
  let dfStarted = 0;
  let refused = 0;
  /** Every request as it was asked, before any answer. */
  const asked: string[] = [];
  const connection: Connection = {
    ...inner,
    request: async <T>(req: EngineRequest): Promise<T> => {
      asked.push(req.path);
      if (req.path === '/system/df') {
        if (dfRunning > 0) {
          refused++;
          throw new ReclaimFailure(
            reclaimError('ENGINE_ERROR', {
              cause: 'http-error',
              detail: 'a disk usage operation is already running',
              values: { status: 500 },
            }),
          );
        }
        dfRunning++;
        dfStarted++;
        try {
          return await inner.request<T>(req);
        } finally {
          dfRunning--;
        }
      }
      if (/^\/images\/.+\/json$/.test(req.path)) await inspectsHeld;
      return inner.request<T>(req);
    },
  };
  /** Every `/system/df` the engine was asked for, refused or not, answered or not yet. */
  const dfCalls = (): number => dfStarted + refused;
  const until = async (test: () => boolean): Promise<void> => {
    while (!test()) await new Promise((resolve) => setTimeout(resolve, 2));
  };
  return { engine, connection, finishDf, releaseInspects, dfCalls, until, asked };
}

let live: LiveInventory | undefined;
afterEach(() => live?.stop());

describe('LiveInventory cold disk usage', () => {
  it('shares the first read’s /system/df while it runs: one call, no refusal', async () => {
    const fake = pre142Engine();
    live = new LiveInventory(fake.connection, { imagesFirstAfterMs: 10_000 }).start();
    await fake.until(() => fake.dfCalls() === 1);

    const cold = live.diskUsage();
    fake.finishDf();
    const figures = await cold;
    expect(fake.dfCalls()).toBe(1);

    fake.releaseInspects();
    const inventory = await live.current();
    expect(fake.dfCalls()).toBe(1);
    expect(figures.volumes).toEqual(inventory.diskUsage.volumes);
    expect(figures.containers).toEqual(inventory.diskUsage.containers);
  });

  it('answers as soon as /system/df lands, without waiting for the layer facts', async () => {
    const fake = pre142Engine();
    live = new LiveInventory(fake.connection, { imagesFirstAfterMs: 10_000 }).start();
    await fake.until(() => fake.dfCalls() === 1);
    fake.finishDf();
    // The inspects are still held: the first inventory read cannot finish yet.
    const figures = await live.diskUsage();
    expect(figures.buildCache).toEqual({ total: 0, active: 0, size: 0, reclaimable: 0 });
    expect(fake.dfCalls()).toBe(1);
    fake.releaseInspects();
    await live.current();
    expect(fake.dfCalls()).toBe(1);
  });

  it('lets the first read use the answer of a cold call made before the stream opened', async () => {
    const fake = pre142Engine();
    live = new LiveInventory(fake.connection, { imagesFirstAfterMs: 10_000 });
    const cold = live.diskUsage();
    live.start();
    fake.finishDf();
    fake.releaseInspects();
    await cold;
    await live.current();
    expect(fake.dfCalls()).toBe(1);
  });

  it('lets the cold figures go first: the first read starts once their /system/df lands', async () => {
    const fake = pre142Engine();
    fake.releaseInspects();
    live = new LiveInventory(fake.connection, { imagesFirstAfterMs: 10_000 });
    const cold = live.diskUsage();
    live.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.asked).toEqual(['/system/df']);
    fake.finishDf();
    await cold;
    await live.current();
    expect(fake.asked).toContain('/images/json');
    expect(fake.dfCalls()).toBe(1);
  });

  it('holds the first read back only briefly when /system/df is slow', async () => {
    const fake = pre142Engine();
    fake.releaseInspects();
    const seen: number[] = [];
    live = new LiveInventory(fake.connection, {
      imagesFirstAfterMs: 10,
      onChange: (inventory) => seen.push(inventory.images.length),
    });
    void live.diskUsage();
    live.start();
    // The engine is still walking its disks, yet the images arrive.
    await fake.until(() => seen.length > 0);
    expect(seen).toEqual([1]);
    expect(fake.dfCalls()).toBe(1);
    fake.finishDf();
  });

  it('reads afresh after the first snapshot: kept answers never go stale', async () => {
    const fake = pre142Engine();
    fake.finishDf();
    fake.releaseInspects();
    live = new LiveInventory(fake.connection, { imagesFirstAfterMs: 10_000 }).start();
    await live.current();
    expect(fake.dfCalls()).toBe(1);
    await live.refresh();
    expect(fake.dfCalls()).toBe(2);
  });
});
