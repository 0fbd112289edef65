/**
 * What the types cannot check about the catalogues: that each message is valid ICU in its
 * locale, that a translation uses the same arguments as the English, and that 简体中文 keeps
 * the Chinese Docker guide's words. (A missing or extra key is a type error: see keys.ts.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getMessageFormatter } from 'svelte-i18n';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { localeForSystem } from './index';
import type { MessageTree } from './messages';
import { zhCN } from './zh-CN';

/** Every message of a catalogue by its dotted key. */
function flat(tree: MessageTree, prefix = ''): Map<string, string> {
  return new Map(
    Object.entries(tree).flatMap(([name, value]) =>
      typeof value === 'string'
        ? [[`${prefix}${name}`, value] as const]
        : [...flat(value, `${prefix}${name}.`)],
    ),
  );
}

const english = flat(en);
const chinese = flat(zhCN);

/** An argument is `{name}` or `{name, plural…}`; `=0 {text}` and `other {text}` are branches. */
function argumentsOf(text: string): string[] {
  return [...text.matchAll(/(?<!(?:=\d+|zero|one|two|few|many|other) )\{(\w+)(?=[,}])/g)]
    .map((match) => match[1] ?? '')
    .sort();
}

describe('i18n', () => {
  it('follows the OS: any Chinese variant gets Simplified Chinese, unknown languages English', () => {
    expect(localeForSystem(['zh-TW', 'en-US'])).toBe('zh-CN');
    expect(localeForSystem(['fr-FR', 'en-GB'])).toBe('en');
    expect(localeForSystem(['fr-FR'])).toBe('en');
  });

  it('keeps the English arguments in every translation', () => {
    for (const [key, text] of chinese) {
      expect(argumentsOf(text), key).toEqual(argumentsOf(english.get(key) ?? ''));
    }
  });

  it('formats every message in its locale: valid ICU, a plural branch the locale can pick', () => {
    for (const [locale, messages] of [
      ['en', english],
      ['zh-CN', chinese],
    ] as const) {
      for (const [key, text] of messages) {
        const values = Object.fromEntries(argumentsOf(text).map((name) => [name, 2]));
        const shown = String(getMessageFormatter(text, locale).format(values));
        expect(shown, `${locale} ${key}`).not.toMatch(/[{}]/);
      }
    }
  });

  it('names keys without dots, so every dotted key has exactly one path', () => {
    const namesOf = (tree: MessageTree): string[] =>
      Object.entries(tree).flatMap(([name, value]) =>
        typeof value === 'string' ? [name] : [name, ...namesOf(value)],
      );
    expect(namesOf(en).filter((name) => name.includes('.'))).toEqual([]);
  });
});

describe('简体中文 uses the Chinese Docker guide’s words', () => {
  /** English word (outside CLI text such as `dangling=true`) → the guide's Chinese term. */
  const GLOSSARY: [RegExp, string][] = [
    [/\bdangling\b(?!=)/i, '虚悬'],
    [/\bintermediate\b/i, '中间层'],
    [/\bdigests?\b/i, '镜像摘要'],
    [/\bshort ID\b/, '短 ID'],
    [/\bfull ID\b/, '长 ID'],
  ];

  it('words each Docker concept as the guide does', () => {
    for (const [key, text] of english) {
      for (const [word, term] of GLOSSARY) {
        if (word.test(text)) expect(chinese.get(key), `${key}: ${text}`).toContain(term);
      }
    }
  });

  it('never uses the other translations of those words', () => {
    const others = /悬空|悬挂|完整 ID|(?<!镜像)摘要/;
    expect([...chinese].filter(([, text]) => others.test(text))).toEqual([]);
  });
});

describe('renderer code translates through the typed t', () => {
  // Vitest runs from the repository root; jsdom gives import.meta.url an http scheme.
  const root = join(process.cwd(), 'src/renderer/src');
  function sources(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sources(path);
      return /\.(svelte|ts)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
    });
  }

  it("imports no untyped formatter from svelte-i18n outside the i18n folder (its keys aren't checked)", () => {
    const untyped = /import\s*\{[^}]*\b(_|t|format)\b[^}]*\}\s*from\s*'svelte-i18n'/;
    const offenders = sources(root)
      .filter((path) => !relative(root, path).startsWith('i18n'))
      .filter((path) => {
        const text = readFileSync(path, 'utf8');
        return untyped.test(text) || text.includes('$_(');
      })
      .map((path) => relative(root, path));
    expect(offenders).toEqual([]);
  });
});
