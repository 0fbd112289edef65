import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineStatus } from '../../shared/contract';
import { ReclaimFailure, type ReclaimError } from '../../shared/errors';
import { EngineSession, RETRY_FIRST_MS } from './engine-session';
import { EventHub } from './event-hub';
import { fakeEngine, type FakeEngine } from './fake-engine.fixture';

const ENDPOINT = { host: 'unix:///tmp/session-test.sock' };

function refusal(session: EngineSession): ReclaimError {
  try {
    session.require();
  } catch (error) {
    if (error instanceof ReclaimFailure) return error.error;
    throw error;
  }
  throw new Error('require() gave an engine');
}

describe('EngineSession retries', () => {
  let engine: FakeEngine;
  let hub: EventHub;
  let session: EngineSession;
  let announced: EngineStatus[];

  beforeEach(() => {
    vi.useFakeTimers();
    engine = fakeEngine();
    hub = new EventHub();
    announced = [];
    hub.on('engineStatus', (status) => announced.push(status));
    session = new EngineSession(engine, hub);
  });
  afterEach(() => {
    session.close();
    vi.useRealTimers();
  });

  it('keeps trying an engine that is not running, quietly, and announces when it answers', async () => {
    engine.refuse.add(ENDPOINT.host);
    await session.connect(ENDPOINT);
    expect(announced.map((status) => status.state)).toEqual(['connecting', 'connecting', 'error']);

    await vi.advanceTimersByTimeAsync(RETRY_FIRST_MS);
    // Failed the same way again: nothing new to say, no flicker through "connecting".
    expect(announced).toHaveLength(3);

    engine.refuse.delete(ENDPOINT.host);
    await vi.advanceTimersByTimeAsync(RETRY_FIRST_MS * 2);
    expect(announced.at(-1)).toMatchObject({ state: 'connected', engine: { endpoint: ENDPOINT } });
    expect(session.getStatus().state).toBe('connected');
  });

  it('reports a lost engine at once, then reconnects to the same endpoint', async () => {
    await session.connect(ENDPOINT);
    announced.length = 0;
    engine.follow?.onLost(new Error('socket closed'));
    expect(announced.map((status) => status.state)).toEqual(['error']);
    expect(() => session.require()).toThrow();

    await vi.advanceTimersByTimeAsync(RETRY_FIRST_MS);
    expect(announced.map((status) => status.state)).toEqual(['error', 'connected']);
    expect(session.require().connection.engine.endpoint).toEqual(ENDPOINT);
  });

  it('stops retrying once closed', async () => {
    engine.refuse.add(ENDPOINT.host);
    await session.connect(ENDPOINT);
    const spy = vi.spyOn(engine, 'openConnection');
    session.close();
    await vi.advanceTimersByTimeAsync(RETRY_FIRST_MS * 10);
    expect(spy).not.toHaveBeenCalled();
  });

  it('ignores events from a connection it has replaced', async () => {
    await session.connect(ENDPOINT);
    const stale = engine.follow;
    await session.connect({ host: 'unix:///tmp/other.sock' });
    announced.length = 0;
    stale?.onLost(new Error('old stream ended'));
    expect(announced).toEqual([]);
    expect(session.getStatus().state).toBe('connected');
  });

  it('says why there is no engine: none asked for yet, still connecting, or the last failure', async () => {
    expect(refusal(session)).toEqual({ code: 'NOT_CONNECTED', cause: 'not-connected-yet' });
    engine.refuse.add(ENDPOINT.host);
    const attempt = session.connect(ENDPOINT);
    expect(refusal(session)).toEqual({
      code: 'NOT_CONNECTED',
      cause: 'still-connecting',
      endpoint: ENDPOINT.host,
    });
    await attempt;
    expect(refusal(session)).toEqual({
      code: 'NOT_CONNECTED',
      cause: 'engine-unavailable',
      endpoint: ENDPOINT.host,
      values: {
        hint: 'start-docker-service',
        reasonCode: 'ENGINE_NOT_RUNNING',
        reasonCause: 'connection-refused',
      },
    });
  });
});
