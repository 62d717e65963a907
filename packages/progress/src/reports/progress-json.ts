import type { Alert } from '../alerts/alert.js';
import type { ProgressJobStatus, ProgressSnapshot } from '../progress-snapshot.js';
import type { StageProgress } from '../staged-progress.js';
import type { ThrottledUpdate } from '../throttled-emitter.js';

/**
 * One newline-delimited JSON progress event. Unknown numbers are `null`, so
 * every event has the same keys. The final update is a `summary`, which adds
 * the stages, metrics, alerts and the last checkpoint's data.
 *
 * @example
 * ```ts
 * const event: ProgressEvent = JSON.parse(line);
 * if (event.type === 'summary' && event.status === 'completed') console.log(event.rows);
 * ```
 */
export interface ProgressEvent {
  type: 'progress' | 'summary';
  sequence: number;
  /** Epoch ms. */
  time: number;
  job: string;
  status: ProgressJobStatus;
  percent: number;
  stage: string | null;
  step: string;
  rows: Record<string, number>;
  totalRows: number;
  items: number;
  rowsPerSecond: number | null;
  itemsPerSecond: number | null;
  etaMs: number | null;
  elapsedMs: number;
  estimatedCompletionAt: number | null;
  checkpoints: number;
  lastCheckpoint: string | null;
  activeAlerts: number;
  message: string | null;
  /** Summary only. */
  stages?: StageProgress[];
  metrics?: Record<string, number>;
  alerts?: { active: Alert[]; resolved: Alert[]; sinkFailures: number };
}

const round = (value: number | undefined, digits: number): number | null => (value === undefined || !Number.isFinite(value) ? null : Number(value.toFixed(digits)));

/**
 * The event for one throttled update.
 *
 * @example
 * ```ts
 * job.subscribe((update) => {
 *   const event = toProgressEvent(update);
 *   if (event.type === 'summary') console.log('done', event.totalRows);
 * });
 * ```
 */
export function toProgressEvent(update: ThrottledUpdate<ProgressSnapshot>): ProgressEvent {
  const snapshot = update.value;
  const last = snapshot.checkpoints.at(-1);
  const event: ProgressEvent = {
    type: update.final ? 'summary' : 'progress',
    sequence: update.sequence,
    time: update.time,
    job: snapshot.job,
    status: snapshot.status,
    percent: Number(snapshot.percent.toFixed(4)),
    stage: snapshot.stage ?? null,
    step: snapshot.step,
    rows: snapshot.counts.rows,
    totalRows: snapshot.counts.totalRows,
    items: snapshot.counts.items,
    rowsPerSecond: round(snapshot.rowsPerSecond, 1),
    itemsPerSecond: round(snapshot.itemsPerSecond, 3),
    etaMs: round(snapshot.etaMs, 0),
    elapsedMs: snapshot.elapsedMs,
    estimatedCompletionAt: round(snapshot.estimatedCompletionAt, 0),
    checkpoints: snapshot.checkpoints.length,
    lastCheckpoint: last?.name ?? null,
    activeAlerts: snapshot.alerts.active.length,
    message: snapshot.message ?? null,
  };
  if (update.final) {
    event.stages = snapshot.stages;
    event.metrics = snapshot.metrics;
    event.alerts = snapshot.alerts;
  }
  return event;
}

/**
 * One line of newline-delimited JSON (ending in `\n`) for an update: what a
 * `--json` flag prints.
 *
 * @example
 * ```ts
 * job.subscribe((update) => process.stdout.write(formatProgressEvent(update)));
 * // {"type":"progress","sequence":1,"time":1700000000000,"job":"nightly","status":"running","percent":0,...}
 * ```
 */
export function formatProgressEvent(update: ThrottledUpdate<ProgressSnapshot>): string {
  return `${JSON.stringify(toProgressEvent(update))}\n`;
}

/**
 * The JSON report: the whole snapshot, indented, with unknown values as
 * `null`. `JSON.parse` gives back the snapshot (with `null` for `undefined`).
 *
 * @example
 * ```ts
 * await writeFile('progress.json', formatProgressJson(job.snapshot()));
 * ```
 */
export function formatProgressJson(snapshot: ProgressSnapshot | readonly ProgressSnapshot[]): string {
  return `${JSON.stringify(snapshot, (_key, value: unknown) => (value === undefined ? null : value), 2)}\n`;
}
