/**
 * The typed translator every component and word helper uses instead of svelte-i18n's `_`:
 * the same store, narrowed so that only catalogue keys are accepted.
 */
import { _ } from 'svelte-i18n';
import type { Readable } from 'svelte/store';
import { isMessageKey, type MessageKey, type MessageSection } from './keys';

export interface TranslateOptions {
  /** The ICU arguments the message names (`{count}`, `{endpoint}`). */
  values?: Record<string, string | number>;
}

export type Translate = (key: MessageKey, options?: TranslateOptions) => string;

/**
 * svelte-i18n's formatter accepts any string; assigning it to the narrower type costs
 * nothing at run time and keeps the locale reactivity of the original store.
 */
export const t: Readable<Translate> = _;

/**
 * The catalogue's word for a key whose last part is a value known only at run time (a
 * container state the engine reports, where discovery found an engine, an error code main
 * sent that the section may not word), or `fallback` when the catalogue has none (usually the
 * engine's own word). The section is typed, so only the last part of the key is open; keys
 * the code can name in full go through `t` and are checked by the typecheck.
 */
export function runtimeWord(
  translate: Translate,
  section: MessageSection,
  word: string,
  fallback: string,
  options?: TranslateOptions,
): string {
  const key = `${section}.${word}`;
  return isMessageKey(key) ? translate(key, options) : fallback;
}
