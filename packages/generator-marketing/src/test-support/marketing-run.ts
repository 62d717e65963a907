import { FactEngine, createGeneratorRegistry, dayNumberOf, requireDim, runMasterPhase, type ColumnBatch, type FactRun, type GeneratorPlugin } from '@retail-datagen/generator-core';
import { master } from '@retail-datagen/generator-master';
import { seasonal } from '@retail-datagen/generator-seasonal';
import { parseConfig, type RetailConfigInput } from '@retail-datagen/models';
import { marketing as defaultMarketing } from '../marketing-generator.js';

/** A small configuration for marketing tests (campaign volumes kept low so runs stay quick). */
export const smallConfig: RetailConfigInput = {
  seed: 7,
  start: '2024-11-10',
  end: '2024-12-05',
  volumes: { geographies: 12, stores: 6, distributionCenters: 2, customers: 3_000, products: 400 },
  marketing: { impressionsPerCampaignDay: 1_500 },
};

export interface MarketingRun {
  readonly run: FactRun;
  /** Master-phase batches by table name (dim_campaigns included). */
  readonly dims: ReadonlyMap<string, ColumnBatch>;
  /** Every fact day's batches, in day order. */
  readonly batches: readonly ColumnBatch[];
}

/** Master data (master + marketing), then every fact day of master + seasonal + marketing through the engine. */
export async function runMarketing(input: RetailConfigInput, options: { partitions?: number; marketing?: GeneratorPlugin; factConfig?: RetailConfigInput } = {}): Promise<MarketingRun> {
  const marketing = options.marketing ?? defaultMarketing;
  const config = parseConfig(input);
  const registry = createGeneratorRegistry({ master, seasonal, marketing });
  const dims = await runMasterPhase(registry, config);
  const factConfig = options.factConfig ? parseConfig(options.factConfig) : config;
  const run: FactRun = { config: factConfig, dims, firstDay: dayNumberOf(factConfig.start), lastDay: dayNumberOf(factConfig.end), storeCount: requireDim(dims, 'dim_stores').length };
  const engine = new FactEngine(registry, run, { partitions: options.partitions ?? 4 });
  const batches: ColumnBatch[] = [];
  for (let day = run.firstDay; day <= run.lastDay; day++) batches.push(...engine.runDay(day).batches);
  return { run, dims, batches };
}
