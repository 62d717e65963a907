import { describe, expect, it } from 'vitest';
import { hourOfDayCurve, hourOfDayWeights, isOpenDuring } from './hour-of-day-curve.js';

const sum = (values: ArrayLike<number>) => Array.from(values).reduce((total, value) => total + value, 0);

describe('hour-of-day curve', () => {
  it('sums to 1 over the open hours and is 0 outside them', () => {
    for (const [open, close] of [[7, 23], [6, 23], [8, 21], [6, 24], [7, 22]] as const) {
      const shares = hourOfDayCurve(open, close);
      expect(sum(shares)).toBeCloseTo(1, 12);
      for (let hour = 0; hour < 24; hour++) {
        if (hour >= open && hour < close) expect(shares[hour]).toBeGreaterThan(0);
        else expect(shares[hour]).toBe(0);
      }
    }
  });

  it('gives a 24/7 store all 24 hours', () => {
    const shares = hourOfDayCurve(0, 24);
    expect(shares.every((share) => share > 0)).toBe(true);
    expect(sum(shares)).toBeCloseTo(1, 12);
  });

  it('wraps past midnight when the store closes at or before it opens', () => {
    const shares = hourOfDayCurve(6, 2);
    expect(shares[1]).toBeGreaterThan(0);
    expect(shares[2]).toBe(0);
    expect(shares[5]).toBe(0);
    expect(shares[6]).toBeGreaterThan(0);
    expect(sum(shares)).toBeCloseTo(1, 12);
    expect(isOpenDuring(6, 2, 0)).toBe(true);
    expect(isOpenDuring(6, 2, 3)).toBe(false);
  });

  it('has a retail shape: quiet nights, a lunch bump, the peak between 16:00 and 18:59', () => {
    const shares = hourOfDayCurve(0, 24);
    const peak = shares.indexOf(Math.max(...shares));
    expect(peak).toBeGreaterThanOrEqual(16);
    expect(peak).toBeLessThanOrEqual(18);
    expect(shares[12]).toBeGreaterThan(shares[11] as number);
    expect(shares[12]).toBeGreaterThan(shares[14] as number);
    expect(shares[3]).toBeLessThan((shares[17] as number) / 20);
    expect(sum(shares.subarray(0, 6))).toBeLessThan(0.03);
  });

  it('keeps the relative shape of the open hours', () => {
    const shares = hourOfDayCurve(8, 21);
    expect((shares[17] as number) / (shares[9] as number)).toBeCloseTo((hourOfDayWeights[17] as number) / (hourOfDayWeights[9] as number), 12);
  });

  it('refuses weights that are not 24 non-negative numbers', () => {
    expect(() => hourOfDayCurve(0, 24, [1, 2, 3])).toThrow(/24 entries/);
    expect(() => hourOfDayCurve(0, 24, Array.from({ length: 24 }, (_, hour) => (hour === 5 ? -1 : 1)))).toThrow(/hour 5/);
    expect(() => hourOfDayCurve(7, 9, Array.from({ length: 24 }, () => 0))).toThrow(/no hour/);
  });
});
