import { describe, expect, it } from 'vitest';
import { ProgressError } from './progress-error.js';
import { StagedProgress } from './staged-progress.js';
import { seededRandom } from './test-support/seeded-random.js';

const stages = [
  { name: 'master data', weight: 1 },
  { name: 'facts', weight: 8 },
  { name: 'indexes', weight: 0.5 },
  { name: 'export', weight: 0.5 },
];

function errorOf(action: () => unknown): ProgressError {
  try {
    action();
  } catch (error) {
    if (ProgressError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ProgressError');
}

describe('StagedProgress', () => {
  it('maps weighted stages to one 0-100 figure', () => {
    const staged = new StagedProgress(stages);
    expect(staged.percent).toBe(0);
    staged.startStage('master data');
    expect(staged.currentStage).toBe('master data');
    staged.startStage('facts', { total: 30 });
    expect(staged.percent).toBeCloseTo(10, 10);
    staged.advance(12, 'day 12/30 2024-01-12: stores 40/200');
    expect(staged.percent).toBeCloseTo(10 + 80 * (12 / 30), 10);
    expect(staged.step).toBe('day 12/30 2024-01-12: stores 40/200');
    staged.completeStage();
    expect(staged.percent).toBeCloseTo(90, 10);
    expect(staged.currentStage).toBeUndefined();
    staged.startStage('indexes');
    staged.setStageFraction(0.5);
    expect(staged.percent).toBeCloseTo(92.5, 10);
    staged.finish();
    expect(staged.percent).toBe(100);
    expect(staged.finished).toBe(true);
    expect(staged.stageProgress().map((stage) => stage.state)).toEqual(['done', 'done', 'done', 'done']);
  });

  it('treats weights as shares, whatever their scale, and defaults a weight to 1', () => {
    const small = new StagedProgress([{ name: 'a', weight: 0.001 }, { name: 'b', weight: 0.003 }]);
    const plain = new StagedProgress([{ name: 'a' }, { name: 'b', weight: 3 }]);
    for (const staged of [small, plain]) {
      staged.startStage('b');
      expect(staged.percent).toBeCloseTo(25, 10);
    }
  });

  it('completes the stages before the one that starts, so a skipped stage counts as done', () => {
    const staged = new StagedProgress(stages);
    staged.startStage('export');
    expect(staged.percent).toBeCloseTo(95, 10); // (1 + 8 + 0.5) / 10
    expect(staged.stageProgress().map((stage) => stage.state)).toEqual(['done', 'done', 'done', 'running']);
  });

  it('never goes backwards, whatever the updates', () => {
    const random = seededRandom(5);
    for (let run = 0; run < 20; run++) {
      const staged = new StagedProgress(stages);
      let previous = staged.percent;
      let stage = -1;
      for (let step = 0; step < 200; step++) {
        const roll = random();
        try {
          if (roll < 0.1 && stage < stages.length - 1) {
            stage += 1 + Math.floor(random() * 2);
            staged.startStage(stages[Math.min(stage, stages.length - 1)]!.name, { total: 1 + Math.floor(random() * 50) });
          } else if (roll < 0.5) {
            staged.setStageFraction(random());
          } else if (roll < 0.9) {
            staged.advance(Math.floor(random() * 5));
          } else {
            staged.startStage(stages[Math.floor(random() * stages.length)]!.name);
          }
        } catch (error) {
          if (!ProgressError.isInstance(error)) throw error;
        }
        expect(staged.percent).toBeGreaterThanOrEqual(previous);
        expect(staged.percent).toBeLessThanOrEqual(100);
        previous = staged.percent;
      }
      staged.finish();
      expect(staged.percent).toBe(100);
    }
  });

  it('caps a stage at 100 % when it is advanced past its total', () => {
    const staged = new StagedProgress([{ name: 'a' }, { name: 'b' }]);
    staged.startStage('a', { total: 2 });
    staged.advance(5);
    expect(staged.percent).toBe(50);
  });

  it('counts rows per table and items', () => {
    const staged = new StagedProgress(stages);
    staged.addRows('sales', 100);
    staged.addRows('inventory', 7);
    staged.addRows('sales', 50);
    staged.addItems(3);
    staged.addItems(1);
    expect(staged.counts()).toEqual({ items: 4, rows: { sales: 150, inventory: 7 }, totalRows: 157 });
    expect(errorOf(() => staged.addRows('sales', -1)).message).toBe('rows of sales: got -1; expected a finite number >= 0');
  });

  it('refuses unknown stages, restarting a stage, advancing without a total, and bad weights', () => {
    const staged = new StagedProgress(stages);
    const unknown = errorOf(() => staged.startStage('load'));
    expect(unknown.code).toBe('PROGRESS_UNKNOWN_STAGE');
    expect(unknown.message).toBe('stage: got "load"; expected one of master data, facts, indexes, export');
    expect(errorOf(() => staged.advance()).message).toBe('advance: no stage is running; call startStage first');
    staged.startStage('facts');
    expect(errorOf(() => staged.advance()).message).toMatch(/stage "facts" has no total/);
    expect(errorOf(() => staged.startStage('master data')).message).toMatch(/cannot start again/);
    expect(errorOf(() => new StagedProgress([{ name: 'a', weight: 0 }])).message).toBe('weight of stage "a": got 0; expected a finite number > 0');
    expect(errorOf(() => new StagedProgress([{ name: 'a' }, { name: 'a' }])).message).toBe('stage "a" is listed twice');
    expect(errorOf(() => new StagedProgress([])).code).toBe('PROGRESS_INVALID_ARGUMENT');
  });

  it('restores from JSON and continues its percent, step and counts', () => {
    const staged = new StagedProgress(stages);
    staged.startStage('facts', { total: 30 });
    staged.advance(12, 'day 12/30');
    staged.addRows('sales', 1200);
    staged.addItems(12);
    const restored = StagedProgress.restore(stages, JSON.parse(JSON.stringify(staged)));
    expect(restored.percent).toBe(staged.percent);
    expect(restored.step).toBe('day 12/30');
    expect(restored.currentStage).toBe('facts');
    expect(restored.counts()).toEqual(staged.counts());
    restored.advance(3);
    restored.addRows('sales', 300);
    expect(restored.percent).toBeCloseTo(10 + 80 * (15 / 30), 10);
    expect(restored.counts().rows).toEqual({ sales: 1500 });
  });

  it('refuses to restore progress saved for other stages', () => {
    const saved = new StagedProgress(stages).toJSON();
    const error = errorOf(() => StagedProgress.restore([{ name: 'master data' }, { name: 'facts' }], saved));
    expect(error.code).toBe('PROGRESS_RESUME_MISMATCH');
    expect(error.message).toBe('saved progress has stages [master data, facts, indexes, export]; this job has [master data, facts]');
  });
});
