import { describe, expect, it } from 'vitest';
import { splitClauses } from './clauses.js';

const texts = (t: string, lang: 'ko' | 'en' = 'ko') => splitClauses(t, lang).map((c) => c.text);
const stressed = (t: string, lang: 'ko' | 'en' = 'ko') =>
  splitClauses(t, lang)
    .filter((c) => c.stressed)
    .map((c) => c.text);

describe('splitClauses (Korean)', () => {
  it('splits at contrast endings and stresses what follows the last contrast', () => {
    expect(texts('맛은 있는데 너무 불친절해요')).toEqual(['맛은 있는데', '너무 불친절해요']);
    expect(stressed('맛은 있는데 너무 불친절해요')).toEqual(['너무 불친절해요']);
    expect(stressed('웨이팅이 좀 있었지만 기다린 보람이 있네요')).toEqual(['기다린 보람이 있네요']);
    expect(stressed('친절하긴 한데 실력은 평범')).toEqual(['실력은 평범']);
  });

  it('treats a sentence opening with 근데 / 하지만 as a contrast with what came before', () => {
    const c = splitClauses('음식은 맛있어요. 근데 직원이 불친절해요', 'ko');
    expect(c.map((x) => x.text)).toEqual(['음식은 맛있어요.', '직원이 불친절해요']);
    expect(c.map((x) => x.stressed)).toEqual([false, true]);
  });

  it('splits plain connectives (-고, -서) without stressing anything', () => {
    const c = splitClauses('음식도 맛있고 직원도 친절해서 좋았어요', 'ko');
    expect(c.map((x) => x.text)).toEqual(['음식도 맛있고', '직원도 친절해서', '좋았어요']);
    expect(c.some((x) => x.stressed)).toBe(false);
  });

  it('does not split nouns that end like connectives, and keeps the written form', () => {
    expect(texts('여기 최고 맛집 ㅋㅋㅋㅋ')).toEqual(['여기 최고 맛집 ㅋㅋㅋㅋ']);
    expect(texts('  ')).toEqual([]);
  });
});

describe('splitClauses (English)', () => {
  it('stresses the clause after but / however', () => {
    const c = splitClauses('The food was tasty but the service was terrible.', 'en');
    expect(c.map((x) => x.text)).toEqual(['The food was tasty', 'the service was terrible']);
    expect(c.map((x) => x.stressed)).toEqual([false, true]);
  });

  it('stresses the main clause of a concession', () => {
    expect(stressed('Although we waited, the meal was worth it.', 'en')).toEqual(['the meal was worth it']);
    expect(stressed('Great food, though a bit pricey.', 'en')).toEqual(['Great food']);
  });

  it('splits "and" before a new subject but not inside a noun phrase', () => {
    expect(texts('Fish and chips were great and the staff were kind', 'en')).toEqual([
      'Fish and chips were great',
      'the staff were kind',
    ]);
  });
});
