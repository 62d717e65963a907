import {
  createWeightedSampler,
  int32Column,
  isoDateOf,
  requireDim,
  stringAt,
  timestampOf,
  type ColumnBatchBuilder,
  type FactRun,
  type Random,
  type StringColumn,
} from '@retail-datagen/generator-core';
import { campaignTypeProfiles } from './campaign-types.js';
import type { ScheduledCampaign } from './campaign-schedule.js';
import { channelProfiles, devices, type Channel } from './channels.js';

type WeightedSampler = ReturnType<typeof createWeightedSampler>;

/**
 * Relative impressions by hour of day: low overnight, a morning rise and an
 * evening peak (people scroll after work).
 *
 * @example
 * ```ts
 * impressionHourWeights[20] > impressionHourWeights[4]; // true
 * ```
 */
export const impressionHourWeights: readonly number[] = Object.freeze([
  0.6, 0.4, 0.3, 0.25, 0.25, 0.35, 0.7, 1.1, 1.3, 1.3, 1.3, 1.4, 1.5, 1.4, 1.3, 1.3, 1.4, 1.6, 1.9, 2.2, 2.3, 2.1, 1.6, 1,
]);
const hourSampler = createWeightedSampler(impressionHourWeights);

/** Draws a device index (into `devices`) for each channel. */
const deviceSamplers: Readonly<Record<Channel, WeightedSampler>> = Object.freeze(
  Object.fromEntries(
    Object.entries(channelProfiles).map(([channel, profile]) => [channel, createWeightedSampler(devices.map((device) => profile.deviceMix[device]))]),
  ) as Record<Channel, WeightedSampler>,
);


/** What drawing impressions needs from the run: the customers an impression may resolve to. */
export interface AudienceOfRun {
  readonly customerIds: Int32Array;
  readonly adIds: StringColumn;
}

/**
 * The known customers of a run (dim_customers ids and ad ids).
 *
 * @example
 * ```ts
 * const audience = audienceOf(run);
 * audience.customerIds.length; // config.volumes.customers
 * ```
 */
export function audienceOf(run: FactRun): AudienceOfRun {
  const customers = requireDim(run.dims, 'dim_customers');
  return { customerIds: int32Column(customers, 'ID'), adIds: customers.columns.AdId as StringColumn };
}

/** What one campaign-day of impressions is drawn from. */
export interface CampaignDayInput {
  readonly scheduled: ScheduledCampaign;
  readonly dayNumber: number;
  readonly impressionsPerCampaignDay: number;
  readonly resolvedShare: number;
  readonly audience: AudienceOfRun;
  /** The campaign-day's own stream. */
  readonly random: Random;
  /** fact_marketing rows go here. */
  readonly impressions: ColumnBatchBuilder;
}

/**
 * Writes one campaign's impressions of one day to fact_marketing and returns
 * what they cost (cents):
 *
 * - count ~ Poisson(impressionsPerCampaignDay x the campaign type's scale),
 *   times spread over the day by {@link impressionHourWeights}, rows in time
 *   order;
 * - channel by channel weight among the campaign's channels, device by the
 *   channel's device mix, creative uniform among the campaign's creatives;
 * - cost: the channel's cost per impression, in whole cents (a 0.7-cent
 *   impression costs 1 cent with chance 0.7, else 0);
 * - budget pacing: the day spends at most floor(budget / window days); once
 *   the next impression would pass that, the day's delivery stops, so spend
 *   over the window never exceeds the budget;
 * - with chance `resolvedShare` the impression is resolved to a known
 *   customer (uniform over dim_customers): customer_id and the customer's
 *   ad_id are set, else both are NULL.
 *
 * Ids are `IMP-<campaign id>-<yyyymmdd>-<sequence>` (6 digits), e.g.
 * `IMP-20241102-20241129-000042`, so they are unique without a counter.
 *
 * @example
 * ```ts
 * const spent = writeCampaignDay({ scheduled, dayNumber, impressionsPerCampaignDay: 6000, resolvedShare: 0.05, audience, random, impressions: context.emit(factMarketing) });
 * ```
 */
export function writeCampaignDay(input: CampaignDayInput): number {
  const { scheduled, dayNumber, random, impressions, audience } = input;
  const { campaign } = scheduled;
  const mean = input.impressionsPerCampaignDay * campaignTypeProfiles[campaign.type].impressionScale;
  const count = Math.min(999_999, random.poisson(mean));
  const seconds = new Float64Array(count);
  for (let index = 0; index < count; index++) seconds[index] = hourSampler.sample(random) * 3600 + random.int(0, 3599);
  seconds.sort();

  const dailyCap = Math.floor(campaign.budget / (campaign.endDay - campaign.startDay + 1));
  const idPrefix = `IMP-${campaign.id}-${isoDateOf(dayNumber).replaceAll('-', '')}-`;
  const creativePrefix = `CR-${campaign.id}-`;
  const dayStart = timestampOf(dayNumber);
  const customerCount = audience.customerIds.length;
  let spent = 0;
  for (let index = 0; index < count; index++) {
    const channel = campaign.channels[scheduled.channelSampler.sample(random)] ?? 'EMAIL';
    const profile = channelProfiles[channel];
    const wholeCents = Math.floor(profile.costPerImpression);
    const cost = wholeCents + (random.chance(profile.costPerImpression - wholeCents) ? 1 : 0);
    if (spent + cost > dailyCap) break;
    spent += cost;
    const device = devices[deviceSamplers[channel].sample(random)] ?? 'MOBILE';
    const creative = random.int(1, campaign.creativeCount);
    impressions.pushString('ImpressionId', idPrefix + String(index + 1).padStart(6, '0'));
    impressions.pushNumber('EventTS', dayStart + (seconds[index] as number) * 1000);
    impressions.pushNumber('CampaignID', campaign.id);
    impressions.pushString('Channel', channel);
    impressions.pushString('CreativeId', creativePrefix + creative);
    impressions.pushString('Device', device);
    impressions.pushNumber('Cost', cost);
    if (customerCount > 0 && random.chance(input.resolvedShare)) {
      const customer = random.int(0, customerCount - 1);
      impressions.pushNumber('CustomerID', audience.customerIds[customer] as number);
      impressions.pushString('CustomerAdId', stringAt(audience.adIds, customer));
    } else {
      impressions.pushNull('CustomerID');
      impressions.pushString('CustomerAdId', null);
    }
    impressions.endRow();
  }
  return spent;
}
