import { describe, expect, it } from 'vitest';
import { createManualClock } from './manual-clock.js';
import { ProgressError } from './progress-error.js';
import { RateEstimator } from './rate-estimator.js';
import { seededRandom } from './test-support/seeded-random.js';

/** A phase of scripted work: items/s, and the gap between reports drawn from [minGapMs, maxGapMs]. */
interface Phase {
  untilMs: number;
  rate: number;
  minGapMs: number;
  maxGapMs: number;
}

interface Reading {
  time: number;
  rate: number | undefined;
}

/**
 * Continuous work at each phase's rate; each report carries the work done
 * since the last one. Reads the estimate at every report.
 */
function reportContinuously(seed: number, phases: Phase[]): Reading[] {
  const clock = createManualClock(0);
  const random = seededRandom(seed);
  const estimator = new RateEstimator({ now: clock.now });
  const readings: Reading[] = [];
  let total = 0;
  for (const phase of phases) {
    while (clock.now() < phase.untilMs) {
      const gap = phase.minGapMs + random() * (phase.maxGapMs - phase.minGapMs);
      clock.advance(gap);
      total += (phase.rate * gap) / 1000;
      estimator.record(total);
      readings.push({ time: clock.now(), rate: estimator.rate() });
    }
  }
  return readings;
}

/**
 * Bursty work: fixed chunks of items arriving at irregular times (the mean
 * rate is chunk / mean gap). Reads the estimate at every report and every
 * 250 ms between reports.
 */
function reportInChunks(seed: number, chunk: number, phases: Omit<Phase, 'rate'>[]): { readings: Reading[]; naive: number[] } {
  const clock = createManualClock(0);
  const random = seededRandom(seed);
  const estimator = new RateEstimator({ now: clock.now });
  const readings: Reading[] = [];
  const naive: number[] = [];
  let total = 0;
  for (const phase of phases) {
    while (clock.now() < phase.untilMs) {
      const gap = phase.minGapMs + random() * (phase.maxGapMs - phase.minGapMs);
      const end = clock.now() + gap;
      while (clock.now() + 250 < end) {
        clock.advance(250);
        readings.push({ time: clock.now(), rate: estimator.rate() });
      }
      clock.advanceTo(end);
      total += chunk;
      estimator.record(total);
      naive.push((chunk / gap) * 1000);
      readings.push({ time: clock.now(), rate: estimator.rate() });
    }
  }
  return { readings, naive };
}

/** The largest relative error of the readings in [fromMs, toMs) against the true rate. */
function worstError(readings: Reading[], fromMs: number, toMs: number, truth: number): number {
  const errors = readings.filter((reading) => reading.time >= fromMs && reading.time < toMs).map((reading) => Math.abs((reading.rate ?? 0) / truth - 1));
  expect(errors.length).toBeGreaterThan(0);
  return Math.max(...errors);
}

describe('RateEstimator', () => {
  it('measures a steady rate exactly, however unevenly the reports are spaced', () => {
    for (const seed of [1, 2, 3]) {
      const readings = reportContinuously(seed, [{ untilMs: 60_000, rate: 1000, minGapMs: 20, maxGapMs: 900 }]);
      expect(worstError(readings, 1_000, 60_000, 1000)).toBeLessThan(0.001);
    }
  });

  it('stays stable under bursty reports: within 30 % where the per-report rate swings from -33 % to +100 %', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      // 2000 items every 1-3 s: 1000 items/s on average.
      const { readings, naive } = reportInChunks(seed, 2000, [{ untilMs: 300_000, minGapMs: 1000, maxGapMs: 3000 }]);
      expect(Math.max(...naive) / 1000 - 1).toBeGreaterThan(0.6);
      expect(worstError(readings, 30_000, 300_000, 1000)).toBeLessThan(0.3);
    }
  });

  it('follows a real drop of the rate within 8 s when reports are frequent', () => {
    for (const seed of [1, 2, 3]) {
      const readings = reportContinuously(seed, [
        { untilMs: 60_000, rate: 1000, minGapMs: 50, maxGapMs: 350 },
        { untilMs: 120_000, rate: 250, minGapMs: 50, maxGapMs: 350 },
      ]);
      expect(worstError(readings, 5_000, 60_000, 1000)).toBeLessThan(0.01);
      expect(worstError(readings, 68_000, 120_000, 250)).toBeLessThan(0.1);
      // Smoothing alone (30 s) would still read over 3x the new rate after 8 s.
    }
  });

  it('follows a real rise of the rate within 8 s', () => {
    for (const seed of [1, 2, 3]) {
      const readings = reportContinuously(seed, [
        { untilMs: 60_000, rate: 250, minGapMs: 50, maxGapMs: 350 },
        { untilMs: 120_000, rate: 1000, minGapMs: 50, maxGapMs: 350 },
      ]);
      expect(worstError(readings, 68_000, 120_000, 1000)).toBeLessThan(0.1);
    }
  });

  it('follows a 4x slow-down of bursty reports within 30 s (a few of the new, slower reports)', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      // 2000-item chunks every 1-3 s (1000/s), then every 6-10 s (250/s).
      const { readings } = reportInChunks(seed, 2000, [
        { untilMs: 120_000, minGapMs: 1000, maxGapMs: 3000 },
        { untilMs: 300_000, minGapMs: 6000, maxGapMs: 10_000 },
      ]);
      expect(worstError(readings, 150_000, 300_000, 250)).toBeLessThan(0.3);
    }
  });

  it('lets the rate fall while reports stop, and recovers when they come back', () => {
    const clock = createManualClock(0);
    const estimator = new RateEstimator({ now: clock.now });
    let total = 0;
    const report = (untilMs: number) => {
      while (clock.now() < untilMs) {
        clock.advance(200);
        total += 200;
        estimator.record(total);
      }
    };
    report(30_000);
    expect(estimator.rate()).toBeCloseTo(1000, 6);
    clock.advance(5_000); // within the stall allowance: unchanged
    expect(estimator.rate()).toBeCloseTo(1000, 6);
    const etaEarly = estimator.eta(10_000) as number;
    clock.advance(55_000);
    expect(estimator.rate()).toBeLessThan(200);
    expect(estimator.eta(10_000)).toBeGreaterThan(etaEarly);
    report(clock.now() + 15_000);
    expect(Math.abs((estimator.rate() as number) / 1000 - 1)).toBeLessThan(0.1);
  });

  it('gives an ETA from the rate that counts down between reports', () => {
    const clock = createManualClock(1_700_000_000_000);
    const estimator = new RateEstimator({ now: clock.now });
    for (let second = 1; second <= 20; second++) {
      clock.advance(1000);
      estimator.record(second * 500);
    }
    expect(estimator.rate()).toBeCloseTo(500, 6);
    expect(estimator.eta(25_000)).toBeCloseTo(50_000, 3);
    clock.advance(2_000);
    expect(estimator.eta(25_000)).toBeCloseTo(48_000, 3);
    expect(estimator.eta(0)).toBe(0);
  });

  it('knows nothing before time passes, and an ETA needs a rate above 0', () => {
    const clock = createManualClock(0);
    const estimator = new RateEstimator({ now: clock.now, initialTotal: 500 });
    expect(estimator.rate()).toBeUndefined();
    expect(estimator.eta(100)).toBeUndefined();
    clock.advance(1000);
    estimator.record(500);
    expect(estimator.rate()).toBe(0);
    expect(estimator.eta(100)).toBeUndefined();
  });

  it('merges reports closer than the sample interval without losing items', () => {
    const clock = createManualClock(0);
    const estimator = new RateEstimator({ now: clock.now });
    for (let index = 1; index <= 100; index++) {
      clock.advance(10);
      estimator.add(10);
    }
    expect(estimator.total).toBe(1000);
    expect(estimator.rate()).toBeCloseTo(1000, 6);
  });

  it('stays small and correct through a long spell of reports that bring nothing', () => {
    const clock = createManualClock(0);
    const estimator = new RateEstimator({ now: clock.now, stallAfterMs: 1_000_000_000 });
    for (let tick = 0; tick < 15_000; tick++) {
      clock.advance(100);
      estimator.record(0);
    }
    expect(estimator.rate()).toBe(0);
    let total = 0;
    for (let tick = 0; tick < 600; tick++) {
      clock.advance(100);
      total += 100;
      estimator.record(total);
    }
    // A rise from 0 is a real change: followed within the minute.
    expect(estimator.rate()).toBeCloseTo(1000, 6);
  });

  it('refuses a running total that goes down', () => {
    const estimator = new RateEstimator({ now: () => 0 });
    estimator.record(10);
    expect(() => estimator.record(9)).toThrow(ProgressError);
    expect(() => estimator.record(9)).toThrow('total: got 9; a running total never decreases (was 10)');
  });
});
