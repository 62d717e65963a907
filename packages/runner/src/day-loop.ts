import { isoDateOf, type ColumnBatch, type FactEngine, type UnitResult } from '@retail-datagen/generator-core';
import type { ProgressJob } from '@retail-datagen/progress';
import { rebatch, type BatchSizer } from './batching/index.js';
import type { UnitExecutor } from './workers/unit-executor.js';

/** One generated day, handed to the writer in day order. */
export interface GeneratedDay<Prepared> {
  readonly dayNumber: number;
  readonly date: string;
  /** 1-based index of the day in the run. */
  readonly day: number;
  readonly days: number;
  /** Rows of the day by written table, in commit order. */
  readonly rows: ReadonlyMap<string, number>;
  /** The day's batches of the written tables, as `prepare` made them ready for the sink. */
  readonly prepared: Prepared;
  /** The engine state after the day, when asked for (`snapshot`). */
  readonly state: Uint8Array | undefined;
  /**
   * Call once the sink has taken the day and only waits (DuckDB: the commit
   * is running): the next queued day is prepared meanwhile, off the path that
   * sets the pace. Optional; not calling it prepares the next day when its
   * write starts.
   */
  readonly prepareNext: () => void;
}

export interface DayLoopInput<Prepared> {
  readonly engine: FactEngine;
  readonly executor: UnitExecutor;
  /** First day to generate, and the last. */
  readonly firstDay: number;
  readonly lastDay: number;
  /** First day of the run: days are numbered from it. */
  readonly runFirstDay: number;
  /** Tables whose batches are written; the others are simulated only. */
  readonly written: ReadonlySet<string>;
  /**
   * Cuts each day's batches to its size before `prepare` (the sink sees
   * batches of that many rows per table) and learns from each day's
   * preparing and writing time.
   */
  readonly batchSizer: BatchSizer;
  /**
   * Merge a table's small batches up to the size (default true: files get
   * batches, row groups, of that size). False only cuts larger ones: for a
   * sink that packs rows itself, where merging would only copy.
   */
  readonly mergeBatches?: boolean;
  /** Encodes the engine state after each day, for a checkpoint that commits with it. */
  readonly snapshot?: (engine: FactEngine) => Uint8Array;
  readonly progress?: ProgressJob;
  readonly signal?: AbortSignal;
  /**
   * Makes a day's batches (of the written tables, in commit order, cut by
   * the batch sizer) ready for the sink: the part of writing that needs no
   * sink, run while the day before commits when its writer calls
   * `prepareNext`.
   */
  readonly prepare: (batches: readonly ColumnBatch[]) => Prepared;
  /** Gives up what `prepare` made for a day whose write failed, or will not happen because an earlier one failed. */
  readonly discard?: (prepared: Prepared) => void;
  /** Writes a day (called in day order, one at a time); the day counts as done when it resolves. */
  readonly write: (day: GeneratedDay<Prepared>) => Promise<void>;
}

/** Days whose batches may wait for their write while later days are generated. */
const maxPendingWrites = 2;

/** A generated day waiting for its write; its batches become `prepared` just before (or during the write before). */
interface QueuedDay<Prepared> {
  readonly dayNumber: number;
  readonly date: string;
  readonly day: number;
  readonly rows: ReadonlyMap<string, number>;
  readonly state: Uint8Array | undefined;
  batches: readonly ColumnBatch[] | undefined;
  prepared?: { readonly value: Prepared } | { readonly error: unknown };
  /** Milliseconds `prepare` took (for the batch sizer). */
  preparingTime: number;
}

/**
 * Generates days `firstDay..lastDay` (store phase on the executor, chain
 * phase here) and writes them in order while later days are generated;
 * generation waits only when `maxPendingWrites` days are queued, which bounds
 * the batches held in memory. A day is prepared for its sink at the latest
 * when its write starts, and earlier when the write before calls
 * `prepareNext` (while its commit runs): at most two days are prepared at
 * once. Stops at a day boundary when the signal aborts: the day being
 * generated is dropped, queued days are written. Resolves with the last day
 * written (day index), or rejects with the first failure.
 */
export async function runDayLoop<Prepared>(input: DayLoopInput<Prepared>): Promise<number> {
  const { engine, executor, progress, signal } = input;
  const units = engine.partitions.length;
  const days = input.lastDay - input.runFirstDay + 1;
  let lastWritten = input.firstDay - input.runFirstDay;
  let writing: Promise<void> = Promise.resolve();
  const pending: Promise<void>[] = [];
  /** Generated days whose write has not started, in day order. */
  const queue: QueuedDay<Prepared>[] = [];
  /** True while a write waits for its sink after calling `prepareNext` (the main thread is free). */
  let sinkBusy = false;

  const prepare = (queued: QueuedDay<Prepared>): void => {
    if (queued.prepared !== undefined) return;
    // Measured for the batch sizer only: no row depends on it.
    const started = performance.now();
    try {
      queued.prepared = { value: input.prepare(rebatch(queued.batches ?? [], input.batchSizer.rows(), { merge: input.mergeBatches ?? true })) };
    } catch (error) {
      queued.prepared = { error };
    }
    queued.batches = undefined;
    queued.preparingTime = performance.now() - started;
  };
  const prepareNext = (): void => {
    sinkBusy = true;
    const next = queue[0];
    if (next !== undefined) prepare(next);
  };
  const discard = (queued: QueuedDay<Prepared>): void => {
    if (queued.prepared !== undefined && 'value' in queued.prepared) input.discard?.(queued.prepared.value);
  };

  const write = async (queued: QueuedDay<Prepared>): Promise<void> => {
    queue.shift();
    prepare(queued);
    const prepared = queued.prepared as { readonly value: Prepared } | { readonly error: unknown };
    if ('error' in prepared) throw prepared.error;
    const writeStart = performance.now();
    try {
      await input.write({ dayNumber: queued.dayNumber, date: queued.date, day: queued.day, days, rows: queued.rows, prepared: prepared.value, state: queued.state, prepareNext });
    } catch (error) {
      discard(queued);
      throw error;
    } finally {
      sinkBusy = false;
    }
    input.batchSizer.record({ rows: sumOf(queued.rows), seconds: (queued.preparingTime + performance.now() - writeStart) / 1000 });
    lastWritten = queued.day;
  };

  /** Starts a day's store phase (its chain start first); resolves with the chain start and the units' results. */
  const startDay = (dayNumber: number): Promise<{ chainStart: ColumnBatch[]; results: UnitResult[] }> => {
    const day = dayNumber - input.runFirstDay + 1;
    const date = isoDateOf(dayNumber);
    const chainStart = engine.startDay(dayNumber);
    let unitsDone = 0;
    const results = executor.runUnits(engine, dayNumber, () => {
      unitsDone++;
      progress?.advance(1, `day ${day}/${days} ${date}: store partitions ${unitsDone}/${units}`);
    });
    return results.then((done) => ({ chainStart, results: done }));
  };

  let generating = input.firstDay <= input.lastDay && !signal?.aborted ? startDay(input.firstDay) : undefined;
  for (let dayNumber = input.firstDay; generating !== undefined; dayNumber++) {
    const day = dayNumber - input.runFirstDay + 1;
    const date = isoDateOf(dayNumber);
    const { chainStart, results } = await generating;
    generating = undefined;
    if (signal?.aborted) break;
    const chainEnd = engine.endDay(dayNumber, results);
    // The state after this day, taken before the next day changes it.
    const state = input.snapshot?.(engine);
    const batches = engine.assembleDay(dayNumber, chainStart, results, chainEnd).batches.filter((batch) => input.written.has(batch.table.name));
    const rows = new Map<string, number>();
    for (const batch of batches) rows.set(batch.table.name, (rows.get(batch.table.name) ?? 0) + batch.length);
    const queued: QueuedDay<Prepared> = { dayNumber, date, day, rows, state, batches, preparingTime: 0 };
    queue.push(queued);
    // Backpressure: at most `maxPendingWrites` days wait for the sink before the next day starts.
    while (pending.length >= maxPendingWrites) await pending.shift();
    writing = writing.then(
      () => write(queued),
      (error: unknown) => {
        discard(queued);
        throw error;
      },
    );
    // Handled when awaited; this keeps a failure from being reported as unhandled meanwhile.
    writing.catch(() => undefined);
    pending.push(writing);
    // The next day's store phase starts before this day is prepared, so that the workers do not wait for it.
    if (dayNumber < input.lastDay && !signal?.aborted) generating = startDay(dayNumber + 1);
    // The write before is waiting for its sink: prepare this one now, if it is the next.
    if (sinkBusy && queue[0] === queued) prepare(queued);
  }
  await writing;
  return lastWritten;
}

/** Rows of a day over all its tables. */
export function sumOf(rows: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const count of rows.values()) total += count;
  return total;
}
