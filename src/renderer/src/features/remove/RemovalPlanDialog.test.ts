// The jsdom shims must load before any component.
import { setupComponentTests } from '../../testing/component-setup';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { locale } from 'svelte-i18n';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFakeApi } from '../../testing/fake-api';
import { fixtureInventory } from '../../testing/inventory-fixture';
import RemovalPlanDialog from './RemovalPlanDialog.svelte';
import type { Inventory } from '../../../../shared/model';

beforeAll(setupComponentTests);

async function openPlan(inputs: string[]) {
  const api = createFakeApi();
  const onclose = vi.fn();
  render(RemovalPlanDialog, { api, inputs, onclose });
  const dialog = await screen.findByTestId('plan-dialog');
  await waitFor(() =>
    expect(within(dialog).getAllByTestId('plan-target').length).toBe(inputs.length),
  );
  return { api, dialog, onclose };
}

describe('RemovalPlanDialog', () => {
  it('explains a tag with a sibling as untag only, and runs to Untagged lines only', async () => {
    const { api, dialog } = await openPlan(['redis:alpine']);
    const target = within(dialog).getByTestId('plan-target');
    expect(target.dataset.outcome).toBe('untagged-only');
    expect(target.textContent).toContain('Other tags keep the image: redis:7-alpine');
    expect(within(dialog).getByTestId('plan-bytes').dataset.bytes).toBe('0');
    await fireEvent.click(within(dialog).getByTestId('plan-confirm'));
    const output = await within(dialog).findByTestId('run-output');
    expect(output.textContent).toBe('Untagged: redis:alpine');
    expect(api.inventory().images.some((i) => i.repoTags.includes('redis:7-alpine'))).toBe(true);
  });

  it('offers the fixes for a stopped container and re-plans with the chosen one', async () => {
    const { api, dialog } = await openPlan(['postgres:16']);
    expect(within(dialog).getByTestId('plan-target').dataset.outcome).toBe('blocked-by-containers');
    expect(within(dialog).getByTestId('plan-confirm')).toHaveProperty('disabled', true);
    expect(within(dialog).getByTestId('fix-force').textContent).toContain(
      'no new container can be created from the image',
    );
    await fireEvent.click(
      within(within(dialog).getByTestId('fix-remove-stopped-containers')).getByRole('checkbox'),
    );
    await waitFor(() =>
      expect(within(dialog).getByTestId('plan-target').dataset.outcome).toBe('deleted'),
    );
    const lastPlan = api.calls.filter((c) => c.method === 'planRemoval').at(-1);
    expect(lastPlan?.args[1]).toEqual({
      force: false,
      removeStoppedContainers: true,
      childrenFirst: false,
    });
    expect(within(dialog).getByTestId('plan-target').textContent).toContain(
      'First remove stopped containers: old-db',
    );
    await fireEvent.click(within(dialog).getByTestId('plan-confirm'));
    const output = await within(dialog).findByTestId('run-output');
    // As `docker rm old-db && docker rmi postgres:16` print it: the container, then the image.
    expect(output.textContent?.split('\n').slice(0, 2)).toEqual([
      'old-db',
      'Untagged: postgres:16',
    ]);
    expect(output.textContent).toMatch(/^Deleted: sha256:7c3d/m);
  });

  it('by name, a parent with children is only untagged (the engine keeps it for them)', async () => {
    const { dialog } = await openPlan(['team/app-base:1']);
    const target = within(dialog).getByTestId('plan-target');
    expect(target.dataset.outcome).toBe('untagged-only');
    expect(target.textContent).toContain('child images are built on it');
  });

  it('by ID, shows the children blocking a parent and the children-first fix', async () => {
    const { dialog } = await openPlan(['1a00']);
    const target = within(dialog).getByTestId('plan-target');
    expect(target.dataset.outcome).toBe('blocked-by-children');
    expect(target.textContent).toContain('Child images depend on it: 1a011a011a01, 9e019e019e01');
    expect(within(dialog).getByTestId('fix-children-first')).toBeTruthy();
  });

  it('shows the equivalent command and closes on Escape with focus inside', async () => {
    const { dialog, onclose } = await openPlan(['mongo:8.0', 'node:20']);
    expect(within(dialog).getByTestId('plan-command').textContent).toBe(
      'docker rmi mongo:8.0 node:20',
    );
    expect(dialog.contains(document.activeElement)).toBe(true);
    await fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onclose).toHaveBeenCalled();
  });
});

describe('RemovalPlanDialog results', () => {
  it('runs the targets that can run and explains each one that failed', async () => {
    const { dialog } = await openPlan(['mongo:8.0', 'nginx:latest']);
    const outcomes = within(dialog)
      .getAllByTestId('plan-target')
      .map((t) => t.dataset.outcome);
    expect(outcomes).toEqual(['deleted', 'blocked-by-running-container']);
    await fireEvent.click(within(dialog).getByTestId('plan-confirm'));
    const failure = await within(dialog).findByTestId('run-failure');
    expect(failure.textContent).toContain('nginx:latest');
    expect(failure.textContent).toContain('a running container uses it (web (running))');
    expect(within(dialog).getByTestId('run-output').textContent).toContain('Untagged: mongo:8.0');
  });
});

describe('RemovalPlanDialog layer step', () => {
  afterEach(() => cleanup());
  async function layerStep(inventory?: Inventory, input = 'mongo:8.0', outcome = 'deleted') {
    const api = createFakeApi(inventory ? { inventory } : {});
    render(RemovalPlanDialog, { api, inputs: [input], onclose: vi.fn() });
    const dialog = await screen.findByTestId('plan-dialog');
    const target = await within(dialog).findByTestId('plan-target');
    expect(target.dataset.outcome).toBe(outcome);
    return target.querySelector('[data-step=layers]')?.textContent ?? '';
  }

  it('counts the image and its layers apart, as the classic store`s Deleted lines name them', async () => {
    expect(await layerStep()).toMatch(/Delete 1 image and [1-9]\d* layers?/);
  });

  it('says nothing is reached where the engine would refuse before deleting', async () => {
    const redis = fixtureInventory().images.find((i) => i.repoTags.includes('redis:alpine'));
    if (!redis) throw new Error('no redis fixture');
    const step = await layerStep(undefined, redis.id, 'needs-force-multiple-tags');
    expect(step.trim()).toBe('Not reached');
  });

  it('on the containerd store, where Deleted names the image only, says its layers go with it', async () => {
    const classic = fixtureInventory();
    const inventory = {
      ...classic,
      engine: { ...classic.engine, imageStore: 'containerd' as const },
    };
    expect(await layerStep(inventory)).toContain('Delete 1 image and the layers only it holds');
  });
});

describe('RemovalPlanDialog flow and dead ends', () => {
  it('numbers the four steps, even when blocked, without repeating the reason', async () => {
    const { dialog } = await openPlan(['postgres:16']);
    const steps = within(dialog).getByTestId('plan-steps').querySelectorAll(':scope > li');
    expect([...steps].map((s) => (s as HTMLElement).dataset.step)).toEqual([
      'untag',
      'other-tags',
      'containers',
      'layers',
    ]);
    expect(steps[0]?.textContent).toContain('Untag postgres:16: not done');
    expect(steps[3]?.textContent).toContain('Not reached');
  });

  it('by name, a running container offers force as untag only (as the real planner)', async () => {
    const { api, dialog } = await openPlan(['nginx:latest']);
    expect(within(dialog).getByTestId('fix-force').textContent).toContain(
      'Force removes only the name',
    );
    await fireEvent.click(within(within(dialog).getByTestId('fix-force')).getByRole('checkbox'));
    await waitFor(() =>
      expect(within(dialog).getByTestId('plan-target').dataset.outcome).toBe('untagged-only'),
    );
    expect(within(dialog).getByTestId('plan-reason').textContent).toContain(
      'a running container uses the image (web (running))',
    );
    expect(api.inventory().images.some((i) => i.repoTags.includes('nginx:latest'))).toBe(true);
  });

  it('by ID, a running container: says what to do instead, hides Frees 0B, titles the result', async () => {
    const api = createFakeApi();
    const nginx = api.inventory().images.find((i) => i.repoTags.includes('nginx:latest'));
    const shortNginx = nginx?.id.replace('sha256:', '').slice(0, 12) ?? '';
    render(RemovalPlanDialog, { api, inputs: [shortNginx], onclose: vi.fn() });
    const dialog = await screen.findByTestId('plan-dialog');
    const blocked = await within(dialog).findByTestId('plan-blocked');
    expect(blocked.textContent).toContain('stop and remove the container first (docker stop web');
    expect(blocked.textContent).not.toContain('Choose a way forward');
    expect(within(dialog).queryByTestId('plan-bytes')).toBeNull();
    expect(within(dialog).queryByTestId('plan-fixes')).toBeNull();
  });

  it('says Result in the title after a run', async () => {
    const { dialog } = await openPlan(['mongo:8.0']);
    expect(within(dialog).getByRole('heading', { level: 2 }).textContent).toContain('preview');
    await fireEvent.click(within(dialog).getByTestId('plan-confirm'));
    await within(dialog).findByTestId('run-output');
    expect(within(dialog).getByRole('heading', { level: 2 }).textContent).toBe('Result');
  });
});

describe('RemovalPlanDialog on the containerd image store', () => {
  const containerdApi = () => {
    const inv = fixtureInventory();
    return createFakeApi({
      inventory: { ...inv, engine: { ...inv.engine, imageStore: 'containerd' } },
    });
  };

  it('says the bytes are an estimate, in each language, and not on the classic store', async () => {
    render(RemovalPlanDialog, {
      api: containerdApi(),
      inputs: ['team/app-base:1'],
      onclose: vi.fn(),
    });
    const note = await screen.findByTestId('plan-approximate');
    expect(note.dataset.kind).toBe('containerd-bytes');
    expect(note.textContent).toContain('The bytes are an estimate');
    cleanup();
    await locale.set('zh-CN');
    render(RemovalPlanDialog, {
      api: containerdApi(),
      inputs: ['team/app-base:1'],
      onclose: vi.fn(),
    });
    expect((await screen.findByTestId('plan-approximate')).textContent).toContain('估算值');
    await locale.set('en');
    cleanup();
    await openPlan(['team/app-base:1']);
    expect(screen.queryByTestId('plan-approximate')).toBeNull();
  });
});
