// The worker side of the progress protocol. It has no runtime imports, so a
// worker can load it on its own (the worker_threads test does exactly that).

/**
 * The tag every progress message carries, so a port can share progress with
 * other traffic.
 *
 * @example
 * ```ts
 * if (message?.type === progressMessageType) handle(message);
 * ```
 */
export const progressMessageType = 'retail-datagen.progress';

/**
 * One update a worker posts to the thread that owns the tracker: an hour or
 * a whole day of one table completed.
 *
 * @example
 * ```ts
 * const message: ProgressMessage = { type: 'retail-datagen.progress', version: 1, kind: 'hour', table: 'sales', day: 3, hour: 14 };
 * ```
 */
export type ProgressMessage =
  | { type: typeof progressMessageType; version: 1; kind: 'hour'; table: string; day: number; hour: number }
  | { type: typeof progressMessageType; version: 1; kind: 'day'; table: string; day: number };

/**
 * Anything with `postMessage`: a `MessagePort`, `parentPort` in a worker, a
 * `Worker`, or a test double.
 *
 * @example
 * ```ts
 * import { parentPort } from 'node:worker_threads';
 * const port: ProgressMessageTarget = parentPort!;
 * ```
 */
export interface ProgressMessageTarget {
  postMessage(message: unknown): void;
}

/**
 * What a worker reports through. Updates are posted, not applied: the owner
 * thread validates and applies them (see {@link listenForProgress}).
 *
 * @example
 * ```ts
 * const progress: ProgressPort = createProgressPort(parentPort!);
 * progress.markHour('sales', day, hour);
 * ```
 */
export interface ProgressPort {
  markHour(table: string, day: number, hour: number): void;
  markDay(table: string, day: number): void;
}

/**
 * Wraps a port so a worker thread reports hours and days to the tracker
 * owned by the main thread.
 *
 * @example
 * ```ts
 * // worker.js
 * import { parentPort } from 'node:worker_threads';
 * import { createProgressPort } from '@retail-datagen/progress';
 *
 * const progress = createProgressPort(parentPort!);
 * for (let hour = 0; hour < 24; hour++) progress.markHour('sales', 5, hour);
 * ```
 */
export function createProgressPort(port: ProgressMessageTarget): ProgressPort {
  return {
    markHour(table, day, hour) {
      port.postMessage({ type: progressMessageType, version: 1, kind: 'hour', table, day, hour } satisfies ProgressMessage);
    },
    markDay(table, day) {
      port.postMessage({ type: progressMessageType, version: 1, kind: 'day', table, day } satisfies ProgressMessage);
    },
  };
}

/**
 * True for a message of this protocol (it may still name an unknown table or
 * a day out of range: the tracker checks that).
 *
 * @example
 * ```ts
 * worker.on('message', (message) => { if (isProgressMessage(message)) apply(message); });
 * ```
 */
export function isProgressMessage(message: unknown): message is ProgressMessage {
  if (typeof message !== 'object' || message === null) return false;
  const candidate = message as Record<string, unknown>;
  return candidate['type'] === progressMessageType && candidate['version'] === 1 && (candidate['kind'] === 'hour' || candidate['kind'] === 'day');
}
