import { formatCount } from '@retail-datagen/progress';
import type { BatchRowsChoice } from './batch-rows-option.js';

/** Default memory budget of {@link BatchSizer}: 768 MiB of resident set size. */
export const defaultMemoryBudgetBytes = 768 * 1024 * 1024;

/**
 * Options of {@link BatchSizer}. All counts are rows.
 *
 * @example
 * ```ts
 * const options: BatchSizerOptions = { min: 1_000, max: 100_000, initial: 16_384, memoryBudgetBytes: 1024 ** 3 };
 * ```
 */
export interface BatchSizerOptions {
  /** Smallest adaptive size; default 1,000. */
  readonly min?: number;
  /** Largest adaptive size; default 100,000. */
  readonly max?: number;
  /** Adaptive size to start from, clamped to [min, max]; default 16,384. */
  readonly initial?: number;
  /** A fixed size (a user override): always used, never adapted, not clamped to [min, max]. */
  readonly fixed?: number;
  /** Where `fixed` came from, shown by `describe()`, e.g. `--batch-rows`. */
  readonly fixedSource?: string;
  /** Memory above which the size halves; default 768 MiB ({@link defaultMemoryBudgetBytes}). */
  readonly memoryBudgetBytes?: number;
  /** Memory in use now, in bytes; default `process.memoryUsage().rss`. Read once per window. */
  readonly memoryInUse?: () => number;
  /** Samples per measurement window; default 8. */
  readonly windowSamples?: number;
}

/**
 * One sink write, measured by the caller: the rows of the batch written and
 * the seconds the write took.
 *
 * @example
 * ```ts
 * const started = performance.now();
 * await sink.write(batch);
 * sizer.record({ rows: batch.length, seconds: (performance.now() - started) / 1000 });
 * ```
 */
export interface BatchWriteSample {
  readonly rows: number;
  readonly seconds: number;
}

type Direction = 'grow' | 'shrink';

/**
 * Chooses how many rows each batch handed to a sink holds.
 *
 * A fixed size (`fixed`, from `--batch-rows` or `RETAIL_BATCH_ROWS`) always
 * wins and never changes. Otherwise the size adapts by hill-climbing on
 * throughput, one decision per window of `windowSamples` recorded writes:
 *
 * 1. Memory first: when `memoryInUse()` (read once at the window's end) is
 *    above the budget, the size halves (not below `min`), the next step is
 *    downward, and the throughput baseline is dropped. Nothing grows while
 *    memory stays above the budget: each such window halves again.
 * 2. Otherwise the window's throughput (its rows / its seconds) is compared
 *    with the previous window's: when it is lower the direction reverses,
 *    when it is as high or higher the direction stays. With no baseline (the
 *    first window, or the first after memory pressure) the direction stays.
 * 3. The size then steps once in that direction: x2 to grow, ÷2 to shrink,
 *    clamped to [min, max] (at a bound it stays and keeps measuring).
 *
 * It starts at `initial`, growing. Decisions depend only on the recorded
 * samples and the memory readings, never on a clock, so scripted samples give
 * scripted sizes. Batch size never changes which rows are written, only how
 * they are cut into batches.
 *
 * @example
 * ```ts
 * const sizer = BatchSizer.fromChoice(resolveBatchRows(flags.batchRows));
 * logger.info(`batches: ${sizer.describe()}`); // 'batches: adaptive, 16,384 rows'
 * for (const batch of rebatch(day.batches, sizer.rows())) {
 *   const started = performance.now();
 *   await sink.write(batch);
 *   sizer.record({ rows: batch.length, seconds: (performance.now() - started) / 1000 });
 * }
 * ```
 */
export class BatchSizer {
  /** Smallest and largest adaptive size. */
  readonly min: number;
  readonly max: number;
  /** The fixed size, or undefined when adaptive. */
  readonly fixed: number | undefined;
  private readonly fixedSource: string | undefined;
  private readonly memoryBudgetBytes: number;
  private readonly memoryInUse: () => number;
  private readonly windowSamples: number;
  private size: number;
  private direction: Direction = 'grow';
  /** Throughput (rows/s) of the previous window; undefined when there is no baseline. */
  private previousThroughput: number | undefined;
  private overBudget = false;
  private windowRows = 0;
  private windowSeconds = 0;
  private windowCount = 0;

  /**
   * @throws RangeError when a size is not a whole number >= 1, `min` > `max`,
   *   the budget is not a positive number or `windowSamples` not a whole number >= 1.
   */
  constructor(options: BatchSizerOptions = {}) {
    this.min = wholeNumber('min', options.min ?? 1_000);
    this.max = wholeNumber('max', options.max ?? 100_000);
    if (this.min > this.max) throw new RangeError(`BatchSizer: min (${this.min}) is above max (${this.max})`);
    this.fixed = options.fixed === undefined ? undefined : wholeNumber('fixed', options.fixed);
    this.fixedSource = options.fixedSource;
    this.size = Math.min(this.max, Math.max(this.min, wholeNumber('initial', options.initial ?? 16_384)));
    this.memoryBudgetBytes = options.memoryBudgetBytes ?? defaultMemoryBudgetBytes;
    if (!(this.memoryBudgetBytes > 0) || !Number.isFinite(this.memoryBudgetBytes)) {
      throw new RangeError(`BatchSizer: memoryBudgetBytes must be a positive number of bytes, got ${this.memoryBudgetBytes}`);
    }
    this.memoryInUse = options.memoryInUse ?? (() => process.memoryUsage().rss);
    this.windowSamples = wholeNumber('windowSamples', options.windowSamples ?? 8);
  }

  /**
   * A sizer for a resolved `--batch-rows` / `RETAIL_BATCH_ROWS` choice: fixed
   * (with its source) or adaptive with `options`.
   *
   * @example
   * ```ts
   * BatchSizer.fromChoice({ mode: 'fixed', rows: 5_000, source: '--batch-rows' }).describe(); // 'fixed, 5,000 rows (--batch-rows)'
   * BatchSizer.fromChoice({ mode: 'adaptive' }).rows(); // 16384
   * ```
   */
  static fromChoice(choice: BatchRowsChoice, options: Omit<BatchSizerOptions, 'fixed' | 'fixedSource'> = {}): BatchSizer {
    return choice.mode === 'fixed' ? new BatchSizer({ ...options, fixed: choice.rows, fixedSource: choice.source }) : new BatchSizer(options);
  }

  /**
   * The batch size to use now.
   *
   * @example
   * ```ts
   * new BatchSizer().rows(); // 16384
   * new BatchSizer({ fixed: 5_000 }).rows(); // 5000
   * ```
   */
  rows(): number {
    return this.fixed ?? this.size;
  }

  /**
   * Records one measured sink write; every `windowSamples` samples the size
   * may change (see the class comment). Ignored when the size is fixed.
   *
   * @throws RangeError when `rows` is not a whole number >= 0 or `seconds` not a finite number >= 0.
   *
   * @example
   * ```ts
   * sizer.record({ rows: 16_384, seconds: 0.012 });
   * ```
   */
  record(sample: BatchWriteSample): void {
    if (!Number.isSafeInteger(sample.rows) || sample.rows < 0) throw new RangeError(`BatchSizer.record: rows must be a whole number >= 0, got ${sample.rows}`);
    if (!Number.isFinite(sample.seconds) || sample.seconds < 0) throw new RangeError(`BatchSizer.record: seconds must be a finite number >= 0, got ${sample.seconds}`);
    if (this.fixed !== undefined) return;
    this.windowRows += sample.rows;
    this.windowSeconds += sample.seconds;
    this.windowCount++;
    if (this.windowCount < this.windowSamples) return;
    const throughput = this.windowSeconds > 0 ? this.windowRows / this.windowSeconds : this.windowRows > 0 ? Number.POSITIVE_INFINITY : 0;
    this.windowRows = 0;
    this.windowSeconds = 0;
    this.windowCount = 0;
    this.decide(throughput);
  }

  /**
   * The sizing for logs: `adaptive, 16,384 rows`, `adaptive, 8,192 rows (memory over budget)`
   * or `fixed, 5,000 rows (--batch-rows)`.
   *
   * @example
   * ```ts
   * new BatchSizer({ fixed: 5_000, fixedSource: 'RETAIL_BATCH_ROWS' }).describe(); // 'fixed, 5,000 rows (RETAIL_BATCH_ROWS)'
   * ```
   */
  describe(): string {
    if (this.fixed !== undefined) return `fixed, ${formatCount(this.fixed)} rows${this.fixedSource === undefined ? '' : ` (${this.fixedSource})`}`;
    return `adaptive, ${formatCount(this.size)} rows${this.overBudget ? ' (memory over budget)' : ''}`;
  }

  private decide(throughput: number): void {
    if (this.memoryInUse() > this.memoryBudgetBytes) {
      this.overBudget = true;
      this.direction = 'shrink';
      this.previousThroughput = undefined;
      this.size = Math.max(this.min, Math.floor(this.size / 2));
      return;
    }
    this.overBudget = false;
    if (this.previousThroughput !== undefined && throughput < this.previousThroughput) {
      this.direction = this.direction === 'grow' ? 'shrink' : 'grow';
    }
    this.previousThroughput = throughput;
    this.size = this.direction === 'grow' ? Math.min(this.max, this.size * 2) : Math.max(this.min, Math.floor(this.size / 2));
  }
}

function wholeNumber(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`BatchSizer: ${name} must be a whole number >= 1, got ${value}`);
  return value;
}
