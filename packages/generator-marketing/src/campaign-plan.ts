import {
  createColumnBatch,
  dayNumberOf,
  float64Column,
  int32Column,
  isoDateOf,
  isValid,
  stringValues,
  type ColumnBatch,
  type Random,
  type StreamKey,
} from '@retail-datagen/generator-core';
import { InvalidArgumentError, RetailDatagenError, dimCampaigns, type RetailConfig } from '@retail-datagen/models';
import { addMonths, daysOfMonth, monthOfDay, type DayRange, type YearMonth } from './calendar-dates.js';
import { campaignTypeProfiles, isCampaignType, type CampaignType } from './campaign-types.js';
import { channels as allChannels, expectedCostPerImpression, isChannel, type Channel } from './channels.js';
import type { SaleEvent } from './sale-calendar.js';

/**
 * One campaign, as a row of dim_campaigns.
 *
 * @example
 * ```ts
 * const campaign: Campaign = {
 *   id: 20241103, name: 'Black Friday Sale 2024', type: 'SEASONAL_SALE', startDay: 20_056, endDay: 20_059,
 *   channels: ['SEARCH', 'DISPLAY', 'TV'], categories: ['TV & Video', 'Gaming'], launchProductId: null, creativeCount: 4, budget: 56_400,
 * };
 * ```
 */
export interface Campaign {
  /** yyyymmnn: the month it starts and its number within that month. */
  readonly id: number;
  readonly name: string;
  readonly type: CampaignType;
  /** First and last day it runs (day numbers, both included). */
  readonly startDay: number;
  readonly endDay: number;
  readonly channels: readonly Channel[];
  /** dim_products.category values it promotes. */
  readonly categories: readonly string[];
  /** dim_products.id of the launched product (PRODUCT_LAUNCH only), else null. */
  readonly launchProductId: number | null;
  readonly creativeCount: number;
  /** Spend cap over the window, in cents. */
  readonly budget: number;
}

/**
 * What {@link planCampaigns} needs.
 *
 * @example
 * ```ts
 * const input: CampaignPlanInput = { config, products: tables.get('dim_products')!, random: context.random, saleEvents, flashSaleShare: 0.4 };
 * ```
 */
export interface CampaignPlanInput {
  readonly config: RetailConfig;
  /** dim_products. */
  readonly products: ColumnBatch;
  /** The package's master-phase random streams. */
  random(...path: StreamKey[]): Random;
  readonly saleEvents: readonly SaleEvent[];
  /** Share of the `campaignsPerMonth` campaigns that are flash sales (the rest are product launches). */
  readonly flashSaleShare: number;
}

/** Months before the run's first month whose campaigns may still run into it (sales last at most 62 days, other campaigns 31). */
const campaignLookBackMonths = 3;
/** Budgets exceed the planned spend by a random 15-50 %, never less than $100. */
const budgetHeadroom = [1.15, 1.5] as const;
const minimumBudget = 100_00;
const launchDays = [14, 28] as const;
const flashSaleDays = [1, 3] as const;
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface Draft {
  readonly type: CampaignType;
  readonly name: string;
  readonly window: DayRange;
  readonly categories: readonly string[];
  readonly launchProductId: number | null;
}

/**
 * Plans the campaigns that run on at least one day of `config.start` ..
 * `config.end`. The campaigns starting in a month are a pure function of the
 * seed, the month and the product catalog, whatever the date range:
 *
 * - one LOYALTY campaign for the whole month, promoting two or three
 *   categories;
 * - a SEASONAL_SALE for each holiday sale of `saleEvents` starting in the
 *   month, promoting two to four of its categories the catalog has;
 * - `marketing.campaignsPerMonth` more: FLASH_SALEs of 1-3 days
 *   (`flashSaleShare` of them) and PRODUCT_LAUNCHes of 14-28 days starting on
 *   the launch day of a product launching that month (or any day, promoting
 *   a category, when none launches).
 *
 * Categories are drawn in proportion to the products they hold. A budget is
 * the campaign's expected spend (impressions a day x days x mean cost of its
 * channels) plus 15-50 % headroom.
 *
 * @example
 * ```ts
 * const campaigns = planCampaigns({ config, products: dims.get('dim_products')!, random: context.random, saleEvents, flashSaleShare: 0.4 });
 * campaigns.find((campaign) => campaign.type === 'SEASONAL_SALE')?.name; // 'Black Friday Sale 2024'
 * ```
 */
export function planCampaigns(input: CampaignPlanInput): Campaign[] {
  const { config, products } = input;
  const firstDay = dayNumberOf(config.start);
  const lastDay = dayNumberOf(config.end);
  const catalog = productCatalog(products);
  if (catalog.productCount === 0) return [];
  const firstMonth = addMonths(monthOfDay(firstDay), -campaignLookBackMonths);
  const lastMonth = monthOfDay(lastDay);
  // Launches through the end of the last month: a month's campaigns do not depend on the day the range ends,
  // so a longer range only adds campaigns (an extended history equals one generated in one go).
  const launches = launchesByMonth(catalog, daysOfMonth(firstMonth).first, daysOfMonth(lastMonth).last);
  const sales = salesByMonth(input.saleEvents, firstMonth.year - 1, lastMonth.year);

  const campaigns: Campaign[] = [];
  for (let month = firstMonth; monthKey(month) <= monthKey(lastMonth); month = addMonths(month, 1)) {
    const drafts = monthDrafts(input, catalog, month, launches.get(monthKey(month)) ?? [], sales.get(monthKey(month)) ?? []);
    if (drafts.length > 99) {
      throw new InvalidArgumentError(
        `campaigns starting in ${month.year}-${String(month.month).padStart(2, '0')}`,
        drafts.length,
        'at most 99 (1 loyalty + marketing.campaignsPerMonth + the sales of createMarketingGenerator options.saleEvents starting that month)',
      );
    }
    drafts.forEach((draft, index) => {
      if (draft.window.last < firstDay || draft.window.first > lastDay) return;
      campaigns.push(finishCampaign(input, draft, month.year * 10_000 + month.month * 100 + index + 1));
    });
  }
  return campaigns;
}

/**
 * The dim_campaigns batch of planned campaigns.
 *
 * @example
 * ```ts
 * const batch = campaignsBatch(planCampaigns(input));
 * batch.table.name; // 'dim_campaigns'
 * ```
 */
export function campaignsBatch(campaigns: readonly Campaign[]): ColumnBatch {
  const launchValid = Uint8Array.from(campaigns, (campaign) => (campaign.launchProductId === null ? 0 : 1));
  return createColumnBatch(
    dimCampaigns,
    campaigns.length,
    {
      ID: Int32Array.from(campaigns, (campaign) => campaign.id),
      CampaignName: campaigns.map((campaign) => campaign.name),
      CampaignType: campaigns.map((campaign) => campaign.type),
      StartDate: Int32Array.from(campaigns, (campaign) => campaign.startDay),
      EndDate: Int32Array.from(campaigns, (campaign) => campaign.endDay),
      Channels: campaigns.map((campaign) => campaign.channels.join(',')),
      TargetCategories: campaigns.map((campaign) => campaign.categories.join('|')),
      LaunchProductID: Int32Array.from(campaigns, (campaign) => campaign.launchProductId ?? 0),
      CreativeCount: Int32Array.from(campaigns, (campaign) => campaign.creativeCount),
      Budget: Float64Array.from(campaigns, (campaign) => campaign.budget),
    },
    { LaunchProductID: launchValid },
  );
}

/**
 * Reads campaigns back from a dim_campaigns batch (as loaded from the
 * database for the fact phase). Throws a clear error on a type or channel
 * this package does not know.
 *
 * @example
 * ```ts
 * const campaigns = readCampaigns(requireDim(run.dims, 'dim_campaigns'));
 * ```
 */
export function readCampaigns(batch: ColumnBatch): Campaign[] {
  const ids = int32Column(batch, 'ID');
  const names = stringValues(batch, 'CampaignName');
  const types = stringValues(batch, 'CampaignType');
  const starts = int32Column(batch, 'StartDate');
  const ends = int32Column(batch, 'EndDate');
  const channelLists = stringValues(batch, 'Channels');
  const categoryLists = stringValues(batch, 'TargetCategories');
  const launchProducts = int32Column(batch, 'LaunchProductID');
  const creatives = int32Column(batch, 'CreativeCount');
  const budgets = float64Column(batch, 'Budget');
  const campaigns: Campaign[] = [];
  for (let row = 0; row < batch.length; row++) {
    const id = ids[row] as number;
    const type = types[row] ?? '';
    const channels = (channelLists[row] ?? '').split(',');
    const bad = (what: string, value: string) =>
      new RetailDatagenError({ code: 'GENERATION_FAILURE', message: `dim_campaigns row ${id}: unknown ${what} ${JSON.stringify(value)}` });
    if (!isCampaignType(type)) throw bad('campaign_type', type);
    for (const channel of channels) if (!isChannel(channel)) throw bad('channel', channel);
    campaigns.push({
      id,
      name: names[row] ?? '',
      type,
      startDay: starts[row] as number,
      endDay: ends[row] as number,
      channels: channels as Channel[],
      categories: (categoryLists[row] ?? '').split('|').filter((category) => category !== ''),
      launchProductId: isValid(batch, 'LaunchProductID', row) ? (launchProducts[row] as number) : null,
      creativeCount: Math.max(1, creatives[row] as number),
      budget: budgets[row] as number,
    });
  }
  return campaigns;
}

interface ProductCatalog {
  readonly productCount: number;
  readonly ids: Int32Array;
  readonly names: readonly (string | null)[];
  readonly categories: readonly (string | null)[];
  readonly departments: readonly (string | null)[];
  readonly launchDays: Int32Array;
  readonly categorySet: ReadonlySet<string>;
  readonly categoriesOfDepartment: ReadonlyMap<string, readonly string[]>;
}

function productCatalog(products: ColumnBatch): ProductCatalog {
  const categories = stringValues(products, 'Category');
  const departments = stringValues(products, 'Department');
  const categoriesOfDepartment = new Map<string, string[]>();
  for (let product = 0; product < products.length; product++) {
    const department = departments[product] ?? '';
    const category = categories[product] ?? '';
    const list = categoriesOfDepartment.get(department) ?? [];
    if (!list.includes(category)) list.push(category);
    categoriesOfDepartment.set(department, list);
  }
  return {
    productCount: products.length,
    ids: int32Column(products, 'ID'),
    names: stringValues(products, 'ProductName'),
    categories,
    departments,
    launchDays: int32Column(products, 'LaunchDate'),
    categorySet: new Set(categories.filter((category): category is string => category !== null)),
    categoriesOfDepartment,
  };
}

const monthKey = ({ year, month }: YearMonth) => year * 12 + month - 1;

function launchesByMonth(catalog: ProductCatalog, firstDay: number, lastDay: number): Map<number, number[]> {
  const byMonth = new Map<number, number[]>();
  for (let product = 0; product < catalog.productCount; product++) {
    const launch = catalog.launchDays[product] as number;
    if (launch < firstDay || launch > lastDay) continue;
    const key = monthKey(monthOfDay(launch));
    const list = byMonth.get(key) ?? [];
    list.push(product);
    byMonth.set(key, list);
  }
  return byMonth;
}

interface SaleOfYear {
  readonly event: SaleEvent;
  readonly year: number;
  readonly window: DayRange;
}

function salesByMonth(events: readonly SaleEvent[], firstYear: number, lastYear: number): Map<number, SaleOfYear[]> {
  const byMonth = new Map<number, SaleOfYear[]>();
  for (let year = firstYear; year <= lastYear; year++) {
    for (const event of events) {
      const window = event.window(year);
      const key = monthKey(monthOfDay(window.first));
      const list = byMonth.get(key) ?? [];
      list.push({ event, year, window });
      byMonth.set(key, list);
    }
  }
  // Within a month: by first day, then calendar order (a stable sort keeps it).
  for (const list of byMonth.values()) list.sort((left, right) => left.window.first - right.window.first);
  return byMonth;
}

/** A category drawn in proportion to the products it holds. */
function randomCategory(catalog: ProductCatalog, random: Random): string {
  return catalog.categories[random.int(0, catalog.productCount - 1)] ?? '';
}

/** `count` distinct categories (fewer when the catalog has fewer). */
function randomCategories(catalog: ProductCatalog, random: Random, count: number): string[] {
  const picked: string[] = [];
  const wanted = Math.min(count, catalog.categorySet.size);
  for (let attempt = 0; picked.length < wanted && attempt < count * 20; attempt++) {
    const category = randomCategory(catalog, random);
    if (!picked.includes(category)) picked.push(category);
  }
  return picked;
}

function monthDrafts(input: CampaignPlanInput, catalog: ProductCatalog, month: YearMonth, launching: readonly number[], sales: readonly SaleOfYear[]): Draft[] {
  const random = input.random('month', month.year, month.month);
  const days = daysOfMonth(month);
  const monthName = `${monthNames[month.month - 1]} ${month.year}`;
  const drafts: Draft[] = [
    {
      type: 'LOYALTY',
      name: `Member Rewards ${monthName}`,
      window: days,
      categories: randomCategories(catalog, random, random.int(2, 3)),
      launchProductId: null,
    },
  ];

  for (const sale of sales) {
    const saleRandom = input.random('sale', sale.event.id, sale.year);
    const available = sale.event.categories.filter((category) => catalog.categorySet.has(category));
    if (available.length === 0) continue;
    const chosen = new Set(saleRandom.shuffle([...available]).slice(0, saleRandom.int(2, 4)));
    drafts.push({
      type: 'SEASONAL_SALE',
      name: `${sale.event.name} Sale ${sale.year}`,
      window: sale.window,
      categories: available.filter((category) => chosen.has(category)),
      launchProductId: null,
    });
  }

  const unlaunched = [...launching];
  for (let index = 0; index < input.config.marketing.campaignsPerMonth; index++) {
    if (random.chance(input.flashSaleShare)) {
      const first = random.int(days.first, days.last);
      const categories = randomCategories(catalog, random, random.int(1, 2));
      drafts.push({
        type: 'FLASH_SALE',
        name: `Flash Sale: ${categories.join(' + ')} (${isoDateOf(first)})`,
        window: { first, last: first + random.int(flashSaleDays[0], flashSaleDays[1]) - 1 },
        categories,
        launchProductId: null,
      });
      continue;
    }
    const length = random.int(launchDays[0], launchDays[1]);
    if (unlaunched.length > 0) {
      const product = unlaunched.splice(random.int(0, unlaunched.length - 1), 1)[0] as number;
      const category = catalog.categories[product] ?? '';
      const siblings = (catalog.categoriesOfDepartment.get(catalog.departments[product] ?? '') ?? []).filter((other) => other !== category);
      const categories = siblings.length > 0 && random.chance(0.5) ? [category, random.pick(siblings)] : [category];
      const first = catalog.launchDays[product] as number;
      drafts.push({
        type: 'PRODUCT_LAUNCH',
        name: `Launch: ${catalog.names[product] ?? category}`,
        window: { first, last: first + length - 1 },
        categories,
        launchProductId: catalog.ids[product] as number,
      });
    } else {
      const first = random.int(days.first, days.last);
      const category = randomCategory(catalog, random);
      drafts.push({
        type: 'PRODUCT_LAUNCH',
        name: `New in ${category} ${monthName}`,
        window: { first, last: first + length - 1 },
        categories: [category],
        launchProductId: null,
      });
    }
  }
  return drafts;
}

function finishCampaign(input: CampaignPlanInput, draft: Draft, id: number): Campaign {
  const random = input.random('campaign', id);
  const profile = campaignTypeProfiles[draft.type];
  const count = Math.min(profile.channels.length, random.int(profile.channelCount[0], profile.channelCount[1]));
  const chosen = new Set(random.shuffle([...profile.channels]).slice(0, count));
  const channels = allChannels.filter((channel) => chosen.has(channel));
  const days = draft.window.last - draft.window.first + 1;
  const plannedSpend = input.config.marketing.impressionsPerCampaignDay * profile.impressionScale * days * expectedCostPerImpression(channels);
  const budget = Math.max(minimumBudget, Math.ceil((plannedSpend * random.float(budgetHeadroom[0], budgetHeadroom[1])) / 100) * 100);
  return {
    id,
    name: draft.name,
    type: draft.type,
    startDay: draft.window.first,
    endDay: draft.window.last,
    channels,
    categories: draft.categories,
    launchProductId: draft.launchProductId,
    creativeCount: random.int(profile.creativeCount[0], profile.creativeCount[1]),
    budget,
  };
}
