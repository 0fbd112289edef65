import {
  BrowserWindow,
  session,
  shell,
  type Session,
  type WebContents,
  type WebPreferences,
} from 'electron';
import { originOf } from './ipc/trusted-origins';
import { allowedDocsUrl } from './service/docs-allow-list';

/**
 * Every security setting of the window in one place (Electron's security checklist): the
 * renderer gets no Node, runs sandboxed and isolated from the preload, and can neither
 * navigate away, open windows, nor obtain permissions. A test pins these values.
 */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
} as const satisfies WebPreferences;

export interface MainWindowOptions {
  /** Absolute path of the built preload (one CommonJS file). */
  preloadPath: string;
  /** app://reclaim/index.html, or the dev server's URL in development. */
  entryUrl: string;
  /** Origins the window may show: the app's own, plus the dev server in development. */
  appOrigins: readonly string[];
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    title: 'Reclaim',
    show: false,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: options.preloadPath },
  });
  lockDownContents(window.webContents, options.appOrigins);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.entryUrl);
  return window;
}

/**
 * Keeps a page on the app's own origins. Documentation links are the one way out, and only
 * to the allow-list, in the system browser — never inside Reclaim.
 */
export function lockDownContents(contents: WebContents, appOrigins: readonly string[]): void {
  const staysInApp = (url: string): boolean => {
    const origin = originOf(url);
    return origin !== null && appOrigins.includes(origin);
  };
  contents.on('will-navigate', (event, url) => {
    if (!staysInApp(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!staysInApp(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const checked = allowedDocsUrl(url);
    if (checked !== null) void shell.openExternal(checked);
    return { action: 'deny' };
  });
}

/** Reclaim needs no camera, microphone, notifications or anything else: refuse them all. */
export function denyAllPermissions(target: Session = session.defaultSession): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
}
