import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchEngine } from './engine-watchdog';

describe('the engine watchdog', () => {
  afterEach(() => vi.useRealTimers());

  it('pings on its interval and stays quiet while the engine answers', async () => {
    vi.useFakeTimers();
    const ping = vi.fn(() => Promise.resolve('OK'));
    const onUnresponsive = vi.fn();
    const watchdog = watchEngine(ping, onUnresponsive, { everyMs: 1_000, timeoutMs: 500 });
    await vi.advanceTimersByTimeAsync(3_500);
    expect(ping).toHaveBeenCalledTimes(3);
    expect(onUnresponsive).not.toHaveBeenCalled();
    watchdog.stop();
  });

  it('forgives one slow answer, but not two in a row', async () => {
    vi.useFakeTimers();
    let call = 0;
    const onUnresponsive = vi.fn();
    const watchdog = watchEngine(
      () => (++call === 2 ? new Promise(() => undefined) : Promise.resolve('OK')),
      onUnresponsive,
      { everyMs: 1_000, timeoutMs: 500 },
    );
    await vi.advanceTimersByTimeAsync(6_000);
    expect(call).toBeGreaterThan(4);
    expect(onUnresponsive).not.toHaveBeenCalled();
    watchdog.stop();
  });

  it('reports an engine that takes longer than the timeout, once, as a timeout', async () => {
    vi.useFakeTimers();
    const onUnresponsive = vi.fn();
    watchEngine(() => new Promise(() => undefined), onUnresponsive, {
      everyMs: 1_000,
      timeoutMs: 500,
    });
    // The first ping ends at 1.5 s, the second (asked at once) at 2 s.
    await vi.advanceTimersByTimeAsync(1_999);
    expect(onUnresponsive).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(onUnresponsive).toHaveBeenCalledTimes(1);
    expect(onUnresponsive.mock.calls[0]?.[0]).toMatchObject({ code: 'ETIMEDOUT' });
  });

  it('reports a failed ping with its own error, and nothing after stop()', async () => {
    vi.useFakeTimers();
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const onUnresponsive = vi.fn();
    watchEngine(() => Promise.reject(refused), onUnresponsive, { everyMs: 1_000 });
    // Refused at 1 s, asked again at once, refused again.
    await vi.advanceTimersByTimeAsync(1_010);
    expect(onUnresponsive).toHaveBeenCalledWith(refused);
    expect(onUnresponsive).toHaveBeenCalledTimes(1);

    const later = vi.fn();
    watchEngine(() => Promise.reject(refused), later, { everyMs: 1_000 }).stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(later).not.toHaveBeenCalled();
  });
});
