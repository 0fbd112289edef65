import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { EVENT_NAMES, METHOD_NAMES, type Outcome } from '../shared/contract';
import { reclaimError } from '../shared/errors';
import { eventChannel, methodChannel } from './ipc/channels';
import { isTrustedFrame } from './ipc/trusted-origins';
import { dispatch } from './service/dispatch';
import type { Service } from './service/service-api';

// A frame that is not Reclaim's own page: nothing runs, and the words say so (i18n).
const REFUSED: Outcome<never> = {
  ok: false,
  error: reclaimError('VALIDATION', { cause: 'untrusted-sender' }),
};

/**
 * One `ipcMain.handle` per contract method. Each checks that the calling frame is the app's
 * own top-level page, validates the arguments and calls the service; the answer is always an
 * Outcome, because an Error thrown across IPC loses its code and facts. Returns an undo.
 */
export function registerIpcHandlers(
  service: Service,
  trustedOrigins: readonly string[],
): () => void {
  for (const name of METHOD_NAMES) {
    ipcMain.handle(methodChannel(name), (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      if (!isTrustedFrame(event.senderFrame, trustedOrigins)) return REFUSED;
      return dispatch(service, name, args);
    });
  }
  return () => {
    for (const name of METHOD_NAMES) ipcMain.removeHandler(methodChannel(name));
  };
}

/** Forwards every service event to one window until it is destroyed. Returns an undo. */
export function forwardEvents(service: Service, contents: WebContents): () => void {
  const unsubscribers = EVENT_NAMES.map((name) =>
    service.on(name, (payload) => {
      if (!contents.isDestroyed()) contents.send(eventChannel(name), payload);
    }),
  );
  const stop = (): void => unsubscribers.forEach((unsubscribe) => unsubscribe());
  contents.once('destroyed', stop);
  return stop;
}
