import { ProgressError } from './progress-error.js';

/**
 * A position in a job measured in days and hours: `day` from 1 to the
 * tracker's `days`, `hour` from 0 to 23.
 *
 * @example
 * ```ts
 * const position: DayHour = { day: 12, hour: 17 };
 * ```
 */
export interface DayHour {
  day: number;
  hour: number;
}

/**
 * The completion of one table.
 *
 * @example
 * ```ts
 * const progress: TableHourProgress = { table: 'sales', completedHours: 36, totalHours: 48, fraction: 0.75 };
 * ```
 */
export interface TableHourProgress {
  table: string;
  completedHours: number;
  totalHours: number;
  /** completedHours / totalHours, 0 to 1. */
  fraction: number;
}

/**
 * A plain-data picture of an {@link HourlyProgressTracker}.
 *
 * @example
 * ```ts
 * const view = tracker.snapshot();
 * console.log(`${(view.overall * 100).toFixed(1)}%`, view.inProgress.join(', '), view.current);
 * ```
 */
export interface HourlyProgressSnapshot {
  days: number;
  tables: TableHourProgress[];
  /** Mean of the tables' fractions, 0 to 1. */
  overall: number;
  /** Tables that have started and not finished (0 < fraction < 1), in creation order. */
  inProgress: string[];
  /** The furthest hour completed by any table; undefined before the first. */
  current: DayHour | undefined;
}

/**
 * The saved form of an {@link HourlyProgressTracker}: for each table, the
 * completed hours as `day * 24 + hour - 24` offsets, ascending.
 *
 * @example
 * ```ts
 * const saved: HourlyProgressState = { version: 1, days: 2, tables: { sales: [0, 1, 2] } };
 * HourlyProgressTracker.restore(saved).tableProgress('sales'); // 3 / 48
 * ```
 */
export interface HourlyProgressState {
  version: 1;
  days: number;
  tables: Record<string, number[]>;
}

/**
 * What an {@link HourlyProgressTracker} covers.
 *
 * @example
 * ```ts
 * const options: HourlyProgressTrackerOptions = { tables: ['sales', 'inventory'], days: 30 };
 * ```
 */
export interface HourlyProgressTrackerOptions {
  /** The tables (or any named streams of work), at least one, unique. */
  tables: readonly string[];
  /** How many days the job covers, at least 1. Days are numbered 1..days. */
  days: number;
}

/**
 * Completion per table, per day, per hour. Marking an hour twice changes
 * nothing, so updates may repeat and arrive in any order (e.g. from several
 * worker threads; see {@link listenForProgress}). Every result depends only on
 * the set of hours marked, never on their order.
 *
 * @example
 * ```ts
 * const tracker = new HourlyProgressTracker({ tables: ['sales', 'inventory'], days: 2 });
 * tracker.markDay('sales', 1); // 24 hours
 * tracker.markHour('inventory', 1, 0);
 * tracker.tableProgress('sales'); // 0.5 (24 of 48 hours)
 * tracker.overallProgress(); // (0.5 + 1/48) / 2
 * tracker.tablesInProgress(); // ['sales', 'inventory']
 * tracker.current(); // { day: 1, hour: 23 }
 * tracker.markHour('sales', 3, 0); // throws ProgressError PROGRESS_DAY_OUT_OF_RANGE
 * ```
 */
export class HourlyProgressTracker {
  readonly days: number;
  readonly tables: readonly string[];
  readonly #hours = new Map<string, Uint8Array>();
  readonly #completed = new Map<string, number>();
  #furthest = -1;

  constructor(options: HourlyProgressTrackerOptions) {
    if (!Number.isInteger(options.days) || options.days < 1) {
      throw new ProgressError({ code: 'PROGRESS_INVALID_ARGUMENT', message: `days: got ${String(options.days)}; expected an integer >= 1` });
    }
    if (options.tables.length === 0) throw new ProgressError({ code: 'PROGRESS_INVALID_ARGUMENT', message: 'tables: got none; expected at least one table name' });
    for (const table of options.tables) {
      if (typeof table !== 'string' || table === '') throw new ProgressError({ code: 'PROGRESS_INVALID_ARGUMENT', message: `tables: got ${JSON.stringify(table)}; expected non-empty names` });
      if (this.#hours.has(table)) throw new ProgressError({ code: 'PROGRESS_INVALID_ARGUMENT', message: `tables: ${JSON.stringify(table)} is listed twice` });
      this.#hours.set(table, new Uint8Array(options.days * 24));
      this.#completed.set(table, 0);
    }
    this.days = options.days;
    this.tables = Object.freeze([...options.tables]);
  }

  /**
   * Marks one hour of one table complete. Idempotent.
   *
   * @example
   * ```ts
   * tracker.markHour('sales', 12, 17); // day 12, 17:00-17:59
   * ```
   */
  markHour(table: string, day: number, hour: number): void {
    const hours = this.#hoursOf(table);
    this.#checkDay(day);
    this.#checkHour(hour);
    this.#mark(table, hours, (day - 1) * 24 + hour);
  }

  /**
   * Marks all 24 hours of a day of one table complete. Idempotent.
   *
   * @example
   * ```ts
   * tracker.markDay('inventory', 12);
   * ```
   */
  markDay(table: string, day: number): void {
    const hours = this.#hoursOf(table);
    this.#checkDay(day);
    for (let hour = 0; hour < 24; hour++) this.#mark(table, hours, (day - 1) * 24 + hour);
  }

  /**
   * True when that hour of that table is complete.
   *
   * @example
   * ```ts
   * tracker.isComplete('sales', 12, 17); // true after markHour('sales', 12, 17)
   * ```
   */
  isComplete(table: string, day: number, hour: number): boolean {
    const hours = this.#hoursOf(table);
    this.#checkDay(day);
    this.#checkHour(hour);
    return hours[(day - 1) * 24 + hour] === 1;
  }

  /**
   * Completed hours / (days x 24) of one table, 0 to 1.
   *
   * @example
   * ```ts
   * tracker.tableProgress('sales'); // 0.25
   * ```
   */
  tableProgress(table: string): number {
    this.#hoursOf(table);
    return (this.#completed.get(table) ?? 0) / (this.days * 24);
  }

  /**
   * The mean of the tables' progress, 0 to 1.
   *
   * @example
   * ```ts
   * tracker.overallProgress(); // 0.5 when one of two tables is done
   * ```
   */
  overallProgress(): number {
    let sum = 0;
    for (const table of this.tables) sum += this.tableProgress(table);
    return sum / this.tables.length;
  }

  /**
   * Tables started and not finished (0 < progress < 1), in creation order.
   *
   * @example
   * ```ts
   * tracker.tablesInProgress(); // ['inventory']
   * ```
   */
  tablesInProgress(): string[] {
    return this.tables.filter((table) => {
      const completed = this.#completed.get(table) ?? 0;
      return completed > 0 && completed < this.days * 24;
    });
  }

  /**
   * The furthest hour any table has completed, or undefined before the first.
   *
   * @example
   * ```ts
   * tracker.current(); // { day: 12, hour: 17 }
   * ```
   */
  current(): DayHour | undefined {
    if (this.#furthest < 0) return undefined;
    return { day: Math.floor(this.#furthest / 24) + 1, hour: this.#furthest % 24 };
  }

  /**
   * Forgets every completed hour.
   *
   * @example
   * ```ts
   * tracker.reset();
   * tracker.overallProgress(); // 0
   * ```
   */
  reset(): void {
    for (const table of this.tables) {
      this.#hours.get(table)?.fill(0);
      this.#completed.set(table, 0);
    }
    this.#furthest = -1;
  }

  /**
   * Everything at once, as plain data.
   *
   * @example
   * ```ts
   * const { overall, inProgress, current } = tracker.snapshot();
   * ```
   */
  snapshot(): HourlyProgressSnapshot {
    const tables = this.tables.map((table) => {
      const completedHours = this.#completed.get(table) ?? 0;
      return { table, completedHours, totalHours: this.days * 24, fraction: completedHours / (this.days * 24) };
    });
    return { days: this.days, tables, overall: this.overallProgress(), inProgress: this.tablesInProgress(), current: this.current() };
  }

  /**
   * The saved form, for a resumed job to continue from.
   *
   * @example
   * ```ts
   * await writeFile('progress.json', JSON.stringify(tracker));
   * ```
   */
  toJSON(): HourlyProgressState {
    const tables: Record<string, number[]> = {};
    for (const table of this.tables) {
      const done: number[] = [];
      const hours = this.#hours.get(table) as Uint8Array;
      for (let offset = 0; offset < hours.length; offset++) if (hours[offset] === 1) done.push(offset);
      tables[table] = done;
    }
    return { version: 1, days: this.days, tables };
  }

  /**
   * Rebuilds a tracker from {@link HourlyProgressTracker.toJSON}. Throws
   * `PROGRESS_RESUME_MISMATCH` when the saved data is not a tracker state.
   *
   * @example
   * ```ts
   * const tracker = HourlyProgressTracker.restore(JSON.parse(await readFile('progress.json', 'utf8')));
   * ```
   */
  static restore(state: HourlyProgressState): HourlyProgressTracker {
    if (typeof state !== 'object' || state === null || state.version !== 1 || typeof state.tables !== 'object' || state.tables === null) {
      throw new ProgressError({ code: 'PROGRESS_RESUME_MISMATCH', message: 'saved hourly progress: expected { version: 1, days, tables }' });
    }
    const tracker = new HourlyProgressTracker({ tables: Object.keys(state.tables), days: state.days });
    for (const [table, offsets] of Object.entries(state.tables)) {
      for (const offset of offsets) {
        if (!Number.isInteger(offset) || offset < 0 || offset >= state.days * 24) {
          throw new ProgressError({ code: 'PROGRESS_RESUME_MISMATCH', message: `saved hourly progress of ${JSON.stringify(table)}: hour offset ${String(offset)} is outside 0..${state.days * 24 - 1}` });
        }
        tracker.markHour(table, Math.floor(offset / 24) + 1, offset % 24);
      }
    }
    return tracker;
  }

  #hoursOf(table: string): Uint8Array {
    const hours = this.#hours.get(table);
    if (!hours) {
      throw new ProgressError({ code: 'PROGRESS_UNKNOWN_TABLE', message: `table: got ${JSON.stringify(table)}; expected one of ${this.tables.join(', ')}` });
    }
    return hours;
  }

  #checkDay(day: number): void {
    if (!Number.isInteger(day) || day < 1 || day > this.days) {
      throw new ProgressError({ code: 'PROGRESS_DAY_OUT_OF_RANGE', message: `day: got ${String(day)}; expected an integer from 1 to ${this.days}` });
    }
  }

  #checkHour(hour: number): void {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
      throw new ProgressError({ code: 'PROGRESS_HOUR_OUT_OF_RANGE', message: `hour: got ${String(hour)}; expected an integer from 0 to 23` });
    }
  }

  #mark(table: string, hours: Uint8Array, offset: number): void {
    if (hours[offset] === 1) return;
    hours[offset] = 1;
    this.#completed.set(table, (this.#completed.get(table) ?? 0) + 1);
    if (offset > this.#furthest) this.#furthest = offset;
  }
}
