import {
  FactEngine,
  createGeneratorRegistry,
  dayNumberOf,
  requireDim,
  runMasterPhase,
  type ColumnBatch,
  type FactRun,
  type GeneratorPlugin,
} from '@retail-datagen/generator-core';
import { inventory } from '@retail-datagen/generator-inventory';
import { master } from '@retail-datagen/generator-master';
import { receipts } from '@retail-datagen/generator-receipts';
import { seasonal } from '@retail-datagen/generator-seasonal';
import { parseConfig, type RetailConfigInput } from '@retail-datagen/models';
import { createLogisticsGenerator } from '../logistics-generator.js';

/** The master data and days of a run, ready for the fact engine. */
export async function createRun(input: RetailConfigInput): Promise<FactRun> {
  const config = parseConfig(input);
  const dims = await runMasterPhase(createGeneratorRegistry({ master }), config);
  return { config, dims, firstDay: dayNumberOf(config.start), lastDay: dayNumberOf(config.end), storeCount: requireDim(dims, 'dim_stores').length };
}

/**
 * Every batch of the run's fact days through the engine with master,
 * seasonal, inventory, receipts and (unless `logistics` is false) logistics,
 * in commit order.
 */
export function simulate(run: FactRun, options: { partitions: number; logistics?: boolean }): ColumnBatch[][] {
  const generators: Record<string, GeneratorPlugin> = { master, seasonal, inventory, receipts };
  if (options.logistics ?? true) generators.logistics = createLogisticsGenerator();
  const engine = new FactEngine(createGeneratorRegistry(generators), run, { partitions: options.partitions });
  const days: ColumnBatch[][] = [];
  for (let day = run.firstDay; day <= run.lastDay; day++) days.push(engine.runDay(day).batches);
  return days;
}
