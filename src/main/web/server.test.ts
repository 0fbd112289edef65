import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../shared/contract';
import { EVENTS_PATH, methodPath, TOKEN_HEADER, TOKEN_PARAM } from '../../shared/transport';
import { RENDERER_CSP_HEADER } from '../csp';
import { fakeEngine } from '../service/fake-engine.fixture';
import { METHOD_CASES } from '../service/method-cases.fixture';
import { ReclaimService } from '../service/reclaim-service';
import { SettingsStore } from '../settings/settings-store';
import { HistoryStore } from '../history/history-store';
import { callApi, openEventStream, rawRequest } from './http-client.fixture';
import { startWebServer, type RunningWebServer } from './server';

const TOKEN = 'unit-test-token-0123456789';

/**
 * The HTTP layer of browser mode, over a service with a scripted engine. The same server
 * against a real private engine is in server.engine.test.ts.
 */
describe('browser-mode server', () => {
  let dir: string;
  let service: ReclaimService;
  let server: RunningWebServer;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'reclaim-web-'));
    const rendererDir = path.join(dir, 'renderer');
    await mkdir(rendererDir);
    await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Reclaim</title>');
    service = new ReclaimService({
      engine: fakeEngine(),
      settings: await SettingsStore.open(path.join(dir, 'settings')),
      history: await HistoryStore.open(path.join(dir, 'settings')),
      openExternal: () => undefined,
    });
    server = await startWebServer({ service, rendererDir, token: TOKEN, port: 0 });
  });
  afterAll(async () => {
    await server.close();
    service.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** The page's path as printed: its secret folder. */
  const pagePath = (): string => new URL(server.url).pathname;

  it('listens on 127.0.0.1 and prints a URL carrying the token under a secret folder', () => {
    const url = new URL(server.url);
    expect(url.origin).toBe(`http://127.0.0.1:${server.port}`);
    expect(url.pathname).toMatch(/^\/[\w-]{32}\/$/);
    expect(url.searchParams.get(TOKEN_PARAM)).toBe(TOKEN);
  });

  it('answers 401 to every kind of request without the right token', async () => {
    const port = server.port;
    expect((await rawRequest(port, '/')).status).toBe(401);
    expect((await rawRequest(port, `/?${TOKEN_PARAM}=wrong`)).status).toBe(401);
    expect((await rawRequest(port, EVENTS_PATH)).status).toBe(401);
    for (const headers of [{}, { [TOKEN_HEADER]: 'wrong' }] as Record<string, string>[]) {
      const response = await rawRequest(port, methodPath('getSettings'), {
        method: 'POST',
        headers,
        body: '[]',
      });
      expect(response.status).toBe(401);
    }
    // A token in the query is not enough for an API call: it must be the header.
    expect(
      (
        await rawRequest(port, `${methodPath('getSettings')}?${TOKEN_PARAM}=${TOKEN}`, {
          method: 'POST',
          body: '[]',
        })
      ).status,
    ).toBe(401);
  });

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    const response = await rawRequest(server.port, `/?${TOKEN_PARAM}=${TOKEN}`, {
      headers: { host: `evil.example:${server.port}` },
    });
    expect(response.status).toBe(403);
  });

  it('serves the page and its assets under the secret folder, with the CSP header', async () => {
    const page = await rawRequest(server.port, `${pagePath()}?${TOKEN_PARAM}=${TOKEN}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Reclaim</title>');
    expect(page.headers['content-security-policy']).toBe(RENDERER_CSP_HEADER);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    // Its assets (and a reload) need neither the token nor a cookie: the folder admits them.
    expect((await rawRequest(server.port, `${pagePath()}index.html`)).status).toBe(200);
  });

  it('never puts the token in a cookie, and a cookie admits nothing', async () => {
    const page = await rawRequest(server.port, `${pagePath()}?${TOKEN_PARAM}=${TOKEN}`);
    expect(page.headers['set-cookie']).toBeUndefined();
    // Any page on another port of 127.0.0.1 could read a cookie; none is ever honoured.
    for (const cookie of [`reclaim_token_${server.port}=${TOKEN}`, `token=${TOKEN}`]) {
      const asset = await rawRequest(server.port, '/index.html', { headers: { cookie } });
      expect(asset.status).toBe(401);
    }
    // Outside the secret folder nothing is served, even with the token.
    expect((await rawRequest(server.port, `/index.html?${TOKEN_PARAM}=${TOKEN}`)).status).toBe(404);
    expect((await rawRequest(server.port, `/${'x'.repeat(32)}/index.html`)).status).toBe(401);
  });

  it('answers each method with its Outcome, and VALIDATION for malformed arguments', async () => {
    for (const name of METHOD_NAMES) {
      const valid = (await callApi(server.port, TOKEN, name, METHOD_CASES[name].valid)) as {
        ok: boolean;
      };
      expect(typeof valid.ok, name).toBe('boolean');
      for (const malformed of METHOD_CASES[name].malformed) {
        const outcome = await callApi(server.port, TOKEN, name, malformed);
        expect(outcome, `${name} ${JSON.stringify(malformed)}`).toMatchObject({
          ok: false,
          error: { code: 'VALIDATION' },
        });
      }
    }
  });

  it('refuses an unknown method, a body that is not JSON, and a GET on the API', async () => {
    expect(await callApi(server.port, TOKEN, '__proto__', [])).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', cause: 'unknown-method', subject: '__proto__' },
    });
    const notJson = await rawRequest(server.port, methodPath('getSettings'), {
      method: 'POST',
      headers: { [TOKEN_HEADER]: TOKEN },
      body: '{nope',
    });
    expect(JSON.parse(notJson.body)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', cause: 'arguments-not-json', values: { method: 'getSettings' } },
    });
    expect(
      (await rawRequest(server.port, `${methodPath('getSettings')}?${TOKEN_PARAM}=${TOKEN}`))
        .status,
    ).toBe(405);
  });

  it('streams the current engine status, then every event', async () => {
    const stream = await openEventStream(server.port, TOKEN);
    try {
      await stream.next('engineStatus');
      await callApi(server.port, TOKEN, 'connect', [{ host: 'unix:///tmp/web-test.sock' }]);
      const connected = await stream.next<{ state: string }>(
        'engineStatus',
        (status) => status.state === 'connected',
      );
      expect(connected).toMatchObject({
        engine: { endpoint: { host: 'unix:///tmp/web-test.sock' } },
      });
    } finally {
      stream.close();
    }
  });
});
