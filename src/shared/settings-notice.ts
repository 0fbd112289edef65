import type { Settings } from './settings';

export type SettingsField = keyof Settings;

/**
 * What Reclaim could not keep from the settings file it found at start-up (damaged, edited by
 * hand, or written by a newer version). The valid fields were kept; the original file was
 * copied aside, unchanged, to `keptAside`.
 */
export interface SettingsNotice {
  /** The file was not a JSON object at all: every field is back to its default. */
  unreadable: boolean;
  /** Fields whose value was invalid, now at their defaults. */
  dropped: SettingsField[];
  /** Protected patterns that were not valid text and were left out (the others are kept). */
  droppedPatterns: number;
  /** Fields this version does not know (perhaps from a newer Reclaim), ignored. */
  unknownFields: string[];
  /** Where the original file was copied, for the user to look at. */
  keptAside: string;
}
