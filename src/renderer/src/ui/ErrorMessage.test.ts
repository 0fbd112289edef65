// The jsdom shims must load before any component.
import { setupComponentTests } from '../testing/component-setup';
import { render, screen } from '@testing-library/svelte';
import { locale } from 'svelte-i18n';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reclaimError } from '../../../shared/errors';
import ErrorMessage from './ErrorMessage.svelte';

beforeAll(setupComponentTests);
afterEach(() => locale.set('en'));

const REFUSED = reclaimError('ENGINE_NOT_RUNNING', {
  cause: 'connection-refused',
  endpoint: 'unix:///var/run/docker.sock',
  detail: 'connect ECONNREFUSED /var/run/docker.sock',
  values: { hint: 'start-docker-service' },
});

describe('ErrorMessage', () => {
  it('shows the message and fix worded from the facts, and the engine words quoted', () => {
    render(ErrorMessage, { error: REFUSED });
    const shown = screen.getByTestId('error');
    expect(shown.dataset.code).toBe('ENGINE_NOT_RUNNING');
    expect(shown.querySelector('.message')?.textContent).toBe(
      'No engine is running at unix:///var/run/docker.sock: nothing is listening there.',
    );
    expect(shown.querySelector('.fix')?.textContent).toBe(
      'What to do: Start the Docker service: `sudo systemctl start docker`.',
    );
    expect(shown.querySelector('.detail')?.textContent).toBe(
      'The engine said: connect ECONNREFUSED /var/run/docker.sock',
    );
  });

  it('words the same facts in 简体中文, keeping the engine words as they are', async () => {
    await locale.set('zh-CN');
    render(ErrorMessage, { error: REFUSED });
    const shown = screen.getByTestId('error').textContent ?? '';
    expect(shown).toContain('unix:///var/run/docker.sock 上没有正在运行的引擎');
    expect(shown).toContain('启动 Docker 服务：`sudo systemctl start docker`。');
    expect(shown).toContain('connect ECONNREFUSED /var/run/docker.sock');
    expect(shown).not.toMatch(/No engine|Start the/);
  });

  it('shows no engine words when there are none', () => {
    render(ErrorMessage, { error: reclaimError('CANCELLED') });
    expect(screen.getByTestId('error').querySelector('.detail')).toBeNull();
    expect(screen.getByTestId('error').textContent).toContain('Stopped before it ran.');
  });
});
