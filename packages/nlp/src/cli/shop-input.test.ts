import { describe, expect, it } from 'vitest';
import { shopInput } from './shop-input.js';

describe('shopInput', () => {
  it('passes a valid rating and tags, ignores null or missing ones', () => {
    expect(shopInput({ text: 'x', rating: 4, tags: ['친절해요'] })).toEqual({
      rating: 4,
      tags: ['친절해요'],
    });
    expect(shopInput({ text: 'x', rating: null })).toEqual({});
    expect(shopInput({ text: 'x' })).toEqual({});
  });

  it('rejects a bad rating or tags', () => {
    expect(() => shopInput({ rating: '5' })).toThrow(/rating/);
    expect(() => shopInput({ rating: 0 })).toThrow(/rating/);
    expect(() => shopInput({ tags: [1] })).toThrow(/tags/);
  });
});
