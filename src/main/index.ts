/**
 * The app's lifecycle, nothing else: security set-up, the service, IPC and the window are
 * each in their own module.
 */
import path from 'node:path';
import { app, BrowserWindow, Notification, shell } from 'electron';
import { APP_ENTRY_URL, APP_ORIGIN, registerAppScheme, serveRendererFrom } from './app-protocol';
import { forwardEvents, registerIpcHandlers } from './ipc';
import { originOf } from './ipc/trusted-origins';
import { createReclaimService } from './service/create-service';
import { SettingsStore } from './settings/settings-store';
import { HistoryStore } from './history/history-store';
import { ImageUseStore } from './usage/image-use-store';
import { diskWatchNotificationText } from './watch/watch-words';
import { createMainWindow, denyAllPermissions, lockDownContents } from './window';

// electron-vite sets this only in `npm run dev`; in a packaged app it is never set.
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const devOrigin = devServerUrl ? originOf(devServerUrl) : null;
const appOrigins = devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN];

registerAppScheme();
app.enableSandbox();

// Every web contents, including any created later, gets the same locks as the main window.
app.on('web-contents-created', (_event, contents) => lockDownContents(contents, appOrigins));

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

async function start(): Promise<void> {
  await app.whenReady();
  denyAllPermissions();
  serveRendererFrom(path.join(__dirname, '../renderer'));

  const settings = await SettingsStore.open(app.getPath('userData'));
  const service = createReclaimService({
    settings,
    history: await HistoryStore.open(app.getPath('userData')),
    imageUse: await ImageUseStore.open(app.getPath('userData')),
    openExternal: (url) => shell.openExternal(url),
  });
  registerIpcHandlers(service, appOrigins);
  // Stop following the engine's events so nothing holds the process open on quit.
  app.on('will-quit', () => service.close());

  const openWindow = (): BrowserWindow => {
    const window = createMainWindow({
      preloadPath: path.join(__dirname, '../preload/index.js'),
      entryUrl: devServerUrl ?? APP_ENTRY_URL,
      appOrigins,
    });
    forwardEvents(service, window.webContents);
    return window;
  };
  let mainWindow = openWindow();
  // macOS keeps the app alive without windows; clicking the dock icon opens one again.
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = openWindow();
  });
  const focusWindow = (): void => {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  };
  app.on('second-instance', focusWindow);
  // The watch speaks on the desktop; the window shows the same alert as a banner, whose
  // button opens the Safe review, so a click on the notification brings the window up.
  service.on('diskWatch', (alert) => {
    if (!Notification.isSupported()) return;
    const words = diskWatchNotificationText(alert, settings.get().language, app.getLocale());
    const notification = new Notification(words);
    notification.on('click', focusWindow);
    notification.show();
  });
  void service.start();
}

// A second Reclaim would run a second deletion engine against the same Docker: the first
// one is focused instead (see 'second-instance').
if (app.requestSingleInstanceLock()) void start();
else app.quit();
