import { protocol } from 'electron';
import { RENDERER_CSP_HEADER } from './csp';
import { readStaticFile } from './web/static-files';

/**
 * The renderer is served from `app://reclaim/` rather than file://: a file:// page shares an
 * origin with every local file, while a privileged standard scheme gives the page its own
 * origin, lets the CSP header apply, and lets IPC check exactly who is calling.
 */
const APP_SCHEME = 'app';
const APP_HOST = 'reclaim';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Must run before the app is ready (Electron's rule for privileged schemes). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    },
  ]);
}

/** Answers app:// requests from the built renderer folder, with the CSP as a header. */
export function serveRendererFrom(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => respond(rendererDir, request.url));
}

export async function respond(rendererDir: string, requestUrl: string): Promise<Response> {
  const url = new URL(requestUrl);
  const file = url.host === APP_HOST ? await readStaticFile(rendererDir, url.pathname) : null;
  if (!file) return new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(file.body), {
    status: 200,
    headers: {
      'Content-Type': file.contentType,
      'Content-Security-Policy': RENDERER_CSP_HEADER,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
