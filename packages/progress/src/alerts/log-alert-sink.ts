import type { AlertEvent, AlertSink } from './alert.js';

/**
 * Options of {@link createLogAlertSink}.
 *
 * @example
 * ```ts
 * const options: LogAlertSinkOptions = { write: (line) => logger.warn(line) };
 * ```
 */
export interface LogAlertSinkOptions {
  /** Takes one line (no newline). Default: writes it to stderr. */
  write?: (line: string) => void;
}

/**
 * One log line for an alert event, e.g.
 * `alert fired [warning] slow#1 (nightly): rowsPerSecond 120 < 1000`.
 *
 * @example
 * ```ts
 * formatAlertEvent({ type: 'resolved', alert }); // 'alert resolved [warning] slow#1 (nightly): rowsPerSecond 120 < 1000'
 * ```
 */
export function formatAlertEvent(event: AlertEvent): string {
  const { alert } = event;
  const job = alert.job === undefined ? '' : ` (${alert.job})`;
  const repeats = alert.occurrences > 1 ? ` x${alert.occurrences}` : '';
  const context = alert.context === undefined ? '' : ` ${JSON.stringify(alert.context)}`;
  return `alert ${event.type} [${alert.severity}] ${alert.id}${job}: ${alert.message}${repeats}${context}`;
}

/**
 * A sink that writes each alert event as one line.
 *
 * @example
 * ```ts
 * const monitor = new AlertMonitor({ rules, sinks: [createLogAlertSink()] });
 * ```
 */
export function createLogAlertSink(options: LogAlertSinkOptions = {}): AlertSink {
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  return {
    name: 'log',
    send(event) {
      write(formatAlertEvent(event));
    },
  };
}
