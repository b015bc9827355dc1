import { describe, expect, it } from 'vitest';
import { hashTarget } from './hash-link.js';

describe('notification links', () => {
  it('opens a review in its store’s inbox and keeps other paths', () => {
    expect(hashTarget('#/stores/s-1/reviews/r-2')).toBe('/stores/s-1?review=r-2');
    expect(hashTarget('#/stores/s-1/reports')).toBe('/stores/s-1/reports');
    expect(hashTarget('#main')).toBeNull();
    expect(hashTarget('')).toBeNull();
  });
});
