import { describe, expect, it } from 'vitest';
import { messages } from './messages.js';

/** Every page source of the web app (tests left out), as text: Vite's glob, so no Node APIs are needed. */
const sources = import.meta.glob<string>(['./**/*.ts', './**/*.tsx', '!./**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** The dotted keys of a nested message object (`home.rec.review_one`). */
function flatKeys(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
    flatKeys(inner, prefix ? `${prefix}.${key}` : key),
  );
}

describe('studymate texts', () => {
  it('has every key in both languages', () => {
    expect(flatKeys(messages.ko).sort()).toEqual(flatKeys(messages.en).sort());
  });

  it('has a text for every literal key the pages ask for (plural keys by their _other form)', () => {
    const known = new Set(flatKeys(messages.en));
    const missing: string[] = [];
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    for (const [file, text] of Object.entries(sources)) {
      // `t('a.b')` and `t('a.b', {...})`; the kit's own `kit('...')` texts are not studymate's.
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) {
        const key = match[1] ?? '';
        if (!known.has(key) && !known.has(`${key}_other`)) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('uses no empty texts', () => {
    const empty = [messages.en, messages.ko].flatMap((language) =>
      flatKeys(language).filter((key) => {
        const value = key
          .split('.')
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], language);
        return typeof value === 'string' && value.trim() === '';
      }),
    );
    expect(empty).toEqual([]);
  });
});
