import { describe, expect, it } from 'vitest';
import { hashRoute } from './hash-route.js';

describe('hash addresses from mails and notifications', () => {
  it('opens the page they name', () => {
    expect(hashRoute('#/review')).toBe('/review');
    expect(hashRoute('#/materials/0190f1c2-7a8b-7c3d-9e0f-123456789abc?passage=3')).toBe(
      '/materials/0190f1c2-7a8b-7c3d-9e0f-123456789abc?passage=3',
    );
  });

  it('sends unknown ones to the dashboard and ignores plain anchors', () => {
    expect(hashRoute('#/stats')).toBe('/');
    expect(hashRoute('#//evil.example/x')).toBe('/');
    expect(hashRoute('#timer')).toBeNull();
    expect(hashRoute('')).toBeNull();
  });
});
