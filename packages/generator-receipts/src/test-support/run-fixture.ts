import { FactEngine, createGeneratorRegistry, dayNumberOf, runMasterPhase, type ColumnBatch, type FactRun } from '@retail-datagen/generator-core';
import { createMasterGenerator } from '@retail-datagen/generator-master';
import { parseConfig, type RetailConfigInput } from '@retail-datagen/models';
import { createReceiptsGenerator, type ReceiptsGeneratorOptions } from '../receipts-generator.js';
import { createInventoryStandIn, createSeasonalStandIn } from './stand-ins.js';

export interface FixtureOptions {
  readonly config: RetailConfigInput;
  readonly partitions?: number;
  /** ISO dates on which the seasonal stand-in closes every store. */
  readonly closedDates?: readonly string[];
  readonly initialStock?: number;
  readonly receipts?: ReceiptsGeneratorOptions;
  readonly categoryFactor?: (dayNumber: number, category: string) => number;
}

export interface Fixture {
  readonly run: FactRun;
  /** Every day's batches, in day order. */
  readonly batches: ColumnBatch[];
}

// New products launch within 20 days of the start, so some launch during a short test run.
const master = createMasterGenerator({ newProductHorizonDays: 20 });

/** Master data plus every fact day through FactEngine with receipts and the stand-ins. */
export async function runFixture(options: FixtureOptions): Promise<Fixture> {
  const config = parseConfig(options.config);
  const dims = await runMasterPhase(createGeneratorRegistry({ master }), config);
  const run: FactRun = { config, dims, firstDay: dayNumberOf(config.start), lastDay: dayNumberOf(config.end), storeCount: dims.get('dim_stores')!.length };
  const registry = createGeneratorRegistry({
    master,
    seasonal: createSeasonalStandIn({ closedDays: (options.closedDates ?? []).map(dayNumberOf), categoryFactor: options.categoryFactor }),
    inventory: createInventoryStandIn({ initialStock: options.initialStock }),
    receipts: createReceiptsGenerator(options.receipts),
  });
  const engine = new FactEngine(registry, run, { partitions: options.partitions ?? 4 });
  const batches: ColumnBatch[] = [];
  for (let day = run.firstDay; day <= run.lastDay; day++) batches.push(...engine.runDay(day).batches);
  return { run, batches };
}
