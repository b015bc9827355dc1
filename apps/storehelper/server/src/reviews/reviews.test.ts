import { makePerson } from '@app/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysed, daysAgo, importCsv, makeStore, startWorld, type World } from '../test/world.js';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

const CSV = `플랫폼,작성자,별점,키워드,리뷰 내용,작성일
네이버,맛집탐방,,"음식이 맛있어요, 친절해요",국물이 진하고 사장님이 친절해요,${daysAgo(3)}
카카오,kim,4,,음식이 너무 늦게 나오고 직원이 불친절했어요. 다시는 안 갈 것 같아요,${daysAgo(1)}
구글,Alex,5,,"Great noodles, friendly staff",${daysAgo(10)}
구글,Old,1,,최악이에요 더러워요,${daysAgo(60)}
`;

describe('storehelper analysis and alerts', () => {
  it('scores each review, marks the recent negative one urgent and alerts the owner once', async () => {
    const owner = await makePerson(world.app);
    const storeId = await makeStore(world, owner);
    await importCsv(world, owner, storeId, CSV);
    await analysed(world, storeId);
    const items = (await world.call(owner, 'GET', `/stores/${storeId}/reviews?limit=10`)).json().items;
    const byAuthor = Object.fromEntries(items.map((r: { author: string }) => [r.author, r]));
    expect(byAuthor.kim).toMatchObject({ sentimentLabel: 'negative', urgent: true });
    expect(byAuthor.kim.sentiment).toBeLessThan(-0.3);
    expect(byAuthor.kim.aspects.map((a: { aspect: string }) => a.aspect)).toEqual(
      expect.arrayContaining(['service']),
    );
    expect(byAuthor['맛집탐방']).toMatchObject({ sentimentLabel: 'positive', urgent: false });
    // Old and low-rated: urgent, but too old to page anyone.
    expect(byAuthor.Old.urgent).toBe(true);
    const alerts = (await world.call(owner, 'GET', `/stores/${storeId}/alerts`)).json().items;
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'negative-review', reviewId: byAuthor.kim.id });
    await expect
      .poll(
        async () =>
          (
            await world.app.inject({
              method: 'GET',
              url: '/api/v1/notifications',
              headers: { authorization: `Bearer ${owner.token}` },
            })
          )
            .json()
            .items.filter((n: { type: string }) => n.type === 'storehelper.negative-review').length,
      )
      .toBe(1);
    // Importing the same sheet again neither re-alerts nor re-analyses.
    await importCsv(world, owner, storeId, CSV);
    expect((await world.call(owner, 'GET', `/stores/${storeId}/alerts`)).json().items).toHaveLength(1);
    const urgent = (await world.call(owner, 'GET', `/stores/${storeId}/reviews?status=urgent`)).json().items;
    expect(urgent.map((r: { author: string }) => r.author).sort()).toEqual(['Old', 'kim']);
    expect(
      (await world.call(owner, 'POST', `/stores/${storeId}/alerts/${alerts[0].id}/acknowledge`)).statusCode,
    ).toBe(204);
    expect((await world.call(owner, 'GET', `/stores/${storeId}/alerts`)).json().items).toEqual([]);
  });

  it('filters the inbox and pages through it', async () => {
    const owner = await makePerson(world.app);
    const storeId = await makeStore(world, owner);
    await importCsv(world, owner, storeId, CSV);
    await analysed(world, storeId);
    const get = async (q: string) =>
      (await world.call(owner, 'GET', `/stores/${storeId}/reviews?${q}`)).json();
    expect((await get('platform=naver')).items).toHaveLength(1);
    expect((await get('rating=5')).items.map((r: { author: string }) => r.author)).toEqual(['Alex']);
    expect((await get('q=noodles')).items).toHaveLength(1);
    expect((await get(`from=${daysAgo(5)}`)).items).toHaveLength(2);
    const first = await get('limit=2');
    expect(first.items).toHaveLength(2);
    const second = await get(`limit=2&cursor=${first.nextCursor}`);
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((r: { id: string }) => r.id)).size).toBe(4);
    expect((await world.call(owner, 'GET', `/stores/${storeId}/reviews?rating=9`)).statusCode).toBe(400);
    expect((await world.call(owner, 'GET', `/stores/${storeId}/reviews?cursor=garbage`)).statusCode).toBe(
      400,
    );
  });
});

describe('storehelper replies', () => {
  it('staff draft and edit, only the owner approves, and a manual platform is marked done', async () => {
    const owner = await makePerson(world.app);
    const staff = await makePerson(world.app);
    await world.setPlan(owner, 'basic');
    const storeId = await makeStore(world, owner, {
      replySignature: '- 성수 본점 드림',
      replyTone: 'formal',
    });
    await world.call(owner, 'POST', `/stores/${storeId}/staff`, { email: staff.email });
    await importCsv(world, owner, storeId, CSV);
    await analysed(world, storeId);
    const kim = (await world.call(staff, 'GET', `/stores/${storeId}/reviews?q=불친절`)).json().items[0];
    const draft = await world.call(staff, 'POST', `/reviews/${kim.id}/reply/draft`, {});
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json()).toMatchObject({ status: 'draft', source: 'local' });
    expect(draft.json().text.endsWith('- 성수 본점 드림')).toBe(true);
    const refused = await world.call(staff, 'POST', `/reviews/${kim.id}/reply/approve`);
    expect(refused.statusCode).toBe(403);
    const promise = await world.call(staff, 'PUT', `/reviews/${kim.id}/reply`, {
      text: '불편을 드려 죄송합니다. 다음 방문 때 전액 환불해 드리겠습니다.\n- 성수 본점 드림',
    });
    expect(promise.json().checks.find((c: { check: string }) => c.check === 'promises')).toMatchObject({
      ok: false,
    });
    const failed = await world.call(owner, 'POST', `/reviews/${kim.id}/reply/approve`);
    expect(failed.statusCode).toBe(422);
    expect(failed.json().error.code).toBe('REPLY_CHECK_FAILED');
    const edited = await world.call(staff, 'PUT', `/reviews/${kim.id}/reply`, {
      text: '불편을 드려 정말 죄송합니다. 말씀해 주신 대기 시간과 응대는 직원들과 함께 바로 개선하겠습니다.\n- 성수 본점 드림',
    });
    expect(edited.json()).toMatchObject({ status: 'edited', source: 'staff', draftedBy: staff.id });
    expect(edited.json().checks.every((c: { ok: boolean }) => c.ok)).toBe(true);
    const approved = await world.call(owner, 'POST', `/reviews/${kim.id}/reply/approve`);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedBy: owner.id });
    expect((await world.call(staff, 'POST', `/reviews/${kim.id}/reply/done`)).statusCode).toBe(403);
    const done = await world.call(owner, 'POST', `/reviews/${kim.id}/reply/done`);
    expect(done.json().status).toBe('done');
    const after = (await world.call(owner, 'GET', `/reviews/${kim.id}`)).json();
    expect(after).toMatchObject({ urgent: false, ownerReply: edited.json().text });
    expect((await world.call(owner, 'POST', `/reviews/${kim.id}/reply/draft`, {})).statusCode).toBe(409);
    expect(
      (await world.call(owner, 'GET', `/stores/${storeId}/reviews?status=answered`))
        .json()
        .items.map((r: { id: string }) => r.id),
    ).toEqual([kim.id]);
  });

  it('needs a plan with replies, and uses templates', async () => {
    const owner = await makePerson(world.app);
    const storeId = await makeStore(world, owner);
    await importCsv(world, owner, storeId, CSV);
    const review = (
      await world.call(owner, 'GET', `/stores/${storeId}/reviews?platform=google&rating=5`)
    ).json().items[0];
    const free = await world.call(owner, 'POST', `/reviews/${review.id}/reply/draft`, {});
    expect(free.statusCode).toBe(402);
    await world.setPlan(owner, 'basic');
    const template = (
      await world.call(owner, 'POST', `/stores/${storeId}/templates`, {
        name: 'thanks',
        body: '{author}님, {store}을 찾아 주셔서 감사합니다!',
      })
    ).json();
    const drafted = await world.call(owner, 'POST', `/reviews/${review.id}/reply/draft`, {
      templateId: template.id,
    });
    expect(drafted.json()).toMatchObject({
      source: 'template',
      text: 'Alex님, 성수 본점을 찾아 주셔서 감사합니다!',
    });
    expect(
      (await world.call(owner, 'POST', `/stores/${storeId}/templates`, { name: 'thanks', body: 'x' }))
        .statusCode,
    ).toBe(400);
  });

  it('keeps stores apart: staff of one store see nothing of another, members see no store', async () => {
    const ownerA = await makePerson(world.app);
    const ownerB = await makePerson(world.app);
    const staffA = await makePerson(world.app);
    const storeA = await makeStore(world, ownerA);
    const storeB = await makeStore(world, ownerB);
    await world.call(ownerA, 'POST', `/stores/${storeA}/staff`, { email: staffA.email });
    await importCsv(world, ownerB, storeB, CSV);
    const reviewB = (await world.call(ownerB, 'GET', `/stores/${storeB}/reviews`)).json().items[0];
    expect((await world.call(staffA, 'GET', `/stores/${storeB}/reviews`)).statusCode).toBe(404);
    expect((await world.call(staffA, 'GET', `/reviews/${reviewB.id}`)).statusCode).toBe(404);
    expect((await world.call(staffA, 'POST', `/reviews/${reviewB.id}/reply/draft`, {})).statusCode).toBe(404);
    expect((await world.call(staffA, 'GET', `/stores/${storeB}/dashboard`)).statusCode).toBe(404);
    expect(
      (await world.call(staffA, 'GET', '/stores'))
        .json()
        .items.map((s: { id: string; role: string }) => [s.id, s.role]),
    ).toEqual([[storeA, 'staff']]);
    expect((await world.call(staffA, 'PATCH', `/stores/${storeA}`, { name: 'mine' })).statusCode).toBe(403);
    expect(
      (await world.call(staffA, 'POST', `/stores/${storeA}/staff`, { email: ownerB.email })).statusCode,
    ).toBe(403);
    // Removing staff ends their access at once.
    await world.call(ownerA, 'DELETE', `/stores/${storeA}/staff/${staffA.id}`);
    expect((await world.call(staffA, 'GET', `/stores/${storeA}`)).statusCode).toBe(404);
  });
});

describe('storehelper dashboard', () => {
  it('counts, trends and, on Premium, complaints and competitors; exports CSV and PDF', async () => {
    const owner = await makePerson(world.app);
    const storeId = await makeStore(world, owner);
    await importCsv(world, owner, storeId, CSV);
    await analysed(world, storeId);
    const basic = (await world.call(owner, 'GET', `/stores/${storeId}/dashboard?from=${daysAgo(30)}`)).json();
    expect(basic.totals).toMatchObject({ reviews: 3, unanswered: 3, urgentOpen: 1 });
    expect((await world.call(owner, 'GET', `/stores/${storeId}/dashboard`)).json().totals.reviews).toBe(4);
    expect(basic.advanced).toBe(false);
    expect(basic.complaints).toBeNull();
    expect(basic.weeks.reduce((n: number, w: { reviews: number }) => n + w.reviews, 0)).toBe(3);
    expect(basic.recommendations[0]).toEqual({ kind: 'answer-urgent', aspect: null, count: 1 });
    await world.setPlan(owner, 'premium');
    const rival = (
      await world.call(owner, 'POST', `/stores/${storeId}/competitors`, {
        name: '옆집 국수',
        naverPlaceId: 'https://m.place.naver.com/restaurant/1234567/review',
      })
    ).json();
    expect(rival).toMatchObject({ competitorOf: storeId, naverPlaceId: '1234567' });
    const premium = (await world.call(owner, 'GET', `/stores/${storeId}/dashboard`)).json();
    expect(premium.totals.reviews).toBe(4);
    expect(premium.advanced).toBe(true);
    expect(premium.aspects.length).toBeGreaterThan(0);
    expect(premium.competitors).toEqual([
      { storeId: rival.id, name: '옆집 국수', reviews: 0, averageRating: null, averageSentiment: null },
    ]);
    // A competitor does not count against the plan's stores.
    expect(
      (
        await world.app.inject({
          method: 'GET',
          url: '/api/v1/billing/me?app=storehelper',
          headers: { authorization: `Bearer ${owner.token}` },
        })
      ).json().limits.stores.used,
    ).toBe(1);
    const csv = await world.call(owner, 'GET', `/stores/${storeId}/export.csv?platform=kakao`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n').filter(Boolean)).toHaveLength(2);
    expect(csv.body).toContain('불친절');
    const pdf = await world.call(owner, 'GET', `/stores/${storeId}/report.pdf`);
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
