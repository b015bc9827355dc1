import type { Lang } from '../text/lang.js';

/** What a shop owner acts on; the order is the order of {@link ShopReviewAnalysis.aspects}. */
export const SHOP_ASPECTS = [
  'taste',
  'service',
  'price',
  'cleanliness',
  'waiting',
  'parking',
  'delivery',
  'atmosphere',
] as const;

/** One of {@link SHOP_ASPECTS}. */
export type ShopAspect = (typeof SHOP_ASPECTS)[number];

/**
 * Terms that put a clause under an aspect. Korean terms are regular-expression sources that
 * match anywhere in the clause (Korean attaches endings and particles: 맛있어요, 직원분이, 비싸서;
 * a look-behind keeps 리뷰 out of 뷰); English terms are plain prefixes matched at the start of a
 * word (`deliver` covers delivered, delivery). Hair-salon and delivery words are included
 * because storehelper serves those shops too (시술, 커트 -> taste = "the product itself").
 */
export const ASPECT_TERMS: Record<ShopAspect, { ko: readonly string[]; en: readonly string[] }> = {
  taste: {
    ko: [
      '맛',
      '음식',
      '메뉴',
      '요리',
      '반찬',
      '국물',
      '육수',
      '고기',
      '(?<![모다])양(?:이|도|은|만)',
      '신선',
      '재료',
      '커피',
      '음료',
      '디저트',
      '케이크',
      '빵',
      '싱거',
      '느끼',
      '눅눅',
      '퍽퍽',
      '질기',
      '커트',
      '펌',
      '염색',
      '시술',
      '매직',
      '머릿결',
      '스타일',
      '잘라',
    ],
    en: [
      'food',
      'taste',
      'tasty',
      'delicious',
      'flavo',
      'menu',
      'dish',
      'meal',
      'portion',
      'broth',
      'soup',
      'coffee',
      'latte',
      'drink',
      'dessert',
      'pastr',
      'bland',
      'salty',
      'soggy',
      'haircut',
      'cut ',
      'stylist',
      'colo',
    ],
  },
  service: {
    ko: [
      '친절',
      '직원',
      '사장님',
      '서비스',
      '응대',
      '알바',
      '매니저',
      '점원',
      '태도',
      '원장님',
      '디자이너',
      '퉁명',
      '무례',
      '인사',
      '상담',
      '사과(?:도|는|를|\\s?없)',
    ],
    en: [
      'staff',
      'service',
      'waiter',
      'waitress',
      'server',
      'owner',
      'employee',
      'friendly',
      'rude',
      'manager',
    ],
  },
  price: {
    ko: [
      '가격',
      '가성비',
      '비싸',
      '비싼',
      '저렴',
      '값',
      '요금',
      '천\\s?원',
      '만\\s?원',
      '바가지',
      '합리적',
      '돈\\s?(?:주고|아까|아깝)',
    ],
    en: ['price', 'pric', 'expensive', 'cheap', 'value', 'overpriced', 'cost', 'money', 'affordable'],
  },
  cleanliness: {
    ko: [
      '청결',
      '위생',
      '깨끗',
      '더럽',
      '더러',
      '지저분',
      '머리카락',
      '벌레',
      '바퀴',
      '곰팡',
      '화장실',
      '끈적',
      '청소',
      '이물질',
    ],
    en: [
      'clean',
      'dirty',
      'filthy',
      'hygien',
      'sanitary',
      'sticky',
      'restroom',
      'toilet',
      'mold',
      'hair in',
      'bug',
    ],
  },
  waiting: {
    ko: [
      '대기',
      '웨이팅',
      '기다',
      '줄\\s?서',
      '줄을',
      '오래\\s?걸',
      '한참',
      '회전',
      '늦게\\s?나',
      '빨리\\s?나',
      '\\d+\\s?분\\s?(?:넘게|이나|동안)?\\s?걸',
    ],
    en: ['wait', 'queue', 'line', 'slow', 'took over'],
  },
  parking: {
    ko: ['주차'],
    en: ['parking', 'park '],
  },
  delivery: {
    ko: ['배달', '포장', '배송', '라이더', '기사님', '도착', '용기'],
    en: ['deliver', 'takeout', 'take-out', 'courier', 'driver', 'packed', 'packaging'],
  },
  atmosphere: {
    ko: [
      '분위기',
      '인테리어',
      '음악',
      '조명',
      '(?<!리)뷰',
      '좌석',
      '매장이\\s?넓',
      '쾌적',
      '아늑',
      '시끄',
      '조용',
      '룸도',
      '룸이',
    ],
    en: [
      'atmosphere',
      'ambience',
      'ambiance',
      'interior',
      'music',
      'decor',
      'vibe',
      'cozy',
      'noisy',
      'quiet',
      'seat',
      'view',
    ],
  },
};

interface CompiledAspect {
  aspect: ShopAspect;
  ko: RegExp;
  en: RegExp;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

const COMPILED: CompiledAspect[] = SHOP_ASPECTS.map((aspect) => ({
  aspect,
  ko: new RegExp(ASPECT_TERMS[aspect].ko.join('|'), 'u'),
  en: new RegExp(`(?:^|[^a-z])(?:${ASPECT_TERMS[aspect].en.map(escapeRe).join('|')})`, 'u'),
}));

/**
 * The aspects a clause talks about, in {@link SHOP_ASPECTS} order. `clause` must already be
 * normalized (lower case, single spaces). Korean clauses are also checked against the English
 * terms, since Korean reviews borrow words (`vibe`, `menu`).
 */
export function aspectsIn(clause: string, lang: Lang): ShopAspect[] {
  const padded = `${clause} `;
  const out: ShopAspect[] = [];
  for (const c of COMPILED) {
    if ((lang === 'ko' && c.ko.test(clause)) || c.en.test(padded)) out.push(c.aspect);
  }
  return out;
}
