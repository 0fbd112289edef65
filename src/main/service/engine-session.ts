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

/** How long to wait before trying a lost engine again; engines restart in seconds. */
const RECONNECT_DELAY_MS = 5_000;

/**
 * The one live connection: connecting, following the engine's events, noticing when the
 * engine goes away and trying again. Every change of state is announced as `engineStatus`.
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
  /** The endpoint last asked for (null: discover), so a reconnect goes to the same place. */
  private wanted: Endpoint | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  /** Bumped by every connect, so a slow, superseded attempt cannot overwrite a newer one. */
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
  async connect(endpoint: Endpoint | null): Promise<EngineStatus> {
    this.wanted = endpoint;
    this.cancelReconnect();
    const generation = ++this.generation;
    this.dropEngine();
    this.setStatus({ state: 'connecting', endpoint: endpoint?.host ?? 'discovering' });
    try {
      const target = endpoint ?? this.port.pickEndpoint(await this.port.discoverEndpoints(null));
      if (generation !== this.generation) return this.status;
      this.setStatus({ state: 'connecting', endpoint: target.host });
      const connection = await this.port.openConnection(target);
      if (generation !== this.generation || this.closed) return this.status;
      const live = this.port.followInventory(connection, {
        onChange: (inventory) => {
          if (generation === this.generation) this.events.emit('inventoryChanged', inventory);
        },
        onLost: (error) => {
          if (generation === this.generation) this.lost(error);
        },
      });
      this.engine = { connection, live };
      this.setStatus({ state: 'connected', engine: connection.engine });
    } catch (error) {
      if (generation === this.generation)
        this.setStatus({ state: 'error', error: toReclaimError(error) });
    }
    return this.status;
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
    this.cancelReconnect();
    this.dropEngine();
  }

  private lost(error: unknown): void {
    this.dropEngine();
    this.setStatus({ state: 'error', error: toReclaimError(error) });
    if (this.closed) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.connect(this.wanted);
    }, RECONNECT_DELAY_MS);
    // A pending retry must not keep a test process or a quitting app alive.
    this.reconnectTimer.unref();
  }

  private dropEngine(): void {
    this.engine?.live.close();
    this.engine = null;
  }

  private cancelReconnect(): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
  }

  private setStatus(status: EngineStatus): void {
    this.status = status;
    this.events.emit('engineStatus', status);
  }
}
