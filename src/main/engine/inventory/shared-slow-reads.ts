import type { Connection, EngineRequest } from '../connect/connection';

/**
 * The cold path's connection: the reads that walk disks (`/system/df`, `/containers/json`)
 * asked twice at once are asked once, since engines before API 1.42 refuse a second
 * `/system/df` while one runs ("a disk usage operation is already running") and a second
 * walk would only double the wait. Until stopKeeping(), answers are also kept, so the
 * dashboard's cold figures and the first inventory read share one `/system/df` however their
 * calls interleave. Only those two use it: a read prompted by an event must see the engine
 * after the event.
 */
export class SharedSlowReads {
  readonly connection: Connection;
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private readonly kept = new Map<string, unknown>();
  private keeping = true;

  constructor(private readonly inner: Connection) {
    this.connection = {
      docker: inner.docker,
      engine: inner.engine,
      request: <T>(req: EngineRequest) => this.request<T>(req),
    };
  }

  /** The first snapshot is complete (or failed): from now on every read is fresh. */
  stopKeeping(): void {
    this.keeping = false;
    this.kept.clear();
  }

  private request<T>(req: EngineRequest): Promise<T> {
    if (!isSlowRead(req)) return this.inner.request<T>(req);
    const key = `${req.path}?${JSON.stringify(req.query ?? {})}`;
    // The values are what the same request returned: typed by the caller, as request<T> is.
    if (this.kept.has(key)) return Promise.resolve(this.kept.get(key) as T);
    const running = this.inFlight.get(key);
    if (running) return running as Promise<T>;
    const started = this.inner.request<T>(req);
    this.inFlight.set(key, started);
    started.then(
      (answer) => {
        if (this.keeping) this.kept.set(key, answer);
      },
      () => undefined,
    );
    void started
      .catch(() => undefined)
      .finally(() => {
        if (this.inFlight.get(key) === started) this.inFlight.delete(key);
      });
    return started;
  }
}

function isSlowRead(req: EngineRequest): boolean {
  return req.method === 'GET' && (req.path === '/system/df' || req.path === '/containers/json');
}
