import type { ApiEvents, ApiMethods, EventName, MethodName } from '../../shared/contract';

/**
 * The service as main sees it: every contract method, async, returning its value or
 * throwing a ReclaimFailure. The boundary (IPC or HTTP) turns that into an Outcome.
 */
export type ServiceMethods = {
  [K in MethodName]: (...args: Parameters<ApiMethods[K]>) => Promise<ReturnType<ApiMethods[K]>>;
};

export type EventListener<K extends EventName> = (payload: ApiEvents[K]) => void;

/** Where the boundaries subscribe to the service's events. */
export interface ServiceEvents {
  on<K extends EventName>(name: K, listener: EventListener<K>): () => void;
}

export type Service = ServiceMethods & ServiceEvents;
