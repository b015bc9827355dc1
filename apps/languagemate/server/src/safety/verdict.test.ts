import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Findings, verdict } from './verdict.js';

const clean: Findings = {
  contact: [],
  solicitation: [],
  toxicity: { label: 'none', score: 0.95, toxicScore: 0.05 },
};
const phone = { kind: 'phone', match: '010-1234-5678' };

describe('safety verdict', () => {
  it('lets clean messages through', () => {
    expect(verdict(clean, { early: true, acknowledged: [] })).toEqual({ action: 'allow' });
  });

  it('holds contact details in the first week and warns once later', () => {
    const withPhone = { ...clean, contact: [phone] };
    expect(verdict(withPhone, { early: true, acknowledged: ['contact'] })).toMatchObject({
      action: 'hold',
      reason: 'contact',
      kinds: ['phone'],
    });
    expect(verdict(withPhone, { early: false, acknowledged: [] })).toMatchObject({
      action: 'warn',
      warning: 'contact',
    });
    expect(verdict(withPhone, { early: false, acknowledged: ['contact'] })).toEqual({ action: 'allow' });
  });

  it('always holds solicitation and confident hate', () => {
    const money = { ...clean, solicitation: [{ kind: 'money', match: 'send me money' }] };
    expect(verdict(money, { early: false, acknowledged: ['contact', 'offensive'] })).toMatchObject({
      action: 'hold',
      reason: 'solicitation',
    });
    const hate = { ...clean, toxicity: { label: 'hate' as const, score: 0.9, toxicScore: 0.95 } };
    expect(verdict(hate, { early: false, acknowledged: ['offensive'] })).toMatchObject({
      action: 'hold',
      reason: 'hate',
    });
  });

  it('asks to confirm likely offensive messages', () => {
    const rude = { ...clean, toxicity: { label: 'offensive' as const, score: 0.8, toxicScore: 0.9 } };
    expect(verdict(rude, { early: false, acknowledged: [] })).toMatchObject({
      action: 'warn',
      warning: 'offensive',
    });
    expect(verdict(rude, { early: false, acknowledged: ['offensive'] })).toEqual({ action: 'allow' });
  });

  it('never lets an acknowledgement release what is held (property)', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.subarray(['contact', 'offensive']),
        fc.constantFrom('none', 'offensive', 'hate'),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (hasSolicitation, early, acknowledged, label, score) => {
          const findings: Findings = {
            contact: [phone],
            solicitation: hasSolicitation ? [{ kind: 'scam', match: 'x' }] : [],
            toxicity: { label, score, toxicScore: label === 'none' ? 1 - score : score },
          };
          const result = verdict(findings, { early, acknowledged });
          if (hasSolicitation || early) expect(result.action).toBe('hold');
        },
      ),
    );
  });
});
