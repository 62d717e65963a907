import { describe, expect, it } from 'vitest';
import { HourlyProgressTracker } from './hourly-progress-tracker.js';
import { ProgressError } from './progress-error.js';
import { seededRandom } from './test-support/seeded-random.js';

function errorOf(action: () => unknown): ProgressError {
  try {
    action();
  } catch (error) {
    if (ProgressError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ProgressError');
}

describe('HourlyProgressTracker', () => {
  it('measures each table as completed hours / (days x 24) and the whole as their mean', () => {
    const tracker = new HourlyProgressTracker({ tables: ['sales', 'inventory', 'traffic'], days: 2 });
    tracker.markDay('sales', 1);
    tracker.markHour('inventory', 2, 5);
    tracker.markDay('traffic', 1);
    tracker.markDay('traffic', 2);
    expect(tracker.tableProgress('sales')).toBe(24 / 48);
    expect(tracker.tableProgress('inventory')).toBe(1 / 48);
    expect(tracker.tableProgress('traffic')).toBe(1);
    expect(tracker.overallProgress()).toBeCloseTo((0.5 + 1 / 48 + 1) / 3, 15);
    expect(tracker.tablesInProgress()).toEqual(['sales', 'inventory']);
    expect(tracker.isComplete('inventory', 2, 5)).toBe(true);
    expect(tracker.isComplete('inventory', 2, 6)).toBe(false);
  });

  it('is idempotent: repeated hours and days count once', () => {
    const tracker = new HourlyProgressTracker({ tables: ['sales'], days: 3 });
    tracker.markHour('sales', 2, 7);
    tracker.markHour('sales', 2, 7);
    tracker.markDay('sales', 2);
    tracker.markDay('sales', 2);
    tracker.markHour('sales', 2, 23);
    expect(tracker.snapshot().tables[0]).toEqual({ table: 'sales', completedHours: 24, totalHours: 72, fraction: 24 / 72 });
  });

  it('depends only on the set of hours marked, not on their order or repeats', () => {
    const tables = ['sales', 'inventory'];
    const updates: [string, number, number][] = [];
    for (const table of tables) for (let day = 1; day <= 4; day++) for (let hour = 0; hour < 24; hour += 3) updates.push([table, day, hour]);
    const random = seededRandom(11);
    const shuffled = [...updates, ...updates.slice(0, 20)].sort(() => random() - 0.5);
    const inOrder = new HourlyProgressTracker({ tables, days: 4 });
    const anyOrder = new HourlyProgressTracker({ tables, days: 4 });
    for (const [table, day, hour] of updates) inOrder.markHour(table, day, hour);
    for (const [table, day, hour] of shuffled) anyOrder.markHour(table, day, hour);
    expect(anyOrder.snapshot()).toEqual(inOrder.snapshot());
    expect(anyOrder.toJSON()).toEqual(inOrder.toJSON());
    expect(inOrder.overallProgress()).toBe(32 / 96);
  });

  it('reports the furthest hour completed as the current day and hour', () => {
    const tracker = new HourlyProgressTracker({ tables: ['sales', 'inventory'], days: 30 });
    expect(tracker.current()).toBeUndefined();
    tracker.markHour('sales', 12, 17);
    tracker.markHour('inventory', 3, 23);
    expect(tracker.current()).toEqual({ day: 12, hour: 17 });
    tracker.markDay('inventory', 12);
    expect(tracker.current()).toEqual({ day: 12, hour: 23 });
  });

  it('refuses an hour outside 0-23, a day outside 1..days and an unknown table with typed errors, and changes nothing', () => {
    const tracker = new HourlyProgressTracker({ tables: ['sales', 'inventory'], days: 30 });
    for (const hour of [24, -1, 1.5, Number.NaN]) {
      const error = errorOf(() => tracker.markHour('sales', 1, hour));
      expect(error.code).toBe('PROGRESS_HOUR_OUT_OF_RANGE');
      expect(error.message).toBe(`hour: got ${String(hour)}; expected an integer from 0 to 23`);
    }
    for (const day of [0, 31, 2.5]) {
      const error = errorOf(() => tracker.markDay('sales', day));
      expect(error.code).toBe('PROGRESS_DAY_OUT_OF_RANGE');
      expect(error.message).toBe(`day: got ${day}; expected an integer from 1 to 30`);
    }
    const unknown = errorOf(() => tracker.markHour('returns', 1, 1));
    expect(unknown.code).toBe('PROGRESS_UNKNOWN_TABLE');
    expect(unknown.message).toBe('table: got "returns"; expected one of sales, inventory');
    expect(errorOf(() => tracker.tableProgress('returns')).code).toBe('PROGRESS_UNKNOWN_TABLE');
    expect(errorOf(() => tracker.isComplete('sales', 1, 24)).code).toBe('PROGRESS_HOUR_OUT_OF_RANGE');
    expect(tracker.overallProgress()).toBe(0);
    expect(tracker.current()).toBeUndefined();
  });

  it('refuses to be created without tables, with repeated tables or without days', () => {
    expect(errorOf(() => new HourlyProgressTracker({ tables: [], days: 3 })).message).toMatch(/at least one table/);
    expect(errorOf(() => new HourlyProgressTracker({ tables: ['a', 'a'], days: 3 })).message).toMatch(/"a" is listed twice/);
    expect(errorOf(() => new HourlyProgressTracker({ tables: ['a'], days: 0 })).code).toBe('PROGRESS_INVALID_ARGUMENT');
  });

  it('resets to nothing done', () => {
    const tracker = new HourlyProgressTracker({ tables: ['sales'], days: 2 });
    tracker.markDay('sales', 1);
    tracker.reset();
    expect(tracker.overallProgress()).toBe(0);
    expect(tracker.current()).toBeUndefined();
    expect(tracker.tablesInProgress()).toEqual([]);
    tracker.markHour('sales', 1, 0);
    expect(tracker.tableProgress('sales')).toBe(1 / 48);
  });

  it('saves and restores through JSON, so a resumed job continues', () => {
    const tracker = new HourlyProgressTracker({ tables: ['sales', 'inventory'], days: 3 });
    tracker.markDay('sales', 1);
    tracker.markHour('inventory', 3, 4);
    const restored = HourlyProgressTracker.restore(JSON.parse(JSON.stringify(tracker)));
    expect(restored.snapshot()).toEqual(tracker.snapshot());
    restored.markHour('inventory', 1, 0);
    expect(restored.tableProgress('inventory')).toBe(2 / 72);
  });

  it('refuses saved data that is not a tracker state', () => {
    expect(errorOf(() => HourlyProgressTracker.restore({ version: 2 } as never)).code).toBe('PROGRESS_RESUME_MISMATCH');
    expect(errorOf(() => HourlyProgressTracker.restore({ version: 1, days: 1, tables: { sales: [24] } })).message).toMatch(/offset 24 is outside 0..23/);
  });
});
