import type { JsonValue } from '../json-value.js';

/**
 * How serious an alert is.
 *
 * @example
 * ```ts
 * const severity: AlertSeverity = 'warning';
 * ```
 */
export type AlertSeverity = 'info' | 'warning' | 'critical';

/**
 * A threshold on one metric: the alert fires once when the value leaves the
 * range (below `below` or above `above`) and resolves on its own when it is
 * back.
 *
 * @example
 * ```ts
 * const rules: ThresholdRule[] = [
 *   { id: 'slow', metric: 'rowsPerSecond', below: 50_000, forMs: 10_000, message: 'generation is slow' },
 *   { id: 'errors', metric: 'errors', above: 0, severity: 'critical' },
 * ];
 * ```
 */
export interface ThresholdRule {
  /** Unique among the rules, e.g. `slow`. */
  id: string;
  /** A metric name: `percent`, `rowsPerSecond`, `itemsPerSecond`, `etaMs`, `elapsedMs`, `items`, `rows`, or your own. */
  metric: string;
  /** Fires while the value is lower than this. */
  below?: number;
  /** Fires while the value is higher than this. */
  above?: number;
  /** The value must stay out of range this long before the alert fires (ignores a blip, or a slow start). Default 0. */
  forMs?: number;
  /** Default `warning`. */
  severity?: AlertSeverity;
  /** What the alert says; default names the metric, the value and the threshold. */
  message?: string;
}

/**
 * One alert, active (no `resolvedAt`) or resolved.
 *
 * @example
 * ```ts
 * const alert: Alert = {
 *   id: 'slow#1', source: 'threshold', key: 'slow', severity: 'warning', message: 'rowsPerSecond 120 < 50000',
 *   metric: 'rowsPerSecond', value: 120, threshold: 50_000, firedAt: 1_700_000_000_000, occurrences: 1,
 * };
 * ```
 */
export interface Alert {
  /** Unique within the monitor: the rule or error key and a counter. */
  id: string;
  source: 'threshold' | 'error';
  /** The rule id (threshold) or the error key (error). */
  key: string;
  severity: AlertSeverity;
  message: string;
  /** The job the alert belongs to, when the monitor knows it. */
  job?: string;
  metric?: string;
  /** The metric's value when the alert fired. */
  value?: number;
  threshold?: number;
  /** Error alerts: what the job was doing (day, table, file...). */
  context?: Record<string, JsonValue>;
  firedAt: number;
  resolvedAt?: number;
  /** The metric's value when the alert resolved. */
  resolvedValue?: number;
  /** How many times it happened while active (error alerts repeat; each repeat is not sent again). */
  occurrences: number;
}

/**
 * What sinks receive: an alert that fired or resolved.
 *
 * @example
 * ```ts
 * const event: AlertEvent = { type: 'resolved', alert };
 * ```
 */
export interface AlertEvent {
  type: 'fired' | 'resolved';
  alert: Alert;
}

/**
 * Where alerts go: a log, a webhook, or your own (email, chat...). `send` may
 * be async. A sink that throws or rejects never stops the job: the monitor
 * records the failure (see {@link AlertMonitor.sinkFailures}).
 *
 * @example
 * ```ts
 * const emailSink: AlertSink = {
 *   name: 'email',
 *   async send(event) {
 *     if (event.type === 'fired' && event.alert.severity === 'critical') await mailer.send({ to: 'oncall@example.com', subject: event.alert.message });
 *   },
 * };
 * ```
 */
export interface AlertSink {
  readonly name: string;
  send(event: AlertEvent): void | Promise<void>;
}

/**
 * A sink that failed to take an event.
 *
 * @example
 * ```ts
 * for (const failure of monitor.sinkFailures) console.error(`${failure.sink}: ${failure.error}`);
 * ```
 */
export interface SinkFailure {
  sink: string;
  event: AlertEvent;
  /** The error's message. */
  error: string;
  time: number;
}
