/**
 * The service as the app runs it (real engine modules, real settings, history and image-use
 * files in a fresh folder), connected to a private test engine: for engine tests that go
 * through the service.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { assertPrivateEndpoint } from '../../../test/engine/guard';
import { HistoryStore } from '../history/history-store';
import { SettingsStore } from '../settings/settings-store';
import { ImageUseStore } from '../usage/image-use-store';
import { createReclaimService } from './create-service';
import type { ReclaimService } from './reclaim-service';

export interface PrivateService {
  service: ReclaimService;
  /** The data folder (settings, history, image use). */
  dir: string;
  close(): Promise<void>;
}

export async function startPrivateService(host: string): Promise<PrivateService> {
  assertPrivateEndpoint(host);
  const dir = await mkdtemp(path.join(tmpdir(), 'reclaim-service-'));
  const service = createReclaimService({
    settings: await SettingsStore.open(dir),
    history: await HistoryStore.open(dir),
    imageUse: await ImageUseStore.open(dir),
    openExternal: () => undefined,
  });
  expect((await service.start({ host })).state).toBe('connected');
  return {
    service,
    dir,
    close: async () => {
      service.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
