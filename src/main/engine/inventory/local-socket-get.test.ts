import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reclaimError, ReclaimFailure } from '../../../shared/errors';
import { testEngineInfo } from '../../../shared/testing/inventory-builders';
import type { Connection, EngineRequest } from '../connect/connection';
import { getJsonOrNull } from './local-socket-get';

/** A tiny HTTP server on a unix socket standing in for the engine's API. */
let dir: string;
let server: Server;
const served: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rcl-fastget-'));
  server = createServer((req, res) => {
    served.push(req.url ?? '');
    if (req.url === '/v1.41/images/ok/json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"Id":"ok"}');
    } else if (req.url === '/v1.41/images/gone/json') {
      res.writeHead(404).end('{"message":"No such image: gone"}');
    } else {
      res.writeHead(500).end('{"message":"boom"}');
    }
  });
  await new Promise<void>((resolve) => server.listen(path.join(dir, 'api.sock'), resolve));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

function connection(
  host: string,
  answer: (req: EngineRequest) => unknown,
): {
  connection: Connection;
  slow: string[];
} {
  const slow: string[] = [];
  return {
    slow,
    connection: {
      docker: {} as Docker,
      engine: testEngineInfo({ endpoint: { host }, version: 'x' }),
      request: async <T>(req: EngineRequest) => {
        slow.push(req.path);
        return answer(req) as T;
      },
    },
  };
}

describe('getJsonOrNull', () => {
  it('reads a 200 straight from the unix socket, at the negotiated version', async () => {
    const { connection: c, slow } = connection(`unix://${path.join(dir, 'api.sock')}`, () => {
      throw new Error('the slow path must not be used');
    });
    expect(await getJsonOrNull(c, '/images/ok/json')).toEqual({ Id: 'ok' });
    expect(slow).toEqual([]);
  });

  it('answers null for a 404 without asking again', async () => {
    const { connection: c, slow } = connection(`unix://${path.join(dir, 'api.sock')}`, () => 1);
    expect(await getJsonOrNull(c, '/images/gone/json')).toBeNull();
    expect(slow).toEqual([]);
  });

  it('asks again through the connection for any other answer, so it maps the error', async () => {
    const failure = new ReclaimFailure(
      reclaimError('ENGINE_ERROR', {
        cause: 'http-error',
        detail: 'boom',
        values: { status: 500 },
      }),
    );
    const { connection: c, slow } = connection(`unix://${path.join(dir, 'api.sock')}`, () => {
      throw failure;
    });
    await expect(getJsonOrNull(c, '/images/broken/json')).rejects.toBe(failure);
    expect(slow).toEqual(['/images/broken/json']);
  });

  it('asks again through the connection when the socket is not there', async () => {
    const { connection: c, slow } = connection(`unix://${path.join(dir, 'none.sock')}`, () => ({
      Id: 'slow',
    }));
    expect(await getJsonOrNull(c, '/images/x/json')).toEqual({ Id: 'slow' });
    expect(slow).toEqual(['/images/x/json']);
  });

  it('maps NOT_FOUND from the connection to null', async () => {
    const { connection: c } = connection('tcp://engine:2375', () => {
      throw new ReclaimFailure(
        reclaimError('NOT_FOUND', { cause: 'engine-not-found', detail: 'No such image' }),
      );
    });
    expect(await getJsonOrNull(c, '/images/x/json')).toBeNull();
  });
});
