import { systemClock, type Clock } from '../clock.js';
import type { JsonValue } from '../json-value.js';
import { ProgressError } from '../progress-error.js';
import type { Alert, AlertEvent, AlertSeverity, AlertSink, SinkFailure, ThresholdRule } from './alert.js';

/**
 * Options of {@link AlertMonitor}.
 *
 * @example
 * ```ts
 * const options: AlertMonitorOptions = { job: 'nightly', rules: [{ id: 'slow', metric: 'rowsPerSecond', below: 1000 }], sinks: [createLogAlertSink()] };
 * ```
 */
export interface AlertMonitorOptions {
  rules?: readonly ThresholdRule[];
  sinks?: readonly AlertSink[];
  /** Named in every alert. */
  job?: string;
  now?: Clock;
  /** Called when a sink fails (besides recording it in `sinkFailures`). */
  onSinkFailure?: (failure: SinkFailure) => void;
  /** Resolved alerts kept for reports; older ones are dropped. Default 100. */
  keepResolved?: number;
}

/**
 * Options of {@link AlertMonitor.error}.
 *
 * @example
 * ```ts
 * monitor.error(error, { key: 'export', context: { table: 'sales', day: 12 } });
 * ```
 */
export interface ErrorAlertOptions {
  /** Errors with the same key while one is active count as repeats of it. Default: the error message. */
  key?: string;
  context?: Record<string, JsonValue>;
  /** Default `critical`. */
  severity?: AlertSeverity;
}

interface RuleState {
  rule: ThresholdRule;
  outSince: number | undefined;
  active: Alert | undefined;
}

/**
 * Threshold alerts on any metric and error alerts, delivered to sinks.
 * A threshold alert fires once when its metric leaves the range (for
 * `forMs`), then resolves on its own when the metric is back. A missing
 * metric (e.g. a rate not known yet) is not judged. Sinks are called
 * without waiting; one that throws or rejects is recorded, never rethrown.
 *
 * @example
 * ```ts
 * const monitor = new AlertMonitor({
 *   job: 'nightly',
 *   rules: [{ id: 'slow', metric: 'rowsPerSecond', below: 1000, forMs: 10_000 }, { id: 'errors', metric: 'errors', above: 0 }],
 *   sinks: [createLogAlertSink(), createWebhookAlertSink({ url: 'https://hooks.example.com/alerts' })],
 * });
 * monitor.evaluate({ rowsPerSecond: 800, errors: 0 });
 * monitor.error(new Error('disk full'), { context: { table: 'sales' } });
 * await monitor.settled(); // before exiting, let webhooks finish
 * ```
 */
export class AlertMonitor {
  readonly #rules: RuleState[];
  readonly #sinks: readonly AlertSink[];
  readonly #job: string | undefined;
  readonly #now: Clock;
  readonly #onSinkFailure: ((failure: SinkFailure) => void) | undefined;
  readonly #keepResolved: number;
  readonly #errors = new Map<string, Alert>();
  readonly #resolved: Alert[] = [];
  readonly #failures: SinkFailure[] = [];
  readonly #inFlight = new Set<Promise<void>>();
  readonly #counters = new Map<string, number>();

  constructor(options: AlertMonitorOptions = {}) {
    const ids = new Set<string>();
    this.#rules = (options.rules ?? []).map((rule) => {
      if (ids.has(rule.id)) throw new ProgressError({ code: 'PROGRESS_INVALID_ARGUMENT', message: `alert rule ${JSON.stringify(rule.id)} is listed twice` });
      ids.add(rule.id);
      if (rule.below === undefined && rule.above === undefined) {
        throw new ProgressError({ code: 'PROGRESS_INVALID_ARGUMENT', message: `alert rule ${JSON.stringify(rule.id)}: expected a threshold, below or above` });
      }
      return { rule, outSince: undefined, active: undefined };
    });
    this.#sinks = options.sinks ?? [];
    this.#job = options.job;
    this.#now = options.now ?? systemClock;
    this.#onSinkFailure = options.onSinkFailure;
    this.#keepResolved = options.keepResolved ?? 100;
  }

  /** Sink failures (the latest 100), oldest first. */
  get sinkFailures(): readonly SinkFailure[] {
    return this.#failures;
  }

  /**
   * Judges the metrics against every rule; returns the events it sent
   * (fired and resolved).
   *
   * @example
   * ```ts
   * monitor.evaluate({ rowsPerSecond: job.rowsPerSecond, errors: errorCount });
   * // [{ type: 'fired', alert: { key: 'slow', ... } }]
   * ```
   */
  evaluate(metrics: Readonly<Record<string, number | undefined>>): AlertEvent[] {
    const now = this.#now();
    const events: AlertEvent[] = [];
    for (const state of this.#rules) {
      const { rule } = state;
      const value = metrics[rule.metric];
      if (value === undefined || Number.isNaN(value)) continue;
      const threshold = rule.below !== undefined && value < rule.below ? rule.below : rule.above !== undefined && value > rule.above ? rule.above : undefined;
      if (threshold === undefined) {
        state.outSince = undefined;
        if (state.active) {
          const resolved: Alert = { ...state.active, resolvedAt: now, resolvedValue: value };
          state.active = undefined;
          this.#keep(resolved);
          events.push({ type: 'resolved', alert: resolved });
        }
        continue;
      }
      state.outSince ??= now;
      if (state.active || now - state.outSince < (rule.forMs ?? 0)) continue;
      const direction = threshold === rule.below ? '<' : '>';
      state.active = {
        id: this.#nextId(rule.id),
        source: 'threshold',
        key: rule.id,
        severity: rule.severity ?? 'warning',
        message: rule.message ?? `${rule.metric} ${formatValue(value)} ${direction} ${formatValue(threshold)}`,
        ...(this.#job === undefined ? {} : { job: this.#job }),
        metric: rule.metric,
        value,
        threshold,
        firedAt: now,
        occurrences: 1,
      };
      events.push({ type: 'fired', alert: { ...state.active } });
    }
    for (const event of events) this.#deliver(event);
    return events;
  }

  /**
   * Raises an error alert with context. A repeat of an active one (same key)
   * counts an occurrence and is not sent again.
   *
   * @example
   * ```ts
   * try { await exportDay(day); } catch (error) { monitor.error(error, { key: 'export', context: { day } }); }
   * ```
   */
  error(error: unknown, options: ErrorAlertOptions = {}): Alert {
    const message = error instanceof Error ? error.message : String(error);
    const key = options.key ?? message;
    const existing = this.#errors.get(key);
    if (existing) {
      existing.occurrences += 1;
      return { ...existing };
    }
    const alert: Alert = {
      id: this.#nextId(key),
      source: 'error',
      key,
      severity: options.severity ?? 'critical',
      message,
      ...(this.#job === undefined ? {} : { job: this.#job }),
      ...(options.context === undefined ? {} : { context: options.context }),
      firedAt: this.#now(),
      occurrences: 1,
    };
    this.#errors.set(key, alert);
    this.#deliver({ type: 'fired', alert: { ...alert } });
    return { ...alert };
  }

  /**
   * Resolves the active error alert with this key, if there is one.
   *
   * @example
   * ```ts
   * monitor.resolve('export'); // the retry worked
   * ```
   */
  resolve(key: string): void {
    const alert = this.#errors.get(key);
    if (!alert) return;
    this.#errors.delete(key);
    const resolved: Alert = { ...alert, resolvedAt: this.#now() };
    this.#keep(resolved);
    this.#deliver({ type: 'resolved', alert: resolved });
  }

  /**
   * Alerts firing now, oldest first.
   *
   * @example
   * ```ts
   * monitor.active().map((alert) => alert.message);
   * ```
   */
  active(): Alert[] {
    const active = [...this.#rules.flatMap((state) => (state.active ? [state.active] : [])), ...this.#errors.values()];
    return active.sort((left, right) => left.firedAt - right.firedAt).map((alert) => ({ ...alert }));
  }

  /**
   * Resolved alerts (the latest `keepResolved`), oldest first.
   *
   * @example
   * ```ts
   * monitor.resolved().length;
   * ```
   */
  resolved(): Alert[] {
    return this.#resolved.map((alert) => ({ ...alert }));
  }

  /**
   * Resolves when every delivery started so far has finished (or failed).
   * Never rejects.
   *
   * @example
   * ```ts
   * await monitor.settled();
   * ```
   */
  async settled(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all(this.#inFlight);
  }

  #nextId(key: string): string {
    const count = (this.#counters.get(key) ?? 0) + 1;
    this.#counters.set(key, count);
    return `${key}#${count}`;
  }

  #keep(alert: Alert): void {
    this.#resolved.push(alert);
    if (this.#resolved.length > this.#keepResolved) this.#resolved.splice(0, this.#resolved.length - this.#keepResolved);
  }

  #deliver(event: AlertEvent): void {
    for (const sink of this.#sinks) {
      let result: void | Promise<void>;
      try {
        result = sink.send(event);
      } catch (error) {
        this.#fail(sink, event, error);
        continue;
      }
      if (result && typeof result.then === 'function') {
        const delivery: Promise<void> = Promise.resolve(result).then(
          () => undefined,
          (error: unknown) => this.#fail(sink, event, error),
        );
        const tracked = delivery.finally(() => this.#inFlight.delete(tracked));
        this.#inFlight.add(tracked);
      }
    }
  }

  #fail(sink: AlertSink, event: AlertEvent, error: unknown): void {
    const failure: SinkFailure = { sink: sink.name, event, error: error instanceof Error ? error.message : String(error), time: this.#now() };
    this.#failures.push(failure);
    if (this.#failures.length > 100) this.#failures.shift();
    try {
      this.#onSinkFailure?.(failure);
    } catch {
      // A failing failure handler must not stop the job either.
    }
  }
}

function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
