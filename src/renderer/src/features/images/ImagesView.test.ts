// The jsdom shims must load before any component.
import { setupComponentTests } from '../../testing/component-setup';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../shared/settings';
import { createFakeApi } from '../../testing/fake-api';
import { FIXTURE_NOW_MS, fixtureImages, manyImages } from '../../testing/inventory-fixture';
import ImagesView from './ImagesView.svelte';

beforeAll(setupComponentTests);

const images = fixtureImages();
const props = (list = images) => ({
  api: createFakeApi(),
  images: list,
  settings: DEFAULT_SETTINGS,
  nowMs: FIXTURE_NOW_MS,
});
const rowKeys = (): string[] =>
  screen.getAllByTestId('image-row').map((row) => row.dataset.key ?? '');

describe('ImagesView table', () => {
  it('lists a row per tag, largest first, and sorts by a clicked column', async () => {
    render(ImagesView, props());
    expect(rowKeys()).toHaveLength(12);
    expect(rowKeys()[0]).toBe('node:20');
    await fireEvent.click(screen.getByTestId('sort-repository'));
    expect(rowKeys()[0]).toBe('mongo:8.0');
    expect(screen.getByTestId('sort-repository').parentElement?.getAttribute('aria-sort')).toBe(
      'ascending',
    );
    await fireEvent.click(screen.getByTestId('sort-repository'));
    expect(rowKeys()[0]).toBe('team/app-base:1');
    // <none> rows stay last whichever way the column sorts.
    expect(rowKeys().at(-1)).toMatch(/^sha256:/);
  });

  it('keeps only the visible rows in the DOM with thousands of images', () => {
    render(ImagesView, props([...images, ...manyImages(5000)]));
    expect(screen.getByTestId('image-count').dataset.shown).toBe('5012');
    const rendered = screen.getAllByTestId('image-row').length;
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(100);
  });

  it('searches repository, tag and ID', async () => {
    render(ImagesView, props());
    await fireEvent.input(screen.getByTestId('image-search'), { target: { value: 'alpine' } });
    expect(rowKeys().sort()).toEqual(['redis:7-alpine', 'redis:alpine']);
  });

  it('says what the sizes count on the containerd image store, and nothing on the classic', () => {
    const { unmount } = render(ImagesView, props());
    expect(screen.queryByTestId('size-basis-images')).toBeNull();
    unmount();
    render(ImagesView, { ...props(), store: 'containerd' });
    expect(screen.getByTestId('size-basis-images').textContent).toMatch(
      /content .* unpacked snapshots/,
    );
  });

  it('shows a multi-platform image`s platforms with the bytes each holds', () => {
    const [first, ...rest] = images;
    if (!first) throw new Error('no fixture image');
    const multi = {
      ...first,
      platforms: [
        { platform: 'linux/amd64', available: true, contentBytes: 300_000, unpackedBytes: 320_000 },
        { platform: 'linux/arm64', available: false, contentBytes: 200_000, unpackedBytes: 0 },
      ],
    };
    render(ImagesView, props([multi, ...rest]));
    const badge = screen.getAllByTestId('badge-platforms')[0];
    expect(badge?.textContent).toContain('linux/amd64: 300kB content, 320kB unpacked');
    expect(badge?.textContent).toContain('linux/arm64: 200kB content, not unpacked here');
  });

  it('shows the digest column only when asked', async () => {
    render(ImagesView, props());
    expect(screen.queryByText('Digest')).toBeNull();
    await fireEvent.click(screen.getByTestId('digest-toggle'));
    const nginx = screen.getAllByTestId('image-row').find((r) => r.dataset.key === 'nginx:latest');
    expect(nginx?.textContent).toContain('sha256:b4f0e0bdeb5');
  });
});

describe('ImagesView filters', () => {
  it('applies dangling=true and shows the docker images command', async () => {
    render(ImagesView, props());
    await fireEvent.click(screen.getByTestId('filter-add'));
    expect(screen.getByTestId('filter-command').textContent).toBe(
      'docker images --filter dangling=true',
    );
    expect(
      screen.getAllByTestId('image-row').every((row) => row.textContent?.includes('dangling')),
    ).toBe(true);
    expect(rowKeys()).toHaveLength(2);
  });

  it('quotes a reference glob and explains an invalid until', async () => {
    render(ImagesView, props());
    await fireEvent.change(screen.getByTestId('filter-kind'), { target: { value: 'reference' } });
    await fireEvent.click(screen.getByTestId('filter-add'));
    const input = within(screen.getByTestId('filter-reference')).getByRole('textbox');
    await fireEvent.input(input, { target: { value: '*:latest' } });
    expect(screen.getByTestId('filter-command').textContent).toBe(
      "docker images --filter 'reference=*:latest'",
    );
    expect(rowKeys()).toEqual(['nginx:latest']);

    await fireEvent.change(screen.getByTestId('filter-kind'), { target: { value: 'until' } });
    await fireEvent.click(screen.getByTestId('filter-add'));
    const until = within(screen.getByTestId('filter-until')).getByRole('textbox');
    await fireEvent.input(until, { target: { value: '3d' } });
    expect(screen.getByRole('alert').textContent).toContain('Invalid filter until=3d');
  });
});

describe('ImagesView selection', () => {
  it('totals the bytes the planner says the selection frees, "at most" while it plans', async () => {
    const api = createFakeApi();
    render(ImagesView, { ...props(), api });
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Select redis:alpine' }));
    const bytes = () => screen.getByTestId('selection-bytes');
    expect(bytes().textContent).toContain('at most');
    await waitFor(() => expect(bytes().dataset.bytes).toBe('0'));
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Select redis:7-alpine' }));
    await waitFor(() => expect(bytes().dataset.bytes).toBe('41000000'));
    expect(bytes().textContent).toContain('2 rows selected (1 image)');
    expect(bytes().textContent).toContain('frees 41MB');
    expect(bytes().textContent).not.toContain('at most');
    const asked = api.calls.filter((call) => call.method === 'planRemoval').at(-1);
    expect(asked?.args).toEqual([
      ['redis:alpine', 'redis:7-alpine'],
      { force: false, removeStoppedContainers: false, childrenFirst: false },
    ]);
  });

  it('does not claim bytes a running container keeps: the planner says 0', async () => {
    render(ImagesView, props());
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Select nginx:latest' }));
    await waitFor(() => expect(screen.getByTestId('selection-bytes').dataset.bytes).toBe('0'));
  });

  it('says how many selected rows the search hides', async () => {
    render(ImagesView, props());
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Select redis:alpine' }));
    await fireEvent.input(screen.getByTestId('image-search'), { target: { value: 'mongo' } });
    expect(screen.getByTestId('selection-hidden').textContent).toBe('(1 hidden by the filters)');
  });

  it('select all skips protected images; they can still be ticked one by one', async () => {
    render(ImagesView, {
      ...props(),
      settings: { ...DEFAULT_SETTINGS, protectedPatterns: ['mongo:*'] },
    });
    const selectAll = screen.getByRole('checkbox', {
      name: 'Select all shown images',
    }) as HTMLInputElement;
    await fireEvent.click(selectAll);
    const ticked = screen
      .getAllByTestId('image-row')
      .filter((row) => (within(row).getByRole('checkbox') as HTMLInputElement).checked)
      .map((row) => row.dataset.key);
    expect(ticked.length).toBeGreaterThan(0);
    expect(ticked).not.toContain('mongo:8.0');
    expect(ticked).not.toContain('registry.local:5000/ci/runner:stable');
    expect(selectAll.checked).toBe(true);
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Select mongo:8.0' }));
    expect(
      (screen.getByRole('checkbox', { name: 'Select mongo:8.0' }) as HTMLInputElement).checked,
    ).toBe(true);
    await fireEvent.click(selectAll);
    expect(screen.queryByTestId('selection-bytes')).toBeNull();
  });

  it('opens the removal preview for the selection', async () => {
    render(ImagesView, props());
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Select mongo:8.0' }));
    await fireEvent.click(screen.getByTestId('remove-selected'));
    const dialog = await screen.findByTestId('plan-dialog');
    await waitFor(() =>
      expect(within(dialog).getByTestId('plan-command').textContent).toBe('docker rmi mongo:8.0'),
    );
  });
});

describe('Badges', () => {
  it('names the containers using an image on hover and in text screen readers get', () => {
    render(ImagesView, props());
    const nginx = screen.getAllByTestId('image-row').find((r) => r.dataset.key === 'nginx:latest');
    const badge = within(nginx as HTMLElement).getByTestId('badge-running');
    expect(badge.textContent).toMatch(/^\s*in use · running\s*; Used by: web\s*$/);
    expect(within(badge).getByTestId('badge-names').className).toContain('visually-hidden');
    expect(badge.getAttribute('title')).toBe('Used by: web');
    const postgres = screen
      .getAllByTestId('image-row')
      .find((r) => r.dataset.key === 'postgres:16');
    expect(
      within(postgres as HTMLElement)
        .getByTestId('badge-stopped')
        .getAttribute('title'),
    ).toBe('Used by: old-db');
  });

  it('counts the child images on the has-children badge', () => {
    render(ImagesView, props());
    const base = screen
      .getAllByTestId('image-row')
      .find((r) => r.dataset.key === 'team/app-base:1');
    expect(
      within(base as HTMLElement)
        .getByTestId('badge-children')
        .textContent?.trim(),
    ).toBe('2 children');
  });

  it('marks images protected by label and by pattern', () => {
    render(ImagesView, {
      ...props(),
      settings: { ...DEFAULT_SETTINGS, protectedPatterns: ['mongo:*'] },
    });
    const protectedKeys = screen
      .getAllByTestId('image-row')
      .filter((row) => within(row).queryByTestId('badge-protected'))
      .map((row) => row.dataset.key);
    expect(protectedKeys.sort()).toEqual(['mongo:8.0', 'registry.local:5000/ci/runner:stable']);
  });
});

describe('ImagesView prune dangling', () => {
  it('opens the prune dialog on dangling images only', async () => {
    const api = createFakeApi();
    render(ImagesView, { ...props(), api });
    await fireEvent.click(screen.getByTestId('images-prune-dangling'));
    const dialog = await screen.findByTestId('prune-dialog');
    await waitFor(() =>
      expect(within(dialog).getByTestId('prune-command').textContent).toBe('docker image prune -f'),
    );
    const asked = api.calls.filter((call) => call.method === 'planPrune').at(-1);
    expect(asked?.args[0]).toMatchObject({ all: false });
  });
});

describe('ImagesView status, digest and intermediate images', () => {
  const base = images[0] as (typeof images)[number];
  const intermediate = {
    ...base,
    id: `sha256:${'ab'.repeat(32)}`,
    repoTags: [],
    repoDigests: [],
    dangling: false,
    intermediate: true,
    containers: [],
    size: 999 * 1_000_000_000,
  };

  it('hides intermediate images unless -a is ticked, as docker images does', async () => {
    render(ImagesView, props([...images, intermediate]));
    expect(rowKeys()).not.toContain(intermediate.id);
    await fireEvent.click(screen.getByTestId('intermediate-toggle'));
    expect(rowKeys()).toContain(intermediate.id);
  });

  it('sorts by Status in clean-up order and by Digest', async () => {
    render(ImagesView, props());
    await fireEvent.click(screen.getByTestId('sort-status'));
    const rows = screen.getAllByTestId('image-row');
    expect(within(rows[0] as HTMLElement).queryByTestId('badge-dangling')).toBeTruthy();
    expect(within(rows.at(-1) as HTMLElement).queryByTestId('badge-running')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('digest-toggle'));
    await fireEvent.click(screen.getByTestId('sort-digest'));
    expect(screen.getByTestId('sort-digest').parentElement?.getAttribute('aria-sort')).toBe(
      'ascending',
    );
  });
});
