/**
 * A translator over one catalogue object, formatting ICU messages with intl-messageformat (the
 * formatter svelte-i18n uses). For the places without svelte-i18n: the browser-mode terminal,
 * and tests that must read each catalogue without falling back to English.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { ErrorTranslate } from './error-words';

function lookup(messages: object, key: string): unknown {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** `t(key, { values, default })` over `messages` in `locale`; the key itself when absent. */
export function catalogueTranslator(messages: object, locale: string): ErrorTranslate {
  return (key, options) => {
    const text = lookup(messages, key);
    if (typeof text !== 'string') return options?.default ?? key;
    if (!options?.values) return text;
    return String(new IntlMessageFormat(text, locale).format(options.values));
  };
}
