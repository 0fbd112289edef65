import { Agent, request } from 'node:http';
import type { Connection, EngineRequest } from '../connect/connection';
import { ReclaimFailure } from '../../../shared/errors';

/**
 * A faster path for the many small reads of a cold inventory (one `/images/{id}/json` per
 * image) on a local unix socket: plain HTTP over a keep-alive agent, without dockerode's
 * per-call overhead (measured on 200 images: a cold inventory in ~47 ms instead of ~64 ms,
 * `docker system df -v` ~45 ms). A 404 means the image is gone. Anything else but a 200
 * with JSON, and any socket error or delay, is asked again through `connection.request`,
 * so errors and timeouts are mapped by the connection as for every other call. Other
 * endpoints (tcp, TLS, ssh, npipe) always take `connection.request`.
 */

const agents = new WeakMap<Connection, Agent | null>();
/** A fast read that takes longer than this is asked again through the connection. */
const FAST_PATH_TIMEOUT_MS = 5_000;

function unixSocketOf(connection: Connection): string | null {
  const host = connection.engine.endpoint.host;
  return host.startsWith('unix://') ? host.slice('unix://'.length) : null;
}

function agentFor(connection: Connection): Agent | null {
  if (!agents.has(connection)) {
    agents.set(
      connection,
      unixSocketOf(connection) ? new Agent({ keepAlive: true, maxSockets: 16 }) : null,
    );
  }
  return agents.get(connection) ?? null;
}

interface FastAnswer {
  status: number;
  body: unknown;
}

function fastGet(socketPath: string, agent: Agent, path: string): Promise<FastAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { socketPath, agent, path, method: 'GET', timeout: FAST_PATH_TIMEOUT_MS },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status !== 200) {
            resolve({ status, body: null });
            return;
          }
          try {
            resolve({ status, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

function isNotFound(error: unknown): boolean {
  return error instanceof ReclaimFailure && error.error.code === 'NOT_FOUND';
}

/**
 * `GET path` (no query) at the connection's API version, by the fastest safe route; null
 * when the engine answers 404 (the object is gone).
 */
export async function getJsonOrNull<T>(connection: Connection, path: string): Promise<T | null> {
  const socketPath = unixSocketOf(connection);
  const agent = agentFor(connection);
  if (socketPath && agent) {
    try {
      const answer = await fastGet(socketPath, agent, `/v${connection.engine.apiVersion}${path}`);
      if (answer.status === 200) return answer.body as T;
      if (answer.status === 404) return null;
    } catch {
      // Asked again below, where the connection maps the failure.
    }
  }
  const slow: EngineRequest = { method: 'GET', path };
  try {
    return await connection.request<T>(slow);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}
