import { get } from 'svelte/store';
import { locale } from 'svelte-i18n';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupI18n } from './index';
import { isMessageKey } from './keys';
import { runtimeWord, t } from './translator';

beforeAll(() => setupI18n('en'));
afterEach(() => locale.set('en'));

describe('the typed translator', () => {
  it('words a catalogue key in the current language', async () => {
    expect(get(t)('remove.confirm')).toBe('Remove');
    await locale.set('zh-CN');
    expect(get(t)('remove.confirm')).toBe('删除');
  });

  it('rejects a key the catalogue does not define, in the typecheck', () => {
    // The directive below is the test: svelte-check (npm run typecheck) reports an unused
    // expect-error directive, so it fails as soon as `t` accepts a key en.ts does not define.
    // @ts-expect-error 'remove.noSuchKey' is not a message key
    const shown = get(t)('remove.noSuchKey');
    // At run time svelte-i18n would put the bare key on screen: what the typing prevents.
    expect(shown).toBe('remove.noSuchKey');
    expect(isMessageKey('remove.noSuchKey')).toBe(false);
    expect(isMessageKey('remove.confirm')).toBe(true);
  });

  it('words a run-time value the catalogue knows, and falls back for one it does not', async () => {
    await locale.set('zh-CN');
    expect(runtimeWord(get(t), 'state', 'exited', 'exited')).toBe('已退出');
    expect(runtimeWord(get(t), 'state', 'hibernating', 'hibernating')).toBe('hibernating');
    expect(runtimeWord(get(t), 'engineSource', 'DOCKER_HOST', 'DOCKER_HOST')).toBe(
      '来自 DOCKER_HOST',
    );
  });
});
