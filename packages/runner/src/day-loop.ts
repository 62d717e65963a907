import { isoDateOf, type ColumnBatch, type FactEngine } from '@retail-datagen/generator-core';
import type { ProgressJob } from '@retail-datagen/progress';
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
  /** Encodes the engine state after each day, for a checkpoint that commits with it. */
  readonly snapshot?: (engine: FactEngine) => Uint8Array;
  readonly progress?: ProgressJob;
  readonly signal?: AbortSignal;
  /**
   * Makes a day's batches (of the written tables, in commit order) ready for
   * the sink as soon as the day is generated, while earlier days are still
   * being written: the part of writing that needs no sink.
   */
  readonly prepare: (batches: readonly ColumnBatch[]) => Prepared;
  /** Gives up what `prepare` made for a day whose write failed or will not happen (an earlier write failed). */
  readonly discard?: (prepared: Prepared) => void;
  /** Writes a day (called in day order, one at a time); the day counts as done when it resolves. */
  readonly write: (day: GeneratedDay<Prepared>) => Promise<void>;
}

/** Days whose batches may wait for their write while later days are generated. */
const maxPendingWrites = 2;

/**
 * Generates days `firstDay..lastDay` (store phase on the executor, chain
 * phase here), prepares each for its sink at once, and writes them in order
 * while later days are generated;
 * generation waits only when `maxPendingWrites` days are queued, which bounds
 * the batches held in memory. Stops at a day boundary when the signal aborts:
 * the day being generated is dropped, queued days are written. Resolves with
 * the last day written (day index), or rejects with the first write's failure.
 */
export async function runDayLoop<Prepared>(input: DayLoopInput<Prepared>): Promise<number> {
  const { engine, executor, progress, signal } = input;
  const units = engine.partitions.length;
  const days = input.lastDay - input.runFirstDay + 1;
  let lastWritten = input.firstDay - input.runFirstDay;
  let writing: Promise<void> = Promise.resolve();
  const pending: Promise<void>[] = [];
  for (let dayNumber = input.firstDay; dayNumber <= input.lastDay && !signal?.aborted; dayNumber++) {
    const day = dayNumber - input.runFirstDay + 1;
    const date = isoDateOf(dayNumber);
    const chainStart = engine.startDay(dayNumber);
    let unitsDone = 0;
    const results = await executor.runUnits(engine, dayNumber, () => {
      unitsDone++;
      progress?.advance(1, `day ${day}/${days} ${date}: store partitions ${unitsDone}/${units}`);
    });
    if (signal?.aborted) break;
    const chainEnd = engine.endDay(dayNumber, results);
    // The state after this day, taken before the next day changes it.
    const state = input.snapshot?.(engine);
    const batches = engine.assembleDay(dayNumber, chainStart, results, chainEnd).batches.filter((batch) => input.written.has(batch.table.name));
    const rows = new Map<string, number>();
    for (const batch of batches) rows.set(batch.table.name, (rows.get(batch.table.name) ?? 0) + batch.length);
    let prepared: Prepared;
    try {
      prepared = input.prepare(batches);
    } catch (error) {
      // A batch the sink cannot take: let the days already queued finish writing, then fail.
      await writing.catch(() => undefined);
      throw error;
    }
    while (pending.length >= maxPendingWrites) await pending.shift();
    writing = writing.then(
      async () => {
        try {
          await input.write({ dayNumber, date, day, days, rows, prepared, state });
        } catch (error) {
          input.discard?.(prepared);
          throw error;
        }
        lastWritten = day;
      },
      (error: unknown) => {
        input.discard?.(prepared);
        throw error;
      },
    );
    // Handled when awaited; this keeps a failure from being reported as unhandled meanwhile.
    writing.catch(() => undefined);
    pending.push(writing);
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
