import type { Channel } from './channels.js';

/**
 * The kinds of campaign, as dim_campaigns.campaign_type holds them.
 *
 * @example
 * ```ts
 * campaignTypes.includes('FLASH_SALE'); // true
 * ```
 */
export const campaignTypes = ['SEASONAL_SALE', 'PRODUCT_LAUNCH', 'LOYALTY', 'FLASH_SALE'] as const;

/**
 * One of {@link campaignTypes}.
 *
 * @example
 * ```ts
 * const type: CampaignType = 'LOYALTY';
 * ```
 */
export type CampaignType = (typeof campaignTypes)[number];

/**
 * How a kind of campaign is run.
 *
 * @example
 * ```ts
 * const profile: CampaignTypeProfile = { impressionScale: 2, channels: ['EMAIL', 'SOCIAL'], channelCount: [1, 2], creativeCount: [1, 2] };
 * ```
 */
export interface CampaignTypeProfile {
  /** Impressions per day relative to `marketing.impressionsPerCampaignDay`. */
  readonly impressionScale: number;
  /** Channels it may use; a campaign takes `channelCount` of them. */
  readonly channels: readonly Channel[];
  readonly channelCount: readonly [min: number, max: number];
  /** Creatives per campaign. */
  readonly creativeCount: readonly [min: number, max: number];
}

/**
 * The kinds of campaign: a monthly loyalty campaign mailed to members, sales
 * around the holidays with broad media (TV included), product launches
 * online, and short flash sales with twice the daily reach.
 *
 * @example
 * ```ts
 * campaignTypeProfiles.FLASH_SALE.impressionScale; // 2
 * ```
 */
export const campaignTypeProfiles: Readonly<Record<CampaignType, CampaignTypeProfile>> = Object.freeze({
  SEASONAL_SALE: { impressionScale: 1.5, channels: ['TV', 'SOCIAL', 'SEARCH', 'DISPLAY', 'EMAIL'], channelCount: [3, 5], creativeCount: [3, 6] },
  PRODUCT_LAUNCH: { impressionScale: 1, channels: ['SOCIAL', 'SEARCH', 'DISPLAY', 'VIDEO'], channelCount: [2, 4], creativeCount: [2, 4] },
  LOYALTY: { impressionScale: 0.5, channels: ['EMAIL', 'SOCIAL'], channelCount: [2, 2], creativeCount: [1, 3] },
  FLASH_SALE: { impressionScale: 2, channels: ['EMAIL', 'SOCIAL', 'DISPLAY'], channelCount: [2, 3], creativeCount: [1, 2] },
});

/**
 * True for one of {@link campaignTypes}.
 *
 * @example
 * ```ts
 * isCampaignType('LOYALTY'); // true
 * ```
 */
export function isCampaignType(value: string): value is CampaignType {
  return (campaignTypes as readonly string[]).includes(value);
}
