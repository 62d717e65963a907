import { ProgressError, requireNumber } from './progress-error.js';

/**
 * One named part of a job and its share of the whole: a stage of weight 8
 * next to one of weight 2 is 80 % of the job. Weight defaults to 1.
 *
 * @example
 * ```ts
 * const stages: StageDefinition[] = [{ name: 'master data', weight: 1 }, { name: 'facts', weight: 8 }, { name: 'indexes', weight: 1 }];
 * ```
 */
export interface StageDefinition {
  name: string;
  weight?: number;
}

/**
 * Where a stage stands.
 *
 * @example
 * ```ts
 * const stage: StageProgress = { name: 'facts', weight: 8, fraction: 0.4, state: 'running' };
 * ```
 */
export interface StageProgress {
  name: string;
  weight: number;
  /** 0 to 1; never goes down. */
  fraction: number;
  state: 'pending' | 'running' | 'done';
}

/**
 * What a job has produced so far: rows per table and items processed.
 *
 * @example
 * ```ts
 * const counts: ProgressCounts = { items: 12, rows: { sales: 40_000, inventory: 9_000 }, totalRows: 49_000 };
 * ```
 */
export interface ProgressCounts {
  items: number;
  rows: Record<string, number>;
  totalRows: number;
}

/**
 * The saved form of a {@link StagedProgress}.
 *
 * @example
 * ```ts
 * const saved: StagedProgressState = staged.toJSON();
 * const resumed = StagedProgress.restore(stages, saved);
 * ```
 */
export interface StagedProgressState {
  version: 1;
  stages: { name: string; fraction: number; done: boolean }[];
  current: string | undefined;
  stageTotal: number | undefined;
  stageDone: number;
  step: string;
  percent: number;
  items: number;
  rows: Record<string, number>;
}

/**
 * Named weighted stages mapped to one 0-100 % figure that never goes
 * backwards, with the current step and counts. Stages run in the order
 * given: starting one completes those before it (so a skipped stage counts
 * as done).
 *
 * @example
 * ```ts
 * const staged = new StagedProgress([{ name: 'master data', weight: 1 }, { name: 'facts', weight: 8 }, { name: 'export', weight: 1 }]);
 * staged.startStage('master data');
 * staged.addRows('stores', 200);
 * staged.startStage('facts', { total: 30 }); // master data is done: 10 %
 * staged.advance(12, 'day 12/30 2024-01-12: stores 40/200'); // 10 + 80 * 12/30 = 42 %
 * staged.percent; // 42
 * staged.finish(); // 100
 * ```
 */
export class StagedProgress {
  readonly stages: readonly Readonly<Required<StageDefinition>>[];
  readonly #totalWeight: number;
  readonly #fractions: number[];
  readonly #done: boolean[];
  #current = -1;
  #stageTotal: number | undefined;
  #stageDone = 0;
  #step = '';
  #percent = 0;
  #items = 0;
  readonly #rows = new Map<string, number>();

  constructor(stages: readonly StageDefinition[]) {
    if (stages.length === 0) throw new ProgressError({ code: 'PROGRESS_INVALID_ARGUMENT', message: 'stages: got none; expected at least one stage' });
    const seen = new Set<string>();
    this.stages = Object.freeze(
      stages.map((stage) => {
        if (typeof stage.name !== 'string' || stage.name === '') throw new ProgressError({ code: 'PROGRESS_INVALID_ARGUMENT', message: `stage name: got ${JSON.stringify(stage.name)}; expected a non-empty string` });
        if (seen.has(stage.name)) throw new ProgressError({ code: 'PROGRESS_INVALID_ARGUMENT', message: `stage ${JSON.stringify(stage.name)} is listed twice` });
        seen.add(stage.name);
        const weight = stage.weight ?? 1;
        if (!(weight > 0) || !Number.isFinite(weight)) throw new ProgressError({ code: 'PROGRESS_INVALID_ARGUMENT', message: `weight of stage ${JSON.stringify(stage.name)}: got ${String(weight)}; expected a finite number > 0` });
        return Object.freeze({ name: stage.name, weight });
      }),
    );
    this.#totalWeight = this.stages.reduce((sum, stage) => sum + stage.weight, 0);
    this.#fractions = this.stages.map(() => 0);
    this.#done = this.stages.map(() => false);
  }

  /** 0 to 100, never lower than any value it had before. */
  get percent(): number {
    return this.#percent;
  }

  /** The running stage, or undefined before the first starts and after finish. */
  get currentStage(): string | undefined {
    return this.stages[this.#current]?.name;
  }

  /** The current step, e.g. `day 12/30 2024-01-12: stores 40/200`. */
  get step(): string {
    return this.#step;
  }

  /** True once every stage is complete. */
  get finished(): boolean {
    return this.#done.every(Boolean);
  }

  /**
   * Starts a stage, completing every stage before it. `total` sets the units
   * {@link StagedProgress.advance} counts against. Starting an earlier stage
   * again is refused (progress never goes back).
   *
   * @example
   * ```ts
   * staged.startStage('facts', { total: days });
   * ```
   */
  startStage(name: string, options: { total?: number; step?: string } = {}): void {
    const index = this.#indexOf(name);
    if (index < this.#current || this.#done[index]) {
      throw new ProgressError({ code: 'PROGRESS_INVALID_ARGUMENT', message: `stage ${JSON.stringify(name)} cannot start again: stages run once, in order (${this.stages.map((stage) => stage.name).join(', ')})` });
    }
    if (options.total !== undefined) requireNumber('total', options.total, { min: 0 });
    for (let earlier = 0; earlier < index; earlier++) this.#complete(earlier);
    this.#current = index;
    this.#stageTotal = options.total;
    this.#stageDone = 0;
    this.#step = options.step ?? '';
    this.#recompute();
  }

  /**
   * Counts `units` more of the current stage's total and optionally sets the
   * step text.
   *
   * @example
   * ```ts
   * staged.advance(1, `day ${day}/${days} ${date}`);
   * ```
   */
  advance(units = 1, step?: string): void {
    const index = this.#requireCurrent('advance');
    requireNumber('units', units, { min: 0 });
    if (this.#stageTotal === undefined) {
      throw new ProgressError({ code: 'PROGRESS_INVALID_ARGUMENT', message: `stage ${JSON.stringify(this.stages[index]?.name)} has no total: pass { total } to startStage, or use setStageFraction` });
    }
    this.#stageDone += units;
    if (step !== undefined) this.#step = step;
    this.#raise(index, this.#stageTotal === 0 ? 1 : this.#stageDone / this.#stageTotal);
  }

  /**
   * Sets the current stage's completion directly (0 to 1), e.g. from an
   * {@link HourlyProgressTracker}. A lower value than before is ignored.
   *
   * @example
   * ```ts
   * staged.setStageFraction(tracker.overallProgress());
   * ```
   */
  setStageFraction(fraction: number, step?: string): void {
    const index = this.#requireCurrent('setStageFraction');
    requireNumber('fraction', fraction, { min: 0 });
    if (step !== undefined) this.#step = step;
    this.#raise(index, fraction);
  }

  /**
   * Sets the step text shown beside the percent.
   *
   * @example
   * ```ts
   * staged.setStep('day 12/30 2024-01-12: stores 40/200');
   * ```
   */
  setStep(step: string): void {
    this.#step = step;
  }

  /**
   * Marks a stage (default: the current one) complete.
   *
   * @example
   * ```ts
   * staged.completeStage('indexes');
   * ```
   */
  completeStage(name?: string): void {
    const index = name === undefined ? this.#requireCurrent('completeStage') : this.#indexOf(name);
    this.#complete(index);
    if (index === this.#current) this.#current = -1;
    this.#recompute();
  }

  /**
   * Completes every stage: 100 %.
   *
   * @example
   * ```ts
   * staged.finish();
   * staged.percent; // 100
   * ```
   */
  finish(): void {
    for (let index = 0; index < this.stages.length; index++) this.#complete(index);
    this.#current = -1;
    this.#recompute();
  }

  /**
   * Adds rows written to a table.
   *
   * @example
   * ```ts
   * staged.addRows('sales', batch.length);
   * ```
   */
  addRows(table: string, rows: number): void {
    requireNumber(`rows of ${table}`, rows, { min: 0 });
    this.#rows.set(table, (this.#rows.get(table) ?? 0) + rows);
  }

  /**
   * Adds processed items (units of work: days, files, requests...).
   *
   * @example
   * ```ts
   * staged.addItems(1);
   * ```
   */
  addItems(items: number): void {
    requireNumber('items', items, { min: 0 });
    this.#items += items;
  }

  /**
   * The counts so far.
   *
   * @example
   * ```ts
   * staged.counts(); // { items: 12, rows: { sales: 40000 }, totalRows: 40000 }
   * ```
   */
  counts(): ProgressCounts {
    const rows: Record<string, number> = {};
    let totalRows = 0;
    for (const [table, count] of this.#rows) {
      rows[table] = count;
      totalRows += count;
    }
    return { items: this.#items, rows, totalRows };
  }

  /**
   * Every stage with its fraction and state.
   *
   * @example
   * ```ts
   * staged.stageProgress(); // [{ name: 'master data', weight: 1, fraction: 1, state: 'done' }, ...]
   * ```
   */
  stageProgress(): StageProgress[] {
    return this.stages.map((stage, index) => ({
      name: stage.name,
      weight: stage.weight,
      fraction: this.#fractions[index] as number,
      state: this.#done[index] ? 'done' : index === this.#current ? 'running' : 'pending',
    }));
  }

  /**
   * The saved form, to continue after a restart.
   *
   * @example
   * ```ts
   * const saved = JSON.stringify(staged);
   * ```
   */
  toJSON(): StagedProgressState {
    return {
      version: 1,
      stages: this.stages.map((stage, index) => ({ name: stage.name, fraction: this.#fractions[index] as number, done: this.#done[index] as boolean })),
      current: this.currentStage,
      stageTotal: this.#stageTotal,
      stageDone: this.#stageDone,
      step: this.#step,
      percent: this.#percent,
      items: this.#items,
      rows: this.counts().rows,
    };
  }

  /**
   * Rebuilds staged progress from its saved form, for the same stages. The
   * percent and the counts continue where they were. Throws
   * `PROGRESS_RESUME_MISMATCH` when the saved stages differ.
   *
   * @example
   * ```ts
   * const staged = StagedProgress.restore(stages, JSON.parse(saved));
   * staged.percent; // as it was when saved
   * ```
   */
  static restore(stages: readonly StageDefinition[], state: StagedProgressState): StagedProgress {
    const staged = new StagedProgress(stages);
    const expected = staged.stages.map((stage) => stage.name).join(', ');
    const saved = Array.isArray(state?.stages) ? state.stages.map((stage) => stage.name).join(', ') : '';
    if (state?.version !== 1 || saved !== expected) {
      throw new ProgressError({ code: 'PROGRESS_RESUME_MISMATCH', message: `saved progress has stages [${saved}]; this job has [${expected}]` });
    }
    state.stages.forEach((stage, index) => {
      staged.#fractions[index] = Math.min(1, Math.max(0, stage.fraction));
      staged.#done[index] = stage.done;
    });
    staged.#current = state.current === undefined ? -1 : staged.#indexOf(state.current);
    staged.#stageTotal = state.stageTotal;
    staged.#stageDone = state.stageDone;
    staged.#step = state.step;
    staged.#items = state.items;
    for (const [table, rows] of Object.entries(state.rows)) staged.#rows.set(table, rows);
    staged.#percent = Math.min(100, Math.max(0, state.percent));
    staged.#recompute();
    return staged;
  }

  #indexOf(name: string): number {
    const index = this.stages.findIndex((stage) => stage.name === name);
    if (index < 0) {
      throw new ProgressError({ code: 'PROGRESS_UNKNOWN_STAGE', message: `stage: got ${JSON.stringify(name)}; expected one of ${this.stages.map((stage) => stage.name).join(', ')}` });
    }
    return index;
  }

  #requireCurrent(action: string): number {
    if (this.#current < 0) throw new ProgressError({ code: 'PROGRESS_INVALID_ARGUMENT', message: `${action}: no stage is running; call startStage first` });
    return this.#current;
  }

  #complete(index: number): void {
    this.#fractions[index] = 1;
    this.#done[index] = true;
  }

  #raise(index: number, fraction: number): void {
    const clamped = Math.min(1, fraction);
    if (clamped > (this.#fractions[index] as number)) this.#fractions[index] = clamped;
    this.#recompute();
  }

  #recompute(): void {
    let weighted = 0;
    this.stages.forEach((stage, index) => {
      weighted += stage.weight * (this.#fractions[index] as number);
    });
    // Rounding can put the sum of full stages a hair off 100; a finished job is exactly 100.
    const percent = this.#done.every(Boolean) ? 100 : Math.min(100, (weighted / this.#totalWeight) * 100);
    if (percent > this.#percent) this.#percent = percent;
  }
}
