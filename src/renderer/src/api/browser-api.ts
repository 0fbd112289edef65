import {
  EVENT_NAMES,
  METHOD_NAMES,
  type ApiEvents,
  type EventName,
  type MethodName,
  type Outcome,
  type RendererApi,
} from '../../../shared/contract';
import { reclaimError } from '../../../shared/errors';

/**
 * window.api for browser mode, built from fetch and one EventSource: the same shape as the
 * Electron preload's, so renderer code cannot tell which mode it runs in. The server checks
 * the token on every request and runs the very same validation and service.
 */

/** The header browser mode reads the token from on API calls. */
export const TOKEN_HEADER = 'x-reclaim-token';

export interface BrowserApiOptions {
  token: string;
  /** The server's origin; '' for same-origin requests (the normal case). */
  baseUrl?: string;
  fetch?: typeof fetch;
  EventSource?: typeof EventSource;
  /** Opens a docs link in a new tab once the server has checked it against the allow-list. */
  openTab?: (url: string) => void;
}

const lostServer = (detail: string) =>
  reclaimError(
    'INTERNAL',
    'Reclaim’s browser-mode server did not answer.',
    'Check that `npm run web` is still running, then reload this page with the printed URL.',
    { detail },
  );

export function createBrowserApi(options: BrowserApiOptions): RendererApi {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const EventSourceImpl = options.EventSource ?? globalThis.EventSource;
  let events: EventSource | null = null;

  const call = async (name: MethodName, args: unknown[]): Promise<Outcome<unknown>> => {
    try {
      const response = await doFetch(`${baseUrl}/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: options.token },
        body: JSON.stringify(args),
      });
      if (response.status === 401) {
        return {
          ok: false,
          error: reclaimError(
            'VALIDATION',
            'This page’s access token was refused.',
            'Open the URL that `npm run web` printed, including its ?token=… part.',
          ),
        };
      }
      return (await response.json()) as Outcome<unknown>;
    } catch (error) {
      return {
        ok: false,
        error: lostServer(error instanceof Error ? error.message : String(error)),
      };
    }
  };

  const subscribe = (name: EventName, listener: (payload: never) => void): (() => void) => {
    // One stream for all events, opened on first use.
    events ??= new EventSourceImpl(
      `${baseUrl}/api/events?token=${encodeURIComponent(options.token)}`,
    );
    const source = events;
    const relay = (message: MessageEvent<string>): void =>
      listener(JSON.parse(message.data) as never);
    source.addEventListener(name, relay as EventListener);
    return () => source.removeEventListener(name, relay as EventListener);
  };

  const api: Record<string, unknown> = {};
  for (const name of METHOD_NAMES) {
    api[name] = (...args: unknown[]) => call(name, args);
  }
  for (const name of EVENT_NAMES) {
    api[subscriberName(name)] = (listener: (payload: ApiEvents[typeof name]) => void) =>
      subscribe(name, listener as (payload: never) => void);
  }
  // The server checks the link against the allow-list; the user's browser is the "system
  // browser" here (the server may be headless or remote), so the tab opens on this side.
  const openTab =
    options.openTab ??
    ((url: string) => void globalThis.open?.(url, '_blank', 'noopener,noreferrer'));
  api['openDocs'] = async (url: string) => {
    const outcome = await call('openDocs', [url]);
    if (outcome.ok) openTab(url);
    return outcome;
  };
  // Complete by construction: METHOD_NAMES and EVENT_NAMES are checked against the contract.
  return api as RendererApi;
}

export function subscriberName<K extends EventName>(name: K): `on${Capitalize<K>}` {
  return `on${name.charAt(0).toUpperCase()}${name.slice(1)}` as `on${Capitalize<K>}`;
}
