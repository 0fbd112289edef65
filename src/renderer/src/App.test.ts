import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeAll, describe, expect, it } from 'vitest';
// The jsdom shims must load before any component.
import { setupComponentTests } from './testing/component-setup';
import { reclaimError } from '../../shared/errors';
import App from './App.svelte';
import { createFakeApi } from './testing/fake-api';
import { fixtureInventory } from './testing/inventory-fixture';

beforeAll(setupComponentTests);

describe('App', () => {
  it('shows the connected engine and the four docker system df rows with exact bytes', async () => {
    const inventory = fixtureInventory();
    render(App, { api: createFakeApi({ inventory }) });
    const status = await screen.findByTestId('engine-status');
    await waitFor(() => expect(status.dataset.state).toBe('connected'));
    expect(status.textContent).toContain('Docker 20.10.24+dfsg1');
    expect(status.textContent).toContain('classic');
    for (const category of ['images', 'containers', 'volumes', 'buildCache'] as const) {
      const size = await screen.findByTestId(`disk-usage-${category}-size`);
      expect(size.dataset.bytes).toBe(String(inventory.diskUsage[category].size));
    }
    expect(screen.getByTestId('disk-usage-images-total').textContent).toBe('10');
    const dangling = await screen.findByTestId('dangling-count');
    expect(dangling.textContent).toContain('2 dangling images');
  });

  it('says what it could not keep from a damaged settings file, until dismissed', async () => {
    const settingsNotice = {
      unreadable: false,
      dropped: ['theme' as const],
      droppedPatterns: 1,
      unknownFields: [],
      keptAside: '/home/u/.config/Reclaim/settings.json.invalid-1',
    };
    render(App, { api: createFakeApi({ settingsNotice }) });
    const notice = await screen.findByTestId('settings-notice');
    expect(screen.getByTestId('settings-notice-dropped').textContent).toContain('theme');
    expect(screen.getByTestId('settings-notice-patterns').textContent).toContain(
      '1 protected pattern was not valid text',
    );
    expect(notice.textContent).toContain(settingsNotice.keptAside);
    await fireEvent.click(screen.getByTestId('settings-notice-dismiss'));
    expect(screen.queryByTestId('settings-notice')).toBeNull();
  });

  it('follows inventoryChanged events without a reload', async () => {
    const api = createFakeApi();
    render(App, { api });
    await screen.findByTestId('dangling-count');
    const changed = api.inventory();
    const images = changed.images.filter((image) => !image.dangling);
    api.emit('inventoryChanged', {
      ...changed,
      images,
      diskUsage: {
        ...changed.diskUsage,
        images: { ...changed.diskUsage.images, total: images.length },
      },
    });
    await waitFor(() =>
      expect(screen.getByTestId('dangling-count').textContent).toContain(
        'No dangling images to clean',
      ),
    );
    expect(screen.getByTestId('disk-usage-images-total').textContent).toBe('8');
  });

  it('counts in the badge only the dangling images Clean up removes, and names the rest in use', async () => {
    const api = createFakeApi();
    const base = api.inventory();
    const [first] = base.images.filter((image) => image.dangling);
    if (!first) throw new Error('the fixture has dangling images');
    const user = { id: 'c0ffee0000aa', name: 'holds-dangling', running: false, state: 'exited' };
    const inventory = {
      ...base,
      images: base.images.map((image) =>
        image.id === first.id ? { ...image, containers: [user] } : image,
      ),
      containers: [
        ...base.containers,
        { ...user, imageId: first.id, image: first.id, sizeRw: 0, created: 0 },
      ],
    };
    render(App, { api: createFakeApi({ inventory }) });
    const badge = await screen.findByTestId('dangling-count');
    await waitFor(() => expect(badge.textContent).toContain('1 dangling image to clean'));
    expect(badge.textContent).toContain('1 more in use by a container');
  });

  it('shows an engine error with its message and fix, and retries', async () => {
    const error = reclaimError('ENGINE_NOT_RUNNING', { endpoint: 'unix:///var/run/docker.sock' });
    const api = createFakeApi({ status: { state: 'error', error } });
    render(App, { api });
    const screenEl = await screen.findByTestId('engine-error');
    expect(screenEl.textContent).toContain('Engine not running');
    // Worded by the renderer from the code and endpoint, so every language reads its own.
    expect(screenEl.textContent).toContain('No engine answers at unix:///var/run/docker.sock.');
    expect(screenEl.textContent).toContain('Start Docker (or Podman), then try again');
    screen.getByRole('button', { name: 'Try again' }).click();
    await waitFor(() =>
      expect(screen.getByTestId('engine-status').dataset.state).toBe('connected'),
    );
    expect(api.calls.some((call) => call.method === 'connect')).toBe(true);
    await screen.findByText('Reconnected to the engine.');
  });
});

describe('App while connecting', () => {
  it('shows a connecting screen naming the endpoint instead of empty figures', async () => {
    const api = createFakeApi({ status: { state: 'connecting', endpoint: 'unix:///run/x.sock' } });
    render(App, { api });
    const connecting = await screen.findByTestId('engine-connecting');
    await waitFor(() =>
      expect(connecting.textContent).toContain('Connecting to unix:///run/x.sock'),
    );
    expect(screen.queryByTestId('disk-usage')).toBeNull();
    api.emit('engineStatus', { state: 'connected', engine: api.inventory().engine });
    await screen.findByTestId('disk-usage');
  });
});
