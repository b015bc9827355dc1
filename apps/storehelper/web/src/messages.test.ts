import { describe, expect, it } from 'vitest';
import { messages } from './messages.js';

/** Every page source of the web app (tests left out), as text: Vite's glob, so no Node APIs are needed. */
const sources = import.meta.glob<string>(['./**/*.ts', './**/*.tsx', '!./**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** The dotted keys of a nested message object (`dashboard.rec.collect_one`). */
function flatKeys(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
    flatKeys(inner, prefix ? `${prefix}.${key}` : key),
  );
}

/** A text by its dotted key. */
function textOf(language: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], language);
}

describe('storehelper texts', () => {
  it('has every key in both languages', () => {
    expect(flatKeys(messages.ko).sort()).toEqual(flatKeys(messages.en).sort());
  });

  it('has a text for every literal key the pages ask for (plural keys by their _other form)', () => {
    const known = new Set(flatKeys(messages.en));
    const missing: string[] = [];
    expect(Object.keys(sources).length).toBeGreaterThan(30);
    for (const [file, text] of Object.entries(sources)) {
      // `t('a.b')` and `t('a.b', {...})`; the kit's own `kit('...')` texts are not storehelper's.
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) {
        const key = match[1] ?? '';
        if (!known.has(key) && !known.has(`${key}_other`)) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has the words the pages build keys for: platforms, sentiments, aspects, checks, states, error codes', () => {
    const needed = [
      ...['google', 'naver', 'kakao', 'import'].map((p) => `platforms.${p}`),
      ...['positive', 'neutral', 'negative'].map((s) => `sentiments.${s}`),
      ...['taste', 'service', 'price', 'cleanliness', 'waiting', 'parking', 'delivery', 'atmosphere'].map(
        (a) => `aspects.${a}`,
      ),
      ...['length', 'banned-words', 'personal-data', 'tone', 'promises', 'signature'].map(
        (c) => `checks.names.${c}`,
      ),
      ...['all', 'unanswered', 'drafted', 'answered', 'urgent'].map((s) => `inbox.status.${s}`),
      ...['up', 'down', 'new', 'gone', 'steady'].map((s) => `dashboard.trend.${s}`),
      ...['answer-urgent', 'answer-unanswered', 'fix-aspect', 'praise-aspect', 'collect', 'connect'].map(
        (k) => `dashboard.rec.${k}_other`,
      ),
      ...[
        'COLLECTION_RUNNING',
        'REPLY_NOT_APPROVABLE',
        'REPLY_CHECK_FAILED',
        'NOT_CONNECTED',
        'COMPETITOR_READ_ONLY',
        'SOURCE_DISABLED',
        'IMPORT_INVALID',
        'PLAN_LIMIT',
      ].map((code) => `errors.${code}`),
    ];
    for (const language of [messages.en, messages.ko])
      expect(needed.filter((key) => typeof textOf(language, key) !== 'string')).toEqual([]);
  });

  it('uses no empty texts', () => {
    const empty = [messages.en, messages.ko].flatMap((language) =>
      flatKeys(language).filter((key) => {
        const value = textOf(language, key);
        return typeof value === 'string' && value.trim() === '';
      }),
    );
    expect(empty).toEqual([]);
  });
});
