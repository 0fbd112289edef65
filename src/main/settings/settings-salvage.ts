import type { z } from 'zod';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import type { SettingsField, SettingsNotice } from '../../shared/settings-notice';
import { storedSettingsSchema } from './settings-schema';

/**
 * Reads what can be read from a settings file that does not validate as a whole (damaged,
 * hand-edited, or written by a newer Reclaim): each field on its own, each protected pattern
 * on its own, so one bad value never costs the user the rest, and above all never their
 * protection. What could not be kept is named in the notice the UI shows.
 */
export function salvageSettings(raw: unknown): {
  settings: Settings;
  notice: Omit<SettingsNotice, 'keptAside'>;
} {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { settings: structuredClone(DEFAULT_SETTINGS), notice: unreadable() };
  }
  const record = raw as Record<string, unknown>;
  const shape = storedSettingsSchema.shape;
  const settings: Settings = structuredClone(DEFAULT_SETTINGS);
  const dropped: SettingsField[] = [];
  let droppedPatterns = 0;

  const patterns = record.protectedPatterns;
  if (Array.isArray(patterns)) {
    const element = shape.protectedPatterns.element;
    const kept = patterns.filter((pattern) => element.safeParse(pattern).success) as string[];
    droppedPatterns = patterns.length - kept.length;
    settings.protectedPatterns = kept;
  } else if (patterns !== undefined) {
    dropped.push('protectedPatterns');
  }
  const keep = <K extends Exclude<SettingsField, 'protectedPatterns'>>(
    field: K,
    schema: z.ZodType<Settings[K]>,
  ): void => {
    if (record[field] === undefined) return;
    const parsed = schema.safeParse(record[field]);
    if (parsed.success) settings[field] = parsed.data;
    else dropped.push(field);
  };
  keep('endpoint', shape.endpoint);
  keep('protectedLabel', shape.protectedLabel);
  keep('protectedNewest', shape.protectedNewest);
  keep('language', shape.language);
  keep('theme', shape.theme);
  keep('watch', shape.watch);

  const known = new Set(Object.keys(shape));
  const unknownFields = Object.keys(record)
    .filter((key) => !known.has(key))
    .map((key) => key.slice(0, 64))
    .slice(0, 20);
  return {
    settings,
    notice: { unreadable: false, dropped, droppedPatterns, unknownFields },
  };
}

function unreadable(): Omit<SettingsNotice, 'keptAside'> {
  return { unreadable: true, dropped: [], droppedPatterns: 0, unknownFields: [] };
}

/** True when the notice has nothing to say (the file validated field by field). */
export function isQuiet(notice: Omit<SettingsNotice, 'keptAside'>): boolean {
  return (
    !notice.unreadable &&
    notice.dropped.length === 0 &&
    notice.droppedPatterns === 0 &&
    notice.unknownFields.length === 0
  );
}
