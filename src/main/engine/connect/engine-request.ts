import type Docker from 'dockerode';
import { reclaimError, ReclaimFailure } from '../../../shared/errors';
import type { EngineRequest } from './connection';
import { toReclaimFailure } from '../errors';

type QueryValue = string | string[];

/**
 * Docker's `filters` parameter: a JSON object of arrays of strings
 * (`{"dangling":["true"],"label":["a=b"]}`), which every API version reads.
 */
export function encodeFilters(filters: Record<string, string[]>): string {
  return JSON.stringify(filters);
}

/** Strings stay as they are, lists repeat the key, booleans become `true`/`false`. */
function encodeQuery(query: EngineRequest['query']): Record<string, QueryValue> {
  const encoded: Record<string, QueryValue> = {};
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    encoded[key] = Array.isArray(value) ? value : String(value);
  }
  return encoded;
}

/** Every 2xx and 304 (`/containers/{id}/stop` on a stopped one) is an answer, not an error. */
const SUCCESS_CODES = { 200: true, 201: true, 204: true, 304: true } as const;

/**
 * One raw call through dockerode's modem (so unix, npipe, tcp+TLS and ssh all work the
 * same), at the client's pinned version, rejecting with a ReclaimFailure. `host` names the
 * engine in errors.
 */
export function dialEngine<T>(
  docker: Docker,
  req: EngineRequest,
  timeoutMs: number,
  host: string,
  /** Aborted when the connection is given up (the engine is gone): its reason is the answer. */
  abandoned?: AbortSignal,
): Promise<T> {
  if (abandoned?.aborted) return Promise.reject(abandoned.reason as Error);
  const query = encodeQuery(req.query);
  const hasQuery = Object.keys(query).length > 0;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, req.timeoutMs ?? timeoutMs);
  const giveUp = (): void => controller.abort();
  abandoned?.addEventListener('abort', giveUp, { once: true });
  return new Promise<T>((resolve, reject) => {
    docker.modem.dial(
      {
        // docker-modem appends the query only when the path holds a `?`; `_body: {}` keeps it
        // from also sending the query as a JSON body on POST.
        path: hasQuery ? `${req.path}?` : req.path,
        method: req.method,
        ...(hasQuery ? { options: { _query: query, _body: {} } } : {}),
        statusCodes: SUCCESS_CODES,
        abortSignal: controller.signal,
      },
      (error, result) => {
        clearTimeout(timer);
        abandoned?.removeEventListener('abort', giveUp);
        // An answer that arrived is the answer, even if the connection was given up since.
        if (error && abandoned?.aborted) {
          reject(abandoned.reason as Error);
        } else if (timedOut) {
          reject(
            new ReclaimFailure(
              reclaimError('TIMEOUT', {
                cause: 'request-timed-out',
                endpoint: host,
                values: {
                  method: req.method,
                  path: req.path,
                  seconds: Math.round((req.timeoutMs ?? timeoutMs) / 1000),
                },
              }),
            ),
          );
        } else if (error) {
          reject(toReclaimFailure(error, host));
        } else {
          resolve(result as T);
        }
      },
    );
  });
}
