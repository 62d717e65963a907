import { createWeightedSampler, requireDim, type FactRun } from '@retail-datagen/generator-core';
import type { DayRange } from './calendar-dates.js';
import { readCampaigns, type Campaign } from './campaign-plan.js';
import { channelProfiles } from './channels.js';

type WeightedSampler = ReturnType<typeof createWeightedSampler>;

/** A campaign with what drawing its impressions needs. */
export interface ScheduledCampaign {
  readonly campaign: Campaign;
  /** Draws an index into `campaign.channels` by channel weight. */
  readonly channelSampler: WeightedSampler;
}

/**
 * The campaigns of a run as the fact phase uses them: which run on a day,
 * and which categories they promote. Read from dim_campaigns, so the facts
 * always agree with the dimension rows in the database.
 */
export interface MarketingSchedule {
  readonly campaigns: readonly ScheduledCampaign[];
  /** The campaigns running on a day, in dim_campaigns order. */
  activeOn(dayNumber: number): ScheduledCampaign[];
  /** True when a campaign running on the day promotes the category. */
  promotes(dayNumber: number, category: string): boolean;
}

/**
 * The schedule of a run's campaigns (from `run.dims` dim_campaigns).
 *
 * @example
 * ```ts
 * const schedule = createMarketingSchedule(run);
 * schedule.activeOn(run.firstDay).map(({ campaign }) => campaign.name); // ['Member Rewards November 2024', ...]
 * ```
 */
export function createMarketingSchedule(run: FactRun): MarketingSchedule {
  const campaigns = readCampaigns(requireDim(run.dims, 'dim_campaigns')).map((campaign) => ({
    campaign,
    channelSampler: createWeightedSampler(campaign.channels.map((channel) => channelProfiles[channel].weight)),
  }));
  const windowsByCategory = new Map<string, DayRange[]>();
  for (const { campaign } of campaigns) {
    for (const category of campaign.categories) {
      const windows = windowsByCategory.get(category) ?? [];
      windows.push({ first: campaign.startDay, last: campaign.endDay });
      windowsByCategory.set(category, windows);
    }
  }
  return {
    campaigns,
    activeOn: (dayNumber) => campaigns.filter(({ campaign }) => campaign.startDay <= dayNumber && dayNumber <= campaign.endDay),
    promotes(dayNumber, category) {
      const windows = windowsByCategory.get(category);
      if (!windows) return false;
      for (const window of windows) if (window.first <= dayNumber && dayNumber <= window.last) return true;
      return false;
    },
  };
}
