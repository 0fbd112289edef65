import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

/** A stand-in for webContents that records what the window code installs on it. */
class FakeContents {
  readonly listeners = new Map<string, Listener>();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  on(event: string, listener: Listener): this {
    this.listeners.set(event, listener);
    return this;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

const electron = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; loaded: string[]; webContents: unknown }[],
  opened: [] as string[],
  permissionHandler: null as null | ((...args: unknown[]) => void),
  permissionCheck: null as null | ((...args: unknown[]) => boolean),
  FakeContents: null as unknown as new () => unknown,
}));

vi.mock('electron', () => {
  class BrowserWindow {
    readonly webContents = new electron.FakeContents();
    readonly loaded: string[] = [];
    constructor(readonly options: Record<string, unknown>) {
      electron.windows.push(this as never);
    }
    once(): void {}
    loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      return Promise.resolve();
    }
  }
  return {
    BrowserWindow,
    shell: { openExternal: vi.fn(async (url: string) => void electron.opened.push(url)) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: (...args: unknown[]) => void) => {
          electron.permissionHandler = handler;
        },
        setPermissionCheckHandler: (handler: (...args: unknown[]) => boolean) => {
          electron.permissionCheck = handler;
        },
      },
    },
  };
});
electron.FakeContents = FakeContents;

const { createMainWindow, denyAllPermissions, SECURE_WEB_PREFERENCES } = await import('./window');
const { RENDERER_CSP } = await import('./csp');

const APP = 'app://reclaim';

function openWindow(): {
  options: Record<string, unknown>;
  loaded: string[];
  contents: FakeContents;
} {
  createMainWindow({
    preloadPath: '/app/out/preload/index.js',
    entryUrl: `${APP}/index.html`,
    appOrigins: [APP],
  });
  const window = electron.windows.at(-1);
  if (!window) throw new Error('no window created');
  return {
    options: window.options,
    loaded: window.loaded,
    contents: window.webContents as FakeContents,
  };
}

describe('the main window', () => {
  beforeEach(() => {
    electron.windows.length = 0;
    electron.opened.length = 0;
  });

  it('has every security setting of the checklist', () => {
    const { options } = openWindow();
    expect(options['webPreferences']).toEqual({
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
      preload: '/app/out/preload/index.js',
    });
    expect(SECURE_WEB_PREFERENCES.sandbox).toBe(true);
  });

  it('loads the renderer from the app:// scheme, not file://', () => {
    expect(openWindow().loaded).toEqual([`${APP}/index.html`]);
  });

  it('blocks navigation and redirects away from the app, allows them inside it', () => {
    const { contents } = openWindow();
    for (const event of ['will-navigate', 'will-redirect']) {
      const listener = contents.listeners.get(event);
      expect(listener, event).toBeDefined();
      const away = { preventDefault: vi.fn() };
      listener?.(away, 'https://evil.example/');
      expect(away.preventDefault).toHaveBeenCalled();
      const file = { preventDefault: vi.fn() };
      listener?.(file, 'file:///etc/passwd');
      expect(file.preventDefault).toHaveBeenCalled();
      const inside = { preventDefault: vi.fn() };
      listener?.(inside, `${APP}/index.html#/images`);
      expect(inside.preventDefault).not.toHaveBeenCalled();
    }
  });

  it('refuses to attach a <webview>', () => {
    const { contents } = openWindow();
    const event = { preventDefault: vi.fn() };
    contents.listeners.get('will-attach-webview')?.(event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window; allow-listed docs open in the system browser instead', () => {
    const { contents } = openWindow();
    const handler = contents.windowOpenHandler;
    expect(handler).not.toBeNull();
    expect(handler?.({ url: 'https://docs.docker.com/engine/' })).toEqual({ action: 'deny' });
    expect(handler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(electron.opened).toEqual(['https://docs.docker.com/engine/']);
  });

  it('denies every permission request and check', () => {
    denyAllPermissions();
    const callback = vi.fn();
    electron.permissionHandler?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(electron.permissionCheck?.({}, 'notifications')).toBe(false);
  });
});

describe('the Content-Security-Policy', () => {
  const html = readFileSync(path.join(__dirname, '../renderer/index.html'), 'utf8');

  it('is in index.html exactly as main sends it', () => {
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(RENDERER_CSP);
  });

  it('allows scripts only from the app itself (no inline, no eval, no remote)', () => {
    expect(RENDERER_CSP).toContain("default-src 'none'");
    expect(RENDERER_CSP).toMatch(/script-src 'self'(;|$)/);
    expect(RENDERER_CSP).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|https?:|\*/);
  });

  it('has no inline script in index.html', () => {
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
