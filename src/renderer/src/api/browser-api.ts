import type {
  ApiEvents,
  ApiMethods,
  EventName,
  MethodName,
  Outcome,
  RendererApi,
} from '../../../shared/contract';
import { reclaimError } from '../../../shared/errors';
import {
  createRendererApi,
  EVENTS_PATH,
  methodPath,
  TOKEN_HEADER,
  TOKEN_PARAM,
  type Call,
  type Subscribe,
} from '../../../shared/transport';

/**
 * window.api for browser mode, built from fetch and one EventSource by the same
 * createRendererApi as the Electron preload's, so renderer code cannot tell which mode it
 * runs in. The server checks the token on every request and runs the very same validation
 * and service.
 */

export interface BrowserApiOptions {
  token: string;
  /** The server's origin; '' for same-origin requests (the normal case). */
  baseUrl?: string;
  fetch?: typeof fetch;
  EventSource?: typeof EventSource;
  /** Opens a docs link in a new tab once the server has checked it against the allow-list. */
  openTab?: (url: string) => void;
}

const failed = (error: ReturnType<typeof reclaimError>): Outcome<never> => ({ ok: false, error });

export function createBrowserApi(options: BrowserApiOptions): RendererApi {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const EventSourceImpl = options.EventSource ?? globalThis.EventSource;
  let events: EventSource | null = null;

  const call: Call = async <K extends MethodName>(
    name: K,
    args: Parameters<ApiMethods[K]>,
  ): Promise<Outcome<ReturnType<ApiMethods[K]>>> => {
    try {
      const response = await doFetch(`${baseUrl}${methodPath(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: options.token },
        body: JSON.stringify(args),
      });
      if (response.status === 401) {
        return failed(reclaimError('VALIDATION', { cause: 'browser-token-refused' }));
      }
      // The server answers every call with the method's Outcome (server.ts).
      return (await response.json()) as Outcome<ReturnType<ApiMethods[K]>>;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return failed(reclaimError('INTERNAL', { cause: 'browser-server-unreachable', detail }));
    }
  };

  const subscribe: Subscribe = <K extends EventName>(
    name: K,
    listener: (payload: ApiEvents[K]) => void,
  ) => {
    // One stream for all events, opened on first use.
    events ??= new EventSourceImpl(
      `${baseUrl}${EVENTS_PATH}?${TOKEN_PARAM}=${encodeURIComponent(options.token)}`,
    );
    const source = events;
    // The server sends each event's payload as JSON under the event's contract name (sse.ts).
    const relay = (message: MessageEvent<string>): void =>
      listener(JSON.parse(message.data) as ApiEvents[K]);
    source.addEventListener(name, relay as EventListener);
    return () => source.removeEventListener(name, relay as EventListener);
  };

  const api = createRendererApi(call, subscribe);
  // The server checks the link against the allow-list; the user's browser is the "system
  // browser" here (the server may be headless or remote), so the tab opens on this side.
  const openTab =
    options.openTab ??
    ((url: string) => void globalThis.open?.(url, '_blank', 'noopener,noreferrer'));
  return {
    ...api,
    openDocs: async (url) => {
      const outcome = await api.openDocs(url);
      if (outcome.ok) openTab(url);
      return outcome;
    },
  };
}
