import type { HourlyProgressTracker } from './hourly-progress-tracker.js';
import { ProgressError } from './progress-error.js';
import { isProgressMessage, type ProgressMessage } from './progress-port.js';

/**
 * Where the owner thread receives messages: a `Worker`, a `MessagePort`, or
 * anything else with `on`/`off` for `'message'`.
 *
 * @example
 * ```ts
 * const source: ProgressMessageSource = new Worker(new URL('./worker.js', import.meta.url));
 * ```
 */
export interface ProgressMessageSource {
  on(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
}

/**
 * Options of {@link listenForProgress}.
 *
 * @example
 * ```ts
 * const options: ListenForProgressOptions = { onUpdate: () => job.setStageFraction(tracker.overallProgress()) };
 * ```
 */
export interface ListenForProgressOptions {
  /** Called after each applied update. */
  onUpdate?: (message: ProgressMessage) => void;
  /** Called with the error of an update the tracker refused; the listener keeps going. */
  onError?: (error: ProgressError, message: ProgressMessage) => void;
}

/**
 * The handle of a running {@link listenForProgress}.
 *
 * @example
 * ```ts
 * const listener: ProgressListener = listenForProgress(tracker, worker);
 * listener.close();
 * ```
 */
export interface ProgressListener {
  /** Updates refused so far (unknown table, day or hour out of range), oldest first. */
  readonly errors: readonly ProgressError[];
  /** Stops listening. */
  close(): void;
}

/**
 * Applies the progress messages arriving on `source` to the tracker, which
 * the calling thread owns. Other messages on the same port are ignored. A
 * refused update never throws out of the message handler: it goes to
 * `onError` and `errors`.
 *
 * @example
 * ```ts
 * const tracker = new HourlyProgressTracker({ tables: ['sales'], days: 30 });
 * const worker = new Worker(new URL('./simulate-days.js', import.meta.url));
 * const listener = listenForProgress(tracker, worker, { onUpdate: () => render(tracker.snapshot()) });
 * worker.once('exit', () => listener.close());
 * ```
 */
export function listenForProgress(tracker: HourlyProgressTracker, source: ProgressMessageSource, options: ListenForProgressOptions = {}): ProgressListener {
  const errors: ProgressError[] = [];
  const listener = (message: unknown): void => {
    if (!isProgressMessage(message)) return;
    try {
      if (message.kind === 'hour') tracker.markHour(message.table, message.day, message.hour);
      else tracker.markDay(message.table, message.day);
    } catch (error) {
      if (!ProgressError.isInstance(error)) throw error;
      errors.push(error);
      options.onError?.(error, message);
      return;
    }
    options.onUpdate?.(message);
  };
  source.on('message', listener);
  return {
    errors,
    close: () => {
      source.off('message', listener);
    },
  };
}
