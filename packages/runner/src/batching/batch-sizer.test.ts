import { describe, expect, it } from 'vitest';
import { BatchSizer, defaultMemoryBudgetBytes, type BatchSizerOptions } from './batch-sizer.js';

const budget = 1_000;
const under = () => 500;

/**
 * Feeds one window of writes at the sizer's current size, at `rowsPerSecond`,
 * and returns the size chosen after it.
 */
function window(sizer: BatchSizer, rowsPerSecond: number, samples = 1): number {
  for (let sample = 0; sample < samples; sample++) {
    const rows = sizer.rows();
    sizer.record({ rows, seconds: rows / rowsPerSecond });
  }
  return sizer.rows();
}

function adaptive(options: BatchSizerOptions = {}): BatchSizer {
  return new BatchSizer({ windowSamples: 1, memoryBudgetBytes: budget, memoryInUse: under, ...options });
}

describe('BatchSizer', () => {
  it('starts adaptive at 16,384 rows by default', () => {
    const sizer = new BatchSizer();
    expect(sizer.rows()).toBe(16_384);
    expect(sizer.describe()).toBe('adaptive, 16,384 rows');
    expect(sizer.min).toBe(1_000);
    expect(sizer.max).toBe(100_000);
    expect(defaultMemoryBudgetBytes).toBe(768 * 1024 * 1024);
  });

  it('grows while throughput improves and stops at max', () => {
    const sizer = adaptive();
    expect([100, 200, 300, 400, 500, 600].map((rate) => window(sizer, rate))).toEqual([32_768, 65_536, 100_000, 100_000, 100_000, 100_000]);
    expect(sizer.describe()).toBe('adaptive, 100,000 rows');
  });

  it('reverses when throughput gets worse, and again when the reversal makes it worse', () => {
    const sizer = adaptive();
    // baseline 100 -> grow; 200 better -> grow; 150 worse -> shrink; 140 worse -> grow; 160 better -> grow.
    expect([100, 200, 150, 140, 160].map((rate) => window(sizer, rate))).toEqual([32_768, 65_536, 32_768, 65_536, 100_000]);
  });

  it('keeps shrinking while smaller sizes are faster and stops at min', () => {
    const sizer = adaptive({ initial: 4_000 });
    // baseline -> 8,000; worse -> 4,000; then faster and faster going down.
    expect([100, 50, 60, 70, 80, 90].map((rate) => window(sizer, rate))).toEqual([8_000, 4_000, 2_000, 1_000, 1_000, 1_000]);
  });

  it('settles around the size with the best throughput', () => {
    const sizer = adaptive({ initial: 2_048, max: 1 << 20 });
    // Throughput peaks at 32,768 rows and falls off on both sides.
    const rateAt = (rows: number) => 1_000_000 - Math.abs(Math.log2(rows / 32_768)) * 100_000;
    const sizes: number[] = [];
    for (let step = 0; step < 40; step++) sizes.push(window(sizer, rateAt(sizer.rows())));
    expect(new Set(sizes.slice(10))).toEqual(new Set([16_384, 32_768, 65_536]));
  });

  it('decides once per window of samples, on the window total', () => {
    const sizer = adaptive({ windowSamples: 3 });
    sizer.record({ rows: 16_384, seconds: 1 });
    sizer.record({ rows: 16_384, seconds: 1 });
    expect(sizer.rows()).toBe(16_384);
    sizer.record({ rows: 100, seconds: 1 });
    expect(sizer.rows()).toBe(32_768); // first window: baseline 32,868 rows / 3 s, then a step up
    // Second window: 3 writes, 30,000 rows in 3 s is below the baseline, so the direction reverses.
    sizer.record({ rows: 10_000, seconds: 1 });
    sizer.record({ rows: 10_000, seconds: 1 });
    sizer.record({ rows: 10_000, seconds: 1 });
    expect(sizer.rows()).toBe(16_384);
  });

  it('halves under memory pressure, whatever the throughput, and does not grow until memory is back under budget', () => {
    const readings = [1_500, 1_500, 1_500, 1_500, 1_500, 1_500, 1_500, 900, 900, 900];
    let reads = 0;
    const sizer = adaptive({ memoryInUse: () => readings[reads++] ?? 900 });
    const sizes = [100, 200, 300, 400, 500, 600, 700].map((rate) => window(sizer, rate));
    expect(sizes).toEqual([8_192, 4_096, 2_048, 1_024, 1_000, 1_000, 1_000]);
    expect(sizer.describe()).toBe('adaptive, 1,000 rows (memory over budget)');
    expect(reads).toBe(7); // one reading per window

    // Back under budget: a fresh baseline (still heading down, held at min), then a slower window turns it up.
    expect(window(sizer, 700)).toBe(1_000);
    expect(sizer.describe()).toBe('adaptive, 1,000 rows');
    expect(window(sizer, 600)).toBe(2_000);
    expect(window(sizer, 650)).toBe(4_000);
  });

  it('reads the memory in use through the default process probe when none is given', () => {
    const sizer = new BatchSizer({ windowSamples: 1, memoryBudgetBytes: 1 });
    sizer.record({ rows: 16_384, seconds: 1 });
    expect(sizer.rows()).toBe(8_192); // any process uses more than 1 byte
  });

  it('never moves a fixed size, whatever the samples and the memory', () => {
    let reads = 0;
    const sizer = new BatchSizer({
      fixed: 5_000,
      fixedSource: '--batch-rows',
      windowSamples: 1,
      memoryBudgetBytes: budget,
      memoryInUse: () => {
        reads++;
        return 10 * budget;
      },
    });
    for (const rate of [100, 1_000, 10, 100_000, 1]) expect(window(sizer, rate)).toBe(5_000);
    expect(sizer.describe()).toBe('fixed, 5,000 rows (--batch-rows)');
    expect(reads).toBe(0);
  });

  it('takes a fixed size outside [min, max] as it is', () => {
    expect(new BatchSizer({ fixed: 1 }).rows()).toBe(1);
    expect(new BatchSizer({ fixed: 1_000_000 }).rows()).toBe(1_000_000);
    expect(new BatchSizer({ fixed: 250_000 }).describe()).toBe('fixed, 250,000 rows');
  });

  it('builds from a resolved --batch-rows / RETAIL_BATCH_ROWS choice', () => {
    const fixed = BatchSizer.fromChoice({ mode: 'fixed', rows: 20_000, source: 'RETAIL_BATCH_ROWS' });
    expect(fixed.rows()).toBe(20_000);
    expect(fixed.describe()).toBe('fixed, 20,000 rows (RETAIL_BATCH_ROWS)');
    const sizer = BatchSizer.fromChoice({ mode: 'adaptive' }, { initial: 4_096, windowSamples: 1, memoryInUse: under, memoryBudgetBytes: budget });
    expect(sizer.describe()).toBe('adaptive, 4,096 rows');
    expect(window(sizer, 100)).toBe(8_192);
  });

  it('clamps the initial size to [min, max]', () => {
    expect(new BatchSizer({ max: 10_000 }).rows()).toBe(10_000);
    expect(new BatchSizer({ min: 20_000 }).rows()).toBe(20_000);
  });

  it('rejects sizes and samples that are not whole numbers in range', () => {
    expect(() => new BatchSizer({ min: 0 })).toThrow('BatchSizer: min must be a whole number >= 1, got 0');
    expect(() => new BatchSizer({ min: 5_000, max: 4_000 })).toThrow('BatchSizer: min (5000) is above max (4000)');
    expect(() => new BatchSizer({ fixed: 2.5 })).toThrow('BatchSizer: fixed must be a whole number >= 1, got 2.5');
    expect(() => new BatchSizer({ memoryBudgetBytes: 0 })).toThrow(/memoryBudgetBytes must be a positive number/);
    expect(() => new BatchSizer({ windowSamples: 0 })).toThrow(/windowSamples must be a whole number >= 1/);
    const sizer = new BatchSizer();
    expect(() => sizer.record({ rows: -1, seconds: 1 })).toThrow(/rows must be a whole number >= 0/);
    expect(() => sizer.record({ rows: 10, seconds: Number.NaN })).toThrow(/seconds must be a finite number >= 0/);
  });

  it('treats writes measured at zero seconds as the fastest possible, without failing', () => {
    const sizer = adaptive();
    expect(window(sizer, Number.POSITIVE_INFINITY)).toBe(32_768); // rows / Infinity = 0 s
    expect(window(sizer, Number.POSITIVE_INFINITY)).toBe(65_536); // as fast as before: keeps going
  });
});
