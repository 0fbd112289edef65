import type { EngineStatus } from '../../shared/contract';
import { reclaimError, ReclaimFailure } from '../../shared/errors';
import type { Endpoint, Inventory } from '../../shared/model';
import type { Connection } from '../engine/connect/connection';
import type { EnginePort, LiveInventoryHandle } from './engine-port';
import type { EventHub } from './event-hub';
import { toReclaimError } from './outcome';

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
    error: reclaimError(
      'NOT_CONNECTED',
      'Reclaim is not connected to an engine yet.',
      'Choose an engine to connect to.',
    ),
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
    const cause = this.status.state === 'error' ? this.status.error : null;
    throw new ReclaimFailure(
      reclaimError(
        'NOT_CONNECTED',
        this.status.state === 'connecting'
          ? 'Reclaim is still connecting to the engine.'
          : 'Reclaim is not connected to an engine.',
        cause?.fix ?? 'Wait a moment, or choose an engine in Settings.',
        cause
          ? { detail: cause.message, ...(cause.endpoint ? { endpoint: cause.endpoint } : {}) }
          : {},
      ),
    );
  }

  async inventory(): Promise<Inventory> {
    return this.require().live.current();
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
    this.dropEngine();
    this.setStatus({ state: 'error', error: toReclaimError(error) });
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
