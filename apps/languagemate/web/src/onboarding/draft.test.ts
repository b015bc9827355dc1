import { describe, expect, it } from 'vitest';
import { emptyDraft, stepIssues, stepOfField, steps } from './draft.js';

describe('profile draft', () => {
  it('checks each step against the contract, only for the fields it owns', () => {
    const draft = emptyDraft('', 'Asia/Seoul');
    expect([...stepIssues(draft, 0).keys()]).toEqual(['displayName']);
    expect([...stepIssues(draft, 1).keys()].sort()).toEqual(['nativeLanguages', 'targets']);
    // Interests, availability and the last step have nothing required.
    expect(stepIssues(draft, 2).size).toBe(0);
    expect(stepIssues(draft, 3).size).toBe(0);
    expect(stepIssues(draft, 4).size).toBe(0);
  });

  it('finds the contract’s cross-field problems at the field that has them', () => {
    const draft = {
      ...emptyDraft('민지', 'Asia/Seoul'),
      nativeLanguages: ['ko' as const],
      targets: [{ language: 'ko' as const, level: 'B1' as const }],
      availability: [
        { weekday: 1, start: '19:00', end: '21:00' },
        { weekday: 1, start: '20:00', end: '22:00' },
      ],
    };
    expect([...stepIssues(draft, 1).keys()]).toEqual(['targets.0.language']);
    expect([...stepIssues(draft, 3).keys()]).toEqual(['availability.1']);
  });

  it('leads a server error back to the step that owns the field', () => {
    expect(stepOfField('availability.3')).toBe(steps.findIndex((s) => s.id === 'availability'));
    expect(stepOfField('bio')).toBe(steps.length - 1);
    expect(stepOfField('nothing')).toBe(-1);
  });
});
