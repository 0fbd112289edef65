import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX, TOKEN_HEADER } from '../../shared/transport';
import { HistoryStore } from '../history/history-store';
import { fakeEngine } from '../service/fake-engine.fixture';
import { ReclaimService } from '../service/reclaim-service';
import { SettingsStore } from '../settings/settings-store';
import { callApi, openEventStream, rawRequest, type EventStream } from './http-client.fixture';
import { startWebServer, type RunningWebServer, type WebLimits } from './server';

const TOKEN = 'unit-test-token-0123456789-limits';

/**
 * The bounds one local client meets in browser mode, each narrowed so a test can reach it,
 * and each checked to leave the server answering everyone else.
 */
describe('browser-mode server limits', () => {
  let dir: string;
  let service: ReclaimService;
  const servers: RunningWebServer[] = [];
  const sockets: net.Socket[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'reclaim-web-limits-'));
    await mkdir(path.join(dir, 'renderer'));
    await writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>R</title>');
    service = new ReclaimService({
      engine: fakeEngine(),
      settings: await SettingsStore.open(path.join(dir, 'settings')),
      history: await HistoryStore.open(path.join(dir, 'settings')),
      openExternal: () => undefined,
    });
  });
  afterEach(async () => {
    sockets.splice(0).forEach((socket) => socket.destroy());
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  afterAll(async () => {
    service.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function serve(limits: Partial<WebLimits>): Promise<number> {
    const server = await startWebServer({
      service,
      rendererDir: path.join(dir, 'renderer'),
      token: TOKEN,
      port: 0,
      limits,
    });
    servers.push(server);
    return server.port;
  }

  function openSocket(port: number): Promise<net.Socket> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: '127.0.0.1', port }, () => resolve(socket));
      socket.on('error', reject);
      sockets.push(socket);
    });
  }

  const settingsCall = (port: number): Promise<unknown> => callApi(port, TOKEN, 'getSettings', []);

  it('answers an event stream beyond the bound 429, and opens one once another closes', async () => {
    const port = await serve({ maxEventStreams: 2 });
    const open: EventStream[] = [await openEventStream(port, TOKEN)];
    open.push(await openEventStream(port, TOKEN));
    try {
      await expect(openEventStream(port, TOKEN)).rejects.toThrow('HTTP 429');
      open.shift()?.close();
      // The server notices the close on its side a moment later.
      await expect
        .poll(async () => {
          const stream = await openEventStream(port, TOKEN).catch(() => null);
          if (stream) open.push(stream);
          return stream !== null;
        })
        .toBe(true);
      expect(await settingsCall(port)).toMatchObject({ ok: true });
    } finally {
      open.forEach((stream) => stream.close());
    }
  });

  it('closes a connection whose headers never end (slow loris), and serves others meanwhile', async () => {
    const port = await serve({ headersTimeoutMs: 400, requestTimeoutMs: 800 });
    const slow = await openSocket(port);
    const closed = new Promise<string>((resolve) => {
      let answer = '';
      slow.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
      slow.on('close', () => resolve(answer));
    });
    slow.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: `);
    expect(await settingsCall(port)).toMatchObject({ ok: true });
    expect(await closed).toMatch(/^HTTP\/1\.1 408/);
  });

  it('refuses connections beyond the bound, and takes new ones when some close', async () => {
    const port = await serve({ maxConnections: 3 });
    const idle = await Promise.all([openSocket(port), openSocket(port), openSocket(port)]);
    await expect(settingsCall(port)).rejects.toThrow(/socket hang up|ECONNRESET/);
    idle.forEach((socket) => socket.destroy());
    await expect.poll(() => settingsCall(port).catch(() => null)).toMatchObject({ ok: true });
  });

  it('answers a call larger than the bound with a validation error it can show', async () => {
    const port = await serve({ maxBodyBytes: 1_000 });
    const response = await rawRequest(port, `${API_PREFIX}getSettings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN },
      body: JSON.stringify(['x'.repeat(5_000)]),
    });
    expect(JSON.parse(response.body)).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        cause: 'arguments-too-large',
        values: { method: 'getSettings', limit: 1_000 },
      },
    });
    expect(await settingsCall(port)).toMatchObject({ ok: true });
  });

  it('serves a user with room to spare by default', async () => {
    const port = await serve({});
    const streams = await Promise.all([1, 2, 3].map(() => openEventStream(port, TOKEN)));
    try {
      const calls = await Promise.all(Array.from({ length: 20 }, () => settingsCall(port)));
      expect(calls.every((outcome) => (outcome as { ok: boolean }).ok)).toBe(true);
    } finally {
      streams.forEach((stream) => stream.close());
    }
  });
});
