import { describe, expect, it } from 'vitest';
import { EVENT_NAMES, METHOD_NAMES } from '../../../shared/contract';
import {
  EVENTS_PATH,
  methodPath,
  subscriberName,
  TOKEN_HEADER,
  TOKEN_PARAM,
} from '../../../shared/transport';
import { createBrowserApi } from './browser-api';
import { readToken } from './token';

interface Sent {
  url: string;
  init: RequestInit;
}

function fakeFetch(answer: (url: string) => Response | Promise<Response>): {
  fetch: typeof fetch;
  sent: Sent[];
} {
  const sent: Sent[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    sent.push({ url, init: init ?? {} });
    return answer(url);
  }) as typeof fetch;
  return { fetch: fetchImpl, sent };
}

/** Records the one stream the client opens and lets the test push named events into it. */
class FakeEventSource {
  static opened: FakeEventSource[] = [];
  readonly listeners = new Map<string, Set<(message: MessageEvent<string>) => void>>();
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(name: string, listener: (message: MessageEvent<string>) => void): void {
    if (!this.listeners.has(name)) this.listeners.set(name, new Set());
    this.listeners.get(name)?.add(listener);
  }
  removeEventListener(name: string, listener: (message: MessageEvent<string>) => void): void {
    this.listeners.get(name)?.delete(listener);
  }
  push(name: string, payload: unknown): void {
    for (const listener of this.listeners.get(name) ?? []) {
      listener(new MessageEvent(name, { data: JSON.stringify(payload) }));
    }
  }
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('the browser-mode window.api', () => {
  it('has exactly one function per contract method and one subscriber per event', () => {
    const api = createBrowserApi({ token: 't', fetch: fakeFetch(() => json({})).fetch });
    const expected = [...METHOD_NAMES, ...EVENT_NAMES.map(subscriberName)].sort();
    expect(Object.keys(api).sort()).toEqual(expected);
    for (const key of expected)
      expect(typeof (api as unknown as Record<string, unknown>)[key]).toBe('function');
  });

  it('POSTs the arguments as a JSON array with the token header and returns the Outcome', async () => {
    const { fetch, sent } = fakeFetch(() => json({ ok: true, value: { theme: 'dark' } }));
    const api = createBrowserApi({ token: 'secret', fetch });
    const outcome = await api.updateSettings({ theme: 'dark' });
    expect(outcome).toEqual({ ok: true, value: { theme: 'dark' } });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe(methodPath('updateSettings'));
    expect(sent[0]?.init.method).toBe('POST');
    expect((sent[0]?.init.headers as Record<string, string>)[TOKEN_HEADER]).toBe('secret');
    expect(JSON.parse(String(sent[0]?.init.body))).toEqual([{ theme: 'dark' }]);
  });

  it('turns a refused token and a dead server into error Outcomes, never a throw', async () => {
    const refused = createBrowserApi({
      token: 'bad',
      fetch: fakeFetch(() => new Response('', { status: 401 })).fetch,
    });
    expect(await refused.getSettings()).toEqual({
      ok: false,
      error: { code: 'VALIDATION', cause: 'browser-token-refused' },
    });
    const dead = createBrowserApi({
      token: 't',
      fetch: fakeFetch(() => Promise.reject(new TypeError('Failed to fetch'))).fetch,
    });
    expect(await dead.getEngineStatus()).toEqual({
      ok: false,
      error: { code: 'INTERNAL', cause: 'browser-server-unreachable', detail: 'Failed to fetch' },
    });
  });

  it('delivers events from one shared stream and stops after unsubscribe', () => {
    FakeEventSource.opened = [];
    const api = createBrowserApi({
      token: 'a b',
      fetch: fakeFetch(() => json({})).fetch,
      EventSource: FakeEventSource as unknown as typeof EventSource,
    });
    const statuses: unknown[] = [];
    const progress: unknown[] = [];
    const stopStatus = api.onEngineStatus((status) => statuses.push(status));
    api.onRunProgress((event) => progress.push(event));
    expect(FakeEventSource.opened.map((source) => source.url)).toEqual([
      `${EVENTS_PATH}?${TOKEN_PARAM}=a%20b`,
    ]);
    const stream = FakeEventSource.opened[0];
    stream?.push('engineStatus', { state: 'connecting', endpoint: 'x' });
    stopStatus();
    stream?.push('engineStatus', { state: 'connecting', endpoint: 'y' });
    expect(statuses).toEqual([{ state: 'connecting', endpoint: 'x' }]);
    expect(progress).toEqual([]);
  });
});

describe('openDocs in browser mode', () => {
  it('opens a tab only after the server accepted the link', async () => {
    const tabs: string[] = [];
    const { fetch, sent } = fakeFetch((url) =>
      json(
        url.endsWith(methodPath('openDocs')) && sent.length === 1
          ? { ok: true }
          : { ok: false, error: { code: 'VALIDATION' } },
      ),
    );
    const api = createBrowserApi({ token: 't', fetch, openTab: (url) => tabs.push(url) });
    expect(await api.openDocs('https://docs.docker.com/')).toEqual({ ok: true });
    expect(await api.openDocs('https://evil.example/')).toMatchObject({ ok: false });
    expect(tabs).toEqual(['https://docs.docker.com/']);
    expect(sent.map((request) => request.url)).toEqual([
      methodPath('openDocs'),
      methodPath('openDocs'),
    ]);
  });
});

describe('readToken', () => {
  it('takes the token from the URL, then remembers it for this tab', () => {
    sessionStorage.clear();
    expect(readToken({ search: '' }, sessionStorage)).toBeNull();
    expect(readToken({ search: '?token=abc' }, sessionStorage)).toBe('abc');
    expect(readToken({ search: '' }, sessionStorage)).toBe('abc');
  });
});
