import { describe, expect, it } from 'vitest';
import { screenMessage } from './screen.js';

describe('screenMessage', () => {
  it('combines contact, solicitation and toxicity', () => {
    const r = screenMessage('100% 수익 보장 리딩방 문의 ㅋㅌ: rich77');
    expect(r.contact.map((f) => f.kind)).toContain('messenger');
    expect(r.solicitation.map((f) => f.kind)).toContain('scam');
    expect(r.toxicity.label).toBe('none');
  });

  it('finds nothing in an ordinary message and flags an insult as toxic', () => {
    const ok = screenMessage('Thanks for today! See you on Friday at 19:30', 'en');
    expect(ok).toMatchObject({ contact: [], solicitation: [], toxicity: { label: 'none' } });
    expect(screenMessage('shut up you stupid bitch', 'en').toxicity.label).not.toBe('none');
  });
});
