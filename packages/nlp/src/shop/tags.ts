import type { ShopAspect } from './aspects.js';

/** What a fixed keyword tag says: the aspect it is about (null: none of ours) and its polarity. */
export interface KeywordTag {
  aspect: ShopAspect | null;
  polarity: 'positive';
}

const tag = (aspect: ShopAspect | null): KeywordTag => ({ aspect, polarity: 'positive' });

/**
 * Naver Place "keyword reviews" (이런 점이 좋았어요): fixed phrases a visitor picks instead of, or
 * besides, writing text and giving stars. They are positive by design (Naver offers no negative
 * ones), so each maps to an aspect and positive sentiment. Written from the phrases Naver shows
 * for restaurants, cafes, bakeries, bars, hair and nail salons and delivery; look-up ignores
 * spaces, punctuation and emoji (`"🍴 음식이 맛있어요"` matches `음식이 맛있어요`).
 */
export const NAVER_KEYWORD_TAGS: Readonly<Record<string, KeywordTag>> = {
  // food and drink
  '음식이 맛있어요': tag('taste'),
  '재료가 신선해요': tag('taste'),
  '양이 많아요': tag('taste'),
  '특별한 메뉴가 있어요': tag('taste'),
  '메뉴 구성이 알차요': tag('taste'),
  '고기 질이 좋아요': tag('taste'),
  '잡내가 적어요': tag('taste'),
  '반찬이 잘 나와요': tag('taste'),
  '현지 맛에 가까워요': tag('taste'),
  '건강한 맛이에요': tag('taste'),
  '커피가 맛있어요': tag('taste'),
  '음료가 맛있어요': tag('taste'),
  '디저트가 맛있어요': tag('taste'),
  '빵이 맛있어요': tag('taste'),
  '술이 다양해요': tag('taste'),
  '메뉴가 다양해요': tag('taste'),
  '비싼 만큼 가치있어요': tag('price'),
  '가성비가 좋아요': tag('price'),
  '가격이 합리적이에요': tag('price'),
  // service
  친절해요: tag('service'),
  '직원이 친절해요': tag('service'),
  '사장님이 친절해요': tag('service'),
  '응대가 꼼꼼해요': tag('service'),
  '상담이 자세해요': tag('service'),
  '스타일 추천을 잘해줘요': tag('service'),
  '원하는 스타일로 잘해줘요': tag('taste'),
  '시술이 꼼꼼해요': tag('taste'),
  '관리법을 잘 알려줘요': tag('service'),
  '손이 빨라요': tag('waiting'),
  // cleanliness
  '매장이 청결해요': tag('cleanliness'),
  '화장실이 깨끗해요': tag('cleanliness'),
  '위생관리가 철저해요': tag('cleanliness'),
  // waiting
  '대기시간이 짧아요': tag('waiting'),
  '음식이 빨리 나와요': tag('waiting'),
  '예약 시간을 잘 지켜요': tag('waiting'),
  // parking
  '주차하기 편해요': tag('parking'),
  '주차 공간이 넓어요': tag('parking'),
  // delivery and take-out
  '포장이 깔끔해요': tag('delivery'),
  '배달이 빨라요': tag('delivery'),
  '포장이 꼼꼼해요': tag('delivery'),
  '따뜻하게 도착했어요': tag('delivery'),
  // atmosphere
  '인테리어가 멋져요': tag('atmosphere'),
  '매장이 넓어요': tag('atmosphere'),
  '뷰가 좋아요': tag('atmosphere'),
  '분위기가 좋아요': tag('atmosphere'),
  '음악이 좋아요': tag('atmosphere'),
  아늑해요: tag('atmosphere'),
  '대화하기 좋아요': tag('atmosphere'),
  '집중하기 좋아요': tag('atmosphere'),
  '좌석이 편해요': tag('atmosphere'),
  '룸이 잘 되어있어요': tag('atmosphere'),
  '사진이 잘 나와요': tag('atmosphere'),
  '오래 머무르기 좋아요': tag('atmosphere'),
  '차분한 분위기에요': tag('atmosphere'),
  // occasions (positive, no aspect of ours)
  '혼밥하기 좋아요': tag(null),
  '혼술하기 좋아요': tag(null),
  '단체모임 하기 좋아요': tag(null),
  '특별한 날 가기 좋아요': tag(null),
  '아이와 가기 좋아요': tag(null),
  '반려동물과 가기 좋아요': tag(null),
  '선물하기 좋아요': tag(null),
  '재방문하고 싶어요': tag(null),
};

/** Spaces, punctuation, symbols and emoji removed: the form tags are compared in. */
export function tagKey(text: string): string {
  return text.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '');
}

const BY_KEY = new Map(
  Object.entries(NAVER_KEYWORD_TAGS).map(([phrase, t]) => [tagKey(phrase), { phrase, ...t }]),
);

/** The known tag a phrase names (spacing, punctuation and emoji ignored), or undefined. */
export function lookupTag(text: string): (KeywordTag & { phrase: string }) | undefined {
  return BY_KEY.get(tagKey(text));
}
