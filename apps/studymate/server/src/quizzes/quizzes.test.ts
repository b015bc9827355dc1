import { makePerson } from '@app/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSubject, PHOTOSYNTHESIS, processed, startWorld, type World } from '../test/world.js';
import { adaptDifficulty } from './generate.js';
import { isCorrect, matchesAnswer } from './grade.js';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

async function readyMaterial(who: { token: string; id: string }) {
  const subjectId = await makeSubject(world, who as never, `Biology ${Math.random()}`);
  const created = await world.call(who as never, 'POST', '/materials', {
    subjectId,
    title: 'Photosynthesis',
    text: PHOTOSYNTHESIS,
  });
  await processed(world, who as never, created.json().id);
  return created.json().id as string;
}

describe('studymate quizzes', () => {
  it('generates a quiz linked to passages, gives feedback per answer, scores and makes cards from mistakes once', async () => {
    const learner = await makePerson(world.app);
    const materialId = await readyMaterial(learner);
    const created = await world.call(learner, 'POST', `/materials/${materialId}/quizzes`, {
      count: 6,
      difficulty: 'medium',
    });
    expect(created.statusCode, created.body).toBe(201);
    const quiz = created.json();
    expect(quiz.questions.length).toBeGreaterThanOrEqual(3);
    expect(quiz.provider).toBe('local');
    for (const q of quiz.questions) {
      expect(q).not.toHaveProperty('answer');
      expect(q.passage).not.toBeNull();
    }
    const attempt = (await world.call(learner, 'POST', `/quizzes/${quiz.id}/attempts`)).json();
    const first = quiz.questions[0];
    const wrong = await world.call(learner, 'POST', `/attempts/${attempt.id}/answers`, {
      ordinal: first.ordinal,
      answer: 'zzz-not-it',
    });
    expect(wrong.statusCode, wrong.body).toBe(200);
    expect(wrong.json()).toMatchObject({ correct: false, passage: first.passage });
    expect(wrong.json().expected.length).toBeGreaterThan(0);
    const twice = await world.call(learner, 'POST', `/attempts/${attempt.id}/answers`, {
      ordinal: first.ordinal,
      answer: wrong.json().expected,
    });
    expect(twice.json().error.code).toBe('ALREADY_ANSWERED');
    // Answer the second correctly using the feedback of a throwaway attempt.
    const peek = (await world.call(learner, 'POST', `/quizzes/${quiz.id}/attempts`)).json();
    const second = quiz.questions[1];
    const key = (
      await world.call(learner, 'POST', `/attempts/${peek.id}/answers`, {
        ordinal: second.ordinal,
        answer: 'x',
      })
    ).json().expected;
    const right = await world.call(learner, 'POST', `/attempts/${attempt.id}/answers`, {
      ordinal: second.ordinal,
      answer: key,
    });
    expect(right.json().correct).toBe(true);
    expect(
      (await world.call(learner, 'POST', `/attempts/${attempt.id}/answers`, { ordinal: 99, answer: 'a' }))
        .statusCode,
    ).toBe(400);
    const submitted = await world.call(learner, 'POST', `/attempts/${attempt.id}/submit`);
    expect(submitted.json()).toMatchObject({ score: 1, maxScore: quiz.questions.length });
    expect(submitted.json().answers).toHaveLength(2);
    const late = await world.call(learner, 'POST', `/attempts/${attempt.id}/answers`, {
      ordinal: quiz.questions[2].ordinal,
      answer: 'late',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('ATTEMPT_CLOSED');
    expect((await world.call(learner, 'POST', `/attempts/${attempt.id}/submit`)).json().error.code).toBe(
      'ATTEMPT_CLOSED',
    );
    const cards = await world.call(learner, 'POST', `/attempts/${attempt.id}/cards`);
    expect(cards.json()).toEqual({ created: quiz.questions.length - 1 });
    expect((await world.call(learner, 'POST', `/attempts/${attempt.id}/cards`)).json()).toEqual({
      created: 0,
    });
    const list = (await world.call(learner, 'GET', '/cards')).json();
    expect(
      list.items.every(
        (c: { source: string; materialId: string }) => c.source === 'mistake' && c.materialId === materialId,
      ),
    ).toBe(true);
    const listed = (await world.call(learner, 'GET', `/materials/${materialId}/quizzes`)).json();
    expect(listed.items[0]).toMatchObject({ id: quiz.id, best: 1 });
  });

  it('refuses a quiz on a material that is not ready, and hides quizzes and attempts from others', async () => {
    const learner = await makePerson(world.app);
    const other = await makePerson(world.app);
    const subjectId = await makeSubject(world, learner);
    const material = await world.app.platform.db
      .insertInto('studymate.materials' as never)
      .values({
        user_id: learner.id,
        subject_id: subjectId,
        title: 'pending',
        kind: 'paste',
        status: 'extracting',
      } as never)
      .returning('id' as never)
      .executeTakeFirstOrThrow();
    const refused = await world.call(
      learner,
      'POST',
      `/materials/${(material as { id: string }).id}/quizzes`,
      {},
    );
    expect(refused.json().error.code).toBe('MATERIAL_NOT_READY');
    const materialId = await readyMaterial(learner);
    const quiz = (await world.call(learner, 'POST', `/materials/${materialId}/quizzes`, {})).json();
    const attempt = (await world.call(learner, 'POST', `/quizzes/${quiz.id}/attempts`)).json();
    expect((await world.call(other, 'GET', `/quizzes/${quiz.id}`)).statusCode).toBe(404);
    expect((await world.call(other, 'POST', `/quizzes/${quiz.id}/attempts`)).statusCode).toBe(404);
    expect(
      (await world.call(other, 'POST', `/attempts/${attempt.id}/answers`, { ordinal: 0, answer: 'a' }))
        .statusCode,
    ).toBe(404);
    expect((await world.call(other, 'POST', `/materials/${materialId}/quizzes`, {})).statusCode).toBe(404);
    expect(
      (await world.call(learner, 'POST', `/materials/${materialId}/quizzes`, { count: 0 })).statusCode,
    ).toBe(400);
    expect(
      (await world.call(learner, 'POST', `/materials/${materialId}/quizzes`, { types: ['essay'] }))
        .statusCode,
    ).toBe(400);
  });

  it('makes recall questions (cloze, short answer) when asked for hard ones', async () => {
    const learner = await makePerson(world.app);
    const materialId = await readyMaterial(learner);
    const quiz = (
      await world.call(learner, 'POST', `/materials/${materialId}/quizzes`, { difficulty: 'hard', count: 6 })
    ).json();
    const types = new Set(quiz.questions.map((q: { type: string }) => q.type));
    expect(types.has('short-answer') || types.has('cloze')).toBe(true);
    expect(types.has('true-false')).toBe(false);
  });
});

describe('grading typed answers', () => {
  it('forgives case, spacing, punctuation, a Korean particle and small typos, not other words', () => {
    expect(matchesAnswer('  Chlorophyll. ', 'chlorophyll')).toBe(true);
    expect(matchesAnswer('chlorophyl', 'chlorophyll')).toBe(true);
    expect(matchesAnswer('엽록체는', '엽록체')).toBe(true);
    expect(matchesAnswer('mitochondria', 'chlorophyll')).toBe(false);
    expect(matchesAnswer('ATO', 'ATP')).toBe(false);
    expect(isCorrect('multiple-choice', 'Stroma', 'stroma')).toBe(true);
    expect(isCorrect('true-false', 'false', 'true')).toBe(false);
  });

  it('raises difficulty after good results and lowers it after poor ones', () => {
    expect(adaptDifficulty(null)).toBe('medium');
    expect(adaptDifficulty(0.9)).toBe('hard');
    expect(adaptDifficulty(0.3)).toBe('easy');
    expect(adaptDifficulty(0.6)).toBe('medium');
  });
});
