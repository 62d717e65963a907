import { requireDim, type FactHooks, type FactRun, type GeneratorPlugin } from '@retail-datagen/generator-core';
import { InvalidArgumentError, dimCampaigns, factMarketing } from '@retail-datagen/models';
import { campaignsBatch, planCampaigns } from './campaign-plan.js';
import { createMarketingSchedule, type MarketingSchedule } from './campaign-schedule.js';
import { audienceOf, writeCampaignDay, type AudienceOfRun } from './impressions.js';
import { checkSaleEvents, saleEvents as defaultSaleEvents, type SaleEvent } from './sale-calendar.js';

/**
 * Options of {@link createMarketingGenerator}; every one has a default.
 *
 * @example
 * ```ts
 * const options: MarketingGeneratorOptions = { saleEvents: saleEvents.filter((event) => event.id !== 'yearEnd'), flashSaleShare: 0.25 };
 * ```
 */
export interface MarketingGeneratorOptions {
  /** The holiday sales calendar; default {@link saleEvents}. An empty list plans no seasonal sales. */
  readonly saleEvents?: readonly SaleEvent[];
  /** Share of the `marketing.campaignsPerMonth` campaigns that are flash sales (the rest are product launches). Default 0.4. */
  readonly flashSaleShare?: number;
}

const id = 'marketing';

interface RunMarketing {
  readonly schedule: MarketingSchedule;
  readonly audience: AudienceOfRun;
}

/**
 * Creates the marketing generator:
 *
 * - master phase: dim_campaigns, the campaigns running on at least one day
 *   of the configured range ({@link planCampaigns}): a loyalty campaign each
 *   month, holiday sales on the seasonal calendar ({@link saleEvents}),
 *   product launches and flash sales (`marketing.campaignsPerMonth`), each
 *   with channels, target categories and a budget;
 * - setup: while a campaign runs, its target categories get the demand
 *   factor `marketing.demandLift` through `demand.contributeCategory`, so
 *   receipts sell more of them inside the window (overlapping campaigns on
 *   one category do not compound);
 * - chain phase (end of each day): fact_marketing, the impressions of every
 *   running campaign by channel and device with their cost
 *   ({@link writeCampaignDay}), paced so no campaign spends more than its
 *   budget, and `marketing.resolvedShare` of them resolved to known customers.
 *
 * The fact phase reads the campaigns from dim_campaigns, so impressions and
 * demand always agree with the dimension rows in the database.
 *
 * @example
 * ```ts
 * import { createGeneratorRegistry, FactEngine } from '@retail-datagen/generator-core';
 *
 * const marketing = createMarketingGenerator({ flashSaleShare: 0.5 });
 * const registry = createGeneratorRegistry({ master, seasonal, inventory, receipts, marketing });
 * const dims = await runMasterPhase(registry, config); // ... dim_campaigns
 * const engine = new FactEngine(registry, run, { partitions: 16 });
 * engine.runDay(run.firstDay).batches; // ... fact_marketing
 * ```
 */
export function createMarketingGenerator(options: MarketingGeneratorOptions = {}): GeneratorPlugin {
  const saleEvents = options.saleEvents ?? defaultSaleEvents;
  checkSaleEvents(saleEvents);
  const flashSaleShare = options.flashSaleShare ?? 0.4;
  if (typeof flashSaleShare !== 'number' || !(flashSaleShare >= 0 && flashSaleShare <= 1)) {
    throw new InvalidArgumentError('createMarketingGenerator options.flashSaleShare', flashSaleShare, 'a share from 0 to 1');
  }
  // A pure function of the run: built once per run in each thread.
  const byRun = new WeakMap<FactRun, RunMarketing>();
  const marketingOf = (run: FactRun): RunMarketing => {
    let marketing = byRun.get(run);
    if (!marketing) {
      marketing = { schedule: createMarketingSchedule(run), audience: audienceOf(run) };
      byRun.set(run, marketing);
    }
    return marketing;
  };

  const facts: FactHooks = {
    setup({ run, demand }) {
      const { schedule } = marketingOf(run);
      const lift = run.config.marketing.demandLift;
      demand.contributeCategory(id, (dayNumber, category) => (schedule.promotes(dayNumber, category) ? lift : 1));
    },
    endDay(context) {
      const { schedule, audience } = marketingOf(context.run);
      const { impressionsPerCampaignDay, resolvedShare } = context.run.config.marketing;
      const impressions = context.emit(factMarketing);
      for (const scheduled of schedule.activeOn(context.dayNumber)) {
        writeCampaignDay({
          scheduled,
          dayNumber: context.dayNumber,
          impressionsPerCampaignDay,
          resolvedShare,
          audience,
          random: context.random('campaign', scheduled.campaign.id),
          impressions,
        });
      }
    },
  };

  return {
    specificationVersion: 'v1',
    id,
    description: 'Marketing campaigns (seasonal sales, product launches, loyalty, flash sales), ad impressions with cost, and a demand lift for promoted categories',
    requires: ['master', 'seasonal'],
    tables: [dimCampaigns, factMarketing],
    generateMaster(context) {
      const campaigns = planCampaigns({
        config: context.config,
        products: requireDim(context.tables, 'dim_products'),
        random: context.random,
        saleEvents,
        flashSaleShare,
      });
      return [campaignsBatch(campaigns)];
    },
    facts,
  };
}

/**
 * The marketing generator with the default sale calendar.
 *
 * @example
 * ```ts
 * const registry = createGeneratorRegistry({ master, seasonal, inventory, receipts, marketing });
 * ```
 */
export const marketing: GeneratorPlugin = createMarketingGenerator();
