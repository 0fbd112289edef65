/**
 * The catalogue type is the test: each `@ts-expect-error` below fails svelte-check
 * (npm run typecheck) if a catalogue missing a key, or with a misspelt one, stops being a
 * type error.
 */
import { describe, expect, it } from 'vitest';
import type { Catalogue } from './messages';
import { zhCN } from './zh-CN';

/** True only when each type is assignable to the other: same keys, string leaves. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

describe('a translated catalogue', () => {
  it('is what zh-CN is: exactly the English keys (fails the typecheck if zh-CN loses its type)', () => {
    const zhFillsTheEnglishShape: Same<typeof zhCN, Catalogue> = true;
    expect(zhFillsTheEnglishShape).toBe(true);
  });

  it('must define every English key and no other', () => {
    const { app: _dropped, ...withoutApp } = zhCN;
    // @ts-expect-error a catalogue without the `app` section is not a Catalogue
    const missingSection: Catalogue = withoutApp;
    // @ts-expect-error `nva` is not a key, and `nav` is missing
    const misspelt: Catalogue = { ...zhCN, app: { title: 'Reclaim', nva: '分区' } };
    // @ts-expect-error a message is a string, not a number
    const notAString: Catalogue = { ...zhCN, app: { title: 'Reclaim', nav: 2 } };
    expect(_dropped.title).toBe('Reclaim');
    expect([missingSection, misspelt, notAString]).toHaveLength(3);
  });
});
