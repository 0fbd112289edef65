/**
 * The app's start-up wiring, with Electron mocked: the security set-up happens (privileged
 * scheme before ready, sandbox for every renderer, permissions denied, handlers on every web
 * contents), IPC is registered for the app's origin only, and the window loads app://.
 */
import { tmpdir } from 'node:os';
import { expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../shared/contract';

const calls = vi.hoisted(() => ({
  order: [] as string[],
  appListeners: new Map<string, (...args: unknown[]) => void>(),
  ipcChannels: [] as string[],
  windows: [] as { options: { webPreferences: Record<string, unknown> }; url: string }[],
  permissionHandlerSet: false,
  serviceStarted: 0,
}));

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = (): unknown[] => calls.windows;
    readonly webContents = {
      on: () => undefined,
      once: () => undefined,
      setWindowOpenHandler: () => undefined,
      isDestroyed: () => false,
      send: () => undefined,
    };
    private readonly record: { options: { webPreferences: Record<string, unknown> }; url: string };
    constructor(options: { webPreferences: Record<string, unknown> }) {
      this.record = { options, url: '' };
      calls.windows.push(this.record);
    }
    once(): void {}
    loadURL(url: string): Promise<void> {
      this.record.url = url;
      return Promise.resolve();
    }
  }
  return {
    BrowserWindow,
    app: {
      isPackaged: true,
      enableSandbox: () => calls.order.push('enableSandbox'),
      requestSingleInstanceLock: () => true,
      on: (event: string, listener: (...args: unknown[]) => void) =>
        calls.appListeners.set(event, listener),
      whenReady: () => {
        calls.order.push('whenReady');
        return Promise.resolve();
      },
      getPath: () => tmpdir(),
      quit: () => undefined,
    },
    protocol: {
      registerSchemesAsPrivileged: () => calls.order.push('registerSchemesAsPrivileged'),
      handle: (scheme: string) => calls.order.push(`handle:${scheme}`),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => {
          calls.permissionHandlerSet = true;
        },
        setPermissionCheckHandler: () => undefined,
      },
    },
    shell: { openExternal: async () => undefined },
    ipcMain: {
      handle: (channel: string) => calls.ipcChannels.push(channel),
      removeHandler: () => undefined,
    },
  };
});

vi.mock('./settings/settings-store', () => ({
  SettingsStore: { open: async () => ({ get: () => ({ endpoint: null }) }) },
}));

vi.mock('./history/history-store', () => ({
  HistoryStore: { open: async () => ({}) },
}));

vi.mock('./service/create-service', () => ({
  createReclaimService: () => ({
    on: () => () => undefined,
    start: async () => {
      calls.serviceStarted++;
    },
    close: () => undefined,
  }),
}));

it('starts securely: scheme before ready, sandbox, permissions, IPC, then the window on app://', async () => {
  await import('./index');
  await vi.waitFor(() => expect(calls.serviceStarted).toBe(1));

  expect(calls.order.indexOf('registerSchemesAsPrivileged')).toBeLessThan(
    calls.order.indexOf('whenReady'),
  );
  expect(calls.order).toContain('enableSandbox');
  expect(calls.order).toContain('handle:app');
  expect(calls.permissionHandlerSet).toBe(true);
  expect(calls.appListeners.has('web-contents-created')).toBe(true);
  expect(calls.appListeners.has('will-quit')).toBe(true);
  expect(calls.ipcChannels.sort()).toEqual(METHOD_NAMES.map((name) => `reclaim:${name}`).sort());
  expect(calls.windows).toHaveLength(1);
  expect(calls.windows[0]?.url).toBe('app://reclaim/index.html');
  expect(calls.windows[0]?.options.webPreferences).toMatchObject({
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
  });
  expect(String(calls.windows[0]?.options.webPreferences['preload'])).toMatch(
    /preload[/\\]index\.js$/,
  );
});
