import type { RendererApi } from '../../../shared/contract';

declare global {
  interface Window {
    /** Installed by the preload (Electron) or by install-browser-api.ts (browser mode). */
    api: RendererApi;
  }
}

/** The renderer's typed access to the main process: the same object in both modes. */
export function getApi(): RendererApi {
  return window.api;
}
