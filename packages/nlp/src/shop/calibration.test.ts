import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ordinalProbs } from '../linear/ordinal.js';
import { evidenceFor, labelOf, neutralBandFor, parseShopCalibration, scoreAt } from './calibration.js';

describe('calibrated score', () => {
  it('is odd, bounded and monotone in the evidence', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 8, noNaN: true }),
        fc.double({ min: -80, max: 80, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (cut, z, dz) => {
          expect(Math.abs(scoreAt(cut, z))).toBeLessThanOrEqual(1);
          expect(scoreAt(cut, -z)).toBeCloseTo(-scoreAt(cut, z), 12);
          expect(scoreAt(cut, z + dz)).toBeGreaterThanOrEqual(scoreAt(cut, z));
        },
      ),
    );
    expect(scoreAt(2, 0)).toBe(0);
  });

  it('puts the neutral band where neutral stops being the most likely class', () => {
    const cut = 2.3;
    const band = neutralBandFor(cut);
    const zEdge = evidenceFor(cut, band);
    const [, neuIn, posIn] = ordinalProbs(cut, zEdge - 0.01);
    const [, neuOut, posOut] = ordinalProbs(cut, zEdge + 0.01);
    expect(neuIn).toBeGreaterThan(posIn);
    expect(posOut).toBeGreaterThan(neuOut);
    expect(neutralBandFor(0.01)).toBe(0);
    expect(scoreAt(cut, evidenceFor(cut, 0.6))).toBeCloseTo(0.6, 6);
  });

  it('labels by the band', () => {
    expect(labelOf(0.5, 0.4)).toBe('positive');
    expect(labelOf(-0.4, 0.4)).toBe('negative');
    expect(labelOf(0.39, 0.4)).toBe('neutral');
  });

  it('rejects a malformed calibration file', () => {
    expect(() => parseShopCalibration({ format: 'x' })).toThrow(/format/);
    expect(() =>
      parseShopCalibration({ format: 'nlp-shop-calibration/1', langs: { ko: {}, en: {} } }),
    ).toThrow(/stressWeight/);
  });
});
