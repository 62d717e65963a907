import { defineTable } from './table-definition.js';

/**
 * The channels a campaign buys impressions in, as fact_marketing.channel holds them.
 *
 * @example
 * ```ts
 * channels.length; // 6
 * ```
 */
export const channels = ['EMAIL', 'SOCIAL', 'SEARCH', 'DISPLAY', 'VIDEO', 'TV'] as const;

/**
 * The devices an impression is shown on (TV = connected TV), as fact_marketing.device holds them.
 *
 * @example
 * ```ts
 * devices[0]; // 'MOBILE'
 * ```
 */
export const devices = ['MOBILE', 'DESKTOP', 'TABLET', 'TV'] as const;

/**
 * Marketing campaigns: seasonal sales aligned with the holiday calendar,
 * product launches, a loyalty campaign each month and flash sales, each with
 * its date window, channels, target categories and budget.
 *
 * @example
 * ```ts
 * dimCampaigns.field('TargetCategories').column; // 'target_categories'
 * // SELECT * FROM dim_campaigns c, unnest(string_split(c.target_categories, '|')) AS t(category)
 * ```
 */
export const dimCampaigns = defineTable({
  name: 'DimCampaigns',
  kind: 'dimension',
  description: 'Marketing campaigns with their date window, channels, target categories and budget.',
  primaryKey: ['ID'],
  fields: [
    { name: 'ID', type: 'int32', description: 'yyyymmnn: the month the campaign starts and its number within that month' },
    { name: 'CampaignName', type: 'string' },
    { name: 'CampaignType', type: 'string', description: 'SEASONAL_SALE, PRODUCT_LAUNCH, LOYALTY or FLASH_SALE' },
    { name: 'StartDate', type: 'date', description: 'First day the campaign runs' },
    { name: 'EndDate', type: 'date', description: 'Last day the campaign runs (inclusive)' },
    { name: 'Channels', type: 'string', description: 'Comma-separated channels: EMAIL, SOCIAL, SEARCH, DISPLAY, VIDEO, TV' },
    { name: 'TargetCategories', type: 'string', description: "dim_products.category values the campaign promotes, separated by '|'" },
    { name: 'LaunchProductID', type: 'int32', nullable: true, references: 'dim_products.id', description: 'The product a PRODUCT_LAUNCH campaign launches' },
    { name: 'CreativeCount', type: 'int32', description: 'Creatives of the campaign: creative ids CR-<id>-1 ... CR-<id>-<count>' },
    { name: 'Budget', type: 'money', description: 'Spend cap over the whole window; each day spends at most budget / days' },
  ],
});

/**
 * Ad impressions of campaigns by day, channel and device, with their cost. A
 * share of them is resolved to a known customer (customer_id and the
 * customer's ad id set); the rest are anonymous (both NULL).
 *
 * @example
 * ```ts
 * factMarketing.field('ImpressionId').column; // 'impression_id_ext'
 * factMarketing.field('CustomerAdId').column; // 'customer_ad_id'
 * ```
 */
export const factMarketing = defineTable({
  name: 'FactMarketing',
  kind: 'fact',
  description: 'Ad impressions of campaigns with channel, device and cost; a share resolved to known customers.',
  primaryKey: ['ImpressionId'],
  fields: [
    { name: 'ImpressionId', type: 'string', column: 'impression_id_ext', description: 'IMP-<campaign id>-<yyyymmdd>-<sequence of the campaign-day>' },
    { name: 'EventTS', type: 'timestamp' },
    { name: 'CampaignID', type: 'int32', references: 'dim_campaigns.id' },
    { name: 'Channel', type: 'string', values: channels, description: 'EMAIL, SOCIAL, SEARCH, DISPLAY, VIDEO or TV' },
    { name: 'CreativeId', type: 'string', description: 'CR-<campaign id>-<n>' },
    { name: 'Device', type: 'string', values: devices, description: 'MOBILE, DESKTOP, TABLET or TV' },
    { name: 'Cost', type: 'money', description: 'Cost of the impression in cents' },
    { name: 'CustomerAdId', type: 'string', nullable: true, description: 'dim_customers.ad_id of a resolved impression; NULL = anonymous' },
    { name: 'CustomerID', type: 'int32', nullable: true, references: 'dim_customers.id', description: 'NULL = anonymous' },
  ],
});

/** The marketing tables, referenced tables first. */
export const marketingTables = [dimCampaigns, factMarketing] as const;
