import { describe, expect, it } from 'vitest';
import { EVENT_NAMES, METHOD_NAMES, type EventName, type Outcome } from './contract';
import {
  createRendererApi,
  EVENTS_PATH,
  methodNameOf,
  methodPath,
  subscriberName,
  TOKEN_HEADER,
  TOKEN_PARAM,
  type Call,
  type Subscribe,
} from './transport';

/** A call/subscribe pair that records what the API hands it. */
function recordingTransport() {
  const calls: { name: string; args: unknown[] }[] = [];
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const call: Call = async (name, args) => {
    calls.push({ name, args });
    return { ok: true, value: `answer of ${name}` } as unknown as Outcome<never>;
  };
  const subscribe: Subscribe = (event, listener) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  };
  const emit = (event: EventName, payload: unknown): void => {
    for (const listener of listeners.get(event) ?? []) listener(payload as never);
  };
  return { call, subscribe, calls, listeners, emit };
}

describe('createRendererApi', () => {
  it('has exactly one function per contract method and one on… subscriber per event', () => {
    const { call, subscribe } = recordingTransport();
    const api = createRendererApi(call, subscribe) as unknown as Record<string, unknown>;
    const expected = [...METHOD_NAMES, ...EVENT_NAMES.map(subscriberName)].sort();
    expect(Object.keys(api).sort()).toEqual(expected);
    for (const key of expected) expect(typeof api[key], key).toBe('function');
  });

  it('sends every method under its own name with its arguments unchanged', async () => {
    const { call, subscribe, calls } = recordingTransport();
    const api = createRendererApi(call, subscribe) as unknown as Record<
      string,
      (...args: unknown[]) => Promise<unknown>
    >;
    for (const name of METHOD_NAMES) {
      const args = [`first ${name}`, { second: name }];
      const answer = await api[name]?.(...args);
      expect(answer, name).toEqual({ ok: true, value: `answer of ${name}` });
      expect(calls.at(-1), name).toEqual({ name, args });
    }
    expect(calls).toHaveLength(METHOD_NAMES.length);
  });

  it('hands each event to its own subscribers only, and stops after unsubscribe', () => {
    const { call, subscribe, listeners, emit } = recordingTransport();
    const api = createRendererApi(call, subscribe);
    const statuses: unknown[] = [];
    const progress: unknown[] = [];
    const stopStatus = api.onEngineStatus((status) => statuses.push(status));
    api.onRunProgress((event) => progress.push(event));
    emit('engineStatus', { state: 'connecting', endpoint: 'x' });
    stopStatus();
    emit('engineStatus', { state: 'connecting', endpoint: 'y' });
    expect(statuses).toEqual([{ state: 'connecting', endpoint: 'x' }]);
    expect(progress).toEqual([]);
    expect(listeners.get('engineStatus')?.size).toBe(0);
    expect(listeners.get('runProgress')?.size).toBe(1);
  });

  it('subscribes each on… to the event it is named after', () => {
    const { call, subscribe, listeners } = recordingTransport();
    const api = createRendererApi(call, subscribe) as unknown as Record<
      string,
      (listener: () => void) => () => void
    >;
    for (const event of EVENT_NAMES) {
      api[subscriberName(event)]?.(() => undefined);
      expect(listeners.get(event)?.size, event).toBe(1);
    }
  });
});

describe('browser-mode wire names', () => {
  // Pinned here once: the client and the server both read them from transport.ts, so a
  // change would still pass their tests but break every already-open page and script.
  it('are the token header and parameter, /api/<method> and /api/events', () => {
    expect(TOKEN_HEADER).toBe('x-reclaim-token');
    expect(TOKEN_PARAM).toBe('token');
    expect(methodPath('getSettings')).toBe('/api/getSettings');
    expect(EVENTS_PATH).toBe('/api/events');
    expect(subscriberName('inventoryChanged')).toBe('onInventoryChanged');
  });

  it('reads the method name back from a request path, and nothing from other paths', () => {
    expect(methodNameOf(methodPath('planPrune'))).toBe('planPrune');
    expect(methodNameOf('/api/')).toBe('');
    expect(methodNameOf('/index.html')).toBeNull();
    expect(methodNameOf('/apix/getSettings')).toBeNull();
  });
});
