import { describe, expect, it } from 'vitest';
import type { AlertEvent } from './alerts/alert.js';
import { createManualClock } from './manual-clock.js';
import { ProgressError } from './progress-error.js';
import { createProgressJob, type ProgressJob } from './progress-job.js';
import type { ProgressSnapshot } from './progress-snapshot.js';
import type { ThrottledUpdate } from './throttled-emitter.js';

const stages = [
  { name: 'master data', weight: 1 },
  { name: 'facts', weight: 8 },
  { name: 'indexes', weight: 1 },
];
const start = Date.UTC(2024, 0, 1, 12);

/** A scripted run: master data, then `days` days of one second each, rows on every day. */
function runDays(job: ProgressJob, clock: ReturnType<typeof createManualClock>, from: number, to: number, days: number): void {
  for (let day = from; day <= to; day++) {
    clock.advance(1000);
    job.setStep(`day ${day}/${days}`);
    job.addRows('sales', 1000 + day);
    job.addRows('inventory', 10);
    job.addItems(1);
    job.advance(1);
    job.checkpoint(`day ${day}`, { day });
  }
}

describe('ProgressJob', () => {
  it('reports a whole run as throttled snapshots: rising sequence, percent never falling, a final summary at 100 % with the counts', () => {
    const clock = createManualClock(start);
    const job = createProgressJob({ name: 'nightly', stages, now: clock.now, timer: clock });
    const updates: ThrottledUpdate<ProgressSnapshot>[] = [];
    job.subscribe((update) => updates.push(update), { intervalMs: 2500 });
    job.startStage('master data');
    clock.advance(3000);
    job.addRows('stores', 200);
    job.milestone('master data done', { stores: 200 });
    job.startStage('facts', { total: 30 });
    runDays(job, clock, 1, 30, 30);
    job.startStage('indexes');
    clock.advance(500);
    job.complete();

    expect(updates.length).toBeGreaterThan(5);
    for (let index = 1; index < updates.length; index++) {
      expect(updates[index]!.sequence).toBe(updates[index - 1]!.sequence + 1);
      expect(updates[index]!.value.percent).toBeGreaterThanOrEqual(updates[index - 1]!.value.percent);
      expect(updates[index]!.time - updates[index - 1]!.time).toBeGreaterThanOrEqual(updates[index]!.final ? 0 : 2500);
    }
    const last = updates.at(-1)!;
    expect(last.final).toBe(true);
    expect(updates.filter((update) => update.final)).toHaveLength(1);
    const summary = last.value;
    expect(summary).toMatchObject({ job: 'nightly', status: 'completed', percent: 100, etaMs: 0, elapsedMs: 33_500, startedAt: start, finishedAt: start + 33_500 });
    let sales = 0;
    for (let day = 1; day <= 30; day++) sales += 1000 + day;
    expect(summary.counts).toEqual({ items: 30, rows: { stores: 200, sales, inventory: 300 }, totalRows: 200 + sales + 300 });
    expect(summary.rowsPerSecond).toBeCloseTo(summary.counts.totalRows / 33.5, 6);
    expect(summary.checkpoints.map((entry) => entry.name)).toEqual(['master data done', ...Array.from({ length: 30 }, (_, index) => `day ${index + 1}`)]);
  });

  it('estimates the time left from the pace of the percent', () => {
    const clock = createManualClock(start);
    const job = createProgressJob({ name: 'eta', stages: [{ name: 'facts' }], now: clock.now, timer: clock });
    job.startStage('facts', { total: 100 });
    runDays(job, clock, 1, 40, 100);
    const snapshot = job.snapshot();
    expect(snapshot.percent).toBeCloseTo(40, 10);
    // 60 days of 1 s left.
    expect(snapshot.etaMs).toBeCloseTo(60_000, -2);
    expect(snapshot.estimatedCompletionAt).toBe(snapshot.updatedAt + (snapshot.etaMs as number));
    expect(snapshot.rowsPerSecond).toBeGreaterThan(1000);
  });

  it('records checkpoints and milestones with time, elapsed time, percent, counts and data', () => {
    const clock = createManualClock(start);
    const job = createProgressJob({ name: 'points', stages, now: clock.now, timer: clock });
    job.startStage('facts', { total: 4 });
    clock.advance(1500);
    job.addRows('sales', 10);
    job.advance(1);
    const checkpoint = job.checkpoint('day 1', { dayNumber: 19_723, tables: ['sales'] });
    expect(checkpoint).toEqual({
      kind: 'checkpoint',
      name: 'day 1',
      time: start + 1500,
      elapsedMs: 1500,
      percent: 10 + 80 / 4,
      counts: { items: 0, rows: { sales: 10 }, totalRows: 10 },
      data: { dayNumber: 19_723, tables: ['sales'] },
    });
    expect(job.milestone('half way')).toMatchObject({ kind: 'milestone', name: 'half way' });
  });

  it('saves and restores, so a resumed job continues its percent, counts, elapsed time and checkpoints', () => {
    const clock = createManualClock(start);
    const first = createProgressJob({ name: 'resumable', stages, now: clock.now, timer: clock });
    first.startStage('master data');
    first.addRows('stores', 200);
    first.startStage('facts', { total: 30 });
    runDays(first, clock, 1, 12, 30);
    const saved = JSON.parse(JSON.stringify(first)) as ReturnType<ProgressJob['toJSON']>;
    const before = first.snapshot();
    first.cancel('cancelled after day 12');

    clock.advance(3_600_000); // an hour later
    const resumed = createProgressJob({ name: 'resumable', stages, now: clock.now, timer: clock, resume: saved });
    const percents: number[] = [];
    resumed.subscribe((update) => percents.push(update.value.percent), { intervalMs: 1 });
    const continued = resumed.snapshot();
    expect(continued.percent).toBe(before.percent);
    expect(continued.counts).toEqual(before.counts);
    expect(continued.elapsedMs).toBe(12_000);
    expect(continued.startedAt).toBe(start);
    expect(continued.stage).toBe('facts');
    expect(continued.checkpoints.at(-1)?.name).toBe('day 12');
    expect(() => resumed.startStage('master data')).toThrow(/cannot start again/);

    runDays(resumed, clock, 13, 30, 30);
    resumed.complete();
    const done = resumed.snapshot();
    expect(done.percent).toBe(100);
    expect(done.elapsedMs).toBe(30_000);
    expect(done.counts.items).toBe(30);
    expect(done.counts.rows['stores']).toBe(200);
    expect(done.checkpoints.filter((entry) => entry.kind === 'checkpoint')).toHaveLength(30);
    expect(percents[0]).toBe(before.percent);
    expect(percents.every((percent, index) => index === 0 || percent >= percents[index - 1]!)).toBe(true);
    // The session's own average, not a spike from the restored counts.
    expect(done.rowsPerSecond).toBeLessThan(1100 * 2);
  });

  it('refuses saved progress of other stages', () => {
    const saved = createProgressJob({ name: 'a', stages, now: () => 0 }).toJSON();
    const attempt = () => createProgressJob({ name: 'a', stages: [{ name: 'facts' }], now: () => 0, resume: saved });
    expect(attempt).toThrow(ProgressError);
    expect(attempt).toThrow('saved progress has stages [master data, facts, indexes]; this job has [facts]');
  });

  it('fires threshold alerts on built-in and own metrics once, and resolves them when back in range', () => {
    const clock = createManualClock(start);
    const events: AlertEvent[] = [];
    const job = createProgressJob({
      name: 'alerting',
      stages: [{ name: 'facts' }],
      now: clock.now,
      timer: clock,
      rules: [
        { id: 'errors', metric: 'errors', above: 0, severity: 'critical' },
        { id: 'slow', metric: 'rowsPerSecond', below: 500, forMs: 5_000 },
      ],
      sinks: [{ name: 'memory', send: (event) => void events.push(event) }],
    });
    job.startStage('facts', { total: 100 });
    for (let second = 1; second <= 20; second++) {
      clock.advance(1000);
      job.addRows('sales', 1000);
      job.advance(1);
    }
    job.incrementMetric('errors');
    job.incrementMetric('errors');
    expect(events.map((event) => `${event.type} ${event.alert.id}`)).toEqual(['fired errors#1']);
    job.setMetric('errors', 0);
    // The job stalls: its rate falls and the slow alert fires once the stall lasts.
    for (let check = 0; check < 12; check++) {
      clock.advance(10_000);
      job.evaluateAlerts();
    }
    expect(events.map((event) => `${event.type} ${event.alert.id}`)).toEqual(['fired errors#1', 'resolved errors#1', 'fired slow#1']);
    expect(job.snapshot().alerts.active.map((alert) => alert.key)).toEqual(['slow']);
    expect(job.snapshot().alerts.resolved.map((alert) => alert.key)).toEqual(['errors']);
    expect(() => job.setMetric('percent', 3)).toThrow(/built in/);
  });

  it('ends as cancelled or failed with a message, and ignores later updates', () => {
    const clock = createManualClock(start);
    const cancelled = createProgressJob({ name: 'c', stages, now: clock.now, timer: clock });
    const finals: ThrottledUpdate<ProgressSnapshot>[] = [];
    cancelled.subscribe((update) => {
      if (update.final) finals.push(update);
    });
    cancelled.startStage('facts', { total: 10 });
    cancelled.advance(4);
    clock.advance(4000);
    cancelled.cancel('cancelled after day 4 of 10; run again with --resume');
    cancelled.advance(1);
    cancelled.addRows('sales', 5);
    expect(cancelled.checkpoint('late')).toBeUndefined();
    cancelled.complete();
    expect(finals).toHaveLength(1);
    expect(finals[0]?.value).toMatchObject({ status: 'cancelled', message: 'cancelled after day 4 of 10; run again with --resume', etaMs: undefined });
    expect(finals[0]?.value.percent).toBeCloseTo(10 + 80 * 0.4, 10);
    expect(cancelled.snapshot().counts.totalRows).toBe(0);

    const failed = createProgressJob({ name: 'f', stages, now: clock.now, timer: clock });
    failed.fail(new Error('disk full'));
    expect(failed.snapshot()).toMatchObject({ status: 'failed', message: 'disk full' });
    expect(clock.pending).toBe(0);
  });
});
