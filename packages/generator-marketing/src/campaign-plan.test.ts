import { createGeneratorRegistry, createRandom, dayNumberOf, int32Column, runMasterPhase, stringValues, type ColumnBatch, type StreamKey } from '@retail-datagen/generator-core';
import { master } from '@retail-datagen/generator-master';
import { InvalidArgumentError, parseConfig, type RetailConfigInput } from '@retail-datagen/models';
import { beforeAll, describe, expect, it } from 'vitest';
import { monthOfDay } from './calendar-dates.js';
import { campaignsBatch, planCampaigns, readCampaigns, type Campaign } from './campaign-plan.js';
import { campaignTypeProfiles } from './campaign-types.js';
import { expectedCostPerImpression } from './channels.js';
import { saleEvents } from './sale-calendar.js';

let products: ColumnBatch;
let categories: Set<string>;

beforeAll(async () => {
  // Many products launching in and before the range, every category present.
  const config = parseConfig({ seed: 3, start: '2024-06-01', end: '2025-01-31', volumes: { products: 3_000, customers: 100, stores: 4, geographies: 6, distributionCenters: 1 } });
  products = (await runMasterPhase(createGeneratorRegistry({ master }), config)).get('dim_products')!;
  categories = new Set(stringValues(products, 'Category') as string[]);
});

function plan(input: RetailConfigInput, options: { flashSaleShare?: number; seed?: number } = {}): Campaign[] {
  const config = parseConfig({ seed: options.seed ?? 3, ...input });
  return planCampaigns({
    config,
    products,
    random: (...path: StreamKey[]) => createRandom(config.seed, 'marketing', ...path),
    saleEvents,
    flashSaleShare: options.flashSaleShare ?? 0.4,
  });
}

const activeOn = (campaigns: readonly Campaign[], day: number) => campaigns.filter((campaign) => campaign.startDay <= day && day <= campaign.endDay);
const yearMonthOf = (day: number) => {
  const { year, month } = monthOfDay(day);
  return year * 100 + month;
};

describe('planCampaigns', () => {
  it('has campaigns running on every day of any range, and only campaigns that touch it', () => {
    for (const [start, end] of [
      ['2024-03-05', '2024-03-05'],
      ['2024-06-01', '2024-09-30'],
      ['2024-11-15', '2025-01-20'],
    ] as const) {
      const campaigns = plan({ start, end });
      for (let day = dayNumberOf(start); day <= dayNumberOf(end); day++) expect(activeOn(campaigns, day).length, `${start}..${end}`).toBeGreaterThanOrEqual(1);
      for (const campaign of campaigns) {
        expect(campaign.endDay).toBeGreaterThanOrEqual(dayNumberOf(start));
        expect(campaign.startDay).toBeLessThanOrEqual(dayNumberOf(end));
      }
    }
  });

  it('plans every kind of campaign with the documented windows', () => {
    const campaigns = plan({ start: '2024-07-01', end: '2024-12-31' });
    const launches = int32Column(products, 'LaunchDate');
    const ids = int32Column(products, 'ID');
    const productCategories = stringValues(products, 'Category');
    const seen = new Set(campaigns.map((campaign) => campaign.type));
    expect([...seen].sort()).toEqual(['FLASH_SALE', 'LOYALTY', 'PRODUCT_LAUNCH', 'SEASONAL_SALE']);
    let launchesOfProducts = 0;
    for (const campaign of campaigns) {
      const days = campaign.endDay - campaign.startDay + 1;
      expect(campaign.categories.length, campaign.name).toBeGreaterThan(0);
      for (const category of campaign.categories) expect(categories.has(category), `${campaign.name}: ${category}`).toBe(true);
      expect(new Set(campaign.categories).size).toBe(campaign.categories.length);
      expect(campaign.channels.length).toBeGreaterThanOrEqual(campaignTypeProfiles[campaign.type].channelCount[0]);
      for (const channel of campaign.channels) expect(campaignTypeProfiles[campaign.type].channels).toContain(channel);
      switch (campaign.type) {
        case 'FLASH_SALE':
          expect(days).toBeGreaterThanOrEqual(1);
          expect(days).toBeLessThanOrEqual(3);
          break;
        case 'LOYALTY':
          expect(monthOfDay(campaign.startDay)).toEqual(monthOfDay(campaign.endDay));
          expect(monthOfDay(campaign.startDay - 1)).not.toEqual(monthOfDay(campaign.startDay));
          expect(monthOfDay(campaign.endDay + 1)).not.toEqual(monthOfDay(campaign.endDay));
          break;
        case 'PRODUCT_LAUNCH': {
          expect(days).toBeGreaterThanOrEqual(14);
          expect(days).toBeLessThanOrEqual(28);
          if (campaign.launchProductId === null) break;
          const product = ids.indexOf(campaign.launchProductId);
          expect(product).toBeGreaterThanOrEqual(0);
          expect(campaign.startDay).toBe(launches[product]);
          expect(campaign.categories[0]).toBe(productCategories[product]);
          launchesOfProducts++;
          break;
        }
        case 'SEASONAL_SALE': {
          const sale = saleEvents.find((event) => campaign.name.startsWith(`${event.name} Sale `));
          expect(sale, campaign.name).toBeDefined();
          const year = Number(campaign.name.slice(-4));
          expect({ first: campaign.startDay, last: campaign.endDay }).toEqual(sale!.window(year));
          for (const category of campaign.categories) expect(sale!.categories).toContain(category);
          break;
        }
      }
    }
    expect(launchesOfProducts).toBeGreaterThan(5);
    expect(campaigns.map((campaign) => campaign.name)).toContain('Black Friday Sale 2024');
  });

  it('numbers campaigns by the month they start in, uniquely', () => {
    const campaigns = plan({ start: '2024-06-01', end: '2025-01-31' });
    expect(new Set(campaigns.map((campaign) => campaign.id)).size).toBe(campaigns.length);
    for (const campaign of campaigns) {
      expect(Math.floor(campaign.id / 100)).toBe(yearMonthOf(campaign.startDay));
      expect(campaign.id % 100).toBeGreaterThanOrEqual(1);
    }
  });

  it('starts marketing.campaignsPerMonth launches and flash sales in each month, plus one loyalty campaign', () => {
    for (const campaignsPerMonth of [0, 3, 9]) {
      const campaigns = plan({ start: '2024-08-01', end: '2024-10-31', marketing: { campaignsPerMonth } });
      for (const month of [202408, 202409]) {
        const starting = campaigns.filter((campaign) => yearMonthOf(campaign.startDay) === month);
        expect(starting.filter((campaign) => campaign.type === 'LOYALTY').length).toBe(1);
        expect(starting.filter((campaign) => campaign.type === 'FLASH_SALE' || campaign.type === 'PRODUCT_LAUNCH').length).toBe(campaignsPerMonth);
      }
    }
    const flashOnly = plan({ start: '2024-08-01', end: '2024-10-31' }, { flashSaleShare: 1 });
    expect(flashOnly.some((campaign) => campaign.type === 'FLASH_SALE')).toBe(true);
    expect(flashOnly.some((campaign) => campaign.type === 'PRODUCT_LAUNCH' && campaign.startDay >= dayNumberOf('2024-08-01'))).toBe(false);
  });

  it('gives a month the same campaigns whatever the run range, and other campaigns under another seed', () => {
    const short = plan({ start: '2024-11-20', end: '2024-11-30' });
    const long = plan({ start: '2024-09-01', end: '2025-01-15' });
    expect(short.length).toBeGreaterThan(3);
    const longById = new Map(long.map((campaign) => [campaign.id, campaign]));
    for (const campaign of short) expect(longById.get(campaign.id)).toEqual(campaign);
    const reseeded = plan({ start: '2024-11-20', end: '2024-11-30' }, { seed: 4 });
    expect(reseeded).not.toEqual(short);
  });

  it('sizes every budget above the planned spend of its window', () => {
    const config = parseConfig({ start: '2024-06-01', end: '2024-12-31' });
    for (const campaign of plan({ start: '2024-06-01', end: '2024-12-31' })) {
      const days = campaign.endDay - campaign.startDay + 1;
      const planned = config.marketing.impressionsPerCampaignDay * campaignTypeProfiles[campaign.type].impressionScale * days * expectedCostPerImpression(campaign.channels);
      expect(campaign.budget, campaign.name).toBeGreaterThanOrEqual(planned * 1.15);
      expect(campaign.budget, campaign.name).toBeLessThanOrEqual(Math.max(100_00, planned * 1.5 + 100));
      expect(Number.isInteger(campaign.budget)).toBe(true);
    }
  });

  it('reads back from its dim_campaigns batch unchanged', () => {
    const campaigns = plan({ start: '2024-11-01', end: '2024-12-31' });
    const batch = campaignsBatch(campaigns);
    expect(batch.table.name).toBe('dim_campaigns');
    expect(batch.length).toBe(campaigns.length);
    expect(readCampaigns(batch)).toEqual(campaigns);
  });

  it('refuses more than 99 campaigns starting in one month', () => {
    const crowded = Array.from({ length: 60 }, (_, index) => ({
      id: `sale${index}`,
      name: `Sale ${index}`,
      window: (year: number) => ({ first: dayNumberOf(`${year}-03-01`), last: dayNumberOf(`${year}-03-02`) }),
      categories: ['Milk'],
    }));
    const config = parseConfig({ start: '2024-03-01', end: '2024-03-31', marketing: { campaignsPerMonth: 40 } });
    const run = () => planCampaigns({ config, products, random: (...path) => createRandom(1, ...path), saleEvents: crowded, flashSaleShare: 0.4 });
    expect(run).toThrow(InvalidArgumentError);
    expect(run).toThrow(/campaigns starting in 2024-03: got 101; expected at most 99/);
  });
});
