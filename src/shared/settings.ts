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
  language: Language;
  theme: Theme;
}

export const DEFAULT_SETTINGS: Settings = {
  endpoint: null,
  protectedPatterns: [],
  protectedLabel: 'reclaim.protected=true',
  language: 'system',
  theme: 'system',
};
