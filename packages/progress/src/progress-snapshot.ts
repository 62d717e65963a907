import type { Alert } from './alerts/alert.js';
import type { Checkpoint } from './checkpoint-log.js';
import type { ProgressCounts, StageProgress, StagedProgressState } from './staged-progress.js';

/**
 * Where a job stands: running, or how it ended.
 *
 * @example
 * ```ts
 * const status: ProgressJobStatus = 'cancelled';
 * ```
 */
export type ProgressJobStatus = 'running' | 'completed' | 'failed' | 'cancelled';

/**
 * Everything a display needs about one job at one moment, as plain data: what
 * subscribers receive and what every report and the dashboard are made from.
 *
 * @example
 * ```ts
 * job.subscribe((update) => {
 *   const snapshot: ProgressSnapshot = update.value;
 *   console.log(snapshot.percent.toFixed(1), snapshot.rowsPerSecond, snapshot.etaMs, snapshot.step);
 * });
 * ```
 */
export interface ProgressSnapshot {
  job: string;
  status: ProgressJobStatus;
  /** 0 to 100, never lower than in an earlier snapshot of the same job. */
  percent: number;
  /** The running stage, if any. */
  stage: string | undefined;
  stages: StageProgress[];
  /** What the job is doing, e.g. `day 12/30 2024-01-12: stores 40/200`. */
  step: string;
  counts: ProgressCounts;
  /** Metrics the job set itself (errors, retries...). */
  metrics: Record<string, number>;
  rowsPerSecond: number | undefined;
  itemsPerSecond: number | undefined;
  /** Time left, ms; 0 when completed; undefined when unknown or the job stopped early. */
  etaMs: number | undefined;
  /** Epoch ms of the first start (before any resume). */
  startedAt: number;
  /** Epoch ms this snapshot was taken. */
  updatedAt: number;
  /** Time spent running, summed over resumes. */
  elapsedMs: number;
  /** updatedAt + etaMs while running; finishedAt once completed. */
  estimatedCompletionAt: number | undefined;
  finishedAt: number | undefined;
  /** Why the job failed or was cancelled, and what to do next. */
  message: string | undefined;
  checkpoints: Checkpoint[];
  alerts: { active: Alert[]; resolved: Alert[]; sinkFailures: number };
}

/**
 * The saved form of a job: enough for a resumed job to continue its percent,
 * counts, elapsed time and checkpoints.
 *
 * @example
 * ```ts
 * await writeFile('run.progress.json', JSON.stringify(job));
 * const resumed = createProgressJob({ name, stages, resume: JSON.parse(await readFile('run.progress.json', 'utf8')) });
 * ```
 */
export interface ProgressJobState {
  version: 1;
  job: string;
  startedAt: number;
  elapsedMs: number;
  staged: StagedProgressState;
  metrics: Record<string, number>;
  checkpoints: Checkpoint[];
}
