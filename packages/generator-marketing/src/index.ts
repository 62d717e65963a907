export { createMarketingGenerator, marketing, type MarketingGeneratorOptions } from './marketing-generator.js';
export { campaignsBatch, planCampaigns, readCampaigns, type Campaign, type CampaignPlanInput } from './campaign-plan.js';
export { campaignTypeProfiles, campaignTypes, isCampaignType, type CampaignType, type CampaignTypeProfile } from './campaign-types.js';
export { channelProfiles, channels, devices, expectedCostPerImpression, isChannel, type Channel, type ChannelProfile, type Device } from './channels.js';
export { impressionHourWeights } from './impressions.js';
export { checkSaleEvents, maximumSaleDays, saleEvents, type SaleEvent } from './sale-calendar.js';
export type { DayRange } from './calendar-dates.js';
