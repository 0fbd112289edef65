/**
 * Notices an engine that stopped answering while its events stream stays open: a stalled
 * engine, a hung VM, a proxy that keeps the socket but passes nothing. The stream itself cannot
 * tell (a quiet engine sends nothing for hours), so the engine is pinged now and then; two
 * pings in a row that fail or take longer than `timeoutMs` mean it is gone for now (one slow
 * answer from a busy VM is not enough to give up a run).
 */
export interface EngineWatchdog {
  stop(): void;
}

export const HEALTH_CHECK_EVERY_MS = 15_000;
export const HEALTH_CHECK_TIMEOUT_MS = 10_000;

export function watchEngine(
  ping: () => Promise<unknown>,
  onUnresponsive: (error: Error) => void,
  timing: { everyMs?: number; timeoutMs?: number } = {},
): EngineWatchdog {
  const everyMs = timing.everyMs ?? HEALTH_CHECK_EVERY_MS;
  const timeoutMs = timing.timeoutMs ?? HEALTH_CHECK_TIMEOUT_MS;
  let stopped = false;
  let missed = 0;
  let timer: NodeJS.Timeout | null = null;

  const check = async (): Promise<void> => {
    let deadline: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      deadline = setTimeout(
        () =>
          reject(
            Object.assign(new Error('the engine did not answer a ping'), { code: 'ETIMEDOUT' }),
          ),
        timeoutMs,
      );
    });
    try {
      await Promise.race([ping(), late]);
      missed = 0;
      schedule();
    } catch (error) {
      missed += 1;
      // The second miss in a row, once: the owner drops this connection, and a new one brings
      // a new watchdog. After the first, ask again at once rather than a whole interval later.
      if (missed < 2) schedule(0);
      else if (!stopped) onUnresponsive(error instanceof Error ? error : new Error(String(error)));
    } finally {
      clearTimeout(deadline);
    }
  };
  const schedule = (delayMs = everyMs): void => {
    if (stopped) return;
    timer = setTimeout(() => void check(), delayMs);
    // A pending check must not keep a test process or a quitting app alive.
    timer.unref();
  };

  schedule();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
