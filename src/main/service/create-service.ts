import type { HistoryStore } from '../history/history-store';
import type { ImageUseStore } from '../usage/image-use-store';
import type { SettingsStore } from '../settings/settings-store';
import type { EnginePort } from './engine-port';
import { realEnginePort } from './engine-wiring';
import { ReclaimService } from './reclaim-service';

export interface CreateServiceOptions {
  settings: SettingsStore;
  history: HistoryStore;
  /** When images were last seen used (the least-recently-used strategy's evidence). */
  imageUse?: ImageUseStore;
  openExternal: (url: string) => Promise<void> | void;
  /** Replaced only by tests that need an engine with scripted answers. */
  engine?: EnginePort;
}

/** The service as the app and browser mode run it: the real engine modules behind the port. */
export function createReclaimService(options: CreateServiceOptions): ReclaimService {
  return new ReclaimService({
    engine: options.engine ?? realEnginePort,
    settings: options.settings,
    history: options.history,
    ...(options.imageUse ? { imageUse: options.imageUse } : {}),
    openExternal: options.openExternal,
  });
}
