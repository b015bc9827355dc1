import type { App } from '@app/platform';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, listenEduforum, makeCourse, makeSession, type Person, type World } from '../test-support.js';
import { type AnswerKey, credit, grade } from './grading.js';

let database: TestDatabase;
let app: App;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app } = await listenEduforum(database.url));
  world = await makeCourse(app, 3);
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('question bank and quizzes', () => {
  it('keeps a bank per course, runs a timed quiz, grades on submit, refuses doubles and late submissions', async () => {
    const { professor, ta, courseId } = world;
    const [s1, s2, s3] = world.students as [Person, Person, Person];
    const q = (body: object, who: Person = ta) =>
      call(app, who, 'POST', `/courses/${courseId}/questions`, body);
    expect(
      (await q({ kind: 'single', prompt: 'x', options: [{ id: 'a', text: '1' }], correct: ['a'] }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await q({
          kind: 'single',
          prompt: 'x',
          options: [
            { id: 'a', text: '1' },
            { id: 'b', text: '2' },
          ],
          correct: ['a', 'b'],
        })
      ).statusCode,
    ).toBe(400);
    expect((await q({ kind: 'short', prompt: 'x' })).statusCode).toBe(400);
    expect((await q({ kind: 'true_false', prompt: 'x', correct: ['true'] }, s1)).statusCode).toBe(403);
    const mcq = await q({
      kind: 'multiple',
      prompt: '클러스터드 인덱스의 특징을 모두 고르시오',
      options: [
        { id: 'a', text: '테이블당 하나' },
        { id: 'b', text: '데이터가 정렬되어 저장' },
        { id: 'c', text: '항상 해시 기반' },
      ],
      correct: ['a', 'b'],
      tags: ['Index', 'storage'],
      difficulty: 3,
      points: 3,
    });
    expect(mcq.statusCode).toBe(201);
    const tf = await q({
      kind: 'true_false',
      prompt: 'B-트리는 균형 트리이다',
      correct: ['true'],
      tags: ['index'],
    });
    const short = await q({
      kind: 'short',
      prompt: 'SQL에서 중복 제거 키워드는?',
      shortAnswer: { accepted: ['DISTINCT'] },
      tags: ['sql'],
      points: 2,
    });
    const bank = await call(app, professor, 'GET', `/courses/${courseId}/questions?tag=index`);
    expect(bank.json(), bank.body).toHaveProperty('items');
    expect(bank.json().items).toHaveLength(2);
    expect(
      (await call(app, professor, 'GET', `/courses/${courseId}/questions?difficulty=3`)).json().items,
    ).toHaveLength(1);
    expect((await call(app, s1, 'GET', `/courses/${courseId}/questions`)).statusCode).toBe(403);

    const session = await makeSession(app, world);
    const questionIds = [mcq.json().id, tf.json().id, short.json().id];
    const created = await call(app, professor, 'POST', `/sessions/${session.id}/quizzes`, {
      title: '쪽지시험',
      questionIds,
      timeLimitS: 300,
    });
    expect(created.statusCode).toBe(201);
    const quizId = created.json().id as string;
    expect((await call(app, s1, 'GET', `/quizzes/${quizId}`)).statusCode).toBe(404);
    expect(
      (await call(app, s1, 'POST', `/quizzes/${quizId}/submissions`, { answers: [] })).json().error.code,
    ).toBe('QUIZ_NOT_OPEN');
    expect((await call(app, s1, 'POST', `/quizzes/${quizId}/open`)).statusCode).toBe(403);
    expect((await call(app, professor, 'POST', `/quizzes/${quizId}/open`)).json().status).toBe('open');
    const seen = await call(app, s1, 'GET', `/quizzes/${quizId}`);
    expect(seen.json().questions.every((x: object) => !('correct' in x) && !('shortAnswer' in x))).toBe(true);

    const submitted = await call(app, s1, 'POST', `/quizzes/${quizId}/submissions`, {
      answers: [
        { questionId: mcq.json().id, choices: ['b', 'a'] },
        { questionId: tf.json().id, choices: ['false'] },
        { questionId: short.json().id, text: '  distinct ' },
      ],
    });
    expect(submitted.statusCode).toBe(201);
    expect(submitted.json()).toMatchObject({ score: 5, maxScore: 6 });
    expect(submitted.json().answers.map((a: { correct: boolean }) => a.correct)).toEqual([true, false, true]);
    const twice = await call(app, s1, 'POST', `/quizzes/${quizId}/submissions`, { answers: [] });
    expect(twice.json().error.code).toBe('ALREADY_SUBMITTED');
    const partial = await call(app, s2, 'POST', `/quizzes/${quizId}/submissions`, {
      answers: [{ questionId: mcq.json().id, choices: ['a'] }],
    });
    expect(partial.json()).toMatchObject({ score: 0, maxScore: 6 });

    // The deadline passes (moved into the past rather than waiting for it).
    await app.platform.pool.query(
      `update eduforum.quizzes set closes_at = now() - interval '1 minute' where id = $1`,
      [quizId],
    );
    const late = await call(app, s3, 'POST', `/quizzes/${quizId}/submissions`, { answers: [] });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('QUIZ_TIME_OVER');
    expect((await call(app, s1, 'GET', `/quizzes/${quizId}`)).json().status).toBe('closed');

    const report = await call(app, ta, 'GET', `/quizzes/${quizId}/report`);
    expect(report.json().students).toHaveLength(2);
    expect(report.json().questions).toEqual([
      { questionId: mcq.json().id, answered: 2, correct: 1 },
      { questionId: tf.json().id, answered: 1, correct: 0 },
      { questionId: short.json().id, answered: 1, correct: 1 },
    ]);
    expect((await call(app, s1, 'GET', `/quizzes/${quizId}/report`)).statusCode).toBe(403);
    expect((await call(app, s1, 'GET', `/quizzes/${quizId}/my-result`)).json().score).toBe(5);
    const none = await call(app, s3, 'GET', `/quizzes/${quizId}/my-result`);
    expect([none.statusCode, none.json()]).toEqual([200, null]);
    // Closed, and answers are shown by default: the student reviews each question.
    const review = (await call(app, s1, 'GET', `/quizzes/${quizId}/my-result`)).json().review;
    expect(review.map((r: { correctChoices: string[] }) => r.correctChoices)).toEqual([
      ['a', 'b'],
      ['true'],
      [],
    ]);
    expect(review[2]).toMatchObject({ acceptedAnswers: ['DISTINCT'], given: { text: '  distinct ' } });
  });

  it('gives partial credit when the quiz says so, and shows answers and explanations only after it closes', async () => {
    const { professor, ta, courseId } = world;
    const [s1, s2] = world.students as [Person, Person];
    const mcq = await call(app, ta, 'POST', `/courses/${courseId}/questions`, {
      kind: 'multiple',
      prompt: '정규형을 모두 고르시오',
      options: [
        { id: 'a', text: '1NF' },
        { id: 'b', text: 'BCNF' },
        { id: 'c', text: 'SQL' },
      ],
      correct: ['a', 'b'],
      points: 4,
      explanation: '1NF와 BCNF는 정규형이고, SQL은 언어입니다.',
    });
    expect(mcq.json().explanation).toBe('1NF와 BCNF는 정규형이고, SQL은 언어입니다.');
    const session = await makeSession(app, world);
    const launch = async (body: object) => {
      const quiz = await call(app, professor, 'POST', `/sessions/${session.id}/quizzes`, {
        title: '부분 점수',
        questionIds: [mcq.json().id],
        timeLimitS: 300,
        ...body,
      });
      await call(app, professor, 'POST', `/quizzes/${quiz.json().id}/open`);
      return quiz.json() as { id: string; scoring: string; showAnswers: boolean };
    };
    const partial = await launch({ scoring: 'partial' });
    expect(partial).toMatchObject({ scoring: 'partial', showAnswers: true });
    expect(
      (await call(app, s1, 'GET', `/quizzes/${partial.id}`)).json().questions[0].explanation,
    ).toBeUndefined();
    const half = await call(app, s1, 'POST', `/quizzes/${partial.id}/submissions`, {
      answers: [{ questionId: mcq.json().id, choices: ['a'] }],
    });
    expect(half.json()).toMatchObject({ score: 2, maxScore: 4, answers: [{ correct: false, points: 2 }] });
    const everything = await call(app, s2, 'POST', `/quizzes/${partial.id}/submissions`, {
      answers: [{ questionId: mcq.json().id, choices: ['a', 'b', 'c'] }],
    });
    expect(everything.json().score).toBe(2);
    // No answers while it runs; after it closes, the answer and the explanation.
    expect((await call(app, s1, 'GET', `/quizzes/${partial.id}/my-result`)).json().review).toBeNull();
    await call(app, professor, 'POST', `/quizzes/${partial.id}/close`);
    expect((await call(app, s1, 'GET', `/quizzes/${partial.id}/my-result`)).json().review).toEqual([
      {
        questionId: mcq.json().id,
        given: { choices: ['a'] },
        correctChoices: ['a', 'b'],
        acceptedAnswers: [],
        explanation: '1NF와 BCNF는 정규형이고, SQL은 언어입니다.',
      },
    ]);
    // A quiz that keeps its answers to itself, scored all or nothing.
    const hidden = await launch({ showAnswers: false });
    expect(hidden.scoring).toBe('all_or_nothing');
    await call(app, s1, 'POST', `/quizzes/${hidden.id}/submissions`, {
      answers: [{ questionId: mcq.json().id, choices: ['a'] }],
    });
    await call(app, professor, 'POST', `/quizzes/${hidden.id}/close`);
    expect((await call(app, s1, 'GET', `/quizzes/${hidden.id}/my-result`)).json()).toMatchObject({
      score: 0,
      review: null,
    });
    const bad = await call(app, professor, 'POST', `/sessions/${session.id}/quizzes`, {
      title: 'x',
      questionIds: [mcq.json().id],
      timeLimitS: 60,
      scoring: 'half',
    });
    expect(bad.statusCode).toBe(400);
    // The session's quizzes: students see the launched ones (without keys), staff drafts too.
    const draft = await call(app, professor, 'POST', `/sessions/${session.id}/quizzes`, {
      title: '초안',
      questionIds: [mcq.json().id],
      timeLimitS: 60,
    });
    const seenByStudent = (await call(app, s1, 'GET', `/sessions/${session.id}/quizzes`)).json().items;
    expect(seenByStudent.map((quiz: { id: string }) => quiz.id)).toEqual([partial.id, hidden.id]);
    expect(seenByStudent[0].questions[0].correct).toBeUndefined();
    const seenByStaff = (await call(app, ta, 'GET', `/sessions/${session.id}/quizzes`)).json().items;
    expect(seenByStaff.map((quiz: { id: string }) => quiz.id)).toEqual([
      partial.id,
      hidden.id,
      draft.json().id,
    ]);
    expect((await call(app, world.outsider, 'GET', `/sessions/${session.id}/quizzes`)).statusCode).toBe(404);
  });
});

describe('grading', () => {
  it('gives choice credit only for exactly the key, in any order', () => {
    const id = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    fc.assert(
      fc.property(fc.uniqueArray(id, { minLength: 1 }), fc.array(id), (key, chosen) => {
        const expected = new Set(chosen).size === key.length && key.every((k) => chosen.includes(k));
        expect(grade({ kind: 'multiple', choices: key }, { choices: chosen })).toBe(expected);
        expect(grade({ kind: 'multiple', choices: key }, { choices: [...key].reverse() })).toBe(true);
      }),
    );
  });

  it('gives partial credit in [0, 1], full only for the key, never more for a wrong choice', () => {
    const id = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    fc.assert(
      fc.property(fc.uniqueArray(id, { minLength: 1 }), fc.uniqueArray(id), id, (choices, chosen, extra) => {
        const key: AnswerKey = { kind: 'multiple', choices };
        const share = credit(key, { choices: chosen }, 'partial');
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(1);
        expect(share === 1).toBe(grade(key, { choices: chosen }));
        // Ticking one more wrong box never earns more; all-or-nothing is never above partial.
        if (!choices.includes(extra) && !chosen.includes(extra))
          expect(credit(key, { choices: [...chosen, extra] }, 'partial')).toBeLessThanOrEqual(share);
        expect(credit(key, { choices: chosen }, 'all_or_nothing')).toBeLessThanOrEqual(share);
        // Single choice and true/false stay right or wrong.
        const single: AnswerKey = { kind: 'single', choices: [choices[0] as string] };
        expect([0, 1]).toContain(credit(single, { choices: chosen }, 'partial'));
      }),
    );
  });

  it('matches short answers exactly after the stated normalisation', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0),
        (word) => {
          const key: AnswerKey = {
            kind: 'short',
            accepted: [word],
            caseSensitive: false,
            normalizeSpace: true,
          };
          expect(grade(key, { text: `  ${word.toUpperCase()} ` })).toBe(
            word.toUpperCase().trim().replace(/\s+/g, ' ').toLowerCase() ===
              word.trim().replace(/\s+/g, ' ').toLowerCase(),
          );
          expect(grade({ ...key, caseSensitive: true }, { text: word })).toBe(true);
          expect(grade(key, {})).toBe(false);
        },
      ),
    );
  });
});
