/**
 * Tests src/preload/index.ts. It lives here because the unit project runs src/main/**; the
 * preload itself is one file and must stay that way (a sandboxed preload is a single bundle).
 * The API object is built by shared/transport.ts; these tests check what reaches the page
 * over real IPC calls: the names, the channels, and that no IPC event leaks through.
 */
import { describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES, METHOD_NAMES } from '../../shared/contract';
import { subscriberName } from '../../shared/transport';

type Relay = (event: unknown, payload: unknown) => void;

const bridge = vi.hoisted(() => ({
  exposed: [] as [string, Record<string, unknown>][],
  invoked: [] as unknown[][],
  listeners: new Map<string, Set<(event: unknown, payload: unknown) => void>>(),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: Record<string, unknown>) =>
      bridge.exposed.push([key, value]),
  },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      bridge.invoked.push(args);
      return { ok: true, value: null };
    },
    on: (channel: string, listener: Relay) => {
      if (!bridge.listeners.has(channel)) bridge.listeners.set(channel, new Set());
      bridge.listeners.get(channel)?.add(listener);
    },
    removeListener: (channel: string, listener: Relay) =>
      bridge.listeners.get(channel)?.delete(listener),
  },
}));

await import('../../preload/index');

function exposedApi(): Record<string, unknown> {
  expect(bridge.exposed).toHaveLength(1);
  const [key, api] = bridge.exposed[0] ?? ['', {}];
  expect(key).toBe('api');
  return api;
}

describe('the preload', () => {
  it('exposes only window.api: one function per method and one on… per event, nothing else', () => {
    const api = exposedApi();
    const events = EVENT_NAMES.map(subscriberName);
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES, ...events].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    // No generic door: nothing named like invoke/send/ipcRenderer.
    expect(Object.keys(api).filter((key) => /invoke|send|ipc|^on$/i.test(key))).toEqual([]);
  });

  it('sends each method on its own channel with the arguments unchanged', async () => {
    const api = exposedApi();
    const planRemoval = api['planRemoval'] as (...args: unknown[]) => Promise<unknown>;
    await planRemoval(['redis'], { force: false });
    expect(bridge.invoked.at(-1)).toEqual(['reclaim:planRemoval', ['redis'], { force: false }]);
  });

  it('hands listeners the payload only, never the IPC event, and unsubscribes', () => {
    const api = exposedApi();
    const received: unknown[][] = [];
    const subscribe = api['onEngineStatus'] as (
      listener: (...args: unknown[]) => void,
    ) => () => void;
    const unsubscribe = subscribe((...args) => received.push(args));
    const relays = bridge.listeners.get('reclaim:event:engineStatus');
    expect(relays?.size).toBe(1);
    for (const relay of relays ?? [])
      relay({ sender: 'secret ipc event' }, { state: 'connecting' });
    expect(received).toEqual([[{ state: 'connecting' }]]);
    unsubscribe();
    expect(relays?.size).toBe(0);
  });
});
