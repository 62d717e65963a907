import { z } from 'zod';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'must be a real calendar date written YYYY-MM-DD');

const share = z.number().min(0, 'must be a share from 0 to 1').max(1, 'must be a share from 0 to 1');
const count = (min: number, max: number) =>
  z.number().int(`must be a whole number from ${min} to ${max}`).min(min, `must be a whole number from ${min} to ${max}`).max(max, `must be a whole number from ${min} to ${max}`);

const tripWeights = z.strictObject({
  quick: z.number().min(0, 'must be a weight >= 0').default(0.4).describe('Quick trips: a few items'),
  grocery: z.number().min(0, 'must be a weight >= 0').default(0.35).describe('Weekly grocery runs'),
  family: z.number().min(0, 'must be a weight >= 0').default(0.18).describe('Large family shops'),
  bulk: z.number().min(0, 'must be a weight >= 0').default(0.07).describe('Bulk / stock-up trips'),
});

const tripItems = z.strictObject({
  quick: z.number().min(1, 'must be from 1 to 200').max(200, 'must be from 1 to 200').default(3).describe('Mean items of a quick trip'),
  grocery: z.number().min(1, 'must be from 1 to 200').max(200, 'must be from 1 to 200').default(12).describe('Mean items of a grocery trip'),
  family: z.number().min(1, 'must be from 1 to 200').max(200, 'must be from 1 to 200').default(24).describe('Mean items of a family trip'),
  bulk: z.number().min(1, 'must be from 1 to 200').max(200, 'must be from 1 to 200').default(40).describe('Mean items of a bulk trip'),
});

/**
 * The configuration schema. Every field has a default, so `{}` is a valid
 * configuration; `seed` fixes every random draw.
 */
export const configSchema = z
  .strictObject({
    seed: count(0, 4_294_967_295).default(42).describe('Fixes every random draw: same seed + config + version = same rows'),
    start: isoDate.default('2024-11-15').describe('First day of fact history (YYYY-MM-DD)'),
    end: isoDate.default('2024-12-14').describe('Last day of fact history, inclusive (YYYY-MM-DD)'),
    volumes: z
      .strictObject({
        geographies: count(1, 100_000).default(60).describe('Cities (dim_geographies rows)'),
        stores: count(1, 100_000).default(24).describe('Stores (dim_stores rows)'),
        distributionCenters: count(1, 500).default(3).describe('Distribution centers; one region per DC'),
        trucksPerDc: count(0, 1_000).default(6).describe('Trucks owned by each DC'),
        poolTrucks: count(0, 10_000).default(4).describe('Pool trucks shared by all DCs (dc_id NULL)'),
        customers: count(1, 50_000_000).default(20_000).describe('Known customers (dim_customers rows)'),
        products: count(1, 1_000_000).default(800).describe('Products (dim_products rows)'),
      })
      .prefault({}),
    traffic: z
      .strictObject({
        baseDailyCustomers: z.number().positive().max(1_000_000).default(700).describe('Customers per day of a store with traffic multiplier 1 on an ordinary weekday'),
        anonymousShare: share.default(0.4).describe('Share of shoppers who are not known customers'),
        homeStoreShare: share.default(0.85).describe('Share of known shoppers seen at their home store (the rest at nearby stores)'),
        weekendLift: z.number().min(0).max(10).default(1.3).describe('Traffic on Saturday and Sunday relative to an ordinary weekday'),
      })
      .prefault({}),
    basket: z
      .strictObject({
        tripMix: tripWeights.prefault({}).describe('Relative weights of trip types'),
        meanItems: tripItems.prefault({}).describe('Mean distinct items per trip type, before format scaling'),
        maxQuantity: count(1, 100).default(6).describe('Most units of one product on one line'),
      })
      .prefault({}),
    seasonality: z
      .strictObject({
        blackFridayLift: z.number().min(0).max(20).default(2.4).describe('Traffic on Black Friday relative to an ordinary day of the same weekday and season'),
        holidayEveLift: z.number().min(0).max(20).default(1.5).describe('Traffic on the eve of a major holiday (Christmas Eve, day before Thanksgiving, July 3...)'),
        closedOnChristmas: z.boolean().default(true).describe('Stores do not open on December 25'),
      })
      .prefault({}),
    payments: z
      .strictObject({
        tenderMix: z
          .strictObject({
            credit: z.number().min(0, 'must be a weight >= 0').default(0.45).describe('Weight of credit cards'),
            debit: z.number().min(0, 'must be a weight >= 0').default(0.25).describe('Weight of debit cards'),
            cash: z.number().min(0, 'must be a weight >= 0').default(0.15).describe('Weight of cash'),
            mobile: z.number().min(0, 'must be a weight >= 0').default(0.15).describe('Weight of mobile wallets'),
          })
          .prefault({}),
        declineRate: share.default(0.04).describe('Share of card and mobile attempts declined (cash never declines); a declined attempt is retried'),
      })
      .prefault({}),
    promotions: z
      .strictObject({
        lineShare: share.default(0.12).describe('Share of eligible sale lines that carry a promotion'),
      })
      .prefault({}),
    returns: z
      .strictObject({
        rate: share.default(0.025).describe('Returns per sale receipt on an ordinary day'),
        afterChristmasMultiplier: z.number().min(0).max(20).default(3).describe('Return rate multiplier from Dec 26 to Jan 7'),
      })
      .prefault({}),
    inventory: z
      .strictObject({
        initialDaysOfSupply: z.number().min(0).max(365).default(12).describe('Initial store stock per product, in days of expected sales'),
        reorderPointDays: z.number().min(0).max(365).default(4).describe('Reorder when on hand plus in transit falls to this many days of expected sales'),
        reorderQuantityDays: z.number().min(0.1).max(365).default(10).describe('Reorder this many days of expected sales'),
        leadTimeDays: count(1, 60)
          .default(2)
          .describe('Days a store allows for a reorder to arrive: a product launching during the run is first ordered this many days before its launch'),
      })
      .prefault({}),
    logistics: z
      .strictObject({
        supplierShipmentsPerDcPerDay: count(1, 50)
          .default(3)
          .describe('Supplier shipments a DC receives on a day goods are due: its products are split among this many supplier lanes'),
        supplierLeadTimeDays: count(1, 60).default(3).describe('Days from a DC purchase order to the supplier shipment that brings it'),
        dcInitialDaysOfSupply: z.number().min(0).max(365).default(14).describe("Initial DC stock per product, in days of the expected sales of the stores it serves"),
        dcReorderPointDays: z.number().min(0).max(365).default(7).describe('A DC orders from suppliers when on hand plus on order minus backorders falls to this many days of expected sales'),
        dcReorderQuantityDays: z.number().min(0.1).max(365).default(14).describe('A DC orders up to its reorder point plus this many days of expected sales'),
        truckSpeedKmh: z.number().min(10).max(200).default(70).describe('Average truck speed: travel time = great-circle distance between DC and store / speed'),
        loadingHours: z.number().min(0.25).max(24).default(1.5).describe('Hours to load a full truck at the DC; a partial load takes proportionally less (at least 15 minutes)'),
        unloadingHours: z.number().min(0.25).max(12).default(1).describe('Hours to unload a full truck at the store; a partial load takes proportionally less (at least 15 minutes)'),
        unitsPerCapacityUnit: count(1, 10_000)
          .default(24)
          .describe('Store units per dim_trucks.capacity_units (capacity is counted in cases): a truck carries at most capacity_units x this many units'),
        minimumLoadShare: share
          .default(0.5)
          .describe("A truck leaves for a store once its load fills this share of its capacity, or when the load's oldest request has waited maximumHoldHours"),
        maximumHoldHours: z.number().min(0).max(168).default(24).describe('Longest a store request waits at the DC for a fuller truck when a truck is free'),
      })
      .prefault({}),
    marketing: z
      .strictObject({
        campaignsPerMonth: count(0, 40)
          .default(4)
          .describe("Product launch and flash sale campaigns starting each month, on top of the month's loyalty campaign and the holiday sales"),
        impressionsPerCampaignDay: count(0, 200_000)
          .default(6_000)
          .describe('Mean ad impressions of an active campaign per day (loyalty x0.5, seasonal sale x1.5, flash sale x2); budgets are sized from it'),
        resolvedShare: share.default(0.05).describe('Share of impressions resolved to a known customer (customer_id and customer_ad_id set; NULL otherwise)'),
        demandLift: z
          .number()
          .min(1, 'must be a factor from 1 to 10')
          .max(10, 'must be a factor from 1 to 10')
          .default(1.25)
          .describe("Demand factor of a campaign's target categories on the days it runs (1 = campaigns do not move sales)"),
      })
      .prefault({}),
    sensors: z
      .strictObject({
        conversionRate: z
          .number()
          .min(0.01, 'must be a share from 0.01 to 1')
          .max(1, 'must be a share from 0.01 to 1')
          .default(0.45)
          .describe('Share of the people entering a store who come to buy or return, on a weekday at an hour of middling traffic; the rest browse and leave (receipts / entrance count is about this share)'),
        weekendConversionFactor: z
          .number()
          .min(0.1, 'must be a factor from 0.1 to 1')
          .max(1, 'must be a factor from 0.1 to 1')
          .default(0.85)
          .describe('Conversion on Saturday and Sunday relative to weekdays (more browsing on weekends)'),
        peakConversionLift: z
          .number()
          .min(0, 'must be from 0 to 1')
          .max(1, 'must be from 0 to 1')
          .default(0.3)
          .describe("Conversion at a store-day's busiest hour is 1 + lift/2 times the base, at an hour without demand 1 - lift/2 times, linear in between"),
        identifiedBleShare: share
          .default(0.6)
          .describe("Share of known customers' visits whose BLE pings carry the customer's ble_id and customer_id (the rest, and every anonymous shopper, ping under an anonymous id)"),
        pingsPerVisit: z
          .number()
          .min(1, 'must be from 1 to 50')
          .max(50, 'must be from 1 to 50')
          .default(4)
          .describe('Mean BLE pings per visit: entrance, departments, checkout (the volume of fact_ble_pings scales with it)'),
      })
      .prefault({}),
    onlineOrders: z
      .strictObject({
        ordersPerStoreDay: z
          .number()
          .min(0, 'must be from 0 to 100000')
          .max(100_000, 'must be from 0 to 100000')
          .default(30)
          .describe("Online orders placed a day by the customers of a store with an average number of home-store customers, on a day of demand factor 1 (the store's seasonal day total scales it)"),
        meanLines: z.number().min(1, 'must be from 1 to 50').max(50, 'must be from 1 to 50').default(2.5).describe('Mean distinct products per online order'),
        fulfillmentMix: z
          .strictObject({
            shipFromDc: z
              .number()
              .min(0, 'must be a weight >= 0')
              .default(0.4)
              .describe("Weight of orders shipped from the DC serving the customer's home store: picked the next evening from the DC's free stock (on hand minus what it owes its stores; a line it lacks is cancelled), taxed at the home store's rate"),
            shipFromStore: z.number().min(0, 'must be a weight >= 0').default(0.35).describe("Weight of orders shipped from the customer's home store"),
            bopis: z.number().min(0, 'must be a weight >= 0').default(0.25).describe("Weight of orders bought online and picked up at the customer's home store"),
          })
          .prefault({}),
        cancelRate: share.default(0.03).describe('Share of orders the customer cancels before they are picked'),
        couponShare: share.default(0.1).describe('Share of orders placed with the WEB10 coupon (10% off every fulfilled line)'),
      })
      .prefault({}),
    engine: z
      .strictObject({
        partitions: count(1, 4096).default(16).describe('Store partitions per day: the unit of parallel work; does not change the rows generated'),
      })
      .prefault({}),
  })
  .superRefine((config, context) => {
    if (config.end < config.start) {
      context.addIssue({ code: 'custom', path: ['end'], input: config.end, message: `must not be before start (${config.start})` });
    }
    if (config.volumes.geographies < config.volumes.distributionCenters) {
      context.addIssue({
        code: 'custom',
        path: ['volumes', 'geographies'],
        input: config.volumes.geographies,
        message: `must be at least volumes.distributionCenters (${config.volumes.distributionCenters}): every region needs a city`,
      });
    }
  });

/** A validated configuration with every default filled in. */
export type RetailConfig = z.output<typeof configSchema>;
/** What a user may write: every field optional. */
export type RetailConfigInput = z.input<typeof configSchema>;
