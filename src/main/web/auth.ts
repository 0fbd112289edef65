import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { TOKEN_HEADER, TOKEN_PARAM } from '../../shared/transport';

export function sameToken(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  // Constant-time, so the token cannot be guessed byte by byte from response times.
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The page and its assets live under a random path prefix (`/<secret>/`), never behind a
 * cookie: cookies are shared by every port of 127.0.0.1, so any other local server (a dev
 * server, an SSH tunnel) could read one. Returns the path below the prefix, or null.
 */
export function underPagePrefix(pathname: string, prefix: string): string | null {
  const end = pathname.indexOf('/', 1);
  const first = end === -1 ? pathname : pathname.slice(0, end + 1);
  return sameToken(first, prefix) ? pathname.slice(prefix.length - 1) : null;
}

/**
 * Who may do what:
 * - API calls (POST) must carry the token in a header: a page on another site cannot set
 *   this header without a CORS preflight we never allow.
 * - The SSE stream is a GET a browser sends without custom headers: it carries the token
 *   parameter (`?token=`).
 * - The page and its assets are GETs under the secret path prefix.
 */
export function isAuthorized(
  req: IncomingMessage,
  url: URL,
  token: string,
  pagePrefix: string,
): boolean {
  if (req.method === 'POST') return sameToken(headerValue(req, TOKEN_HEADER), token);
  if (req.method === 'GET' || req.method === 'HEAD') {
    return (
      sameToken(url.searchParams.get(TOKEN_PARAM), token) ||
      underPagePrefix(url.pathname, pagePrefix) !== null
    );
  }
  return false;
}

function headerValue(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/**
 * Only requests addressed to this server by its loopback name are served. A DNS-rebinding
 * page (evil.example resolving to 127.0.0.1) sends its own Host header and is refused even
 * before the token is checked.
 */
export function isLoopbackHost(hostHeader: string | undefined, port: number): boolean {
  return hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}`;
}
