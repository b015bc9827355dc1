import { makePerson, type Person } from '@app/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSubject, PHOTOSYNTHESIS, processed, startWorld, type World } from '../test/world.js';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

const card = async (who: Person, front: string, back = 'b') => {
  const res = await world.call(who, 'POST', '/cards', { front, back });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; reps: number }>();
};

describe('studymate review loop', () => {
  it('shows new cards, grades each showing once, and undoes the last grade exactly', async () => {
    const learner = await makePerson(world.app);
    const created = await card(learner, 'What is ATP?', 'The energy currency of the cell');
    const next = (await world.call(learner, 'GET', '/review/next')).json();
    expect(next.card.id).toBe(created.id);
    expect(next.remaining).toEqual({ due: 0, learning: 0, new: 1 });
    expect(new Date(next.preview.again).getTime()).toBeLessThan(new Date(next.preview.easy).getTime());
    const graded = await world.call(learner, 'POST', `/cards/${created.id}/review`, {
      grade: 3,
      reps: 0,
      durationMs: 4200,
    });
    expect(graded.statusCode, graded.body).toBe(200);
    expect(graded.json().card).toMatchObject({ reps: 1, state: 'learning' });
    const again = await world.call(learner, 'POST', `/cards/${created.id}/review`, { grade: 3, reps: 0 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ALREADY_REVIEWED');
    // Learning card due in minutes: nothing due now.
    expect((await world.call(learner, 'GET', '/review/next')).json().card).toBeNull();
    const undone = await world.call(learner, 'POST', '/review/undo');
    expect(undone.json().card).toMatchObject({ id: created.id, reps: 0, state: 'new', stability: 0 });
    expect((await world.call(learner, 'GET', '/review/next')).json().card.id).toBe(created.id);
    expect((await world.call(learner, 'POST', '/review/undo')).json().error.code).toBe('NOTHING_TO_UNDO');
    expect(
      (await world.call(learner, 'POST', `/cards/${created.id}/review`, { grade: 5, reps: 0 })).statusCode,
    ).toBe(400);
  });

  it('allows only Again and Good in pass/fail mode, and respects the daily new-card limit', async () => {
    const learner = await makePerson(world.app);
    const a = await card(learner, 'one');
    await card(learner, 'two');
    expect(
      (await world.call(learner, 'PATCH', '/settings', { passFail: true, newCardsPerDay: 1 })).statusCode,
    ).toBe(200);
    const next = (await world.call(learner, 'GET', '/review/next')).json();
    expect(next.passFail).toBe(true);
    expect(next.remaining.new).toBe(1);
    const hard = await world.call(learner, 'POST', `/cards/${a.id}/review`, { grade: 2, reps: 0 });
    expect(hard.json().error.code).toBe('GRADE_NOT_ALLOWED');
    expect(
      (await world.call(learner, 'POST', `/cards/${a.id}/review`, { grade: 3, reps: 0 })).statusCode,
    ).toBe(200);
    const after = (await world.call(learner, 'GET', '/review/next')).json();
    expect(after.card).toBeNull();
    expect(after.remaining.new).toBe(0);
    expect((await world.call(learner, 'PATCH', '/settings', { desiredRetention: 0.5 })).statusCode).toBe(400);
    expect((await world.call(learner, 'PATCH', '/settings', { timeZone: 'Mars/Olympus' })).statusCode).toBe(
      400,
    );
  });

  it('suspends, buries until tomorrow, resets and deletes; others see none of it', async () => {
    const learner = await makePerson(world.app);
    const other = await makePerson(world.app);
    const c = await card(learner, 'suspend me');
    expect(
      (await world.call(learner, 'PATCH', `/cards/${c.id}`, { action: 'suspend' })).json().suspended,
    ).toBe(true);
    expect((await world.call(learner, 'GET', '/review/next')).json().card).toBeNull();
    expect(
      (await world.call(learner, 'PATCH', `/cards/${c.id}`, { action: 'unsuspend' })).json().suspended,
    ).toBe(false);
    const buried = (await world.call(learner, 'PATCH', `/cards/${c.id}`, { action: 'bury' })).json();
    expect(new Date(buried.buriedUntil).getTime()).toBeGreaterThan(Date.now());
    expect((await world.call(learner, 'GET', '/review/next')).json().card).toBeNull();
    expect((await world.call(other, 'PATCH', `/cards/${c.id}`, { front: 'mine now' })).statusCode).toBe(404);
    expect((await world.call(other, 'POST', `/cards/${c.id}/review`, { grade: 3, reps: 0 })).statusCode).toBe(
      404,
    );
    expect((await world.call(other, 'GET', '/cards')).json().items).toEqual([]);
    expect((await world.call(learner, 'PATCH', `/cards/${c.id}`, { front: '' })).statusCode).toBe(400);
    expect((await world.call(learner, 'DELETE', `/cards/${c.id}`)).statusCode).toBe(204);
    expect((await world.call(learner, 'DELETE', `/cards/${c.id}`)).statusCode).toBe(404);
  });

  it('makes cards from a material’s key terms once, each linked to its passage', async () => {
    const learner = await makePerson(world.app);
    const subjectId = await makeSubject(world, learner);
    const material = (
      await world.call(learner, 'POST', '/materials', { subjectId, title: 'P', text: PHOTOSYNTHESIS })
    ).json();
    const detail = await processed(world, learner, material.id);
    const first = (await world.call(learner, 'POST', `/materials/${material.id}/cards`)).json();
    expect(first.created).toBeGreaterThan(0);
    expect((await world.call(learner, 'POST', `/materials/${material.id}/cards`)).json().created).toBe(0);
    const cards = (await world.call(learner, 'GET', `/cards?subjectId=${subjectId}&limit=100`)).json().items;
    expect(cards).toHaveLength(first.created);
    for (const c of cards) {
      expect(c).toMatchObject({ source: 'key-term', materialId: material.id, subjectId });
      expect(detail.passages[c.passage].text.toLowerCase()).toContain(c.front.toLowerCase());
      expect(c.back.toLowerCase()).toContain(c.front.toLowerCase());
    }
  });

  it('imports a deck all or nothing, with a row report, and exports it back', async () => {
    const learner = await makePerson(world.app);
    const bad = await world.call(learner, 'POST', '/cards/import', {
      format: 'csv',
      content: 'front,back,tags\nmitochondria,powerhouse,bio\n,"no front",bio\n"open quote,x\n',
    });
    const onlyEmptyFront = await world.call(learner, 'POST', '/cards/import', {
      format: 'csv',
      content: 'front,back,tags\nmitochondria,powerhouse,bio\n,"no front",bio\n',
    });
    expect(onlyEmptyFront.json().error.details.errors).toEqual([
      expect.objectContaining({ row: 2, line: 3 }),
    ]);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('DECK_INVALID');
    expect(bad.json().error.details.errors.length).toBeGreaterThan(0);
    expect(bad.json().error.details.errors.map((e: { line: number }) => e.line)).toContain(4);
    expect((await world.call(learner, 'GET', '/cards')).json().items).toEqual([]);
    const good = await world.call(learner, 'POST', '/cards/import', {
      format: 'csv',
      content:
        'front,back,tags\nmitochondria,"powerhouse, of the cell",bio\n광합성,빛으로 포도당을 만든다,생물\n',
    });
    expect(good.json()).toEqual({ imported: 2, errors: [], errorCount: 0 });
    const anki = await world.call(learner, 'POST', '/cards/import', {
      format: 'anki',
      content:
        '#separator:tab\n#html:true\n#tags column:3\nstroma<br>(fluid)\tCalvin cycle &amp; more\tbio\n',
    });
    expect(anki.json().imported).toBe(1);
    const items = (await world.call(learner, 'GET', '/cards?q=stroma')).json().items;
    expect(items[0]).toMatchObject({
      front: 'stroma\n(fluid)',
      back: 'Calvin cycle & more',
      source: 'import',
    });
    const exported = await world.call(learner, 'GET', '/cards/export?format=csv');
    expect(exported.headers['content-type']).toContain('text/csv');
    expect(exported.body).toContain('"powerhouse, of the cell"');
    expect(exported.body).toContain('광합성');
  });
});
