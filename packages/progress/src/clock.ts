/**
 * A source of the current time in epoch milliseconds. Everything in this
 * package takes one, so tests drive time with {@link createManualClock}.
 *
 * @example
 * ```ts
 * const now: Clock = () => Date.now();
 * ```
 */
export type Clock = () => number;

/**
 * A handle returned by {@link Timer.setTimeout}, passed back to clear it.
 *
 * @example
 * ```ts
 * const handle: TimerHandle = timer.setTimeout(() => {}, 500);
 * timer.clearTimeout(handle);
 * ```
 */
export type TimerHandle = unknown;

/**
 * Schedules callbacks. The system timer never keeps a process alive on its
 * own; a manual timer runs them when a test advances its clock.
 *
 * @example
 * ```ts
 * const handle = timer.setTimeout(() => console.log('tick'), 500);
 * timer.clearTimeout(handle);
 * ```
 */
export interface Timer {
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/**
 * The wall clock: `Date.now()`.
 *
 * @example
 * ```ts
 * createProgressJob({ name: 'export', stages, now: systemClock });
 * ```
 */
export const systemClock: Clock = () => Date.now();

/**
 * Node's timers, unreferenced so that a pending progress update or dashboard
 * rewrite never keeps the process alive after the job is done.
 *
 * @example
 * ```ts
 * const handle = systemTimer.setTimeout(() => writeDashboard(), 2000);
 * ```
 */
export const systemTimer: Timer = {
  setTimeout(callback, delayMs) {
    const handle = setTimeout(callback, Math.max(0, delayMs));
    handle.unref();
    return handle;
  },
  clearTimeout(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};
