import type { Connection } from '../connect/connection';
import { NdjsonLines, parseLines } from './ndjson-lines';
import type { RawEvent } from './raw-types';

export interface EventFollowerHandlers {
  onEvent(event: RawEvent): void;
  /** The stream is open (again): events from now on arrive; earlier ones may be lost. */
  onOpen(): void;
  /** The stream ended or could not be opened; a new attempt follows after a delay. */
  onClose(error: unknown): void;
}

export interface BackoffOptions {
  firstDelayMs?: number;
  maxDelayMs?: number;
}

/** The slice of docker-modem this file uses (dockerode's `modem`). */
interface DialOptions {
  path: string;
  method: 'GET';
  options: Record<string, unknown>;
  isStream: true;
  abortSignal: AbortSignal;
  statusCodes: Record<number, boolean | string>;
}
interface Modem {
  timeout?: number;
  dial(options: DialOptions, callback: (error: unknown, stream: unknown) => void): void;
}

/**
 * dockerode's `timeout` is an idle timeout on the socket: on an events stream it fires
 * whenever the engine is quiet and kills a healthy stream. The stream is dialled through a
 * copy of the connection's modem without it (same endpoint, TLS and API version).
 */
function modemWithoutIdleTimeout(connection: Connection): Modem {
  const modem = connection.docker.modem as unknown as Modem;
  const copy = Object.assign(Object.create(Object.getPrototypeOf(modem) as object) as Modem, modem);
  copy.timeout = undefined;
  return copy;
}

function isReadable(value: unknown): value is NodeJS.ReadableStream & { destroy(): void } {
  return typeof value === 'object' && value !== null && 'on' in value && 'destroy' in value;
}

/**
 * Follows `GET /events` (image, container and volume events), line by line, and opens it
 * again with a growing delay whenever it ends: the engine restarted, the socket dropped.
 */
export class EventFollower {
  private readonly firstDelayMs: number;
  private readonly maxDelayMs: number;
  private delayMs: number;
  private abort: AbortController | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly connection: Connection,
    private readonly handlers: EventFollowerHandlers,
    backoff: BackoffOptions = {},
  ) {
    this.firstDelayMs = backoff.firstDelayMs ?? 200;
    this.maxDelayMs = backoff.maxDelayMs ?? 5_000;
    this.delayMs = this.firstDelayMs;
  }

  start(): void {
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.abort?.abort();
    this.abort = null;
  }

  private open(): void {
    if (this.stopped) return;
    const abort = new AbortController();
    this.abort = abort;
    try {
      modemWithoutIdleTimeout(this.connection).dial(
        {
          path: '/events?',
          method: 'GET',
          options: { filters: { type: ['image', 'container', 'volume'] } },
          isStream: true,
          abortSignal: abort.signal,
          statusCodes: { 200: true, 500: 'server error' },
        },
        (error, stream) => {
          if (abort.signal.aborted) {
            if (isReadable(stream)) stream.destroy();
            return;
          }
          if (error || !isReadable(stream)) {
            this.closed(error ?? new Error('the engine sent no events stream'));
            return;
          }
          this.delayMs = this.firstDelayMs;
          this.read(stream, abort);
          this.handlers.onOpen();
        },
      );
    } catch (error) {
      // A modem that throws instead of calling back (bad options, closed client).
      this.closed(error);
    }
  }

  private read(stream: NodeJS.ReadableStream & { destroy(): void }, abort: AbortController): void {
    const lines = new NdjsonLines();
    let ended = false;
    const end = (error: unknown): void => {
      if (ended) return;
      ended = true;
      stream.destroy();
      if (!abort.signal.aborted) this.closed(error);
    };
    abort.signal.addEventListener('abort', () => end(null), { once: true });
    stream.on('data', (chunk: Buffer | string) => {
      for (const event of parseLines<RawEvent>(lines.push(chunk))) {
        try {
          this.handlers.onEvent(event);
        } catch {
          // A failing handler must not end the stream for every later event.
        }
      }
    });
    stream.on('error', (error: unknown) => end(error));
    stream.on('end', () => end(new Error('the engine closed the events stream')));
    stream.on('close', () => end(new Error('the events stream was closed')));
  }

  private closed(error: unknown): void {
    if (this.stopped) return;
    this.handlers.onClose(error);
    if (this.stopped) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.open();
    }, this.delayMs);
    this.retryTimer.unref();
    this.delayMs = Math.min(this.delayMs * 2, this.maxDelayMs);
  }
}
