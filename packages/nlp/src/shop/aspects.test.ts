import { describe, expect, it } from 'vitest';
import { normalizeText } from '../text/normalize.js';
import { aspectsIn, SHOP_ASPECTS } from './aspects.js';

const ko = (t: string) => aspectsIn(normalizeText(t), 'ko');
const en = (t: string) => aspectsIn(normalizeText(t), 'en');

describe('aspectsIn', () => {
  it.each([
    ['국물이 진하고 맛있어요', 'taste'],
    ['사장님이 친절하세요', 'service'],
    ['가성비가 좋아요', 'price'],
    ['화장실이 더러워요', 'cleanliness'],
    ['웨이팅이 길어요', 'waiting'],
    ['주차하기 편해요', 'parking'],
    ['배달이 늦었어요', 'delivery'],
    ['인테리어가 예뻐요', 'atmosphere'],
  ] as const)('ko: %s -> %s', (text, aspect) => {
    expect(ko(text)).toContain(aspect);
  });

  it.each([
    ['The food was delicious', 'taste'],
    ['The waiter was rude', 'service'],
    ['Way too expensive', 'price'],
    ['The tables were dirty', 'cleanliness'],
    ['We waited an hour', 'waiting'],
    ['Easy parking', 'parking'],
    ['Delivery was fast', 'delivery'],
    ['Great music and a cozy vibe', 'atmosphere'],
  ] as const)('en: %s -> %s', (text, aspect) => {
    expect(en(text)).toContain(aspect);
  });

  it('does not see an aspect inside an unrelated word', () => {
    expect(ko('리뷰 남겨요')).not.toContain('atmosphere');
    expect(ko('직원이 친절해요')).not.toContain('price');
    expect(ko('시간이 없어서')).toEqual([]);
    expect(en('I read the reviews online')).toEqual([]);
  });

  it('returns aspects in the canonical order', () => {
    const found = ko('주차도 편하고 음식도 맛있어요');
    expect(found).toEqual(SHOP_ASPECTS.filter((a) => found.includes(a)));
    expect(found).toEqual(['taste', 'parking']);
  });
});
