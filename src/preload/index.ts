/**
 * The only bridge between the sandboxed renderer and main: exactly one named function per
 * contract method and one `on…` subscriber per event, built by the shared createRendererApi
 * over IPC. No generic invoke/send/on and no Electron object ever reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiEvents, EventName } from '../shared/contract';
import { createRendererApi, type Call, type Subscribe } from '../shared/transport';
import { eventChannel, methodChannel } from '../main/ipc/channels';

// Main answers every channel with an Outcome (ipc.ts): it never rejects on purpose.
const call: Call = (name, args) => ipcRenderer.invoke(methodChannel(name), ...args);

const subscribe: Subscribe = <K extends EventName>(
  event: K,
  listener: (payload: ApiEvents[K]) => void,
) => {
  const channel = eventChannel(event);
  // The IPC event object stays here: it carries the sender and must not reach the page.
  const relay = (_event: IpcRendererEvent, payload: ApiEvents[K]): void => listener(payload);
  ipcRenderer.on(channel, relay);
  return () => {
    ipcRenderer.removeListener(channel, relay);
  };
};

contextBridge.exposeInMainWorld('api', createRendererApi(call, subscribe));
