import { createColumnBatch, type ColumnBatch, type FactEngine, type UnitResult } from '@retail-datagen/generator-core';
import { defineTable } from '@retail-datagen/models';
import { describe, expect, it } from 'vitest';
import { BatchSizer } from './batching/index.js';
import { runDayLoop } from './day-loop.js';
import { inlineExecutor } from './workers/unit-executor.js';

const events = defineTable({
  name: 'FactEvents',
  kind: 'fact',
  description: 'test',
  primaryKey: ['EventID'],
  fields: [{ name: 'EventID', type: 'int32' }],
});

/** An engine whose every day is three batches of events (5, 7 and 1 rows) from two store partitions and the chain. */
function eventEngine(): FactEngine {
  const batch = (dayNumber: number, size: number): ColumnBatch => createColumnBatch(events, size, { EventID: Int32Array.from({ length: size }, (_, index) => dayNumber * 100 + index) });
  return {
    partitions: [[0], [1]],
    startDay: (dayNumber: number) => [batch(dayNumber, 1)],
    runUnit: (dayNumber: number, partition: number): UnitResult => ({ partition, batches: [batch(dayNumber, partition === 0 ? 5 : 7)], summaries: new Map() }),
    endDay: () => [],
    assembleDay: (dayNumber: number, chainStart: readonly ColumnBatch[], units: readonly UnitResult[]) => ({ dayNumber, batches: [...chainStart, ...units.flatMap((unit) => unit.batches)] }),
  } as unknown as FactEngine;
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 5));

describe('runDayLoop', () => {
  it('writes every day in order, cut to the batch size, with at most two days prepared at once, the next one during the commit', async () => {
    const written: string[] = [];
    let live = 0;
    let mostLive = 0;
    const sizer = new BatchSizer({ fixed: 4 });
    const last = await runDayLoop({
      engine: eventEngine(),
      executor: inlineExecutor(),
      firstDay: 10,
      lastDay: 15,
      runFirstDay: 10,
      written: new Set(['fact_events']),
      batchSizer: sizer,
      mergeBatches: true,
      prepare: (batches) => {
        live++;
        mostLive = Math.max(mostLive, live);
        return batches.map((batch) => batch.length);
      },
      write: async ({ day, rows, prepared, prepareNext }) => {
        await tick(); // appending
        prepareNext();
        await tick(); // committing
        live--;
        written.push(`${day}:${rows.get('fact_events')}:${prepared.join('+')}`);
      },
    });
    expect(last).toBe(6);
    expect(written).toEqual(['1:13:4+4+4+1', '2:13:4+4+4+1', '3:13:4+4+4+1', '4:13:4+4+4+1', '5:13:4+4+4+1', '6:13:4+4+4+1']);
    expect(mostLive).toBe(2);
  });

  it('fails with a day its sink cannot take after writing the days before it, and discards what was prepared', async () => {
    const written: number[] = [];
    const discarded: number[] = [];
    const run = runDayLoop({
      engine: eventEngine(),
      executor: inlineExecutor(),
      firstDay: 10,
      lastDay: 15,
      runFirstDay: 10,
      written: new Set(['fact_events']),
      batchSizer: new BatchSizer(),
      prepare: (batches) => {
        const dayNumber = Math.floor((batches[0]?.columns['EventID'] as Int32Array)[0]! / 100);
        if (dayNumber === 12) throw new Error('day 12 holds a value the sink cannot store');
        return dayNumber;
      },
      discard: (dayNumber) => discarded.push(dayNumber),
      write: async ({ prepared, prepareNext }) => {
        prepareNext();
        await tick();
        written.push(prepared);
      },
    });
    await expect(run).rejects.toThrow('day 12 holds a value the sink cannot store');
    expect(written).toEqual([10, 11]);
    expect(discarded.every((dayNumber) => dayNumber > 12)).toBe(true);
  });
});
