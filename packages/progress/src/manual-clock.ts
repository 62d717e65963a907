import type { Clock, Timer, TimerHandle } from './clock.js';

interface Scheduled {
  readonly id: number;
  readonly at: number;
  readonly callback: () => void;
}

/**
 * A clock and timer that only move when told to: the fake clock of this
 * package's tests, and of tests that wire progress into an app.
 *
 * @example
 * ```ts
 * const clock = createManualClock(1_700_000_000_000);
 * const job = createProgressJob({ name: 'demo', stages: [{ name: 'work' }], now: clock.now, timer: clock });
 * clock.advance(1500); // runs every timer due within the next 1.5 s, in time order
 * ```
 */
export interface ManualClock extends Timer {
  /** The current time, epoch ms. */
  readonly now: Clock;
  /** Moves time forward by `ms`, running each due callback at its own time. */
  advance(ms: number): void;
  /** Moves time to `time` (never backwards), running due callbacks. */
  advanceTo(time: number): void;
  /** Callbacks scheduled and not yet run or cleared. */
  readonly pending: number;
}

/**
 * Creates a {@link ManualClock} starting at `start` (epoch ms, default 0).
 *
 * @example
 * ```ts
 * const clock = createManualClock();
 * clock.setTimeout(() => console.log('at', clock.now()), 500);
 * clock.advance(499); // nothing
 * clock.advance(1); // at 500
 * ```
 */
export function createManualClock(start = 0): ManualClock {
  let time = start;
  let nextId = 1;
  let scheduled: Scheduled[] = [];

  const advanceTo = (target: number): void => {
    if (target < time) throw new RangeError(`a manual clock never goes backwards: at ${time}, asked for ${target}`);
    for (;;) {
      // Earliest first; ties in the order they were scheduled.
      let due: Scheduled | undefined;
      for (const entry of scheduled) if (entry.at <= target && (!due || entry.at < due.at || (entry.at === due.at && entry.id < due.id))) due = entry;
      if (!due) break;
      const runNow = due;
      scheduled = scheduled.filter((entry) => entry !== runNow);
      time = Math.max(time, runNow.at);
      runNow.callback();
    }
    time = target;
  };

  return {
    now: () => time,
    setTimeout(callback: () => void, delayMs: number): TimerHandle {
      const entry: Scheduled = { id: nextId++, at: time + Math.max(0, delayMs), callback };
      scheduled.push(entry);
      return entry;
    },
    clearTimeout(handle: TimerHandle): void {
      scheduled = scheduled.filter((entry) => entry !== handle);
    },
    advance(ms: number): void {
      advanceTo(time + ms);
    },
    advanceTo,
    get pending() {
      return scheduled.length;
    },
  };
}
