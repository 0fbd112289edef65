/**
 * More than a thousand generated hostile calls through browser mode's HTTP API, to every
 * method, against a real private engine: each is answered (a validation error where the call
 * cannot pass its schema, a clear Outcome where it can), the server and the engine connection
 * stay up, and the engine's images, containers, volumes and networks are exactly as before.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/errors';
import type { Outcome } from '../../shared/contract';
import { API_PREFIX, TOKEN_HEADER } from '../../shared/transport';
import { startPrivateDocker, type PrivateDocker } from '../../../test/engine/dockerd';
import { loadFixtures } from '../../../test/engine/fixtures';
import { describeEngine } from '../../../test/engine/gate';
import { assertPrivateEndpoint } from '../../../test/engine/guard';
import { HistoryStore } from '../history/history-store';
import { createReclaimService } from '../service/create-service';
import type { ReclaimService } from '../service/reclaim-service';
import { SettingsStore } from '../settings/settings-store';
import { badCalls } from './bad-input.fixture';
import { callApi, rawRequest } from './http-client.fixture';
import { DEFAULT_WEB_LIMITS, startWebServer, type RunningWebServer } from './server';

const TOKEN = 'bad-input-test-token-0123456789abcdef';

describeEngine('browser mode under a storm of bad input', () => {
  let engine: PrivateDocker;
  let dir: string;
  let service: ReclaimService;
  let server: RunningWebServer;
  const opened: string[] = [];

  /** What the engine holds, from the CLI: the expected side never comes from Reclaim. */
  async function engineState(): Promise<Record<string, string[]>> {
    const list = async (args: string[]): Promise<string[]> =>
      (await engine.dockerOk(args)).split('\n').filter(Boolean).sort();
    return {
      images: await list([
        'image',
        'ls',
        '-a',
        '--no-trunc',
        '--format',
        '{{.ID}} {{.Repository}}:{{.Tag}}',
      ]),
      containers: await list([
        'container',
        'ls',
        '-a',
        '--no-trunc',
        '--format',
        '{{.ID}} {{.State}}',
      ]),
      volumes: await list(['volume', 'ls', '-q']),
      networks: await list(['network', 'ls', '-q', '--no-trunc']),
    };
  }

  beforeAll(async () => {
    engine = await startPrivateDocker();
    assertPrivateEndpoint(engine.host);
    await loadFixtures(engine);
    await engine.dockerOk(['volume', 'create', 'bad-input-volume']);
    dir = await mkdtemp(path.join(tmpdir(), 'reclaim-bad-input-'));
    service = createReclaimService({
      settings: await SettingsStore.open(dir),
      history: await HistoryStore.open(dir),
      openExternal: (url) => void opened.push(url),
    });
    expect((await service.start({ host: engine.host })).state).toBe('connected');
    server = await startWebServer({ service, rendererDir: dir, token: TOKEN, port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    service?.close();
    await engine?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('answers every bad call, keeps running, and changes nothing on the engine', async () => {
    const before = await engineState();
    const settingsBefore = await service.getSettings();
    const calls = badCalls(DEFAULT_WEB_LIMITS.maxBodyBytes);
    expect(calls.length).toBeGreaterThanOrEqual(1_000);

    const wrong: string[] = [];
    let validationErrors = 0;
    // A few at a time, as a busy page would send them.
    for (let start = 0; start < calls.length; start += 8) {
      await Promise.all(
        calls.slice(start, start + 8).map(async (call) => {
          const response = await rawRequest(server.port, `${API_PREFIX}${call.method}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN },
            body: call.body,
          });
          // A name that is not a single path segment is simply not an API path.
          if (response.status === 404 && call.method.includes('/')) {
            validationErrors += 1;
            return;
          }
          if (response.status !== 200) {
            wrong.push(`${call.label}: HTTP ${response.status}`);
            return;
          }
          const outcome = JSON.parse(response.body) as Outcome<unknown>;
          if (call.kind === 'invalid') {
            if (!outcome.ok && outcome.error.code === 'VALIDATION') validationErrors += 1;
            else wrong.push(`${call.label}: ${response.body.slice(0, 160)}`);
            return;
          }
          // Odd contents of the right types: a clear error, or a preview; never INTERNAL.
          if (
            !outcome.ok &&
            (outcome.error.code === 'INTERNAL' || !ERROR_CODES.includes(outcome.error.code))
          ) {
            wrong.push(`${call.label}: ${response.body.slice(0, 160)}`);
          }
          if (!outcome.ok && outcome.error.code === 'VALIDATION') validationErrors += 1;
        }),
      );
    }

    expect(wrong).toEqual([]);
    // The server is alive, still connected to the same engine, and nothing was opened or run.
    expect(await callApi(server.port, TOKEN, 'getEngineStatus', [])).toMatchObject({
      ok: true,
      value: { state: 'connected', engine: { endpoint: { host: engine.host } } },
    });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(opened).toEqual([]);
    expect(await service.getSettings()).toEqual(settingsBefore);
    expect(await engineState()).toEqual(before);
    const invalid = calls.filter((call) => call.kind === 'invalid').length;
    console.info(
      `bad input: ${calls.length} calls tried (${invalid} invalid, ${calls.length - invalid} odd), ` +
        `${validationErrors} answered with a validation error, server alive, 0 items lost`,
    );
  });
});
