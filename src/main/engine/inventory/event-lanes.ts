import type { Connection } from '../connect/connection';
import type { EngineState } from './assemble';
import { effectsOf, type EventEffect } from './event-effects';
import type { LayerFacts } from './layer-facts';
import { PendingChanges } from './pending-changes';
import type { RawEvent } from './raw-types';
import { engineCountsImagesRow, readContainers, readStores } from './state-reads';
import {
  readChangedImages,
  withFastChanges,
  withImagesRowPending,
  withStores,
} from './state-updates';

/** How soon, and how many times in a row, a failed image or container update is retried. */
const FAST_RETRY_MS = 100;
const FAST_RETRIES = 3;

/** What the event lanes need from the inventory they keep current. */
export interface LaneHost {
  readonly connection: Connection;
  readonly facts: LayerFacts;
  isStopped(): boolean;
  state(): EngineState | null;
  /** Runs `task` in the inventory's queue, where every read that replaces the state runs. */
  enqueue<T>(task: () => Promise<T>): Promise<T>;
  /** Replaces the state held and publishes the snapshot made from it. */
  commit(state: EngineState): void;
}

/**
 * The event-driven updates of a LiveInventory, in two lanes: images and containers (fast,
 * in the inventory's queue) and the stores (`/system/df`, slow, read in a lane of their own
 * so they never hold back an image or container update). Events arriving while an update is
 * scheduled are merged into it.
 */
export class EventLanes {
  private readonly pending = new PendingChanges();
  private fastScheduled = false;
  private storesQueue: Promise<unknown> = Promise.resolve();
  private storesScheduled = false;
  /** Fast updates failed in a row, retried shortly (see retryFast). */
  private retries = 0;
  /**
   * The engine's own Images row (containerd store) against the changes that alter it: each
   * image or container change counts one up, and the row is stale (shown pending) until a
   * `/system/df` begun after the latest of them has been committed.
   */
  private rowChanges = 0;
  private rowChangesCovered = 0;
  /** Holds on the stores lane (see hold). */
  private holds = 0;

  constructor(private readonly host: LaneHost) {}

  onEvent(event: RawEvent): void {
    const effects = effectsOf(event);
    for (const effect of effects) this.pending.add(effect);
    if (engineCountsImagesRow(this.host.connection) && changesImagesRow(event, effects)) {
      this.rowChanges++;
      this.pending.add({ kind: 'stores' });
    }
    this.scheduleFast();
    this.scheduleStores();
  }

  /**
   * Defers the stores lane until the returned function is called: a batch run deletes one
   * image after another, each with its events, and the complete read that follows the run
   * reads `/system/df` once for all of them (Docker allows one at a time before API 1.42).
   */
  hold(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      this.scheduleStores();
    };
  }

  private scheduleStores(): void {
    if (!this.pending.stores || this.storesScheduled || this.holds > 0) return;
    this.storesScheduled = true;
    this.storesQueue = this.storesQueue
      .then(() => this.applyStoreChanges())
      .catch(() => this.pending.add({ kind: 'stores' }));
  }

  /**
   * Reads the stores now, in their lane (after any read already under way), and resolves
   * once the result is in the state; a read that finds them unchanged publishes nothing.
   * The build cache has no events on every engine: a plan that includes it asks for this.
   */
  readStoresNow(): Promise<void> {
    const read = this.storesQueue.then(() => this.applyStoreChanges(true));
    this.storesQueue = read.catch(() => this.pending.add({ kind: 'stores' }));
    return read;
  }

  /** An update failed half-way: the next one reads everything. */
  markStale(): void {
    this.pending.add({ kind: 'all-images' });
    this.pending.add({ kind: 'stores' });
  }

  private scheduleFast(): void {
    if (!this.pending.hasFastChanges || this.fastScheduled) return;
    this.fastScheduled = true;
    void this.host.enqueue(() => this.applyFastChanges());
  }

  private async applyFastChanges(): Promise<void> {
    this.fastScheduled = false;
    const changes = this.pending.takeFast();
    const state = this.host.state();
    if (!state || this.host.isStopped()) return;
    const { connection, facts } = this.host;
    try {
      const [images, containers] = await Promise.all([
        readChangedImages(connection, facts, state.images, changes),
        changes.containers.length > 0
          ? readContainers(connection, changes.containers)
          : Promise.resolve(null),
      ]);
      // This runs in the host's queue, where every state change runs: `state` is still current.
      const next = withFastChanges(state, images, changes.containers, containers);
      this.host.commit(this.imagesRowStale() ? withImagesRowPending(next) : next);
      this.retries = 0;
    } catch {
      this.retryFast(changes);
    }
  }

  /**
   * An image read while the engine deletes it can fail (moby answers HTTP 500 "layer does
   * not exist" between removing the layers and the image record). The same reads are asked
   * again, shortly: the images named by ID stay named by ID (by then the engine answers
   * 404 or the image), and nothing about volumes or the build cache changed, so a batch run
   * never sets off an image list or a `/system/df` per target.
   */
  private retryFast(failed: { allImages: boolean; images: string[]; containers: string[] }): void {
    if (failed.allImages) this.pending.add({ kind: 'all-images' });
    for (const id of failed.images) this.pending.add({ kind: 'image', id });
    for (const id of failed.containers) this.pending.add({ kind: 'container', id });
    this.retries++;
    if (this.retries > FAST_RETRIES) {
      // The engine keeps failing: leave the changes pending for the next event.
      this.retries = 0;
      return;
    }
    setTimeout(() => {
      if (!this.host.isStopped()) this.scheduleFast();
    }, FAST_RETRY_MS).unref?.();
  }

  private async applyStoreChanges(asked = false): Promise<void> {
    if (!asked) this.storesScheduled = false;
    const pending = this.pending.takeStores();
    if (!(pending || asked) || !this.host.state() || this.host.isStopped()) return;
    // The read covers the changes seen so far; a later one schedules another read.
    const covering = this.rowChanges;
    const stores = await readStores(this.host.connection);
    await this.host.enqueue(async () => {
      const state = this.host.state();
      if (!state) return;
      this.rowChangesCovered = Math.max(this.rowChangesCovered, covering);
      const next = withStores(state, stores, !this.imagesRowStale());
      // Asked for, not prompted by a change: publishing the same state would only wake
      // every listener (and a listener that asks again would never stop).
      if (asked && !pending && JSON.stringify(next) === JSON.stringify(state)) return;
      this.host.commit(next);
    });
  }

  /**
   * A complete read is starting (LiveInventory.refresh): it reads the stores too, so the
   * changes so far need no read of their own.
   */
  coveredByCompleteRead(): void {
    this.pending.takeStores();
    this.rowChangesCovered = this.rowChanges;
  }

  private imagesRowStale(): boolean {
    return this.rowChanges > this.rowChangesCovered;
  }
}

/**
 * Whether an event changes the Images row: an image change, or a container created or
 * removed (it counts the images in use).
 */
function changesImagesRow(event: RawEvent, effects: readonly EventEffect[]): boolean {
  if (event.Type === 'image') return effects.length > 0;
  return event.Type === 'container' && effects.some((effect) => effect.kind === 'stores');
}
