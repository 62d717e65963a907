import { channels, devices } from '@retail-datagen/models';

/** The channels and devices of fact_marketing (declared with the table in the models). */
export { channels, devices };

/**
 * One of {@link channels}.
 *
 * @example
 * ```ts
 * const channel: Channel = 'SEARCH';
 * ```
 */
export type Channel = (typeof channels)[number];

/**
 * One of {@link devices}.
 *
 * @example
 * ```ts
 * const device: Device = 'TABLET';
 * ```
 */
export type Device = (typeof devices)[number];

/**
 * How a channel delivers: its share of a campaign's impressions, its price and the devices it reaches.
 *
 * @example
 * ```ts
 * const email: ChannelProfile = { weight: 1, costPerImpression: 0.05, deviceMix: { MOBILE: 0.6, DESKTOP: 0.32, TABLET: 0.08, TV: 0 } };
 * ```
 */
export interface ChannelProfile {
  /** Relative weight of the channel among the channels of a campaign. */
  readonly weight: number;
  /** Mean cost of one impression in cents (a CPM of $7 is 0.7 cents). */
  readonly costPerImpression: number;
  /** Relative weights of the devices the channel's impressions land on. */
  readonly deviceMix: Readonly<Record<Device, number>>;
}

/**
 * What each channel costs and where it is seen. Costs are typical CPMs
 * (email about $0.50, display $3, social $7, video $12, search $18, connected
 * TV $30 per thousand impressions); an impression costs whole cents, so a
 * 0.7-cent impression costs 1 cent with chance 0.7 and 0 otherwise.
 *
 * @example
 * ```ts
 * channelProfiles.TV.deviceMix; // { MOBILE: 0, DESKTOP: 0, TABLET: 0, TV: 1 }
 * channelProfiles.SOCIAL.costPerImpression; // 0.7 (cents)
 * ```
 */
export const channelProfiles: Readonly<Record<Channel, ChannelProfile>> = Object.freeze({
  EMAIL: { weight: 1, costPerImpression: 0.05, deviceMix: { MOBILE: 0.6, DESKTOP: 0.32, TABLET: 0.08, TV: 0 } },
  SOCIAL: { weight: 1.5, costPerImpression: 0.7, deviceMix: { MOBILE: 0.82, DESKTOP: 0.12, TABLET: 0.06, TV: 0 } },
  SEARCH: { weight: 0.8, costPerImpression: 1.8, deviceMix: { MOBILE: 0.58, DESKTOP: 0.36, TABLET: 0.06, TV: 0 } },
  DISPLAY: { weight: 1.2, costPerImpression: 0.3, deviceMix: { MOBILE: 0.5, DESKTOP: 0.4, TABLET: 0.1, TV: 0 } },
  VIDEO: { weight: 0.6, costPerImpression: 1.2, deviceMix: { MOBILE: 0.5, DESKTOP: 0.2, TABLET: 0.1, TV: 0.2 } },
  TV: { weight: 0.4, costPerImpression: 3, deviceMix: { MOBILE: 0, DESKTOP: 0, TABLET: 0, TV: 1 } },
});

/**
 * Mean cost of one impression of a campaign in cents, its channels weighted
 * as the impressions are spread over them.
 *
 * @example
 * ```ts
 * expectedCostPerImpression(['EMAIL', 'SOCIAL']); // (1 x 0.05 + 1.5 x 0.7) / 2.5 = 0.44
 * ```
 */
export function expectedCostPerImpression(campaignChannels: readonly Channel[]): number {
  let weights = 0;
  let cost = 0;
  for (const channel of campaignChannels) {
    const profile = channelProfiles[channel];
    weights += profile.weight;
    cost += profile.weight * profile.costPerImpression;
  }
  return weights > 0 ? cost / weights : 0;
}

/**
 * True for one of {@link channels}.
 *
 * @example
 * ```ts
 * isChannel('EMAIL'); // true
 * isChannel('RADIO'); // false
 * ```
 */
export function isChannel(value: string): value is Channel {
  return (channels as readonly string[]).includes(value);
}
