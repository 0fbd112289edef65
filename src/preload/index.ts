/**
 * The only bridge between the sandboxed renderer and main: exactly one named function per
 * contract method and one `on…` subscriber per event, typed by RendererApi. No generic
 * invoke/send/on and no Electron object ever reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiEvents, EventName, MethodName, RendererApi } from '../shared/contract';
import { eventChannel, methodChannel } from '../main/ipc/channels';

function method<K extends MethodName>(name: K): RendererApi[K] {
  const channel = methodChannel(name);
  return ((...args: unknown[]) => ipcRenderer.invoke(channel, ...args)) as RendererApi[K];
}

function subscriber<K extends EventName>(name: K) {
  const channel = eventChannel(name);
  return (listener: (payload: ApiEvents[K]) => void): (() => void) => {
    // The IPC event object stays here: it carries the sender and must not reach the page.
    const relay = (_event: IpcRendererEvent, payload: ApiEvents[K]): void => listener(payload);
    ipcRenderer.on(channel, relay);
    return () => {
      ipcRenderer.removeListener(channel, relay);
    };
  };
}

// Listed by hand (not generated from METHOD_NAMES) so the RendererApi type checks both ways:
// a missing method and an extra one are compile errors.
const api: RendererApi = {
  getEngineStatus: method('getEngineStatus'),
  listEndpoints: method('listEndpoints'),
  connect: method('connect'),
  getDiskUsage: method('getDiskUsage'),
  getInventory: method('getInventory'),
  resolveReference: method('resolveReference'),
  planRemoval: method('planRemoval'),
  planPrune: method('planPrune'),
  runPlan: method('runPlan'),
  cancelRun: method('cancelRun'),
  removeContainers: method('removeContainers'),
  removeVolumes: method('removeVolumes'),
  pruneBuildCache: method('pruneBuildCache'),
  getSettings: method('getSettings'),
  updateSettings: method('updateSettings'),
  openDocs: method('openDocs'),
  onInventoryChanged: subscriber('inventoryChanged'),
  onEngineStatus: subscriber('engineStatus'),
  onRunProgress: subscriber('runProgress'),
};

contextBridge.exposeInMainWorld('api', api);
