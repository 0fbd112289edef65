import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import type { EngineInfo } from '../../../shared/model';
import type { Connection, EngineRequest } from '../connect/connection';
import { recorded } from '../inventory/recorded/docker-20.10';
import type { RawSystemDf } from '../inventory/raw-types';
import { ReclaimFailure, reclaimError } from '../../../shared/errors';
import { readDiskUsage } from './read-disk-usage';
import { rowsFromSystemDf } from './system-df-rows';

function fakeConnection(
  apiVersion: string,
  answer: (req: EngineRequest) => unknown,
): { connection: Connection; asked: string[] } {
  const asked: string[] = [];
  const engine: EngineInfo = {
    endpoint: { host: 'unix:///fake.sock' },
    kind: 'docker',
    version: 'x',
    apiVersion,
    maxApiVersion: apiVersion,
    minApiVersion: '1.24',
    imageStore: 'classic',
    os: 'linux',
    arch: 'amd64',
  };
  const connection: Connection = {
    docker: {} as Docker,
    engine,
    request: async <T>(req: EngineRequest) => {
      const type = req.query?.type;
      asked.push(`${req.path}${type ? `?type=${[type].flat().join(',')}` : ''}`);
      return answer(req) as T;
    },
  };
  return { connection, asked };
}

describe('readDiskUsage', () => {
  it('API 1.41: one /system/df gives all four rows, exactly as the CLI computes them', async () => {
    const { connection, asked } = fakeConnection('1.41', () => recorded.systemDf);
    const usage = await readDiskUsage(connection);
    expect(asked).toEqual(['/system/df']);
    expect(usage).toEqual({ ...rowsFromSystemDf(recorded.systemDf), takenAt: usage.takenAt });
  });

  it('API 1.42+: images and the slow rows asked apart, containers from the list', async () => {
    const df = recorded.systemDf;
    const { connection, asked } = fakeConnection('1.43', (req) => {
      if (req.path === '/containers/json') return df.Containers;
      const types = [req.query?.type].flat();
      const narrowed: RawSystemDf = types.includes('image')
        ? { LayersSize: df.LayersSize, Images: df.Images }
        : { Volumes: df.Volumes, BuildCache: df.BuildCache };
      return narrowed;
    });
    const usage = await readDiskUsage(connection);
    expect(asked.sort()).toEqual(
      ['/containers/json', '/system/df?type=image', '/system/df?type=volume,build-cache'].sort(),
    );
    expect(usage.images).toEqual(rowsFromSystemDf(df).images);
    expect(usage.containers).toEqual(rowsFromSystemDf(df).containers);
    expect(usage.volumes).toEqual(rowsFromSystemDf(df).volumes);
  });

  it('asks /system/df again when a snapshot it walked went meanwhile (Docker 28, containerd)', async () => {
    let failures = 2;
    const { connection, asked } = fakeConnection('1.41', () => {
      if (failures-- > 0) {
        throw new ReclaimFailure(
          reclaimError('NOT_FOUND', {
            cause: 'engine-not-found',
            detail: 'NotFound: snapshot p9fk1yocu4yxz3ni18nnuu8o6-view does not exist: not found',
          }),
        );
      }
      return recorded.systemDf;
    });
    const usage = await readDiskUsage(connection);
    expect(asked).toEqual(['/system/df', '/system/df', '/system/df']);
    expect(usage.images).toEqual(rowsFromSystemDf(recorded.systemDf).images);
  });

  it('gives up on a /system/df that keeps answering 404, with that error', async () => {
    const gone = new ReclaimFailure(reclaimError('NOT_FOUND', { cause: 'engine-not-found' }));
    const { connection, asked } = fakeConnection('1.41', () => {
      throw gone;
    });
    await expect(readDiskUsage(connection)).rejects.toBe(gone);
    expect(asked).toHaveLength(4);
  });
});
