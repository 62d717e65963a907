import { FactEngine, createGeneratorRegistry, dayNumberOf, requireDim, runMasterPhase, type ColumnBatch, type FactRun, type GeneratorPlugin } from '@retail-datagen/generator-core';
import { inventory } from '@retail-datagen/generator-inventory';
import { logistics } from '@retail-datagen/generator-logistics';
import { createMasterGenerator, master } from '@retail-datagen/generator-master';
import { receipts } from '@retail-datagen/generator-receipts';
import { seasonal } from '@retail-datagen/generator-seasonal';
import { parseConfig, type RetailConfigInput } from '@retail-datagen/models';
import { createOnlineOrdersGenerator, type OnlineOrdersGeneratorOptions } from '../online-orders-generator.js';

// In runFixture, new products launch within 20 days of the start, as in a short history: their first orders
// keep suppliers, DCs and trucks busy during a two-week test run.
const fixtureMaster = createMasterGenerator({ newProductHorizonDays: 20 });

/** The real packages the online orders generator runs among (tests only): receipts shares the store ledger and fact_payments with it, logistics provides the DC inventory. */
export function onlineOrdersRegistryPackages(options: OnlineOrdersGeneratorOptions = {}): Record<string, GeneratorPlugin> {
  return { master, seasonal, inventory, receipts, logistics, onlineOrders: createOnlineOrdersGenerator(options) };
}

export interface Fixture {
  readonly run: FactRun;
  readonly engine: FactEngine;
  /** Every day's batches, in day order. */
  readonly batches: ColumnBatch[];
}

/** Master data, then every fact day through FactEngine with the real master, seasonal, inventory, receipts, logistics and online orders packages. */
export async function runFixture(config: RetailConfigInput, options: { partitions?: number; onlineOrders?: OnlineOrdersGeneratorOptions } = {}): Promise<Fixture> {
  const parsed = parseConfig(config);
  const dims = await runMasterPhase(createGeneratorRegistry({ master: fixtureMaster }), parsed);
  const run: FactRun = { config: parsed, dims, firstDay: dayNumberOf(parsed.start), lastDay: dayNumberOf(parsed.end), storeCount: requireDim(dims, 'dim_stores').length };
  const engine = new FactEngine(createGeneratorRegistry({ ...onlineOrdersRegistryPackages(options.onlineOrders), master: fixtureMaster }), run, { partitions: options.partitions ?? 4 });
  const batches: ColumnBatch[] = [];
  for (let day = run.firstDay; day <= run.lastDay; day++) batches.push(...engine.runDay(day).batches);
  return { run, engine, batches };
}
