import { describe, expect, it } from 'vitest';
import { checkDraft, draftOf, emptyDraft, nextOptionId } from './question-draft.js';
import { rosterProblem } from './roster-problems.js';

describe('question drafts', () => {
  it('sends only what the kind uses, checked by the server schema', () => {
    const draft = {
      ...emptyDraft('true_false'),
      prompt: 'B-trees keep keys sorted.',
      correct: ['true'],
      tags: 'a, ,b',
    };
    const checked = checkDraft(draft);
    expect(checked).toEqual({
      ok: true,
      body: expect.objectContaining({ kind: 'true_false', options: [], correct: ['true'], tags: ['a', 'b'] }),
    });
  });

  it('names the parts that are wrong', () => {
    const single = { ...emptyDraft('single'), prompt: '', correct: [] };
    expect(checkDraft(single)).toEqual({ ok: false, errors: { prompt: true, options: true, correct: true } });
    const short = { ...emptyDraft('short'), prompt: 'Capital of Korea?', accepted: '  \n ', points: '' };
    expect(checkDraft(short)).toEqual({ ok: false, errors: { shortAnswer: true, points: true } });
  });

  it('round-trips a short answer question and picks free option ids', () => {
    const draft = draftOf({
      id: '0190a0b0-0000-7000-8000-000000000001',
      courseId: '0190a0b0-0000-7000-8000-000000000002',
      kind: 'short',
      prompt: 'Capital of Korea?',
      options: [],
      tags: ['geo'],
      difficulty: 1,
      points: 2,
      correct: [],
      shortAnswer: { accepted: ['Seoul', '서울'], caseSensitive: false, normalizeSpace: true },
    });
    const checked = checkDraft(draft);
    expect(checked.ok && checked.body.shortAnswer?.accepted).toEqual(['Seoul', '서울']);
    expect(nextOptionId([{ id: 'a' }, { id: 'c' }])).toBe('b');
  });
});

describe('roster problems', () => {
  it('translates the server sentences it knows and keeps the rest', () => {
    const t = (key: string, values?: Record<string, unknown>) => `${key}:${JSON.stringify(values ?? {})}`;
    expect(rosterProblem('duplicate of line 3', t)).toContain('courses.roster.problem.duplicate');
    expect(rosterProblem('"x" is not an email address', t)).toContain('"value":"x"');
    expect(rosterProblem('something new', t)).toBe('something new');
  });
});
