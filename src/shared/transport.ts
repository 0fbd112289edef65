/**
 * How `window.api` reaches main, declared once for every side of the boundary: the Electron
 * preload (IPC), the browser-mode client and server (HTTP + Server-Sent Events) and the
 * renderer's test fake all build the same object from a `call`/`subscribe` pair, and browser
 * mode's client and server read the header name and paths from here so they cannot drift.
 *
 * Pure: no Node, Electron or DOM import, because the preload, the renderer and main all
 * bundle it.
 */
import {
  EVENT_NAMES,
  METHOD_NAMES,
  type ApiEvents,
  type ApiMethods,
  type EventName,
  type MethodName,
  type Outcome,
  type RendererApi,
} from './contract';

/** The header browser mode's API calls carry the token in (a cross-site page cannot set it). */
export const TOKEN_HEADER = 'x-reclaim-token';

/** The query parameter that carries the token where no header can: page loads and the stream. */
export const TOKEN_PARAM = 'token';

/** Every browser-mode API path starts with this; the rest of a call's path is the method name. */
export const API_PREFIX = '/api/';

/** `GET` here opens the one Server-Sent Events stream that carries every contract event. */
export const EVENTS_PATH = `${API_PREFIX}events`;

// The stream's path must never shadow a method's path.
type EventsPathIsFree = 'events' extends MethodName ? 'a method is named events' : true;
export const eventsPathIsFree: EventsPathIsFree = true;

/** `POST` here with a JSON array of arguments answers the method's Outcome as JSON. */
export function methodPath<K extends MethodName>(name: K): `/api/${K}` {
  return `${API_PREFIX}${name}`;
}

/**
 * The method name a request path asks for, unchecked (the dispatcher refuses unknown names),
 * or null for a path outside the API.
 */
export function methodNameOf(pathname: string): string | null {
  return pathname.startsWith(API_PREFIX) ? pathname.slice(API_PREFIX.length) : null;
}

/** The `on…` name of an event's subscriber on `window.api` (`engineStatus` → `onEngineStatus`). */
export function subscriberName<K extends EventName>(name: K): `on${Capitalize<K>}` {
  return `on${name.charAt(0).toUpperCase()}${name.slice(1)}` as `on${Capitalize<K>}`;
}

/** Sends one method call across the boundary; resolves with main's Outcome, never throws. */
export type Call = <K extends MethodName>(
  name: K,
  args: Parameters<ApiMethods[K]>,
) => Promise<Outcome<ReturnType<ApiMethods[K]>>>;

/** Starts delivering one event's payloads to `listener`; returns the unsubscribe. */
export type Subscribe = <K extends EventName>(
  event: K,
  listener: (payload: ApiEvents[K]) => void,
) => () => void;

// Compile-time proof that the contract's lists name every method and event: the API below
// is built from them, so a name left out would be a function missing from window.api.
type UnlistedMethod = Exclude<MethodName, (typeof METHOD_NAMES)[number]>;
type UnlistedEvent = Exclude<EventName, (typeof EVENT_NAMES)[number]>;
export const everyMethodListed: [UnlistedMethod] extends [never] ? true : UnlistedMethod = true;
export const everyEventListed: [UnlistedEvent] extends [never] ? true : UnlistedEvent = true;

/**
 * The complete `window.api`: exactly one named function per contract method, forwarding its
 * arguments to `call` under its own name, and one `on…` subscriber per event. Nothing
 * generic (no invoke/send/on taking a name) is ever part of it.
 */
export function createRendererApi(call: Call, subscribe: Subscribe): RendererApi {
  const api: Record<string, unknown> = {};
  for (const name of METHOD_NAMES) {
    api[name] = (...args: Parameters<ApiMethods[typeof name]>) => call(name, args);
  }
  for (const name of EVENT_NAMES) {
    api[subscriberName(name)] = (listener: (payload: ApiEvents[typeof name]) => void) =>
      subscribe(name, listener);
  }
  // Complete by construction: the two lists are checked against the contract above, and
  // each entry has its contract type because its name is that entry's key.
  return api as RendererApi;
}
