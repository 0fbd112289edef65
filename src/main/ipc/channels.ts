import type { EventName, MethodName } from '../../shared/contract';

/**
 * IPC channel names, shared by main and the preload so the two cannot drift apart. The
 * prefix keeps Reclaim's channels apart from anything Electron or a library might use.
 */
export function methodChannel(name: MethodName): `reclaim:${MethodName}` {
  return `reclaim:${name}`;
}

export function eventChannel(name: EventName): `reclaim:event:${EventName}` {
  return `reclaim:event:${name}`;
}
