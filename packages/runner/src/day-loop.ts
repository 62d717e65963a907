import { isoDateOf, type ColumnBatch, type FactEngine } from '@retail-datagen/generator-core';
import type { ProgressJob } from '@retail-datagen/progress';
import type { UnitExecutor } from './workers/unit-executor.js';

/** One generated day, handed to the writer in day order. */
export interface GeneratedDay {
  readonly dayNumber: number;
  readonly date: string;
  /** 1-based index of the day in the run. */
  readonly day: number;
  readonly days: number;
  /** The day's batches of the written tables, in commit order. */
  readonly batches: readonly ColumnBatch[];
  /** The engine state after the day, when asked for (`snapshot`). */
  readonly state: Uint8Array | undefined;
}

export interface DayLoopInput {
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
  /** Writes a day (called in day order, one at a time); the day counts as done when it resolves. */
  readonly write: (day: GeneratedDay) => Promise<void>;
}

/** Days whose batches may wait for their write while later days are generated. */
const maxPendingWrites = 2;

/**
 * Generates days `firstDay..lastDay` (store phase on the executor, chain
 * phase here) and writes them in order while later days are generated;
 * generation waits only when `maxPendingWrites` days are queued, which bounds
 * the batches held in memory. Stops at a day boundary when the signal aborts:
 * the day being generated is dropped, queued days are written. Resolves with
 * the last day written (day index), or rejects with the first write's failure.
 */
export async function runDayLoop(input: DayLoopInput): Promise<number> {
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
    while (pending.length >= maxPendingWrites) await pending.shift();
    writing = writing.then(async () => {
      await input.write({ dayNumber, date, day, days, batches, state });
      lastWritten = day;
    });
    // Handled when awaited; this keeps a failure from being reported as unhandled meanwhile.
    writing.catch(() => undefined);
    pending.push(writing);
  }
  await writing;
  return lastWritten;
}
