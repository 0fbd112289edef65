import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { reclaimError } from '../../shared/errors';
import type { Outcome } from '../../shared/contract';
import { RENDERER_CSP_HEADER } from '../csp';
import { dispatch } from '../service/dispatch';
import type { Service } from '../service/service-api';
import { EVENTS_PATH, methodNameOf, TOKEN_PARAM } from '../../shared/transport';
import { randomBytes } from 'node:crypto';
import { isAuthorized, isLoopbackHost, underPagePrefix } from './auth';
import { streamEvents } from './sse';
import { readStaticFile } from './static-files';

/**
 * What one local client may hold. Browser mode serves one user's tab or two; these bounds keep
 * a misbehaving or hostile local process from exhausting the server while leaving room for
 * reloads and a few tabs.
 */
export interface WebLimits {
  /** Far above any real call (the largest is a list of image references). */
  maxBodyBytes: number;
  /** Open sockets at once: a tab uses the event stream plus a handful of calls. */
  maxConnections: number;
  /** Event streams at once; a new one beyond this is answered 429. */
  maxEventStreams: number;
  /** A client must finish sending its headers within this (slow-loris). */
  headersTimeoutMs: number;
  /** …and its whole request, body included, within this. */
  requestTimeoutMs: number;
}

export const DEFAULT_WEB_LIMITS: WebLimits = {
  maxBodyBytes: 1024 * 1024,
  maxConnections: 64,
  maxEventStreams: 8,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
};

export interface WebServerOptions {
  service: Service;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  token: string;
  /** 0 picks a free port. */
  port: number;
  /** Tests narrow these to see each bound hold; the defaults serve a user. */
  limits?: Partial<WebLimits>;
}

export interface RunningWebServer {
  port: number;
  /** The page's URL, token included: what the user opens. */
  url: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': RENDERER_CSP_HEADER,
  'X-Content-Type-Options': 'nosniff',
  // The page URL carries the token: never send it on as a Referer.
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Browser mode: the built renderer and the very same validated service over HTTP, on
 * 127.0.0.1 only. `POST /api/<method>` takes a JSON array of arguments and answers the
 * Outcome as JSON; `GET /api/events` streams events; everything needs the token (the paths
 * and the token's header and parameter are declared in shared/transport.ts).
 */
export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const limits: WebLimits = { ...DEFAULT_WEB_LIMITS, ...options.limits };
  const streams = new Set<() => void>();
  let port = options.port;
  // The page's secret folder: its assets load relative to it, so no cookie is needed.
  const pagePrefix = `/${randomBytes(24).toString('base64url')}/`;

  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // Node checks both timeouts on this interval; a tighter bound needs a tighter check.
      connectionsCheckingInterval: Math.min(30_000, Math.ceil(limits.headersTimeoutMs / 2)),
    },
    (req, res) => {
      void handle(req, res).catch(() => {
        if (!res.headersSent) sendText(res, 500, 'Internal error');
        else res.destroy();
      });
    },
  );

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isLoopbackHost(req.headers.host, port)) return sendText(res, 403, 'Forbidden host');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (!isAuthorized(req, url, options.token, pagePrefix)) {
      return sendText(res, 401, 'Unauthorized');
    }

    if (url.pathname === EVENTS_PATH && req.method === 'GET') {
      if (streams.size >= limits.maxEventStreams) {
        return sendText(res, 429, 'Too many event streams: close another Reclaim tab');
      }
      // The slot is taken before the first await, so openings at once cannot pass the bound,
      // and given back on close even if the client left before the stream began.
      let end: (() => void) | null = null;
      const slot = (): void => end?.();
      streams.add(slot);
      res.on('close', () => streams.delete(slot));
      end = await streamEvents(options.service, res);
      if (res.destroyed) end();
      return;
    }
    const method = methodNameOf(url.pathname);
    if (method !== null) {
      if (req.method !== 'POST') return sendText(res, 405, 'Method not allowed');
      return sendJson(res, await callMethod(req, method));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendText(res, 405, 'Method not allowed');
    // Files are served from under the page's secret prefix only.
    const below = underPagePrefix(url.pathname, pagePrefix);
    const file = below === null ? null : await readStaticFile(options.rendererDir, below);
    if (!file) return sendText(res, 404, 'Not found');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.contentType,
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  async function callMethod(req: IncomingMessage, name: string): Promise<Outcome<unknown>> {
    const body = await readBody(req, limits.maxBodyBytes);
    if (body === TOO_LARGE) {
      return {
        ok: false,
        error: reclaimError('VALIDATION', {
          cause: 'arguments-too-large',
          values: { method: name.slice(0, 64), limit: limits.maxBodyBytes },
        }),
      };
    }
    let args: unknown;
    try {
      args = body === null ? undefined : (JSON.parse(body) as unknown);
    } catch {
      args = undefined;
    }
    if (args === undefined) {
      return {
        ok: false,
        error: reclaimError('VALIDATION', {
          cause: 'arguments-not-json',
          values: { method: name.slice(0, 64) },
        }),
      };
    }
    // The same door as IPC: unknown methods and malformed arguments never reach the service.
    return dispatch(options.service, name, args);
  }

  server.maxConnections = limits.maxConnections;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    url: `http://127.0.0.1:${port}${pagePrefix}?${TOKEN_PARAM}=${encodeURIComponent(options.token)}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const end of streams) end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const TOO_LARGE = Symbol('too large');

/**
 * The request body as text; TOO_LARGE past `maxBytes`, whose rest is read and dropped so the
 * client still gets its answer (the request timeout bounds a client that never stops); null
 * when the client went away.
 */
function readBody(
  req: IncomingMessage,
  maxBytes: number,
): Promise<string | null | typeof TOO_LARGE> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () =>
      resolve(size > maxBytes ? TOO_LARGE : Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', () => resolve(null));
  });
}

function sendJson(res: ServerResponse, outcome: Outcome<unknown>): void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(outcome));
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}
