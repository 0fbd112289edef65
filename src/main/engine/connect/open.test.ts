import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeFilters } from './engine-request';
import { openConnection } from './open';
import { failure } from './reclaim-failure.fixture';

/**
 * A fake engine on a private unix socket: answers /version and /info as told and records
 * every request line, so version negotiation and query encoding can be checked exactly.
 * No real engine is involved.
 */
interface FakeEngine {
  host: string;
  seen: string[];
  close(): Promise<void>;
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rcl-open-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

async function fakeEngine(answers: {
  version: object;
  info?: object;
  other?: Handler;
}): Promise<FakeEngine> {
  const socketPath = path.join(dir, 'engine.sock');
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const json = (status: number, body: object) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/version') return json(200, answers.version);
    if (req.url === '/info')
      return json(200, answers.info ?? { Driver: 'overlay2', DriverStatus: [] });
    if (answers.other) return answers.other(req, res);
    json(404, { message: `page not found: ${req.url}` });
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return {
    host: `unix://${socketPath}`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const DOCKER_47 = {
  Version: '27.3.1',
  ApiVersion: '1.47',
  MinAPIVersion: '1.24',
  Os: 'linux',
  Arch: 'amd64',
  Components: [{ Name: 'Engine' }],
};

describe('openConnection against a fake engine', () => {
  it('asks /version unprefixed, then pins every call to the negotiated version', async () => {
    const engine = await fakeEngine({
      version: DOCKER_47,
      info: {
        Driver: 'overlayfs',
        DriverStatus: [['driver-type', 'io.containerd.snapshotter.v1']],
      },
      other: (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('[]');
      },
    });
    try {
      const connection = await openConnection({ host: engine.host });
      expect(connection.engine).toEqual({
        endpoint: { host: engine.host },
        kind: 'docker',
        version: '27.3.1',
        apiVersion: '1.47',
        maxApiVersion: '1.47',
        minApiVersion: '1.24',
        imageStore: 'containerd',
        os: 'linux',
        arch: 'amd64',
      });
      await connection.request({
        method: 'GET',
        path: '/images/json',
        query: {
          all: true,
          filters: encodeFilters({ dangling: ['true'], label: ['a=b c'] }),
          skip: undefined,
        },
      });
      await connection.docker.listContainers({ all: true });
      expect(engine.seen).toContain('GET /version');
      expect(engine.seen).toContain(
        `GET /v1.47/images/json?all=true&filters=${encodeURIComponent('{"dangling":["true"],"label":["a=b c"]}')}`,
      );
      expect(engine.seen).toContain('GET /v1.47/containers/json?all=true');
    } finally {
      await engine.close();
    }
  });

  it('sends no body with a POST, only the query', async () => {
    let body = '';
    const engine = await fakeEngine({
      version: DOCKER_47,
      other: (req, res) => {
        req.on('data', (chunk: Buffer) => (body += chunk.toString()));
        req.on('end', () => {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end('{"ImagesDeleted":null,"SpaceReclaimed":0}');
        });
      },
    });
    try {
      const connection = await openConnection({ host: engine.host });
      const answer = await connection.request<{ SpaceReclaimed: number }>({
        method: 'POST',
        path: '/images/prune',
        query: { filters: encodeFilters({ dangling: ['false'] }) },
      });
      expect(answer.SpaceReclaimed).toBe(0);
      expect(body).toBe('');
      expect(engine.seen.at(-1)).toBe(
        `POST /v1.47/images/prune?filters=${encodeURIComponent('{"dangling":["false"]}')}`,
      );
    } finally {
      await engine.close();
    }
  });

  it("maps engine errors from request() to typed errors with the engine's words", async () => {
    const engine = await fakeEngine({
      version: DOCKER_47,
      other: (_req, res) => {
        res.writeHead(409, { 'Content-Type': 'application/json' });
        res.end('{"message":"a prune operation is already running"}');
      },
    });
    try {
      const connection = await openConnection({ host: engine.host });
      const error = await failure(connection.request({ method: 'POST', path: '/images/prune' }));
      expect(error).toMatchObject({
        code: 'CONFLICT',
        detail: 'a prune operation is already running',
        endpoint: engine.host,
      });
    } finally {
      await engine.close();
    }
  });

  it('negotiates down to the newest version Reclaim knows', async () => {
    const engine = await fakeEngine({
      version: { ...DOCKER_47, ApiVersion: '1.60', MinAPIVersion: '1.44' },
    });
    try {
      const connection = await openConnection({ host: engine.host });
      expect(connection.engine.apiVersion).toBe('1.52');
      expect(connection.engine.maxApiVersion).toBe('1.60');
    } finally {
      await engine.close();
    }
  });

  it('refuses an engine below API 1.41 with API_TOO_OLD', async () => {
    const engine = await fakeEngine({
      version: { ...DOCKER_47, Version: '19.03.15', ApiVersion: '1.40', MinAPIVersion: '1.12' },
    });
    try {
      const error = await failure(openConnection({ host: engine.host }));
      expect(error.code).toBe('API_TOO_OLD');
      expect(error.endpoint).toBe(engine.host);
    } finally {
      await engine.close();
    }
  });

  it('says ENGINE_ERROR when the socket answers but not like an engine', async () => {
    const engine = await fakeEngine({ version: { hello: 'world' } });
    try {
      expect((await failure(openConnection({ host: engine.host }))).code).toBe('ENGINE_ERROR');
    } finally {
      await engine.close();
    }
  });

  it("is not redirected by DOCKER_HOST or DOCKER_CERT_PATH in this process's environment", async () => {
    const engine = await fakeEngine({ version: DOCKER_47 });
    const saved = { host: process.env.DOCKER_HOST, certs: process.env.DOCKER_CERT_PATH };
    process.env.DOCKER_HOST = 'tcp://127.0.0.1:9';
    process.env.DOCKER_CERT_PATH = path.join(dir, 'no-such-certs');
    try {
      const connection = await openConnection({ host: engine.host });
      expect(connection.engine.apiVersion).toBe('1.47');
      expect(process.env.DOCKER_HOST).toBe('tcp://127.0.0.1:9');
    } finally {
      if (saved.host === undefined) delete process.env.DOCKER_HOST;
      else process.env.DOCKER_HOST = saved.host;
      if (saved.certs === undefined) delete process.env.DOCKER_CERT_PATH;
      else process.env.DOCKER_CERT_PATH = saved.certs;
      await engine.close();
    }
  });
});

describe('openConnection failures without an engine', () => {
  it('gives TIMEOUT when the socket accepts but never answers', async () => {
    const socketPath = path.join(dir, 'silent.sock');
    const silent = createNetServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(socketPath, resolve));
    try {
      const started = Date.now();
      const error = await failure(
        openConnection({ host: `unix://${socketPath}` }, { timeoutMs: 300 }),
      );
      expect(error.code).toBe('TIMEOUT');
      expect(error.endpoint).toBe(`unix://${socketPath}`);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      silent.close();
    }
  });

  it('gives ENGINE_NOT_RUNNING naming a socket that does not exist', async () => {
    const host = `unix://${path.join(dir, 'absent.sock')}`;
    const error = await failure(openConnection({ host }));
    expect(error).toMatchObject({
      code: 'ENGINE_NOT_RUNNING',
      cause: 'socket-missing',
      endpoint: host,
    });
  });

  it('gives TLS_FAILED naming a CA file that does not exist, before dialing', async () => {
    const caPath = path.join(dir, 'nowhere', 'ca.pem');
    const error = await failure(
      openConnection({ host: 'tcp://127.0.0.1:9', tls: { caPath, verify: true } }),
    );
    expect(error).toMatchObject({
      code: 'TLS_FAILED',
      cause: 'tls-file-missing',
      subject: caPath,
      values: { file: 'ca' },
    });
  });

  it('reaches ssh endpoints through ssh2 and names them when nothing answers', async () => {
    const closed = createNetServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const address = closed.address();
    await new Promise((resolve) => closed.close(resolve));
    const port = typeof address === 'object' && address !== null ? address.port : 1;
    const host = `ssh://someone@127.0.0.1:${port}`;
    const error = await failure(openConnection({ host }, { sshAuthSock: '' }));
    expect(error).toMatchObject({
      code: 'ENGINE_NOT_RUNNING',
      endpoint: host,
      values: { hint: 'check-ssh-engine', command: `ssh -p ${port} someone@127.0.0.1` },
    });
  });

  it('gives ENDPOINT_INVALID for an address it cannot parse', async () => {
    expect((await failure(openConnection({ host: 'http://engine:2375' }))).code).toBe(
      'ENDPOINT_INVALID',
    );
  });
});
