import { AlertMonitor } from './alerts/alert-monitor.js';
import type { Alert, AlertSink, SinkFailure, ThresholdRule } from './alerts/alert.js';
import type { ErrorAlertOptions } from './alerts/alert-monitor.js';
import { CheckpointLog, type Checkpoint } from './checkpoint-log.js';
import { systemClock, systemTimer, type Clock, type Timer } from './clock.js';
import type { JsonValue } from './json-value.js';
import { ProgressError, requireNumber } from './progress-error.js';
import type { ProgressJobState, ProgressJobStatus, ProgressSnapshot } from './progress-snapshot.js';
import { RateEstimator, type RateEstimatorOptions } from './rate-estimator.js';
import { StagedProgress, type StageDefinition } from './staged-progress.js';
import { ThrottledEmitter, type SubscribeOptions, type ThrottledUpdate } from './throttled-emitter.js';

/**
 * The metric names a job fills in itself for alert rules; {@link ProgressJob.setMetric} refuses them.
 *
 * @example
 * ```ts
 * builtInMetrics.includes('rowsPerSecond'); // true
 * ```
 */
export const builtInMetrics = ['percent', 'rowsPerSecond', 'itemsPerSecond', 'etaMs', 'elapsedMs', 'items', 'rows'] as const;

/**
 * Options of {@link createProgressJob}.
 *
 * @example
 * ```ts
 * const options: ProgressJobOptions = {
 *   name: 'generate 2024-01-01..2024-01-30',
 *   stages: [{ name: 'master data', weight: 1 }, { name: 'facts', weight: 20 }, { name: 'indexes', weight: 1 }],
 *   rules: [{ id: 'slow', metric: 'rowsPerSecond', below: 10_000, forMs: 30_000 }],
 *   sinks: [createLogAlertSink()],
 * };
 * ```
 */
export interface ProgressJobOptions {
  name: string;
  stages: readonly StageDefinition[];
  now?: Clock;
  timer?: Timer;
  /** Threshold alerts on the built-in metrics ({@link builtInMetrics}) or your own ({@link ProgressJob.setMetric}). */
  rules?: readonly ThresholdRule[];
  sinks?: readonly AlertSink[];
  onSinkFailure?: (failure: SinkFailure) => void;
  /** Saved progress ({@link ProgressJob.toJSON}) to continue from. */
  resume?: ProgressJobState;
  /** Tuning of the rate and ETA estimators. */
  rate?: Omit<RateEstimatorOptions, 'now' | 'initialTotal'>;
  /** Checkpoints kept (milestones are all kept). Default 1000. */
  keepCheckpoints?: number;
  /** A subscriber that throws is reported here. Default: `process.emitWarning`. */
  onListenerError?: (error: unknown) => void;
}

/**
 * One long job's progress: weighted stages and the current step, counts,
 * rates and ETA, checkpoints and milestones, alerts, and throttled updates
 * for whoever displays it. The job reports; a CLI, an API or a dashboard
 * subscribes. Every update notifies subscribers (throttled) and evaluates the
 * alert rules. Updates after the job finished are ignored, so a late report
 * never breaks a job that is shutting down.
 *
 * @example
 * ```ts
 * const job = createProgressJob({ name: 'nightly', stages: [{ name: 'master data' }, { name: 'facts', weight: 20 }] });
 * job.subscribe((update) => process.stderr.write(`\r${formatProgressLine(update.value)}`), { intervalMs: 200 });
 *
 * job.startStage('master data');
 * job.addRows('stores', 200);
 * job.startStage('facts', { total: days });
 * for (let day = 1; day <= days; day++) {
 *   job.setStep(`day ${day}/${days}`);
 *   job.addRows('sales', await generateDay(day));
 *   job.advance(1);
 *   job.checkpoint(`day ${day}`, { day });
 * }
 * job.complete();
 * ```
 */
export class ProgressJob {
  readonly name: string;
  readonly alerts: AlertMonitor;
  readonly #stages: readonly StageDefinition[];
  readonly #now: Clock;
  readonly #staged: StagedProgress;
  readonly #checkpoints: CheckpointLog;
  readonly #rows: RateEstimator;
  readonly #items: RateEstimator;
  readonly #percent: RateEstimator;
  readonly #emitter: ThrottledEmitter<ProgressSnapshot>;
  readonly #metrics = new Map<string, number>();
  readonly #startedAt: number;
  readonly #sessionStartedAt: number;
  readonly #elapsedBefore: number;
  /** Counts when this session started (non-zero after a resume), for the session's average rates. */
  readonly #rowsBaseline: number;
  readonly #itemsBaseline: number;
  #status: ProgressJobStatus = 'running';
  #finishedAt: number | undefined;
  #message: string | undefined;

  constructor(options: ProgressJobOptions) {
    if (typeof options.name !== 'string' || options.name === '') throw new ProgressError({ code: 'PROGRESS_INVALID_ARGUMENT', message: `name: got ${JSON.stringify(options.name)}; expected a non-empty job name` });
    this.name = options.name;
    this.#stages = options.stages;
    this.#now = options.now ?? systemClock;
    const timer: Timer = options.timer ?? systemTimer;
    const resume = options.resume;
    if (resume !== undefined && (typeof resume !== 'object' || resume === null || resume.version !== 1)) {
      throw new ProgressError({ code: 'PROGRESS_RESUME_MISMATCH', message: 'saved progress: expected the object ProgressJob.toJSON() gave, with version 1' });
    }
    this.#staged = resume ? StagedProgress.restore(options.stages, resume.staged) : new StagedProgress(options.stages);
    this.#checkpoints = new CheckpointLog(options.keepCheckpoints ?? 1_000, resume?.checkpoints ?? []);
    for (const [name, value] of Object.entries(resume?.metrics ?? {})) this.#metrics.set(name, value);
    this.#sessionStartedAt = this.#now();
    this.#startedAt = resume?.startedAt ?? this.#sessionStartedAt;
    this.#elapsedBefore = resume?.elapsedMs ?? 0;
    const counts = this.#staged.counts();
    this.#rowsBaseline = counts.totalRows;
    this.#itemsBaseline = counts.items;
    this.#rows = new RateEstimator({ ...options.rate, now: this.#now, initialTotal: counts.totalRows });
    this.#items = new RateEstimator({ ...options.rate, now: this.#now, initialTotal: counts.items });
    this.#percent = new RateEstimator({ ...options.rate, now: this.#now, initialTotal: this.#staged.percent });
    this.alerts = new AlertMonitor({
      job: this.name,
      now: this.#now,
      ...(options.rules ? { rules: options.rules } : {}),
      ...(options.sinks ? { sinks: options.sinks } : {}),
      ...(options.onSinkFailure ? { onSinkFailure: options.onSinkFailure } : {}),
    });
    this.#emitter = new ThrottledEmitter({
      // Judging the rules before each update also catches a stall on a subscription's heartbeat.
      sample: () => {
        this.evaluateAlerts();
        return this.snapshot();
      },
      now: this.#now,
      timer,
      ...(options.onListenerError ? { onListenerError: options.onListenerError } : {}),
    });
  }

  /** 0 to 100, never going down. */
  get percent(): number {
    return this.#staged.percent;
  }

  /** `running` until {@link ProgressJob.complete}, {@link ProgressJob.fail} or {@link ProgressJob.cancel}. */
  get status(): ProgressJobStatus {
    return this.#status;
  }

  /** The stages the job was created with. */
  get stages(): readonly StageDefinition[] {
    return this.#stages;
  }

  /**
   * Subscribes to throttled snapshots: at most one per `intervalMs` (default
   * 500), the first at once, and always the final one (`final: true`).
   * Returns a function that unsubscribes.
   *
   * @example
   * ```ts
   * const stop = job.subscribe((update) => console.log(formatProgressEvent(update)), { intervalMs: 1000 });
   * ```
   */
  subscribe(listener: (update: ThrottledUpdate<ProgressSnapshot>) => void, options?: SubscribeOptions): () => void {
    return this.#emitter.subscribe(listener, options);
  }

  /**
   * Starts a stage (completing those before it); `total` is the units
   * {@link ProgressJob.advance} counts against.
   *
   * @example
   * ```ts
   * job.startStage('facts', { total: 30, step: 'day 1/30' });
   * ```
   */
  startStage(name: string, options: { total?: number; step?: string } = {}): void {
    this.#update(() => this.#staged.startStage(name, options));
  }

  /**
   * Counts units of the current stage and optionally sets the step.
   *
   * @example
   * ```ts
   * job.advance(1, 'day 12/30 2024-01-12');
   * ```
   */
  advance(units = 1, step?: string): void {
    this.#update(() => this.#staged.advance(units, step));
  }

  /**
   * Sets the current stage's completion, 0 to 1 (lower values are ignored).
   *
   * @example
   * ```ts
   * job.setStageFraction(tracker.overallProgress());
   * ```
   */
  setStageFraction(fraction: number, step?: string): void {
    this.#update(() => this.#staged.setStageFraction(fraction, step));
  }

  /**
   * Sets the step text.
   *
   * @example
   * ```ts
   * job.setStep('day 12/30 2024-01-12: stores 40/200');
   * ```
   */
  setStep(step: string): void {
    this.#update(() => this.#staged.setStep(step));
  }

  /**
   * Completes a stage (default: the current one).
   *
   * @example
   * ```ts
   * job.completeStage('indexes');
   * ```
   */
  completeStage(name?: string): void {
    this.#update(() => this.#staged.completeStage(name));
  }

  /**
   * Adds rows written to a table.
   *
   * @example
   * ```ts
   * job.addRows('sales', batch.length);
   * ```
   */
  addRows(table: string, rows: number): void {
    this.#update(() => this.#staged.addRows(table, rows));
  }

  /**
   * Adds processed items.
   *
   * @example
   * ```ts
   * job.addItems(1);
   * ```
   */
  addItems(items: number): void {
    this.#update(() => this.#staged.addItems(items));
  }

  /**
   * Sets a metric of your own, for alert rules and reports.
   *
   * @example
   * ```ts
   * job.setMetric('queueDepth', pending.length);
   * ```
   */
  setMetric(name: string, value: number): void {
    if ((builtInMetrics as readonly string[]).includes(name)) {
      throw new ProgressError({ code: 'PROGRESS_INVALID_ARGUMENT', message: `metric ${JSON.stringify(name)} is built in; pick another name (built in: ${builtInMetrics.join(', ')})` });
    }
    requireNumber(`metric ${name}`, value);
    this.#update(() => this.#metrics.set(name, value));
  }

  /**
   * Adds to a metric of your own (starting at 0).
   *
   * @example
   * ```ts
   * job.incrementMetric('errors');
   * ```
   */
  incrementMetric(name: string, by = 1): void {
    this.setMetric(name, (this.#metrics.get(name) ?? 0) + by);
  }

  /**
   * Records a checkpoint: a point a resumed job can continue from.
   *
   * @example
   * ```ts
   * job.checkpoint('day 2024-01-12', { dayNumber: 19_734 });
   * ```
   */
  checkpoint(name: string, data?: JsonValue): Checkpoint | undefined {
    return this.#record('checkpoint', name, data);
  }

  /**
   * Records a milestone: a moment worth showing.
   *
   * @example
   * ```ts
   * job.milestone('master data done', { stores: 200 });
   * ```
   */
  milestone(name: string, data?: JsonValue): Checkpoint | undefined {
    return this.#record('milestone', name, data);
  }

  /**
   * Raises an error alert with context (the job goes on; see {@link AlertMonitor.error}).
   *
   * @example
   * ```ts
   * job.error(error, { key: 'export', context: { day: 12 } });
   * ```
   */
  error(error: unknown, options?: ErrorAlertOptions): Alert {
    const alert = this.alerts.error(error, options);
    this.#emitter.notify();
    return alert;
  }

  /**
   * Ends the job successfully: 100 %, and the final update to subscribers.
   *
   * @example
   * ```ts
   * job.complete();
   * await job.settled();
   * ```
   */
  complete(): void {
    if (this.#status !== 'running') return;
    this.#staged.finish();
    this.#end('completed', undefined);
  }

  /**
   * Ends the job as failed; the percent stays where it was.
   *
   * @example
   * ```ts
   * job.fail(error);
   * ```
   */
  fail(error: unknown): void {
    if (this.#status !== 'running') return;
    this.#end('failed', error instanceof Error ? error.message : String(error));
  }

  /**
   * Ends the job as cancelled, with a message for the user (what was done,
   * how to continue).
   *
   * @example
   * ```ts
   * job.cancel('cancelled after day 12 of 30; run the same command with --resume to continue');
   * ```
   */
  cancel(message = 'cancelled'): void {
    if (this.#status !== 'running') return;
    this.#end('cancelled', message);
  }

  /**
   * Resolves when every alert delivery has finished (or failed).
   *
   * @example
   * ```ts
   * job.complete();
   * await job.settled();
   * ```
   */
  settled(): Promise<void> {
    return this.alerts.settled();
  }

  /**
   * The job now, as plain data.
   *
   * @example
   * ```ts
   * const snapshot = job.snapshot();
   * console.log(formatProgressDetails(snapshot));
   * ```
   */
  snapshot(): ProgressSnapshot {
    const now = this.#now();
    const running = this.#status === 'running';
    const etaMs = this.#status === 'completed' ? 0 : running ? this.#percent.eta(100 - this.#staged.percent) : undefined;
    const estimatedCompletionAt = this.#status === 'completed' ? this.#finishedAt : etaMs === undefined ? undefined : now + etaMs;
    const counts = this.#staged.counts();
    return {
      job: this.name,
      status: this.#status,
      percent: this.#staged.percent,
      stage: this.#staged.currentStage,
      stages: this.#staged.stageProgress(),
      step: this.#staged.step,
      counts,
      metrics: Object.fromEntries(this.#metrics),
      // Once the job ended, the session's average: what a summary line should say.
      rowsPerSecond: running ? this.#rows.rate() : this.#averageRate(counts.totalRows - this.#rowsBaseline),
      itemsPerSecond: running ? this.#items.rate() : this.#averageRate(counts.items - this.#itemsBaseline),
      etaMs,
      startedAt: this.#startedAt,
      updatedAt: now,
      elapsedMs: this.#elapsed(now),
      estimatedCompletionAt,
      finishedAt: this.#finishedAt,
      message: this.#message,
      checkpoints: this.#checkpoints.list(),
      alerts: { active: this.alerts.active(), resolved: this.alerts.resolved(), sinkFailures: this.alerts.sinkFailures.length },
    };
  }

  /**
   * The saved form; pass it as `resume` to continue the job later.
   *
   * @example
   * ```ts
   * await writeFile(progressFile, JSON.stringify(job));
   * ```
   */
  toJSON(): ProgressJobState {
    return {
      version: 1,
      job: this.name,
      startedAt: this.#startedAt,
      elapsedMs: this.#elapsed(this.#now()),
      staged: this.#staged.toJSON(),
      metrics: Object.fromEntries(this.#metrics),
      checkpoints: this.#checkpoints.list(),
    };
  }

  #averageRate(done: number): number | undefined {
    const sessionMs = (this.#finishedAt ?? this.#now()) - this.#sessionStartedAt;
    return sessionMs > 0 ? (done / sessionMs) * 1000 : undefined;
  }

  #elapsed(now: number): number {
    return this.#elapsedBefore + ((this.#finishedAt ?? now) - this.#sessionStartedAt);
  }

  #update(change: () => void): void {
    if (this.#status !== 'running') return;
    change();
    const counts = this.#staged.counts();
    this.#rows.record(counts.totalRows);
    this.#items.record(counts.items);
    this.#percent.record(this.#staged.percent);
    this.evaluateAlerts();
    this.#emitter.notify();
  }

  /**
   * Judges the alert rules now. Every update and every update sent to a
   * subscriber (heartbeats included) does this already; call it yourself to
   * catch a stalled job (its rate falls) when nothing subscribes with a heartbeat.
   *
   * @example
   * ```ts
   * setInterval(() => job.evaluateAlerts(), 5_000).unref();
   * ```
   */
  evaluateAlerts(): void {
    if (this.#status !== 'running') return;
    const counts = this.#staged.counts();
    this.alerts.evaluate({
      ...Object.fromEntries(this.#metrics),
      percent: this.#staged.percent,
      rowsPerSecond: this.#rows.rate(),
      itemsPerSecond: this.#items.rate(),
      etaMs: this.#percent.eta(100 - this.#staged.percent),
      elapsedMs: this.#elapsed(this.#now()),
      items: counts.items,
      rows: counts.totalRows,
    });
  }

  #record(kind: Checkpoint['kind'], name: string, data: JsonValue | undefined): Checkpoint | undefined {
    if (this.#status !== 'running') return undefined;
    const now = this.#now();
    const entry: Checkpoint = { kind, name, time: now, elapsedMs: this.#elapsed(now), percent: this.#staged.percent, counts: this.#staged.counts(), ...(data === undefined ? {} : { data }) };
    this.#checkpoints.add(entry);
    this.#emitter.notify();
    return entry;
  }

  #end(status: ProgressJobStatus, message: string | undefined): void {
    this.evaluateAlerts();
    this.#status = status;
    this.#finishedAt = this.#now();
    this.#message = message;
    this.#emitter.finish();
  }
}

/**
 * Creates a {@link ProgressJob}.
 *
 * @example
 * ```ts
 * const job = createProgressJob({ name: 'export', stages: [{ name: 'tables', weight: 9 }, { name: 'manifest' }] });
 * ```
 */
export function createProgressJob(options: ProgressJobOptions): ProgressJob {
  return new ProgressJob(options);
}
