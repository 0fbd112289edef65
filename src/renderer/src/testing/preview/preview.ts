/**
 * Renders the real App against the fake API, for looking at screens before and without a
 * backend: `npx vite src/renderer/src/testing/preview`. Query parameters pick the state:
 * `?state=error|connecting`, `?theme=dark`, `?lang=zh-CN`, `?view=images`, `?many=5000`,
 * `?settingsNotice` (what a damaged settings file left), `?store=containerd`,
 * `?version=26.1.5` (the engine's release, for what differs by release).
 * Test-only: never part of the app's build.
 */
import { mount } from 'svelte';
import type { EngineStatus } from '../../../../shared/contract';
import { reclaimError } from '../../../../shared/errors';
import { DEFAULT_SETTINGS, type Language, type Theme } from '../../../../shared/settings';
import App from '../../App.svelte';
import { setupI18n } from '../../i18n';
import { createFakeApi } from '../fake-api';
import { fixtureInventory, manyImages } from '../inventory-fixture';
import '../../ui/theme.css';

const query = new URLSearchParams(location.search);
const inventory = fixtureInventory();
const many = Number(query.get('many') ?? 0);
if (many > 0) inventory.images.push(...manyImages(many));
// ?store=containerd: the same images as the containerd image store would list them.
// The largest image then stands for a multi-platform one, as Docker 28 lists its platforms.
if (query.get('store') === 'containerd') {
  inventory.engine.imageStore = 'containerd';
  const largest = [...inventory.images].sort((a, b) => b.size - a.size)[0];
  if (largest) {
    largest.platforms = [
      {
        platform: 'linux/amd64',
        available: true,
        contentBytes: 412_000_000,
        unpackedBytes: 688_000_000,
      },
      { platform: 'linux/arm64', available: true, contentBytes: 398_000_000, unpackedBytes: 0 },
    ];
  }
}

const version = query.get('version');
if (version) inventory.engine.version = version;

const STATES: Record<string, EngineStatus> = {
  error: {
    state: 'error',
    error: reclaimError('PERMISSION_DENIED', {
      cause: 'access-denied',
      values: { hint: 'join-docker-group' },
      endpoint: 'unix:///var/run/docker.sock',
      detail: 'connect EACCES /var/run/docker.sock',
    }),
  },
  connecting: { state: 'connecting', endpoint: 'unix:///var/run/docker.sock' },
};

const api = createFakeApi({
  inventory,
  status: STATES[query.get('state') ?? ''],
  settings: {
    ...DEFAULT_SETTINGS,
    language: (query.get('lang') as Language | null) ?? 'system',
    theme: (query.get('theme') as Theme | null) ?? 'system',
  },
  ...(query.has('settingsNotice')
    ? {
        settingsNotice: {
          unreadable: false,
          dropped: ['theme' as const, 'endpoint' as const],
          droppedPatterns: 1,
          unknownFields: ['strategies'],
          keptAside: '/home/me/.config/Reclaim/settings.json.invalid-1764600000000',
        },
      }
    : {}),
});
setupI18n();
const target = document.getElementById('app') as HTMLElement;
mount(App, { target, props: { api, initialView: query.get('view') ?? undefined } });
