import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { TOKEN_HEADER, TOKEN_PARAM } from '../../shared/transport';

/** Per-port, so two browser-mode servers on one machine do not overwrite each other's cookie. */
export function tokenCookieName(port: number): string {
  return `reclaim_token_${port}`;
}

export function sameToken(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  // Constant-time, so the token cannot be guessed byte by byte from response times.
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return null;
}

/**
 * Who may do what:
 * - API calls (POST) must carry the token in a header: a page on another site can make a
 *   browser send cookies, but it cannot set this header without a CORS preflight we never allow.
 * - Page loads, assets and the SSE stream are GETs that a browser sends without custom
 *   headers: they carry the token parameter (`?token=`), or the HttpOnly cookie set when the page was opened with it.
 */
export function isAuthorized(req: IncomingMessage, url: URL, token: string, port: number): boolean {
  if (req.method === 'POST') return sameToken(headerValue(req, TOKEN_HEADER), token);
  if (req.method === 'GET' || req.method === 'HEAD') {
    return (
      sameToken(url.searchParams.get(TOKEN_PARAM), token) ||
      sameToken(cookie(req, tokenCookieName(port)), token)
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
