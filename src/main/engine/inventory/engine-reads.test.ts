import { describe, expect, it } from 'vitest';
import { reclaimError, ReclaimFailure } from '../../../shared/errors';
import { testEngineInfo } from '../../../shared/testing/inventory-builders';
import type { Connection, EngineRequest } from '../connect/connection';
import { systemDf } from './engine-reads';

/** A connection whose `/system/df` throws `failures` in turn, then answers. */
function dfConnection(failures: ReclaimFailure[]): { connection: Connection; calls: () => number } {
  let calls = 0;
  const connection = {
    engine: testEngineInfo({ apiVersion: '1.41' }),
    request: async <T>(req: EngineRequest): Promise<T> => {
      expect(req.path).toBe('/system/df');
      const failure = failures[calls++];
      if (failure) throw failure;
      return { LayersSize: 42 } as T;
    },
  } as unknown as Connection;
  return { connection, calls: () => calls };
}

const busy = (): ReclaimFailure =>
  new ReclaimFailure(
    reclaimError('CONFLICT', {
      cause: 'disk-usage-busy',
      detail: 'a disk usage operation is already running',
    }),
  );

describe('systemDf', () => {
  it("waits while another client's disk usage read runs, then answers", async () => {
    const { connection, calls } = dfConnection([busy(), busy()]);
    await expect(systemDf(connection)).resolves.toEqual({ LayersSize: 42 });
    expect(calls()).toBe(3);
  });

  it('passes any other failure on at once', async () => {
    const refused = new ReclaimFailure(reclaimError('ENGINE_ERROR', { cause: 'http-error' }));
    const { connection, calls } = dfConnection([refused]);
    await expect(systemDf(connection)).rejects.toBe(refused);
    expect(calls()).toBe(1);
  });
});
