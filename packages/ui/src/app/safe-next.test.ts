import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeNext } from './context.js';

// `?next=` after sign-in must never lead to another site (open redirect).
describe('safeNext', () => {
  it('keeps paths of this site, with their query', () => {
    expect(safeNext('/account/security')).toBe('/account/security');
    expect(safeNext('/sign-in?next=%2F')).toBe('/sign-in?next=%2F');
  });

  it('refuses other sites, protocol-relative and backslash tricks', () => {
    const bad = [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      '/.//evil.example',
    ];
    for (const value of [...bad, 'javascript:alert(1)', '', null]) {
      expect(safeNext(value)).toBe('/');
    }
  });

  it('always returns a same-origin path', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl(),
          fc.webPath(),
          fc.string().map((s) => `/${s}`),
        ),
        (value) => {
          const next = safeNext(value);
          const resolved = new URL(next, 'https://campus.example/eduforum/');
          expect(resolved.origin).toBe('https://campus.example');
          expect(next.startsWith('/')).toBe(true);
          expect(new URL(next, 'https://other.example/').origin).toBe('https://other.example');
        },
      ),
    );
  });
});
