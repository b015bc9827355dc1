import { createHash } from 'node:crypto';
import { type App, demoPeople } from '@app/platform';
import { CollectionRuns } from './collection/runs.js';
import type { CollectedReview } from './collection/types.js';
import { shDb } from './db.js';
import { storehelperPolicy } from './policies.js';

const PASSWORD = 'Store helper 2026 demo';
const people = [
  { key: 'owner', email: 'owner@storehelper.demo', name: '박사장' },
  { key: 'staff', email: 'staff@storehelper.demo', name: '이매니저' },
];

/** Review sentences by what they say; the demo combines them so every aspect has a trend. */
const POSITIVE = [
  '국물이 진하고 정말 맛있어요.',
  '사장님이 너무 친절하세요.',
  '가격 대비 양이 많아서 좋았어요.',
  '매장이 깨끗하고 분위기가 좋아요.',
  '면이 쫄깃하고 고명도 푸짐해요.',
  '주차하기 편해서 가족이랑 자주 와요.',
  '배달이 빨리 왔고 포장도 꼼꼼했어요.',
  'Great noodles and very friendly staff.',
];
const NEUTRAL = [
  '무난하게 먹을 만했어요.',
  '평범한 맛이에요.',
  '점심시간이라 사람이 좀 많았어요.',
  'It was okay, nothing special.',
];
const NEGATIVE = [
  '웨이팅이 너무 길어서 40분 넘게 기다렸어요.',
  '직원이 불친절하고 주문을 두 번이나 틀렸어요.',
  '가격이 너무 비싸졌어요. 양도 줄었고요.',
  '테이블이 끈적하고 위생이 별로였어요.',
  '주차할 곳이 없어서 한참 돌았어요.',
  '배달이 1시간 넘게 걸렸고 국물이 다 식었어요.',
  '음식이 너무 짜고 면이 불어서 왔어요. 다시는 안 갈 것 같아요.',
];
const NAVER_TAGS = [
  '음식이 맛있어요',
  '친절해요',
  '양이 많아요',
  '가성비가 좋아요',
  '매장이 청결해요',
  '재료가 신선해요',
  '주차하기 편해요',
  '인테리어가 멋져요',
];
const AUTHORS = [
  '맛집탐방러',
  '국수러버',
  '김민수',
  '이지은',
  'foodie_kr',
  '행복한하루',
  '점심헌터',
  'Alex',
  '동네주민',
  '라멘왕',
];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * About 300 reviews over the last three months on Naver (keyword reviews without stars, some with
 * text), Kakao and Google (stars), with a waiting-time problem that grows in the last weeks so the
 * dashboard shows a trend and a recurring complaint, and two recent negative reviews that alert.
 */
export function demoReviews(now = Date.now()): CollectedReview[] {
  const rand = random(2026);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const out: CollectedReview[] = [];
  for (let i = 0; i < 300; i++) {
    const daysAgo = Math.floor(rand() * 90) + 1;
    const recent = daysAgo < 21;
    const roll = rand();
    const mood = roll < (recent ? 0.6 : 0.75) ? 'positive' : roll < 0.85 ? 'neutral' : 'negative';
    const platform = pick(['naver', 'naver', 'kakao', 'google'] as const);
    let text =
      mood === 'positive'
        ? `${pick(POSITIVE)} ${rand() < 0.5 ? pick(POSITIVE) : ''}`
        : mood === 'neutral'
          ? pick(NEUTRAL)
          : pick(NEGATIVE);
    if (recent && mood !== 'positive' && rand() < 0.5) text = `${NEGATIVE[0]} ${text}`;
    const naverKeywordOnly = platform === 'naver' && mood === 'positive' && rand() < 0.4;
    const rating =
      platform === 'naver'
        ? null
        : mood === 'positive'
          ? rand() < 0.7
            ? 5
            : 4
          : mood === 'neutral'
            ? 3
            : rand() < 0.6
              ? 1
              : 2;
    const reviewedAt = new Date(now - daysAgo * 86_400_000 - Math.floor(rand() * 10) * 3_600_000);
    const author = pick(AUTHORS);
    out.push({
      platform,
      platformReviewId: `demo-${createHash('sha1').update(String(i)).digest('hex').slice(0, 12)}`,
      author,
      rating,
      tags:
        platform === 'naver' && mood === 'positive'
          ? [pick(NAVER_TAGS), pick(NAVER_TAGS)].filter((t, j, all) => all.indexOf(t) === j)
          : [],
      text: naverKeywordOnly ? '' : text.trim(),
      photos: rand() < 0.3 ? Math.ceil(rand() * 4) : 0,
      reviewedAt,
      ownerReply: !recent && rand() < 0.5 ? '소중한 리뷰 감사합니다. 또 찾아 주세요!' : null,
      ownerRepliedAt: null,
    });
  }
  // Two fresh negative reviews: the inbox opens with alerts to answer.
  out.push(
    {
      platform: 'kakao',
      platformReviewId: 'demo-urgent-1',
      author: '실망한손님',
      rating: 1,
      tags: [],
      text: '주문하고 50분을 기다렸는데 직원은 사과도 없었어요. 음식도 식어서 나왔고요. 다시는 안 갑니다.',
      photos: 0,
      reviewedAt: new Date(now - 5 * 3_600_000),
      ownerReply: null,
      ownerRepliedAt: null,
    },
    {
      platform: 'google',
      platformReviewId: 'demo-urgent-2',
      author: 'Minji',
      rating: 2,
      tags: [],
      text: '테이블이 지저분했고 국물이 너무 짰어요.',
      photos: 1,
      reviewedAt: new Date(now - 26 * 3_600_000),
      ownerReply: null,
      ownerRepliedAt: null,
    },
  );
  for (const review of out)
    if (review.ownerReply) review.ownerRepliedAt = new Date(review.reviewedAt.getTime() + 20 * 3_600_000);
  return out;
}

/**
 * Demo data for `npm start` outside production: an owner on Premium with a noodle shop, a staff
 * member, a competitor, a reply template, and three months of reviews (analysed by the job like any
 * collection). Idempotent.
 */
export async function seedDemo(app: App): Promise<string> {
  const accounts = await demoPeople(app, people, PASSWORD, 180);
  const owner = accounts.get('owner');
  const staff = accounts.get('staff');
  if (!owner || !staff) throw new Error('storehelper demo: accounts missing');
  const db = shDb(app.platform);
  const banner =
    [
      `  storehelper demo (password for every account: "${PASSWORD}")`,
      ...people.map((p) => `    ${p.key.padEnd(10)} ${p.email}`),
      '',
    ].join('\n') + '\n';
  if (
    await db.selectFrom('storehelper.stores').select('id').where('owner_id', '=', owner.id).executeTakeFirst()
  )
    return banner;
  await app.platform.billing.assignPlan(null, owner.id, {
    app: 'storehelper',
    plan: 'premium',
    interval: 'month',
    reason: 'demo data',
  });
  const call = async (url: string, payload: object) => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/storehelper${url}`,
      headers: { authorization: `Bearer ${owner.token}` },
      payload,
    });
    if (res.statusCode >= 300) throw new Error(`storehelper demo ${url}: ${res.statusCode} ${res.body}`);
    return (res.body ? res.json() : {}) as { id: string };
  };
  const store = await call('/stores', {
    name: '성수 국수집',
    address: '서울 성동구 성수이로 00',
    category: '국수',
    replyTone: 'friendly',
    replySignature: '- 성수 국수집 드림',
    naverPlaceId: '1234567890',
    autoDraft: { ratingAtMost: 2, ratingAtLeast: null, sentiments: [], platforms: [] },
  });
  await call(`/stores/${store.id}/staff`, { email: people[1]?.email });
  await call(`/stores/${store.id}/competitors`, { name: '옆집 칼국수', naverPlaceId: '1987654321' });
  await call(`/stores/${store.id}/templates`, {
    name: '감사 인사',
    body: '{author}님, {store}을 찾아 주셔서 감사합니다! 다음에도 맛있게 준비할게요.',
  });
  const deps = { platform: app.platform, db, policy: storehelperPolicy(app.platform, db) };
  const runs = new CollectionRuns(deps);
  const runId = await runs.start(store.id, 'import', 'import');
  await runs.save(store.id, runId, demoReviews());
  await runs.finish(runId);
  return banner;
}
