import { defineTable } from '@retail-datagen/models';
import { describe, expect, it } from 'vitest';
import { createColumnBatch } from '../batch/column-batch.js';
import type { FactHooks } from '../engine/fact-hooks.js';
import type { GeneratorPlugin } from '../plugin/generator-plugin.js';
import { checkGeneratorContract } from './generator-contract.js';

// A minimal world: eight stores, and a fact package writing one row per store-day.
const stores = defineTable({ name: 'DimStores', kind: 'dimension', description: 'test stores', primaryKey: ['ID'], fields: [{ name: 'ID', type: 'int32' }] });
const tickets = defineTable({
  name: 'FactTickets',
  kind: 'fact',
  description: 'test facts',
  primaryKey: ['StoreID', 'Day'],
  fields: [
    { name: 'StoreID', type: 'int32' },
    { name: 'Day', type: 'int32' },
    { name: 'Value', type: 'float64' },
  ],
});

const storesPackage: GeneratorPlugin = {
  specificationVersion: 'v1',
  id: 'stores',
  description: 'eight stores',
  tables: [stores],
  generateMaster: () => [createColumnBatch(stores, 8, { ID: Int32Array.from({ length: 8 }, (_, index) => index + 1) })],
};

function ticketsPackage(value: (context: Parameters<NonNullable<FactHooks['endStoreDay']>>[0], unitRow: number) => number, extra: Partial<GeneratorPlugin> = {}): GeneratorPlugin {
  let unitRow = 0;
  return {
    specificationVersion: 'v1',
    id: 'tickets',
    description: 'one ticket per store-day',
    requires: ['stores'],
    tables: [tickets],
    facts: {
      startUnit: () => {
        unitRow = 0;
      },
      endStoreDay: (context) => {
        const builder = context.emit(tickets);
        builder.pushNumber('StoreID', context.storeIndex + 1);
        builder.pushNumber('Day', context.dayNumber);
        builder.pushNumber('Value', value(context, unitRow++));
        builder.endRow();
      },
    },
    ...extra,
  };
}

const check = (subject: GeneratorPlugin) => checkGeneratorContract({ subject: subject.id, generators: { stores: storesPackage, [subject.id]: subject } });

describe('checkGeneratorContract', () => {
  it('passes a package that draws only from its derived streams', async () => {
    expect(await check(ticketsPackage((context) => context.random('value').next()))).toEqual([]);
    expect(await check(storesPackage)).toEqual(['ignores the seed: another seed gave the same rows']);
  });

  it('catches a package whose values do not come from its derived streams (a counter that survives between runs)', async () => {
    let draws = 0;
    const problems = await check(ticketsPackage(() => ++draws));
    expect(problems).toEqual([
      expect.stringMatching(/^not deterministic: the same seed and partitions gave different rows \(first difference at row \d+: fact_tickets: 1, \d+, \d+ vs fact_tickets: 1, \d+, \d+\)$/),
      expect.stringMatching(/^depends on the partition count: 1 and 5 partitions gave different rows/),
      expect.stringMatching(/^gives other rows when its units run on another engine, as on worker threads/),
      expect.stringMatching(/^gives other rows when the run stops after a day and resumes from a checkpoint on a new engine/),
    ]);
  });

  it('catches state kept in a closure instead of the chain state, which a resumed run loses', async () => {
    let daysSeen = 0;
    const counter = ticketsPackage((context) => daysSeen * 100 + context.random('value').int(0, 99), {
      facts: {
        setup: () => {
          daysSeen = 0;
        },
        startDay: () => {
          daysSeen++;
        },
        endStoreDay: (context) => {
          const builder = context.emit(tickets);
          builder.pushNumber('StoreID', context.storeIndex + 1);
          builder.pushNumber('Day', context.dayNumber);
          builder.pushNumber('Value', daysSeen * 100 + context.random('value').int(0, 99));
          builder.endRow();
        },
      },
    });
    expect(await check(counter)).toEqual([
      expect.stringMatching(/^gives other rows when the run stops after a day and resumes from a checkpoint on a new engine \(first difference at row \d+: fact_tickets: .*\): every state a later day depends on must live in the chain or store states/),
    ]);
  });

  it('catches a package whose rows depend on how stores are partitioned', async () => {
    const problems = await check(ticketsPackage((context, unitRow) => unitRow + context.random('value').next()));
    expect(problems).toEqual([expect.stringMatching(/^depends on the partition count: 1 and 5 partitions gave different rows/)]);
  });

  it('catches a package that ignores the seed', async () => {
    expect(await check(ticketsPackage((context) => context.storeIndex * 2))).toEqual(['ignores the seed: another seed gave the same rows']);
  });

  it('checks the shape: id, description, table kinds and hooks', async () => {
    const misshapen = ticketsPackage(() => 1, { id: 'Ticket_Counter', description: ' ', tables: [tickets, stores] });
    const problems = await checkGeneratorContract({ subject: 'Ticket_Counter', generators: { stores: { ...storesPackage, tables: [] }, misshapen } });
    expect(problems).toEqual([
      'id "Ticket_Counter" is not kebab-case (e.g. "loyalty-points")',
      'description is empty',
      'dim_stores is a dimension table, but the package has no generateMaster',
    ]);
  });

  it('reports a table left empty and a package that is not registered', async () => {
    const silent = ticketsPackage(() => 1, { facts: { startDay: () => undefined } });
    expect(await check(silent)).toEqual(['fact_tickets: no rows in the contract run (2024-11-28..2024-11-30)']);
    expect(await checkGeneratorContract({ subject: 'nope', generators: { stores: storesPackage } })).toEqual(['no generator with id nope among stores']);
  });
});

describe('checkGeneratorContract and worker threads', () => {
  it('catches store state that does not survive the trip to a worker thread (a class instance)', async () => {
    class Counter {
      count = 0;
      next(): number {
        return ++this.count;
      }
    }
    const stateful: GeneratorPlugin = {
      ...ticketsPackage(() => 0),
      facts: {
        createStoreState: () => new Counter(),
        endStoreDay: (context) => {
          const builder = context.emit(tickets);
          builder.pushNumber('StoreID', context.storeIndex + 1);
          builder.pushNumber('Day', context.dayNumber);
          builder.pushNumber('Value', (context.state as Counter).next() + context.random('value').next());
          builder.endRow();
        },
      },
    };
    expect(await check(stateful)).toEqual([
      expect.stringMatching(/^fails when its units run on another engine, as on worker threads: .*next is not a function/),
      expect.stringMatching(/^fails when the run resumes from a checkpoint: .*next is not a function/),
    ]);
  });
});
