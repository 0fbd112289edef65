import { DEFAULT_DISK_WATCH, type DiskWatchSettings } from './disk-watch';
import type { Endpoint } from './model';

export type Language = 'system' | 'en' | 'zh-CN';
export type Theme = 'system' | 'light' | 'dark';

/** What Reclaim remembers between runs. */
export interface Settings {
  /** The engine to use; null means "discover as the docker CLI does". */
  endpoint: Endpoint | null;
  /** Reference patterns never selected by a batch strategy (`redis:*`, `*:latest`, `myorg/*`). */
  protectedPatterns: string[];
  /** Images carrying this label (`key` or `key=value`) are never selected by a batch strategy. */
  protectedLabel: string | null;
  /**
   * In each repository the newest N images are never selected by a batch strategy (0: off),
   * so a prune never takes the last builds of a repository.
   */
  protectedNewest: number;
  language: Language;
  theme: Theme;
  /** The disk-space watch (opt-in). */
  watch: DiskWatchSettings;
}

export const DEFAULT_SETTINGS: Settings = {
  endpoint: null,
  protectedPatterns: [],
  protectedLabel: 'reclaim.protected=true',
  protectedNewest: 0,
  language: 'system',
  theme: 'system',
  watch: { ...DEFAULT_DISK_WATCH },
};
