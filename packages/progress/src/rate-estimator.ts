import type { Clock } from './clock.js';
import { ProgressError, requireNumber } from './progress-error.js';

/**
 * Tuning of a {@link RateEstimator}. The defaults suit jobs that report a few
 * times a second to once every few seconds.
 *
 * @example
 * ```ts
 * const options: RateEstimatorOptions = { now: Date.now, smoothingMs: 30_000, changeThreshold: 0.25 };
 * ```
 */
export interface RateEstimatorOptions {
  now: Clock;
  /** Count already done when estimation starts (e.g. a resumed job). Default 0. */
  initialTotal?: number;
  /** Time constant of the exponential smoothing while the rate is steady. Default 30 000 ms. */
  smoothingMs?: number;
  /**
   * Shortest window the recent rate is measured over to tell a real change
   * from noise. Default 5 000 ms.
   */
  windowMs?: number;
  /** Fewest reports (that carried items) the recent rate is measured over: rare, bursty reports widen the window. Default 3. */
  windowReports?: number;
  /** Relative departure of the recent rate from the smoothed one that counts as a change. Default 0.3. */
  changeThreshold?: number;
  /** Reports closer together than this count as one when judging a change of rate (they all count for the rate). Default 100 ms. */
  minSampleIntervalMs?: number;
  /**
   * With no report for longer than this, the rate starts falling toward 0.
   * Default: the larger of the window and 3 report gaps.
   */
  stallAfterMs?: number;
}

/** Samples kept for the recent window at most (at the 100 ms default, well over a minute). */
const maxHistory = 1_000;

interface Sample {
  time: number;
  total: number;
}

interface HistoryEntry extends Sample {
  /** True when the report brought items. */
  items: boolean;
}

interface Departure {
  sign: 1 | -1;
  time: number;
  total: number;
  /** Reports with items since the departure began. */
  reports: number;
  /** The smoothed rate when it began: later windows are judged against it, not against a smoothed rate already drifting toward them. */
  reference: number;
}

/**
 * Items per second and an ETA from a growing count, by adaptive exponential
 * smoothing:
 *
 * - Steady: an exponentially weighted mean over time (items / elapsed, both
 *   decayed with `smoothingMs`), so a burst of items counts for the time it
 *   took, not the instant it arrived, and uneven report sizes average out.
 * - Changing: the rate over a recent window (at least `windowMs` and
 *   `windowReports` reports) is compared with the smoothed one. When it stays
 *   more than `changeThreshold` away from the smoothed rate of when the
 *   departure began, in the same direction, for one more report and half of
 *   `windowMs`, the smoothing restarts from the rate measured since the
 *   departure began: the estimate follows a real change within a few reports
 *   instead of a smoothing time.
 * - Stalled: with no report for `stallAfterMs`, the rate decays toward 0 and
 *   the ETA grows.
 *
 * @example
 * ```ts
 * const rate = new RateEstimator({ now: Date.now });
 * rate.record(rowsWritten); // the running total, after each batch
 * rate.rate(); // rows per second, or undefined before two reports
 * rate.eta(totalRows - rowsWritten); // ms left, or undefined
 * ```
 */
export class RateEstimator {
  readonly #now: Clock;
  readonly #smoothingMs: number;
  readonly #windowMs: number;
  readonly #windowReports: number;
  readonly #changeThreshold: number;
  readonly #minSampleIntervalMs: number;
  readonly #stallAfterMs: number | undefined;
  /** Coarse history for the recent window: entries at least minSampleIntervalMs apart. */
  #history: HistoryEntry[];
  #last: Sample;
  #decayedItems = 0;
  #decayedTime = 0;
  #lastItemTime: number;
  #meanItemGap: number | undefined;
  #departure: Departure | undefined;

  constructor(options: RateEstimatorOptions) {
    this.#now = options.now;
    this.#smoothingMs = requireNumber('smoothingMs', options.smoothingMs ?? 30_000, { min: 1 });
    this.#windowMs = requireNumber('windowMs', options.windowMs ?? 5_000, { min: 1 });
    this.#windowReports = requireNumber('windowReports', options.windowReports ?? 3, { min: 1, integer: true });
    this.#changeThreshold = requireNumber('changeThreshold', options.changeThreshold ?? 0.3, { min: 0 });
    this.#minSampleIntervalMs = requireNumber('minSampleIntervalMs', options.minSampleIntervalMs ?? 100, { min: 0 });
    this.#stallAfterMs = options.stallAfterMs === undefined ? undefined : requireNumber('stallAfterMs', options.stallAfterMs, { min: 0 });
    const start = { time: this.#now(), total: requireNumber('initialTotal', options.initialTotal ?? 0, { min: 0 }) };
    this.#last = start;
    this.#history = [{ ...start, items: false }];
    this.#lastItemTime = start.time;
  }

  /** The latest total recorded. */
  get total(): number {
    return this.#last.total;
  }

  /**
   * Records the running total (it never decreases).
   *
   * @example
   * ```ts
   * rate.record(rowsWritten);
   * ```
   */
  record(total: number): void {
    requireNumber('total', total, { min: 0 });
    if (total < this.#last.total) {
      throw new ProgressError({ code: 'PROGRESS_INVALID_ARGUMENT', message: `total: got ${total}; a running total never decreases (was ${this.#last.total})` });
    }
    const time = Math.max(this.#now(), this.#last.time);
    const elapsed = time - this.#last.time;
    const items = total - this.#last.total;
    const decay = Math.exp(-elapsed / this.#smoothingMs);
    this.#decayedItems = this.#decayedItems * decay + items;
    this.#decayedTime = this.#decayedTime * decay + elapsed;
    this.#last = { time, total };

    const head = this.#history[this.#history.length - 1] as HistoryEntry;
    if (time - head.time < this.#minSampleIntervalMs || time === head.time) return;
    const reported = total > head.total;
    if (reported) {
      const gap = time - this.#lastItemTime;
      this.#meanItemGap = this.#meanItemGap === undefined ? gap : this.#meanItemGap + 0.3 * (gap - this.#meanItemGap);
      this.#lastItemTime = time;
      if (this.#departure) this.#departure.reports += 1;
    }
    this.#history.push({ time, total, items: reported });
    this.#followChange(this.#last);
  }

  /**
   * Adds items to the running total.
   *
   * @example
   * ```ts
   * rate.add(batch.length);
   * ```
   */
  add(items: number): void {
    this.record(this.#last.total + requireNumber('items', items, { min: 0 }));
  }

  /**
   * Items per second, or undefined before any time has passed between reports.
   *
   * @example
   * ```ts
   * const perSecond = rate.rate() ?? 0;
   * ```
   */
  rate(): number | undefined {
    if (this.#decayedTime <= 0) return undefined;
    const extra = this.#idle() - this.#stallAfter();
    if (extra <= 0) return (this.#decayedItems / this.#decayedTime) * 1000;
    const decay = Math.exp(-extra / this.#smoothingMs);
    return ((this.#decayedItems * decay) / (this.#decayedTime * decay + extra)) * 1000;
  }

  /**
   * Milliseconds until `remaining` more items are done at the current rate,
   * counting down between reports; undefined while the rate is unknown or 0.
   *
   * @example
   * ```ts
   * rate.eta(expectedTotal - rate.total); // e.g. 95_000
   * ```
   */
  eta(remaining: number): number | undefined {
    if (remaining <= 0) return 0;
    const perSecond = this.rate();
    if (perSecond === undefined || perSecond <= 0) return undefined;
    const sinceReport = Math.min(this.#idle(), this.#stallAfter());
    return Math.max(0, (remaining / perSecond) * 1000 - sinceReport);
  }

  #idle(): number {
    return Math.max(0, this.#now() - this.#last.time);
  }

  #stallAfter(): number {
    return this.#stallAfterMs ?? Math.max(this.#windowMs, 3 * (this.#meanItemGap ?? 0));
  }

  #followChange(sample: Sample): void {
    // The anchor of the recent window: the newest sample at least windowMs old
    // with at least windowReports reports after it. Older samples are not needed.
    let reports = 0;
    let anchor = -1;
    for (let index = this.#history.length - 1; index >= 0; index--) {
      const entry = this.#history[index] as HistoryEntry;
      if (reports >= this.#windowReports && entry.time <= sample.time - this.#windowMs) {
        anchor = index;
        break;
      }
      if (entry.items) reports += 1;
    }
    if (anchor < 0) {
      // Not enough reports for a window yet (or a long quiet spell): keep the history bounded.
      if (this.#history.length > maxHistory) this.#history = this.#history.slice(-maxHistory);
      return;
    }
    if (anchor > 0) this.#history = this.#history.slice(anchor);
    const from = this.#history[0] as HistoryEntry;
    const recent = (sample.total - from.total) / (sample.time - from.time);
    const smoothed = this.#decayedItems / this.#decayedTime;
    const reference = this.#departure?.reference ?? smoothed;
    const deviation = reference > 0 ? (recent - reference) / reference : recent > 0 ? Number.POSITIVE_INFINITY : 0;
    if (Math.abs(deviation) <= this.#changeThreshold) {
      this.#departure = undefined;
      return;
    }
    const sign = deviation > 0 ? 1 : -1;
    if (this.#departure?.sign !== sign) {
      this.#departure = { sign, time: sample.time, total: sample.total, reports: 0, reference: smoothed };
      return;
    }
    const departure = this.#departure;
    if (departure.reports < 1 || sample.time - departure.time < this.#windowMs / 2) return;
    // A real change: restart the smoothing from what was measured since it began,
    // and forget the history before it so the old rate does not read as another change.
    this.#decayedItems = sample.total - departure.total;
    this.#decayedTime = sample.time - departure.time;
    this.#history = this.#history.filter((entry) => entry.time >= departure.time);
    this.#departure = undefined;
  }
}
