// The jsdom shims must load before any component.
import { setupComponentTests } from '../../testing/component-setup';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import { locale } from 'svelte-i18n';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { reclaimError } from '../../../../shared/errors';
import ErrorMessage from '../../ui/ErrorMessage.svelte';
import { DEFAULT_SETTINGS } from '../../../../shared/settings';
import { inventory, sha, testEngineInfo } from '../../../../shared/testing/inventory-builders';
import { createFakeApi } from '../../testing/fake-api';
import RemovalPlanDialog from './RemovalPlanDialog.svelte';

beforeAll(setupComponentTests);
afterEach(() => locale.set('en'));

// Sentences the main process writes in English must never reach a Chinese screen.
const ENGLISH_SENTENCE = /\b(Blocked|used by|Force|Remove the|the image|running|exited)\b/;

describe('plan and error words in the UI language', () => {
  it('words the reason, container states and fixes of a blocked target in Chinese', async () => {
    await locale.set('zh-CN');
    render(RemovalPlanDialog, { api: createFakeApi(), inputs: ['postgres:16'], onclose: vi.fn() });
    const dialog = await screen.findByTestId('plan-dialog');
    const target = await within(dialog).findByTestId('plan-target');
    await waitFor(() => expect(within(dialog).getByTestId('plan-fixes')).toBeTruthy());
    expect(within(target).getByTestId('plan-reason').textContent).toContain('受阻');
    expect(target.textContent).toContain('old-db (已退出)');
    const fixes = within(dialog).getByTestId('plan-fixes').textContent ?? '';
    expect(fixes).toContain('先删除已停止的容器 old-db');
    expect(fixes).not.toMatch(ENGLISH_SENTENCE);
    expect(within(target).getByTestId('plan-reason').textContent).not.toMatch(ENGLISH_SENTENCE);
  });

  it('says why Podman would take a protected parent along, quoting no engine answer', async () => {
    const base = sha('ba5e');
    const step = sha('57e9');
    const podman = {
      ...inventory([
        { id: base, tags: ['localhost/pm/base:1'], layers: [['sha256:l0', 100]] },
        {
          id: step,
          parent: base,
          labels: { keep: 'yes' },
          layers: [
            ['sha256:l0', 100],
            ['sha256:l1', 10],
          ],
        },
        {
          id: sha('a770'),
          tags: ['localhost/pm/app:1'],
          parent: step,
          layers: [
            ['sha256:l0', 100],
            ['sha256:l1', 10],
            ['sha256:l2', 1],
          ],
        },
      ]),
      engine: testEngineInfo({ kind: 'podman' }),
    };
    const api = createFakeApi({
      inventory: podman,
      settings: { ...DEFAULT_SETTINGS, protectedLabel: 'keep=yes' },
    });
    render(RemovalPlanDialog, { api, inputs: ['pm/app:1'], onclose: vi.fn() });
    const target = await within(await screen.findByTestId('plan-dialog')).findByTestId(
      'plan-target',
    );
    expect(target.dataset.outcome).toBe('blocked-by-protected-parent');
    expect(within(target).getByTestId('plan-reason').textContent).toContain(
      'Podman deletes an image’s untagged parent images with it',
    );
    // Nothing says its parents stay: on Podman the target is refused instead.
    expect(within(target).getByTestId('plan-reason').textContent).not.toContain('no prune');
    expect(within(target).queryByTestId('plan-engine-answer')).toBeNull();
  });

  it('words an error in Chinese from its code and endpoint alone', async () => {
    await locale.set('zh-CN');
    const known = reclaimError('ENGINE_NOT_RUNNING', { endpoint: 'unix:///var/run/docker.sock' });
    render(ErrorMessage, { error: known });
    const shown = screen.getByTestId('error').textContent ?? '';
    expect(shown).toContain('unix:///var/run/docker.sock 上没有引擎响应');
    expect(shown).toContain('解决办法：启动 Docker');
    expect(shown).not.toMatch(ENGLISH_SENTENCE);
  });
});

describe('state and source words', () => {
  it('translates state words and engine sources, keeping unknown words as the engine said', async () => {
    const { stateWord, sourceWord } = await import('../../i18n/words');
    const { format } = await import('svelte-i18n');
    const { get } = await import('svelte/store');
    await locale.set('zh-CN');
    const t = get(format);
    expect(stateWord(t, 'exited')).toBe('已退出');
    expect(stateWord(t, 'hibernating')).toBe('hibernating');
    expect(sourceWord(t, 'well-known-socket')).toBe('常见套接字位置');
    expect(sourceWord(t, 'config.json')).toBe('来自 config.json');
  });
});
