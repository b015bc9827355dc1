import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSafetyLines } from './safety-eval.js';

const file = fileURLToPath(new URL('../../data/safety-lines.tsv', import.meta.url));

describe('safety-lines.tsv', () => {
  it('parses: 300+ labelled lines in both languages, about a third held', () => {
    const lines = parseSafetyLines(readFileSync(file, 'utf8'));
    expect(lines.length).toBeGreaterThanOrEqual(300);
    for (const lang of ['ko', 'en']) expect(lines.filter((l) => l.lang === lang).length).toBeGreaterThan(100);
    const held = lines.filter((l) => l.part === 'held').length;
    expect(held / lines.length).toBeGreaterThan(0.3);
    expect(lines.every((l) => l.part === 'held' || l.part === 'tune')).toBe(true);
    expect(new Set(lines.map((l) => l.text)).size).toBe(lines.length);
  });

  it('rejects a malformed file', () => {
    expect(() => parseSafetyLines('text\tlang\n')).toThrow(/header/);
    expect(() => parseSafetyLines('text\tlang\tcontact\tsolicitation\tpart\nhi\ten\t2\t0\theld\n')).toThrow(
      /line 2/,
    );
  });
});
