import { describe, expect, it, vi, beforeEach } from 'vitest';
import { EVENT_NAMES, METHOD_NAMES, type ApiEvents, type EventName } from '../shared/contract';
import type { Service } from './service/service-api';
import { METHOD_CASES } from './service/method-cases.fixture';
import { EventHub } from './service/event-hub';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

const handlers = vi.hoisted(
  () => new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
);

vi.mock('electron', () => ({
  ipcMain: {
    handle: vi.fn((channel: string, handler: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, handler);
    }),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
  },
}));

const { registerIpcHandlers, forwardEvents } = await import('./ipc');

const APP = 'app://reclaim';
const fromApp = { senderFrame: { url: `${APP}/index.html`, parent: null } };

/** A service whose methods record calls; events go through a real EventHub. */
function recordingService(): Service & { calls: string[]; hub: EventHub } {
  const hub = new EventHub();
  const calls: string[] = [];
  const service: Record<string, unknown> = {
    calls,
    hub,
    on: <K extends EventName>(name: K, listener: (payload: ApiEvents[K]) => void) =>
      hub.on(name, listener),
  };
  for (const name of METHOD_NAMES) {
    service[name] = async () => {
      calls.push(name);
      return `${name} result`;
    };
  }
  return service as unknown as Service & { calls: string[]; hub: EventHub };
}

function handler(name: string): Handler {
  const found = handlers.get(`reclaim:${name}`);
  if (!found) throw new Error(`no handler for ${name}`);
  return found;
}

describe('IPC handlers', () => {
  let service: ReturnType<typeof recordingService>;
  let unregister: () => void;
  beforeEach(() => {
    unregister?.();
    handlers.clear();
    service = recordingService();
    unregister = registerIpcHandlers(service, [APP]);
  });

  it('registers exactly one handler per contract method and nothing else', () => {
    expect([...handlers.keys()].sort()).toEqual(
      METHOD_NAMES.map((name) => `reclaim:${name}`).sort(),
    );
  });

  it('removes every handler again on unregister', () => {
    unregister();
    expect(handlers.size).toBe(0);
  });

  for (const name of METHOD_NAMES) {
    it(`${name}: a call from the app's own page reaches the service`, async () => {
      const outcome = await handler(name)(fromApp, ...METHOD_CASES[name].valid);
      expect(outcome).toEqual({ ok: true, value: `${name} result` });
      expect(service.calls).toEqual([name]);
    });

    it(`${name}: malformed arguments get VALIDATION and never reach the service`, async () => {
      for (const malformed of METHOD_CASES[name].malformed) {
        // IPC spreads arguments; a non-array "argument list" arrives as one argument.
        const args = Array.isArray(malformed) ? malformed : [malformed];
        const outcome = await handler(name)(fromApp, ...args);
        expect(outcome, JSON.stringify(malformed)).toMatchObject({
          ok: false,
          error: { code: 'VALIDATION' },
        });
      }
      expect(service.calls).toEqual([]);
    });
  }

  it.each([
    ['another origin', { url: 'https://evil.example/', parent: null }],
    ['a file:// page', { url: 'file:///tmp/index.html', parent: null }],
    ['an iframe inside the app', { url: `${APP}/index.html`, parent: {} }],
    ['a look-alike host', { url: 'app://reclaim.evil/index.html', parent: null }],
    ['a destroyed frame', null],
  ])('refuses a call from %s for every method', async (_label, senderFrame) => {
    for (const name of METHOD_NAMES) {
      const outcome = await handler(name)({ senderFrame }, ...METHOD_CASES[name].valid);
      expect(outcome).toEqual({
        ok: false,
        error: { code: 'VALIDATION', cause: 'untrusted-sender' },
      });
    }
    expect(service.calls).toEqual([]);
  });

  it('accepts the dev server origin only when it is listed', async () => {
    const dev = { senderFrame: { url: 'http://localhost:5173/', parent: null } };
    expect(await handler('getSettings')(dev)).toMatchObject({ ok: false });
    unregister();
    registerIpcHandlers(service, [APP, 'http://localhost:5173']);
    expect(await handler('getSettings')(dev)).toMatchObject({ ok: true });
  });
});

describe('event forwarding', () => {
  it('sends each contract event on its channel until the window is destroyed', () => {
    const service = recordingService();
    const sent: [string, unknown][] = [];
    let destroyed = false;
    let onDestroyed: () => void = () => undefined;
    const contents = {
      isDestroyed: () => destroyed,
      send: (channel: string, payload: unknown) => sent.push([channel, payload]),
      once: (_event: 'destroyed', listener: () => void) => {
        onDestroyed = listener;
      },
    };
    forwardEvents(service, contents as never);
    for (const name of EVENT_NAMES) service.hub.emit(name, { name } as never);
    expect(sent).toEqual(EVENT_NAMES.map((name) => [`reclaim:event:${name}`, { name }]));
    destroyed = true;
    onDestroyed();
    service.hub.emit('engineStatus', { state: 'connecting', endpoint: 'x' });
    expect(sent).toHaveLength(EVENT_NAMES.length);
  });
});
