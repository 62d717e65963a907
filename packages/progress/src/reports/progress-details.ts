import type { ProgressSnapshot } from '../progress-snapshot.js';
import { formatCount, formatDuration, formatPercent, formatTime } from './format-values.js';

/**
 * The detailed console report: several lines with the stages, rates,
 * timing, rows per table, metrics, the latest checkpoint and the alerts.
 *
 * @example
 * ```ts
 * process.stderr.write(formatProgressDetails(job.snapshot()));
 * // nightly: running 42.0%
 * //   stage        facts (2 of 3)
 * //   step         day 12/30 2024-01-12
 * //   ...
 * ```
 */
export function formatProgressDetails(snapshot: ProgressSnapshot): string {
  const lines: string[] = [`${snapshot.job}: ${snapshot.status} ${formatPercent(snapshot.percent)}`];
  const field = (name: string, value: string) => lines.push(`  ${name.padEnd(12)} ${value}`);
  if (snapshot.stage !== undefined) {
    const index = snapshot.stages.findIndex((stage) => stage.name === snapshot.stage);
    field('stage', `${snapshot.stage} (${index + 1} of ${snapshot.stages.length})`);
  }
  if (snapshot.step !== '') field('step', snapshot.step);
  if (snapshot.message !== undefined) field('message', snapshot.message);
  field('started', formatTime(snapshot.startedAt));
  field('elapsed', formatDuration(snapshot.elapsedMs));
  if (snapshot.status === 'running') field('eta', `${formatDuration(snapshot.etaMs)} (at ${formatTime(snapshot.estimatedCompletionAt)})`);
  if (snapshot.finishedAt !== undefined) field('finished', formatTime(snapshot.finishedAt));
  field('rate', `${formatCount(snapshot.rowsPerSecond)} rows/s, ${formatCount(snapshot.itemsPerSecond)} items/s`);
  field('stages', snapshot.stages.map((stage) => `${stage.name} ${formatPercent(stage.fraction * 100)} ${stage.state}`).join(' | '));
  field('items', formatCount(snapshot.counts.items));
  field('rows', `${formatCount(snapshot.counts.totalRows)} total`);
  const tables = Object.entries(snapshot.counts.rows);
  const width = Math.max(0, ...tables.map(([table]) => table.length));
  for (const [table, rows] of tables) lines.push(`    ${table.padEnd(width)}  ${formatCount(rows).padStart(14)}`);
  const metrics = Object.entries(snapshot.metrics);
  if (metrics.length > 0) field('metrics', metrics.map(([name, value]) => `${name}=${value}`).join(', '));
  const last = snapshot.checkpoints.at(-1);
  field('checkpoints', `${snapshot.checkpoints.length}${last ? ` (last: ${last.name} at ${formatPercent(last.percent)}, ${formatTime(last.time)})` : ''}`);
  field('alerts', `${snapshot.alerts.active.length} active, ${snapshot.alerts.resolved.length} resolved${snapshot.alerts.sinkFailures > 0 ? `, ${snapshot.alerts.sinkFailures} sink failures` : ''}`);
  for (const alert of snapshot.alerts.active) lines.push(`    [${alert.severity}] ${alert.id}: ${alert.message}`);
  return `${lines.map((line) => line.replace(/[\u0000-\u001f\u007f]+/g, ' ')).join('\n')}\n`;
}
