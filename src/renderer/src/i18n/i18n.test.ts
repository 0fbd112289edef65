import { describe, expect, it } from 'vitest';
import { en } from './en';
import { localeForSystem } from './index';
import { zhCN } from './zh-CN';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value as object, `${prefix}${key}.`),
  );
}

describe('i18n', () => {
  it('follows the OS: any Chinese variant gets Simplified Chinese, unknown languages English', () => {
    expect(localeForSystem(['zh-TW', 'en-US'])).toBe('zh-CN');
    expect(localeForSystem(['fr-FR', 'en-GB'])).toBe('en');
    expect(localeForSystem(['fr-FR'])).toBe('en');
  });
  it('translates every English string, keeping the placeholders', () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort());
    const flat = (tree: object) =>
      new Map(
        keys(tree).map((k) => [
          k,
          k.split('.').reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], tree) as string,
        ]),
      );
    const english = flat(en);
    for (const [key, chinese] of flat(zhCN)) {
      // An argument is `{name}` or `{name, plural…}`; `=0 {text}` and `other {text}` are branches.
      const placeholders = (text: string) =>
        [...text.matchAll(/(?<!(?:=\d+|zero|one|two|few|many|other) )\{(\w+)(?=[,}])/g)]
          .map((m) => m[1])
          .sort();
      expect(placeholders(chinese), key).toEqual(placeholders(english.get(key) ?? ''));
    }
  });
});
