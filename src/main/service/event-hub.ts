import type { ApiEvents, EventName } from '../../shared/contract';
import type { EventListener, ServiceEvents } from './service-api';

/** A typed publish/subscribe for the contract's events; node:events would lose the types. */
export class EventHub implements ServiceEvents {
  private readonly listeners = new Map<EventName, Set<(payload: never) => void>>();

  on<K extends EventName>(name: K, listener: EventListener<K>): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  emit<K extends EventName>(name: K, payload: ApiEvents[K]): void {
    for (const listener of this.listeners.get(name) ?? []) {
      try {
        (listener as EventListener<K>)(payload);
      } catch {
        // One broken subscriber (a closed window, a dropped SSE client) must not starve the others.
      }
    }
  }
}
