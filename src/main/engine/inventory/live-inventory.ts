import type { DiskUsage, Inventory } from '../../../shared/model';
import type { Connection } from '../connect/connection';
import { readDiskUsage } from '../disk-usage/read-disk-usage';
import { assembleInventory, type EngineState } from './assemble';
import { EventLanes } from './event-lanes';
import { EventFollower, type BackoffOptions } from './event-follower';
import { watchEngine, type EngineWatchdog } from './engine-watchdog';
import { LayerFacts } from './layer-facts';
import { settlesWithin } from './settles-within';
import { SharedSlowReads } from './shared-slow-reads';
import type { RawEvent } from './raw-types';
import type { ImageRecord } from './records';
import { startStateRead } from './snapshot';
import { engineCountsImagesRow, readContainersWithoutSizes, readImages } from './state-reads';
import { withKnownSizes } from './state-updates';

export type InventoryListener = (inventory: Inventory) => void;

export interface LiveInventoryOptions {
  onChange?: InventoryListener;
  /** The events stream broke and the engine does not answer: it is stopped or unreachable. */
  onLost?: (error: unknown) => void;
  backoff?: BackoffOptions;
  /** Sees each raw engine event as it arrives, before it is acted on (diagnostics, benchmarks). */
  onEvent?: (event: RawEvent) => void;
  /**
   * How long a complete read may lag behind the images before the images are published
   * alone (with the slow rows marked pending); 1 s by default.
   */
  imagesFirstAfterMs?: number;
  /** How often the engine is pinged, and how long it may take, to notice a stalled engine. */
  healthCheck?: { everyMs?: number; timeoutMs?: number };
}

const IMAGES_FIRST_AFTER_MS = 1_000;
/** How long the first full read lets the dashboard's cold `/system/df` go first, at most. */
const COLD_FIGURES_HEAD_START_MS = 250;

/**
 * A snapshot kept current by the engine's events. It re-reads only what an event says
 * changed: one image by ID after an untag or delete, the image list after a tag, pull, load
 * or import (layer facts stay cached by ID), one container after a container event. Volume
 * sizes live only in the slow `/system/df`, so they are re-read in a lane of their own and
 * never hold back an image or container update. After the stream reopens, everything is
 * read again, since events may have been missed.
 */
export class LiveInventory {
  private readonly facts = new LayerFacts();
  private readonly follower: EventFollower;
  private readonly listeners = new Set<InventoryListener>();
  private readonly lanes: EventLanes;
  /**
   * The cold path's reads (the first full read and the dashboard figures before it ends): a
   * `/system/df` asked by both runs once. Later reads, event-driven ones included, go
   * straight to the connection, so they never get an answer older than their event.
   */
  private readonly cold: SharedSlowReads;
  private state: EngineState | null = null;
  private snapshot: Inventory | null = null;
  /** Every read that replaces `state` runs here, one at a time, in order. */
  private queue: Promise<unknown> = Promise.resolve();
  /** The read that will give the first snapshot, while it runs (current() waits for it). */
  private firstRead: Promise<Inventory> | null = null;
  /** A snapshot with every row read has been published (later ones may lag in places). */
  private hadCompleteSnapshot = false;
  /** The cold dashboard figures being read, before the first complete snapshot. */
  private coldFigures: Promise<DiskUsage> | null = null;
  private opens = 0;
  private watchdog: EngineWatchdog | null = null;
  private lostReported = false;
  private stopped = false;

  constructor(
    private readonly connection: Connection,
    private readonly options: LiveInventoryOptions = {},
  ) {
    this.cold = new SharedSlowReads(connection);
    this.lanes = new EventLanes({
      connection,
      facts: this.facts,
      isStopped: () => this.stopped,
      state: () => this.state,
      enqueue: (task) => this.enqueue(task),
      commit: (state) => {
        this.state = state;
        this.publish();
      },
    });
    if (options.onChange) this.listeners.add(options.onChange);
    this.follower = new EventFollower(
      connection,
      {
        onEvent: (event) => {
          options.onEvent?.(event);
          this.lanes.onEvent(event);
        },
        onOpen: () => this.onOpen(),
        onClose: (error) => this.onClose(error),
      },
      options.backoff,
    );
  }

  /** Starts following events; the first snapshot is read as soon as the stream is open. */
  start(): this {
    this.follower.start();
    this.watchdog = watchEngine(
      () => this.connection.docker.ping(),
      (error) => this.reportLost(error),
      this.options.healthCheck,
    );
    return this;
  }

  /** The latest snapshot; reads one first if none is held yet. */
  current(): Promise<Inventory> {
    if (this.snapshot) return Promise.resolve(this.snapshot);
    return this.firstRead ?? this.refresh();
  }

  /**
   * The dashboard figures. From the snapshot once there is a complete one; before that, by
   * the fastest cold read (`readDiskUsage`: one `/system/df` on Docker before API 1.42)
   * rather than waiting for the whole inventory with its layer facts. That read shares its
   * `/system/df` with the first inventory read (SharedSlowReads), so the figures come as
   * soon as that one call lands and the engine never sees two at once.
   */
  diskUsage(): Promise<DiskUsage> {
    const snapshot = this.snapshot;
    // An images-first snapshot made cold has no container, volume or cache rows yet.
    if (snapshot && (this.hadCompleteSnapshot || !snapshot.diskUsage.pending)) {
      return Promise.resolve(snapshot.diskUsage);
    }
    // Podman's own figures are 0 B: there the inventory is the fast way.
    if (this.connection.engine.kind === 'podman') return this.current().then((i) => i.diskUsage);
    const figures = readDiskUsage(this.cold.connection);
    this.coldFigures = figures;
    void figures
      .catch(() => undefined)
      .finally(() => {
        if (this.coldFigures === figures) this.coldFigures = null;
      });
    return figures;
  }

  /** Reads a complete snapshot now (after any update already under way). */
  refresh(): Promise<Inventory> {
    const read = this.enqueue(() => this.readEverything());
    // Answers kept for the cold figures serve the first read only; later reads are fresh.
    const fresh = (): void => this.cold.stopKeeping();
    read.then(fresh, fresh);
    if (!this.snapshot) {
      this.firstRead = read;
      read
        .catch(() => undefined)
        .finally(() => {
          if (this.firstRead === read) this.firstRead = null;
        });
    }
    return read;
  }

  /**
   * A fresh read of what a deletion depends on, for the re-check just before each target of
   * a run: the image list (layer facts of known IDs stay cached) and which containers use
   * which image. Container, volume and build-cache sizes are kept from the last snapshot:
   * they change no decision and only the slow `/system/df` knows them. Events cannot serve
   * here: they arrive after the fact, and a re-check must see the engine as it is now.
   */
  recheck(): Promise<Inventory> {
    if (!this.state) return this.refresh();
    return this.enqueue(async () => {
      const [images, containers] = await Promise.all([
        readImages(this.connection, this.facts),
        readContainersWithoutSizes(this.connection),
      ]);
      const previous = this.state;
      this.state = {
        ...(previous ?? {
          engine: this.connection.engine,
          volumes: [],
          buildCache: [],
          engineRows: {},
        }),
        images,
        containers: withKnownSizes(previous, containers),
      };
      // Not published: a batch run re-checks before every target, and the engine's own
      // events already tell listeners what each deletion changed.
      this.snapshot = assembleInventory(this.state, this.facts, Date.now());
      return this.snapshot;
    });
  }

  /**
   * The latest snapshot with volumes and build cache read now (`/system/df`): BuildKit's
   * records change with no event the follower sees, so a plan that includes them asks this.
   */
  async withFreshStores(): Promise<Inventory> {
    if (!this.state) return this.current();
    await this.lanes.readStoresNow();
    return this.current();
  }

  /** Defers the `/system/df` re-reads events ask for until the returned function is called. */
  holdSlowReads(): () => void {
    return this.lanes.hold();
  }

  /** Calls `listener` with every new snapshot; returns the function that stops it. */
  onChange(listener: InventoryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    this.stopped = true;
    this.watchdog?.stop();
    this.follower.stop();
    this.listeners.clear();
  }

  /** Same as stop(): the name the service's port uses. */
  close(): void {
    this.stop();
  }

  /**
   * A complete read. The volume and container sizes behind it can take minutes on a busy
   * engine (`/system/df`); if they lag, the fresh images are published first, with the
   * containers listed without their sizes, so the UI is never held back by the slow part.
   */
  private async readEverything(): Promise<Inventory> {
    if (!this.hadCompleteSnapshot && this.coldFigures) {
      // The dashboard's figures go first: layer facts read beside their `/system/df` compete
      // with it for the daemon and this process (about a third slower, measured), and the
      // read below takes the same answer anyway. A slow engine holds the images back briefly.
      await settlesWithin(this.coldFigures, COLD_FIGURES_HEAD_START_MS);
    }
    const connection = this.hadCompleteSnapshot ? this.connection : this.cold.connection;
    this.lanes.coveredByCompleteRead();
    const read = startStateRead(connection, this.facts);
    const images = await read.images.catch(() => null);
    const lagMs = this.options.imagesFirstAfterMs ?? IMAGES_FIRST_AFTER_MS;
    if (images && !(await settlesWithin(read.state, lagMs)) && !this.stopped) {
      await this.publishImagesFirst(images);
    }
    this.state = await read.state;
    const inventory = this.publish();
    this.hadCompleteSnapshot = true;
    return inventory;
  }

  private async publishImagesFirst(images: ImageRecord[]): Promise<void> {
    const containers = await readContainersWithoutSizes(this.connection).catch(() => null);
    if (!containers) return;
    const previous = this.state;
    this.state = {
      engine: this.connection.engine,
      images,
      containers: withKnownSizes(previous, containers),
      volumes: previous?.volumes ?? [],
      buildCache: previous?.buildCache ?? [],
      engineRows: previous?.engineRows ?? {},
      pending: [
        ...(engineCountsImagesRow(this.connection) ? (['images'] as const) : []),
        'containers',
        'volumes',
        'buildCache',
      ],
    };
    this.publish();
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private publish(): Inventory {
    if (!this.state) throw new Error('no engine state to publish');
    const inventory = assembleInventory(this.state, this.facts, Date.now());
    this.snapshot = inventory;
    if (!this.stopped) for (const listener of this.listeners) listener(inventory);
    return inventory;
  }

  private onOpen(): void {
    this.opens++;
    this.lostReported = false;
    // First open: the first snapshot. Reopened: events were missed, read it all again.
    if (this.opens > 1 || (!this.snapshot && !this.firstRead)) {
      void this.refresh().catch(() => this.lanes.markStale());
    }
  }

  private onClose(error: unknown): void {
    if (this.stopped || this.lostReported) return;
    // A stream can end while the engine is fine (a proxy's timeout): only a failed ping
    // means the engine is gone.
    this.connection.docker.ping().then(
      () => undefined,
      (pingError: unknown) => this.reportLost(pingError ?? error),
    );
  }

  private reportLost(error: unknown): void {
    if (this.stopped || this.lostReported) return;
    this.lostReported = true;
    this.options.onLost?.(error);
  }
}

/** Starts a live inventory on `connection` (the shape the service's engine port expects). */
export function followInventory(
  connection: Connection,
  callbacks: { onChange(inventory: Inventory): void; onLost(error: unknown): void },
  healthCheck?: LiveInventoryOptions['healthCheck'],
): LiveInventory {
  return new LiveInventory(connection, {
    onChange: (inventory) => callbacks.onChange(inventory),
    onLost: (error) => callbacks.onLost(error),
    ...(healthCheck ? { healthCheck } : {}),
  }).start();
}
