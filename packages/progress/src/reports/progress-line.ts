import type { ProgressSnapshot } from '../progress-snapshot.js';
import { formatCount, formatDuration, formatPercent } from './format-values.js';

/**
 * Options of {@link formatProgressLine}.
 *
 * @example
 * ```ts
 * const options: ProgressLineOptions = { barWidth: 0 }; // no bar, e.g. for a log file
 * ```
 */
export interface ProgressLineOptions {
  /** Characters of the `[####----]` bar; 0 leaves it out. Default 20. */
  barWidth?: number;
}

/**
 * The one-line console report: bar, percent, rows/s, ETA (or how it ended),
 * stage and step. Plain ASCII, no colors or control characters, so it suits
 * a TTY (write it after `\r`) and a log alike.
 *
 * @example
 * ```ts
 * formatProgressLine(job.snapshot());
 * // '[########------------]  42.0% | 12,345 rows/s | ETA 3m 05s | facts | day 12/30 2024-01-12: stores 40/200'
 * // '[####################] 100.0% | 11,902 rows/s | done in 7m 12s'
 * ```
 */
export function formatProgressLine(snapshot: ProgressSnapshot, options: ProgressLineOptions = {}): string {
  const barWidth = options.barWidth ?? 20;
  const parts: string[] = [];
  const percent = formatPercent(snapshot.percent).padStart(6);
  if (barWidth > 0) {
    const filled = Math.min(barWidth, Math.floor((snapshot.percent / 100) * barWidth));
    parts.push(`[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${percent}`);
  } else {
    parts.push(percent);
  }
  parts.push(`${formatCount(snapshot.rowsPerSecond)} rows/s`);
  switch (snapshot.status) {
    case 'running':
      parts.push(`ETA ${formatDuration(snapshot.etaMs)}`);
      if (snapshot.stage !== undefined) parts.push(snapshot.stage);
      if (snapshot.step !== '') parts.push(snapshot.step);
      break;
    case 'completed':
      parts.push(`done in ${formatDuration(snapshot.elapsedMs)}`);
      break;
    default:
      parts.push(`${snapshot.status} after ${formatDuration(snapshot.elapsedMs)}${snapshot.message === undefined ? '' : `: ${snapshot.message}`}`);
  }
  if (snapshot.alerts.active.length > 0) parts.push(`${snapshot.alerts.active.length} alert${snapshot.alerts.active.length === 1 ? '' : 's'}`);
  // Control characters in a step or message (line breaks, escapes) would break the line or the terminal.
  return parts.join(' | ').replace(/[\u0000-\u001f\u007f]+/g, ' ');
}
