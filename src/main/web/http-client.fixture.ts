import { request } from 'node:http';
import { API_PREFIX, EVENTS_PATH, TOKEN_HEADER, TOKEN_PARAM } from '../../shared/transport';

/**
 * A tiny HTTP client for browser-mode tests: plain node:http, so the Host header and cookies
 * are exactly what the test sets (fetch would add and hide some).
 */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function rawRequest(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Calls one method the way the browser client does; returns the parsed Outcome. */
export async function callApi(
  port: number,
  token: string,
  method: string,
  args: unknown,
): Promise<unknown> {
  // Any name, not only the contract's: tests also send unknown and hostile method names.
  const response = await rawRequest(port, `${API_PREFIX}${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
    body: JSON.stringify(args),
  });
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${response.body}`);
  return JSON.parse(response.body) as unknown;
}

export interface EventStream {
  /** Resolves with the first event named `name` whose payload passes `accept`. */
  next<T>(name: string, accept?: (payload: T) => boolean, timeoutMs?: number): Promise<T>;
  close(): void;
}

/** Opens `GET /api/events` and parses the SSE frames as they arrive. */
export function openEventStream(port: number, token: string): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const seen: { name: string; payload: unknown }[] = [];
    const waiters = new Set<() => void>();
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: `${EVENTS_PATH}?${TOKEN_PARAM}=${encodeURIComponent(token)}`,
      },
      (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`SSE answered HTTP ${res.statusCode}`));
          return;
        }
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const name = /^event: (.*)$/m.exec(frame)?.[1];
            const data = /^data: (.*)$/m.exec(frame)?.[1];
            if (name && data) seen.push({ name, payload: JSON.parse(data) as unknown });
          }
          waiters.forEach((wake) => wake());
        });
        resolve({
          next<T>(name: string, accept: (payload: T) => boolean = () => true, timeoutMs = 20_000) {
            return new Promise<T>((found, fail) => {
              const check = (): boolean => {
                const index = seen.findIndex(
                  (event) => event.name === name && accept(event.payload as T),
                );
                if (index < 0) return false;
                const [event] = seen.splice(index, 1);
                found(event?.payload as T);
                return true;
              };
              if (check()) return;
              const timer = setTimeout(() => {
                waiters.delete(wake);
                fail(new Error(`no "${name}" event within ${timeoutMs} ms`));
              }, timeoutMs);
              const wake = (): void => {
                if (check()) {
                  clearTimeout(timer);
                  waiters.delete(wake);
                }
              };
              waiters.add(wake);
            });
          },
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}
