import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HISTORY_FILE_NAME, HistoryStore } from './history-store';

const ENGINE = { host: 'unix:///private.sock', engineId: 'e1', cli: 'docker' as const };
const SAFE = { id: 'c1', choice: { strategy: 'safe' as const }, engine: ENGINE };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'reclaim-history-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('HistoryStore', () => {
  it("adds a cleanup's parts into one record that survives a restart", async () => {
    const store = await HistoryStore.open(dir);
    await store.recordPart(
      SAFE,
      { images: 2, bytesReclaimed: 300, failures: [], cancelled: false },
      10,
    );
    await store.recordPart(
      SAFE,
      {
        cacheRecords: 3,
        bytesReclaimed: 50,
        failures: [{ subject: 'rec9', status: 'skipped-changed' }],
        cancelled: false,
      },
      20,
    );
    const reopened = await HistoryStore.open(dir);
    expect(reopened.get()).toEqual({
      keptAside: null,
      records: [
        {
          id: 'c1',
          at: 10,
          engine: ENGINE,
          choice: { strategy: 'safe' },
          images: 2,
          cacheRecords: 3,
          resources: 0,
          bytesReclaimed: 350,
          failures: [{ subject: 'rec9', status: 'skipped-changed' }],
          cancelled: false,
        },
      ],
    });
    expect(JSON.parse(reopened.exportJson())).toMatchObject({
      version: 1,
      records: [{ id: 'c1' }],
    });
  });

  it('lists the newest first', async () => {
    const store = await HistoryStore.open(dir);
    const part = { bytesReclaimed: 1, failures: [], cancelled: false };
    await store.recordPart(SAFE, part, 1);
    await store.recordPart({ ...SAFE, id: 'c2' }, part, 2);
    expect(store.get().records.map((record) => record.id)).toEqual(['c2', 'c1']);
  });

  it.each([
    ['not JSON', '{"version": 1, "records": ['],
    ['a record that does not validate', '{"version": 1, "records": [{"id": 5}]}'],
    ['an unknown version', '{"version": 9, "records": []}'],
  ])('keeps a damaged file (%s) aside unchanged and starts anew', async (_case, text) => {
    await writeFile(path.join(dir, HISTORY_FILE_NAME), text);
    const store = await HistoryStore.open(dir);
    const { keptAside, records } = store.get();
    expect(records).toEqual([]);
    expect(keptAside).not.toBeNull();
    expect(await readFile(keptAside as string, 'utf8')).toBe(text);
    expect((await readdir(dir)).sort()).toEqual(
      [HISTORY_FILE_NAME, path.basename(keptAside as string)].sort(),
    );
    // The next start finds a good file: nothing more is kept aside.
    expect((await HistoryStore.open(dir)).get().keptAside).toBeNull();
  });

  it('keeps the records that validate, one by one, of a partly damaged file', async () => {
    const store = await HistoryStore.open(dir);
    await store.recordPart(SAFE, { bytesReclaimed: 7, failures: [], cancelled: false }, 1);
    const file = path.join(dir, HISTORY_FILE_NAME);
    const saved = JSON.parse(await readFile(file, 'utf8')) as { records: unknown[] };
    await writeFile(file, JSON.stringify({ version: 1, records: [...saved.records, { id: 5 }] }));
    const reopened = (await HistoryStore.open(dir)).get();
    expect(reopened.records.map((record) => record.id)).toEqual(['c1']);
    expect(reopened.keptAside).not.toBeNull();
  });

  it('merges what another Reclaim on the same folder recorded, never overwriting it', async () => {
    const first = await HistoryStore.open(dir);
    const second = await HistoryStore.open(dir);
    const part = { bytesReclaimed: 1, failures: [], cancelled: false };
    await first.recordPart(SAFE, part, 1);
    await second.recordPart({ ...SAFE, id: 'c2' }, part, 2);
    const reopened = await HistoryStore.open(dir);
    expect(reopened.get().records.map((record) => record.id)).toEqual(['c2', 'c1']);
  });

  it('starts with an empty history when the file cannot be read, and never writes over it', async () => {
    // A folder where the file should be: reading it fails, as an unreadable file would.
    await mkdir(path.join(dir, HISTORY_FILE_NAME));
    const store = await HistoryStore.open(dir);
    expect(store.get()).toEqual({ records: [], keptAside: null });
    await store.recordPart(SAFE, { bytesReclaimed: 1, failures: [], cancelled: false }, 1);
    expect(store.get().records).toHaveLength(1);
    expect(await readdir(path.join(dir, HISTORY_FILE_NAME))).toEqual([]);
  });
});
