import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import { reclaimError, ReclaimFailure } from '../../shared/errors';
import type { SettingsNotice } from '../../shared/settings-notice';
import { parseJsonOrUndefined, SerialFileWriter } from '../storage/json-file';
import { isQuiet, salvageSettings } from './settings-salvage';
import { settingsSchema, storedSettingsSchema, userFixableIssue } from './settings-schema';

export const SETTINGS_FILE_NAME = 'settings.json';

/**
 * Settings persisted as one JSON file in a directory the caller chooses (Electron's userData
 * in the app, a temp dir in tests), so nothing here knows about Electron.
 */
export class SettingsStore {
  private current: Settings = structuredClone(DEFAULT_SETTINGS);
  private readonly writer: SerialFileWriter;
  private notice: SettingsNotice | null = null;

  private constructor(private readonly filePath: string) {
    this.writer = new SerialFileWriter(filePath);
  }

  /**
   * Reads the file in `dir`. A missing file means defaults. A damaged, hand-edited or newer
   * file that does not validate is not fatal: Reclaim keeps every field that does (each
   * protected pattern on its own), copies the file aside unchanged, and says what it dropped
   * (loadNotice), because refusing to start over a settings typo would be worse.
   */
  static async open(dir: string): Promise<SettingsStore> {
    const store = new SettingsStore(path.join(dir, SETTINGS_FILE_NAME));
    await store.load();
    return store;
  }

  get(): Settings {
    return structuredClone(this.current);
  }

  /** Merges `patch`, validates the result, saves it, and returns the new settings. */
  async update(patch: Partial<Settings>): Promise<Settings> {
    const parsed = settingsSchema.safeParse({ ...this.current, ...patch });
    if (!parsed.success) {
      const fixable = userFixableIssue(parsed.error.issues);
      throw new ReclaimFailure(
        reclaimError(
          'VALIDATION',
          fixable ?? {
            cause: 'settings-invalid',
            detail: parsed.error.issues
              .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
              .join('; '),
          },
        ),
      );
    }
    this.current = parsed.data;
    await this.save();
    return this.get();
  }

  private async load(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    const raw = parseJsonOrUndefined(text);
    const parsed = storedSettingsSchema.safeParse(raw);
    if (parsed.success) {
      this.current = parsed.data;
      return;
    }
    // Keep what validates, field by field, and the user's file as it was, for inspection.
    const { settings, notice } = salvageSettings(raw);
    this.current = settings;
    if (isQuiet(notice)) return;
    const keptAside = `${this.filePath}.invalid-${Date.now()}`;
    await copyFile(this.filePath, keptAside);
    this.notice = { ...notice, keptAside };
  }

  /** What could not be kept from the file found at start-up, or null when all of it was. */
  loadNotice(): SettingsNotice | null {
    return this.notice === null ? null : structuredClone(this.notice);
  }

  private save(): Promise<void> {
    return this.writer.save(JSON.stringify(this.current, null, 2));
  }
}
