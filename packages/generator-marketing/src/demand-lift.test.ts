import {
  FactEngine,
  createGeneratorRegistry,
  dayNumberOf,
  int32Column,
  millisecondsPerDay,
  requireDim,
  runMasterPhase,
  stringValues,
  type ColumnBatch,
  type FactRun,
} from '@retail-datagen/generator-core';
import { inventory } from '@retail-datagen/generator-inventory';
import { master } from '@retail-datagen/generator-master';
import { receipts } from '@retail-datagen/generator-receipts';
import { seasonal } from '@retail-datagen/generator-seasonal';
import { parseConfig, type RetailConfigInput } from '@retail-datagen/models';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCampaigns, type Campaign } from './campaign-plan.js';
import { marketing } from './marketing-generator.js';
import { tableRows } from './test-support/table-rows.js';

const config: RetailConfigInput = {
  seed: 5,
  start: '2024-09-09',
  end: '2024-09-29',
  volumes: { geographies: 12, stores: 8, distributionCenters: 2, customers: 3_000, products: 300 },
  traffic: { baseDailyCustomers: 250 },
  // Plenty on the shelves: lifted demand must show in sales, not in stockouts.
  inventory: { initialDaysOfSupply: 60 },
  marketing: { impressionsPerCampaignDay: 100 },
};

/** Units sold (sale lines only) by category and day. */
type UnitsByCategoryDay = Map<string, Map<number, number>>;

function unitsSold(batches: readonly ColumnBatch[], categoryOf: ReadonlyMap<number, string>): UnitsByCategoryDay {
  const units: UnitsByCategoryDay = new Map();
  for (const row of tableRows(batches, 'fact_receipt_lines')) {
    const quantity = row.Quantity as number;
    if (quantity <= 0) continue;
    const category = categoryOf.get(row.ProductID as number) as string;
    const day = Math.floor((row.EventTS as number) / millisecondsPerDay);
    const byDay = units.get(category) ?? new Map<number, number>();
    byDay.set(day, (byDay.get(day) ?? 0) + quantity);
    units.set(category, byDay);
  }
  return units;
}

describe('demand lift through receipts', () => {
  let run: FactRun;
  let campaigns: Campaign[];
  let lifted: UnitsByCategoryDay;
  let baseline: UnitsByCategoryDay;
  let categories: string[];

  beforeAll(async () => {
    const registry = createGeneratorRegistry({ master, seasonal, inventory, receipts, marketing });
    const liftedConfig = parseConfig({ ...config, marketing: { ...config.marketing, demandLift: 1.5 } });
    const dims = await runMasterPhase(registry, liftedConfig);
    run = { config: liftedConfig, dims, firstDay: dayNumberOf(liftedConfig.start), lastDay: dayNumberOf(liftedConfig.end), storeCount: requireDim(dims, 'dim_stores').length };
    const products = requireDim(dims, 'dim_products');
    const productCategories = stringValues(products, 'Category') as string[];
    const categoryOf = new Map(Array.from(int32Column(products, 'ID'), (id, row) => [id, productCategories[row] as string]));
    categories = [...new Set(productCategories)];
    campaigns = readCampaigns(requireDim(dims, 'dim_campaigns'));
    // The same seed, master data and days; only the lift differs.
    const simulate = (factRun: FactRun) => {
      const engine = new FactEngine(registry, factRun, { partitions: 4 });
      const batches: ColumnBatch[] = [];
      for (let day = factRun.firstDay; day <= factRun.lastDay; day++) batches.push(...engine.runDay(day).batches);
      return unitsSold(batches, categoryOf);
    };
    lifted = simulate(run);
    baseline = simulate({ ...run, config: parseConfig({ ...config, marketing: { ...config.marketing, demandLift: 1 } }) });
  });

  const promoted = (day: number, category: string) => campaigns.some((campaign) => campaign.startDay <= day && day <= campaign.endDay && campaign.categories.includes(category));
  const units = (table: UnitsByCategoryDay, category: string, day: number) => table.get(category)?.get(day) ?? 0;

  it('sells visibly more of the promoted categories on campaign days, and about the same of the rest', () => {
    const totals = { promoted: { lifted: 0, baseline: 0 }, other: { lifted: 0, baseline: 0 } };
    for (let day = run.firstDay; day <= run.lastDay; day++) {
      for (const category of categories) {
        const bucket = promoted(day, category) ? totals.promoted : totals.other;
        bucket.lifted += units(lifted, category, day);
        bucket.baseline += units(baseline, category, day);
      }
    }
    expect(totals.promoted.baseline).toBeGreaterThan(5_000);
    // About 1.3 here: a promoted category's weight in the basket grows 1.5x, and the promoted
    // categories (about a sixth of the units) share the grown part of the basket with the rest.
    expect(totals.promoted.lifted / totals.promoted.baseline).toBeGreaterThan(1.2);
    // The other categories lose a little share to the promoted ones (about 0.94 here).
    expect(totals.other.lifted / totals.other.baseline).toBeGreaterThan(0.85);
    expect(totals.other.lifted / totals.other.baseline).toBeLessThan(1);
  });

  it("raises each campaign's categories inside its window, not outside it", () => {
    let checked = 0;
    for (const campaign of campaigns) {
      const inside = { lifted: 0, baseline: 0 };
      const outside = { lifted: 0, baseline: 0 };
      for (let day = run.firstDay; day <= run.lastDay; day++) {
        const within = campaign.startDay <= day && day <= campaign.endDay;
        for (const category of campaign.categories) {
          // Outside the window, only days no other campaign promotes the category.
          if (!within && promoted(day, category)) continue;
          const bucket = within ? inside : outside;
          bucket.lifted += units(lifted, category, day);
          bucket.baseline += units(baseline, category, day);
        }
      }
      if (inside.baseline < 2_000 || outside.baseline < 2_000) continue;
      const insideRatio = inside.lifted / inside.baseline;
      const outsideRatio = outside.lifted / outside.baseline;
      expect(insideRatio, campaign.name).toBeGreaterThan(1.2);
      expect(outsideRatio, campaign.name).toBeLessThan(1.05);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });
});
