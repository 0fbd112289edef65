import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Inventory } from '../../../shared/model';
import { FakeEngine } from './fake-engine.fixture';
import { LiveInventory } from './live-inventory';

const BASE = `sha256:${'b'.repeat(64)}`;
const APP = `sha256:${'a'.repeat(64)}`;
const diff = (c: string): string => `sha256:${c.repeat(64)}`;

function engineWithTwoImages(): FakeEngine {
  const engine = new FakeEngine();
  engine.addImage(BASE, ['base:1'], 100, [diff('1')]);
  engine.addImage(APP, ['app:1', 'app:2'], 150, [diff('1'), diff('2')], BASE);
  return engine;
}

function next(live: LiveInventory, test: (inventory: Inventory) => boolean): Promise<Inventory> {
  return new Promise((resolve) => {
    const stop = live.onChange((inventory) => {
      if (test(inventory)) {
        stop();
        resolve(inventory);
      }
    });
  });
}

let live: LiveInventory | undefined;
afterEach(() => live?.stop());

describe('LiveInventory', () => {
  it('reads the first snapshot once the events stream is open', async () => {
    const engine = engineWithTwoImages();
    live = new LiveInventory(engine.connection(), { backoff: { firstDelayMs: 5 } }).start();
    const first = await live.current();
    expect(first.images.map((image) => image.id).sort()).toEqual([APP, BASE].sort());
    expect(first.images.find((image) => image.id === APP)?.uniqueSize).toBe(50);
    expect(engine.requests.filter((r) => r === 'GET /images/json')).toHaveLength(1);
  });

  it('after an untag re-reads only that image, even when the line arrives in pieces', async () => {
    const engine = engineWithTwoImages();
    live = new LiveInventory(engine.connection()).start();
    await live.current();
    engine.requests.length = 0;
    const entry = engine.images.get(APP);
    if (entry) entry.summary.RepoTags = ['app:2'];
    const updated = next(live, (inv) => inv.images.some((i) => i.repoTags.join() === 'app:2'));
    const line = `${JSON.stringify({ Type: 'image', Action: 'untag', Actor: { ID: APP } })}\n`;
    engine.stream.write(line.slice(0, 20));
    engine.stream.write(line.slice(20));
    await updated;
    expect(engine.requests).toEqual([`GET /images/${APP}/json`]);
  });

  it('drops a deleted image and its parent loses the child', async () => {
    const engine = engineWithTwoImages();
    live = new LiveInventory(engine.connection()).start();
    await live.current();
    engine.images.delete(APP);
    const updated = next(live, (inv) => inv.images.length === 1);
    engine.emit({ Type: 'image', Action: 'untag', Actor: { ID: APP } });
    engine.emit({ Type: 'image', Action: 'delete', Actor: { ID: APP } });
    const after = await updated;
    expect(after.images[0]).toMatchObject({ id: BASE, childIds: [], uniqueSize: 100 });
  });

  it('after a failed re-read (an image mid-deletion) reads that image again soon, no list, no /system/df', async () => {
    const engine = engineWithTwoImages();
    live = new LiveInventory(engine.connection()).start();
    await live.current();
    engine.requests.length = 0;
    engine.failInspectOnce.add(APP);
    const entry = engine.images.get(APP);
    if (entry) entry.summary.RepoTags = ['app:2'];
    const updated = next(live, (inv) => inv.images.some((i) => i.repoTags.join() === 'app:2'));
    engine.emit({ Type: 'image', Action: 'untag', Actor: { ID: APP } });
    await updated;
    expect(engine.requests).toEqual([`GET /images/${APP}/json`, `GET /images/${APP}/json`]);
  });

  it('reads the build cache afresh when asked, though no event told of the build', async () => {
    const engine = engineWithTwoImages();
    live = new LiveInventory(engine.connection()).start();
    expect((await live.current()).buildCache).toEqual([]);
    engine.buildCache = [
      {
        ID: 'rec1',
        Type: 'regular',
        Description: 'COPY x',
        Size: 512,
        InUse: false,
        Shared: false,
      },
    ];
    expect((await live.current()).buildCache).toEqual([]);
    const published: Inventory[] = [];
    live.onChange((inventory) => published.push(inventory));
    const fresh = await live.withFreshStores();
    expect(fresh.buildCache.map((record) => [record.id, record.size])).toEqual([['rec1', 512]]);
    expect(published).toHaveLength(1);
    // Asked again with nothing changed: read, but nothing published (no listener loop).
    await live.withFreshStores();
    expect(published).toHaveLength(1);
  });

  it('while slow reads are held (a batch run), re-reads /system/df only once released', async () => {
    const engine = engineWithTwoImages();
    live = new LiveInventory(engine.connection()).start();
    await live.current();
    engine.requests.length = 0;
    const release = live.holdSlowReads();
    engine.emit({ Type: 'volume', Action: 'create', Actor: { ID: 'v1' } });
    engine.emit({ Type: 'volume', Action: 'destroy', Actor: { ID: 'v1' } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(engine.requests).toEqual([]);
    const reread = next(live, () => true);
    release();
    await reread;
    expect(engine.requests).toEqual(['GET /system/df']);
  });

  it('on the containerd store shows the Images row pending after an image change until re-read', async () => {
    const engine = engineWithTwoImages();
    engine.imageStore = 'containerd';
    let releaseDf: () => void = () => undefined;
    live = new LiveInventory(engine.connection()).start();
    await live.current();
    // The engine's /system/df answers only when released: the image update lands first.
    engine.slowDf = new Promise((resolve) => (releaseDf = resolve));
    engine.images.delete(APP);
    const first = next(live, (inv) => inv.images.length === 1);
    engine.emit({ Type: 'image', Action: 'delete', Actor: { ID: APP } });
    expect((await first).diskUsage.pending).toEqual(['images']);
    const settled = next(live, (inv) => inv.diskUsage.pending === undefined);
    releaseDf();
    expect((await settled).images.map((image) => image.id)).toEqual([BASE]);
  });

  it('re-lists all images after a tag, which may move a tag off another image', async () => {
    const engine = engineWithTwoImages();
    live = new LiveInventory(engine.connection()).start();
    await live.current();
    engine.requests.length = 0;
    engine.emit({ Type: 'image', Action: 'tag', Actor: { ID: BASE, Attributes: { name: 'x:1' } } });
    // One list, and one /system/df for the build cache a build (tagging its image) filled.
    await vi.waitFor(() =>
      expect([...engine.requests].sort()).toEqual(['GET /images/json', 'GET /system/df']),
    );
  });

  it('opens the stream again when it ends, and reads everything again', async () => {
    const engine = engineWithTwoImages();
    const lost: unknown[] = [];
    live = new LiveInventory(engine.connection(), {
      backoff: { firstDelayMs: 5 },
      onLost: (error) => lost.push(error),
    }).start();
    await live.current();
    engine.addImage(`sha256:${'c'.repeat(64)}`, ['new:1'], 10, [diff('3')]);
    const reread = next(live, (inv) => inv.images.length === 3);
    engine.stream.end();
    await reread;
    expect(engine.streams).toHaveLength(2);
    expect(lost).toEqual([]);
  });

  it('reports the engine lost once while it is down, and follows again when it is back', async () => {
    const engine = engineWithTwoImages();
    const lost: unknown[] = [];
    live = new LiveInventory(engine.connection(), {
      backoff: { firstDelayMs: 5, maxDelayMs: 10 },
      onLost: (error) => lost.push(error),
    }).start();
    await live.current();
    engine.down = true;
    engine.stream.end();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(lost).toHaveLength(1);
    expect(engine.streams).toHaveLength(1);

    engine.addImage(`sha256:${'c'.repeat(64)}`, ['new:1'], 10, [diff('3')]);
    const back = next(live, (inv) => inv.images.length === 3);
    engine.down = false;
    await back;
    expect(engine.streams).toHaveLength(2);
    expect(lost).toHaveLength(1);
  });

  it('stops listening and following when stopped', async () => {
    const engine = engineWithTwoImages();
    const seen: Inventory[] = [];
    live = new LiveInventory(engine.connection(), { onChange: (inv) => seen.push(inv) }).start();
    await live.current();
    live.stop();
    engine.emit({ Type: 'image', Action: 'delete', Actor: { ID: APP } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toHaveLength(1);
  });

  it('publishes the images first when /system/df is slow, then the complete snapshot', async () => {
    const engine = engineWithTwoImages();
    let finishDf = (): void => undefined;
    engine.slowDf = new Promise((resolve) => (finishDf = resolve));
    const seen: Inventory[] = [];
    live = new LiveInventory(engine.connection(), {
      imagesFirstAfterMs: 10,
      onChange: (inventory) => seen.push(inventory),
    }).start();
    const complete = live.current();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(seen).toHaveLength(1);
    expect(seen[0]?.images).toHaveLength(2);
    expect(seen[0]?.diskUsage.pending).toEqual(['containers', 'volumes', 'buildCache']);
    expect(engine.requests).toContain('GET /containers/json');

    finishDf();
    const after = await complete;
    expect(after.diskUsage.pending).toBeUndefined();
    expect(seen).toHaveLength(2);
  });

  it('gives dashboard figures before the first snapshot by one /system/df, then from it', async () => {
    const engine = engineWithTwoImages();
    let finishDf = (): void => undefined;
    engine.slowDf = new Promise((resolve) => (finishDf = resolve));
    live = new LiveInventory(engine.connection(), { imagesFirstAfterMs: 10_000 });
    const cold = live.diskUsage();
    finishDf();
    expect((await cold).images).toEqual({ total: 0, active: 0, size: 0, reclaimable: 0 });
    expect(engine.requests).toEqual(['GET /system/df']);

    await live.current();
    engine.requests.length = 0;
    expect((await live.diskUsage()).images.total).toBe(2);
    expect(engine.requests).toEqual([]);
  });
});
