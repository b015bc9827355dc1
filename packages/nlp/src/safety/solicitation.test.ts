import { describe, expect, it } from 'vitest';
import { detectSolicitation, type SolicitationKind } from './solicitation.js';

const kinds = (text: string): SolicitationKind[] => [...new Set(detectSolicitation(text).map((f) => f.kind))];

describe('detectSolicitation', () => {
  it.each([
    ['돈 좀 빌려줄 수 있어? 다음 주에 갚을게', 'money'],
    ['계좌번호 알려드릴 테니까 송금 좀 해주세요', 'money'],
    ['구글 기프트카드 사서 번호 보내줘', 'money'],
    ['Can you send me 200 dollars?', 'money'],
    ['Send me a gift card and I will pay you back', 'money'],
    ['I need $500 for my rent', 'money'],
    ['리딩방 들어오시면 수익 보장해드려요', 'scam'],
    ['비트코인 투자하면 무조건 두 배로 돌려드려요', 'scam'],
    ['재택 부업으로 하루 20만원 버실 분', 'scam'],
    ['Guaranteed 30% monthly profit with our platform', 'scam'],
    ['invest 100 usdt now and get 300 back in 24 hours', 'scam'],
    ['텔레로 오세요 @fast_cash', 'scam'],
    ['조건만남 하실 분', 'sexual'],
    ['오늘 밤에 같이 자고 싶어요', 'sexual'],
    ['야한 사진 보내줄 수 있어?', 'sexual'],
    ['wanna hook up tonight?', 'sexual'],
    ['send nudes', 'sexual'],
    ['Are you looking for a sugar daddy?', 'sexual'],
    ['한국어 과외 합니다 시간당 3만원 문의주세요', 'advertising'],
    ['팔로워 1000명 만원에 늘려드립니다', 'advertising'],
    ['I offer professional English tutoring, 20 USD per lesson', 'advertising'],
    ['Use my promo code SARAH10 for 10% off', 'advertising'],
    ['Buy Instagram likes, cheapest prices', 'advertising'],
  ] as const)('%s -> %s', (text, kind) => {
    expect(kinds(text)).toContain(kind);
  });

  it.each([
    '수업료는 보통 한 시간에 3만원 정도라고 들었어요',
    '어제 친구한테 돈 빌려줬는데 아직 안 갚았어요',
    '한국은 계좌이체를 많이 써요',
    '비트코인 요즘 많이 떨어졌더라고요',
    '어제 너무 피곤해서 일찍 자고 싶었어요',
    '과외 선생님이 숙제를 너무 많이 내줘요',
    'My tutor charges 25 dollars per hour, is that normal?',
    'Bitcoin dropped again today, my brother lost a lot',
    'I got a gift card for my birthday',
    'The word "hook" has many meanings',
    'Click the blue button to start the lesson',
    'The hotel room was tiny but clean',
    'I paid 12,000 won for lunch',
  ])('no finding: %s', (text) => {
    expect(detectSolicitation(text)).toEqual([]);
  });
});
