import type { EngineStatus } from '../../shared/contract';
import { reclaimError, ReclaimFailure, type ReclaimError } from '../../shared/errors';
import type { Endpoint, Inventory } from '../../shared/model';
import type { Connection } from '../engine/connect/connection';
import type { EnginePort, LiveInventoryHandle } from './engine-port';
import type { EventHub } from './event-hub';
import { toReclaimError } from '../engine/errors';

export interface ConnectedEngine {
  connection: Connection;
  live: LiveInventoryHandle;
}

/** Retry delays while no engine answers: engines restart in seconds, but may be off for hours. */
export const RETRY_FIRST_MS = 5_000;
const RETRY_MAX_MS = 60_000;

/**
 * The one live connection: connecting, following the engine's events, noticing when the
 * engine goes away, and trying again in the background until it is back (so starting Docker
 * after Reclaim just works). Every change of state is announced as `engineStatus`;
 * background attempts that fail the same way again stay quiet, so the UI does not flicker.
 */
export class EngineSession {
  private engine: ConnectedEngine | null = null;
  private status: EngineStatus = {
    state: 'error',
    error: reclaimError('NOT_CONNECTED', { cause: 'not-connected-yet' }),
  };
  /** The endpoint last asked for (null: discover), so a retry goes to the same place. */
  private wanted: Endpoint | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelayMs = RETRY_FIRST_MS;
  /** Bumped by every attempt, so a slow, superseded attempt cannot overwrite a newer one. */
  private generation = 0;
  private closed = false;

  constructor(
    private readonly port: EnginePort,
    private readonly events: EventHub,
  ) {}

  getStatus(): EngineStatus {
    return this.status;
  }

  /** Connects to `endpoint`, or to what discovery picks when null. Never throws: see the status. */
  connect(endpoint: Endpoint | null): Promise<EngineStatus> {
    this.wanted = endpoint;
    this.retryDelayMs = RETRY_FIRST_MS;
    return this.attempt(false);
  }

  /** The connected engine, or a NOT_CONNECTED failure saying why there is none. */
  require(): ConnectedEngine {
    if (this.engine) return this.engine;
    if (this.status.state === 'connecting') {
      throw new ReclaimFailure(
        reclaimError('NOT_CONNECTED', {
          cause: 'still-connecting',
          ...(this.status.endpoint ? { endpoint: this.status.endpoint } : {}),
        }),
      );
    }
    const last = this.status.state === 'error' ? this.status.error : null;
    throw new ReclaimFailure(last ? unavailable(last) : reclaimError('NOT_CONNECTED'));
  }

  async inventory(): Promise<Inventory> {
    return this.require().live.current();
  }

  /** The latest snapshot with the build cache and volumes read now (they have no events). */
  async inventoryWithFreshStores(): Promise<Inventory> {
    return this.require().live.withFreshStores();
  }

  close(): void {
    this.closed = true;
    this.generation++;
    this.cancelRetry();
    this.dropEngine();
  }

  private async attempt(background: boolean): Promise<EngineStatus> {
    this.cancelRetry();
    const generation = ++this.generation;
    const current = (): boolean => generation === this.generation && !this.closed;
    this.dropEngine();
    const wanted = this.wanted;
    if (!background) this.setStatus({ state: 'connecting', endpoint: wanted?.host ?? '' });
    try {
      const target = wanted ?? this.port.pickEndpoint(await this.port.discoverEndpoints(null));
      if (!current()) return this.status;
      if (!background) this.setStatus({ state: 'connecting', endpoint: target.host });
      const connection = await this.port.openConnection(target);
      if (!current()) return this.status;
      const live = this.port.followInventory(connection, {
        onChange: (inventory) => {
          if (generation === this.generation) this.events.emit('inventoryChanged', inventory);
        },
        onLost: (error) => {
          if (generation === this.generation) this.lost(error);
        },
      });
      this.engine = { connection, live };
      this.retryDelayMs = RETRY_FIRST_MS;
      this.setStatus({ state: 'connected', engine: connection.engine });
    } catch (error) {
      if (!current()) return this.status;
      const failure = toReclaimError(error);
      const sameAsBefore = this.status.state === 'error' && this.status.error.code === failure.code;
      if (!background || !sameAsBefore) this.setStatus({ state: 'error', error: failure });
      this.scheduleRetry();
    }
    return this.status;
  }

  private lost(error: unknown): void {
    // The ping that found the engine gone fails with a raw socket error: map it for the
    // endpoint it was, so the user reads "not running" with that engine's fix.
    const host = this.engine?.connection.engine.endpoint.host;
    const failure = toReclaimError(error, host);
    // Calls still waiting on the lost engine answer now, with the same reason the UI shows.
    this.engine?.connection.abandon?.(new ReclaimFailure(failure));
    this.dropEngine();
    this.setStatus({ state: 'error', error: failure });
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.closed) return;
    this.cancelRetry();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.attempt(true);
    }, this.retryDelayMs);
    // A pending retry must not keep a test process or a quitting app alive.
    this.retryTimer.unref();
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, RETRY_MAX_MS);
  }

  private dropEngine(): void {
    this.engine?.live.close();
    this.engine = null;
  }

  private cancelRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private setStatus(status: EngineStatus): void {
    this.status = status;
    this.events.emit('engineStatus', status);
  }
}

/**
 * NOT_CONNECTED because the last attempt failed: that failure's code, cause and values travel
 * along, so the UI can give its fix (start that engine) rather than a vague "connect first".
 */
function unavailable(last: ReclaimError): ReclaimError {
  if (last.code === 'NOT_CONNECTED') return last;
  return reclaimError('NOT_CONNECTED', {
    cause: 'engine-unavailable',
    ...(last.endpoint ? { endpoint: last.endpoint } : {}),
    ...(last.detail ? { detail: last.detail } : {}),
    values: {
      ...last.values,
      reasonCode: last.code,
      ...(last.cause ? { reasonCause: last.cause } : {}),
    },
  });
}
