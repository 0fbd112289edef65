/**
 * Message keys are the dotted paths to the English catalogue's strings (`remove.outcome.deleted`).
 * The typed translator accepts only these, so a key used in code but missing from the
 * catalogues fails the typecheck rather than showing the key itself on screen.
 */
import { en, type EnglishMessages } from './en';
import type { MessageTree } from './messages';

type LeafPaths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${LeafPaths<T[K]>}`;
}[keyof T & string];

type SectionPaths<T> = {
  [K in keyof T & string]: T[K] extends string ? never : K | `${K}.${SectionPaths<T[K]>}`;
}[keyof T & string];

/** Every key the catalogues define. */
export type MessageKey = LeafPaths<EnglishMessages>;

/** Every section that holds keys (`state`, `errorText.message`), for keys built at run time. */
export type MessageSection = SectionPaths<EnglishMessages>;

/** The dotted key of every string in a catalogue, in catalogue order. */
export function leafKeys(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value, `${prefix}${key}.`),
  );
}

const KNOWN_KEYS: ReadonlySet<string> = new Set(leafKeys(en));

/** Whether a key built from a run-time value names a string the catalogues define. */
export function isMessageKey(key: string): key is MessageKey {
  return KNOWN_KEYS.has(key);
}
