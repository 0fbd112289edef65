import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { ReclaimFailure } from '../../shared/errors';
import { SETTINGS_FILE_NAME, SettingsStore } from './settings-store';

describe('SettingsStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'reclaim-settings-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('starts on the defaults when there is no file', async () => {
    const store = await SettingsStore.open(dir);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('saves an update and reads it back in a new store', async () => {
    const store = await SettingsStore.open(dir);
    const saved = await store.update({
      protectedPatterns: ['redis:*'],
      endpoint: { host: 'unix:///tmp/x.sock' },
    });
    expect(saved.protectedPatterns).toEqual(['redis:*']);
    const reopened = await SettingsStore.open(dir);
    expect(reopened.get()).toEqual({
      ...DEFAULT_SETTINGS,
      protectedPatterns: ['redis:*'],
      endpoint: { host: 'unix:///tmp/x.sock' },
    });
  });

  it('writes the file readable by its owner only, through no leftover temporary file', async () => {
    const store = await SettingsStore.open(dir);
    await store.update({ protectedPatterns: ['redis:*'] });
    const info = await stat(path.join(dir, SETTINGS_FILE_NAME));
    expect(info.mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual([SETTINGS_FILE_NAME]);
  });

  it('refuses an invalid update and keeps the previous settings', async () => {
    const store = await SettingsStore.open(dir);
    await expect(store.update({ protectedPatterns: [''] })).rejects.toBeInstanceOf(ReclaimFailure);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('refuses a pattern protection could not compile, naming it, and keeps the old settings', async () => {
    const store = await SettingsStore.open(dir);
    await store.update({ protectedPatterns: ['redis:*'] });
    const refused = store.update({ protectedPatterns: ['redis:*', 'a[b'] });
    await expect(refused).rejects.toMatchObject({
      error: { code: 'VALIDATION', cause: 'protected-pattern-invalid', subject: 'a[b' },
    });
    await expect(store.update({ protectedLabel: '=x' })).rejects.toMatchObject({
      error: { code: 'VALIDATION', cause: 'protected-label-without-key', subject: '=x' },
    });
    expect(store.get().protectedPatterns).toEqual(['redis:*']);
    expect(store.get().protectedLabel).toBe(DEFAULT_SETTINGS.protectedLabel);
  });

  it('keeps an old file whose pattern no longer passes, so no other protection is lost', async () => {
    const saved = { ...DEFAULT_SETTINGS, protectedPatterns: ['postgres:[', 'redis:*'] };
    await writeFile(path.join(dir, SETTINGS_FILE_NAME), JSON.stringify(saved));
    const store = await SettingsStore.open(dir);
    expect(store.get().protectedPatterns).toEqual(['postgres:[', 'redis:*']);
    expect(await readdir(dir)).toEqual([SETTINGS_FILE_NAME]);
  });

  it('never loses the protected patterns of a damaged file, and says what it dropped', async () => {
    const damaged = {
      ...DEFAULT_SETTINGS,
      protectedPatterns: ['redis:*', 42, 'team/*'],
      theme: 'neon',
      endpoint: { host: 'gopher://nowhere' },
      addedInAFutureVersion: { strategy: 'lru' },
    };
    const text = JSON.stringify(damaged);
    await writeFile(path.join(dir, SETTINGS_FILE_NAME), text);
    const store = await SettingsStore.open(dir);
    expect(store.get()).toEqual({
      ...DEFAULT_SETTINGS,
      protectedPatterns: ['redis:*', 'team/*'],
    });
    const notice = store.loadNotice();
    expect(notice).toMatchObject({
      unreadable: false,
      dropped: ['endpoint', 'theme'],
      droppedPatterns: 1,
      unknownFields: ['addedInAFutureVersion'],
    });
    // The user's file as it was, for inspection; the settings file itself is left alone.
    expect(await readFile(notice?.keptAside ?? '', 'utf8')).toBe(text);
    expect(await readFile(path.join(dir, SETTINGS_FILE_NAME), 'utf8')).toBe(text);
  });

  it('says so when the file is not settings at all, and keeps it aside', async () => {
    await writeFile(path.join(dir, SETTINGS_FILE_NAME), '{"protectedPatterns": ["redis:*"');
    const store = await SettingsStore.open(dir);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.loadNotice()).toMatchObject({ unreadable: true });
  });

  it('has nothing to say about a valid file', async () => {
    await writeFile(path.join(dir, SETTINGS_FILE_NAME), JSON.stringify(DEFAULT_SETTINGS));
    expect((await SettingsStore.open(dir)).loadNotice()).toBeNull();
  });

  it('falls back to defaults on a damaged file and keeps the file aside', async () => {
    await writeFile(path.join(dir, SETTINGS_FILE_NAME), '{"language": "klingon"}');
    const store = await SettingsStore.open(dir);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    const names = await readdir(dir);
    expect(names.some((name) => name.startsWith(`${SETTINGS_FILE_NAME}.invalid-`))).toBe(true);
  });

  it('hands out copies, so a caller cannot change the stored settings by mutation', async () => {
    const store = await SettingsStore.open(dir);
    store.get().protectedPatterns.push('mutated');
    expect(store.get().protectedPatterns).toEqual([]);
  });

  it('serialises concurrent updates so the file holds the last one', async () => {
    const store = await SettingsStore.open(dir);
    await Promise.all([store.update({ theme: 'dark' }), store.update({ language: 'en' })]);
    const onDisk = JSON.parse(
      await readFile(path.join(dir, SETTINGS_FILE_NAME), 'utf8'),
    ) as unknown;
    expect(onDisk).toMatchObject({ theme: 'dark', language: 'en' });
  });
});
