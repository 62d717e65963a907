import {
  CompositionSlots,
  DemandMultiplier,
  FactEngine,
  checkGeneratorContract,
  createGeneratorRegistry,
  dayNumberOf,
  int32Column,
  millisecondsPerDay,
  requireDim,
  runMasterPhase,
  stringValues,
  type FactRun,
} from '@retail-datagen/generator-core';
import { master } from '@retail-datagen/generator-master';
import { seasonal } from '@retail-datagen/generator-seasonal';
import { InvalidArgumentError, parseConfig } from '@retail-datagen/models';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCampaigns, type Campaign } from './campaign-plan.js';
import { channelProfiles, type Channel, type Device } from './channels.js';
import { createMarketingGenerator, marketing } from './marketing-generator.js';
import { runMarketing, smallConfig, type MarketingRun } from './test-support/marketing-run.js';
import { rowsOf, sortedLines, tableRows, type Row } from './test-support/table-rows.js';

const dayOf = (row: Row) => Math.floor((row.EventTS as number) / millisecondsPerDay);

describe('marketing generator', () => {
  let result: MarketingRun;
  let campaigns: Campaign[];
  let impressions: Row[];

  beforeAll(async () => {
    result = await runMarketing(smallConfig);
    campaigns = readCampaigns(requireDim(result.dims, 'dim_campaigns'));
    impressions = tableRows(result.batches, 'fact_marketing');
  });

  it('is a v1 plugin writing dim_campaigns and fact_marketing, after master and seasonal', () => {
    expect(marketing.specificationVersion).toBe('v1');
    expect(marketing.id).toBe('marketing');
    expect(marketing.requires).toEqual(['master', 'seasonal']);
    expect(marketing.tables.map((table) => table.name)).toEqual(['dim_campaigns', 'fact_marketing']);
    expect(() => createGeneratorRegistry({ master, marketing })).toThrow(/seasonal/);
  });

  it('references only existing campaigns, customers and products, with the ad id of the resolved customer', () => {
    const customers = requireDim(result.dims, 'dim_customers');
    const adIdOf = new Map(Array.from(int32Column(customers, 'ID'), (id, row) => [id, stringValues(customers, 'AdId')[row]]));
    const productIds = new Set(int32Column(requireDim(result.dims, 'dim_products'), 'ID'));
    const campaignIds = new Set(campaigns.map((campaign) => campaign.id));
    for (const campaign of campaigns) if (campaign.launchProductId !== null) expect(productIds.has(campaign.launchProductId)).toBe(true);
    expect(impressions.length).toBeGreaterThan(10_000);
    const problems: string[] = [];
    let resolved = 0;
    for (const row of impressions) {
      if (!campaignIds.has(row.CampaignID as number)) problems.push(`unknown campaign ${JSON.stringify(row)}`);
      if (row.CustomerID === null) {
        if (row.CustomerAdId !== null) problems.push(`ad id without customer ${JSON.stringify(row)}`);
        continue;
      }
      resolved++;
      if (!adIdOf.has(row.CustomerID as number)) problems.push(`unknown customer ${JSON.stringify(row)}`);
      else if (adIdOf.get(row.CustomerID as number) !== row.CustomerAdId) problems.push(`ad id of another customer ${JSON.stringify(row)}`);
    }
    expect(problems.slice(0, 5)).toEqual([]);
    expect(resolved).toBeGreaterThan(0);
    const ids = impressions.map((row) => row.ImpressionId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows impressions only inside campaign windows, in the campaign channels, on the channel devices', () => {
    const byId = new Map(campaigns.map((campaign) => [campaign.id, campaign]));
    const problems: string[] = [];
    const campaignDays = new Set<string>();
    for (const row of impressions) {
      const campaign = byId.get(row.CampaignID as number)!;
      const day = dayOf(row);
      const channel = row.Channel as Channel;
      if (day < campaign.startDay || day > campaign.endDay) problems.push(`outside the window: ${JSON.stringify(row)}`);
      if (day < result.run.firstDay || day > result.run.lastDay) problems.push(`outside the run: ${JSON.stringify(row)}`);
      if (!campaign.channels.includes(channel)) problems.push(`channel not bought: ${JSON.stringify(row)}`);
      else if (!(channelProfiles[channel].deviceMix[row.Device as Device] > 0)) problems.push(`device ${row.Device} on ${channel}`);
      const creative = Number((row.CreativeId as string).split('-')[2]);
      if (!(row.CreativeId as string).startsWith(`CR-${campaign.id}-`) || creative < 1 || creative > campaign.creativeCount) problems.push(`creative ${row.CreativeId}`);
      const idDay = new Date(day * millisecondsPerDay).toISOString().slice(0, 10).replaceAll('-', '');
      if (!new RegExp(`^IMP-${campaign.id}-${idDay}-\\d{6}$`).test(row.ImpressionId as string)) problems.push(`id ${row.ImpressionId}`);
      campaignDays.add(`${campaign.id}:${day}`);
    }
    expect(problems.slice(0, 5)).toEqual([]);
    // Every campaign-day of the run has impressions.
    let expected = 0;
    for (const campaign of campaigns) {
      for (let day = Math.max(campaign.startDay, result.run.firstDay); day <= Math.min(campaign.endDay, result.run.lastDay); day++) {
        expected++;
        expect(campaignDays.has(`${campaign.id}:${day}`), `${campaign.name} on day ${day}`).toBe(true);
      }
    }
    expect(campaignDays.size).toBe(expected);
    expect(new Set(impressions.map((row) => row.Device))).toEqual(new Set(['MOBILE', 'DESKTOP', 'TABLET', 'TV']));
  });

  it('spends within each campaign budget, paced by day', () => {
    const spend = new Map<number, number>();
    const daySpend = new Map<string, number>();
    const badCosts: Row[] = [];
    for (const row of impressions) {
      const cost = row.Cost as number;
      if (!Number.isInteger(cost) || cost < 0) badCosts.push(row);
      spend.set(row.CampaignID as number, (spend.get(row.CampaignID as number) ?? 0) + cost);
      const key = `${row.CampaignID}:${dayOf(row)}`;
      daySpend.set(key, (daySpend.get(key) ?? 0) + cost);
    }
    expect(badCosts).toEqual([]);
    for (const campaign of campaigns) {
      expect(spend.get(campaign.id) ?? 0, campaign.name).toBeLessThanOrEqual(campaign.budget);
      const cap = Math.floor(campaign.budget / (campaign.endDay - campaign.startDay + 1));
      for (let day = campaign.startDay; day <= campaign.endDay; day++) expect(daySpend.get(`${campaign.id}:${day}`) ?? 0).toBeLessThanOrEqual(cap);
    }
    expect([...spend.values()].reduce((sum, value) => sum + value, 0)).toBeGreaterThan(0);
  });

  it('resolves marketing.resolvedShare of impressions to known customers', async () => {
    const share = (rows: readonly Row[]) => rows.filter((row) => row.CustomerID !== null).length / rows.length;
    // About 0.05 +- 0.0008 (one standard deviation) over this many rows.
    expect(impressions.length).toBeGreaterThan(70_000);
    expect(Math.abs(share(impressions) - 0.05)).toBeLessThan(0.005);
    for (const resolvedShare of [0, 0.3, 1]) {
      const rows = tableRows((await runMarketing({ ...smallConfig, end: '2024-11-14', marketing: { ...smallConfig.marketing, resolvedShare } })).batches, 'fact_marketing');
      expect(rows.length).toBeGreaterThan(10_000);
      expect(Math.abs(share(rows) - resolvedShare)).toBeLessThan(0.015);
    }
  });

  it('stops a day once its share of the budget is spent, when the fact run asks for more than the budgets were sized for', async () => {
    const sized = { ...smallConfig, end: '2024-11-20', marketing: { impressionsPerCampaignDay: 300 } };
    const capped = await runMarketing(sized, { factConfig: { ...sized, marketing: { impressionsPerCampaignDay: 3_000 } } });
    const cappedCampaigns = readCampaigns(requireDim(capped.dims, 'dim_campaigns'));
    const rows = tableRows(capped.batches, 'fact_marketing');
    const daySpend = new Map<string, number>();
    for (const row of rows) daySpend.set(`${row.CampaignID}:${dayOf(row)}`, (daySpend.get(`${row.CampaignID}:${dayOf(row)}`) ?? 0) + (row.Cost as number));
    let exhausted = 0;
    for (const campaign of cappedCampaigns) {
      const cap = Math.floor(campaign.budget / (campaign.endDay - campaign.startDay + 1));
      for (let day = Math.max(campaign.startDay, capped.run.firstDay); day <= Math.min(campaign.endDay, capped.run.lastDay); day++) {
        const spent = daySpend.get(`${campaign.id}:${day}`) ?? 0;
        expect(spent).toBeLessThanOrEqual(cap);
        // The most one impression costs is 4 cents (connected TV at 3 cents, rounded up).
        if (spent > cap - 4) exhausted++;
      }
    }
    expect(exhausted).toBeGreaterThan(10);
  });

  it('is deterministic, independent of the partition count, and follows the seed', async () => {
    const config = { ...smallConfig, end: '2024-11-13' };
    const first = await runMarketing(config, { partitions: 1 });
    const again = await runMarketing(config, { partitions: 1 });
    const five = await runMarketing(config, { partitions: 5 });
    const reseeded = await runMarketing({ ...config, seed: 8 }, { partitions: 1 });
    for (const table of ['fact_marketing']) {
      const rows = tableRows(first.batches, table);
      expect(rows.length).toBeGreaterThan(0);
      expect(tableRows(again.batches, table)).toEqual(rows);
      expect(sortedLines(tableRows(five.batches, table))).toEqual(sortedLines(rows));
      expect(sortedLines(tableRows(reseeded.batches, table))).not.toEqual(sortedLines(rows));
    }
    expect(rowsOf(again.dims.get('dim_campaigns')!)).toEqual(rowsOf(first.dims.get('dim_campaigns')!));
    expect(rowsOf(reseeded.dims.get('dim_campaigns')!)).not.toEqual(rowsOf(first.dims.get('dim_campaigns')!));
  });

  it('keeps the generator contract', async () => {
    expect(await checkGeneratorContract({ subject: 'marketing', generators: { master, seasonal, marketing }, config: { ...smallConfig, start: '2024-11-28', end: '2024-11-30' } })).toEqual([]);
  });

  it('lifts the demand of promoted categories by marketing.demandLift on their campaign days only', () => {
    for (const demandLift of [1, 1.25, 2]) {
      const run: FactRun = { ...result.run, config: parseConfig({ ...smallConfig, marketing: { demandLift } }) };
      const demand = new DemandMultiplier();
      createMarketingGenerator().facts?.setup?.({ run, demand, slots: new CompositionSlots() });
      expect(demand.contributors()).toEqual(['marketing']);
      const allCategories = [...new Set(stringValues(requireDim(run.dims, 'dim_products'), 'Category') as string[])];
      let promoted = 0;
      for (let day = run.firstDay - 40; day <= run.lastDay + 40; day++) {
        const active = campaigns.filter((campaign) => campaign.startDay <= day && day <= campaign.endDay);
        for (const category of allCategories) {
          const expected = active.some((campaign) => campaign.categories.includes(category)) ? demandLift : 1;
          if (expected !== 1) promoted++;
          expect(demand.categoryMultiplier(day, category)).toBe(expected);
        }
      }
      if (demandLift !== 1) expect(promoted).toBeGreaterThan(100);
    }
  });

  it('names a missing dim_campaigns instead of inventing campaigns', async () => {
    const config = parseConfig(smallConfig);
    const dims = await runMasterPhase(createGeneratorRegistry({ master }), config);
    const run: FactRun = { config, dims, firstDay: dayNumberOf(config.start), lastDay: dayNumberOf(config.end), storeCount: requireDim(dims, 'dim_stores').length };
    expect(() => new FactEngine(createGeneratorRegistry({ master, seasonal, marketing }), run, { partitions: 2 })).toThrow(/dim_campaigns is not loaded/);
  });

  it('refuses bad options with a user error', () => {
    expect(() => createMarketingGenerator({ flashSaleShare: 1.5 })).toThrow(InvalidArgumentError);
    expect(() => createMarketingGenerator({ flashSaleShare: 1.5 })).toThrow('createMarketingGenerator options.flashSaleShare: got 1.5; expected a share from 0 to 1');
    expect(() => createMarketingGenerator({ saleEvents: [{ id: 'x', name: 'X', window: () => ({ first: 5, last: 1 }), categories: ['Milk'] }] })).toThrow(InvalidArgumentError);
  });
});

describe('marketing configuration', () => {
  it('has documented defaults and refuses values out of range', () => {
    const config = parseConfig({});
    expect(config.marketing).toEqual({ campaignsPerMonth: 4, impressionsPerCampaignDay: 6_000, resolvedShare: 0.05, demandLift: 1.25 });
    expect(() => parseConfig({ marketing: { demandLift: 0.5 } })).toThrow('config field marketing.demandLift: got 0.5; must be a factor from 1 to 10');
    expect(() => parseConfig({ marketing: { resolvedShare: 2 } })).toThrow(/marketing\.resolvedShare: got 2; must be a share from 0 to 1/);
    expect(() => parseConfig({ marketing: { campaignsPerMonth: 41 } })).toThrow(/marketing\.campaignsPerMonth: got 41/);
  });

  it('keeps a default run at a moderate volume of impressions per day', async () => {
    const defaults = await runMarketing({ start: '2024-11-15', end: '2024-11-17', volumes: { geographies: 12, stores: 4, distributionCenters: 2 } });
    const rows = tableRows(defaults.batches, 'fact_marketing');
    for (let day = defaults.run.firstDay; day <= defaults.run.lastDay; day++) {
      const count = rows.filter((row) => dayOf(row) === day).length;
      expect(count).toBeGreaterThan(10_000);
      expect(count).toBeLessThan(50_000);
    }
  });
});
