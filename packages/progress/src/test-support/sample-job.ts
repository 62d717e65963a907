import { createManualClock, type ManualClock } from '../manual-clock.js';
import { createProgressJob, type ProgressJob } from '../progress-job.js';
import type { ProgressSnapshot } from '../progress-snapshot.js';
import type { ThrottledUpdate } from '../throttled-emitter.js';

export const sampleStart = Date.UTC(2024, 0, 12, 10, 0, 0);

/**
 * A job half way through, fed by a manual clock, with text that needs
 * escaping and quoting: a comma, quotes and a line break in the step, markup
 * in a table name and in an alert.
 */
export function sampleJob(name = 'nightly <generate>'): { job: ProgressJob; clock: ManualClock; updates: ThrottledUpdate<ProgressSnapshot>[] } {
  const clock = createManualClock(sampleStart);
  const job = createProgressJob({
    name,
    stages: [{ name: 'master data' }, { name: 'facts', weight: 8 }, { name: 'indexes' }],
    now: clock.now,
    timer: clock,
    rules: [{ id: 'errors', metric: 'errors', above: 0, message: 'errors <b>above</b> 0' }],
  });
  const updates: ThrottledUpdate<ProgressSnapshot>[] = [];
  job.subscribe((update) => updates.push(update), { intervalMs: 1000 });
  job.startStage('master data');
  clock.advance(2000);
  job.addRows('stores', 200);
  job.milestone('master data done');
  job.startStage('facts', { total: 10 });
  for (let day = 1; day <= 5; day++) {
    clock.advance(1500);
    job.addRows('sales', 10_000 + day);
    job.addRows('<script>alert(1)</script>', 3);
    job.addItems(1);
    job.advance(1, `day ${day}/10 2024-01-0${day}: stores 40/200, "late"\nnext`);
    job.checkpoint(`day ${day}`, { day });
  }
  job.incrementMetric('errors');
  job.setMetric('errors', 0);
  job.error(new Error('export of <sales> failed'), { context: { day: 5 } });
  return { job, clock, updates };
}
