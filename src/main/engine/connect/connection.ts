import type Docker from 'dockerode';
import type { EngineInfo } from '../../../shared/model';

/** A raw API request: path without the version prefix (`/system/df`), query as strings. */
export interface EngineRequest {
  method: 'GET' | 'POST' | 'DELETE' | 'HEAD';
  path: string;
  query?: Record<string, string | string[] | boolean | number | undefined>;
  /** Milliseconds to wait for the answer; defaults to the connection's timeout. */
  timeoutMs?: number;
}

/**
 * An open, version-negotiated connection to one engine. Everything that talks to an
 * engine takes one of these; nothing else knows how the engine was found.
 */
export interface Connection {
  /** dockerode, pinned to the negotiated API version. */
  readonly docker: Docker;
  readonly engine: EngineInfo;
  /**
   * A raw call at the negotiated API version, for what dockerode cannot express
   * (`/system/df?type=`, `/images/prune` conflicts…). Rejects with a ReclaimFailure.
   */
  request<T>(req: EngineRequest): Promise<T>;
  /**
   * Gives the connection up (the engine stopped answering): requests in flight, a five-minute
   * `/system/df` included, fail now with `failure`, and so does every later one. Connections
   * that hold nothing in flight (recorded answers) need not have it.
   */
  abandon?(failure: Error): void;
}
