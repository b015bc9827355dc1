import { describe, expect, it } from 'vitest';
import { type ContactKind, detectContactInfo } from './contact.js';

const kinds = (text: string): ContactKind[] =>
  [...new Set(detectContactInfo(text).map((f) => f.kind))].sort();

describe('detectContactInfo', () => {
  it.each([
    ['010-1234-5678', '010-1234-5678'],
    ['번호 01012345678 이에요', '01012345678'],
    ['010 1234 5678로 연락줘', '010 1234 5678'],
    ['+82 10-1234-5678', '+82 10-1234-5678'],
    ['0 1 0 1 2 3 4 5 6 7 8', '01012345678'],
    ['공일공 일이삼사 오육칠팔', '공일공 일이삼사 오육칠팔'],
    ['영일영-삼삼사사-구구팔팔 문자줘', '영일영-삼삼사사-구구팔팔'],
    ['공1공-2삼4오-6칠8구', '공1공-2삼4오-6칠8구'],
    ['０１０－１２３４－５６７８', '010-1234-5678'],
    ['번호 01O-1234-5678', '01o-1234-5678'],
    ['call me at +1 646 555 0199', '+1 646 555 0199'],
    ['My number is (415) 555-0132', '(415) 555-0132'],
    ['here: +44 7700 900456', '+44 7700 900456'],
    [
      'zero one zero, one two three four, five six seven eight',
      'zero one zero, one two three four, five six seven eight',
    ],
  ])('phone: %s', (text, match) => {
    expect(detectContactInfo(text)).toContainEqual({ kind: 'phone', match });
  });

  it('keeps a Korean particle out of the number', () => {
    expect(detectContactInfo('010-1234-5678이에요')).toContainEqual({
      kind: 'phone',
      match: '010-1234-5678',
    });
  });

  it.each([
    ['mail me at jane.doe@outlook.com', 'jane.doe@outlook.com'],
    ['tom dot smith at gmail dot com', 'tom dot smith at gmail dot com'],
    ['jiwoo.park 골뱅이 naver 닷컴', 'jiwoo.park 골뱅이 naver 닷컴'],
    ['sarah(at)outlook(dot)com', 'sarah(at)outlook(dot)com'],
  ])('email: %s', (text, match) => {
    expect(detectContactInfo(text)).toContainEqual({ kind: 'email', match });
    expect(kinds(text)).not.toContain('url');
  });

  it.each([
    'https://open.kakao.com/o/gAbc123',
    'www.ebs.co.kr 에 강의 많아요',
    'naver.me/5xYzAb 들어가 봐',
    'my telegram is t.me/cryptoking88',
    'bit.ly/3xhot',
    'blog.naver.com/minji_study',
    '네이버 닷컴 들어가 봐요',
  ])('url: %s', (text) => {
    expect(kinds(text)).toContain('url');
  });

  it.each([
    ['카톡 아이디 minji_92 추가해주세요', 'messenger'],
    ['카카오톡 아이디 알려주세요', 'messenger'],
    ['카톡아이디 줄게', 'messenger'],
    ['카톡 id: bluesky', 'messenger'],
    ['ㅋㅌ 아디 sunny0707', 'messenger'],
    ['ㅋ ㅌ 아디 lee_77', 'messenger'],
    ['톡디 주세요~', 'messenger'],
    ['혹시 카톡 하세요?', 'messenger'],
    ['카.톡 아.이.디 s.u.n.n.y', 'messenger'],
    ['라인 아이디는 hk_lee88 입니다', 'messenger'],
    ['텔레 아디 bitpro 로 연락주셈', 'messenger'],
    ['텔레그램으로 넘어가서 얘기해요', 'messenger'],
    ['위챗 아이디 있으세요?', 'messenger'],
    ['왓츠앱으로 연락해도 돼요?', 'messenger'],
    ['add me on kakao: xyz', 'messenger'],
    ["what's your kakao id?", 'messenger'],
    ['my wechat is lily_1990', 'messenger'],
    ['discord: tommy#4821', 'messenger'],
    ['인스타 @yuna.daily 팔로우 해주세요', 'social'],
    ['인스타그램 아이디는 jihoon.eng', 'social'],
    ['인스타 디엠 주세요', 'social'],
    ['follow me on insta @sarah.eats', 'social'],
    ['are you on instagram?', 'social'],
    ['my snap is sarahh_22', 'social'],
    ['@handle_123 here', 'social'],
  ] as const)('messenger/social: %s', (text, kind) => {
    expect(kinds(text)).toContain(kind);
  });

  it.each([
    '저 내일 오후 8시 30분에 시간 돼요',
    'Let us meet at 20:30',
    '2019년에 캐나다에서 1년 살았어요, 2020 2021 2022',
    '수업료는 보통 한 시간에 3만원 정도라고 들었어요',
    '오늘 환율이 1달러에 1,380원이래요',
    'I live at 3rd floor',
    'The score was 98 to 87',
    '시험 점수가 850점에서 920점으로 올랐어요',
    '제 생일은 1995년 3월 12일이에요',
    'I was born on 12/05/1996',
    "I like Instagram's design",
    '카톡 업데이트하고 나서 알림이 안 와요',
    '한국 사람들은 대부분 카카오톡 써요',
    '저 라인프렌즈 캐릭터 좋아해요',
    '온라인 수업이 더 편해요',
    '텔레비전에서 봤어요',
    'My sister works at Kakao in Pangyo',
    "I'm at home now",
    'I stood in line for 2 hours',
    'e.g. you can say this, Node.js too',
    '3번 문제 번호 알려줘',
    '1 2 3 4 5 6 7 8 9 10 세어 봐요',
  ])('no finding: %s', (text) => {
    expect(detectContactInfo(text)).toEqual([]);
  });
});
